"""The gettext catalog: every message the package shows has a Chinese translation with the same placeholders,
in Chinese punctuation; the catalog is clean (no fuzzy entry, no entry twice) and its compiled form is current.

The messages are what ``make catalog`` extracts (scripts/catalog.py: Babel's extractor over src/juwei with
the keywords t, pt and NP_, then the command table's summaries and panels)."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import io
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, unescape

from juwei import i18n

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "juwei"
PO = SRC / "locales" / "zh_CN" / "LC_MESSAGES" / "juwei.po"
MO = PO.with_suffix(".mo")


def _script():
    spec = importlib.util.spec_from_file_location("catalog_script", ROOT / "scripts" / "catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pot():
    return _script().template()


@pytest.fixture(scope="module")
def po():
    with PO.open("rb") as f:
        return read_po(f, locale="zh_CN", domain="juwei")


def _name(message) -> str:
    text = message.id if isinstance(message.id, str) else message.id[0]
    return f"{message.context} | {text}" if message.context else text


def _forms(message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def test_every_message_is_translated(pot, po):
    missing = []
    for message in pot:
        if not message.id:
            continue
        entry = po.get(message.id, context=message.context)
        if entry is None or not all(_forms(entry)):
            where = ", ".join(path for path, _ in message.locations)
            missing.append(f"{where}: {_name(message)!r}")
    assert not missing, ("no Chinese translation (add it to juwei.po, then `make catalog`):\n"
                         + "\n".join(missing))


def test_the_extractor_sees_every_literal_message(pot):
    """A t("…") the extractor cannot see (inside an f-string, say) would be dropped from the catalog by
    `make catalog` and shown in English."""
    extracted = {(m.context, m.id) for m in pot if m.id}
    unseen = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            literal = [a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "t" and literal and isinstance(node.args[0], ast.Constant):
                key = (None, literal[0])
            elif node.func.id in ("pt", "label") and len(literal) == 2:
                key = tuple(literal)
            else:
                continue
            if key not in extracted:
                unseen.append(f"{path.relative_to(SRC)}:{node.lineno}: {key}")
    assert not unseen, "messages the extractor does not see:\n" + "\n".join(unseen)


def test_no_translation_is_fuzzy(po):
    fuzzy = [_name(m) for m in po if m.id and m.fuzzy]
    assert not po.fuzzy, "the catalog's header is marked fuzzy"
    assert not fuzzy, "fuzzy entries (check the translation, then remove the '#, fuzzy' line):\n" + "\n".join(fuzzy)


def po_keys(text: str) -> list[tuple[str | None, str]]:
    """(context, msgid) of every active entry of a .po file, read line by line (a parser that merges
    duplicates would hide them)."""
    tokens: list[list[str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
        if keyword:
            tokens.append([keyword[1], unescape(keyword[2])])
        elif line.startswith('"') and tokens:
            tokens[-1][1] += unescape(line)
    keys, context = [], None
    for keyword, value in tokens:
        if keyword == "msgctxt":
            context = value
        elif keyword == "msgid":
            keys.append((context, value))
            context = None
    return keys


def test_no_message_is_in_the_catalog_twice():
    keys = po_keys(PO.read_text(encoding="utf-8"))
    twice = sorted({key for key in keys if keys.count(key) > 1}, key=str)
    assert keys and not twice, f"entries that appear twice in {PO.name}: {twice}"


def test_po_keys_reads_contexts_and_continuations():
    text = 'msgid ""\nmsgstr "header"\n\nmsgctxt "body"\nmsgid "house"\n"holds"\nmsgstr "户"\n\nmsgid "x"\nmsgstr "y"\n'
    assert po_keys(text) == [(None, ""), ("body", "households"), (None, "x")]


def test_the_compiled_catalog_is_the_po_compiled(po):
    """juwei.mo is committed beside juwei.po: it must say what the .po says (run `make catalog`)."""
    compiled = io.BytesIO()
    write_mo(compiled, po)
    compiled.seek(0)
    expected = gettext.GNUTranslations(compiled)._catalog
    with MO.open("rb") as f:
        shipped = gettext.GNUTranslations(f)._catalog
    stale = sorted((str(k) for k in set(expected) ^ set(shipped)), key=str)
    stale += sorted(str(k) for k in set(expected) & set(shipped) if expected[k] != shipped[k])
    assert not stale, "juwei.mo is not juwei.po compiled: run `make catalog`\n" + "\n".join(stale[:20])


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_translations_keep_placeholders(po):
    bad = []
    for message in po:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        for form in _forms(message):
            if form and not any(fields(form) == fields(i) for i in ids):
                bad.append(f"{_name(message)!r}: {form!r}")
    assert not bad, "placeholders differ from the English:\n" + "\n".join(bad)


CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
NOT_TEXT = re.compile(r"`[^`]*`|--[A-Za-z0-9][A-Za-z0-9-]*")  # `commands` and --options keep their ASCII
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
HALF_WIDTH = ":,();"


def ascii_punctuation_in_chinese(text: str) -> list[int]:
    """Where ``text`` has an ASCII ``: , ( ) ;`` next to a Chinese character. Spaces and {placeholders}
    between do not count (``错误:{message}``, ``{kind}:{at}，{place}``); `commands` and --options are not
    text: their own punctuation is never wrong, and a punctuation mark right after one is judged by the
    other side."""
    masked = PLACEHOLDER.sub(lambda m: "\1" * len(m[0]), text)
    masked = NOT_TEXT.sub(lambda m: "\0" * len(m[0]), masked)
    found = []
    for i, char in enumerate(masked):
        if char not in HALF_WIDTH:
            continue
        left, right = masked[:i].rstrip(" \1")[-1:], masked[i + 1:].lstrip(" \1")[:1]
        if CHINESE.match(left) or CHINESE.match(right):
            found.append(i)
    return found


@pytest.mark.parametrize("text,bad", [
    ("错误:{message}", [2]), ("（加 --debug 查看详情）", []), ("账目(S20)。", [2, 6]), ("{file}:{n}", []),
    ("请运行 `juwei meeting list --status a,b` 查看", []), ("{day:%Y-%m-%d} 起", []), ("{a}, {b}", []),
    ("依据 {rule}。办理：{command}", []), ("--on {day}:年份", [10]), ("居民代表 (当然代表)", [5, 10]),
    ("意外错误：{kind}:{reason}", [11]), ("金额如 1,234.56", []), ("--db:{path} 是目录", [4]),
    ("可选 `petition:编号`", []),
])
def test_the_punctuation_check(text, bad):
    assert ascii_punctuation_in_chinese(text) == bad


def test_chinese_text_has_chinese_punctuation(po):
    """Full-width ：，（）； where Chinese words surround them; `commands`, {placeholders} and --options keep
    their ASCII."""
    bad = [f"{_name(m)!r}: {form!r}" for m in po if m.id for form in _forms(m) if ascii_punctuation_in_chinese(form)]
    assert not bad, "ASCII punctuation in Chinese text:\n" + "\n".join(bad)


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
    """The codes come from the rules at run time; juwei/locales/codes.py lists them for extraction."""
    from juwei.locales.codes import CODES

    catalog = i18n.catalog("zh_CN")
    codes = [str(code) for code in CODE_KINDS[kind]()]
    assert not [c for c in codes if c not in CODES.get(kind, ())], f"{kind}: not in juwei/locales/codes.py"
    missing = [code for code in codes if i18n.context_key(kind, code) not in catalog]
    assert not missing, f"{kind}: no Chinese for {missing}"


def test_a_word_means_what_its_context_says():
    try:
        i18n.set_language("zh_CN")
        assert i18n.t("households") == "户数"
        assert i18n.label("body", "households") == "每户代表"
        assert i18n.t("residents") == "居民"
        assert i18n.label("meeting kind", "residents") == "居民会议"
        assert i18n.label("body", None) == ""
    finally:
        i18n.set_language("en")


def test_gettext_and_ngettext_leave_the_placeholders_to_the_caller():
    try:
        i18n.set_language("en")
        assert i18n.gettext("error: {message}") == "error: {message}"
        assert i18n.ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})",
                             1) == "Got unexpected extra argument ({args})"
        assert i18n.ngettext("%(n)d file", "%(n)d files", 2) == "%(n)d files"
        i18n.set_language("zh_CN")
        assert i18n.gettext("{n} dated item(s) written to {path}") == "已将 {n} 项有期限的待办写入 {path}"
        assert i18n.gettext("not in the catalog") == "not in the catalog"
        assert i18n.ngettext("%(n)d file", "%(n)d files", 2) == "%(n)d files"  # untranslated: English forms
        assert i18n.t("") == ""  # never the catalog's header
    finally:
        i18n.set_language("en")


def test_english_reads_no_catalog():
    """English start-up opens no catalog: the .mo is read when a non-English message is first asked for."""
    code = ("from juwei import i18n; i18n.set_language('en'); i18n.t('yes'); i18n.label('body', 'adults'); "
            "i18n.gettext('yes'); i18n.ngettext('a', 'b', 2); print(sorted(i18n._translations)); "
            "i18n.set_language('zh_CN'); print(i18n.t('yes'), sorted(i18n._translations))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == ["[]", "是 ['zh_CN']"]


@pytest.mark.parametrize("value,expected", [("zh_CN.UTF-8", "zh_CN"), ("zh", "zh_CN"), ("en_US.UTF-8", "en"),
                                            ("C", "en"), ("fr_FR", None), (None, None)])
def test_normalise(value, expected):
    assert i18n.normalise(value) == expected


def test_switching_language():
    try:
        i18n.set_language("zh_CN")
        assert i18n.t("no juwei database at {path}; run `juwei init` or pass --db", path="x.db").startswith("没有")
        i18n.set_language("en")
        assert i18n.t("no juwei database at {path}; run `juwei init` or pass --db", path="x.db").startswith("no ")
    finally:
        i18n.set_language("en")
