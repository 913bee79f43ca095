"""Staff work (S28) and the gift register (S27) through the CLI: work logs, monthly summaries and the summaries
the agenda asks for, gifts in integer fen, the gift register's disclosure in both languages; refusals leave the
database unchanged; every write is audited."""

import datetime as dt

import pytest

from juwei.rules.idnumber import make_id
from tests.meetings.test_codes_zh import leaks

TODAY = "2026-03-15"


@pytest.fixture
def office(community, monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", TODAY)
    cli = community
    cli.ok("household", "add", "01001")
    ids = [cli.json("member", "add", "--name", name, "--id-number", make_id("110101", dt.date(1965 + i, 5, 1), 20 + i),
                    "--household", "01001")["id"] for i, name in enumerate(["王芳", "赵敏"])]
    cli.ok("committee", "add", str(ids[0]), "--role", "director", "--from", "2024-06-01")
    cli.ok("staff", "add", "--name", "孙丽", "--position", "welfare", "--from", "2025-12-10", "--disclosed")
    cli.people = ids
    return cli


def test_work_log_and_monthly_summary(office, tmp_path):
    office.ok("staff", "log", "孙丽", "--on", "2026-02-03", "--text", "走访低保户三户")
    office.ok("staff", "log", "孙丽", "--on", "2026-03-02", "--text", "整理救助台账")
    summary = tmp_path / "2026-02.md"
    summary.write_text("二月工作小结\n\n完成低保复核。\n", encoding="utf-8")
    new = office.json("staff", "summary", "孙丽", "--month", "2026-02", "--file", str(summary))
    assert new["id"] == 1
    rows = office.json("staff", "logs", "孙丽")
    assert [(r["kind"], r["month"]) for r in rows] == [("log", "2026-02"), ("summary", "2026-02"), ("log", "2026-03")]
    assert rows[1]["text"].startswith("二月工作小结") and rows[1]["file_name"] == "2026-02.md"
    assert [r["text"] for r in office.json("staff", "logs", "孙丽", "--month", "2026-03")] == ["整理救助台账"]
    assert office.json("audit", "verify")["ok"]


def test_the_agenda_asks_for_each_ended_months_summary(office, tmp_path):
    def owed():
        return [(i["subject"].rsplit(":", 1)[1], i["due"], i["overdue"])
                for i in office.json("agenda")["items"] if i["rule"] == "S28"]

    # served from 2025-12-10: December, January and February have ended; summaries due 5 days after
    assert owed() == [("2025-12", "2026-01-05", True), ("2026-01", "2026-02-05", True),
                      ("2026-02", "2026-03-05", True)]
    summary = tmp_path / "s.txt"
    summary.write_text("小结", encoding="utf-8")
    office.ok("staff", "summary", "孙丽", "--month", "2026-01", "--file", str(summary))
    assert [m for m, _, _ in owed()] == ["2025-12", "2026-02"]
    command = next(i for i in office.json("agenda")["items"] if i["rule"] == "S28")["command"]
    assert command == "juwei staff summary '孙丽' --month 2025-12 --file FILE"


def test_staff_refusals_leave_the_database_unchanged(office, tmp_path, unchanged):
    director, resident = office.people
    summary = tmp_path / "s.md"
    summary.write_text("小结", encoding="utf-8")
    office.ok("staff", "summary", "孙丽", "--month", "2026-01", "--file", str(summary))
    with unchanged():
        assert "never been on the staff" in office.fails("staff", "log", str(director), "--on", "2026-03-01",
                                                        "--text", "x")
        assert "no member" in office.fails("staff", "log", "周八", "--on", "2026-03-01", "--text", "x")
        assert "not on the staff" in office.fails("staff", "log", "孙丽", "--on", "2025-11-01", "--text", "x")
        assert "after today" in office.fails("staff", "log", "孙丽", "--on", "2026-04-01", "--text", "x")
        assert "--text" in office.fails("staff", "log", "孙丽", "--on", "2026-03-01", "--text", "  ")
        assert "already recorded" in office.fails("staff", "summary", "孙丽", "--month", "2026-01", "--file",
                                                  str(summary))
        assert "not ended" in office.fails("staff", "summary", "孙丽", "--month", "2026-03", "--file", str(summary))
        assert "--month" in office.fails("staff", "summary", "孙丽", "--month", "2026-13", "--file", str(summary))
        assert "--file" in office.fails("staff", "summary", "孙丽", "--month", "2026-02", "--file",
                                        str(tmp_path / "missing.md"))
        assert "never been on the staff" in office.fails("staff", "logs", str(director))


def test_gifts_in_fen_and_their_disclosure(office):
    director, resident = office.people
    new = office.json("gift", "add", "--to", str(director), "--offered-by", "某装修公司", "--what", "购物卡",
                      "--value", "¥1,500.50", "--on", "2026-01-10", "--handled", "returned", "--note", "当日退回")
    office.ok("gift", "add", "--to", "孙丽", "--offered-by", "居民", "--what", "土特产一箱", "--on", "2026-02-02",
              "--handled", "上交", "--note", "交居委会统一处理")
    rows = office.json("gift", "list")
    assert rows[0]["id"] == new["id"] and rows[0]["value_fen"] == 150050 and rows[0]["handled"] == "returned"
    assert rows[1]["value_fen"] is None and rows[1]["handled"] == "handed-in" and rows[1]["name"] == "孙丽"
    assert [r["id"] for r in office.json("gift", "list", "--period", "2026-02")] == [rows[1]["id"]]

    disclosure = office.json("disclose", "gifts", "--period", "2025-Q4")["id"]  # an empty quarter is posted too
    assert "本期无礼品登记" in office.json("disclose", "show", disclosure)["body"]
    office.ok("disclose", "add", "--category", "other", "--title", "x", "--body", "y")
    office.fails("disclose", "gifts", "--period", "2026-Q1")  # not over yet
    assert office.json("audit", "verify")["ok"]


def test_the_gift_register_body_in_both_languages(tmp_path, monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", "2026-04-02")
    for locale, expect in (("zh_CN", ("礼品登记", "某装修公司", "1,500.50", "退还", "共 1 件")),
                           ("en", ("gift register", "某装修公司", "1,500.50", "returned", "1 gift(s)"))):
        db = str(tmp_path / f"{locale}.db")  # one community per language: a file each, whatever the suite runs on
        from tests.conftest import Cli

        clerk = Cli(db)
        clerk.ok("init", "--name", "东城社区", "--code", "dc", "--locale", locale)
        clerk.ok("staff", "add", "--name", "孙丽", "--position", "welfare", "--from", "2025-12-10", "--disclosed")
        clerk.ok("gift", "add", "--to", "孙丽", "--offered-by", "某装修公司 13912345678", "--what", "购物卡",
                 "--value", "1500.5", "--on", "2026-01-10", "--handled", "returned", "--note", "当日退回，经手人王芳")
        row = clerk.json("disclose", "gifts", "--period", "2026-Q1")
        shown = clerk.json("disclose", "show", row["id"])
        assert shown["category"] == "gifts" and shown["subject"] == "gifts:2026-Q1"
        text = shown["title"] + shown["body"]
        for word in expect:
            assert word in text, (locale, word)
        assert "13912345678" not in text and "经手人" not in text  # scrubbed; notes stay off the board
        page = clerk.ok("disclose", "render", row["id"], "--format", "html")
        assert "购物卡" in page and "13912345678" not in page


def test_gift_refusals_leave_the_database_unchanged(office, unchanged):
    director, resident = office.people
    with unchanged():
        assert "holds no post" in office.fails("gift", "add", "--to", str(resident), "--offered-by", "x", "--what",
                                               "y", "--on", "2026-03-01", "--handled", "declined", "--note", "z")
        assert "--value" in office.fails("gift", "add", "--to", str(director), "--offered-by", "x", "--what", "y",
                                         "--value", "-5", "--on", "2026-03-01", "--handled", "declined",
                                         "--note", "z")
        assert "--note" in office.fails("gift", "add", "--to", str(director), "--offered-by", "x", "--what", "y",
                                        "--on", "2026-03-01", "--handled", "declined", "--note", " ")
        office.fails("gift", "add", "--to", str(director), "--offered-by", "x", "--what", "y", "--on", "2026-03-01",
                     "--handled", "kept", "--note", "z", code=2)


def test_chinese_output_shows_no_codes(office, tmp_path, monkeypatch):
    from juwei import i18n

    monkeypatch.setenv("COLUMNS", "250")
    director, _ = office.people
    office.ok("staff", "log", "孙丽", "--on", "2026-03-02", "--text", "整理救助台账")
    office.ok("gift", "add", "--to", str(director), "--offered-by", "某公司", "--what", "购物卡", "--value", "200",
              "--on", "2026-01-10", "--handled", "婉拒", "--note", "当场婉拒")
    try:
        for args in (("staff", "logs", "孙丽"), ("gift", "list"), ("agenda",)):
            out = office.ok("--lang", "zh_CN", *args)
            assert not leaks(out), (args, leaks(out))
        assert "婉拒" in office.ok("--lang", "zh_CN", "gift", "list")
    finally:
        i18n.set_language("en")
