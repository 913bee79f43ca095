"""community settings and records the clerk's defects asked for: a community's time zone, the reason a
representative serves for a group they do not live in, and addenda to closed minutes

All three columns are nullable and NULL means what every earlier row meant (the default time zone, a
representative of their own group, a note taken while the meeting ran), so no existing row changes and
the audit trail's recorded states still match.

Revision ID: 0005
Revises: 0004
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no table copy): SQLite adds a nullable column in place, foreign keys untouched
    op.add_column('community', sa.Column('timezone', sa.String(length=64), nullable=True))
    op.add_column('representative', sa.Column('other_group_reason', sa.Text(), nullable=True))
    op.add_column('meeting_note', sa.Column('kind', sa.String(length=16), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+); the columns hold no index or constraint
    op.drop_column('meeting_note', 'kind')
    op.drop_column('representative', 'other_group_reason')
    op.drop_column('community', 'timezone')
