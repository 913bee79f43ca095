"""Under --lang zh_CN the whole command line is Chinese: every --help page, Click's and Typer's own words
around it, and usage errors; English stays exactly as Click writes it.

An English sentence left on a help page is found by a heuristic (:func:`english_left`): from each line,
take away what is not prose and stays as typed — `--options` and `-h`, METAVARS and other upper-case
tokens (KEY, YYYY-MM-DD, S5 and the other rule ids), `code in backticks`, URLs, paths and file names,
choices written with `|`, the command names at the head of a row or in the usage line, and the product
words a clerk sees untranslated (juwei, CSV, SQLite, PostgreSQL, URL, JSON, HTML, Markdown …). Whatever
remains may hold single English words (a code such as `residents（居民会议）`), but two or more English
words in a row are a sentence someone forgot to translate.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from juwei import i18n
from command_paths import command_paths
from juwei.cli import COMMANDS, app
from juwei.cli._help import help_texts

PRODUCT_WORDS = {"juwei", "csv", "sqlite", "postgresql", "url", "id", "json", "html", "markdown", "sqlalchemy",
                 "alembic", "icalendar", "iana", "utf-8", "gb18030", "bom", "a4", "md", "xlsx", "ics", "traceback"}




PATHS = command_paths()
COMMAND_NAMES = {name for path in PATHS for name in path}


def _help(path: list[str], lang: str) -> str:
    # wide, so that a text is one line and `code` is not broken across two
    result = CliRunner().invoke(app, ["--lang", lang, *path, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.output


def english_left(output: str) -> list[str]:
    """The runs of two or more English words left in a help page (see the module's docstring)."""
    found = []
    for line in output.splitlines():
        text = re.sub(r"[│╭╮╰╯─*]", " ", line)
        text = re.sub(r"`[^`]*`", " ", text)
        text = re.sub(r"\S+://\S+|\S*[/\\]\S*|\S+\.(md|csv|xlsx|html|ics|j2|db)\b", " ", text)
        text = re.sub(r"(?<![\w-])--?[\w][\w/-]*", " ", text)
        text = re.sub(r"\S*\|\S*", " ", text)
        text = re.sub(r"'[^']*'", " ", text)
        text = re.sub(r"\b[A-Z][A-Z0-9_-]*\b(\.\.\.)?", " ", text)
        if text.startswith("用法："):
            text = text.replace("用法：", " ")
        words = text.split()
        if words and words[0] in COMMAND_NAMES:  # a row of a group's command list
            words = words[1:]
        text = " ".join("" if w.lower() in PRODUCT_WORDS or w in COMMAND_NAMES and "用法" in line else w
                        for w in words)
        found += [m.group(0) for m in re.finditer(r"[A-Za-z][\w'-]*(\s+[A-Za-z][\w'-]*)+", text)]
    return found


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "juwei")
def test_no_english_sentence_is_left_in_chinese_help(path):
    out = _help(path, "zh_CN")
    assert "用法：juwei" in out and "╭─ 选项" in out and "显示本帮助后退出。" in out, out
    left = english_left(out)
    assert not left, f"English left in `juwei {' '.join(path)} --help` under zh_CN: {left}\n{out}"


def test_the_heuristic_finds_an_english_sentence():
    assert english_left("│ --place   PLACE   Where the meeting is held. [必填] │") == ["Where the meeting is held"]
    assert english_left("│ --reason  REASON  regular（定期召开）| report（报告工作）（S4、S5）。 │") == []
    assert english_left("用法：juwei meeting convene [选项]") == []


def test_every_help_text_has_a_chinese_translation():
    catalog = i18n.catalog("zh_CN")
    missing = [f"{where}: {text!r}" for where, text in help_texts() if not catalog.get(text)]
    assert not missing, "help texts without Chinese:\n" + "\n".join(missing)


def test_help_texts_cover_every_level():
    texts = dict((text, where) for where, text in help_texts())
    assert "Convene a meeting: checks notice (S6) and snapshots the roll and the rules; prints the meeting id." \
        in texts
    assert "When the meeting is held." in texts  # an option
    assert "The meeting's id (see `juwei meeting list`)." in texts  # an argument
    assert COMMANDS["meeting"][1] in texts  # a group's summary
    assert "Show this message and exit." in texts and "Missing option {name}." in texts  # Click's own


def _error(args: list[str], lang: str) -> str:
    result = CliRunner().invoke(app, ["--lang", lang, *args], env={"COLUMNS": "400"})
    assert result.exit_code == 2, result.output
    return " ".join(result.output.split())


USAGE_ERRORS = [
    (["meeting", "convene", "--place", "礼堂", "--topic", "议题", "--kind", "residents"],
     "缺少选项 '--at'。", "Missing option '--at'."),
    (["meeting", "conven"], "没有命令 'conven'。您是不是要用 'convene'？",
     "No such command 'conven'. Did you mean 'convene'?"),
    (["meeting", "list", "--status", "bogus"],
     "'--status' 的值无效：“bogus”不是可用的值；可用：已召集、已闭会、已取消",
     "Invalid value for '--status': 'bogus' is not one of convened, closed,"),
    (["meeting", "show", "1", "2"], "多出了无法识别的参数（2）", "Got unexpected extra argument(s) (2)"),
    (["meeting", "show", "x"], "'MEETING' 的值无效：应为整数",
     "Invalid value for 'MEETING': Input should be a valid integer"),
    (["meeting", "show", "--jsn"], "没有选项：--jsn（可能是：--json）",
     "No such option: --jsn (Possible options: --json)"),
]


@pytest.mark.parametrize("args,chinese,english", USAGE_ERRORS, ids=[" ".join(a) for a, _, _ in USAGE_ERRORS])
def test_usage_errors_in_chinese_and_english(args, chinese, english):
    out = _error(args, "zh_CN")
    assert chinese in out and "用法：juwei meeting" in out and "运行 'juwei meeting" in out and "错误" in out, out
    out = _error(args, "en")
    assert english in out and "Usage: juwei meeting" in out and "Try 'juwei meeting" in out and "Error" in out, out


def test_the_environment_alone_makes_help_chinese():
    result = CliRunner().invoke(app, ["--help"], env={"JUWEI_LANG": "zh_CN"}, terminal_width=120)
    assert "用法：juwei [选项] 命令 [参数]..." in result.output and "╭─ 设置与维护" in result.output
    result = CliRunner().invoke(app, ["--help", "--lang", "zh_CN"], terminal_width=120)  # --lang after --help
    assert "显示本帮助后退出。" in result.output


@pytest.mark.parametrize("path", [[], ["meeting"], ["meeting", "convene"], ["community", "set"], ["agenda"]],
                         ids=lambda p: " ".join(p) or "juwei")
def test_english_help_is_the_same_before_and_after_chinese(path):
    """Click's and Typer's words follow the language: Chinese having been shown changes no English byte."""
    before = _help(path, "en")
    _help(path, "zh_CN")
    after = _help(path, "en")
    assert after == before
    assert "Usage: juwei" in after and "╭─ Options" in after and "Show this message and exit." in after
    assert "[OPTIONS]" in after and "[选项]" not in after and "用法" not in after


def test_chinese_help_in_a_real_process():
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("JUWEI_LANG", None)
    out = subprocess.run([sys.executable, "-m", "juwei", "--lang", "zh_CN", "meeting", "convene", "--help"],
                         capture_output=True, text=True, env=env, check=True).stdout
    assert "用法：juwei meeting convene [选项]" in out
    assert "召集会议：检查通知期限（S6）" in out and "开会时间。" in out and "[必填]" in out
    assert not english_left(out), out
