"""Fixtures: real databases in tmp dirs (SQLite by default, PostgreSQL when JUWEI_TEST_DATABASE_URL is set),
the CLI through Typer's runner, and a snapshot of every table to prove a refused command wrote nothing."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

os.environ["JUWEI_LANG"] = "en"
os.environ["JUWEI_CLERK"] = "test-clerk"
os.environ.pop("JUWEI_DB", None)
os.environ.pop("JUWEI_COMMUNITY", None)

PG_URL = os.environ.get("JUWEI_TEST_DATABASE_URL")


@pytest.fixture(autouse=True)
def _clerks_language_back_to_english():
    """A command run with --lang zh_CN leaves the process in Chinese; the next test starts in English."""
    yield
    from juwei import i18n

    i18n.set_language("en")


def _pg_database(base_url: str):
    """Create an empty PostgreSQL database for one test; returns (url, drop)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "juwei_t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base_url).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


@pytest.fixture
def db(tmp_path: Path):
    """A database location with nothing in it yet: a SQLite path, or a fresh PostgreSQL database."""
    if PG_URL:
        url, drop = _pg_database(PG_URL)
        yield url
        drop()
    else:
        yield str(tmp_path / "juwei.db")


class Cli:
    """Runs `juwei --db DB …` in-process; ``ok`` asserts exit 0, ``fails`` asserts exit 1 and no traceback."""

    def __init__(self, db: str):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str] | None = None):
        from juwei.cli import app

        return self.runner.invoke(app, ["--db", self.db, *map(str, args)], input=input, env=env,
                                  catch_exceptions=True)

    def ok(self, *args: str, **kw) -> str:
        result = self(*args, **kw)
        assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
        return result.stdout

    def json(self, *args: str, **kw) -> Any:
        return json.loads(self.ok(*args, "--json", **kw))

    def fails(self, *args: str, code: int = 1, **kw) -> str:
        result = self(*args, **kw)
        assert result.exit_code == code, (result.exit_code, result.output, result.exception)
        assert "Traceback" not in result.output
        if code == 1:
            assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), \
                result.exception
        return result.stderr


@pytest.fixture
def cli(db: str) -> Cli:
    return Cli(db)


@pytest.fixture
def community(cli: Cli) -> Cli:
    """A database with the seed-profile community 东城社区 (code dc)."""
    cli.ok("init", "--name", "东城社区", "--code", "dc")
    return cli


def table_snapshot(db: str) -> dict[str, list[tuple]]:
    """Every row of every table, to compare before and after a refused command."""
    from sqlalchemy import MetaData, create_engine, select

    from juwei.storage.engine import database_url

    engine = create_engine(database_url(db))
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as conn:
            return {name: sorted(map(tuple, conn.execute(select(table)).all()), key=repr)
                    for name, table in sorted(meta.tables.items())}
    finally:
        engine.dispose()


@pytest.fixture
def unchanged(db: str):
    """``with unchanged(): cli.fails(...)`` proves the database is exactly as before."""
    import contextlib

    @contextlib.contextmanager
    def check():
        before = table_snapshot(db)
        yield
        assert table_snapshot(db) == before

    return check
