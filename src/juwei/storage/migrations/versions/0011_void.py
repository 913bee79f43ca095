"""voiding a household or resident entered by mistake (作废), and a resident's relationship to the head of
household (与户主关系) as the household register writes it

Nullable columns only, and NULL means what every earlier row meant (not voided; relationship not recorded),
so no existing row changes and the audit trail's recorded states still match.

Revision ID: 0011
Revises: 0010
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no table copy): SQLite adds a nullable column in place, foreign keys untouched
    op.add_column('household', sa.Column('voided_on', sa.Date(), nullable=True))
    op.add_column('household', sa.Column('void_reason', sa.Text(), nullable=True))
    op.add_column('member', sa.Column('relationship', sa.String(length=32), nullable=True))
    op.add_column('member', sa.Column('voided_on', sa.Date(), nullable=True))
    op.add_column('member', sa.Column('void_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+); the columns hold no index or constraint. A schema before 0011
    # cannot tell a voided row apart, so voided rows would come back into every list: refused while any exist.
    conn = op.get_bind()
    for table in ('household', 'member'):
        if conn.execute(sa.text(f'SELECT 1 FROM {table} WHERE voided_on IS NOT NULL LIMIT 1')).first():
            raise RuntimeError(f'{table} has voided rows; a schema before 0011 would list them again')
    op.drop_column('member', 'void_reason')
    op.drop_column('member', 'voided_on')
    op.drop_column('member', 'relationship')
    op.drop_column('household', 'void_reason')
    op.drop_column('household', 'voided_on')
