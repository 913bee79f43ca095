"""`--format pdf` on the render commands: the HTML printed with headless Chromium when it is installed (the
file starts with %PDF and reads back with the document's Chinese title); when it is not, one line saying how
to install it or how to print the HTML from a browser, exit 1, and nothing written.

Printing needs ``chromium`` and ``fonts-noto-cjk`` (Debian); outside CI a missing Chromium skips the
printing tests with a loud reason, with ``CI=true`` it fails. The missing-Chromium tests run everywhere.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture
def chromium():
    from juwei.render import printing

    found = printing.find_chromium()
    if found is None:
        message = "PDF TESTS NOT RUN: chromium is missing; install it with `apt-get install -y chromium fonts-noto-cjk`"
        if IN_CI:
            pytest.fail(message + " (CI=true: these tests must run in CI)")
        pytest.skip(message)
    return found


def _pdf_text(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        return ""
    from juwei.render import printing

    return re.sub(r"\s+", "", printing.pdf_text(pdf))


def test_a_meeting_document_prints_to_pdf(convened, chromium, tmp_path):
    clerk, meeting = convened
    out = tmp_path / "notice.pdf"
    assert clerk.ok("notice", "render", meeting, "--doc", "notice", "--format", "pdf", "--out", out).strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF")
    text = _pdf_text(out)
    assert not text or "关于召开东城社区居民代表会议的通知" in text
    assert oct(out.stat().st_mode & 0o777) == "0o600"  # names residents: owner-only, like every file juwei writes
    # the format from the file's name; --all prints every document the meeting allows into the folder
    clerk.ok("notice", "render", meeting, "--doc", "signin", "--out", tmp_path / "signin.pdf")
    assert (tmp_path / "signin.pdf").read_bytes().startswith(b"%PDF")
    written = clerk.json("notice", "render", meeting, "--all", "--format", "pdf", "--out-dir", tmp_path / "all")
    assert {row["format"] for row in written["written"]} == {"pdf"} and len(written["written"]) >= 2
    assert all(Path(row["path"]).read_bytes().startswith(b"%PDF") for row in written["written"])
    assert sorted(p.suffix for p in (tmp_path / "all").iterdir()) == [".pdf"] * len(written["written"])


def test_a_disclosure_prints_to_pdf(convened, chromium, tmp_path):
    clerk, meeting = convened
    disclosure = clerk.json("disclose", "from-meeting", meeting)["id"]
    out = tmp_path / "board.pdf"
    clerk.ok("disclose", "render", disclosure, "--format", "pdf", "--out", out)
    assert out.read_bytes().startswith(b"%PDF")
    before = out.read_bytes()
    result = clerk("disclose", "render", disclosure, "--format", "pdf", "--out", out)
    assert result.exit_code == 1 and "--force" in result.output and out.read_bytes() == before
    clerk.ok("disclose", "render", disclosure, "--format", "pdf", "--out", out, "--force")


@pytest.mark.parametrize("how", ["path", "pinned"])
def test_without_chromium_one_line_and_nothing_written(convened, unchanged, tmp_path, how):
    clerk, meeting = convened
    if how == "path":  # no browser on PATH
        empty = tmp_path / "bin"
        empty.mkdir()
        clerk.env.update({"PATH": str(empty), "JUWEI_CHROMIUM": ""})
    else:  # JUWEI_CHROMIUM names a program that is not there
        clerk.env["JUWEI_CHROMIUM"] = str(tmp_path / "no-such-chromium")
    desk = tmp_path / "desk"
    desk.mkdir()
    with unchanged():
        result = clerk("notice", "render", meeting, "--doc", "notice", "--format", "pdf", "--out", desk / "n.pdf")
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "apt-get install chromium fonts-noto-cjk" in lines[0]
    assert "--format html" in lines[0] and "any browser" in lines[0]
    assert list(desk.iterdir()) == []
    disclosure = clerk.json("disclose", "from-meeting", meeting)["id"]
    result = clerk("disclose", "render", disclosure, "--format", "pdf", "--out", desk / "d.pdf")
    assert result.exit_code == 1 and "apt-get install chromium" in result.stderr and list(desk.iterdir()) == []
    clerk.env["JUWEI_LANG"] = "zh_CN"
    result = clerk("notice", "render", meeting, "--doc", "notice", "--format", "pdf", "--out", desk / "n.pdf")
    assert result.exit_code == 1 and "打印 PDF 需要 Chromium" in result.stderr and "任意浏览器" in result.stderr


def test_pdf_needs_a_file(convened, unchanged, tmp_path):
    clerk, meeting = convened
    with unchanged():
        result = clerk("notice", "render", meeting, "--doc", "notice", "--format", "pdf")
        assert result.exit_code == 2 and "--out FILE.pdf" in result.output
        result = clerk("notice", "render", meeting, "--doc", "notice", "--format", "docx")
        assert result.exit_code == 1 and "md, html, pdf" in result.output
        result = clerk("disclose", "render", "1", "--format", "pdf")
        assert result.exit_code == 2 and "--out FILE.pdf" in result.output
        result = clerk("disclose", "render", "1", "--format", "docx")
        assert result.exit_code == 1 and "md, html or pdf" in result.output


def test_the_other_render_commands_print_to_pdf(convened, chromium, tmp_path):
    """Every `render` command takes --format pdf: an evaluation's ballot, the grid's board sheet, an urgent
    report of a resident's concern and an election's documents."""
    from documents_sample import evaluation_sample
    from test_grid_snapshots import grid_sample

    from tests.elections.election_sample import Clerk as ElectionClerk
    from tests.elections.election_sample import build_election

    clerk, _ = convened
    evaluation = evaluation_sample(clerk)
    item = clerk.json("sentiment", "add", "--category", "6", "--source", "reception", "--text", "有聚集反映的苗头",
                      "--received", "2026-11-20")["id"]
    grid = grid_sample(str(tmp_path / "grid.db"))
    election_clerk = ElectionClerk(str(tmp_path / "election.db"))
    election = build_election(election_clerk)
    printed = {
        "evaluation": (clerk, ("eval", "render", evaluation, "--doc", "ballot")),
        "urgent": (clerk, ("sentiment", "render", item, "--doc", "urgent-report")),
        "board": (grid, ("grid", "render", "--doc", "board")),
        "ballot": (election_clerk, ("election", "render", election, "--doc", "ballot")),
    }
    for name, (who, args) in printed.items():
        out = tmp_path / f"{name}.pdf"
        assert who.ok(*args, "--format", "pdf", "--out", out).strip() == str(out), name
        assert out.read_bytes().startswith(b"%PDF"), name
    assert not _pdf_text(tmp_path / "ballot.pdf") or "选票" in _pdf_text(tmp_path / "ballot.pdf")
