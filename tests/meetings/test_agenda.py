"""`juwei agenda`: what is due from every domain in one list, soonest first, with the command that settles
each; `--days`, `--json`, `--ics` (read back with icalendar), both languages; the registry behind it.

Today is 2026-06-10 (the town's). The community's records begin on 2025-01-01, so a cadence missed in the
last period is overdue.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.meetings.conftest import TODAY, convene

LEDGER = ("日期,金额,收支,类别,摘要,凭证号\n"
          "2026-02-03,1000,收入,上级拨款,一季度经费,V001\n"
          "2026-03-10,150,支出,办公,文具,V002\n")


@pytest.fixture
def busy(town, tmp_path):
    """The town with one duty of every kind: cadences overdue (S4, S14), a met petition (S5), a finance
    account (S20) and a meeting notice (S25) owed to the board, an elected term ending soon (S3), a
    by-election whose voter register is not yet out and a recall not yet counted (S9), the half-year's
    evaluations (S17) and an admonition's monthly follow-up (S29), blind spots in the grid (S13) and a staff
    member's monthly summaries (S28)."""
    from sqlalchemy import create_engine, text

    from juwei.services import roster
    from juwei.services.scope import open_scope
    from juwei.storage.engine import database_url, open_store

    engine = create_engine(database_url(town.db))
    with engine.begin() as conn:
        conn.execute(text("UPDATE community SET created_at = '2025-01-01 00:00:00'"))
    engine.dispose()
    store = open_store(town.db)
    try:
        with open_scope(store, None, write=True) as sc:
            member = roster.add_member(sc, {"name": "丁四", "birth_date": "1960-01-01"}, household="H3").id
            roster.add_representative(sc, str(member), start=dt.date(2023, 8, 1), group="第二组")
    finally:
        store.dispose()
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    town.ok("ledger", "import", str(ledger))
    petition = town.json("petition", "open", "--topic", "讨论加装电梯")["id"]
    town.ok("petition", "sign", petition, town.ids["A1"])
    town.meeting = convene(town, kind="representatives")
    town.petition = petition
    town.ok("committee", "add", town.ids["A1"], "--role", "director", "--from", "2025-01-01")  # 1 of at least 5
    town.ok("election", "open", "--kind", "by-election", "--day", "2026-07-10", "--method", "voters")  # S9
    store = open_store(town.db)
    try:  # S9: a recall of the director, proposed by every voter on the roll today
        with open_scope(store, None, write=False) as sc:
            from juwei.services.recall import register_size

            voters = register_size(sc, "voters", sc.today)
    finally:
        store.dispose()
    town.ok("recall", "open", town.ids["A1"], "--proposers", voters, "--basis", "voters", "--reason", "失职")
    # S17: the evaluations of December and June are due; S29: an admonition of May wants June's follow-up
    town.ok("admonish", "open", town.ids["A1"], "--reason", "工作台账不全", "--on", "2026-05-20")
    town.ok("grid", "assign", town.ids["A1"], "--household", "H3")  # S13: the other households are blind spots
    town.ok("staff", "add", "--name", "孙丽", "--position", "welfare", "--from", "2026-04-01", "--disclosed")  # S28
    return town


def _due(item):
    return dt.date.fromisoformat(item["due"]) if item["due"] else None


def test_agenda_lists_every_domain_soonest_first(busy):
    from juwei.services.due import SOURCES

    report = busy.json("agenda")
    assert (report["on"], report["days"], report["community"]) == (TODAY, None, "dc")
    items = report["items"]
    assert {i["domain"] for i in items} == set(SOURCES)  # every registered domain contributes here
    assert set(items[0]) == {"rule", "domain", "subject", "what", "due", "overdue", "command"}
    by_subject = {i["subject"]: i for i in items}
    # S4: none held in the last half year (records begin 2025-01-01); the meeting convened for 06-15
    # counts for this one, so S4 is settled; the office meeting (S14a, monthly) is overdue.
    assert "meeting:residents/representatives" not in by_subject
    # S11: the town keeps no information collector, fewer than the seed's four
    assert (by_subject["sentiment:collectors"]["rule"], by_subject["sentiment:collectors"]["due"]) == ("S11", None)
    office = by_subject["meeting:office"]
    assert (office["rule"], office["due"], office["overdue"]) == ("S14a", "2026-06-30", True)
    assert office["command"].startswith("juwei meeting convene --kind office ")
    assert by_subject["meeting:report"]["command"].startswith(
        "juwei meeting convene --kind representatives --reason report ")
    petition = by_subject[f"petition:{busy.petition}"]
    assert (petition["rule"], petition["due"], petition["overdue"]) == ("S5", None, False)
    assert f"--reason petition:{busy.petition} " in petition["command"]
    finance = by_subject["finance:2026-Q1"]
    assert (finance["rule"], finance["overdue"], finance["command"]) == \
        ("S20", True, "juwei disclose finance --period 2026-Q1")
    notice = next(i for i in items if i["rule"] == "S25")
    assert (notice["due"], notice["overdue"], notice["command"]) == \
        ("2026-06-12", False, f"juwei disclose from-meeting {busy.meeting}")
    term = next(i for i in items if i["domain"] == "roster")
    assert (term["rule"], term["due"], term["overdue"]) == ("S3", "2026-07-31", False)
    assert term["command"] == "juwei rep add MEMBER --group 第二组 --from 2026-08-01"
    assert "丁四" in term["what"]
    voters = by_subject["election:1:voters"]  # the by-election's register is owed 20 days before polling day
    assert (voters["rule"], voters["due"], voters["overdue"], voters["command"]) == \
        ("S9", "2026-06-20", False, "juwei election voters 1")
    # Overdue first (oldest first), then what is due now without a date, then by date.
    overdue = [i for i in items if i["overdue"]]
    assert items[:len(overdue)] == overdue and overdue == sorted(overdue, key=_due)
    rest = items[len(overdue):]
    now = [i for i in rest if i["due"] is None]  # the petition (S5), the committee's vacancies (S9), collectors
    assert {i["rule"] for i in now} == {"S5", "S9", "S11", "S13"} and rest[:len(now)] == now  # (S11), blind spots
    summaries = [i for i in items if i["rule"] == "S28"]  # April and May have ended; due five days after
    assert [(i["due"], i["overdue"]) for i in summaries] == [("2026-05-05", True), ("2026-06-05", True)]
    assert summaries[0]["command"] == "juwei staff summary '孙丽' --month 2026-04 --file FILE"
    dated = rest[len(now):]
    assert [_due(i) for i in dated] == sorted(_due(i) for i in dated)
    assert [i["subject"] for i in dated][-1] == term["subject"]
    # A disclosure drafted but not posted: the command is to post it.
    draft = busy.json("disclose", "from-meeting", busy.meeting)["id"]
    notice = next(i for i in busy.json("agenda")["items"] if i["rule"] == "S25")
    assert notice["command"] == f"juwei disclose post {draft}"
    busy.ok("disclose", "post", draft)
    assert not [i for i in busy.json("agenda")["items"] if i["rule"] == "S25"]


def test_days_keeps_overdue_and_undated(busy):
    every = busy.json("agenda")["items"]
    near = busy.json("agenda", "--days", "3")
    assert near["days"] == 3
    kept = {i["subject"] for i in near["items"]}
    assert {i["subject"] for i in every if i["overdue"] or i["due"] is None} <= kept
    assert all(i["overdue"] or i["due"] is None or i["due"] <= "2026-06-13" for i in near["items"])
    assert any(i["rule"] == "S25" for i in near["items"])  # due 06-12
    assert not any(i["domain"] == "roster" for i in near["items"])  # 07-31
    assert any(i["domain"] == "roster" for i in busy.json("agenda", "--days", "51")["items"])
    assert not any(i["domain"] == "roster" for i in busy.json("agenda", "--days", "50")["items"])
    # As on another day: a month on, the notice's meeting is past and the term is near.
    later = busy.json("agenda", "--on", "2026-07-10", "--days", "30")["items"]
    assert any(i["domain"] == "roster" and not i["overdue"] for i in later)
    assert "usage" in busy.fails("agenda", "--days", "-1", code=2).lower()
    assert "--on" in busy.fails("agenda", "--on", "someday")


def test_ics_round_trip(busy, tmp_path):
    from icalendar import Calendar

    path = tmp_path / "agenda.ics"
    items = busy.json("agenda", "--ics", str(path))["items"]
    dated = [i for i in items if i["due"]]
    cal = Calendar.from_ical(path.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(dated) and len(dated) < len(items)  # the petition (no date) is not an event
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)
    for item in dated:
        event = by_uid[f"{item['subject']}@dc.juwei"]
        assert event.decoded("DTSTART") == dt.date.fromisoformat(item["due"])
        assert event.decoded("DTEND") == dt.date.fromisoformat(item["due"]) + dt.timedelta(days=1)
        assert str(event["SUMMARY"]).endswith(f"{item['rule']} {item['what']}")
        assert str(event["SUMMARY"]).startswith("overdue: ") == item["overdue"]
        assert item["command"] in str(event["DESCRIPTION"]) and item["rule"] in str(event["DESCRIPTION"])
    # Written again (a day later, once the notice is posted): the same UIDs, so a phone updates, not duplicates.
    with pytest.raises(AssertionError):
        busy.ok("agenda", "--ics", str(path))
    assert "--force" in busy.fails("agenda", "--ics", str(path))
    busy.ok("disclose", "post", busy.json("disclose", "from-meeting", busy.meeting)["id"])
    busy.monkeypatch.setenv("JUWEI_TODAY", "2026-06-11")
    out = busy.ok("agenda", "--ics", str(path), "--force")
    assert f"{len(dated) - 1} dated item(s) written to {path}" in out.replace("\n", "")
    again = {str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    assert again == set(by_uid) - {next(u for u in by_uid if ":notice:" in u)}
    assert "folder" in busy.fails("agenda", "--ics", str(tmp_path))
    assert "does not exist" in busy.fails("agenda", "--ics", str(tmp_path / "no" / "such.ics"))


def test_agenda_in_chinese(busy, tmp_path):
    path = tmp_path / "待办.ics"
    out = busy.ok("--lang", "zh_CN", "agenda", "--ics", str(path), env={"COLUMNS": "250"})
    assert "待办" in out and "逾期" in out and "juwei disclose finance --period 2026-Q1" in out
    from icalendar import Calendar

    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]
    assert any(s.startswith("逾期") and "办公会议" in s for s in summaries)
    items = busy.json("--lang", "zh_CN", "agenda")["items"]
    assert any("丁四" in i["what"] and "任期" in i["what"] for i in items)
    assert "--force" in busy.fails("--lang", "zh_CN", "agenda", "--ics", str(path))


def test_filtered_views_keep_their_json(busy):
    """`meeting due` and `disclose due` are the meetings' and the board's own views; their JSON is as before."""
    due = busy.json("meeting", "due")
    assert set(due) == {"today", "regular", "petitions", "routine"}
    assert set(due["regular"]) == {"kind", "rule", "cadence", "period_start", "period_end", "last",
                                   "convened_this_period", "due_by", "overdue"}
    assert due["petitions"] == [{"id": busy.petition, "topic": "讨论加装电梯", "signatures": 1, "required": 1}]
    board = busy.json("disclose", "due")
    assert set(board[0]) == {"rule", "subject", "title", "due", "period", "posted_on", "disclosure_id", "overdue",
                             "late", "status", "meeting_id", "lapses"}
    assert [o["subject"] for o in board] == [i["subject"] for i in sorted(
        (i for i in busy.json("agenda")["items"] if i["domain"] == "disclosure"),
        key=lambda i: (i["due"], i["rule"], i["subject"]))]
    # The agenda is those views and the rest: every item of theirs is on it.
    subjects = {i["subject"] for i in busy.json("agenda")["items"]}
    assert {f"meeting:{x['kind']}" for x in [due["regular"], *due["routine"]] if x["due_by"]} <= subjects


def test_registry_sources_resolve():
    from juwei.rules.due import DueItem
    from juwei.services.due import BOARD, SOURCES, resolve

    for entry in (*SOURCES.values(), *BOARD.values()):
        assert callable(resolve(entry)), entry
    assert DueItem.__dataclass_params__.frozen


def test_help_lists_agenda(cli):
    assert "agenda" in cli.ok("--help")
    assert "--ics" in cli.ok("agenda", "--help")


def test_numbers_in_topics_are_masked_unless_revealed(busy, tmp_path):
    from icalendar import Calendar

    phone = "138.1234.5678"
    petition = busy.json("petition", "open", "--topic", f"加装电梯 联系{phone}")["id"]
    busy.ok("petition", "sign", petition, busy.ids["A1"])
    for out in (busy.ok("agenda", env={"COLUMNS": "250"}), busy.ok("agenda", "--json")):
        assert "加装电梯 联系" in out and "1234" not in out
    assert phone in busy.ok("agenda", "--json", "--reveal")
    path = tmp_path / "a.ics"
    busy.ok("agenda", "--ics", str(path))
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]
    assert "1234" not in path.read_text(encoding="utf-8") and summaries
    # The masked agenda is the revealed one but for that number.
    masked, revealed = busy.json("agenda")["items"], busy.json("agenda", "--reveal")["items"]
    assert [i["subject"] for i in masked] == [i["subject"] for i in revealed]
    other = f"petition:{petition}"
    assert [i for i in masked if i["subject"] != other] == [i for i in revealed if i["subject"] != other]


def test_a_term_is_settled_by_its_successor(busy):
    def terms(*args):
        return [i for i in busy.json("agenda", *args)["items"] if i["domain"] == "roster"]

    # Not yet settled on the day after the term: overdue.
    lapsed = terms("--on", "2026-08-05")
    assert [(i["subject"], i["due"], i["overdue"]) for i in lapsed] == [("representative:4:term", "2026-07-31", True)]
    # Electing the successor from the day after (the command the agenda gave) settles it, before and after.
    busy.ok(*lapsed[0]["command"].replace("MEMBER", str(busy.ids["D2"])).split()[1:])
    assert terms() == [] and terms("--on", "2026-08-05") == []
