"""Helpers for the integrity tests: tampering with a database behind juwei's back, on SQLite or PostgreSQL."""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import create_engine, text

from juwei.storage.engine import database_url

PG = bool(os.environ.get("JUWEI_TEST_DATABASE_URL"))


def raw(db: str, sql: str, **params: Any) -> list[tuple]:
    """Run SQL directly, as someone with the sqlite3 shell or psql would: no juwei, no audit."""
    engine = create_engine(database_url(db))
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def roster(cli) -> dict[str, int]:
    """A small roster: a group, a household, two members (one updated), a representative."""
    ids = {"group": cli.json("group", "add", "第一居民小组")["id"]}
    cli.ok("household", "add", "01001", "--group", "第一居民小组", "--address", "和平里1号")
    ids["zhang"] = cli.json("member", "add", "--name", "张三", "--id-number", "11010519491231002X",
                            "--household", "01001", "--phone", "13812345678")["id"]
    ids["li"] = cli.json("member", "add", "--name", "李四", "--birth-date", "1980-02-29", "--gender", "M",
                         "--household", "01001")["id"]
    cli.ok("member", "update", str(ids["li"]), "--phone", "13900001111")
    return ids


def juwei_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"JUWEI_LANG": "en", "JUWEI_CLERK": "test-clerk", "PYTHONUNBUFFERED": "1"})
    env.pop("JUWEI_TEST_PAUSE_IN_TRANSACTION", None)
    env.update(extra)
    return env


def spawn(db: str, *args: str, **env: str):
    """`juwei --db DB …` in its own process (a second clerk); returns the Popen."""
    import subprocess
    import sys

    return subprocess.Popen([sys.executable, "-m", "juwei", "--db", db, *args], env=juwei_env(**env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(path, timeout: float = 30.0, proc=None) -> None:
    """Until the file exists (a subprocess reached its pause inside the transaction). With ``proc``, a
    process that ends before getting there fails at once, showing what it printed."""
    import time
    from pathlib import Path

    deadline = time.monotonic() + timeout
    while not Path(path).exists():
        if proc is not None and proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"the process ended (exit {proc.returncode}) before {path} appeared:\n{out}{err}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} did not appear")
        time.sleep(0.02)
