"""The README and docs point only at files a clone has: a link or path outside the repository (the rules
once lived in a folder next to it) leaves a clerk with a dead reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
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
