"""Every command's --help: a plain flag shows no type, the usage line reads as usage lines do
(MEETING, [SEATS]..., SEATS...), and nothing in help is a Python type name leaking through."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from command_paths import command_paths
from juwei.cli import COMMANDS, _load, app




@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "juwei")
def test_help_shows_flags_and_arguments_plainly(path):
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output
    usage = next(line for line in result.output.splitlines() if "Usage:" in line)
    assert "{" not in usage and "[[" not in usage and "]...]" not in usage, usage
    assert not re.search(r"\.\.\.\.\.\.|\]\.\.\.\.\.\.", usage), usage


def test_the_usage_line_of_a_command_with_optional_seats():
    out = CliRunner().invoke(app, ["meeting", "checkin", "--help"], terminal_width=200).output
    assert "juwei meeting checkin [OPTIONS] MEETING [SEATS]..." in out
    out = CliRunner().invoke(app, ["vote", "cast", "--help"], terminal_width=200).output
    assert "juwei vote cast [OPTIONS] MOTION SEATS..." in out


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "juwei")
def test_no_command_offers_shell_completion(path):
    """A one-command module is a Typer app of its own, which added --install-completion to `juwei init`."""
    out = CliRunner().invoke(app, [*path, "--help"], terminal_width=200).output
    assert "completion" not in out


def test_a_groups_help_is_its_line_in_the_command_table_in_both_languages():
    """One source: `juwei --help` and `juwei GROUP --help` said different things in 9 of 14 groups."""
    import ast
    from pathlib import Path

    from juwei import i18n

    for path in sorted((Path(__file__).resolve().parents[2] / "src" / "juwei" / "cli").glob("*.py")):
        if path.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "typer.Typer":
                assert "help" not in {k.arg for k in node.keywords}, f"{path.name}: help belongs in COMMANDS"
    for name, (_, summary, _) in COMMANDS.items():
        if not hasattr(_load(name), "list_commands"):
            continue
        for lang in ("en", "zh_CN"):
            out = CliRunner().invoke(app, ["--lang", lang, name, "--help"], terminal_width=300).output
            i18n.set_language(lang)
            try:
                assert " ".join(i18n.t(summary).split()) in " ".join(out.split()), (name, lang)
            finally:
                i18n.set_language("en")


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "juwei")
def test_no_python_type_names_in_help(path):
    """`--place <str>`, `--topic <list[str]>`: an option without a metavar showed Python's type."""
    out = CliRunner().invoke(app, [*path, "--help"], terminal_width=200).output
    assert not re.search(r"<(str|int|float|list|path|bool)\b", out, re.I), out
