"""route_plan: every accepted route plan with the seed and iterations that reproduce it

Issue 18: the planner's budget is a number of iterations with a wall-clock cap; the seed, the
budget and the iterations used are stored with every accepted plan, so it can be reproduced.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.models.base

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'route_plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('base', sa.String(length=100), nullable=True),
        sa.Column('shift_kind', sa.String(length=16), nullable=True),
        sa.Column('seed', sa.Integer(), nullable=False),
        sa.Column('iteration_budget', sa.Integer(), nullable=False),
        sa.Column('iterations', sa.Integer(), nullable=False),
        sa.Column('time_limit', sa.Float(), nullable=False),
        sa.Column('capped', sa.Boolean(), nullable=False),
        sa.Column('placed', sa.Integer(), nullable=False),
        sa.Column('cars', sa.Integer(), nullable=False),
        sa.Column('saved_at', console.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('saved_by', sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_route_plan')),
    )
    op.create_index(op.f('ix_route_plan_day'), 'route_plan', ['day'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_route_plan_day'), table_name='route_plan')
    op.drop_table('route_plan')
