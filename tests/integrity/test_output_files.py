"""Files juwei writes (issue 10 item 12, issue 11 item 11): owner-only, never over an existing file without
--force, never over a device or into a system folder, and a bad path is one line with nothing left behind."""

from __future__ import annotations

import os
import stat

import pytest

from tests.integrity.helpers import PG

WRITERS = {  # command → (arguments before the file, the option naming it)
    "notice": (["notice", "render", "{meeting}", "--doc", "notice", "--format", "md"], "--out"),
    "disclose": (["disclose", "render", "{disclosure}", "--format", "md"], "--out"),
    "ledger": (["ledger", "export"], "--out"),
    "seal": (["audit", "seal"], "--out"),
    "backup": (["db", "backup"], None),
}


def _ours(folder) -> list[str]:
    """What is in the folder besides the test's database."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("juwei.db"))


@pytest.fixture
def writers(meeting):
    meeting.disclosure = meeting.json("disclose", "add", "--category", "other", "--title", "通知",
                                      "--body", "正文")["id"]

    def argv(name: str, path) -> list[str]:
        if name == "backup" and PG:
            pytest.skip("SQLite files: PostgreSQL is backed up with pg_dump")
        head, option = WRITERS[name]
        head = [a.format(meeting=meeting.meeting, disclosure=meeting.disclosure) for a in head]
        return [*head, *([option] if option else []), str(path)]

    meeting.argv = argv
    return meeting


@pytest.mark.parametrize("name", list(WRITERS))
def test_written_files_are_owner_only_and_never_overwritten_without_force(writers, tmp_path, name, unchanged):
    target = tmp_path / ("out.csv" if name == "ledger" else "out.db" if name == "backup" else "out.md")
    old = os.umask(0o022)
    try:
        writers.ok(*writers.argv(name, target))
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    target.write_text("the clerk's own file", encoding="utf-8")
    with unchanged():
        err = writers.fails(*writers.argv(name, target))
    assert "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "the clerk's own file"
    writers.ok(*writers.argv(name, target), "--force")
    assert target.read_text(encoding="utf-8", errors="replace") != "the clerk's own file"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert _ours(tmp_path) == [target.name]  # no scratch files left


@pytest.mark.parametrize("name", list(WRITERS))
@pytest.mark.parametrize("where,needle", [("/dev/null", "not a regular file"), ("folder", "is a folder"),
                                          ("/etc/juwei-out", "system folder"), ("/", "is a folder"),
                                          ("missing/out.md", "does not exist")])
def test_a_path_that_cannot_be_written_is_one_line(writers, tmp_path, name, where, needle, unchanged):
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder if where == "folder" else tmp_path / where if where.startswith("missing") else where
    if name == "notice" and where.startswith("missing"):
        pytest.skip("notice render creates the folder of --out")
    existed = os.path.exists("/etc/juwei-out")
    try:
        with unchanged():
            err = writers.fails(*writers.argv(name, path), "--force")
    finally:  # run as root against a juwei that does not check, the file would land in /etc
        if not existed and os.path.isfile("/etc/juwei-out"):
            os.unlink("/etc/juwei-out")
    assert err.startswith("error:") and needle in err and err.count("\n") == 1, err
    assert list(folder.iterdir()) == [] and _ours(tmp_path) == ["folder"]
    assert existed or not os.path.exists("/etc/juwei-out")


@pytest.mark.parametrize("args", [["notice", "render", "{meeting}", "--all", "--out-dir"],
                                  ["disclose", "board", "--out-dir"]])
@pytest.mark.parametrize("where", ["/", "/usr", "/etc/juwei", "file"])
def test_out_dir_refuses_the_root_a_system_folder_and_a_file(meeting, tmp_path, args, where, unchanged):
    if where == "file":
        where = str(tmp_path / "a-file")
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
    existed = os.path.exists("/etc/juwei")
    try:
        with unchanged():
            err = meeting.fails(*[a.format(meeting=meeting.meeting) for a in args], where)
    finally:  # run as root against a juwei that does not check, printouts would land in /etc/juwei
        if not existed and os.path.isdir("/etc/juwei"):
            import shutil

            shutil.rmtree("/etc/juwei")
    assert err.startswith("error: --out-dir:") and err.count("\n") == 1, err
    assert existed or not os.path.exists("/etc/juwei")


def test_out_dir_files_are_owner_only(meeting, tmp_path):
    out = tmp_path / "printouts"
    meeting.ok("notice", "render", str(meeting.meeting), "--all", "--out-dir", str(out))
    meeting.ok("disclose", "board", "--out-dir", str(out / "board"))
    files = [p for p in out.rglob("*") if p.is_file()]
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    meeting.ok("notice", "render", str(meeting.meeting), "--all", "--out-dir", str(out))  # stable names: rewritten


def test_demo_refuses_the_root_as_its_folder(tmp_path):
    from typer.testing import CliRunner

    from juwei.cli import app

    result = CliRunner().invoke(app, ["demo", "--out", "/"])
    assert result.exit_code == 1 and "system folder" in result.stderr
    assert not os.path.exists("/juwei.db")
