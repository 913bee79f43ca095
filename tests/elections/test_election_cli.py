"""`juwei election` up to the count: open, officers, the voter register and its objections, publication,
proxies, candidates, the count and the result; every refusal leaves the database unchanged and names the
option at fault."""

from __future__ import annotations

import pytest

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
    community.ids["小明"] = community.json("member", "add", "--name", "小明", "--birth-date", "2015-01-01",
                                         "--household", "101")["id"]
    return community


def _open(cli) -> int:
    return cli.json("election", "open", "--kind", "general", "--day", DAY, "--method", "voters")["id"]


def test_an_election_up_to_its_result(town):
    ids = town.ids
    e = _open(town)
    register = town.json("election", "voters", e)
    assert sorted(v["name"] for v in register) == sorted(NAMES) and register[0]["group"] == "一组"
    town.ok("election", "publish", e, "--doc", "voters", "--on", TODAY)
    town.ok("election", "officer", e, ids["张八"], "--role", "chair")
    for name in ("丁一", "万二"):
        town.ok("election", "candidate", e, ids[name], "--post", "director")
    for name in ("于三", "马四", "王五", "白六", "刘七"):
        town.ok("election", "candidate", e, ids[name], "--post", "member")
    assert "leaves the election committee" in town.ok("election", "candidate", e, ids["张八"], "--post", "member")
    town.ok("election", "proxy", e, ids["万二"], ids["丁一"])
    counted = town.json("election", "count", e, "--issued", "8", "--returned", "8", "--void", "0",
                        "--votes", "丁一=5", "--votes", "万二=3", "--votes", "于三=6", "--votes", f"{ids['马四']}=6",
                        "--votes", "王五=5", "--votes", "白六=5", "--votes", "刘七=1")
    assert counted["turnout_ok"] and counted["registered"] == 8
    assert [(x["member"], x["post"]) for x in counted["elected"]] == [
        (ids["丁一"], "director"), (ids["于三"], "member"), (ids["马四"], "member"), (ids["王五"], "member"),
        (ids["白六"], "member")]
    assert town.json("election", "result", e) == counted
    shown = town.json("election", "show", e)
    assert [c["name"] for c in shown["candidates"]][:2] == ["丁一", "万二"] and shown["rounds"] == 1
    assert shown["officers"] == [] and shown["registered"] == 8  # 张八 left the committee as a candidate
    assert "刘七" in town.ok("election", "show", e)
    assert "白六" in town.ok("election", "result", e)


def test_objections_through_the_voters_command(town, unchanged):
    ids = town.ids
    e = _open(town)
    town.ok("election", "voters", e)
    with unchanged():
        assert "--reason" in town.fails("election", "voters", e, "--remove", ids["刘七"])
    names = [v["name"] for v in town.json("election", "voters", e, "--remove", ids["刘七"], "--reason", "已迁出")]
    assert "刘七" not in names
    names = [v["name"] for v in town.json("election", "voters", e, "--add", ids["刘七"], "--reason", "异议成立")]
    assert names[-1] == "刘七"


def test_refusals_leave_the_database_unchanged(town, unchanged):
    ids = town.ids
    e = _open(town)
    town.ok("election", "voters", e)
    with unchanged():
        assert "still open" in town.fails("election", "open", "--kind", "by-election", "--day", DAY, "--method",
                                          "voters")
        assert "after today" in town.fails("election", "publish", e, "--doc", "voters", "--on", "2026-06-02")
        assert "not an adult" in town.fails("election", "candidate", e, ids["小明"], "--post", "member")
        assert "TO_MEMBER is not on the voter register" in town.fails("election", "proxy", e, ids["丁一"],
                                                                      ids["小明"])
        assert "never published" in town.fails("election", "count", e, "--issued", "8", "--returned", "8",
                                               "--void", "0")
    town.ok("election", "publish", e, "--doc", "voters", "--on", TODAY)
    with unchanged():
        assert "差额" in town.fails("election", "count", e, "--issued", "8", "--returned", "8", "--void", "0")
    town.ok("election", "candidate", e, ids["丁一"], "--post", "director")
    town.ok("election", "candidate", e, ids["万二"], "--post", "director")
    for name in ("于三", "马四", "王五", "白六", "刘七"):
        town.ok("election", "candidate", e, ids[name], "--post", "member")
    with unchanged():
        assert "void" in town.fails("election", "count", e, "--issued", "8", "--returned", "9", "--void", "0",
                                    "--votes", "丁一=5")
        assert "not PERSON=N" in town.fails("election", "count", e, "--issued", "8", "--returned", "8", "--void",
                                            "0", "--votes", "丁一", code=2)
        assert "give the post" in town.fails("election", "count", e, "--issued", "8", "--returned", "8",
                                             "--void", "0", "--votes", "张八=1")
    town.ok("election", "count", e, "--issued", "8", "--returned", "8", "--void", "0", "--votes",
            "member:张八=1", "--votes", "丁一=5")
    with unchanged():
        assert "election round" in town.fails("election", "count", e, "--issued", "8", "--returned", "8",
                                              "--void", "0")
        assert "has been counted" in town.fails("election", "candidate", e, ids["张八"], "--post", "member")


def test_the_election_commands_speak_chinese(town):
    from juwei import i18n

    e = _open(town)
    try:
        out = town.ok("--lang", "zh_CN", "election", "voters", e, env={"COLUMNS": "200"})
        assert "选民名单" in out and "丁一" in out
        refused = town.fails("--lang", "zh_CN", "election", "count", e, "--issued", "8", "--returned", "8",
                             "--void", "0")
        assert "选民名单尚未公布" in refused and "--urgent" in refused
    finally:
        i18n.set_language("en")  # the in-process CLI left the language set
