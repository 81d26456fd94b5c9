"""iv_access: a course's IV access as a record of its own (R-ACCESS, issue 19)

Type, placed when and by whom, planned removal, and when and why it ended; a re-insertion ends
the current record and starts a new one.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.models.base

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'iv_access',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('admission_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('pvk', 'cvk', 'picc', 'midline', 'vip', name='iv_access_kind',
                                  native_enum=False, create_constraint=True, length=15),
                  nullable=False),
        sa.Column('placed_at', console.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('placed_by', sa.String(length=64), nullable=True),
        sa.Column('remove_by', sa.Date(), nullable=True),
        sa.Column('ended_at', console.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column('end_reason', sa.Text(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', console.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column('updated_by', sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(['admission_id'], ['admission.id'],
                                name=op.f('fk_iv_access_admission_id_admission'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_iv_access')),
    )
    with op.batch_alter_table('iv_access', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_iv_access_admission_id'), ['admission_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('iv_access', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_iv_access_admission_id'))
    op.drop_table('iv_access')
