"""SQLite upkeep that only the storage layer may know: the online backup API, integrity checks, the
file header. Services (``juwei.services.integrity``) decide what to do with the results."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Iterator

from juwei.storage.engine import busy_timeout_ms, create_sqlite_file

SQLITE_HEADER = b"SQLite format 3\x00"


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


@contextlib.contextmanager
def _connect(path: Path, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=busy_timeout_ms() / 1000)
    else:
        conn = sqlite3.connect(str(path), timeout=busy_timeout_ms() / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        yield conn
    finally:
        conn.close()


def copy_database(source: Path, dest: Path, *, create: bool = True) -> None:
    """Copy ``source`` into ``dest`` with SQLite's online backup API: a consistent snapshot of the last
    committed state even while another clerk writes. ``dest`` is created owner-only (0600) when missing;
    an existing ``dest`` is replaced page by page under its own write lock (safe while others have it open)."""
    if create and not dest.exists():
        create_sqlite_file(dest)
    with _connect(source) as src, _connect(dest) as dst:
        src.backup(dst)
        dst.commit()


def backup_to_new_file(source: Path, dest: Path) -> None:
    """A backup file that appears only when complete: written beside ``dest``, synced, then renamed."""
    partial = dest.with_name(dest.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        copy_database(source, partial)
        with _connect(partial) as conn:  # a backup is one self-contained file, not a WAL pair
            conn.execute("PRAGMA journal_mode = DELETE")
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, dest)
    finally:
        for leftover in (partial, Path(str(partial) + "-wal"), Path(str(partial) + "-shm"),
                         Path(str(partial) + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def integrity_problems(path: Path) -> list[str]:
    """``PRAGMA integrity_check``: an empty list when the file is sound."""
    with _connect(path) as conn:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def foreign_key_problems(path: Path) -> list[str]:
    """``PRAGMA foreign_key_check``: one line per row whose reference points nowhere."""
    with _connect(path) as conn:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    return [f"{table} rowid {rowid} → {parent}" for table, rowid, parent, _fk in rows]


def schema_revision(path: Path) -> str | None:
    """The Alembic revision recorded in a SQLite file, read-only; None when it has none."""
    with _connect(path, readonly=True) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError:
            return None
    return row[0] if row else None


def remove_sqlite_file(path: Path) -> None:
    for file in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm"), Path(str(path) + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            file.unlink()
