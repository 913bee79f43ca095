"""Every user-facing message has a Chinese translation with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from juwei import i18n

SRC = Path(__file__).resolve().parents[1] / "src" / "juwei"


def messages_in_source() -> dict[str, str]:
    """Every literal first argument of t(…) in the package, with where it is."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        if "locales" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(SRC)}:{node.lineno}")
    from juwei.cli import COMMANDS

    for name, (_, summary, _) in COMMANDS.items():
        found.setdefault(summary, f"cli/__init__.py COMMANDS[{name!r}]")
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_translated():
    catalog = i18n.catalog("zh_CN")
    missing = [f"{where}: {msg!r}" for msg, where in messages_in_source().items() if msg not in catalog]
    assert not missing, "untranslated messages:\n" + "\n".join(missing)


def test_translations_keep_placeholders():
    bad = [msg for msg, zh in i18n.catalog("zh_CN").items() if fields(msg) != fields(zh)]
    assert not bad, bad


@pytest.mark.parametrize("value,expected", [("zh_CN.UTF-8", "zh_CN"), ("zh", "zh_CN"), ("en_US.UTF-8", "en"),
                                            ("C", "en"), ("fr_FR", None), (None, None)])
def test_normalise(value, expected):
    assert i18n.normalise(value) == expected


def test_switching_language(monkeypatch):
    try:
        i18n.set_language("zh_CN")
        assert i18n.t("no juwei database at {path}; run `juwei init` or pass --db", path="x.db").startswith("没有")
        i18n.set_language("en")
        assert i18n.t("no juwei database at {path}; run `juwei init` or pass --db", path="x.db").startswith("no ")
    finally:
        i18n.set_language("en")
