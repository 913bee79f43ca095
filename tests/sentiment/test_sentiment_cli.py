"""Sentiment work through the CLI (S10–S12): add, reported, update, list, show, analyse, categories; every
refusal leaves the database unchanged; every write is audited; the agenda shows urgent items, monthly reports
and too few collectors; Chinese output shows no raw code."""

from __future__ import annotations

import re

import pytest

TODAY = "2026-03-20"


@pytest.fixture
def office(community, monkeypatch):
    """东城社区 on 2026-03-20: one group, two households, a committee member and two information collectors."""
    monkeypatch.setenv("JUWEI_TODAY", TODAY)
    community.ok("group", "add", "第一居民小组")
    for number in ("01001", "01002"):
        community.ok("household", "add", number, "--group", "第一居民小组")
    community.ok("org", "add", "collectors", "--name", "孙丽", "--from", "2025-01-01")
    community.ok("org", "add", "collectors", "--name", "周敏", "--from", "2025-01-01")
    return community


def add(cli, *args, **kw):
    return cli.json("sentiment", "add", *args, **kw)["id"]


def test_add_list_show_and_the_urgent_warning(office):
    first = add(office, "--category", "1", "--source", "mailbox", "--text", "小区停车难", "--received", "2026-03-02")
    result = office("sentiment", "add", "--category", "6", "--source", "collector", "--text", "3号楼前有人聚集",
                    "--household", "01001", "--from", "张三", "--by", "孙丽", "--received", "2026-03-18")
    assert result.exit_code == 0, result.output
    urgent = int(result.stdout.strip())
    assert "reported at once, by 2026-03-19" in result.stderr
    assert f"juwei sentiment reported {urgent} --to" in result.stderr
    assert f"juwei sentiment render {urgent} --doc urgent-report" in result.stderr
    rows = office.json("sentiment", "list")
    assert [r["id"] for r in rows] == [first, urgent]
    assert rows[1] | {} == rows[1] and rows[1]["category"] == "stability" and rows[1]["number"] == 6
    assert rows[1]["household"] == "01001" and rows[1]["by"] == "孙丽" and rows[1]["from_name"] == "张三"
    assert rows[1]["urgent"] and rows[1]["overdue"] and rows[1]["report_due"] == "2026-03-19"
    assert not rows[0]["urgent"] and not rows[0]["overdue"]
    assert [r["id"] for r in office.json("sentiment", "list", "--category", "6")] == [urgent]
    assert [r["id"] for r in office.json("sentiment", "list", "--category", "影响稳定问题")] == [urgent]
    assert office.json("sentiment", "list", "--month", "2026-02") == []
    assert len(office.json("sentiment", "list", "--month", "2026-03")) == 2
    shown = office.json("sentiment", "show", str(urgent))
    assert shown["text"] == "3号楼前有人聚集" and shown["steps"] == []


def test_a_phone_typed_in_the_text_is_masked_unless_revealed(office):
    item = add(office, "--category", "2", "--source", "phone", "--text", "独居老人求助，电话13912345678")
    assert "13912345678" not in office.ok("sentiment", "list")
    assert "13912345678" not in office.ok("sentiment", "show", str(item))
    assert "13912345678" in office.json("sentiment", "show", str(item), "--reveal")["text"]


def test_reported_update_and_open(office):
    urgent = add(office, "--category", "6", "--source", "visit", "--text", "群体上访苗头", "--received", "2026-03-10")
    office.ok("sentiment", "reported", str(urgent), "--to", "街道党工办", "--on", "2026-03-10")
    row = office.json("sentiment", "show", str(urgent))
    assert (row["reported_on"], row["reported_to"], row["overdue"]) == ("2026-03-10", "街道党工办", False)
    office.ok("sentiment", "update", str(urgent), "--status", "referred", "--note", "转街道综治办", "--on",
              "2026-03-12")
    office.ok("sentiment", "update", str(urgent), "--status", "resolved", "--note", "已化解", "--on", "2026-03-19")
    row = office.json("sentiment", "show", str(urgent))
    assert row["status"] == "resolved" and not row["open"]
    assert [(s["status"], s["note"]) for s in row["steps"]] == [("referred", "转街道综治办"), ("resolved", "已化解")]
    assert office.json("sentiment", "list", "--open") == []
    actions = [e["action"] for e in office.json("audit", "log", "--limit", "10")]
    assert {"sentiment.add", "sentiment.reported", "sentiment.update", "sentiment.step"} <= set(actions)
    assert office.json("audit", "verify")["ok"]


def test_analyse_links_the_waiting_items_to_the_sentiment_meeting(office):
    earlier = add(office, "--category", "3", "--source", "reception", "--text", "希望增加健身器材",
                  "--received", "2026-03-05")
    referred = add(office, "--category", "1", "--source", "visit", "--text", "路灯不亮", "--received", "2026-03-06")
    office.ok("sentiment", "update", str(referred), "--status", "referred", "--note", "转物业")
    later = add(office, "--category", "5", "--source", "online", "--text", "好人好事", "--received", "2026-03-20")
    meeting = office.json("meeting", "convene", "--kind", "sentiment", "--at", "2026-03-25 09:00", "--place",
                          "会议室", "--topic", "三月民情分析")["id"]
    done = office.json("sentiment", "analyse", "--meeting", str(meeting), env={"JUWEI_TODAY": "2026-03-25"})
    assert done["items"] == [earlier, referred, later]
    rows = {r["id"]: r for r in office.json("sentiment", "list")}
    assert rows[earlier]["status"] == "analysed" and rows[referred]["status"] == "referred"
    assert all(r["meeting_id"] == meeting for r in rows.values())


def test_refusals_leave_the_database_unchanged(office, unchanged):
    item = add(office, "--category", "1", "--source", "visit", "--text", "停车难", "--received", "2026-03-01")
    other = office.json("meeting", "convene", "--kind", "office", "--at", "2026-03-25 09:00", "--place", "会议室",
                        "--topic", "办公")["id"]
    with unchanged():
        assert "usage" in office.fails("sentiment", "add", "--category", "8", "--source", "visit", "--text", "x",
                                       code=2).lower()
        assert "usage" in office.fails("sentiment", "add", "--category", "1", "--source", "fax", "--text", "x",
                                       code=2).lower()
        assert "09999" in office.fails("sentiment", "add", "--category", "1", "--source", "visit", "--text", "x",
                                       "--household", "09999")
        assert "--by" in office.fails("sentiment", "add", "--category", "1", "--source", "visit", "--text", "x",
                                      "--by", "路人甲")
        assert "--text" in office.fails("sentiment", "add", "--category", "1", "--source", "visit", "--text", " ")
        assert "--received" in office.fails("sentiment", "add", "--category", "1", "--source", "visit", "--text",
                                            "x", "--received", "2026-04-01")
        assert "--month" in office.fails("sentiment", "list", "--month", "2026-13")
        assert "--month" in office.fails("sentiment", "report", "--month", "March")
        assert "no sentiment item 99" in office.fails("sentiment", "update", "99", "--status", "resolved",
                                                      "--note", "x")
        assert "--status" in office.fails("sentiment", "update", str(item), "--status", "recorded", "--note", "x")
        assert "--on" in office.fails("sentiment", "reported", str(item), "--to", "街道", "--on", "2026-02-01")
        assert "--meeting" in office.fails("sentiment", "analyse", "--meeting", str(other),
                                           env={"JUWEI_TODAY": "2026-03-26"})
        assert "no meeting 99" in office.fails("sentiment", "analyse", "--meeting", "99")
    office.ok("sentiment", "reported", str(item), "--to", "街道", "--on", "2026-03-02")
    with unchanged():
        assert "already reported" in office.fails("sentiment", "reported", str(item), "--to", "街道", "--on",
                                                  "2026-03-03")


def test_the_agenda_shows_urgent_items_reports_and_collectors(office):
    urgent = add(office, "--category", "6", "--source", "visit", "--text", "聚集", "--received", "2026-02-10")
    items = {i["subject"]: i for i in office.json("agenda")["items"] if i["domain"] == "sentiment"}
    assert (items[f"sentiment:urgent:{urgent}"]["due"], items[f"sentiment:urgent:{urgent}"]["overdue"]) == \
        ("2026-02-11", True)
    report = items["sentiment:report:2026-02"]
    assert (report["rule"], report["due"], report["overdue"]) == ("S12", "2026-03-05", True)
    assert report["command"] == "juwei sentiment report --month 2026-02 --sent YYYY-MM-DD"
    assert items["sentiment:collectors"]["rule"] == "S11" and "2" in items["sentiment:collectors"]["what"]
    office.ok("sentiment", "reported", str(urgent), "--to", "街道党工办", "--on", "2026-02-10")
    office.ok("sentiment", "report", "--month", "2026-02", "--sent", "2026-03-03")
    office.ok("org", "add", "collectors", "--name", "钱进", "--from", "2026-01-01")
    office.ok("org", "add", "collectors", "--name", "吴刚", "--from", "2026-01-01")
    assert not [i for i in office.json("agenda")["items"] if i["domain"] == "sentiment"]
    assert "already recorded" in office.fails("sentiment", "report", "--month", "2026-02", "--sent", "2026-03-04")


def test_categories_in_both_languages(office):
    rows = office.json("sentiment", "categories")
    assert [r["number"] for r in rows] == list(range(1, 8)) and [r["urgent"] for r in rows].count(True) == 1
    out = office.ok("--lang", "zh_CN", "sentiment", "categories")
    assert "影响稳定问题" in out and "突发性" in out


CODES = re.compile(r"\b(hot-issues|good-deeds|stability|mailbox|collector|recorded|analysed|referred|resolved|"
                   r"replied|True|False)\b")


def test_chinese_output_shows_no_codes(office):
    item = add(office, "--category", "6", "--source", "mailbox", "--text", "聚集", "--received", "2026-03-19")
    office.ok("sentiment", "update", str(item), "--status", "referred", "--note", "转办")
    for args in (("sentiment", "list"), ("sentiment", "show", str(item)), ("sentiment", "categories"),
                 ("agenda",), ("sentiment", "report", "--month", "2026-03"),
                 ("sentiment", "render", str(item), "--doc", "紧急民情报告单")):
        out = office.ok("--lang", "zh_CN", *args)
        assert not CODES.search(out), (args, CODES.search(out))
    result = office("--lang", "zh_CN", "sentiment", "update", str(item), "--status", "已解决", "--note", "好")
    assert result.exit_code == 0 and "已解决" in result.stdout
