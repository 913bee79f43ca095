"""Every user-facing message has a Chinese translation with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from juwei import i18n

SRC = Path(__file__).resolve().parents[1] / "src" / "juwei"


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def messages_in_source() -> dict[str, str]:
    """Every literal message of t(…), pt(context, …) and label(context, "code") in the package (as its
    catalog key), with where it is."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        if "locales" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            if node.func.id == "t" and _literal(node.args[0]) is not None:
                found.setdefault(node.args[0].value, where)
            elif node.func.id in ("pt", "label") and len(node.args) > 1 and _literal(node.args[0]) is not None \
                    and _literal(node.args[1]) is not None:
                found.setdefault(i18n.context_key(node.args[0].value, node.args[1].value), where)
    from juwei.cli import COMMANDS

    for name, (_, summary, panel) in COMMANDS.items():
        found.setdefault(summary, f"cli/__init__.py COMMANDS[{name!r}]")
        found.setdefault(panel, f"cli/__init__.py COMMANDS[{name!r}] (panel)")
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_translated():
    catalog = i18n.catalog("zh_CN")
    missing = [f"{where}: {msg!r}" for msg, where in messages_in_source().items() if msg not in catalog]
    assert not missing, "untranslated messages:\n" + "\n".join(missing)


def test_no_message_is_translated_two_ways():
    """The catalogs are merged into one dictionary: a key given two translations in two modules silently
    kept one of them (residents became 居民会议 in the roster). One English text, one translation; a word
    with two meanings gets a context (``pt``/``label``)."""
    import importlib
    import pkgutil

    import juwei.locales.zh_CN as package

    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for info in pkgutil.iter_modules(package.__path__):
        for key, text in importlib.import_module(f"{package.__name__}.{info.name}").MESSAGES.items():
            if key in seen and seen[key][1] != text:
                clashes.append(f"{key!r}: {seen[key][0]} {seen[key][1]!r} / {info.name} {text!r}")
            seen.setdefault(key, (info.name, text))
    assert not clashes, "translated two ways:\n" + "\n".join(clashes)


CODE_KINDS = {
    # every kind of stored code the CLI shows through label(), with every code it may hold
    "meeting kind": lambda: (*__import__("juwei.rules.meetings", fromlist=["KINDS"]).KINDS,
                             "residents/representatives"),
    "body": lambda: __import__("juwei.rules.meetings", fromlist=["BODIES"]).BODIES,
    "choice": lambda: __import__("juwei.rules.meetings", fromlist=["CHOICES"]).CHOICES,
    "cadence": lambda: __import__("juwei.rules.profiles", fromlist=["CADENCES"]).CADENCES,
    "meeting status": lambda: ("convened", "closed", "cancelled"),
    "vote method": lambda: ("count", "roll-call"),
    "representative kind": lambda: ("elected", "ex_officio"),
    "petition base": lambda: __import__("juwei.rules.profiles", fromlist=["SPECS"]).SPECS["petition_base"].choices,
    "obligation status": lambda: ("open", "overdue", "done", "late", "missed"),
}


@pytest.mark.parametrize("kind", sorted(CODE_KINDS))
def test_every_code_has_chinese_words(kind):
    catalog = i18n.catalog("zh_CN")
    missing = [code for code in CODE_KINDS[kind]() if i18n.context_key(kind, code) not in catalog]
    assert not missing, f"{kind}: no Chinese for {missing}"


def test_a_word_means_what_its_context_says(monkeypatch):
    try:
        i18n.set_language("zh_CN")
        assert i18n.t("households") == "户数"
        assert i18n.label("body", "households") == "每户代表"
        assert i18n.t("residents") == "居民"
        assert i18n.label("meeting kind", "residents") == "居民会议"
        assert i18n.label("body", None) == ""
    finally:
        i18n.set_language("en")


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
