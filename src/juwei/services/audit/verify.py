"""Verifying the audit trail: walk the hash chain, then compare every current row of every table with the
after-state of its latest event (``juwei audit verify``, ``juwei db check``, a restore's check).

What is checked, in order: the schema against what juwei creates (``juwei.storage.schema``: a planted
trigger or view is tampering); the chain (every hash, every link, ``seq`` 1…n without gaps, event times
never running backwards); the final record of every closed meeting (``juwei.services.audit.closed``:
nothing after its close changes its tallies, roll or attendance, its seal event is there, its tallies
agree with its ballots); then every row. A value of the wrong type (a date that is not a date, a text
``seq``) is named with its row and column, and verifying goes on.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field
from typing import Any, Iterator

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, Time
from sqlalchemy import inspect as sa_inspect
from sqlmodel import Session, SQLModel

from juwei.i18n import t
from juwei.services.audit.chain import GENESIS, UNAUDITED_TABLES, event_digest
from juwei.services.audit.fingerprints import _raw_rows, changed_columns
from juwei.services.audit.kinds import EventKind, classify
from juwei.services.audit.states import _plain, differences
from juwei.storage import bulk
from juwei.storage.models import AuditEvent


@dataclass
class Problem:
    # schema_changed | event_edited | event_missing | event_out_of_order | event_unchained | event_time_backwards
    # | closed_record_changed | seal_missing | tally_mismatch | record_mismatch | seal_mismatch | value_wrong_type
    # | row_changed | row_deleted | row_unrecorded
    kind: str
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


class _Problems:
    def __init__(self) -> None:
        self.shown: list[Problem] = []
        self.total = 0

    def __call__(self, p: Problem) -> None:
        self.total += 1
        if len(self.shown) < MAX_PROBLEMS:
            self.shown.append(p)


def verify(session: Session, sealed: tuple[int, str] | None = None,
           records: list[tuple[int, str]] = ()) -> Verification:
    """Check the schema, walk the chain, check closed meetings' records, then compare every current row
    with the after-state of its latest event. With ``sealed`` (seq, hash) from a posted seal, also prove
    event ``seq`` still has that hash (a chain rewritten from scratch fails here, and so does one cut
    short before it); with ``records`` ((meeting id, digest) printed on minutes), prove each meeting's
    final record, recomputed from the current rows, is still the one sealed at its close."""
    from juwei.services.audit import closed as audit_closed

    problem = _Problems()
    _check_schema(session, problem)
    latest: dict[str, Any] = {}  # entity -> its latest row state (None: deleted; a tuple: a set fingerprint)
    set_columns: dict[str, list] = {}  # table -> the column lists its set events fingerprinted
    closed = audit_closed.ClosedMeetings(problem, Problem)
    count, head_seq, head_hash = _walk_chain(session, sealed, problem, latest, set_columns, closed)
    tables, rows = _check_rows(session, latest, problem, set_columns)
    closed.finish(session, latest, records)
    return Verification(ok=problem.total == 0, events=count, head_seq=head_seq, head_hash=head_hash,
                        tables=tables, rows=rows, problems=problem.shown, problems_total=problem.total)


def _check_schema(session: Session, problem) -> None:
    from juwei.storage.schema import differences as schema_differences

    for diff in schema_differences(session.connection()):
        if diff.change == "extra":
            message = t("the database holds a {kind} juwei does not create: {name}", kind=diff.kind, name=diff.name)
        else:
            message = t("the database lacks the {kind} {name} that juwei creates", kind=diff.kind, name=diff.name)
        problem(Problem("schema_changed", message, entity=f"{diff.kind}:{diff.name}"))


_EVENT_READ = ("id", "seq", "community_id", "at", "clerk", "action", "entity", "before", "after", "prev_hash", "hash")


def _walk_chain(session: Session, sealed, problem, latest: dict, set_columns: dict, closed) -> tuple[int, int, str]:
    events = AuditEvent.__table__
    expected, prev = 1, GENESIS
    count = 0
    previous_at: tuple[int, dt.datetime] | None = None
    for ev, bad in _typed_rows(session, events, _EVENT_READ, order_by="seq"):
        if ev["seq"] is None:
            problem(Problem("event_unchained", t("audit event id {id} ({entity}) is not in the chain: it was "
                                                 "inserted outside juwei", id=ev["id"], entity=ev["entity"]),
                            entity=ev["entity"]))
            continue
        if "seq" in bad or isinstance(ev["seq"], bool) or not isinstance(ev["seq"], int):
            problem(Problem("value_wrong_type", t("audit event id {id} ({entity}): its seq is not a whole number; "
                                                  "it was written outside juwei", id=ev["id"], entity=ev["entity"]),
                            entity=ev["entity"], columns=["seq"]))
            continue
        count += 1
        seq, entity, action = ev["seq"], ev["entity"], ev["action"]
        if seq != expected:
            if seq > expected:
                problem(Problem("event_missing", t("audit events {first}–{last} are missing (deleted) before "
                                                   "event {seq}", first=expected, last=seq - 1, seq=seq), seq=expected))
            else:
                problem(Problem("event_out_of_order", t("audit event {seq} appears twice", seq=seq),
                                seq=seq, entity=entity))
        if bad:
            problem(Problem("value_wrong_type", t("audit event {seq} ({action} {entity}): {columns} holds a value "
                                                  "that is not of the column's type; it was written outside juwei",
                                                  seq=seq,
                                                  action=action, entity=entity, columns=", ".join(bad)),
                            seq=seq, entity=entity, columns=list(bad)))
        else:
            digest = event_digest(seq, ev["community_id"], ev["at"], ev["clerk"], action, entity, ev["before"],
                                  ev["after"], ev["prev_hash"] or "")
            if digest != ev["hash"]:
                problem(Problem("event_edited", t("audit event {seq} ({action} {entity}) was changed after it was "
                                                  "written: its hash does not match its content",
                                                  seq=seq, action=action, entity=entity), seq=seq, entity=entity))
            elif ev["prev_hash"] != prev:
                problem(Problem("event_out_of_order", t("audit event {seq} ({action} {entity}) does not follow the "
                                                        "event before it: events were reordered, removed or "
                                                        "replaced", seq=seq, action=action, entity=entity),
                                seq=seq, entity=entity))
            at = ev["at"]
            if isinstance(at, dt.datetime):
                if previous_at is not None and at < previous_at[1]:
                    problem(Problem("event_time_backwards", t(
                        "audit event {seq} ({action} {entity}) is dated {at}, before event {before} ({before_at}): "
                        "event times never run backwards; it was backdated or inserted", seq=seq, action=action,
                        entity=entity, at=_plain(at), before=previous_at[0], before_at=_plain(previous_at[1])),
                        seq=seq, entity=entity))
                previous_at = (seq, at)
        if sealed is not None and seq == sealed[0] and ev["hash"] != sealed[1]:
            problem(Problem("seal_mismatch", t("audit event {seq} no longer has the hash the seal recorded: the "
                                               "history up to the seal was rewritten", seq=seq), seq=seq, entity=entity))
        prev = ev["hash"] or ""
        expected = seq + 1
        _apply_event(ev, latest, set_columns, closed)
    head_seq = expected - 1
    if sealed is not None and sealed[0] > head_seq:
        problem(Problem("seal_mismatch", t("the seal covers event {seq} but the chain ends at {head}: sealed "
                                           "events were removed", seq=sealed[0], head=head_seq), seq=sealed[0]))
    return count, head_seq, prev if count else GENESIS


def _apply_event(ev: dict, latest: dict, set_columns: dict, closed) -> None:
    """What one event says about the rows: the latest state of the row it names (None: deleted), or the
    fingerprints of the rows a set event covers; and, for a closed meeting, whether it changes its record."""
    seq, action, entity = ev["seq"], ev["action"], ev["entity"]
    kind, content = classify(action, entity, ev["before"], ev["after"])
    if kind is EventKind.ROW_SET:
        _apply_set_event(entity, content, latest, set_columns)
    elif kind is EventKind.ROW_STATE:
        after = content if ev["after"] is not None else None  # no after: the row was deleted
        closed.event(seq, action, entity, latest.get(entity), after)
        latest[entity] = after
    elif kind is EventKind.SEAL and entity.startswith("meeting:"):
        closed.sealed(seq, entity)


# ---------------------------------------------------------------- reading rows whatever they hold

# The column types whose values have a Python type to check (DateTime before Date: a datetime is a date).
_READ_AS = ((Boolean, (bool, int)), (DateTime, dt.datetime), (Date, dt.date), (Time, dt.time), (Integer, int),
            (Numeric, (int, float, decimal.Decimal)))


def _expected_type(column) -> type | tuple | None:
    """What a value read through ``column``'s type must be; None for text and other types."""
    for kind, python_type in _READ_AS:
        if isinstance(column.type, kind) or isinstance(getattr(column.type, "impl", None), kind):
            return python_type
    return None


def _typed_rows(session: Session, table, names, order_by: str | None = None) -> Iterator[tuple[dict, list[str]]]:
    """Each row of ``table`` (the given columns) read through the columns' own types, one value at a time:
    a value its type cannot read, or that reads back as something else (text in an integer column), is
    left as stored and its column named in the second item, instead of failing the whole read."""
    dialect = session.connection().dialect
    columns = [table.c[name] for name in names]
    processors = [c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns]
    expected = [_expected_type(c) for c in columns]
    typed = [(name, process, want) for name, process, want in zip(names, processors, expected)
             if process is not None or want is not None]  # the other columns pass as stored
    for raw in bulk.read_raw(session, table, names, order_by=order_by):
        row, bad = dict(zip(names, raw)), []
        for name, process, want in typed:
            value = row[name]
            if value is None:
                continue
            try:
                read = process(value) if process is not None else value
            except (ValueError, TypeError, OverflowError, ArithmeticError):
                bad.append(name)  # left as stored
                continue
            if want is not None and not isinstance(read, want):
                bad.append(name)
            else:
                row[name] = read
        yield row, bad


def _apply_set_event(entity: str, content: dict, latest: dict, set_columns: dict) -> None:
    table = content.get("table")
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


def _exact_columns(table) -> set[str]:
    """Columns compared as stored text: every column that is not a number, a time or a boolean."""
    return {c.name for c in table.columns if _expected_type(c) is None}


def _check_rows(session: Session, latest: dict[str, Any], problem, set_columns: dict) -> tuple[int, int]:
    tables = audited_tables(session)
    rows = 0
    seen: set[str] = set()
    for table in tables:
        pk = [c.name for c in table.primary_key.columns]
        if not pk:
            continue
        names = [c.name for c in table.columns]
        exact = _exact_columns(table)
        raw_values: dict[tuple, dict] = {}  # a set event's column list -> id -> the values it fingerprinted
        if table.name in set_columns and pk == ["id"]:
            for columns in set_columns[table.name]:
                if all(c in names for c in columns):
                    raw_values[columns] = {row_id: values for row_id, values in _raw_rows(session, table, list(columns))}
        for mapping, bad in _typed_rows(session, table, names, order_by=pk[0] if len(pk) == 1 else None):
            rows += 1
            entity = f"{table.name}:{','.join(str(mapping[c]) for c in pk)}"
            seen.add(entity)
            if bad:
                problem(Problem("value_wrong_type", t("row {entity}: {columns} holds a value that is not of the "
                                                      "column's type; it was written outside juwei", entity=entity,
                                                      columns=", ".join(bad)), entity=entity, columns=list(bad)))
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
                fingerprint, columns = recorded
                values = raw_values.get(columns, {}).get(mapping["id"])
                changed = changed_columns(fingerprint, values, columns) if values is not None else []
                if changed is None:
                    continue
                changed = [c for c in changed if c not in bad]
                if changed:
                    message = t("row {entity} no longer matches its latest audit event (changed: {columns})",
                                entity=entity, columns=", ".join(changed))
                elif bad:
                    continue
                else:
                    message = t("row {entity} was changed since its import (fingerprint): which columns cannot "
                                "be told from it", entity=entity)
                problem(Problem("row_changed", message, entity=entity, columns=changed))
                continue
            current = {name: _plain(value) for name, value in mapping.items()}
            changed = [c for c in differences(recorded, current, exact) if c not in bad]
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
