"""Every message of the disclosure modules has a Chinese translation; the migration matches the models."""

import ast
import re
from pathlib import Path

import juwei

SRC = Path(juwei.__file__).parent
MODULES = ["rules/disclosure.py", "services/disclosure.py", "services/ledger.py", "services/sheets.py",
           "services/disclosure_meetings.py",
           "cli/disclose.py", "cli/ledger.py", "render/disclosure.py"]


def _literals(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args \
                and isinstance(node.args[0], ast.Constant):
            found.add(node.args[0].value)
    return found


def test_every_message_is_translated_with_the_same_placeholders():
    from juwei.i18n import catalog

    messages = catalog("zh_CN")  # every domain's catalog: a word another domain translates is not repeated
    for module in MODULES:
        for message in _literals(SRC / module):
            assert message in messages, (module, message)
            assert set(re.findall(r"{(\w+)}", message)) == set(re.findall(r"{(\w+)}", messages[message])), message
    for status in ("open", "overdue", "done", "late"):
        assert status in messages


def test_chinese_errors(community, today, monkeypatch):
    monkeypatch.setenv("JUWEI_LANG", "zh_CN")
    err = community.fails("--lang", "zh_CN", "disclose", "show", "5")
    assert "没有公开事项 5" in err


def test_migration_creates_the_disclosure_tables_like_the_models(tmp_path):
    from sqlalchemy import inspect

    from juwei.storage import migrate
    from juwei.storage.engine import SCHEMA_HEAD, Store, create_store

    migrated = Store(str(tmp_path / "m.db"))
    migrate.upgrade(migrated)
    created = create_store(str(tmp_path / "c.db"))
    try:
        for table in ("disclosure", "ledger_entry", "welfare_list", "welfare_entry", "personnel_change"):
            a, b = inspect(migrated.engine), inspect(created.engine)
            assert [c["name"] for c in a.get_columns(table)] == [c["name"] for c in b.get_columns(table)], table
            assert sorted(i["name"] for i in a.get_indexes(table)) == sorted(i["name"] for i in b.get_indexes(table))
        assert migrated.schema_revision() == created.schema_revision() == SCHEMA_HEAD
    finally:
        migrated.dispose()
        created.dispose()
