"""democratic evaluation (S16–S19) and admonition (S29): the evaluation, its subjects with their self-reviews
and counts (ballots per grade only — no table links a representative to a grade), admonitions and their
follow-up notes

New tables only: no existing row changes, so the audit trail's recorded states still match.

Revision ID: 0008
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('rules', sa.Text(), nullable=False),
    sa.Column('issued', sa.Integer(), nullable=True),
    sa.Column('returned', sa.Integer(), nullable=True),
    sa.Column('void', sa.Integer(), nullable=True),
    sa.Column('present', sa.Integer(), nullable=True),
    sa.Column('body_size', sa.Integer(), nullable=True),
    sa.Column('whole_satisfied', sa.Integer(), nullable=True),
    sa.Column('whole_basic', sa.Integer(), nullable=True),
    sa.Column('whole_unsatisfied', sa.Integer(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('objection_until', sa.Date(), nullable=True),
    sa.Column('disclosure_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_evaluation_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation'))
    )
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.create_index('ix_evaluation_community_held', ['community_id', 'held_on'], unique=False)

    op.create_table('evaluation_subject',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('body', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('added', sa.Boolean(), nullable=False),
    sa.Column('removed_reason', sa.Text(), nullable=True),
    sa.Column('report', sa.Text(), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('excellent', sa.Integer(), nullable=True),
    sa.Column('competent', sa.Integer(), nullable=True),
    sa.Column('basic', sa.Integer(), nullable=True),
    sa.Column('incompetent', sa.Integer(), nullable=True),
    sa.Column('decided_grade', sa.String(length=16), nullable=True),
    sa.Column('decided_note', sa.Text(), nullable=True),
    sa.Column('notified_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_evaluation_subject_community_id_community')),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_evaluation_subject_evaluation_id_evaluation')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_evaluation_subject_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_subject'))
    )
    with op.batch_alter_table('evaluation_subject', schema=None) as batch_op:
        batch_op.create_index('ix_evaluation_subject_evaluation', ['evaluation_id', 'position'], unique=False)

    op.create_table('admonition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('corrected_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_admonition_community_id_community')),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_admonition_evaluation_id_evaluation')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_admonition_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admonition'))
    )
    with op.batch_alter_table('admonition', schema=None) as batch_op:
        batch_op.create_index('ix_admonition_community_opened', ['community_id', 'opened_on'], unique=False)

    op.create_table('admonition_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('admonition_id', sa.Integer(), nullable=False),
    sa.Column('noted_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['admonition_id'], ['admonition.id'], name=op.f('fk_admonition_note_admonition_id_admonition')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_admonition_note_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admonition_note'))
    )
    with op.batch_alter_table('admonition_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admonition_note_admonition_id'), ['admonition_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('admonition_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admonition_note_admonition_id'))

    op.drop_table('admonition_note')
    with op.batch_alter_table('admonition', schema=None) as batch_op:
        batch_op.drop_index('ix_admonition_community_opened')

    op.drop_table('admonition')
    with op.batch_alter_table('evaluation_subject', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_subject_evaluation')

    op.drop_table('evaluation_subject')
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_community_held')

    op.drop_table('evaluation')
