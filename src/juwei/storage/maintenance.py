"""SQLite upkeep that only the storage layer may know: the online backup API, integrity checks, the
file header. Services (``juwei.services.integrity``) decide what to do with the results."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from pathlib import Path
from typing import Iterator

from juwei.errors import DatabaseError
from juwei.storage.engine import busy_timeout_ms, create_sqlite_file, locked_message

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


def backup_to_new_file(source: Path | sqlite3.Connection, dest: Path) -> None:
    """A backup file that appears only when complete: written beside ``dest`` (``<name>.partial-<pid>``,
    so a later run can tell a killed writer's leftover from a running one's), synced, then renamed.
    ``source`` is a path, or a connection already open on the database (a restore copies it under its lock)."""
    remove_leftovers(dest.parent)
    partial = dest.with_name(f"{dest.name}.partial-{os.getpid()}")
    remove_sqlite_file(partial)
    remove_sqlite_file(dest.with_name(dest.name + ".partial"))  # left by an older juwei writing this name
    try:
        if isinstance(source, sqlite3.Connection):
            create_sqlite_file(partial)
            with _connect(partial) as dst:
                source.backup(dst)
        else:
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
        remove_sqlite_file(partial)


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[sqlite3.Connection]:
    """The database for this connection alone: waits (up to the busy timeout) until no other clerk is reading
    or writing, then holds SQLite's exclusive lock until the block ends, so nothing commits meanwhile.
    When the wait runs out: juwei's one-line "the database is busy" refusal."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms() / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE").fetchall()
        try:
            conn.execute("BEGIN IMMEDIATE")  # in exclusive locking mode the lock outlives the transaction
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseError(locked_message()) from None
            raise
        yield conn
    finally:
        conn.close()


def replace_contents(conn: sqlite3.Connection, source: Path) -> None:
    """Copy ``source`` page by page into the database ``conn`` holds (see :func:`exclusive`)."""
    with _connect(source, readonly=True) as src:
        src.backup(conn)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return pid > 0


_LEFTOVER = re.compile(r"^(?P<name>.+)\.(?:partial|restoring-[0-9TZ]+)-(?P<pid>[0-9]+)(?:-wal|-shm|-journal)?$")


def _sqlite_file(path: Path) -> bool:
    """Whether ``path`` begins as a SQLite database does: only such a file is a backup's or restore's."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def leftovers(folder: Path) -> list[Path]:
    """Files a killed backup or restore left in ``folder``: ``<name>.partial-<pid>`` and
    ``<name>.restoring-<time>-<pid>`` (with their -wal/-shm/-journal) whose process is gone, and whose
    database file is a SQLite database — a clerk's own ``notes.txt.partial-1`` is not juwei's to remove."""
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = _LEFTOVER.match(entry.name)
            if not (match and not _alive(int(match["pid"])) and entry.is_file()):
                continue
            base = entry.with_name(re.sub(r"-(?:wal|shm|journal)$", "", entry.name))
            if _sqlite_file(base):
                found.append(entry)
    return sorted(found)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove what :func:`leftovers` finds (never a file of a backup or restore still running)."""
    removed = []
    for leftover in leftovers(folder):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def chain_facts(conn: sqlite3.Connection) -> dict:
    """What a restore compares between the backup and the database it replaces: the communities (code,
    name) and the audit chain's head (seq, hash)."""
    try:
        communities = sorted(conn.execute("SELECT code, name FROM community").fetchall())
        head = conn.execute("SELECT seq, hash FROM audit_event WHERE seq IS NOT NULL "
                            "ORDER BY seq DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return {"communities": [], "head": None}
    return {"communities": communities, "head": tuple(head) if head else None}


def event_hash(conn: sqlite3.Connection, seq: int) -> str | None:
    try:
        row = conn.execute("SELECT hash FROM audit_event WHERE seq = ?", (seq,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


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
