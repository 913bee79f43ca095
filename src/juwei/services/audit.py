"""The audit trail: every write appends an event saying who did what, when, before and after.

The events form a hash chain. Event ``n`` stores ``seq = n``, the previous event's hash and the SHA-256
of its own canonical content (:func:`event_digest`): community, time, clerk, action, entity, before,
after, previous hash. Changing, removing or reordering any event breaks the chain from there on, and
:func:`verify` also compares every current row of every table with the after-state of its latest event,
so a row edited, deleted or inserted behind juwei's back is named too. Verifying lives in
``juwei.services.audit_verify``, seals (what is posted on the board or printed on minutes) in
``juwei.services.audit_seal``.

Appending is safe with two clerks at once: every write transaction holds the database's write lock
from its start (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock: see ``juwei.storage.engine``),
the head is read under that lock, and ``seq`` is unique, so the chain can never fork.

Services call :func:`record_row` after each write (or :func:`record_many` for bulk inserts). As a
safety net, every row a transaction wrote without an event (through the ORM, Core or a raw executemany)
is recorded when the transaction commits (:func:`_reconcile`, with ``juwei.storage.capture``), so every
table, including ones added later, is covered.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import event as sa_event
from sqlalchemy import or_, select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, SQLModel

from juwei.services.scope import Scope, clerk_name
from juwei.storage import engine as storage_engine
from juwei.storage.models import AuditEvent

GENESIS = "0" * 64
UNAUDITED_TABLES = frozenset({"alembic_version", "audit_event"})
# Columns a bulk writer may leave out of an after-state: set by default when the row was written.
TOLERATED_MISSING = frozenset({"created_at", "updated_at"})

_HEAD = "juwei_audit_head"  # session.info keys: [seq, hash] of the chain head in this transaction
_LAST = "juwei_audit_last"  # entity -> after JSON of its latest event in this transaction
_COVERED = "juwei_audit_covered"  # table -> {community id: ids} recorded as they stand by set events
_BY_SET = ("set",)  # a row's recorded state when a set event holds it: its fingerprint, not its values
_CLERK = "juwei_audit_clerk"


# ---------------------------------------------------------------- canonical values

_AS_IS = frozenset({str, int, bool, float, type(None)})


def _plain(value: Any) -> Any:
    """One value as the audit trail stores it; rows read back from the database normalise the same way."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, dt.datetime):
        if value.utcoffset() is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")  # 1.50 and 1.5 alike; never 1E+2
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


# One encoder for every event: json.dumps with options builds a new encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _dumps(state: dict | None) -> str | None:
    if state is None:
        return None
    return _ENCODER.encode(state)


def row_state(row: SQLModel | None, *, exclude: tuple[str, ...] = ()) -> dict | None:
    """A row's columns as plain JSON-able values, for ``before``/``after`` (every column by default, so
    :func:`verify` can compare the whole row)."""
    if row is None:
        return None
    return {key: _plain(value) for key, value in row.model_dump().items() if key not in exclude}


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


def is_row_state(entity: str, state: Any) -> bool:
    """Does an event's before/after hold the state of the row its entity names (``member:12`` and a dict
    with ``"id": 12``)? Events about an entity that carry other data (a sign-in's seats) do not."""
    return isinstance(state, dict) and "id" in state and str(state["id"]) == entity.rpartition(":")[2]


def _chain(session: Session, values: dict, row_state: bool = True) -> dict:
    """Give ``values`` (one event's columns) its place in the chain: seq, prev_hash, hash."""
    head = _head(session)
    seq = head[0] + 1
    values["seq"] = seq
    values["prev_hash"] = head[1]
    values["hash"] = event_digest(seq, values["community_id"], values["at"], values["clerk"], values["action"],
                                  values["entity"], values["before"], values["after"], head[1])
    head[0], head[1] = seq, values["hash"]
    if row_state:
        session.info.setdefault(_LAST, {})[values["entity"]] = values["after"]
    return values


def record(scope: Scope, action: str, entity: str, *, before: dict | None = None,
           after: dict | None = None) -> AuditEvent:
    """Append one audit event in the current transaction."""
    from juwei.storage.models.base import utcnow

    scope.session.info[_CLERK] = scope.clerk
    row_state = is_row_state(entity, after) if after is not None else is_row_state(entity, before)
    values = _chain(scope.session, {"community_id": scope.community_id, "at": utcnow(), "clerk": scope.clerk,
                                    "action": action, "entity": entity, "before": _dumps(before),
                                    "after": _dumps(after)}, row_state)
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


def record_set(scope: Scope, action: str, table: str, after_id: int, *, source: str | None = None) -> int:
    """Append one event for every row a bulk write (an import) inserted into ``table`` in this transaction,
    i.e. every row with an id above ``after_id``: each row's fingerprint by id (:func:`row_digest`), so
    :func:`verify` still names one changed or deleted row, at a fraction of the cost of an event per row.
    ``source`` (a file name) is kept with it. Returns how many rows the event covers."""
    from sqlmodel import SQLModel

    from juwei.storage import capture
    from juwei.storage.models.base import utcnow

    session = scope.session
    session.info[_CLERK] = scope.clerk
    made = _set_event(session, SQLModel.metadata.tables[table], after_id, None, source=source,
                      community_id=scope.community_id)
    if made is None:
        return 0
    values, ids = made
    values.update(action=action, at=utcnow(), clerk=scope.clerk)
    _insert_events(session, [_chain(session, values, row_state=False)])
    # Recorded as they stand: the commit-time check leaves them be, unless they are written again after this.
    session.info.setdefault(_COVERED, {}).setdefault(table, {}).setdefault(scope.community_id, set()).update(ids)
    capture.settle(session.connection(), table, ids)
    return len(ids)


_EVENT_COLUMNS = ("seq", "prev_hash", "hash", "community_id", "at", "clerk", "action", "entity", "before", "after")


def _insert_events(session: Session, rows: list[dict]) -> None:
    """Insert chained events in one DBAPI executemany of plain tuples: SQLAlchemy's per-row parameter
    processing would cost more than the insert itself for 100,000 events. The one typed value, the time,
    is converted once per distinct value through the column's own type."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    table = AuditEvent.__table__
    style = dialect.paramstyle
    if style not in ("qmark", "format", "pyformat"):  # pragma: no cover - other drivers
        from sqlalchemy import insert

        session.execute(insert(table), rows)
        return
    convert = table.c.at.type.bind_processor(dialect) or (lambda value: value)
    bound: dict[Any, Any] = {}
    tuples = []
    for row in rows:
        at = row["at"]
        if at not in bound:
            bound[at] = convert(at)
        tuples.append((row["seq"], row["prev_hash"], row["hash"], row["community_id"], bound[at], row["clerk"],
                       row["action"], row["entity"], row["before"], row["after"]))
    mark = "?" if style == "qmark" else "%s"
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in _EVENT_COLUMNS)}) "
           f"VALUES ({', '.join([mark] * len(_EVENT_COLUMNS))})")
    conn.exec_driver_sql(sql, tuples)


# ---------------------------------------------------------------- the safety net

def _reconcile(session: Session) -> None:
    """Just before commit: every row this transaction wrote (through the ORM, Core or a raw executemany;
    see ``juwei.storage.capture``) must end with an event holding its final state. Rows a service did not
    record, or changed after recording (or recorded in part), get an event here: ``db.insert|update|delete``."""
    from juwei.storage import capture
    from juwei.storage.models.base import utcnow

    writes = capture.taken(session.connection())
    writes.pop("?", None)
    if not writes:
        return
    from juwei.storage.models import load_all

    load_all()  # every table's typed columns (models load lazily per domain)
    last = session.info.setdefault(_LAST, {})
    covered_by_set = session.info.get(_COVERED, {})
    clerk = session.info.get(_CLERK) or clerk_name()
    now = utcnow()
    events = []
    for name in sorted(writes):
        table = SQLModel.metadata.tables[name]
        tw = writes[name]
        states: dict[int, dict] = {}
        new_ids: set[int] = set()
        by_set = {i: cid for cid, ids in covered_by_set.get(name, {}).items() for i in ids}  # id -> community
        if tw.max_id_before is not None:
            fresh = session.execute(select(table.c.id).where(table.c.id > tw.max_id_before)).scalars().all()
            new_ids = set(fresh)
            unrecorded = [i for i in fresh
                          if i in tw.ids or not (i in by_set or isinstance(last.get(f"{name}:{i}"), str))]
            plain_new = [i for i in unrecorded if i not in tw.ids]
            if len(plain_new) >= SET_THRESHOLD:  # many rows written in bulk: one set event for them
                made = _set_event(session, table, tw.max_id_before, set(plain_new))
                if made is not None:
                    values = made[0]
                    values.update(at=now, clerk=clerk)
                    events.append(_chain(session, values, row_state=False))
                    covered = set(plain_new)
                    unrecorded = [i for i in unrecorded if i not in covered]
            if len(unrecorded) > 500:
                for row in session.execute(select(table).where(table.c.id > tw.max_id_before)).mappings():
                    states[row["id"]] = {c.name: _plain(row[c.name]) for c in table.columns}
                wanted = set(unrecorded)
            else:
                wanted = set(unrecorded)
        else:
            wanted = set()
        wanted |= tw.ids
        missing = sorted(i for i in wanted if i not in states)
        for chunk in range(0, len(missing), 500):
            part = missing[chunk:chunk + 500]
            for row in session.execute(select(table).where(table.c.id.in_(part))).mappings():
                states[row["id"]] = {c.name: _plain(row[c.name]) for c in table.columns}
        gone = [f"{name}:{i}" for i in sorted(wanted) if i not in states and f"{name}:{i}" not in last]
        previous = _latest_events(session, gone)
        for row_id in sorted(wanted):
            entity = f"{name}:{row_id}"
            recorded = last.get(entity, _BY_SET if row_id in by_set else ...)
            state = states.get(row_id)
            if state is None and recorded is ... and entity in previous:
                recorded = previous[entity][1]  # its state before this transaction, from the trail
            if state is None:
                if recorded is None or (recorded is ... and row_id > (tw.max_id_before or row_id)):
                    continue  # deletion already recorded, or inserted and deleted within this transaction
                action, after = "db.delete", None
            else:
                if isinstance(recorded, str):
                    try:
                        if not differences(json.loads(recorded), state):
                            continue
                    except ValueError:
                        pass
                action = "db.insert" if row_id in new_ids and not isinstance(recorded, str) else "db.update"
                after = _dumps(state)
            community_id = (state or {}).get("community_id")
            if state is None and entity in previous:
                community_id = previous[entity][0]
            elif state is None and row_id in by_set:
                community_id = by_set[row_id]
            if name == "community":
                community_id = row_id
            before = recorded if isinstance(recorded, str) else None
            if after is None and before is None:
                before = _dumps({"id": row_id})  # a deletion names the row it removed
            events.append(_chain(session, {"community_id": community_id, "at": now, "clerk": clerk,
                                           "action": action, "entity": entity, "before": before,
                                           "after": after}))
    if events:
        _insert_events(session, events)


SET_THRESHOLD = 64  # from this many unrecorded new rows in one table, one set event covers them


_TEXT_TYPES = frozenset({str, int, float, bool})


def _digest_part(value: Any) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "b" + bytes(value).hex()
    return "v" + str(value)


def _parts(values: Iterable[Any]) -> list[str]:
    return ["v" + str(v) if type(v) in _TEXT_TYPES else _digest_part(v) for v in values]


def row_digest(values: Iterable[Any]) -> str:
    """A compact fingerprint of one row as the database driver returns it (80 bits of SHA-256): each value
    as ``v`` + its text, ``b`` + hex for bytes, NUL for NULL, joined by US. (The common types take the
    short path; the fingerprints of events already written depend on this format staying as it is.)"""
    return hashlib.sha256("\x1f".join(_parts(values)).encode("utf-8")).hexdigest()[:20]


def row_fingerprint(values: Iterable[Any]) -> str:
    """What a set event stores for one row: its :func:`row_digest`, ``:``, then one byte (two hex digits)
    per column, the low byte of the CRC-32 of that value's text. The digest proves the row unchanged; the
    bytes name which columns changed (each with a 1-in-256 chance of missing a change that the digest
    still catches). Set events written before the column bytes hold the digest alone."""
    parts = _parts(values)
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return digest + ":" + bytes([zlib.crc32(p.encode("utf-8")) & 0xFF for p in parts]).hex()


def changed_columns(fingerprint: str, values: Iterable[Any], columns: Iterable[str]) -> list[str] | None:
    """The columns whose values no longer match a set event's ``fingerprint`` (:func:`row_fingerprint`);
    None when the row matches, [] when it differs but the fingerprint cannot say where (an old one)."""
    values = list(values)
    digest, _, cells = fingerprint.partition(":")
    if row_digest(values) == digest:
        return None
    parts = _parts(values)
    if len(cells) != 2 * len(parts):
        return []
    return [name for i, (name, part) in enumerate(zip(columns, parts))
            if int(cells[2 * i:2 * i + 2], 16) != zlib.crc32(part.encode("utf-8")) & 0xFF]


def _raw_rows(session: Session, table, columns: list[str], min_id: int | None = None):
    """(id, values) of the table's rows, as the driver returns them, without SQLAlchemy's type processing
    (the same on the writing and on the verifying side, and fast for 100,000 rows): read in batches from
    the driver's own cursor, in the session's transaction."""
    conn = session.connection()
    quote = conn.dialect.identifier_preparer.quote
    sql = f"SELECT {quote('id')}, {', '.join(quote(c) for c in columns)} FROM {quote(table.name)}"
    params: tuple = ()
    if min_id is not None:
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        sql, params = f"{sql} WHERE {quote('id')} > {mark}", (min_id,)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(5000):
            for row in batch:
                yield row[0], row[1:]
    finally:
        cursor.close()


def _set_event(session: Session, table, after_id: int, ids: set[int] | None, *, source: str | None = None,
               community_id: int | None = None) -> tuple[dict, list[int]] | None:
    """One event for many rows a bulk write inserted (``ids``, or every row above ``after_id``): each row's
    fingerprint (:func:`row_digest`) by id. Verify checks each row against its fingerprint, so one changed
    row is still named, at a fraction of the cost of one event per row. Its community is ``community_id``,
    or else the rows' one community if they share one. Returns the event's columns and the ids it covers."""
    columns = [c.name for c in table.columns]
    rows = {str(row_id): row_fingerprint(values) for row_id, values in _raw_rows(session, table, columns, after_id)
            if ids is None or row_id in ids}
    if not rows:
        return None
    numbers = [int(row_id) for row_id in rows]
    first, last = min(numbers), max(numbers)
    if community_id is None and "community_id" in table.c:
        community_ids = set(session.execute(select(table.c.community_id).where(table.c.id > after_id)
                                            .distinct()).scalars())
        community_id = community_ids.pop() if len(community_ids) == 1 else None
    return {"community_id": community_id,
            "action": "db.insert", "entity": f"{table.name}:{first}..{last}", "before": None,
            "after": json.dumps({"columns": columns, "rows": rows, "table": table.name,
                                 **({"source": source} if source else {})}, ensure_ascii=False,
                                sort_keys=True, separators=(",", ":"))}, numbers


def _latest_events(session: Session, entities: list[str]) -> dict[str, tuple[int | None, str | None]]:
    """(community_id, after) of each entity's latest row-state event, from the trail."""
    cols = AuditEvent.__table__.c
    found: dict[str, tuple[int, int | None, str | None]] = {}
    for chunk in range(0, len(entities), 500):
        part = entities[chunk:chunk + 500]
        for seq, entity, community_id, before, after in session.execute(
                select(cols.seq, cols.entity, cols.community_id, cols.before, cols.after)
                .where(cols.entity.in_(part), cols.seq.is_not(None))):
            try:
                state = json.loads(after if after is not None else before or "null")
            except ValueError:
                continue
            if not is_row_state(entity, state):
                continue
            if entity not in found or seq > found[entity][0]:
                found[entity] = (seq, community_id, after)
    return {entity: (cid, after) for entity, (_seq, cid, after) in found.items()}


def _forget(session: OrmSession, _previous_transaction=None) -> None:
    for key in (_HEAD, _LAST, _COVERED):
        session.info.pop(key, None)


if not sa_event.contains(OrmSession, "after_soft_rollback", _forget):
    sa_event.listen(OrmSession, "after_soft_rollback", _forget)
if _reconcile not in storage_engine.PRE_COMMIT_HOOKS:
    storage_engine.PRE_COMMIT_HOOKS.append(_reconcile)


# ---------------------------------------------------------------- comparing states

def differences(recorded: dict, current: dict, exact: Iterable[str] = ()) -> list[str]:
    """Column names whose current value differs from the recorded after-state. A column absent from the
    record is accepted when the row holds NULL there or it is a creation/update time. Columns in ``exact``
    (text columns) must hold the very value recorded: ``01001`` is not ``1001``, an ID number is not the
    float it looks like; the others accept another spelling of the same number or instant."""
    exact = frozenset(exact)
    changed = []
    for key, value in current.items():
        if key in recorded:
            if not (recorded[key] == value if key in exact else _same(recorded[key], value)):
                changed.append(key)
        elif value is not None and key not in TOLERATED_MISSING:
            changed.append(key)
    changed.extend(key for key in recorded if key not in current)
    return changed


def _same(recorded: Any, current: Any) -> bool:
    if recorded == current:
        return True
    if isinstance(recorded, str) and isinstance(current, str):
        try:  # two spellings of one instant or number
            return dt.datetime.fromisoformat(recorded) == dt.datetime.fromisoformat(current)
        except ValueError:
            pass
        try:
            return decimal.Decimal(recorded) == decimal.Decimal(current)
        except decimal.InvalidOperation:
            return False
    if isinstance(recorded, (int, float, str)) and isinstance(current, (int, float, str)) \
            and not isinstance(recorded, bool) and not isinstance(current, bool):
        try:
            return decimal.Decimal(str(recorded)) == decimal.Decimal(str(current))
        except decimal.InvalidOperation:
            return False
    return False

def is_set_event(after: str | None) -> bool:
    """Is this event's ``after`` a set event's content (fingerprints of many rows, :func:`_set_event`)?
    Its JSON is written with sorted keys, so it starts with its ``columns``."""
    return after is not None and after.startswith('{"columns":')


# ---------------------------------------------------------------- reading the history

@dataclass
class LogEntry:
    seq: int | None
    at: str
    clerk: str
    action: str
    entity: str
    before: dict | None
    after: dict | None
    changes: list[tuple[str, Any, Any]]
    hash: str | None


def history(scope: Scope, *, entity: str | None = None, since: dt.date | None = None,
            limit: int | None = None) -> list[LogEntry]:
    """The community's events, oldest first (the last ``limit`` when given). A set event (one event for
    the rows of a bulk import) is shown by what it covers — table, rows, source file — not its fingerprints;
    asked for one row (``entity``), the set event that covers that row is part of its history."""
    cols = AuditEvent.__table__.c
    query = select(cols.seq, cols.at, cols.clerk, cols.action, cols.entity, cols.before, cols.after, cols.hash) \
        .where(cols.community_id == scope.community_id)
    if entity:
        entity = entity.strip()
        table, _, row_id = entity.partition(":")
        query = query.where(or_(cols.entity == entity, cols.entity.like(f"{_like(table)}:%..%", escape="\\")))
    if since:
        from juwei.rules.clock import day_start

        query = query.where(cols.at >= day_start(since, scope.timezone))  # the community's midnight
    query = query.order_by(cols.seq.desc() if limit else cols.seq)
    if limit:
        query = query.limit(limit)
    found = scope.session.execute(query).all()
    if limit:
        found.reverse()
    entries = []
    for ev in found:
        before = _loads(ev.before)
        after = _loads(ev.after)
        covering = is_set_event(ev.after) and isinstance(after.get("rows"), dict)
        if entity and ev.entity != entity and not (covering and row_id in after["rows"]):
            continue  # matched the LIKE, but is not a set event that covers this row
        if covering:
            after = {"table": after.get("table"), "rows": len(after["rows"]),
                     **({"source": after["source"]} if after.get("source") else {})}
        entries.append(LogEntry(ev.seq, _plain(ev.at), ev.clerk, ev.action, ev.entity, before, after,
                                _changes(before, after), ev.hash))
    return entries


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _loads(text: str | None) -> dict | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"?": text}
    return value if isinstance(value, dict) else {"value": value}


def _changes(before: dict | None, after: dict | None) -> list[tuple[str, Any, Any]]:
    before, after = before or {}, after or {}
    keys = sorted(set(before) | set(after))
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]

