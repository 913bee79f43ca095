"""The 0002 migration builds exactly the tables the models describe; the demo walks a meeting end to end;
every message of the meetings code has a Chinese translation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "juwei"
MY_FILES = ["rules/meetings.py", "services/meetings.py", "services/voting.py", "services/petitions.py",
            "cli/meeting.py", "cli/motion.py", "cli/vote.py", "cli/petition.py", "cli/demo.py"]


@pytest.mark.storage
def test_migration_matches_models(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import juwei.storage.models  # noqa: F401
    from juwei.storage import migrate
    from juwei.storage.engine import SCHEMA_HEAD, Store, create_sqlite_file, sqlite_path

    path = sqlite_path("sqlite:///" + db) if "://" not in db else None
    if path is not None:
        create_sqlite_file(path)
    store = Store(db)
    try:
        migrate.upgrade(store, "head")
        assert store.schema_revision() == SCHEMA_HEAD
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        assert diff == []
        migrate.downgrade(store, "0001")
        assert store.schema_revision() == "0001"
    finally:
        store.dispose()


def test_schema_revisions_match_scripts():
    from juwei.storage.engine import SCHEMA_REVISIONS
    from juwei.storage.migrate import script_revisions

    assert list(SCHEMA_REVISIONS) == script_revisions()


@pytest.mark.storage
def test_demo_walks_a_meeting(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from juwei.cli import app

    monkeypatch.setenv("JUWEI_TODAY", "2026-11-25")
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path / "d"), "--households", "40"])
    assert result.exit_code == 0, (result.output, result.exception)
    out = result.stdout
    for command in ("meeting convene --kind representatives --at '2026-11-28 14:30'", "meeting checkin 1 --all",
                    "meeting quorum 1", "vote count 1", "vote cast 2", "vote tally 2 --json", "meeting close 1"):
        assert "$ juwei " + command in out
    assert "PASSED" in out and '"passed": false' in out and "meeting 1 closed" in out


def _literals(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            found.add(node.args[0].value)
    return found


def test_every_meetings_message_is_translated():
    import string

    from juwei.locales.zh_CN.meetings import MESSAGES

    missing = []
    for name in MY_FILES:
        for text in sorted(_literals(SRC / name)):
            if text not in MESSAGES:
                missing.append(f"{name}: {text}")
            else:
                fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
                assert fields == {f for _, f, _, _ in string.Formatter().parse(MESSAGES[text]) if f}, text
    assert not missing, "\n".join(missing)
