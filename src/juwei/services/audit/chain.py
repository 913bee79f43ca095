"""The hash chain: an event's digest, and appending events in the current transaction.

Event ``n`` stores ``seq = n``, the previous event's hash and the SHA-256 of its own canonical content
(:func:`event_digest`): community, time, clerk, action, entity, before, after, previous hash. Changing,
removing or reordering any event breaks the chain from there on.

Appending is safe with two clerks at once: every write transaction holds the database's write lock
from its start (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock: see ``juwei.storage.engine``),
the head is read under that lock, and ``seq`` is unique, so the chain can never fork.

Services call :func:`record_row` after each write (or :func:`record_many` for bulk writes).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, SQLModel

from juwei.services.audit.kinds import EventKind, classify
from juwei.services.audit.states import _ENCODER, _dumps, _plain, row_state
from juwei.services.scope import Scope
from juwei.storage import bulk
from juwei.storage.models import AuditEvent

GENESIS = "0" * 64
UNAUDITED_TABLES = frozenset({"alembic_version", "audit_event"})

_HEAD = "juwei_audit_head"  # session.info keys: [seq, hash] of the chain head in this transaction
_LAST = "juwei_audit_last"  # entity -> after JSON of its latest event in this transaction
_COVERED = "juwei_audit_covered"  # table -> {community id: ids} recorded as they stand by set events
_BY_SET = ("set",)  # a row's recorded state when a set event holds it: its fingerprint, not its values
_CLERK = "juwei_audit_clerk"


def event_digest(seq: int, community_id: int | None, at: Any, clerk: str, action: str, entity: str,
                 before: str | None, after: str | None, prev_hash: str) -> str:
    """SHA-256 (hex) of an event's canonical content: a compact JSON array, UTF-8."""
    content = json.dumps([seq, community_id, _plain(at), clerk, action, entity, before, after, prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- appending

def _head(session: Session) -> list:
    """The chain head [seq, hash] as this transaction sees it (read once, under the write lock)."""
    head = session.info.get(_HEAD)
    if head is None:
        found = session.execute(select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.seq.is_not(None))
                                .order_by(AuditEvent.seq.desc()).limit(1)).first()
        head = [found[0], found[1]] if found else [0, GENESIS]
        session.info[_HEAD] = head
    return head


def _chain(session: Session, values: dict, holds_row: bool = True) -> dict:
    """Give ``values`` (one event's columns) its place in the chain: seq, prev_hash, hash."""
    head = _head(session)
    seq = head[0] + 1
    values["seq"] = seq
    values["prev_hash"] = head[1]
    values["hash"] = event_digest(seq, values["community_id"], values["at"], values["clerk"], values["action"],
                                  values["entity"], values["before"], values["after"], head[1])
    head[0], head[1] = seq, values["hash"]
    if holds_row:
        session.info.setdefault(_LAST, {})[values["entity"]] = values["after"]
    return values


def record(scope: Scope, action: str, entity: str, *, before: dict | None = None,
           after: dict | None = None) -> AuditEvent:
    """Append one audit event in the current transaction."""
    from juwei.storage.models.base import utcnow

    scope.session.info[_CLERK] = scope.clerk
    holds_row = classify(action, entity, before, after).kind is EventKind.ROW_STATE
    values = _chain(scope.session, {"community_id": scope.community_id, "at": utcnow(), "clerk": scope.clerk,
                                    "action": action, "entity": entity, "before": _dumps(before),
                                    "after": _dumps(after)}, holds_row)
    event = AuditEvent(**values)
    scope.session.add(event)
    return event


def record_row(scope: Scope, action: str, table: str, row: SQLModel, *, before: dict | None = None) -> None:
    """Record a write to one row: flushes so a new row has its id."""
    scope.session.flush()
    record(scope, action, f"{table}:{row.id}", before=before, after=row_state(row))


def record_many(scope: Scope, action: str, table: str, states: list[dict],
                before: list[dict] | None = None) -> int:
    """Append one event per row for a bulk write (imports): ``states`` are the rows' after-states, each
    with its ``id``; ``before``, when given, the matching before-states of updated rows. Hashed here and
    inserted in one DBAPI executemany, for speed (the JSON is the same as :func:`record` writes)."""
    if not states:
        return 0
    from juwei.storage.models.base import utcnow

    session = scope.session
    session.info[_CLERK] = scope.clerk
    now = utcnow()
    at_text = _plain(now)  # hashed as text, once
    community_id, clerk = scope.community_id, scope.clerk
    head = _head(session)
    last = session.info.setdefault(_LAST, {})
    seq, prev = head
    rows = []
    encode = _ENCODER.encode
    befores = list(before or ())
    for i, state in enumerate(states):
        entity = f"{table}:{state['id']}"
        after = encode({k: _plain(v) for k, v in state.items()})
        old = encode({k: _plain(v) for k, v in befores[i].items()}) if i < len(befores) and befores[i] is not None \
            else None
        seq += 1
        digest = event_digest(seq, community_id, at_text, clerk, action, entity, old, after, prev)
        rows.append({"community_id": community_id, "at": now, "clerk": clerk, "action": action,
                     "entity": entity, "before": old, "after": after, "seq": seq, "prev_hash": prev,
                     "hash": digest})
        last[entity] = after
        prev = digest
    head[0], head[1] = seq, prev
    _insert_events(session, rows)
    return len(rows)


_EVENT_COLUMNS = ("seq", "prev_hash", "hash", "community_id", "at", "clerk", "action", "entity", "before", "after")


def _insert_events(session: Session, rows: list[dict]) -> None:
    """Insert chained events in one executemany (``juwei.storage.bulk``): for 100,000 events SQLAlchemy's
    per-row parameter processing would cost more than the insert itself."""
    if not rows:
        return
    columns = _EVENT_COLUMNS
    bulk.insert_values(session, AuditEvent, columns, [tuple(row[c] for c in columns) for row in rows])


def _forget(session: OrmSession, _previous_transaction=None) -> None:
    for key in (_HEAD, _LAST, _COVERED):
        session.info.pop(key, None)


if not sa_event.contains(OrmSession, "after_soft_rollback", _forget):
    sa_event.listen(OrmSession, "after_soft_rollback", _forget)
