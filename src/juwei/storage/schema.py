"""The schema is part of the record: a trigger or view planted in the database changes what is stored
(``BEFORE INSERT ON ballot … RAISE(IGNORE)`` drops votes) without touching a row or an event. What the
database should hold is what the models declare — the migrations are checked against them by the test
suite — so the expected schema is read from ``SQLModel.metadata``, never from a hand-written list:
every table and its columns, every named index, and no trigger or view at all.

This module is the only place that knows where SQLite (``sqlite_master``) and PostgreSQL (``pg_trigger``,
``information_schema``) keep them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, text

# Alembic's own table: created by the migrations, declared by no model.
_ALEMBIC = {"alembic_version": {"version_num"}}


@dataclass(frozen=True)
class SchemaDifference:
    kind: str  # table | column | index | trigger | view
    name: str  # the object's name (a column as table.column)
    table: str | None
    change: str  # extra | missing


def expected_schema() -> tuple[dict[str, set[str]], dict[str, str]]:
    """(table -> its columns, index name -> its table), as the models declare them."""
    from sqlmodel import SQLModel

    from juwei.storage.models import load_all

    load_all()
    tables = {name: {c.name for c in table.columns} for name, table in SQLModel.metadata.tables.items()}
    tables.update(_ALEMBIC)
    indexes = {str(ix.name): name for name, table in SQLModel.metadata.tables.items() for ix in table.indexes}
    return tables, indexes


def triggers_and_views(conn) -> list[tuple[str, str, str | None]]:
    """(kind, name, table) of every trigger and view in the database: juwei creates none."""
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql("SELECT type, name, tbl_name FROM sqlite_master "
                                    "WHERE type IN ('trigger', 'view') ORDER BY type, name").all()
        return [(kind, name, table if kind == "trigger" else None) for kind, name, table in rows]
    if conn.dialect.name == "postgresql":
        found = [("trigger", name, table) for name, table in conn.execute(text(
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace "
            "ORDER BY t.tgname")).all()]
        found += [("view", name, None) for (name,) in conn.execute(text(
            "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() "
            "ORDER BY table_name")).all()]
        found += [("view", name, None) for (name,) in conn.execute(text(
            "SELECT matviewname FROM pg_matviews WHERE schemaname = current_schema() ORDER BY matviewname")).all()]
        return found
    insp = inspect(conn)  # pragma: no cover - other databases: views only
    return [("view", name, None) for name in insp.get_view_names()]


def _indexes(conn, insp, tables: list[str]) -> dict[str, str]:
    """Named indexes that are not a constraint's own (primary key, UNIQUE): name -> table."""
    if conn.dialect.name == "sqlite":
        return {name: table for name, table in conn.exec_driver_sql(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'")}
    found = {}
    for table in tables:
        for ix in insp.get_indexes(table):
            if ix.get("name") and not ix.get("duplicates_constraint"):
                found[ix["name"]] = table
    return found


def differences(conn) -> list[SchemaDifference]:
    """Every way the database's schema differs from what juwei creates, tables first."""
    want_tables, want_indexes = expected_schema()
    insp = inspect(conn)
    have = sorted(insp.get_table_names())
    out: list[SchemaDifference] = []
    for name in have:
        if name not in want_tables:
            out.append(SchemaDifference("table", name, name, "extra"))
            continue
        columns = {c["name"] for c in insp.get_columns(name)}
        out += [SchemaDifference("column", f"{name}.{c}", name, "extra") for c in sorted(columns - want_tables[name])]
        out += [SchemaDifference("column", f"{name}.{c}", name, "missing")
                for c in sorted(want_tables[name] - columns)]
    out += [SchemaDifference("table", name, name, "missing") for name in sorted(set(want_tables) - set(have))]
    indexes = _indexes(conn, insp, [name for name in have if name in want_tables])
    out += [SchemaDifference("index", name, table, "extra") for name, table in sorted(indexes.items())
            if name not in want_indexes]
    out += [SchemaDifference("index", name, table, "missing") for name, table in sorted(want_indexes.items())
            if name not in indexes and table in have]
    out += [SchemaDifference(kind, name, table, "extra") for kind, name, table in triggers_and_views(conn)]
    return out
