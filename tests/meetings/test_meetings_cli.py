"""Meetings through the CLI: convene, roll, sign-in, quorum, votes, tallies, close — and every refusal
leaves the database untouched."""

from __future__ import annotations

import json

import pytest

from tests.meetings.conftest import MEETING_AT, audit_actions, audit_events, convene, held

pytestmark = pytest.mark.storage


def names(cli, meeting):
    return [(r["seat"], r["name"]) for r in cli.json("meeting", "roll", meeting)]


# ---------------------------------------------------------------- bodies (S1, S2)

def test_adults_body_on_the_meeting_day(town):
    m = convene(town, kind="residents", at=MEETING_AT)
    roll = names(town, m)
    # 第一组: H1 甲一 甲二, H2 乙成年 (turns 18 that day); 第二组: H3 丙三, 丙恢复 (deprivation ended the day before).
    # Not: 乙未成年 (18 the next day), 乙剥夺 (deprived until that day, inclusive), 丙迁出 (moved out).
    assert [n for _, n in roll] == ["甲一", "甲二", "乙成年", "丙三", "丙恢复"]
    assert [s for s, _ in roll] == [1, 2, 3, 4, 5]


def test_the_same_people_a_day_later(town):
    m = convene(town, kind="residents", at="2026-06-16 09:00")
    assert "乙未成年" in [n for _, n in names(town, m)] and "乙剥夺" in [n for _, n in names(town, m)]


def test_households_body_one_seat_per_household(town):
    m = convene(town, "--body", "households", kind="residents")
    roll = town.json("meeting", "roll", m)
    assert [(r["household"], r["name"]) for r in roll] == [("H1", "甲一"), ("H2", ""), ("H3", "")]
    # Any adult of H2 may sign in for it; the roll records who did.
    held(town)
    town.ok("meeting", "checkin", m, "--member", town.ids["K1"])
    seat2 = town.json("meeting", "roll", m)[1]
    assert seat2["present"] and seat2["signed_in_by"] == town.ids["K1"]


def test_households_body_refuses_a_minor(town, unchanged):
    m = convene(town, "--body", "households", kind="residents")
    held(town)
    with unchanged():
        err = town.fails("meeting", "checkin", m, "--member", town.ids["K2"])
    assert "may not sign in for a household" in err


def test_groups_and_representatives_bodies(town):
    g = convene(town, "--body", "groups", kind="residents")
    r = convene(town)
    expected = [(1, "甲一"), (2, "甲二"), (3, "丙三")]
    assert names(town, g) == expected and names(town, r) == expected
    kinds = [x["rep_kind"] for x in town.json("meeting", "roll", r)]
    assert kinds == ["elected", "ex_officio", "elected"]


@pytest.mark.parametrize("args,message", [
    (("--kind", "representatives", "--body", "adults"), "formed by the serving representatives"),
    (("--kind", "residents", "--body", "representatives"), "residents' meeting is formed by"),
])
def test_kind_body_refusals(town, unchanged, args, message):
    with unchanged():
        err = town.fails("meeting", "convene", *args, "--at", MEETING_AT, "--place", "x", "--topic", "y")
    assert message in err


@pytest.mark.parametrize("args", [
    ("meeting", "convene", "--kind", "assembly", "--at", MEETING_AT, "--place", "x", "--topic", "y"),
    ("meeting", "convene", "--kind", "residents", "--body", "everyone", "--at", MEETING_AT, "--place", "x",
     "--topic", "y"),
    ("meeting", "list", "--status", "bogus"),
    ("motion", "add", "1", "--title", "x", "--kind", "wish"),
    ("disclose", "list", "--status", "pinned"),
])
def test_a_code_that_is_not_one_is_a_usage_error(town, unchanged, args):
    """Codes are enums the command line checks: `meeting list --status bogus` printed an empty list."""
    with unchanged():
        err = town.fails(*args, code=2)
    assert "Invalid value" in err


def test_empty_topic_and_bad_time_refused(town, unchanged):
    with unchanged():
        assert "at least one --topic" in town.fails("meeting", "convene", "--kind", "residents", "--at", MEETING_AT,
                                                     "--place", "x", "--topic", " ")
        assert "--at" in town.fails("meeting", "convene", "--kind", "residents", "--at", "2026-06-15",
                                    "--place", "x", "--topic", "y")
        assert "--place is required" in town.fails("meeting", "convene", "--kind", "residents", "--at", MEETING_AT,
                                                   "--place", " ", "--topic", "y")


# ---------------------------------------------------------------- notice (S6)

def test_short_notice_refused_with_the_earliest_date(town, unchanged):
    with unchanged():
        err = town.fails("meeting", "convene", "--kind", "residents", "--at", "2026-06-12 09:00", "--place", "x",
                         "--topic", "y")
    assert "earliest allowed meeting date is 2026-06-13" in err
    m = convene(town, kind="residents", at="2026-06-13 09:00")
    assert town.json("meeting", "show", m)["noticed_on"] == "2026-06-10"


def test_noticed_on_and_urgent(town, unchanged):
    with unchanged():
        assert "earliest allowed meeting date is 2026-06-17" in town.fails(
            "meeting", "convene", "--kind", "residents", "--at", MEETING_AT, "--place", "x", "--topic", "y",
            "--noticed-on", "2026-06-14", env={"JUWEI_TODAY": "2026-06-14"})
        assert "after the meeting date" in town.fails(
            "meeting", "convene", "--kind", "residents", "--at", MEETING_AT, "--place", "x", "--topic", "y",
            "--noticed-on", "2026-06-16", "--urgent", "flood", env={"JUWEI_TODAY": "2026-06-16"})
    m = convene(town, "--urgent", "暴雨后紧急处置", kind="residents", at="2026-06-11 09:00")
    assert town.json("meeting", "show", m)["urgent_reason"] == "暴雨后紧急处置"
    assert "暴雨后紧急处置" in town.ok("meeting", "minutes", m)


def test_notice_days_come_from_the_rules(town):
    town.ok("rules", "set", "notice_days", "7", "--from", "2026-01-01")
    assert "earliest allowed meeting date is 2026-06-17" in town.fails(
        "meeting", "convene", "--kind", "residents", "--at", MEETING_AT, "--place", "x", "--topic", "y")


# ---------------------------------------------------------------- signing in, quorum (S7)

def test_checkin_quorum_and_refusals(town, unchanged):
    m = convene(town, kind="residents")  # 5 adults: quorum is 3
    held(town)
    assert town.json("meeting", "quorum", m) == {"body_size": 5, "present": 0, "required": 3, "quorate": False}
    town.ok("meeting", "checkin", m, "1", "2")
    assert "1 more must sign in" in town.ok("meeting", "quorum", m)
    with unchanged():
        assert "seat 2 (甲二) is already signed in" in town.fails("meeting", "checkin", m, "2-3")
        assert "seat 6 is not on the roll (seats 1–5)" in town.fails("meeting", "checkin", m, "4-6")
        assert "runs backwards" in town.fails("meeting", "checkin", m, "5-3")
        assert "is not a seat number" in town.fails("meeting", "checkin", m, "three")
        assert "is not on the roll of meeting" in town.fails("meeting", "checkin", m, "--member", town.ids["K2"])
        assert "give seats" in town.fails("meeting", "checkin", m)
        assert "--except goes with --all" in town.fails("meeting", "checkin", m, "3", "--except", "4")
        assert "seat 4 is not signed in" in town.fails("meeting", "checkout", m, "4")
    town.ok("meeting", "checkin", m, "--member", town.ids["B1"])  # 丙三 sits at seat 4
    assert town.json("meeting", "quorum", m)["quorate"]
    town.ok("meeting", "checkout", m, "1")
    assert town.json("meeting", "quorum", m)["present"] == 2
    town.ok("meeting", "checkin", m, "1")  # back after leaving
    town.ok("meeting", "checkin", m, "--all", "--except", "5")
    assert town.json("meeting", "quorum", m)["present"] == 4
    town.ok("meeting", "checkin", m, "--all")  # seat 5 only
    assert town.json("meeting", "quorum", m)["present"] == 5
    with unchanged():
        assert "already signed in" in town.fails("meeting", "checkin", m, "--all")


def test_double_sign_in_is_impossible_at_the_database(town):
    """The unique constraint stops a second attendance row for a seat, whoever writes it."""
    from sqlalchemy import create_engine, insert
    from sqlalchemy.exc import IntegrityError

    from juwei.storage.engine import database_url
    from juwei.storage.models import Attendance

    m = convene(town, kind="residents")
    held(town)
    town.ok("meeting", "checkin", m, "1")
    engine = create_engine(database_url(town.db))
    try:
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert(Attendance).values(meeting_id=m, seat=1))
    finally:
        engine.dispose()


def test_double_vote_is_impossible_at_the_database(town):
    from sqlalchemy import create_engine, insert
    from sqlalchemy.exc import IntegrityError

    from juwei.storage.engine import database_url
    from juwei.storage.models import Ballot

    m = convene(town, kind="residents")
    held(town)
    town.ok("meeting", "checkin", m, "1-3")
    motion = town.json("motion", "add", m, "--title", "x")["id"]
    town.ok("vote", "cast", motion, "1", "--choice", "for")
    engine = create_engine(database_url(town.db))
    try:
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert(Ballot).values(motion_id=motion, seat=1, choice="against"))
    finally:
        engine.dispose()


def test_messages_in_chinese(town, unchanged):
    with unchanged():
        err = town.fails("--lang", "zh_CN", "meeting", "convene", "--kind", "residents", "--at", "2026-06-12 09:00",
                         "--place", "x", "--topic", "y")
    assert "通知时间不足（S6）" in err and "2026-06-13" in err


# ---------------------------------------------------------------- motions and votes (S8)

def quorate_meeting(cli, *seats):
    m = convene(cli, kind="residents")
    held(cli)
    cli.ok("meeting", "checkin", m, *(seats or ("1-4",)))
    return m


def test_counted_vote_and_tally(town, unchanged):
    m = quorate_meeting(town)
    motion = town.json("motion", "add", m, "--title", "年度工作计划", "--kind", "plan")["id"]
    with unchanged():
        assert "only 4 present" in town.fails("vote", "count", motion, "--for", "3", "--against", "1",
                                              "--abstain", "1")
        assert "no votes are recorded" in town.fails("vote", "tally", motion)
        assert "Invalid value" in town.fails("motion", "add", m, "--title", "x", "--kind", "law", code=2)
    town.ok("vote", "count", motion, "--for", "3", "--against", "1", "--abstain", "0")
    tally = town.json("vote", "tally", motion)
    # S8: 3 of 4 present ≥ 2/3 (3 needed).
    assert tally == {"present": 4, "for": 3, "against": 1, "abstain": 0, "not_voting": 0, "required": 3,
                     "passed": True, "rule": ">=2/3 of present"}
    town.ok("vote", "count", motion, "--for", "2", "--against", "0", "--abstain", "2")  # a recount
    assert town.json("vote", "tally", motion)["passed"] is False
    rows = town.json("motion", "list", m)
    assert rows[0]["method"] == "count" and rows[0]["tally"]["for"] == 2 and rows[0]["final"] is False


def test_roll_call(town, unchanged):
    m = quorate_meeting(town, "1-4")
    motion = town.json("motion", "add", m, "--title", "增设停车位")["id"]
    town.ok("vote", "cast", motion, "1", "2", "--choice", "for")
    with unchanged():
        assert "seat 2 has already voted" in town.fails("vote", "cast", motion, "2-3", "--choice", "against")
        assert "seat 5 is not present" in town.fails("vote", "cast", motion, "5", "--choice", "for")
        err = town.fails("vote", "cast", motion, "3", "--choice", "yes", code=2)  # a usage error
        assert "'--choice'" in err and "'yes' is not one of for, against, abstain" in " ".join(err.split())
        assert "one motion is voted one way" in town.fails("vote", "count", motion, "--for", "1", "--against", "0")
    town.ok("vote", "cast", motion, "3", "--choice", "abstain")
    tally = town.json("vote", "tally", motion)
    # 2 for of 4 present: 3 needed; the abstention and the silent seat count against (S8).
    assert tally == {"present": 4, "for": 2, "against": 0, "abstain": 1, "not_voting": 1, "required": 3,
                     "passed": False, "rule": ">=2/3 of present"}
    ballots = town.json("vote", "ballots", motion)
    assert [(b["seat"], b["choice"]) for b in ballots] == [(1, "for"), (2, "for"), (3, "abstain")]


def test_votes_refused_without_quorum(town, unchanged):
    m = quorate_meeting(town, "1-2")
    motion = town.json("motion", "add", m, "--title", "x")["id"]
    with unchanged():
        assert "has no quorum (S7): 2 present of 5, 3 needed" in town.fails(
            "vote", "count", motion, "--for", "2", "--against", "0")
        assert "has no quorum" in town.fails("vote", "cast", motion, "1", "--choice", "for")
        assert "has no quorum" in town.fails("vote", "tally", motion)


def test_present_is_fixed_when_the_vote_opens(town):
    m = quorate_meeting(town, "1-4")
    motion = town.json("motion", "add", m, "--title", "x")["id"]
    town.ok("vote", "cast", motion, "1-3", "--choice", "for")
    town.ok("meeting", "checkout", m, "4")
    assert town.json("vote", "tally", motion)["present"] == 4


def test_close_makes_tallies_final(town, unchanged):
    m = quorate_meeting(town)
    a = town.json("motion", "add", m, "--title", "通过")["id"]
    b = town.json("motion", "add", m, "--title", "未通过")["id"]
    c = town.json("motion", "add", m, "--title", "未表决")["id"]
    town.ok("vote", "count", a, "--for", "4", "--against", "0")
    town.ok("vote", "cast", b, "1", "--choice", "for")
    town.ok("vote", "cast", b, "2-4", "--choice", "against")
    before = (town.json("vote", "tally", a), town.json("vote", "tally", b))
    result = town.json("meeting", "close", m, "--chair", "甲一", "--recorder", "甲二")
    assert [x["tally"] for x in result["motions"]] == [*before, None]
    assert (town.json("vote", "tally", a), town.json("vote", "tally", b)) == before
    with unchanged():
        assert "is closed" in town.fails("vote", "count", c, "--for", "4", "--against", "0")
        assert "is closed" in town.fails("vote", "cast", c, "1", "--choice", "for")
        assert "is closed" in town.fails("meeting", "checkin", m, "5")
        assert "is closed" in town.fails("meeting", "close", m)
        assert "is closed" in town.fails("motion", "add", m, "--title", "late")
        assert "is closed" in town.fails("meeting", "cancel", m, "--reason", "x")
    view = town.json("meeting", "show", m)
    assert (view["status"], view["chair"], view["recorder"]) == ("closed", "甲一", "甲二")
    assert all(x["final"] for x in view["motions"])


def test_snapshot_survives_roster_and_rules_changes(town):
    m = quorate_meeting(town, "1-3")
    motion = town.json("motion", "add", m, "--title", "x")["id"]
    town.ok("vote", "count", motion, "--for", "2", "--against", "1")
    roll_before = town.json("meeting", "roll", m)
    # A new adult moves in, someone leaves, the quorum and pass rules change from before the meeting.
    town.ok("member", "add", "--name", "新来", "--birth-date", "1990-01-01", "--household", "H1")
    town.ok("member", "leave", town.ids["B1"], "--on", "2026-06-10")  # today: a move is not recorded ahead
    town.ok("rules", "set", "quorum", ">=3/4", "--from", "2026-01-01")
    town.ok("rules", "set", "pass_threshold", ">=3/4", "--from", "2026-01-01")
    assert town.json("meeting", "roll", m) == roll_before
    assert town.json("meeting", "quorum", m) == {"body_size": 5, "present": 3, "required": 3, "quorate": True}
    assert town.json("vote", "tally", motion)["passed"] is True  # 2 of 3 under the snapshot's >=2/3
    assert town.json("meeting", "show", m)["rules"]["quorum"] == ">1/2"
    # A meeting convened now takes the new rules.
    m2 = convene(town, kind="residents")
    assert town.json("meeting", "quorum", m2)["required"] == 4  # ≥ 3/4 of 5


# ---------------------------------------------------------------- reschedule, cancel, minutes, routine kinds

def test_reschedule_and_cancel(town, unchanged):
    m = convene(town, kind="residents")
    with unchanged():
        assert "earliest allowed meeting date is 2026-06-13" in town.fails("meeting", "reschedule", m, "--at",
                                                                           "2026-06-12 10:00")
    town.ok("meeting", "reschedule", m, "--at", "2026-06-16 10:00")
    assert len(town.json("meeting", "roll", m)) == 7  # the body is taken afresh for the new date
    held(town, "2026-06-16")
    town.ok("meeting", "checkin", m, "1")
    with unchanged():
        assert "has already started" in town.fails("meeting", "reschedule", m, "--at", "2026-06-20 10:00")
        assert "--reason must say why" in town.fails("meeting", "cancel", m, "--reason", " ")
    town.ok("meeting", "cancel", m, "--reason", "停电")
    with unchanged():
        assert "was cancelled (停电)" in town.fails("meeting", "checkin", m, "2")
        assert "no meeting 99" in town.fails("meeting", "show", "99")
    assert town.json("meeting", "list", "--status", "cancelled")[0]["id"] == m


def test_minutes_and_summary(town):
    m = quorate_meeting(town)
    note = town.json("meeting", "minutes", m, "--add", "主持人宣布会议开始")["id"]
    town.ok("meeting", "minutes", m, "--summary", "会议纪要")
    record = town.json("meeting", "minutes", m)
    assert record["notes"][0]["id"] == note and record["notes"][0]["text"] == "主持人宣布会议开始"
    assert record["meeting"]["summary"] == "会议纪要" and len(record["attendance"]) == 5


def test_routine_meeting_needs_minutes_not_quorum(town, unchanged):
    m = convene(town, kind="office", at="2026-06-10 09:00")
    assert town.json("meeting", "quorum", m) == {"body_size": 0, "present": 0, "required": 0, "quorate": True}
    with unchanged():
        assert "keeps minutes (S15)" in town.fails("meeting", "close", m)
    town.ok("meeting", "minutes", m, "--add", "布置本月工作")
    town.ok("meeting", "close", m)


def test_every_write_is_audited(town):
    start = len(audit_actions(town.db))
    m = quorate_meeting(town, "1-4")
    a = town.json("motion", "add", m, "--title", "a")["id"]
    b = town.json("motion", "add", m, "--title", "b")["id"]
    town.ok("vote", "count", a, "--for", "4", "--against", "0")
    town.ok("vote", "cast", b, "1-2", "--choice", "for")
    town.ok("meeting", "checkout", m, "4")
    town.ok("meeting", "minutes", m, "--add", "x")
    town.ok("meeting", "close", m)
    # the audit trail's commit-time check adds one event per row written in bulk (db.insert/update/delete)
    everything = audit_actions(town.db)[start:]
    actions = [a for a in everything if not a.startswith("db.")]
    assert actions == ["meeting.roll", "meeting.convene", "meeting.checkin", "motion.add", "motion.add",
                       "vote.count", "vote.open", "vote.cast", "meeting.checkout", "meeting.minutes",
                       "motion.final", "motion.final", "meeting.close", "meeting.seal"]
    assert everything.count("db.insert") == 5 + 2 + 4  # seats, ballots, sign-ins
    town.ok("audit", "verify")
    sealed = json.loads(next(e for e in audit_events(town.db) if e[0] == "meeting.seal")[2])
    assert sealed["entities"] == sorted([f"motion:{a}", f"motion:{b}", f"meeting:{m}"]) and sealed["entities_digest"]
    events = audit_events(town.db)
    checkin = next(e for e in events if e[0] == "meeting.checkin")
    assert checkin[1] == f"meeting:{m}" and json.loads(checkin[2])["seats"] == "1-4"
    cast = next(e for e in events if e[0] == "vote.cast")
    assert json.loads(cast[2])["seats"] == "1-2" and json.loads(cast[2])["choice"] == "for"
    roll = [e for e in events if e[0] == "meeting.roll"][-1]
    assert json.loads(roll[2])["seats"] == 5 and len(json.loads(roll[2])["sha256"]) == 64


# ---------------------------------------------------------------- petitions (S5) and what is due (S4, S14)

def test_petition_and_due(town, unchanged):
    due = town.json("meeting", "due")
    assert due["regular"]["due_by"] == "2026-06-30" and due["petitions"] == []
    p = town.json("petition", "open", "--topic", "讨论加装电梯")["id"]
    with unchanged():
        assert "not a serving representative" in town.fails("petition", "sign", p, town.ids["K1"])
        assert "petition 1 has 0 of the 1 signatures" in town.fails(
            "meeting", "convene", "--kind", "representatives", "--at", MEETING_AT, "--place", "x", "--topic", "y",
            "--reason", "petition:1")
    town.ok("petition", "sign", p, town.ids["A1"])
    with unchanged():
        assert "already signed" in town.fails("petition", "sign", p, town.ids["A1"])
    shown = town.json("petition", "show", p)
    # 3 serving representatives: ≥ 1/5 of 3 needs 1.
    assert (shown["base"], shown["base_size"], shown["required"], shown["signatures"], shown["met"]) == \
        ("representatives", 3, 1, 1, True)
    assert town.json("meeting", "due")["petitions"] == [{"id": p, "topic": "讨论加装电梯", "signatures": 1,
                                                         "required": 1}]
    m = convene(town, "--reason", f"petition:{p}")
    assert town.json("petition", "show", p)["meeting_id"] == m
    due = town.json("meeting", "due")
    assert due["petitions"] == [] and due["regular"]["convened_this_period"] is True
    office = next(x for x in due["routine"] if x["kind"] == "office")
    assert (office["cadence"], office["due_by"], office["rule"]) == ("monthly", "2026-06-30", "S14a")


def test_help_lists_meeting_commands(cli):
    out = cli.ok("--help")
    for name in ("meeting", "motion", "vote", "petition"):
        assert name in out


def test_two_processes_signing_in_the_same_seat(town):
    """Two clerks' processes sign in seat 1 at the same moment: one succeeds, the other is told the seat is
    signed in already, and the database holds one attendance row."""
    import os
    import subprocess
    import sys

    from sqlalchemy import create_engine, text

    from juwei.storage.engine import database_url

    m = convene(town, kind="residents")
    motion_meeting = quorate_meeting(town, "1-3")
    motion = town.json("motion", "add", motion_meeting, "--title", "x")["id"]
    env = {**os.environ, "JUWEI_DB": town.db, "JUWEI_LANG": "en"}

    def race(*args):
        procs = [subprocess.Popen([sys.executable, "-m", "juwei", *map(str, args)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        return sorted((p.wait(timeout=120), p.stderr.read()) for p in procs)

    (ok, _), (refused, err) = race("meeting", "checkin", m, "1")
    assert (ok, refused) == (0, 1) and "already signed in" in err
    (ok, _), (refused, err) = race("vote", "cast", motion, "2", "--choice", "for")
    assert (ok, refused) == (0, 1) and "already voted" in err
    engine = create_engine(database_url(town.db))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM attendance WHERE meeting_id = :m"), {"m": m}).scalar() == 1
            assert conn.execute(text("SELECT count(*) FROM ballot WHERE motion_id = :m"), {"m": motion}).scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize("args,message", [
    (("meeting", "show", "9"), "no meeting 9"),
    (("meeting", "quorum", "9"), "no meeting 9"),
    (("meeting", "checkin", "9", "1"), "no meeting 9"),
    (("motion", "add", "9", "--title", "x"), "no meeting 9"),
    (("motion", "list", "9"), "no meeting 9"),
    (("vote", "count", "9", "--for", "1", "--against", "0"), "no motion 9"),
    (("vote", "cast", "9", "1", "--choice", "for"), "no motion 9"),
    (("vote", "tally", "9"), "no motion 9"),
    (("petition", "show", "9"), "no petition 9"),
    (("petition", "sign", "9", "1"), "no petition 9"),
    (("petition", "open", "--topic", " "), "--topic must say"),
    (("meeting", "convene", "--kind", "residents", "--at", MEETING_AT, "--place", "x", "--topic", "y",
      "--reason", "petition:9"), "no petition 9"),
])
def test_refusals_leave_the_database_unchanged(town, unchanged, args, message):
    with unchanged():
        assert message in town.fails(*args)


def test_more_refusals_on_a_meeting(town, unchanged):
    m = quorate_meeting(town)
    motion = town.json("motion", "add", m, "--title", "x")["id"]
    with unchanged():
        assert "--add needs the text" in town.fails("meeting", "minutes", m, "--add", " ")
        assert "--for must be 0 or more" in town.fails("vote", "count", motion, "--for", "-1", "--against", "0")
        assert "--title is required" in town.fails("motion", "add", m, "--title", " ")
    town.ok("meeting", "close", m)
    with unchanged():
        assert "is closed" in town.fails("meeting", "reschedule", m, "--at", "2026-06-20 10:00")
        assert "is closed" in town.fails("meeting", "checkout", m, "1")
