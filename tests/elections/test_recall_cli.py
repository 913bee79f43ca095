"""`juwei recall`: open (the proposers' share, inclusive), the member's statement, the count as figures only
and its result; a recall that carries ends the post (reason recalled), owes the board its S24 staff change and
makes a by-election due until one is opened. Every refusal leaves the database unchanged; every step is an
audit event and none names a voter."""

from __future__ import annotations

import json

import pytest

from tests.integrity.helpers import raw
from tests.meetings.test_codes_zh import leaks

TODAY = "2026-06-01"
COUNT_DAY = "2026-06-15"
NAMES = ["丁一", "万二", "于三", "马四", "王五", "白六", "刘七", "张八", "李九", "陈十"]


@pytest.fixture
def town(community, monkeypatch):
    """Ten adult voters; a committee of five (the seed profile's smallest): 丁一 director, four members."""
    monkeypatch.setenv("JUWEI_TODAY", TODAY)
    community.ok("group", "add", "一组")
    community.ok("household", "add", "101", "--group", "一组")
    community.ids = {name: community.json("member", "add", "--name", name, "--birth-date", "1970-01-01",
                                          "--household", "101")["id"] for name in NAMES}
    community.ok("committee", "add", community.ids["丁一"], "--role", "director", "--from", "2026-01-01")
    for name in ("万二", "于三", "马四", "王五"):
        community.ok("committee", "add", community.ids[name], "--role", "member", "--from", "2026-01-01")
    return community


def _open(cli, name="万二", proposers=2, basis="voters") -> int:
    return cli.json("recall", "open", cli.ids[name], "--proposers", proposers, "--basis", basis,
                    "--reason", "长期不履行职责")["id"]


def _count(cli, r, issued, returned, votes_for, against, void, *extra):
    return cli("recall", "count", r, "--issued", issued, "--returned", returned, "--for", votes_for,
               "--against", against, "--void", void, *extra)


def _due(cli, on=None) -> list[dict]:
    return [i for i in cli.json("agenda", *(["--on", on] if on else []))["items"] if i["domain"] == "recall"]


def test_the_proposers_share_is_inclusive_and_refusals_write_nothing(town, unchanged):
    ids = town.ids
    with unchanged():  # 1 of 10 voters: below one fifth
        message = town.fails("recall", "open", ids["万二"], "--proposers", "1", "--basis", "voters",
                             "--reason", "失职")
    assert "1 proposers of 10" in message and "at least 2" in message
    with unchanged():
        assert "holds no committee post" in town.fails("recall", "open", ids["李九"], "--proposers", "5",
                                                       "--basis", "voters", "--reason", "失职")
    with unchanged():
        assert "--proposers" in town.fails("recall", "open", ids["万二"], "--proposers", "11", "--basis", "voters",
                                           "--reason", "失职")
    with unchanged():
        assert "--reason" in town.fails("recall", "open", ids["万二"], "--proposers", "2", "--basis", "voters",
                                        "--reason", "  ")
    with unchanged():
        town.fails("recall", "open", ids["万二"], "--proposers", "2", "--basis", "households", "--reason", "x",
                   code=2)
    r = _open(town, proposers=2)  # exactly one fifth passes
    with unchanged():
        assert f"recall {r}" in town.fails("recall", "open", ids["万二"], "--proposers", "3", "--basis", "voters",
                                           "--reason", "又一次")
    shown = town.json("recall", "show", r)
    assert (shown["member"], shown["name"], shown["post"], shown["basis"], shown["proposers"], shown["base"],
            shown["opened_on"], shown["outcome"]) == (ids["万二"], "万二", "member", "voters", 2, 10, TODAY, None)


def test_representatives_propose_from_those_serving(town, unchanged):
    """No representatives are elected here: the five committee members sit ex officio (S2), so one third of
    five is two."""
    with unchanged():
        assert "1 proposers of 5" in town.fails("recall", "open", town.ids["于三"], "--proposers", "1",
                                                "--basis", "representatives", "--reason", "失职")
    r = _open(town, "于三", proposers=2, basis="representatives")
    assert town.json("recall", "show", r)["base"] == 5


def test_the_statement_is_recorded_and_replaced_before_the_count(town, unchanged):
    r = _open(town)
    assert sorted(i["subject"] for i in _due(town)) == [f"recall:{r}:count", f"recall:{r}:reply"]
    town.ok("recall", "reply", r, "--text", "我已按时履职")
    assert town.json("recall", "show", r)["reply"] == "我已按时履职"
    town.ok("recall", "reply", r, "--text", "我已按时履职，请查记录")
    shown = town.json("recall", "show", r)
    assert shown["reply"] == "我已按时履职，请查记录" and shown["replied_on"] == TODAY
    assert [i["subject"] for i in _due(town)] == [f"recall:{r}:count"]
    with unchanged():
        town.fails("recall", "reply", r, "--text", " ")
    with unchanged():
        assert "no recall 99" in town.fails("recall", "reply", "99", "--text", "x")


def test_bad_figures_are_refused_with_nothing_written(town, unchanged, monkeypatch):
    r = _open(town)
    monkeypatch.setenv("JUWEI_TODAY", COUNT_DAY)
    with unchanged():
        result = _count(town, r, 8, 9, 5, 3, 0)
        assert result.exit_code == 1 and "void and must be held again" in result.stderr
    with unchanged():
        result = _count(town, r, 10, 8, 5, 3, 1)
        assert result.exit_code == 1 and "9 ballots counted" in result.stderr
    with unchanged():
        result = _count(town, r, 10, 8, -1, 3, 0)
        assert result.exit_code == 1 and "--for" in result.stderr
    with unchanged():
        assert "not been counted" in town.fails("recall", "result", r)


def test_exactly_half_for_is_not_a_recall(town, monkeypatch):
    r = _open(town)
    monkeypatch.setenv("JUWEI_TODAY", COUNT_DAY)
    counted = json.loads(_count(town, r, 10, 8, 4, 4, 0, "--json").stdout)
    assert (counted["registered"], counted["for"], counted["required"], counted["turnout_ok"],
            counted["recalled"], counted["outcome"]) == (10, 4, 5, True, False, "rejected")
    assert town.json("recall", "result", r) == counted
    assert [p["name"] for p in town.json("committee", "list")].count("万二") == 1
    assert not town.json("disclose", "staff-changes")
    assert _due(town) == []
    assert "final" in town.fails("recall", "reply", r, "--text", "x")
    assert "final" in _count(town, r, 10, 8, 5, 3, 0).stderr
    # the recall is over: another may be proposed
    _open(town, proposers=3)


def test_too_few_voting_is_not_a_recall(town, monkeypatch):
    r = _open(town)
    monkeypatch.setenv("JUWEI_TODAY", COUNT_DAY)
    counted = json.loads(_count(town, r, 10, 5, 5, 0, 0, "--json").stdout)
    assert (counted["turnout_ok"], counted["required_turnout"], counted["recalled"], counted["outcome"]) == \
        (False, 6, False, "no-turnout")


def test_a_recall_that_carries_ends_the_post_and_a_by_election_follows(town, monkeypatch):
    ids = town.ids
    r = _open(town)
    town.ok("recall", "reply", r, "--text", "我有异议")
    monkeypatch.setenv("JUWEI_TODAY", COUNT_DAY)
    out = _count(town, r, 10, 8, 5, 2, 1)
    assert out.exit_code == 0 and "(recalled)" in out.stdout and "juwei disclose personnel" in out.stdout
    result = town.json("recall", "result", r)
    assert {k: result[k] for k in ("recall", "member", "name", "post", "registered", "issued", "returned", "for",
                                   "against", "void", "turnout_ok", "required", "recalled", "post_ended_on")} == {
        "recall": r, "member": ids["万二"], "name": "万二", "post": "member", "registered": 10, "issued": 10,
        "returned": 8, "for": 5, "against": 2, "void": 1, "turnout_ok": True, "required": 5, "recalled": True,
        "post_ended_on": COUNT_DAY}
    post = next(p for p in town.json("committee", "list", "--all") if p["member_id"] == ids["万二"])
    assert (post["ended_on"], post["end_reason"]) == (COUNT_DAY, "recalled")
    changes = town.json("disclose", "staff-changes")
    assert [(c["name"], c["effective"], c["post_id"]) for c in changes] == [("万二", COUNT_DAY, post["id"])]
    assert "S24" in town.ok("disclose", "due")
    # the seat is empty from the day after: a by-election is due until one is opened
    assert [i["subject"] for i in _due(town)] == [f"recall:{r}:by-election"]
    town.ok("election", "open", "--kind", "by-election", "--day", "2026-07-15", "--method", "voters")
    assert _due(town) == []
    assert [x["outcome"] for x in town.json("recall", "list")] == ["recalled"]


def test_every_step_is_an_audit_event_and_none_names_a_voter(town, monkeypatch):
    r = _open(town)
    town.ok("recall", "reply", r, "--text", "申辩")
    monkeypatch.setenv("JUWEI_TODAY", COUNT_DAY)
    _count(town, r, 10, 8, 6, 2, 0)
    events = raw(town.db, "SELECT action, entity, after FROM audit_event WHERE action LIKE 'recall.%' ORDER BY seq")
    assert [(a, e) for a, e, _ in events] == [("recall.open", f"recall:{r}"), ("recall.reply", f"recall:{r}"),
                                             ("recall.count", f"recall:{r}")]
    recalled = town.ids["万二"]
    for _, _, after in events:
        state = json.loads(after)
        assert not any(name in after for name in NAMES)  # no one is named, not even the member
        assert {k for k, v in state.items() if k.endswith("_id") and v is not None} == \
            {"community_id", "member_id", "post_id"} and state["member_id"] == recalled
    assert town.json("audit", "verify")["ok"]


def test_list_show_and_result_in_chinese_show_no_codes(town, monkeypatch):
    r = _open(town)
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setenv("JUWEI_TODAY", COUNT_DAY)
    opened = _open(town, "于三", proposers=4)
    counted = town.ok("--lang", "zh_CN", "recall", "count", r, "--issued", "10", "--returned", "9", "--for", "6",
                      "--against", "3", "--void", "0")
    outputs = [counted, town.ok("--lang", "zh_CN", "recall", "list"),
               town.ok("--lang", "zh_CN", "recall", "show", r), town.ok("--lang", "zh_CN", "recall", "show", opened),
               town.ok("--lang", "zh_CN", "recall", "result", r), town.ok("--lang", "zh_CN", "agenda")]
    for out in outputs:
        assert not leaks(out), leaks(out)
    assert "罢免通过" in outputs[1] and "居委会委员" in outputs[2] and "待表决" in outputs[1]
    assert "罢免案" in outputs[5]
    refused = town("--lang", "zh_CN", "recall", "open", town.ids["李九"], "--proposers", "5",
                   "--basis", "选民联名", "--reason", "x")
    assert refused.exit_code == 1 and "未担任居委会职务" in refused.stderr
