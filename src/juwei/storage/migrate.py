"""Alembic, driven from juwei: ``juwei db upgrade`` and the migration tests use these."""

from __future__ import annotations

from pathlib import Path

from juwei.storage.engine import Store

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(store: Store):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", store.url.replace("%", "%%"))
    return config


def _run(store: Store, action: str, revision: str) -> None:
    from alembic import command

    config = alembic_config(store)
    with store.engine.connect() as conn:
        conn = conn.execution_options(juwei_write=True)
        with conn.begin():
            config.attributes["connection"] = conn
            getattr(command, action)(config, revision)


def upgrade(store: Store, revision: str = "head") -> None:
    _run(store, "upgrade", revision)


def downgrade(store: Store, revision: str) -> None:
    _run(store, "downgrade", revision)


def script_revisions() -> list[str]:
    """Revision ids in order from base to head, as the migration scripts declare them."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
