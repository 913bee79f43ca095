"""elections of the residents' committee (S9): the election, its election committee, the voter register
frozen for polling day, what was published and when, proxies, candidates, and each round's count as figures
only (ballots issued, returned, void; votes per person per post) — no table links a voter to a choice

New tables only: no existing row changes, so the audit trail's recorded states still match.

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('election',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('seats_director', sa.Integer(), nullable=False),
    sa.Column('seats_deputy', sa.Integer(), nullable=False),
    sa.Column('seats_member', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('rules', sa.Text(), nullable=False),
    sa.Column('urgent_reason', sa.Text(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('vacant_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_election_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election'))
    )
    with op.batch_alter_table('election', schema=None) as batch_op:
        batch_op.create_index('ix_election_community_day', ['community_id', 'day'], unique=False)

    op.create_table('election_publication',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('doc', sa.String(length=16), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_election_publication_community_id_community')),
    sa.ForeignKeyConstraint(['election_id'], ['election.id'], name=op.f('fk_election_publication_election_id_election')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_publication'))
    )
    with op.batch_alter_table('election_publication', schema=None) as batch_op:
        batch_op.create_index('ix_election_publication_election', ['election_id'], unique=False)

    op.create_table('election_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('plan', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('registered', sa.Integer(), nullable=True),
    sa.Column('issued', sa.Integer(), nullable=True),
    sa.Column('returned', sa.Integer(), nullable=True),
    sa.Column('void', sa.Integer(), nullable=True),
    sa.Column('counted_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_election_round_community_id_community')),
    sa.ForeignKeyConstraint(['election_id'], ['election.id'], name=op.f('fk_election_round_election_id_election')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_round')),
    sa.UniqueConstraint('election_id', 'number', name=op.f('uq_election_round_election_id_number'))
    )
    op.create_table('election_voter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('group_name', sa.String(length=100), nullable=True),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('household_number', sa.String(length=64), nullable=True),
    sa.Column('added_reason', sa.Text(), nullable=True),
    sa.Column('removed_reason', sa.Text(), nullable=True),
    sa.Column('changed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_election_voter_community_id_community')),
    sa.ForeignKeyConstraint(['election_id'], ['election.id'], name=op.f('fk_election_voter_election_id_election')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_voter')),
    sa.UniqueConstraint('election_id', 'number', name=op.f('uq_election_voter_election_id_number'))
    )
    op.create_table('election_candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('post', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_election_candidate_community_id_community')),
    sa.ForeignKeyConstraint(['election_id'], ['election.id'], name=op.f('fk_election_candidate_election_id_election')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_election_candidate_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_candidate')),
    sa.UniqueConstraint('election_id', 'member_id', 'post', name=op.f('uq_election_candidate_election_id_member_id_post'))
    )
    op.create_table('election_proxy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('giver_id', sa.Integer(), nullable=False),
    sa.Column('holder_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_election_proxy_community_id_community')),
    sa.ForeignKeyConstraint(['election_id'], ['election.id'], name=op.f('fk_election_proxy_election_id_election')),
    sa.ForeignKeyConstraint(['giver_id'], ['member.id'], name=op.f('fk_election_proxy_giver_id_member')),
    sa.ForeignKeyConstraint(['holder_id'], ['member.id'], name=op.f('fk_election_proxy_holder_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_proxy')),
    sa.UniqueConstraint('election_id', 'giver_id', name=op.f('uq_election_proxy_election_id_giver_id'))
    )
    op.create_table('election_tally',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('post', sa.String(length=16), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('votes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_election_tally_community_id_community')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_election_tally_member_id_member')),
    sa.ForeignKeyConstraint(['round_id'], ['election_round.id'], name=op.f('fk_election_tally_round_id_election_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_tally')),
    sa.UniqueConstraint('round_id', 'post', 'member_id', name=op.f('uq_election_tally_round_id_post_member_id'))
    )
    op.create_table('election_officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['election_candidate.id'], name=op.f('fk_election_officer_candidate_id_election_candidate')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_election_officer_community_id_community')),
    sa.ForeignKeyConstraint(['election_id'], ['election.id'], name=op.f('fk_election_officer_election_id_election')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_election_officer_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_officer'))
    )
    with op.batch_alter_table('election_officer', schema=None) as batch_op:
        batch_op.create_index('ix_election_officer_election', ['election_id'], unique=False)

    # recall (罢免) of a committee member: the vote as figures only, no proposer or voter named
    op.create_table('recall',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('basis', sa.String(length=16), nullable=False),
    sa.Column('proposers', sa.Integer(), nullable=False),
    sa.Column('base', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('reply', sa.Text(), nullable=True),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('registered', sa.Integer(), nullable=True),
    sa.Column('issued', sa.Integer(), nullable=True),
    sa.Column('returned', sa.Integer(), nullable=True),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('against', sa.Integer(), nullable=True),
    sa.Column('void', sa.Integer(), nullable=True),
    sa.Column('counted_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('post_ended_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_recall_community_id_community')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_recall_member_id_member')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_recall_post_id_post')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recall'))
    )
    with op.batch_alter_table('recall', schema=None) as batch_op:
        batch_op.create_index('ix_recall_community_member', ['community_id', 'member_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('recall', schema=None) as batch_op:
        batch_op.drop_index('ix_recall_community_member')

    op.drop_table('recall')
    with op.batch_alter_table('election_officer', schema=None) as batch_op:
        batch_op.drop_index('ix_election_officer_election')

    op.drop_table('election_officer')
    op.drop_table('election_tally')
    op.drop_table('election_proxy')
    op.drop_table('election_candidate')
    op.drop_table('election_voter')
    op.drop_table('election_round')
    with op.batch_alter_table('election_publication', schema=None) as batch_op:
        batch_op.drop_index('ix_election_publication_election')

    op.drop_table('election_publication')
    with op.batch_alter_table('election', schema=None) as batch_op:
        batch_op.drop_index('ix_election_community_day')

    op.drop_table('election')
