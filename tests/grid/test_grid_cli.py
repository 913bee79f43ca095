"""Grid responsibility through the CLI (S11, S13): assign, unassign, list, check (blind spots, idle people,
unvisited households), visits, the board sheet; every refusal leaves the database unchanged; every write is
audited; Chinese output shows no raw code."""

import datetime as dt

import pytest

from juwei.rules.idnumber import make_id
from tests.meetings.test_codes_zh import leaks

TODAY = "2026-03-15"


@pytest.fixture
def grid(community, monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", TODAY)
    cli = community
    cli.ok("group", "add", "第一居民小组")
    cli.ok("group", "add", "第二居民小组")
    for number in ("01001", "01002", "01003"):
        cli.ok("household", "add", number, "--group", "第一居民小组")
    for number in ("02001", "02002"):
        cli.ok("household", "add", number, "--group", "第二居民小组")
    ids = [cli.json("member", "add", "--name", name, "--id-number", make_id("110101", dt.date(1960 + i, 3, 1), 10 + i),
                    "--household", household, "--phone", "13912345678")["id"]
           for i, (name, household) in enumerate([("王芳", "01001"), ("李强", "02001"), ("张伟", "01002")])]
    cli.ok("committee", "add", str(ids[0]), "--role", "director", "--from", "2024-06-01")
    cli.ok("committee", "add", str(ids[1]), "--role", "member", "--from", "2024-06-01")
    cli.ok("staff", "add", "--name", "孙丽", "--position", "welfare", "--from", "2024-06-01", "--disclosed")
    cli.people = ids
    return cli


def test_assign_a_group_and_households_then_list_and_check(grid):
    director, member, resident = grid.people
    found = grid.json("grid", "check")
    assert [h["number"] for h in found["households"]] == ["01001", "01002", "01003", "02001", "02002"]
    assert [p["name"] for p in found["people"]] == ["王芳", "李强", "孙丽"]

    out = grid.json("grid", "assign", str(director), "--group", "第一居民小组")
    assert out["person"] == "王芳" and len(out["assigned"]) == 3
    grid.ok("grid", "assign", "孙丽", "--household", "02001", "--household", "02002")
    rows = grid.json("grid", "list")
    assert [(r["household"], r["name"]) for r in rows] == [("01001", "王芳"), ("01002", "王芳"), ("01003", "王芳"),
                                                          ("02001", "孙丽"), ("02002", "孙丽")]
    assert [r["household"] for r in grid.json("grid", "list", "孙丽")] == ["02001", "02002"]
    assert [r["household"] for r in grid.json("grid", "list", str(director))] == ["01001", "01002", "01003"]
    found = grid.json("grid", "check")
    assert found["households"] == [] and [p["name"] for p in found["people"]] == ["李强"]
    again = grid.json("grid", "assign", str(director), "--household", "01001")  # the same person: nothing changes
    assert again["assigned"] == [] and again["already"] == 1
    assert grid.json("audit", "verify")["ok"]


def test_unassign_makes_blind_spots_and_a_person_who_stops_serving_leaves_them(grid):
    director, member, _ = grid.people
    grid.ok("grid", "assign", str(director), "--group", "第一居民小组")
    grid.ok("grid", "assign", str(member), "--group", "第二居民小组")
    assert grid.json("grid", "unassign", "--household", "01003")["unassigned"]
    assert [h["number"] for h in grid.json("grid", "check")["households"]] == ["01003"]
    grid.ok("grid", "assign", "孙丽", "--household", "01003")  # taken over after the unassign
    grid.ok("committee", "end", str(member), "--on", "2026-03-10", "--reason", "resigned")
    found = grid.json("grid", "check")
    assert [h["number"] for h in found["households"]] == ["02001", "02002"]  # 李强 no longer serves
    assert grid.json("grid", "unassign", str(member))["unassigned"]
    history = grid.json("audit", "log", "--entity", "grid_assignment:1")
    assert history


def test_refusals_leave_the_database_unchanged(grid, unchanged):
    director, member, resident = grid.people
    grid.ok("grid", "assign", str(director), "--household", "01001")
    with unchanged():
        err = grid.fails("grid", "assign", str(member), "--household", "01001")  # assigned twice
        assert "01001" in err and "王芳" in err and "unassign" in err
        err = grid.fails("grid", "assign", str(member), "--group", "第一居民小组")  # one of them taken
        assert "01001" in err
        err = grid.fails("grid", "assign", str(resident), "--household", "01002")  # not serving
        assert "holds no post" in err
        assert "no household numbered '09999'" in grid.fails("grid", "assign", str(director), "--household", "09999")
        assert "no member" in grid.fails("grid", "assign", "赵六", "--household", "01002")
    grid.ok("staff", "end", "孙丽", "--on", "2026-03-01", "--reason", "resigned")
    with unchanged():
        assert "孙丽 holds no post" in grid.fails("grid", "assign", "孙丽", "--household", "01002")
        assert "--group" in grid.fails("grid", "assign", str(director))  # neither group nor household
        assert "--group" in grid.fails("grid", "assign", str(director), "--group", "第一居民小组",
                                       "--household", "01002")
        grid.fails("grid", "unassign", "--household", "01002")  # nobody holds it
        grid.fails("grid", "unassign")
        grid.fails("grid", "visit", "09999", "--by", str(director), "--on", "2026-03-01")
        assert "holds no post" in grid.fails("grid", "visit", "01001", "--by", str(resident), "--on", "2026-03-01")
        assert "after today" in grid.fails("grid", "visit", "01001", "--by", str(director), "--on", "2026-04-01")
        assert "--unvisited" in grid.fails("grid", "check", "--unvisited", "3w")
        grid.fails("grid", "render", "--doc", "poster")


def test_visits_and_unvisited_households(grid):
    director, _, _ = grid.people
    grid.ok("grid", "visit", "01001", "--by", str(director), "--on", "2026-03-01", "--note", "了解老人生活情况")
    grid.ok("grid", "visit", "01002", "--by", "孙丽", "--on", "2025-11-01")
    found = grid.json("grid", "check", "--unvisited", "90d")
    assert found["unvisited_days"] == 90
    assert [h["number"] for h in found["unvisited"]] == ["01002", "01003", "02001", "02002"]
    assert [h["number"] for h in grid.json("grid", "check", "--unvisited", "200d")["unvisited"]] == \
        ["01003", "02001", "02002"]
    assert "unvisited" not in grid.json("grid", "check")
    assert grid.json("audit", "verify")["ok"]


def test_the_agenda_shows_blind_spots_once_the_grid_is_started(grid):
    def grid_items():
        return [i for i in grid.json("agenda")["items"] if i["domain"] == "grid"]

    assert grid_items() == []  # no grid yet: nothing measured
    director, _, _ = grid.people
    grid.ok("grid", "assign", str(director), "--group", "第一居民小组")
    items = {i["rule"]: i for i in grid_items()}
    assert "2 household(s)" in items["S13"]["what"] and items["S13"]["command"] == "juwei grid check"
    assert "2 committee member(s)" in items["S11"]["what"]
    grid.ok("grid", "assign", "孙丽", "--group", "第二居民小组")
    grid.ok("grid", "unassign", "--household", "01003")
    grid.ok("grid", "assign", str(grid.people[1]), "--household", "01003")
    assert grid_items() == []


def test_the_board_sheet_names_people_groups_and_the_office_phone_only(grid, tmp_path):
    director, member, _ = grid.people
    grid.ok("grid", "assign", str(director), "--group", "第一居民小组")
    grid.ok("grid", "assign", "孙丽", "--household", "02001")
    result = grid("grid", "render", "--doc", "board")
    assert result.exit_code == 0 and "office phone" in result.stderr
    grid.ok("community", "set", "office_phone", "010-6401 2345")
    assert grid.json("community", "show")["office_phone"] == "010-6401 2345"
    md = grid.ok("grid", "render", "--doc", "board")
    assert "东城社区网格责任公示" in md and "第一居民小组" in md and "第二居民小组（部分住户）" in md
    assert "010-6401 2345" in md and "13912345678" not in md and "01001" not in md and "张伟" not in md
    en = grid.ok("grid", "render", "--doc", "board", "--lang", "en", "--format", "html")
    assert en.startswith("<!DOCTYPE html>") and "grid responsibility" in en and "010-6401 2345" in en
    out = tmp_path / "board.html"
    grid.ok("grid", "render", "--doc", "board", "--out", str(out))
    assert "<table>" in out.read_text(encoding="utf-8")
    with_phone = grid.fails("community", "set", "office_phone", "call me")
    assert "phone" in with_phone


def test_chinese_output_shows_no_codes(grid, monkeypatch):
    from juwei import i18n

    monkeypatch.setenv("COLUMNS", "250")
    director, _, _ = grid.people
    grid.ok("grid", "assign", str(director), "--group", "第一居民小组")
    grid.ok("grid", "visit", "01001", "--by", str(director), "--on", "2026-03-01")
    try:
        for args in (("grid", "list"), ("grid", "check", "--unvisited", "30天"), ("agenda",),
                     ("grid", "render", "--doc", "board")):
            out = grid.ok("--lang", "zh_CN", *args)
            assert not leaks(out), (args, leaks(out))
        err = grid.fails("--lang", "zh_CN", "grid", "assign", str(grid.people[2]), "--household", "01002")
        assert "未担任职务" in err
    finally:
        i18n.set_language("en")
