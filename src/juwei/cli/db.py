"""juwei db: schema upkeep."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, emit_json, info, options, warn
from juwei.i18n import label, t

app = typer.Typer(no_args_is_help=True)


def _existing_store(ctx: typer.Context):
    """The database at --db, whatever its schema revision (these commands work on old schemas)."""
    from juwei.errors import DatabaseError
    from juwei.storage.engine import Store, database_url, describe, sqlite_path

    opts = options(ctx)
    path = sqlite_path(database_url(opts.db))
    if path is not None and not path.exists():
        raise DatabaseError(t("no juwei database at {path}; run `juwei init` or pass --db", path=opts.db))
    store = Store(opts.db)
    from juwei.cli._startup import resume

    resume()  # start-up is over (juwei.cli._startup)
    if store.schema_revision() is None:
        store.dispose()
        raise DatabaseError(t("{db} is not a juwei database (it has no schema version)", db=describe(opts.db)))
    return store


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """Bring the database's schema up to this version of juwei (Alembic migrations)."""
    from juwei.storage import migrate
    from juwei.storage.engine import SCHEMA_HEAD, check_revision

    store = _existing_store(ctx)
    try:
        before = store.schema_revision()
        if before == SCHEMA_HEAD:
            info(t("the schema is already current ({rev})", rev=before))
            return
        if before not in migrate.script_revisions():
            check_revision(store.db, before)  # refuses: written by a newer juwei
        try:
            migrate.upgrade(store)
        except Exception as exc:  # the recorded revision does not match the tables (alembic_version edited)
            from juwei.errors import DatabaseError

            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise DatabaseError(t("the upgrade from {old} failed and nothing was changed: {reason}; the schema "
                                  "revision recorded in the database may not match its tables (restore a backup)",
                                  old=before, reason=reason)) from None
        info(t("upgraded the schema from {old} to {new}", old=before, new=store.schema_revision()))
    finally:
        store.dispose()


@app.command()
def version(ctx: typer.Context) -> None:
    """Print the database's schema revision and the one this juwei writes."""
    from juwei.storage.engine import SCHEMA_HEAD

    store = _existing_store(ctx)
    try:
        info(t("schema {rev} (this juwei writes {head})", rev=store.schema_revision(), head=SCHEMA_HEAD))
    finally:
        store.dispose()


@app.command()
def backup(ctx: typer.Context,
           file: Path = typer.Argument(..., metavar="FILE", help="The new backup file (must not exist)."),
           force: bool = typer.Option(False, "--force", help="Replace FILE if it already exists."),
           as_json: bool = JSON_OPTION) -> None:
    """Copy the database to FILE (owner-only), consistent even while another clerk writes; SQLite only."""
    from juwei.cli._startup import resume
    from juwei.services import integrity

    resume()  # start-up is over (juwei.cli._startup)
    result = integrity.backup(options(ctx).db, file, force=force)
    if as_json:
        emit_json(result)
    else:
        info(t("backed up to {path}: {events} audit events, head {hash}", path=result.path, events=result.events,
               hash=result.head_hash))


@app.command()
def restore(ctx: typer.Context,
            file: Path = typer.Argument(..., metavar="FILE", help="A backup made by `juwei db backup`."),
            seal: Optional[Path] = typer.Option(None, "--seal", metavar="SEAL_FILE",
                                                help="Restore only if the backup's audit trail matches this posted "
                                                     "seal (`juwei audit seal --out`)."),
            as_json: bool = JSON_OPTION) -> None:
    """Replace the database with FILE after checking it is a sound juwei database whose audit trail verifies;
    the replaced database is kept beside it (…replaced-<time>). Waits for (or, after the busy timeout, refuses
    to interrupt) another clerk's write; nobody reads or writes while it runs."""
    from juwei.cli._startup import resume
    from juwei.services import integrity

    resume()  # start-up is over (juwei.cli._startup)
    result = integrity.restore(options(ctx).db, file, seal_file=seal)
    for path in result.leftovers_removed:
        warn(t("removed {path}, left by an interrupted backup or restore", path=path))
    for message in result.warnings:
        warn(message)
    if as_json:
        emit_json(result)
    else:
        info(t("restored from {path}: {events} audit events, head {hash}", path=result.restored_from,
               events=result.events, hash=result.head_hash))
        if result.replaced_kept_at:
            info(t("the replaced database is kept at {path}", path=result.replaced_kept_at))


@app.command()
def check(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    """Run SQLite's integrity and foreign-key checks and audit verify; exit 1 if any finds a problem."""
    from juwei.cli._startup import resume
    from juwei.services import integrity

    resume()  # start-up is over (juwei.cli._startup)
    lines = integrity.check(options(ctx).db)
    if as_json:
        emit_json({"ok": all(line.ok for line in lines), "checks": lines})
    else:
        for line in lines:
            status = t("ok") if line.ok else t("FAILED")  # outside the call, where the extractor sees them
            info(t("{name}: {state}", name=label("database check", line.name), state=status))
            for detail in line.details:
                info(f"    {detail}")
    failed = [label("database check", line.name) for line in lines if not line.ok]
    if failed:
        typer.echo(t("error: {message}", message=t("database check failed: {checks}", checks=t(", ").join(failed))),
                   err=True)
        raise typer.Exit(1)
