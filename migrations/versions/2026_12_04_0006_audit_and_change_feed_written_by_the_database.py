"""audit and change feed written by the database: change_log names the admission

The audit trail and the change feed move from the console's flush hook into row triggers the
database runs for every write, bulk statements and psql included (console/db_triggers.py;
``console.db.upgrade`` creates them from the live schema after every migration). The change
feed gains the admission a changed row belongs to, so a screen can reload just those rows.
The PostgreSQL audit backstop of issue 8 is dropped: the trigger now writes every audit row.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from console import db_triggers

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for (table,) in bind.exec_driver_sql(
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = 'eward_audit_backstop'").all():
            op.execute(f'DROP TRIGGER IF EXISTS eward_audit_backstop ON "{table}"')
        op.execute("DROP FUNCTION IF EXISTS eward_audit_backstop()")
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('admission_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    db_triggers.drop_audit_triggers(op.get_bind())
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_column('admission_id')
