"""audit_event lookup by table and row, for the PostgreSQL audit backstop

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 19:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_table_name_row_id', ['table_name', 'row_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_table_name_row_id')
