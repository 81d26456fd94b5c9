"""access governance: break-the-glass purpose, flags, reviews; ward-qualified roles

The access log gains what the national MinLog and a review need: the roles the person held, the
purpose typed when they had no current role for the patient (break-the-glass), a flag for an
admin's review and the end of the time box. Reviews are rows of their own (the access log is
append-only). On PostgreSQL the database's own functions (console/db_triggers.py: signing guard,
access-log writer, purge) are recreated after every migration; ``eward db roles`` then moves the
logins to names qualified by this database (console/dbroles.py).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('access_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('roles', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('flagged', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('until', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'access_review',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('access_event_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
                  nullable=False),
        sa.Column('reviewed_by', sa.String(length=16), nullable=False),
        sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('outcome', sa.String(length=16), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['access_event_id'], ['access_event.id'],
                                name=op.f('fk_access_review_access_event_id_access_event'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_access_review')),
        sa.UniqueConstraint('access_event_id', name=op.f('uq_access_review_access_event_id')),
    )


def downgrade() -> None:
    op.drop_table('access_review')
    with op.batch_alter_table('access_event', schema=None) as batch_op:
        batch_op.drop_column('until')
        batch_op.drop_column('flagged')
        batch_op.drop_column('reason')
        batch_op.drop_column('roles')
