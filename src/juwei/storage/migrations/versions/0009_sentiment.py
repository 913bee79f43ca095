"""sentiment work (S10–S12): the items collected, the steps of their handling, the monthly reports sent

New tables only: no existing row changes, so the audit trail's recorded states still match.

Revision ID: 0009
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sentiment_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('from_name', sa.String(length=100), nullable=True),
    sa.Column('by_member_id', sa.Integer(), nullable=True),
    sa.Column('by_name', sa.String(length=100), nullable=True),
    sa.Column('received', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('reported_to', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['by_member_id'], ['member.id'], name=op.f('fk_sentiment_item_by_member_id_member')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_sentiment_item_community_id_community')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_sentiment_item_household_id_household')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_sentiment_item_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentiment_item'))
    )
    with op.batch_alter_table('sentiment_item', schema=None) as batch_op:
        batch_op.create_index('ix_sentiment_item_community_received', ['community_id', 'received'], unique=False)

    op.create_table('sentiment_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_sentiment_report_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentiment_report')),
    sa.UniqueConstraint('community_id', 'month', name=op.f('uq_sentiment_report_community_id_month'))
    )

    op.create_table('sentiment_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_sentiment_step_community_id_community')),
    sa.ForeignKeyConstraint(['item_id'], ['sentiment_item.id'], name=op.f('fk_sentiment_step_item_id_sentiment_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentiment_step'))
    )
    with op.batch_alter_table('sentiment_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sentiment_step_item_id'), ['item_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sentiment_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sentiment_step_item_id'))

    op.drop_table('sentiment_step')
    op.drop_table('sentiment_report')
    with op.batch_alter_table('sentiment_item', schema=None) as batch_op:
        batch_op.drop_index('ix_sentiment_item_community_received')

    op.drop_table('sentiment_item')
