"""referral: the queue of referrals waiting for the e-doctor's visitation (issue 19)

A referral keeps its document as received, its source (department, GP, out-of-hours GP, the COPD
pre-care team), the eligibility judgement of R-ELIGIBLE item by item, the talks with the
referrer and the municipality, and the decision: admitted (naming the admission) or declined
(with a reason), never both.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 13:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.models.base

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'referral',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('source', sa.Enum('department', 'gp', 'out_of_hours_gp', 'copd_pre_care',
                                    name='referral_source', native_enum=False,
                                    create_constraint=True, length=23), nullable=False),
        sa.Column('referrer', sa.String(length=200), nullable=True),
        sa.Column('received_at', console.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('document', sa.Text(), nullable=False),
        sa.Column('municipality_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.Enum('referred', 'admitted', 'declined', name='referral_status',
                                    native_enum=False, create_constraint=True, length=16),
                  nullable=False),
        sa.Column('clinically_stable', sa.Boolean(), nullable=True),
        sa.Column('medically_suitable', sa.Boolean(), nullable=True),
        sa.Column('able_to_cooperate', sa.Boolean(), nullable=True),
        sa.Column('home_suitable', sa.Boolean(), nullable=True),
        sa.Column('video_possible', sa.Boolean(), nullable=True),
        sa.Column('referrer_call', sa.Text(), nullable=True),
        sa.Column('municipality_call', sa.Text(), nullable=True),
        sa.Column('decline_reason', sa.Text(), nullable=True),
        sa.Column('decided_by', sa.String(length=16), nullable=True),
        sa.Column('decided_at', console.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column('admission_id', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', console.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column('updated_by', sa.String(length=16), nullable=True),
        sa.CheckConstraint("status <> 'declined' OR decline_reason IS NOT NULL",
                           name=op.f('ck_referral_declined_has_reason')),
        sa.CheckConstraint("(status = 'admitted' AND admission_id IS NOT NULL) OR "
                           "(status <> 'admitted' AND admission_id IS NULL)",
                           name=op.f('ck_referral_admitted_has_admission')),
        sa.CheckConstraint("(status = 'referred' AND decided_at IS NULL) OR "
                           "(status <> 'referred' AND decided_at IS NOT NULL)",
                           name=op.f('ck_referral_decided_has_time')),
        sa.ForeignKeyConstraint(['admission_id'], ['admission.id'],
                                name=op.f('fk_referral_admission_id_admission')),
        sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'],
                                name=op.f('fk_referral_municipality_id_municipality')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_admission_id'), ['admission_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_referral_municipality_id'), ['municipality_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_referral_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_status'))
        batch_op.drop_index(batch_op.f('ix_referral_municipality_id'))
        batch_op.drop_index(batch_op.f('ix_referral_admission_id'))
    op.drop_table('referral')
