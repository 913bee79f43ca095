"""An election from its register to the committee register, through the CLI: a first round that leaves a tie
for the last members' seats and the director's seat unfilled, the further round (a vote between the tied and
另行选举 at the run-off share), closing (the elected take their posts, the previous term's end, S24 changes,
the announcement owed), a recall of one of the elected and the by-election after it, and a by-election for a
seat left vacant; every refusal leaves the database unchanged and the audit trail verifies.
"""

from __future__ import annotations

import pytest

from tests.conftest import table_snapshot

TODAY = "2026-06-01"
DAY = "2026-07-01"
NAMES = ["丁一", "万二", "于三", "马四", "王五", "白六", "刘七", "张八"]


@pytest.fixture
def town(community, monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", TODAY)
    community.ok("group", "add", "一组")
    community.ok("household", "add", "101", "--group", "一组")
    community.ids = {name: community.json("member", "add", "--name", name, "--birth-date", "1970-01-01",
                                          "--household", "101")["id"] for name in NAMES}
    return community


def _ready(town) -> int:
    """A general election with its register published and 2 candidates for director, 5 for 4 members."""
    e = town.json("election", "open", "--kind", "general", "--day", DAY, "--method", "voters")["id"]
    town.ok("election", "voters", e)
    town.ok("election", "publish", e, "--doc", "voters", "--on", TODAY)
    for name in ("丁一", "万二"):  # a clerk may write the post in Chinese
        town.ok("election", "candidate", e, town.ids[name], "--post", "主任")
    for name in ("于三", "马四", "王五", "白六", "刘七"):
        town.ok("election", "candidate", e, town.ids[name], "--post", "委员")
    return e


def _first_round(town, e) -> dict:
    # director: 4 and 3 of 8 returned, neither more than half → 另行选举; members: 于三 and 马四 elected, then
    # 王五, 白六 and 刘七 tied at 5 for the 2 seats left → a vote between the three
    return town.json("election", "count", e, "--issued", "8", "--returned", "8", "--void", "0",
                     "--votes", "丁一=4", "--votes", "万二=3", "--votes", "于三=6", "--votes", "马四=6",
                     "--votes", "王五=5", "--votes", "白六=5", "--votes", "刘七=5")


def test_a_tie_and_an_unfilled_seat_go_to_one_further_round(town, unchanged, monkeypatch):
    ids = town.ids
    town.ok("committee", "add", ids["张八"], "--role", "director", "--from", "2024-07-01")
    e = _ready(town)
    first = _first_round(town, e)
    assert [x["member"] for x in first["elected"]] == [ids["于三"], ids["马四"]]
    assert first["tied"] == [{"post": "member", "seats": 2, "members": [ids["王五"], ids["白六"], ids["刘七"]]}]
    assert first["unfilled"] == [{"post": "director", "seats": 1}] and not first["complete"]
    assert {(n["post"], n["kind"], n["rule"]) for n in first["next"]} == {("director", "further", "further"),
                                                                       ("member", "tie", "regular")}
    agenda = [i["subject"] for i in town.json("agenda", "--on", DAY)["items"]]
    assert f"election:{e}:round" in agenda
    with unchanged():
        assert "election round" in town.fails("election", "count", e, "--issued", "8", "--returned", "8",
                                              "--void", "0", "--votes", "丁一=5")
        assert "further round" in town.fails("election", "close", e, "--on", DAY)
        assert "only there" in town.fails("election", "round", e, "--candidate", f"member:{ids['张八']}")
        assert "POST:MEMBER" in town.fails("election", "round", e, "--candidate", "张八", code=2)
    opened = town.ok("election", "round", e)
    assert "丁一" in opened and "刘七" in opened
    with unchanged():
        assert "between the tied" in town.fails("election", "count", e, "--issued", "8", "--returned", "7",
                                                "--void", "0", "--votes", "member:张八=1")
        assert "elected in an earlier round" in town.fails("election", "count", e, "--issued", "8", "--returned",
                                                           "7", "--void", "0", "--votes", "director:于三=1")
        assert "open and not counted" in town.fails("election", "round", e)
    # 另行选举: 丁一 has 3 of 7 returned, at least a third and the most; 王五 and 白六 more than half of 7
    second = town.json("election", "count", e, "--issued", "8", "--returned", "7", "--void", "0",
                       "--votes", "丁一=3", "--votes", "万二=2", "--votes", "王五=6", "--votes", "白六=5",
                       "--votes", "刘七=2")
    assert second["round"] == 2 and second["complete"] and second["next"] == []
    assert [(x["member"], x["post"], x["round"]) for x in second["elected"]] == [
        (ids["于三"], "member", 1), (ids["马四"], "member", 1), (ids["丁一"], "director", 2),
        (ids["王五"], "member", 2), (ids["白六"], "member", 2)]
    assert town.json("election", "result", e) == second

    monkeypatch.setenv("JUWEI_TODAY", "2026-07-02")
    closed = town.json("election", "close", e)
    assert closed["closed_on"] == "2026-07-02"
    assert [(p["member"], p["post"]) for p in closed["posts"]] == [
        (ids["丁一"], "director"), (ids["于三"], "member"), (ids["马四"], "member"), (ids["王五"], "member"),
        (ids["白六"], "member")]
    serving = town.json("committee", "list", "--on", "2026-07-02")
    assert sorted(r["member_id"] for r in serving) == sorted(p["member"] for p in closed["posts"])
    assert len({r["term"] for r in serving}) == 1
    before = [r for r in town.json("committee", "list", "--all") if r["member_id"] == ids["张八"]]
    assert [(r["ended_on"], r["end_reason"]) for r in before] == [("2026-07-01", "term-ended")]
    changes = table_snapshot(town.db)["personnel_change"]
    assert len(changes) == 6  # the old director leaving, five elected taking up their posts (S24)
    agenda = [i["subject"] for i in town.json("agenda", "--on", "2026-07-02")["items"]]
    assert f"election:{e}:announcement" in agenda
    town.ok("election", "publish", e, "--doc", "announcement", "--on", "2026-07-02")
    assert f"election:{e}:announcement" not in [i["subject"] for i in town.json("agenda", "--on", "2026-07-02")["items"]]
    with unchanged():
        assert "closed" in town.fails("election", "close", e)
        assert "closed" in town.fails("election", "round", e)

    # a recall of one of the elected (罢免, S9): carried, the post ends and a by-election is due, then held
    monkeypatch.setenv("JUWEI_TODAY", "2026-08-03")
    r = town.json("recall", "open", ids["于三"], "--proposers", "2", "--basis", "voters", "--reason", "长期不履职")["id"]
    town.ok("recall", "reply", r, "--text", "本人近期因病未能履职")
    recalled = town.json("recall", "count", r, "--issued", "8", "--returned", "6", "--for", "4", "--against", "2",
                         "--void", "0")
    assert recalled["recalled"] and recalled["post_ended_on"] == "2026-08-03"
    assert ids["于三"] not in {row["member_id"] for row in town.json("committee", "list", "--on", "2026-08-04")}
    assert f"recall:{r}:by-election" in [i["subject"] for i in town.json("agenda", "--on", "2026-08-04")["items"]]
    by = town.json("election", "open", "--kind", "by-election", "--day", "2026-09-10", "--method", "voters")["id"]
    assert f"recall:{r}:by-election" not in [i["subject"] for i in town.json("agenda")["items"]]
    town.ok("election", "voters", by)
    town.ok("election", "publish", by, "--doc", "voters", "--on", "2026-08-03")
    for name in ("张八", "刘七"):
        town.ok("election", "candidate", by, ids[name], "--post", "委员")
    monkeypatch.setenv("JUWEI_TODAY", "2026-09-10")
    town.ok("election", "count", by, "--issued", "8", "--returned", "7", "--void", "0", "--votes", "张八=5",
            "--votes", "刘七=2")
    town.ok("election", "close", by)
    serving = town.json("committee", "list", "--on", "2026-09-10")
    assert len(serving) == 5 and ids["张八"] in {row["member_id"] for row in serving}
    assert len({row["term"] for row in serving}) == 1  # the by-elected member joins the term in force
    assert town.json("audit", "verify")["ok"]


def test_closing_with_a_seat_left_vacant_then_a_by_election(town, unchanged, monkeypatch, tmp_path):
    ids = town.ids
    e = _ready(town)
    _first_round(town, e)
    town.ok("election", "round", e)
    # 另行选举 fills nobody: 2 of 7 is short of a third; the tie is settled
    town.ok("election", "count", e, "--issued", "8", "--returned", "7", "--void", "0", "--votes", "丁一=2",
            "--votes", "万二=2", "--votes", "王五=6", "--votes", "白六=5", "--votes", "刘七=2")
    with unchanged():
        assert "--leave-vacant" in town.fails("election", "close", e, "--on", DAY)
        assert "before polling day" in town.fails("election", "close", e, "--on", "2026-06-30",
                                                  "--leave-vacant", "另行选举无人当选")
    closed = town.json("election", "close", e, "--on", DAY, "--leave-vacant", "另行选举无人当选")
    assert closed["unfilled"] == {"director": 1} and len(closed["posts"]) == 4

    # the vacancy the register shows is by-elected; the tellers' sheet is a file with Chinese headers
    monkeypatch.setenv("JUWEI_TODAY", "2026-07-10")
    by = town.json("election", "open", "--kind", "by-election", "--day", "2026-08-01", "--method", "voters")
    assert "director 1" in town.ok("election", "show", by["id"])
    b = by["id"]
    town.ok("election", "voters", b)
    town.ok("election", "publish", b, "--doc", "voters", "--on", "2026-07-10")
    for name in ("丁一", "张八"):
        town.ok("election", "candidate", b, ids[name], "--post", "director")
    sheet = tmp_path / "tally.csv"
    sheet.write_text("职务,姓名,票数\n主任,丁一,6\n,张八,2\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,票数\n丁一,六\n", encoding="utf-8")
    with unchanged():
        assert "row 2" in town.fails("election", "count", b, "--issued", "8", "--returned", "8", "--void", "0",
                                     "--file", str(bad))
        assert "not both" in town.fails("election", "count", b, "--issued", "8", "--returned", "8", "--void",
                                        "0", "--file", str(sheet), "--votes", "丁一=6")
    result = town.json("election", "count", b, "--issued", "8", "--returned", "8", "--void", "0",
                       "--file", str(sheet))
    assert [(x["member"], x["post"]) for x in result["elected"]] == [(ids["丁一"], "director")]
    monkeypatch.setenv("JUWEI_TODAY", "2026-08-01")
    town.ok("election", "close", b)
    serving = town.json("committee", "list", "--on", "2026-08-01")
    assert len(serving) == 5 and len({r["term"] for r in serving}) == 1  # the by-elected join the term


def test_the_further_round_speaks_chinese(town):
    e = _ready(town)
    _first_round(town, e)
    out = town.ok("--lang", "zh_CN", "election", "result", e, env={"COLUMNS": "200"})
    assert "另行选举" in out and "juwei election round" in out
    out = town.ok("--lang", "zh_CN", "election", "round", e, env={"COLUMNS": "200"})
    assert "主任" in out and "王五" in out
