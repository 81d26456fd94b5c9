"""lab_result: a reading for qualitative analyses and where the sample was analysed

Issue 19: lab results beyond CRP. A blood culture or a urine stix is read, not measured: its
words are kept in ``reading``; ``place`` says whether the sample was analysed at the bedside
(POCT) or sent to the laboratory.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('lab_result', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reading', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('place', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('lab_result', schema=None) as batch_op:
        batch_op.drop_column('place')
        batch_op.drop_column('reading')
