"""foundation

Revision ID: 0001
Revises: 
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def _household_representative_fk_inline():
    """SQLite cannot add a foreign key later, but accepts one to a table that does not exist yet."""
    if op.get_bind().dialect.name == "sqlite":
        return [sa.ForeignKeyConstraint(['representative_id'], ['member.id'],
                                        name='fk_household_representative_id_member')]
    return []


def upgrade() -> None:
    op.create_table('community',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('rules_profile', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community')),
    sa.UniqueConstraint('code', name=op.f('uq_community_code'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('clerk', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=100), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_audit_event_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_entity', ['community_id', 'entity'], unique=False)

    op.create_table('residents_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_residents_group_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residents_group')),
    sa.UniqueConstraint('community_id', 'name', name=op.f('uq_residents_group_community_id_name'))
    )
    with op.batch_alter_table('residents_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_residents_group_community_id'), ['community_id'], unique=False)

    op.create_table('rules_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_rules_version_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rules_version'))
    )
    with op.batch_alter_table('rules_version', schema=None) as batch_op:
        batch_op.create_index('ix_rules_version_lookup', ['community_id', 'key', 'effective_from'], unique=False)

    op.create_table('household',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('representative_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_household_community_id_community')),
    sa.ForeignKeyConstraint(['group_id'], ['residents_group.id'], name=op.f('fk_household_group_id_residents_group')),
    *_household_representative_fk_inline(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_household_community_id_number'))
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_group_id'), ['group_id'], unique=False)

    op.create_table('member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('party_member', sa.Boolean(), nullable=False),
    sa.Column('rights_deprived_from', sa.Date(), nullable=True),
    sa.Column('rights_deprived_until', sa.Date(), nullable=True),
    sa.Column('moved_in', sa.Date(), nullable=True),
    sa.Column('moved_out', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_member_community_id_community')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_member_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member')),
    sa.UniqueConstraint('community_id', 'id_number', name=op.f('uq_member_community_id_id_number'))
    )
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index('ix_member_community_household', ['community_id', 'household_id'], unique=False)
        batch_op.create_index('ix_member_community_name', ['community_id', 'name'], unique=False)

    if op.get_bind().dialect.name != "sqlite":
        # household and member refer to each other; elsewhere the second reference is added after both exist.
        op.create_foreign_key('fk_household_representative_id_member', 'household', 'member',
                              ['representative_id'], ['id'])
    op.create_table('representative',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('basis', sa.String(length=32), nullable=True),
    sa.Column('term_start', sa.Date(), nullable=False),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_representative_community_id_community')),
    sa.ForeignKeyConstraint(['group_id'], ['residents_group.id'], name=op.f('fk_representative_group_id_residents_group')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_representative_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_representative'))
    )
    with op.batch_alter_table('representative', schema=None) as batch_op:
        batch_op.create_index('ix_representative_community_term', ['community_id', 'term_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_representative_member_id'), ['member_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('representative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_representative_member_id'))
        batch_op.drop_index('ix_representative_community_term')

    op.drop_table('representative')
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_index('ix_member_community_name')
        batch_op.drop_index('ix_member_community_household')

    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint('fk_household_representative_id_member', 'household', type_='foreignkey')
    op.drop_table('member')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_group_id'))
        batch_op.drop_index(batch_op.f('ix_household_community_id'))

    op.drop_table('household')
    with op.batch_alter_table('rules_version', schema=None) as batch_op:
        batch_op.drop_index('ix_rules_version_lookup')

    op.drop_table('rules_version')
    with op.batch_alter_table('residents_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_residents_group_community_id'))

    op.drop_table('residents_group')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_entity')

    op.drop_table('audit_event')
    op.drop_table('community')
