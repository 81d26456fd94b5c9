"""visit lookups for the census: by regimen, and the planned visits by admission

The census's next-visit aggregate read every visit on PostgreSQL (a sequential scan of 100,000
rows at 1,000 patients); a partial index of the planned visits by admission and window serves it
on both databases.

The census's one-row refresh (issue 17) projects a patient's medicine stock from the visits of
their regimen lines (given, still planned). Without an index on ``visit.regimen_id`` each of
those queries read the whole visit table, so refreshing one row took longer the larger the ward.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


PLANNED = sa.text("status = 'planned'")


def upgrade() -> None:
    op.create_index('ix_visit_regimen_id_status', 'visit', ['regimen_id', 'status'])
    op.create_index('ix_visit_planned_admission_window', 'visit',
                    ['admission_id', 'window_end', 'window_start'],
                    sqlite_where=PLANNED, postgresql_where=PLANNED)


def downgrade() -> None:
    op.drop_index('ix_visit_planned_admission_window', table_name='visit')
    op.drop_index('ix_visit_regimen_id_status', table_name='visit')
