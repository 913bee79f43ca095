"""Which rows a write transaction touched, whatever wrote them: the ORM, SQLAlchemy Core or a raw
``executemany``. The audit trail (``juwei.services.audit``) asks at commit time and records every touched
row that its service did not record itself, so every table is covered, including tables added later.

How: a listener on every statement juwei's write transactions send. Before the first INSERT into a table,
it notes the table's highest id (new rows get higher ids: the transaction holds the write lock). Before an
UPDATE or DELETE, it runs the statement's own WHERE clause as ``SELECT id`` with the same parameters, so
the rows it changes are known by id. Only tables with an integer ``id`` primary key that juwei's models
declare are followed; statements on other tables pass untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import event
from sqlalchemy.engine import Engine

KEY = "juwei_written"
SKIP = frozenset({"audit_event", "alembic_version"})
_STATEMENT = re.compile(
    r"""^\s*(?:(INSERT)\s+(?:OR\s+\w+\s+)?INTO|(UPDATE)(?:\s+OR\s+\w+)?|(DELETE)\s+FROM)\s+"?(\w+)"?""",
    re.IGNORECASE)
_WHERE = re.compile(r"\sWHERE\s", re.IGNORECASE)
_TAIL = re.compile(r"\s(?:RETURNING|ORDER\s+BY|LIMIT)\s.*$", re.IGNORECASE | re.DOTALL)


@dataclass
class TableWrites:
    max_id_before: int | None = None  # set at the first INSERT: rows with a higher id are new
    ids: set[int] = field(default_factory=set)  # rows an UPDATE or DELETE touched


def _followed(table: str) -> bool:
    if table in SKIP:
        return False
    from sqlmodel import SQLModel

    known = SQLModel.metadata.tables.get(table)
    if known is None:  # models load lazily per domain: a table written by raw SQL may not be defined yet
        from juwei.storage.models import load_all

        load_all()
        known = SQLModel.metadata.tables.get(table)
    if known is None or "id" not in known.c:
        return False
    return [c.name for c in known.primary_key.columns] == ["id"]


def _query(conn, cursor, sql: str, params) -> list[tuple]:
    """Run one SELECT beside the statement, on the same DBAPI connection (same transaction). On
    PostgreSQL inside a savepoint, so a failure cannot abort the clerk's transaction."""
    raw = cursor.connection
    server = conn.dialect.name != "sqlite"
    cur = raw.cursor()
    try:
        if server:
            cur.execute("SAVEPOINT juwei_capture")
        try:
            cur.execute(sql, params) if params is not None else cur.execute(sql)
            rows = cur.fetchall()
        except Exception:
            if server:
                cur.execute("ROLLBACK TO SAVEPOINT juwei_capture")
            raise
        if server:
            cur.execute("RELEASE SAVEPOINT juwei_capture")
        return rows
    finally:
        cur.close()


def _affected(conn, cursor, statement: str, table: str, parameters, executemany: bool) -> set[int]:
    quoted = conn.dialect.identifier_preparer.quote(table)
    match = _WHERE.search(statement)
    if match is None:
        return {r[0] for r in _query(conn, cursor, f"SELECT id FROM {quoted}", None)}
    where = _TAIL.sub("", statement[match.start():])
    head = statement[:match.start()]
    sql = f"SELECT id FROM {quoted}{where}"
    sets = parameters if executemany else [parameters]
    ids: set[int] = set()
    for params in sets:
        if isinstance(params, (list, tuple)):  # positional: drop the SET clause's parameters
            params = tuple(params)[head.count("?") + head.count("%s"):]
        ids.update(r[0] for r in _query(conn, cursor, sql, params if params else None))
    return ids


def _before_execute(conn, cursor, statement, parameters, context, executemany) -> None:
    if not conn.get_execution_options().get("juwei_write"):
        return
    try:
        _note(conn, cursor, statement, parameters, executemany)
    except Exception:  # never stand in the way of the statement itself; verify will see what was missed
        conn.info.setdefault(KEY, {}).setdefault("?", TableWrites())


def _note(conn, cursor, statement, parameters, executemany) -> None:
    match = _STATEMENT.match(statement)
    if match is None:
        return
    table = match.group(4)
    if not _followed(table):
        return
    writes = conn.info.setdefault(KEY, {}).setdefault(table, TableWrites())
    if match.group(1):  # INSERT
        if writes.max_id_before is None:
            quoted = conn.dialect.identifier_preparer.quote(table)
            writes.max_id_before = _query(conn, cursor, f"SELECT coalesce(max(id), 0) FROM {quoted}", None)[0][0]
    else:  # UPDATE or DELETE
        writes.ids |= _affected(conn, cursor, statement, table, parameters, executemany)


def _forget(conn) -> None:
    conn.info.pop(KEY, None)


def settle(conn, table: str, ids) -> None:
    """Rows ``ids`` of ``table`` are recorded as they stand now: forget the updates noted for them so far."""
    writes = conn.info.get(KEY, {}).get(table)
    if writes is not None:
        writes.ids.difference_update(ids)


def taken(conn) -> dict[str, TableWrites]:
    """What this transaction wrote so far, per table; forgotten once taken."""
    return conn.info.pop(KEY, None) or {}


if not event.contains(Engine, "before_cursor_execute", _before_execute):
    event.listen(Engine, "before_cursor_execute", _before_execute)
    event.listen(Engine, "begin", _forget)
    event.listen(Engine, "rollback", _forget)
    event.listen(Engine, "commit", _forget)
