"""medcom messages, parties and course agreement (issue 16)

Messages sent and received (stored byte for byte, base64: the audit trigger writes JSON), one envelope per transmission (a resend has
new ids: R-MESSAGE), the SOR/EAN parties an admin keeps, and per course what the municipality
has accepted (R-ACCEPT), the care plan agreed (R-CAREPLAN), the notice state and why an epikrise
was not sent (R-EPIKRISE). Courses admitted before this revision have no agreement row: the
console treats them as accepted before it tracked acceptance.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 06:28:37.069909
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('message_party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('hospital', 'municipality', 'gp', name='party_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sor', sa.String(length=32), nullable=False),
    sa.Column('ean', sa.String(length=32), nullable=True),
    sa.Column('municipality_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_message_party_municipality_id_municipality')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_party')),
    sa.UniqueConstraint('sor', name=op.f('uq_message_party_sor'))
    )
    with op.batch_alter_table('message_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_party_municipality_id'), ['municipality_id'], unique=False)

    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('admission_id', sa.Integer(), nullable=True),
    sa.Column('direction', sa.Enum('out', 'in', name='message_direction', native_enum=False, create_constraint=True, length=11), nullable=False),
    sa.Column('kind', sa.Enum('care_communication', 'hospital_notification', 'acknowledgement', 'invalid', name='message_kind', native_enum=False, create_constraint=True, length=29), nullable=False),
    sa.Column('state', sa.Enum('drafted', 'sent', 'acknowledged', 'rejected', 'failed', 'received', 'answered', name='message_state', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('purpose', sa.Enum('care_plan', 'care_plan_update', 'epikrise', 'discharge_report', 'correspondence', name='message_purpose', native_enum=False, create_constraint=True, length=24), nullable=True),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('party_sor', sa.String(length=32), nullable=True),
    sa.Column('party_name', sa.String(length=200), nullable=True),
    sa.Column('category', sa.String(length=64), nullable=True),
    sa.Column('topic', sa.String(length=200), nullable=True),
    sa.Column('priority', sa.String(length=16), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('plan_date', sa.Date(), nullable=True),
    sa.Column('author', sa.String(length=16), nullable=True),
    sa.Column('author_name', sa.String(length=200), nullable=True),
    sa.Column('communication_id', sa.String(length=80), nullable=True),
    sa.Column('episode_of_care_id', sa.String(length=200), nullable=True),
    sa.Column('episode_of_care_system', sa.String(length=200), nullable=True),
    sa.Column('in_reply_to_id', sa.Integer(), nullable=True),
    sa.Column('forward_of_id', sa.Integer(), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ack_code', sa.String(length=4), nullable=True),
    sa.Column('ack_reason', sa.Text(), nullable=True),
    sa.Column('ack_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('problem', sa.Text(), nullable=True),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=True),
    sa.Column('raw_format', sa.String(length=8), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['admission_id'], ['admission.id'], name=op.f('fk_message_admission_id_admission'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['answered_by_id'], ['message.id'], name=op.f('fk_message_answered_by_id_message')),
    sa.ForeignKeyConstraint(['in_reply_to_id'], ['message.id'], name=op.f('fk_message_in_reply_to_id_message')),
    sa.ForeignKeyConstraint(['forward_of_id'], ['message.id'], name=op.f('fk_message_forward_of_id_message')),
    sa.ForeignKeyConstraint(['party_id'], ['message_party.id'], name=op.f('fk_message_party_id_message_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_admission_id'), ['admission_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_communication_id'), ['communication_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_state'), ['state'], unique=False)

    op.create_table('course_agreement',
    sa.Column('admission_id', sa.Integer(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('accepted_by', sa.String(length=200), nullable=True),
    sa.Column('accepted_via', sa.String(length=16), nullable=True),
    sa.Column('accepted_message_id', sa.Integer(), nullable=True),
    sa.Column('refused_reason', sa.Text(), nullable=True),
    sa.Column('care_plan_agreed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('notice_state', sa.Enum('expected', 'received', 'confirmed_by_phone', 'not_applicable', name='notice_state', native_enum=False, create_constraint=True, length=26), nullable=False),
    sa.Column('epikrise_missing_reason', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['accepted_message_id'], ['message.id'], name=op.f('fk_course_agreement_accepted_message_id_message')),
    sa.ForeignKeyConstraint(['admission_id'], ['admission.id'], name=op.f('fk_course_agreement_admission_id_admission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('admission_id', name=op.f('pk_course_agreement'))
    )
    op.create_table('message_envelope',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('bundle_id', sa.String(length=80), nullable=False),
    sa.Column('header_id', sa.String(length=80), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_by', sa.String(length=16), nullable=True),
    sa.Column('data', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], name=op.f('fk_message_envelope_message_id_message'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_envelope')),
    sa.UniqueConstraint('header_id', name=op.f('uq_message_envelope_header_id'))
    )
    with op.batch_alter_table('message_envelope', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_envelope_message_id'), ['message_id'], unique=False)

    op.create_table('message_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('identifier', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('filename', sa.String(length=240), nullable=False),
    sa.Column('content_type', sa.String(length=80), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], name=op.f('fk_message_attachment_message_id_message'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_attachment'))
    )
    with op.batch_alter_table('message_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_attachment_message_id'), ['message_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('message_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_attachment_message_id'))

    op.drop_table('message_attachment')
    with op.batch_alter_table('message_envelope', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_envelope_message_id'))

    op.drop_table('message_envelope')
    op.drop_table('course_agreement')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_state'))
        batch_op.drop_index(batch_op.f('ix_message_communication_id'))
        batch_op.drop_index(batch_op.f('ix_message_admission_id'))

    op.drop_table('message')
    with op.batch_alter_table('message_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_party_municipality_id'))

    op.drop_table('message_party')
