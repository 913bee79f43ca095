"""Keeping a juwei database whole: verify, back up, restore, check.

Backups and restores of SQLite files use the online backup API (``juwei.storage.maintenance``), so they
are consistent while another clerk writes. On PostgreSQL the server's own tools (pg_dump, pg_restore)
are the way; see docs/deploy-postgresql.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from juwei.errors import DatabaseError, JuweiError
from juwei.i18n import t
from juwei.storage.engine import Store, check_revision, database_url, describe, open_store, sqlite_path


def verify_store(store: Store, sealed: tuple[int, str] | None = None, records: list[tuple[int, str]] = ()):
    from juwei.services.audit import verify as audit_verify

    with store.read() as session:
        return audit_verify.verify(session, sealed, records)


def verify_database(db: str, seal_file: Path | None = None):
    """``juwei audit verify`` on the database at ``db`` (path or URL), optionally against a posted seal."""
    sealed, records = None, []
    if seal_file is not None:
        from juwei.services.audit.seal import read_records, read_seal

        try:
            text = Path(seal_file).read_text(encoding="utf-8", errors="replace")
            sealed, records = read_seal(text), read_records(text)
        except OSError as exc:
            raise JuweiError(t("cannot read {path}: {reason}", path=seal_file, reason=exc.strerror or exc)) from None
        if sealed is None:
            raise JuweiError(t("{path} is not a juwei seal (no 'juwei-seal:' line)", path=seal_file))
    store = open_store(db)
    try:
        return verify_store(store, sealed, records)
    finally:
        store.dispose()


def _sqlite_only(db: str, what: str) -> Path:
    path = sqlite_path(database_url(db))
    if path is None:
        raise JuweiError(t("{what} works on SQLite files; for PostgreSQL ({db}) use pg_dump and pg_restore "
                           "(see docs/deploy-postgresql.md)", what=what, db=describe(db)))
    return path


@dataclass
class BackupResult:
    path: str
    events: int
    head_hash: str
    bytes: int


def backup(db: str, dest: Path) -> BackupResult:
    """Copy the database to a new file ``dest`` (0600), consistent while others write; the copy is verified."""
    from juwei.storage import maintenance

    source = _sqlite_only(db, "juwei db backup")
    store = open_store(db)  # refuses a missing or foreign file
    store.dispose()
    dest = Path(dest).expanduser()
    if dest.exists():
        raise JuweiError(t("{path} already exists; choose a new file name for the backup", path=dest))
    if dest.resolve() == source.resolve():
        raise JuweiError(t("the backup must go to another file than the database itself"))
    if not dest.parent.is_dir():
        raise JuweiError(t("the directory {path} does not exist", path=dest.parent))
    try:
        maintenance.backup_to_new_file(source, dest)
    except OSError as exc:
        raise JuweiError(t("cannot write {path}: {reason}", path=dest, reason=exc.strerror or exc)) from None
    except Exception as exc:  # sqlite3 errors: locked beyond the busy timeout, disk full
        raise DatabaseError(t("the backup failed: {reason}", reason=str(exc).splitlines()[0])) from None
    report = verify_database(str(dest))
    return BackupResult(str(dest), report.events, report.head_hash, dest.stat().st_size)


@dataclass
class RestoreResult:
    restored_from: str
    replaced_kept_at: str | None
    events: int
    head_hash: str


def restore(db: str, source: Path, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the database at ``db`` with the backup ``source``, after proving the backup is a juwei
    database at this schema whose audit trail verifies. The replaced database is kept beside it as
    ``<name>.replaced-<UTC timestamp>``."""
    from juwei.storage import maintenance

    target = _sqlite_only(db, "juwei db restore")
    source = Path(source).expanduser()
    if not source.is_file():
        raise JuweiError(t("no backup file at {path}", path=source))
    if not maintenance.is_sqlite_file(source):
        raise JuweiError(t("{path} is not a juwei database (not an SQLite file)", path=source))
    try:
        revision = maintenance.schema_revision(source)
    except Exception as exc:
        raise JuweiError(t("{path} cannot be read as a database: {reason}", path=source,
                           reason=str(exc).splitlines()[0])) from None
    check_revision(str(source), revision)
    if target.exists() and source.resolve() == target.resolve():
        raise JuweiError(t("{path} is the database itself; nothing to restore", path=source))

    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    staging = target.with_name(f"{target.name}.restoring-{stamp}")
    maintenance.remove_sqlite_file(staging)
    try:
        maintenance.copy_database(source, staging)  # check a private copy: what we check is what we restore
        problems = maintenance.integrity_problems(staging)
        if problems:
            raise JuweiError(t("{path} is damaged (integrity check: {problem}); not restored", path=source,
                               problem=problems[0]))
        report = verify_database(str(staging))
        if not report.ok:
            raise JuweiError(t("{path} fails audit verify ({problem}); not restored", path=source,
                               problem=report.problems[0].message))
        kept = None
        if target.exists():
            kept_path = target.with_name(f"{target.name}.replaced-{stamp}")
            if kept_path.exists():
                raise JuweiError(t("{path} already exists; try again in a second", path=kept_path))
            maintenance.backup_to_new_file(target, kept_path)
            kept = str(kept_path)
        maintenance.copy_database(staging, target)
    except JuweiError:
        raise
    except Exception as exc:  # sqlite3: locked beyond the busy timeout, disk full
        raise DatabaseError(t("the restore failed: {reason}", reason=str(exc).splitlines()[0])) from None
    finally:
        maintenance.remove_sqlite_file(staging)
    return RestoreResult(str(source), kept, report.events, report.head_hash)


@dataclass
class CheckLine:
    name: str
    ok: bool
    details: list[str] = field(default_factory=list)


def check(db: str) -> list[CheckLine]:
    """``juwei db check``: SQLite's integrity and foreign-key checks, then audit verify."""
    from juwei.storage import maintenance

    store = open_store(db)
    store.dispose()
    lines: list[CheckLine] = []
    path = sqlite_path(database_url(db))
    if path is not None:
        problems = maintenance.integrity_problems(path)
        lines.append(CheckLine("integrity_check", not problems, problems[:20]))
        problems = maintenance.foreign_key_problems(path)
        lines.append(CheckLine("foreign_key_check", not problems, problems[:20]))
    report = verify_database(db)
    lines.append(CheckLine("audit_verify", report.ok, [p.message for p in report.problems[:20]]))
    return lines
