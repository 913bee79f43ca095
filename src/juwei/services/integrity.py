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


def backup(db: str, dest: Path, *, force: bool = False) -> BackupResult:
    """Copy the database to a new file ``dest`` (0600), consistent while others write; the copy is verified."""
    from juwei.services import files
    from juwei.storage import maintenance

    source = _sqlite_only(db, "juwei db backup")
    store = open_store(db)  # refuses a missing or foreign file
    store.dispose()
    dest = files.out_file(dest, force=force, option="FILE")
    if dest.resolve() == source.resolve():
        raise JuweiError(t("the backup must go to another file than the database itself"))
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
    warnings: list[str] = field(default_factory=list)
    leftovers_removed: list[str] = field(default_factory=list)


def _differences(backup: dict, current: dict, kept: str | None) -> list[str]:
    """What a clerk should know before trusting a restore: another community's database, a backup older
    than the database it replaces, or a history that is not an earlier (or later) state of this one.
    ``backup``/``current``: :func:`juwei.storage.maintenance.chain_facts`, plus ``hash_at`` — each side's
    hash of the event at the other side's head."""
    def names(rows: list) -> str:
        return ", ".join(f"{name} ({code})" for code, name in rows) or "-"

    warnings = []
    if current["communities"] and backup["communities"] != current["communities"]:
        warnings.append(t("the backup holds {backup}, the database it replaced held {current}: another "
                          "community's database?", backup=names(backup["communities"]),
                          current=names(current["communities"])))
    if backup["head"] and current["head"]:
        (old_seq, old_hash), (now_seq, now_hash) = backup["head"], current["head"]
        same_history = (current["hash_at"] == old_hash) if old_seq <= now_seq else (backup["hash_at"] == now_hash)
        if not same_history:
            warnings.append(t("the backup's audit trail is not an earlier state of the replaced database's (they "
                              "differ by event {seq}): a rewritten chain or another database's history; check "
                              "it against a posted seal with --seal FILE", seq=min(old_seq, now_seq)))
        elif old_seq < now_seq:
            warnings.append(t("the backup is older than the database it replaced: its audit trail ends at event "
                              "{old}, the replaced one's at {new}; events {first}–{new} are only in {kept}",
                              old=old_seq, new=now_seq, first=old_seq + 1, kept=kept or "-"))
    return warnings


def restore(db: str, source: Path, *, now: dt.datetime | None = None, seal_file: Path | None = None
            ) -> RestoreResult:
    """Replace the database at ``db`` with the backup ``source``, after proving the backup is a juwei
    database at this schema whose audit trail verifies (against a posted seal with ``seal_file``).

    The order is what makes it safe while other clerks work: check a private copy of the backup; then take
    the database for ourselves (waiting up to the busy timeout for a writer to finish, else refusing); then
    keep the current database as ``<name>.replaced-<UTC timestamp>`` — everything committed so far is in it —
    and copy the backup in. Nobody reads or writes the database between the copy aside and the replacement."""
    import contextlib
    import os
    import sqlite3

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

    removed = [str(p) for p in maintenance.remove_leftovers(target.parent)]
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    staging = target.with_name(f"{target.name}.restoring-{stamp}-{os.getpid()}")
    maintenance.remove_sqlite_file(staging)
    kept = None
    warnings: list[str] = []
    try:
        maintenance.copy_database(source, staging)  # check a private copy: what we check is what we restore
        problems = maintenance.integrity_problems(staging)
        if problems:
            raise JuweiError(t("{path} is damaged (integrity check: {problem}); not restored", path=source,
                               problem=problems[0]))
        report = verify_database(str(staging), seal_file)
        if not report.ok:
            raise JuweiError(t("{path} fails audit verify ({problem}); not restored", path=source,
                               problem=report.problems[0].message))
        if not target.exists():
            maintenance.copy_database(staging, target)
        else:
            kept_path = target.with_name(f"{target.name}.replaced-{stamp}")
            for n in range(2, 100):  # two restores in one second keep two copies
                if not kept_path.exists():
                    break
                kept_path = target.with_name(f"{target.name}.replaced-{stamp}-{n}")
            else:
                raise JuweiError(t("{path} already exists; try again in a second", path=kept_path))
            with contextlib.closing(sqlite3.connect(f"file:{staging}?mode=ro", uri=True)) as staged, \
                    maintenance.exclusive(target) as conn:  # from here on, nobody else reads or writes
                backup_facts, current = maintenance.chain_facts(staged), maintenance.chain_facts(conn)
                backup_facts["hash_at"] = maintenance.event_hash(staged, current["head"][0]) \
                    if current["head"] else None
                current["hash_at"] = maintenance.event_hash(conn, backup_facts["head"][0]) \
                    if backup_facts["head"] else None
                maintenance.backup_to_new_file(conn, kept_path)
                kept = str(kept_path)
                maintenance.replace_contents(conn, staging)
            warnings = _differences(backup_facts, current, kept)
    except JuweiError:
        raise
    except Exception as exc:  # sqlite3: disk full, a file that is not a database
        raise DatabaseError(t("the restore failed: {reason}", reason=str(exc).splitlines()[0])) from None
    finally:
        maintenance.remove_sqlite_file(staging)
    return RestoreResult(str(source), kept, report.events, report.head_hash, warnings, removed)


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
