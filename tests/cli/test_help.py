"""Every command's --help: a plain flag shows no type, the usage line reads as usage lines do
(MEETING, [SEATS]..., SEATS...), and nothing in help is a Python type name leaking through."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from juwei.cli import COMMANDS, _load, app


def _command_paths() -> list[list[str]]:
    paths = [[]]

    def walk(command, path):
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    for name in COMMANDS:
        walk(_load(name), [name])
    return paths


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "juwei")
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
