"""visit.task: the MBE task a visit was ordered as (R-MBE-TASKS)

Issue 19: the MBE does far more than doses and CRP samples (seed 003). An ordered task keeps its
code (``services/course/mbe_tasks.py``) so the board names it, the planner knows the
competences it needs (R-CREW-SKILL) and its registration asks for the right record.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('task', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_column('task')
