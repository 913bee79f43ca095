"""Bulk loading and raw reading: many rows in one driver ``executemany`` (imports of a whole roster, a
100,000-seat roll, the audit events of a bulk write), and rows read back in batches from the driver's own
cursor. The one place outside the engine that knows parameter styles and builds SQL text: services call
:func:`insert_rows` (dicts), :func:`insert_values` (positional rows) and :func:`read_raw`.

The ORM's ``add_all`` builds an object per row and runs at ~3% of ``executemany``; even Core's
``insert()`` with a list of dicts spends most of its time building each row's parameters. Here the
statement is compiled once, the columns' own bind processors (dates, the UTC timestamp type) are applied
in a tight loop, and the driver's ``executemany`` gets plain tuples — the same values SQLAlchemy would
have sent. On SQLite the new rows' ids are assigned here (the write transaction began with
``BEGIN IMMEDIATE``, so nobody else can take them meanwhile); other databases return them with
``INSERT … RETURNING``.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Iterator, Sequence

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlmodel import Session

BULK_CACHE_KIB = 16 * 1024


def _table(model_or_table: Any) -> Table:
    return model_or_table if isinstance(model_or_table, Table) else model_or_table.__table__


def _driver_params(table: Table, columns: Sequence[str], rows: Sequence[dict[str, Any]], dialect: Any) -> list:
    """Rows as positional tuples, with each column's bind processor applied (what Core would send)."""
    getter = itemgetter(*columns)
    if len(columns) == 1:
        values = [[getter(row) for row in rows]]
    else:
        values = [list(column) for column in zip(*map(getter, rows))]
    return _processed(table, columns, values, dialect)


def _processed(table: Table, columns: Sequence[str], values: list[list], dialect: Any) -> list:
    """Column-wise values (one list per column) with each column's bind processor applied, as row tuples.

    Works column by column so the loops run in C: each processed column's distinct values are processed
    once (imports repeat one timestamp and many dates) and mapped back.
    """
    for i, name in enumerate(columns):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            continue
        try:
            memo = {value: process(value) for value in set(values[i])}
        except TypeError:  # unhashable values: process each
            values[i] = [process(value) for value in values[i]]
        else:
            values[i] = list(map(memo.__getitem__, values[i]))
    return list(zip(*values))


def _insert_sql(conn: Any, table: Table, columns: Sequence[str]) -> str | None:
    """``INSERT INTO t (…) VALUES (?, …)`` in the driver's parameter style; None for a driver whose style
    takes no positional marks (Core's executemany then does the work)."""
    style = conn.dialect.paramstyle
    if style not in ("qmark", "format", "pyformat"):  # pragma: no cover - other drivers
        return None
    mark = "?" if style == "qmark" else "%s"
    quote = conn.dialect.identifier_preparer.quote
    return (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})")


def insert_values(session: Session, model: Any, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert positional ``rows`` (one value per column in ``columns``) in one driver executemany.
    SQLAlchemy's per-row parameter processing would cost more than the insert itself for 100,000 rows;
    here each typed column (a timestamp) is converted once per distinct value through its own type. Ids
    come from the database; nothing is read back."""
    if not rows:
        return
    table = _table(model)
    conn = session.connection()
    sql = _insert_sql(conn, table, columns)
    if sql is None:  # pragma: no cover - other drivers
        conn.execute(insert(table), [dict(zip(columns, row)) for row in rows])
        return
    values = [list(column) for column in zip(*rows)]
    conn.exec_driver_sql(sql, _processed(table, columns, values, conn.dialect))


def read_raw(session: Session, model: Any, columns: Sequence[str], *, after_id: int | None = None,
             order_by: str | None = None, batch: int = 5000) -> Iterator[tuple]:
    """The table's rows (the given columns, optionally only ids above ``after_id``, optionally ordered),
    as the driver returns them, without SQLAlchemy's type processing: read in batches from the driver's
    own cursor, in the session's transaction. The same on a writing and on a verifying side, fast for
    100,000 rows, and a value of the wrong type reads as stored instead of failing the read."""
    table = _table(model)
    conn = session.connection()
    quote = conn.dialect.identifier_preparer.quote
    sql = f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table.name)}"
    params: tuple = ()
    if after_id is not None:
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        sql, params = f"{sql} WHERE {quote('id')} > {mark}", (after_id,)
    if order_by:
        sql += f" ORDER BY {quote(order_by)}"
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(batch):
            yield from rows
    finally:
        cursor.close()


def insert_rows(session: Session, model: Any, rows: list[dict[str, Any]], *,
                return_ids: bool = True) -> list[int]:
    """Insert ``rows`` (all with the same keys, without ``id``); returns the new ids in order (or [] when
    ``return_ids`` is false) and sets each row's ``id``."""
    if not rows:
        return []
    table = _table(model)
    conn = session.connection()
    dialect = conn.dialect
    ids: list[int] = []
    if dialect.name != "sqlite":
        if return_ids:
            result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
            ids = [row_id for (row_id,) in result]
            _check_stored(len(ids), len(rows))
            for new_id, row in zip(ids, rows):
                row["id"] = new_id
            return ids
        conn.execute(insert(table), rows)
        return []
    # A roster's indexes outgrow SQLite's default 2 MB page cache; a larger cache (allocated only as
    # used, for this connection) saves re-reading index pages on every insert.
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    if return_ids:
        start = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = list(range(start, start + len(rows)))
        for new_id, row in zip(ids, rows):
            row["id"] = new_id
    columns = list(rows[0])  # every column is given: no Python-side defaults are applied here
    sql = _insert_sql(conn, table, columns)
    first = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1  # the write lock is held: new rows are above
    conn.exec_driver_sql(sql, _driver_params(table, columns, rows, dialect))
    _check_stored(conn.execute(select(func.count()).select_from(table).where(table.c.id >= first)).scalar(), len(rows))
    return ids


def _check_stored(stored: int, sent: int) -> None:
    """What a bulk write reports is what the database stored: a trigger that drops or adds rows makes the
    write fail (and roll back) instead of reporting rows that are not there."""
    if stored != sent:
        from juwei.errors import DatabaseError
        from juwei.i18n import t

        raise DatabaseError(t("only {stored} of the {n} rows were stored: something in the database changes what "
                              "is written (see `juwei db check`); nothing was recorded", stored=stored, n=sent))


def update_rows(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> int:
    """Update rows by ``id``: each dict holds the id and the columns to set (all dicts the same keys)."""
    if not rows:
        return 0
    table = _table(model)
    keys = [k for k in rows[0] if k != "id"]
    statement = (update(table).where(table.c.id == bindparam("_id"))
                 .values({k: bindparam(k) for k in keys}))
    params = [{"_id": row["id"], **{k: row[k] for k in keys}} for row in rows]
    session.connection().execute(statement, params)
    return len(params)
