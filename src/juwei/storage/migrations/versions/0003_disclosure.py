"""disclosure

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('disclosure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=True),
    sa.Column('period', sa.String(length=16), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('motion_id', sa.Integer(), nullable=True),
    sa.Column('post_on', sa.Date(), nullable=True),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('posted_on', sa.Date(), nullable=True),
    sa.Column('posted_by', sa.String(length=100), nullable=True),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('withdraw_reason', sa.String(length=300), nullable=True),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_disclosure_community_id_community')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['disclosure.id'], name=op.f('fk_disclosure_supersedes_id_disclosure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disclosure'))
    )
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.create_index('ix_disclosure_community_posted', ['community_id', 'posted_on'], unique=False)
        batch_op.create_index('ix_disclosure_community_subject', ['community_id', 'subject'], unique=False)
        batch_op.create_index(batch_op.f('ix_disclosure_supersedes_id'), ['supersedes_id'], unique=False)

    op.create_table('ledger_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('category', sa.String(length=50), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('voucher', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_ledger_entry_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entry')),
    sa.UniqueConstraint('community_id', 'voucher', name=op.f('uq_ledger_entry_community_id_voucher'))
    )
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_entry_community_day',
                              ['community_id', 'day', 'direction', 'category', 'amount_fen'], unique=False)

    op.create_table('personnel_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('change', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('effective', sa.Date(), nullable=False),
    sa.Column('disclosure_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_personnel_change_community_id_community')),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_personnel_change_disclosure_id_disclosure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_personnel_change'))
    )
    with op.batch_alter_table('personnel_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_personnel_change_community_id'), ['community_id'], unique=False)

    op.create_table('welfare_list',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('benefit', sa.String(length=100), nullable=False),
    sa.Column('starts', sa.Date(), nullable=False),
    sa.Column('objection_days', sa.Integer(), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=True),
    sa.Column('source_file', sa.String(length=300), nullable=True),
    sa.Column('disclosure_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_welfare_list_community_id_community')),
    sa.ForeignKeyConstraint(['disclosure_id'], ['disclosure.id'], name=op.f('fk_welfare_list_disclosure_id_disclosure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_welfare_list'))
    )
    with op.batch_alter_table('welfare_list', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_welfare_list_community_id'), ['community_id'], unique=False)

    op.create_table('welfare_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('row', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('household_size', sa.Integer(), nullable=False),
    sa.Column('benefit', sa.String(length=100), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('minor', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['list_id'], ['welfare_list.id'], name=op.f('fk_welfare_entry_list_id_welfare_list')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_welfare_entry'))
    )
    with op.batch_alter_table('welfare_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_welfare_entry_list_id'), ['list_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('welfare_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_welfare_entry_list_id'))

    op.drop_table('welfare_entry')
    with op.batch_alter_table('welfare_list', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_welfare_list_community_id'))

    op.drop_table('welfare_list')
    with op.batch_alter_table('personnel_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_personnel_change_community_id'))

    op.drop_table('personnel_change')
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entry_community_day')

    op.drop_table('ledger_entry')
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disclosure_supersedes_id'))
        batch_op.drop_index('ix_disclosure_community_subject')
        batch_op.drop_index('ix_disclosure_community_posted')

    op.drop_table('disclosure')
