"""grid responsibility (S11, S13): households under a responsible person and household visits; staff work
(S28): work logs and monthly summaries; the gift register (S27); the community's office phone

New tables only, and one nullable column on community (NULL: no office phone set, what every community had
before), so no existing row changes and the audit trail's recorded states still match.

Revision ID: 0010
Revises: 0009
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _person(table: str) -> list:
    """The columns every table here names its person by: a member on the roster, or a post holder's name."""
    return [sa.Column('member_id', sa.Integer(), nullable=True),
            sa.Column('name', sa.String(length=100), nullable=True),
            sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f(f'fk_{table}_member_id_member'))]


def _base(table: str) -> list:
    return [sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('community_id', sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(['community_id'], ['community.id'],
                                    name=op.f(f'fk_{table}_community_id_community')),
            sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}'))]


def upgrade() -> None:
    op.create_table('grid_assignment', *_base('grid_assignment'), *_person('grid_assignment'),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_grid_assignment_household_id_household'))
    )
    with op.batch_alter_table('grid_assignment', schema=None) as batch_op:
        batch_op.create_index('ix_grid_assignment_open', ['community_id', 'ended_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_grid_assignment_household_id'), ['household_id'], unique=False)

    op.create_table('household_visit', *_base('household_visit'), *_person('household_visit'),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_visit_household_id_household'))
    )
    with op.batch_alter_table('household_visit', schema=None) as batch_op:
        batch_op.create_index('ix_household_visit_household_day', ['community_id', 'household_id', 'day'],
                              unique=False)

    op.create_table('staff_log', *_base('staff_log'), *_person('staff_log'),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False)
    )
    with op.batch_alter_table('staff_log', schema=None) as batch_op:
        batch_op.create_index('ix_staff_log_community_day', ['community_id', 'day'], unique=False)

    op.create_table('staff_summary', *_base('staff_summary'), *_person('staff_summary'),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False)
    )
    with op.batch_alter_table('staff_summary', schema=None) as batch_op:
        batch_op.create_index('ix_staff_summary_community_month', ['community_id', 'month'], unique=False)

    op.create_table('gift', *_base('gift'), *_person('gift'),
    sa.Column('offered_by', sa.String(length=200), nullable=False),
    sa.Column('what', sa.String(length=300), nullable=False),
    sa.Column('value_fen', sa.Integer(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('handled', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False)
    )
    with op.batch_alter_table('gift', schema=None) as batch_op:
        batch_op.create_index('ix_gift_community_day', ['community_id', 'day'], unique=False)

    # plain ADD COLUMN (no table copy): NULL for every community, as before
    op.add_column('community', sa.Column('office_phone', sa.String(length=32), nullable=True))


def downgrade() -> None:
    op.drop_column('community', 'office_phone')
    for table, indexes in (('gift', ['ix_gift_community_day']),
                           ('staff_summary', ['ix_staff_summary_community_month']),
                           ('staff_log', ['ix_staff_log_community_day']),
                           ('household_visit', ['ix_household_visit_household_day']),
                           ('grid_assignment', ['ix_grid_assignment_household_id', 'ix_grid_assignment_open'])):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(index)
        op.drop_table(table)
