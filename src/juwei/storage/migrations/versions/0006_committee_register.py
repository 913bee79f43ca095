"""the committee register: the committee's terms (届), every post held (committee, staff, standing
bodies), the division of work (S26), and the post a recorded staff change (S24) belongs to

New tables only, and one nullable column on personnel_change (NULL for every change recorded before), so
no existing row changes and the audit trail's recorded states still match.

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('committee_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_committee_term_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_term')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_committee_term_community_id_number'))
    )
    with op.batch_alter_table('committee_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_term_community_id'), ['community_id'], unique=False)

    op.create_table('duty',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_duty_community_id_community')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_duty_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty'))
    )
    with op.batch_alter_table('duty', schema=None) as batch_op:
        batch_op.create_index('ix_duty_community_from', ['community_id', 'effective_from'], unique=False)

    op.create_table('post',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('term_id', sa.Integer(), nullable=True),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(length=16), nullable=True),
    sa.Column('end_note', sa.Text(), nullable=True),
    sa.Column('election_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_post_community_id_community')),
    sa.ForeignKeyConstraint(['group_id'], ['residents_group.id'], name=op.f('fk_post_group_id_residents_group')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_post_member_id_member')),
    sa.ForeignKeyConstraint(['term_id'], ['committee_term.id'], name=op.f('fk_post_term_id_committee_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post'))
    )
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.create_index('ix_post_community_body', ['community_id', 'body', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_post_member_id'), ['member_id'], unique=False)

    # plain ADD COLUMN (no table copy, so no foreign key): NULL for every change recorded before
    op.add_column('personnel_change', sa.Column('post_id', sa.Integer(), nullable=True))



def downgrade() -> None:
    op.drop_column('personnel_change', 'post_id')

    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_member_id'))
        batch_op.drop_index('ix_post_community_body')

    op.drop_table('post')
    with op.batch_alter_table('duty', schema=None) as batch_op:
        batch_op.drop_index('ix_duty_community_from')

    op.drop_table('duty')
    with op.batch_alter_table('committee_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_term_community_id'))

    op.drop_table('committee_term')
