"""visit lookup by regimen: the stock projection of one patient no longer scans every visit

The census's one-row refresh (issue 17) projects a patient's medicine stock from the visits of
their regimen lines (given, still planned). Without an index on ``visit.regimen_id`` each of
those queries read the whole visit table, so refreshing one row took longer the larger the ward.

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0011'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_visit_regimen_id_status', 'visit', ['regimen_id', 'status'])


def downgrade() -> None:
    op.drop_index('ix_visit_regimen_id_status', table_name='visit')
