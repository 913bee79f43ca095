"""Verifying the audit trail: walk the hash chain, then compare every current row of every table with the
after-state of its latest event (``juwei audit verify``, ``juwei db check``, a restore's check)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlmodel import Session, SQLModel

from juwei.services.audit import (GENESIS, UNAUDITED_TABLES, _plain, _raw_rows,  # noqa: F401
                                  differences, event_digest, is_row_state, is_set_event, row_digest)
from juwei.storage.models import AuditEvent

@dataclass
class Problem:
    kind: str  # event_edited | event_missing | event_out_of_order | event_unchained | row_changed | row_deleted | row_unrecorded
    message: str
    seq: int | None = None
    entity: str | None = None
    columns: list[str] = field(default_factory=list)


@dataclass
class Verification:
    ok: bool
    events: int
    head_seq: int
    head_hash: str
    tables: int
    rows: int
    problems: list[Problem]
    problems_total: int

    @property
    def first(self) -> Problem | None:
        return self.problems[0] if self.problems else None


MAX_PROBLEMS = 50


def verify(session: Session, sealed: tuple[int, str] | None = None) -> Verification:
    """Walk the chain, then compare every current row with the after-state of its latest event. With
    ``sealed`` (seq, hash) from a posted seal, also prove event ``seq`` still has that hash: a chain
    rewritten from scratch (every hash recomputed) fails here."""
    from juwei.i18n import t

    problems: list[Problem] = []
    total = 0

    def problem(p: Problem) -> None:
        nonlocal total
        total += 1
        if len(problems) < MAX_PROBLEMS:
            problems.append(p)

    events = AuditEvent.__table__
    cols = events.c
    latest: dict[str, Any] = {}  # entity -> its latest row state (None: deleted; a tuple: a set fingerprint)
    set_columns: dict[str, list] = {}  # table -> the column lists its set events fingerprinted
    expected, prev = 1, GENESIS
    count = 0
    unchained = session.execute(select(cols.id, cols.entity).where(cols.seq.is_(None)).order_by(cols.id)).all()
    for row in unchained:
        problem(Problem("event_unchained", t("audit event id {id} ({entity}) is not in the chain: it was "
                                             "inserted outside juwei", id=row.id, entity=row.entity),
                        entity=row.entity))
    query = (select(cols.seq, cols.community_id, cols.at, cols.clerk, cols.action, cols.entity, cols.before,
                    cols.after, cols.prev_hash, cols.hash).where(cols.seq.is_not(None)).order_by(cols.seq))
    for ev in session.execute(query):
        count += 1
        digest = event_digest(ev.seq, ev.community_id, ev.at, ev.clerk, ev.action, ev.entity, ev.before,
                              ev.after, ev.prev_hash or "")
        if ev.seq != expected:
            if ev.seq > expected:
                problem(Problem("event_missing", t("audit events {first}–{last} are missing (deleted) before "
                                                   "event {seq}", first=expected, last=ev.seq - 1, seq=ev.seq),
                                seq=expected))
            else:
                problem(Problem("event_out_of_order", t("audit event {seq} appears twice", seq=ev.seq),
                                seq=ev.seq, entity=ev.entity))
        if digest != ev.hash:
            problem(Problem("event_edited", t("audit event {seq} ({action} {entity}) was changed after it was "
                                              "written: its hash does not match its content",
                                              seq=ev.seq, action=ev.action, entity=ev.entity),
                            seq=ev.seq, entity=ev.entity))
        elif ev.prev_hash != prev:
            problem(Problem("event_out_of_order", t("audit event {seq} ({action} {entity}) does not follow the "
                                                    "event before it: events were reordered, removed or "
                                                    "replaced", seq=ev.seq, action=ev.action, entity=ev.entity),
                            seq=ev.seq, entity=ev.entity))
        if sealed is not None and ev.seq == sealed[0] and ev.hash != sealed[1]:
            problem(Problem("seal_mismatch", t("audit event {seq} no longer has the hash the seal recorded: the "
                                               "history up to the seal was rewritten", seq=ev.seq),
                            seq=ev.seq, entity=ev.entity))
        prev = ev.hash or ""
        expected = ev.seq + 1
        if ev.after is not None:
            if is_set_event(ev.after):
                _apply_set_event(ev.entity, ev.after, latest, set_columns)
            elif '"id": ' in ev.after:
                try:
                    state = json.loads(ev.after)
                except ValueError:
                    state = None
                if is_row_state(ev.entity, state):
                    latest[ev.entity] = state
        elif ev.before is not None and '"id": ' in ev.before:
            try:
                if is_row_state(ev.entity, json.loads(ev.before)):
                    latest[ev.entity] = None  # the row was deleted
            except ValueError:
                pass
    head_seq = expected - 1
    if sealed is not None and sealed[0] > head_seq:
        problem(Problem("seal_mismatch", t("the seal covers event {seq} but the chain ends at {head}: sealed "
                                           "events were removed", seq=sealed[0], head=head_seq), seq=sealed[0]))

    tables, rows = _check_rows(session, latest, problem, set_columns)
    return Verification(ok=total == 0, events=count, head_seq=head_seq, head_hash=prev if count else GENESIS,
                        tables=tables, rows=rows, problems=problems, problems_total=total)



def _apply_set_event(entity: str, after: str, latest: dict, set_columns: dict) -> None:
    try:
        content = json.loads(after)
    except ValueError:
        return
    table = content.get("table") if isinstance(content, dict) else None
    if not isinstance(table, str) or not entity.startswith(table + ":") or not isinstance(content.get("rows"), dict):
        return
    columns = tuple(content.get("columns") or ())
    known = set_columns.setdefault(table, [])
    if columns not in known:
        known.append(columns)
    for row_id, digest in content["rows"].items():
        latest[f"{table}:{row_id}"] = (digest, columns)


def audited_tables(session: Session):
    """Every table in the database except Alembic's and the audit trail, typed as juwei's models declare
    them where known (so dates, times, booleans and decimals read back as the services wrote them)."""
    from sqlalchemy import MetaData

    from juwei.storage.models import load_all

    load_all()  # every table typed as its model declares (models load lazily per domain)
    conn = session.connection()
    names = sorted(set(sa_inspect(conn).get_table_names()) - UNAUDITED_TABLES)
    known = SQLModel.metadata.tables
    reflected = MetaData()
    result = []
    for name in names:
        table = known.get(name)
        if table is None:
            from sqlalchemy import Table

            table = Table(name, reflected, autoload_with=conn)
        else:
            present = {c["name"] for c in sa_inspect(conn).get_columns(name)}
            if not all(c.name in present for c in table.columns):
                from sqlalchemy import Table

                table = Table(name, reflected, autoload_with=conn)
        result.append(table)
    return result


def _check_rows(session: Session, latest: dict[str, Any], problem, set_columns: dict) -> tuple[int, int]:
    from juwei.i18n import t

    tables = audited_tables(session)
    rows = 0
    seen: set[str] = set()
    for table in tables:
        pk = list(table.primary_key.columns)
        if not pk:
            continue
        fingerprints: dict[tuple, dict] = {}
        if table.name in set_columns and [c.name for c in pk] == ["id"]:
            present = [c.name for c in table.columns]
            for columns in set_columns[table.name]:
                if all(c in present for c in columns):
                    fingerprints[columns] = {row_id: row_digest(values) for row_id, values
                                             in _raw_rows(session, table, list(columns))}
        for row in session.execute(select(table).order_by(*pk)):
            rows += 1
            mapping = row._mapping
            entity = f"{table.name}:{','.join(str(mapping[c.name]) for c in pk)}"
            seen.add(entity)
            recorded = latest.get(entity, ...)
            if recorded is ...:
                problem(Problem("row_unrecorded", t("row {entity} has no audit event: it was inserted outside "
                                                    "juwei", entity=entity), entity=entity))
                continue
            if recorded is None:
                problem(Problem("row_unrecorded", t("row {entity} was recorded as deleted but exists again",
                                                    entity=entity), entity=entity))
                continue
            if isinstance(recorded, tuple):  # covered by a set event's fingerprint
                digest, columns = recorded
                if fingerprints.get(columns, {}).get(mapping["id"]) != digest:
                    problem(Problem("row_changed", t("row {entity} no longer matches its latest audit event "
                                                     "(changed: {columns})", entity=entity, columns="?"),
                                    entity=entity))
                continue
            current = {c.name: _plain(mapping[c.name]) for c in table.columns}
            changed = differences(recorded, current)
            if changed:
                problem(Problem("row_changed", t("row {entity} no longer matches its latest audit event "
                                                 "(changed: {columns})", entity=entity,
                                                 columns=", ".join(changed)),
                                entity=entity, columns=changed))
    table_names = {table.name for table in tables}
    for entity, after in latest.items():
        name = entity.split(":", 1)[0]
        if after is None or name not in table_names or entity in seen:
            continue
        if isinstance(after, (dict, tuple)):
            problem(Problem("row_deleted", t("row {entity} was deleted outside juwei (its latest audit event "
                                             "says it exists)", entity=entity), entity=entity))
    return len(tables), rows
