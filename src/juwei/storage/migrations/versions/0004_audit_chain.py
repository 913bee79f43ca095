"""audit chain: seq, prev_hash, hash on audit_event; existing events are chained in id order

Revision ID: 0004
Revises: 0003
"""

import hashlib
import json

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def _iso(value):
    """The event time as the chain hashes it: UTC, ISO 8601 (a frozen copy of juwei.services.audit)."""
    import datetime as dt

    if value is None:
        return None
    if isinstance(value, str):  # SQLite without type information
        value = dt.datetime.fromisoformat(value)
    if value.utcoffset() is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).isoformat()


def _digest(seq, community_id, at, clerk, action, entity, before, after, prev_hash):
    content = json.dumps([seq, community_id, _iso(at), clerk, action, entity, before, after, prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_audit_event_seq', ['seq'])
        batch_op.create_index('ix_audit_event_entity_seq', ['entity', 'seq'], unique=False)

    bind = op.get_bind()
    events = sa.table('audit_event', sa.column('id', sa.Integer), sa.column('community_id', sa.Integer),
                      sa.column('at', sa.DateTime(timezone=True)), sa.column('clerk', sa.String),
                      sa.column('action', sa.String), sa.column('entity', sa.String),
                      sa.column('before', sa.Text), sa.column('after', sa.Text),
                      sa.column('seq', sa.Integer), sa.column('prev_hash', sa.String),
                      sa.column('hash', sa.String))
    rows = bind.execute(sa.select(events.c.id, events.c.community_id, events.c.at, events.c.clerk,
                                  events.c.action, events.c.entity, events.c.before, events.c.after)
                        .order_by(events.c.id)).all()
    prev = GENESIS
    updates = []
    for seq, row in enumerate(rows, start=1):
        digest = _digest(seq, row.community_id, row.at, row.clerk, row.action, row.entity, row.before,
                         row.after, prev)
        updates.append({"k": row.id, "seq": seq, "prev_hash": prev, "hash": digest})
        prev = digest
    if updates:
        bind.execute(events.update().where(events.c.id == sa.bindparam("k"))
                     .values(seq=sa.bindparam("seq"), prev_hash=sa.bindparam("prev_hash"),
                             hash=sa.bindparam("hash")), updates)


def downgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_entity_seq')
        batch_op.drop_constraint('uq_audit_event_seq', type_='unique')
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('seq')
