"""a real working day: MBE rota, out-of-service reason, place of treatment, parents informed

Issue 14: a real database creates and staffs its MBE shifts from reference data. ``rota`` holds
how many cars each base normally staffs on its day and evening shift (under the R-SHIFT cap of
``max_cars_per_shift``, an admin's setting); ``shift_car.out_of_service_reason`` records why a car
was taken off the road for a shift; ``admission.parents_informed_by/_at`` who informed the
parents of a patient of 15-17, and when (R-PARENTS); ``admission.place_of_treatment`` and
``visit.place`` (when a visit differs) record where the patient is treated (R-REGISTER).
Audit triggers are recreated after every migration (console/db_triggers.py), so the new table
needs none here.

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-05 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'rota',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('base_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('day', 'evening', name='shift_kind', native_enum=False,
                                  create_constraint=True, length=15), nullable=False),
        sa.Column('cars', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('updated_by', sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(['base_id'], ['base.id'], name=op.f('fk_rota_base_id_base')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rota')),
        sa.UniqueConstraint('base_id', 'kind', name=op.f('uq_rota_base_id_kind')),
    )
    with op.batch_alter_table('rota', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rota_base_id'), ['base_id'], unique=False)
    with op.batch_alter_table('shift_car', schema=None) as batch_op:
        batch_op.add_column(sa.Column('out_of_service_reason', sa.Text(), nullable=True))
    places = ('home', 'municipal_acute_bed', 'nursing_clinic')
    with op.batch_alter_table('admission', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'place_of_treatment', sa.Enum(*places, name='place_of_treatment', native_enum=False,
                                          create_constraint=True, length=27),
            nullable=False, server_default='home'))
        batch_op.add_column(sa.Column('parents_informed_by', sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column('parents_informed_at', sa.DateTime(timezone=True),
                                      nullable=True))
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'place', sa.Enum(*places, name='visit_place', native_enum=False,
                             create_constraint=True, length=27), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_visit_visit_place'), type_='check')
        batch_op.drop_column('place')
    with op.batch_alter_table('admission', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_admission_place_of_treatment'), type_='check')
        batch_op.drop_column('place_of_treatment')
        batch_op.drop_column('parents_informed_at')
        batch_op.drop_column('parents_informed_by')
    with op.batch_alter_table('shift_car', schema=None) as batch_op:
        batch_op.drop_column('out_of_service_reason')
    with op.batch_alter_table('rota', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rota_base_id'))
    op.drop_table('rota')
