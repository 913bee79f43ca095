"""The README and docs point only at files a clone has: a link or path outside the repository (the rules
once lived in a folder next to it) leaves a clerk with a dead reference. The commands the Chinese handbook
(docs/zh), docs/rules.md and the README show are commands the CLI has, with options it has; docs/rules.md gives every
rule S1–S29 once, and quotes the Chinese original as it stands."""

from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HANDBOOK = sorted((ROOT / "docs" / "zh").glob("*.md"))
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *HANDBOOK]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
RULE_IDS = [f"S{n}" for n in range(1, 30)]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves_inside_the_clone(doc):
    text = doc.read_text(encoding="utf-8")
    assert "../shared" not in text, f"{doc.name} points outside the repository"
    broken = []
    for target in LINK.findall(text):
        if "://" in target or target.startswith("mailto:"):
            continue
        path = (doc.parent / target).resolve()
        if not path.is_relative_to(ROOT) or not path.exists():
            broken.append(target)
    assert not broken, f"{doc.name}: {broken}"


@pytest.mark.parametrize("doc", ["docs/cli.md", "docs/rules.md"])
def test_what_is_written_from_the_code_is_up_to_date(doc, monkeypatch, capsys):
    """docs/cli.md ends with every command and option as written from the CLI itself, docs/rules.md with
    where each rule lives; run `make docs` after changing a command, a profile key or a rule citation."""
    from cogapp import Cog

    monkeypatch.chdir(ROOT)
    status = Cog().main(["cog", "--check", "--diff", doc])
    assert status == 0, f"{doc} is out of date: run `make docs`\n" + capsys.readouterr().out


# ---------------------------------------------------------------- commands shown in the docs

try:  # typer ≥ 0.29 carries its own copy of click (as juwei.cli does)
    from typer import _click as click
except ImportError:  # pragma: no cover - older typer depends on click
    import click

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)


def shown_commands(text: str) -> list[str]:
    """Every `juwei …` command a document shows: in a fenced block, the lines that start with `juwei` (or,
    in a block that shows output, with `$ juwei`); in the prose, inline code that starts with `juwei `."""
    found = []
    for block in FENCE.finditer(text):
        lines = block.group(1).replace("\\\n", " ").splitlines()
        prompted = any(line.startswith("$ ") for line in lines)
        for line in lines:
            line = line.strip()
            if prompted:
                if line.startswith("$ juwei "):
                    found.append(line[2:])
            elif line.startswith("juwei "):
                found.append(line)
    for span in re.findall(r"`(juwei [^`]+)`", FENCE.sub("", text)):
        found.append(span)
    return found


def _options(command) -> dict[str, bool]:
    """Option name → whether it takes a value, for one click command."""
    names = {"-h": False, "--help": False}
    for param in command.params:
        if param.param_type_name == "option":
            for name in (*param.opts, *param.secondary_opts):
                names[name] = not (param.is_flag or param.count)
    return names


def command_problems(line: str) -> list[str]:
    """What is wrong with one shown command: a command path the CLI lacks, or an option its command lacks."""
    import typer

    from juwei.cli import app

    try:
        tokens = shlex.split(line, comments=True)  # `juwei roster   # groups, households…`
    except ValueError:
        tokens = line.split()
    assert tokens[0] == "juwei", line
    command = typer.main.get_command(app)
    ctx = click.Context(command, info_name="juwei")
    path, problems, rest = ["juwei"], [], tokens[1:]
    while rest:
        token = rest.pop(0)
        if token.startswith("-") and len(token) > 1:
            name, eq, _ = token.partition("=")
            options = _options(command)
            if name not in options:
                problems.append(f"`{' '.join(path)}` has no option {name}")
            elif options[name] and not eq and rest:
                rest.pop(0)
        elif hasattr(command, "list_commands"):  # a group
            sub = command.get_command(ctx, token)  # the lazy root imports the group it is asked for
            if sub is None:
                problems.append(f"`{' '.join(path)}` has no command {token!r}")
                break
            path.append(token)
            command, ctx = sub, click.Context(sub, parent=ctx, info_name=token)
        # anything else is an argument (a meeting id, a file, a placeholder such as MEMBER or 日期)
    return problems


@pytest.mark.parametrize("doc", [*HANDBOOK, ROOT / "docs" / "rules.md", ROOT / "README.md"],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_command_shown_is_a_real_command_with_real_options(doc):
    commands = shown_commands(doc.read_text(encoding="utf-8"))
    assert commands, f"{doc.name} shows no juwei command"
    problems = [f"{line!r}: {problem}" for line in commands for problem in command_problems(line)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("line, problem", [
    ("juwei meeting convene --kind office --at x", None),
    ("juwei --lang zh_CN roster", None),
    ("juwei meeting convoke 1", "has no command 'convoke'"),
    ("juwei meting list", "has no command 'meting'"),
    ("juwei vote count 1 --for 3 --agianst 1", "`juwei vote count` has no option --agianst"),
    ("juwei --language zh_CN roster", "`juwei` has no option --language"),
    ("juwei roster --json --reveal", "`juwei roster` has no option --reveal"),
])
def test_the_command_check_catches_what_it_should(line, problem):
    problems = command_problems(line)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_shown_commands_are_found_in_code_blocks_prompts_and_prose():
    text = ("Run `juwei roster` first.\n\n```\n$ juwei audit seal\njuwei 审计封存凭证\n```\n\n"
            "```sh\njuwei agenda --days 30\n```\n")
    assert shown_commands(text) == ["juwei audit seal", "juwei agenda --days 30", "juwei roster"]


# ---------------------------------------------------------------- docs/rules.md

RULES_DOC = ROOT / "docs" / "rules.md"


def test_rules_md_gives_every_rule_once_and_maps_it_once():
    """One heading per rule (with its anchor, which law.md links to) and one row in the generated map."""
    text = RULES_DOC.read_text(encoding="utf-8")
    headings = re.findall(r'^#{2,4} <a id="(s\d+)"></a>(S\d+)\b', text, re.M)
    assert [rule for _, rule in headings] == RULE_IDS
    assert all(anchor == rule.lower() for anchor, rule in headings)
    rows = re.findall(r"^\| (S\d+) \|", text, re.M)
    assert rows == RULE_IDS


def test_links_to_a_rule_name_an_anchor_rules_md_has():
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', RULES_DOC.read_text(encoding="utf-8")))
    for doc in DOCS:
        for anchor in re.findall(r"\]\((?:[./]*|docs/)rules\.md#(s\d+)\)", doc.read_text(encoding="utf-8")):
            assert anchor in anchors, f"{doc.name} links to rules.md#{anchor}, which does not exist"


def test_rules_md_quotes_the_original_as_it_stands():
    """Each rule's 原文 is a phrase of docs/seed-community-rules.zh.txt (parts joined by …… are each found),
    compared after folding full-width punctuation and dropping spaces, so a clerk can search for it."""

    def fold(text: str) -> str:
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))

    seed = fold((ROOT / "docs" / "seed-community-rules.zh.txt").read_text(encoding="utf-8"))
    quotes = re.findall(r"^> 原文：(.+)$", RULES_DOC.read_text(encoding="utf-8"), re.M)
    assert len(quotes) == len(RULE_IDS)
    missing = [part for quote in quotes for part in quote.split("……") if fold(part) not in seed]
    assert not missing, missing
