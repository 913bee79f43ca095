"""juwei db: schema upkeep."""

from __future__ import annotations

import typer

from juwei.cli._common import info, options
from juwei.i18n import t

app = typer.Typer(help="Database upkeep: upgrade the schema.", no_args_is_help=True)


def _existing_store(ctx: typer.Context):
    """The database at --db, whatever its schema revision (these commands work on old schemas)."""
    from juwei.errors import DatabaseError
    from juwei.storage.engine import Store, database_url, describe, sqlite_path

    opts = options(ctx)
    path = sqlite_path(database_url(opts.db))
    if path is not None and not path.exists():
        raise DatabaseError(t("no juwei database at {path}; run `juwei init` or pass --db", path=opts.db))
    store = Store(opts.db)
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
        migrate.upgrade(store)
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
