"""The Alembic scripts build exactly the schema the models describe, on every revision chain."""

import pytest
from sqlalchemy import create_engine

from juwei.storage import migrate
from juwei.storage.engine import SCHEMA_HEAD, SCHEMA_REVISIONS, Store, database_url


def test_revision_list_matches_the_scripts():
    assert tuple(migrate.script_revisions()) == SCHEMA_REVISIONS


def test_migrated_schema_equals_the_models(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    from juwei.storage.models import load_all

    load_all()

    if "://" not in db:
        from juwei.storage.engine import create_sqlite_file
        from pathlib import Path

        create_sqlite_file(Path(db))
    store = Store(db)
    migrate.upgrade(store)
    assert store.schema_revision() == SCHEMA_HEAD
    engine = create_engine(database_url(db))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    engine.dispose()
    store.dispose()
    assert diff == []


def test_init_database_is_at_head_and_commands_work_after_upgrade(cli, db):
    cli.ok("init", "--name", "东城社区")
    assert Store(db).schema_revision() == SCHEMA_HEAD
