"""`--format xlsx|csv` on the listings a clerk takes to the desk: the roster, the member list, a meeting's
roll, a tally and an election's result. Read back with openpyxl: typed cells (numbers as numbers, dates as
dates, times as times), headers in the clerk's language, a frozen header row, no formula anywhere — a
resident named ``=cmd|' /C calc'!A0`` stays text —; CSV as UTF-8 with a BOM; the masking of the screen; and
every refusal leaves the database and any existing file as they were."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from documents_sample import Clerk, build_sample, vote_sample

ATTACK = "=cmd|' /C calc'!A0"
ATTACK_ID = "11010519491231002X"


def _add_attacker(clerk: Clerk) -> None:
    clerk.ok("member", "add", "--name", ATTACK, "--id-number", ATTACK_ID, "--household", "01001",
             "--phone", "13812345678")


@pytest.fixture(scope="session")
def _voted_db(tmp_path_factory) -> tuple[str, int]:
    db = str(tmp_path_factory.mktemp("voted") / "juwei.db")
    clerk, meeting = build_sample(db)
    _add_attacker(clerk)
    vote_sample(clerk, meeting)
    return db, meeting


@pytest.fixture
def voted(_voted_db, db) -> tuple[Clerk, int]:
    """The sample meeting on its day: seven of nine signed in, two motions counted; among the residents one
    whose name is a spreadsheet formula. A copy in this test's database (built afresh on PostgreSQL)."""
    if "://" in db:
        clerk, meeting = build_sample(db)
        _add_attacker(clerk)
        vote_sample(clerk, meeting)
        return clerk, meeting
    source, meeting = _voted_db
    shutil.copyfile(source, db)
    clerk = Clerk(db)
    clerk.env["JUWEI_TODAY"] = "2026-11-24"
    return clerk, meeting


def _book(path: Path):
    sheet = load_workbook(path).active
    rows = [[c for c in row] for row in sheet.iter_rows()]
    assert sheet.freeze_panes == "A2"
    assert all(c.data_type != "f" for row in rows for c in row), "a formula cell"
    return [c.value for c in rows[0]], [[c.value for c in row] for row in rows[1:]], sheet


def _csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_member_list_as_a_workbook(voted, tmp_path):
    clerk, _ = voted
    out = tmp_path / "members.xlsx"
    assert "row(s) written to" in clerk.ok("member", "list", "--format", "xlsx", "--out", out)
    headers, rows, sheet = _book(out)
    assert headers == ["id", "name", "gender", "born", "ID number", "phone", "group", "household", "party", "status"]
    assert sheet.title == "residents" and len(rows) == 11
    by_name = {row[1]: row for row in rows}
    wang = by_name["王建国"]
    assert isinstance(wang[0], int) and wang[3] == dt.datetime(1961, 3, 8) and wang[7] == "01001"  # household text
    assert wang[8] == "no" and wang[5] == "139****5678"
    attacker = by_name["'" + ATTACK]  # the formula guard: text, with the apostrophe that makes it so
    assert attacker[4] != ATTACK_ID and ATTACK_ID not in str(attacker)  # masked as on the screen
    cell = next(c for c in sheet.iter_rows(min_col=2, max_col=2) if c[0].value == "'" + ATTACK)[0]
    assert cell.data_type == "s"

    revealed = tmp_path / "revealed.xlsx"
    clerk.ok("member", "list", "--format", "xlsx", "--out", revealed, "--reveal")
    _, rows, _ = _book(revealed)
    assert [row[4] for row in rows if row[1] == "'" + ATTACK] == [ATTACK_ID]


def test_headers_and_words_in_chinese(voted, tmp_path):
    clerk, meeting = voted
    clerk.ok("--lang", "zh_CN", "member", "list", "--format", "xlsx", "--out", tmp_path / "m.xlsx")
    headers, rows, sheet = _book(tmp_path / "m.xlsx")
    assert headers[1] == "姓名" and sheet.title == "居民"
    assert {row[8] for row in rows} == {"否"} and "男" in {row[2] for row in rows}
    clerk.ok("--lang", "zh_CN", "meeting", "roll", meeting, "--format", "xlsx", "--out", tmp_path / "roll.xlsx")
    headers, rows, _ = _book(tmp_path / "roll.xlsx")
    assert headers[0] == "座号" and headers[1] == "姓名" and {row[5] for row in rows} == {"是", "否"}
    clerk.ok("--lang", "zh_CN", "roster", "--format", "csv", "--out", tmp_path / "roster.csv")
    lines = _csv(tmp_path / "roster.csv")
    assert lines[0] == ["项目", "内容"] and ["户数", "5"] in lines


def test_member_list_as_csv_round_trips(voted, tmp_path):
    from juwei.services.exports import unguard_cell

    clerk, _ = voted
    out = tmp_path / "members.csv"
    clerk.ok("member", "list", "--format", "csv", "--out", out, "--reveal")
    lines = _csv(out)
    assert lines[0][:2] == ["id", "name"]
    names = {unguard_cell(line[1]) for line in lines[1:]}
    assert ATTACK in names and "王建国" in names
    assert all(not line[1].startswith("=") for line in lines)
    assert ["1961-03-08"] == [line[3] for line in lines if line[1] == "王建国"]
    # the same file through the roster's own spreadsheet reader
    from juwei.services.sheets import read_sheet

    sheet = read_sheet(out, is_header=lambda cells: "name" in cells)
    assert sheet.encoding == "utf-8-sig" and [unguard_cell(c[1]) for _, c in sheet.rows][-1] in names
    # without --out: on standard output, without a BOM (for another program)
    printed = clerk.ok("member", "list", "--format", "csv", "--reveal")
    assert printed.startswith("id,name,") and list(csv.reader(io.StringIO(printed))) == lines


def test_roll_with_attendance_and_times(voted, tmp_path):
    clerk, meeting = voted
    out = tmp_path / "roll.xlsx"
    clerk.ok("meeting", "roll", meeting, "--format", "xlsx", "--out", out)
    headers, rows, sheet = _book(out)
    assert headers == ["seat", "name", "group", "household", "representative", "present", "in", "out"]
    assert [row[0] for row in rows] == list(range(1, 10))
    present = [row for row in rows if row[5] == "yes"]
    assert len(present) == 7 and all(isinstance(row[6], dt.datetime) and row[7] is None for row in present)
    assert all(row[6] is None for row in rows if row[5] == "no")
    assert sheet.cell(row=2, column=7).number_format == "yyyy-mm-dd hh:mm"
    text = clerk.ok("meeting", "roll", meeting, "--format", "csv")
    assert text.splitlines()[1].startswith("1,王建国,第一居民小组,01001,")


def test_tally_and_roster(voted, tmp_path):
    clerk, meeting = voted
    motion = clerk.json("motion", "list", meeting)[0]["id"]
    clerk.ok("vote", "tally", motion, "--out", tmp_path / "tally.xlsx")  # the format from the file's name
    headers, rows, _ = _book(tmp_path / "tally.xlsx")
    assert headers[:4] == ["motion", "title", "present", "for"] and headers[-1] == "result"
    assert rows == [[motion, "社区居民委员会2026年下半年工作报告", 7, 6, 0, 1, 0, 5, ">=2/3 of present", "passed"]]
    clerk.ok("roster", "--format", "xlsx", "--out", tmp_path / "roster.xlsx")
    headers, rows, _ = _book(tmp_path / "roster.xlsx")
    values = dict(rows)
    assert values["date"] == dt.datetime(2026, 11, 24) and values["households"] == 5 and values["residents"] == 11


def test_election_result_lists_the_elected_across_rounds(community, tmp_path, monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-01")
    cli = community
    cli.ok("group", "add", "一组")
    cli.ok("household", "add", "101", "--group", "一组")
    ids = {name: cli.json("member", "add", "--name", name, "--birth-date", "1970-01-01", "--household", "101")["id"]
           for name in ("丁一", "万二", "于三", "马四", "王五", "白六", "刘七", "张八")}
    e = cli.json("election", "open", "--kind", "general", "--day", "2026-07-01", "--method", "voters")["id"]
    cli.ok("election", "voters", e)
    cli.ok("election", "publish", e, "--doc", "voters", "--on", "2026-06-01")
    for name in ("丁一", "万二"):
        cli.ok("election", "candidate", e, ids[name], "--post", "director")
    for name in ("于三", "马四", "王五", "白六", "刘七"):
        cli.ok("election", "candidate", e, ids[name], "--post", "member")
    # round 1 fills two members' seats, leaves a tie for the other two and the director's seat unfilled
    cli.ok("election", "count", e, "--issued", "8", "--returned", "8", "--void", "0", "--votes", "丁一=4",
           "--votes", "万二=3", "--votes", "于三=6", "--votes", "马四=6", "--votes", "王五=5", "--votes", "白六=5",
           "--votes", "刘七=5")
    cli.ok("election", "round", e)
    cli.ok("election", "count", e, "--issued", "8", "--returned", "7", "--void", "0", "--votes", "丁一=3",
           "--votes", "万二=2", "--votes", "王五=6", "--votes", "白六=5", "--votes", "刘七=2")
    out = tmp_path / "result.xlsx"
    cli.ok("--lang", "zh_CN", "election", "result", e, "--format", "xlsx", "--out", out)
    headers, rows, sheet = _book(out)
    assert headers == ["居民", "姓名", "职务", "得票", "轮次"] and sheet.title == f"第 {e} 号选举"
    assert rows == [[ids["于三"], "于三", "居委会委员", 6, 1], [ids["马四"], "马四", "居委会委员", 6, 1],
                    [ids["丁一"], "丁一", "居委会主任", 3, 2], [ids["王五"], "王五", "居委会委员", 6, 2],
                    [ids["白六"], "白六", "居委会委员", 5, 2]]
    assert cli.ok("election", "result", e, "--format", "csv").splitlines()[0] == "member,name,post,votes,round"


@pytest.mark.parametrize("args, code, words", [
    (("member", "list", "--format", "xlsx"), 2, "give --out FILE.xlsx"),
    (("member", "list", "--format", "csv", "--json"), 2, "--json and --format"),
    (("member", "list", "--format", "pdf", "--out", "x.pdf"), 2, "use xlsx or csv"),
    (("member", "list", "--out", "x.txt"), 2, "--format xlsx or --format csv"),
    (("member", "list", "--format", "csv", "--out", "x.xlsx"), 2, "does not end in .csv"),
    (("roster", "--format", "xlsx"), 2, "give --out FILE.xlsx"),
    (("vote", "tally", "1", "--format", "xlsx"), 2, "give --out FILE.xlsx"),
    (("election", "result", "1", "--format", "xlsx"), 2, "give --out FILE.xlsx"),
    (("meeting", "roll", "1", "--format", "ods", "--out", "x.ods"), 2, "use xlsx or csv"),
])
def test_refusals_leave_everything_unchanged(voted, unchanged, tmp_path, monkeypatch, args, code, words):
    clerk, _ = voted
    desk = tmp_path / "desk"
    desk.mkdir()
    monkeypatch.chdir(desk)
    with unchanged():
        result = clerk(*args)
    assert result.exit_code == code and words in result.output, result.output
    assert list(desk.iterdir()) == []


def test_an_existing_file_is_replaced_only_with_force(voted, unchanged, tmp_path):
    clerk, meeting = voted
    out = tmp_path / "roll.xlsx"
    out.write_bytes(b"the clerk's own file")
    with unchanged():
        result = clerk("meeting", "roll", meeting, "--format", "xlsx", "--out", out)
    assert result.exit_code == 1 and "already exists; add --force" in result.output
    assert out.read_bytes() == b"the clerk's own file" and [p.name for p in tmp_path.iterdir() if p.suffix != ".db"] \
        == [out.name]
    clerk.ok("meeting", "roll", meeting, "--format", "xlsx", "--out", out, "--force")
    assert _book(out)[0][0] == "seat"


def test_the_ledger_export_has_the_same_header_and_guard(community, tmp_path):
    community.ok("ledger", "add", "--date", "2026-03-01", "--amount", "12.50", "--direction", "expense",
                 "--category", "office", "--voucher", "V1", "--description", "@SUM(A1)")
    out = tmp_path / "ledger.xlsx"
    community.ok("ledger", "export", "--out", out)
    headers, rows, _ = _book(out)
    assert headers[0] == "日期" and rows[0][0] == dt.datetime(2026, 3, 1) and float(rows[0][1]) == 12.5
    assert rows[0][4] == "'@SUM(A1)"


# ---------------------------------------------------------------- the writer itself


def test_the_writer_guards_every_text_and_keeps_types(tmp_path):
    from juwei.services import exports

    hostile = ["=1+1", "+SUM(A1)", "-2+3", "@A1", "\t=1", "\n=1", "＝1+1", "'=1", "a\x00b", "普通"]
    table = exports.Table("a/b[c]:d*e?f\\g and a very long sheet name indeed", ["text", "number", "day", "flag"],
                          [[text, 1.5, dt.date(2026, 1, 2), True] for text in hostile])
    out = tmp_path / "t.xlsx"
    assert exports.write_table(out, "xlsx", table) == len(hostile)
    headers, rows, sheet = _book(out)
    assert len(sheet.title) <= 31 and not set("[]:*?/\\") & set(sheet.title)
    assert [row[0] for row in rows] == ["'=1+1", "'+SUM(A1)", "'-2+3", "'@A1", "'\t=1", "'\n=1", "'＝1+1", "''=1",
                                        "ab", "普通"]
    assert {(row[1], row[2], row[3]) for row in rows} == {(1.5, dt.datetime(2026, 1, 2), "yes")}
    exports.write_table(tmp_path / "t.csv", "csv", table)
    lines = _csv(tmp_path / "t.csv")
    assert [exports.unguard_cell(line[0]) for line in lines[1:]] == hostile
    assert all(line[0][:1] not in "=+-@\t\r＝" for line in lines)


@pytest.mark.parametrize("fmt", ["ods", "pdf", ""])
def test_the_writer_takes_only_its_formats(tmp_path, fmt):
    from juwei.errors import ValidationError
    from juwei.services import exports

    with pytest.raises(ValidationError):
        exports.write_table(tmp_path / "t", fmt, exports.Table("t", ["a"], []))
    assert list(tmp_path.iterdir()) == []


def test_guarding_and_unguarding_give_back_any_text():
    from hypothesis import given, strategies as st

    from juwei.services.exports import safe_cell, unguard_cell

    @given(st.text())
    def round_trip(text):
        guarded = safe_cell(text)
        assert unguard_cell(guarded) == text
        assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"))

    round_trip()
