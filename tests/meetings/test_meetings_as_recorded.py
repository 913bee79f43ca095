"""What juwei records about a meeting must be true (issue 10, items 4–7 and 13): a meeting is held on its
day, a missed notice stays missed, closed minutes are final (corrections are dated addenda), times are
the community's local time, and a notice date is never in the future."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.meetings.conftest import MEETING_AT, TODAY, audit_events, convene, held

pytestmark = pytest.mark.storage


def _closed_meeting(cli, *, kind: str = "residents") -> int:
    """A meeting held on its day, a motion passed, minutes and summary taken, closed."""
    m = convene(cli, kind=kind)
    held(cli)
    cli.ok("meeting", "checkin", m, "1-4" if kind == "residents" else "1-3")
    motion = cli.json("motion", "add", m, "--title", "通过2027年社区公益金使用计划")["id"]
    cli.ok("vote", "count", motion, "--for", "3", "--against", "0")
    cli.ok("meeting", "minutes", m, "--add", "主持人宣布会议开始")
    cli.ok("meeting", "minutes", m, "--summary", "会议通过公益金使用计划")
    cli.ok("meeting", "close", m)
    return m


# ---------------------------------------------------------------- item 4: held on its day, not before

def test_nothing_after_convening_happens_before_the_meeting_day(town, unchanged):
    m = convene(town, kind="residents")  # today 2026-06-10, the meeting on 2026-06-15
    town.ok("motion", "add", m, "--title", "议程")  # the agenda may be prepared beforehand
    with unchanged():
        for args in (("meeting", "checkin", m, "1"), ("meeting", "checkin", m, "--all"),
                     ("meeting", "minutes", m, "--add", "x"), ("meeting", "minutes", m, "--summary", "x"),
                     ("meeting", "close", m), ("vote", "count", "1", "--for", "1", "--against", "0"),
                     ("vote", "cast", "1", "1", "--choice", "for")):
            err = town.fails(*args)
            assert "is held on 2026-06-15 and today is 2026-06-10" in err, (args, err)
    held(town, "2026-06-14")  # the day before is still too early
    with unchanged():
        assert "held on 2026-06-15" in town.fails("meeting", "checkin", m, "1")
    held(town)
    town.ok("meeting", "checkin", m, "1-3")


def test_a_meeting_moved_earlier_is_rescheduled_then_held(town, unchanged):
    m = convene(town, kind="residents")
    held(town, "2026-06-13")
    with unchanged():
        assert "held on 2026-06-15" in town.fails("meeting", "checkin", m, "1")
    # moved two days earlier: notice given on the 10th still covers the 13th (S6: 3 days)
    out = town.ok("meeting", "reschedule", m, "--at", "2026-06-13 09:00", "--noticed-on", TODAY)
    assert "moved to 2026-06-13 09:00" in out
    town.ok("meeting", "checkin", m, "1-3")
    moved = [e for e in audit_events(town.db) if e[0] == "meeting.reschedule"]
    assert len(moved) == 1 and json.loads(moved[0][2])["at"].startswith("2026-06-13")
    with unchanged():
        assert "has already started" in town.fails("meeting", "reschedule", m, "--at", "2026-06-20 09:00",
                                                   "--noticed-on", "2026-06-13")


def test_reschedule_checks_notice_and_refuses_a_closed_meeting(town, unchanged):
    m = convene(town, kind="residents")
    with unchanged():
        assert "earliest allowed meeting date is 2026-06-13" in town.fails(
            "meeting", "reschedule", m, "--at", "2026-06-12 09:00")
    m2 = _closed_meeting(town)
    with unchanged():
        assert "is closed" in town.fails("meeting", "reschedule", m2, "--at", "2026-06-20 09:00",
                                         "--noticed-on", "2026-06-15")


# ---------------------------------------------------------------- item 13: no notice from the future

def test_a_notice_date_after_today_is_refused(town, unchanged):
    with unchanged():
        err = town.fails("meeting", "convene", "--kind", "residents", "--at", "2026-06-20 09:00", "--place", "x",
                         "--topic", "y", "--noticed-on", "2026-06-11")
        assert "--noticed-on 2026-06-11 is after today (2026-06-10)" in err
        assert "cannot have been posted in the future" in err
    m = convene(town, kind="residents")
    with unchanged():
        assert "after today" in town.fails("meeting", "reschedule", m, "--at", "2026-06-20 09:00",
                                           "--noticed-on", "2026-06-12")
    # the day itself is a notice already given
    town.ok("meeting", "reschedule", m, "--at", "2026-06-20 09:00", "--noticed-on", TODAY)


# ---------------------------------------------------------------- item 5: a missed notice stays missed

def test_closing_a_meeting_keeps_its_missed_notice_on_the_record(town, unchanged):
    m = convene(town)  # a representatives' meeting owes a notice on the board before it (S25)
    due = town.json("disclose", "due")
    assert [(o["rule"], o["meeting_id"], o["status"]) for o in due] == [("S25", m, "open")]
    _hold_and_close(town, m)
    held(town, "2026-06-16")
    notices = [o for o in town.json("disclose", "due", "--all") if o["subject"].startswith(f"meeting:{m}:notice")]
    assert [(o["rule"], o["meeting_id"], o["status"], o["posted_on"]) for o in notices] == \
        [("S25", m, "missed", None)]
    assert f"meeting {m}" in notices[0]["title"]
    assert "missed" in town.ok("disclose", "due", "--all")
    # missed is final: it is not a task on the open list, and it cannot be posted after the meeting
    assert not [o for o in town.json("disclose", "due") if o["subject"].startswith(f"meeting:{m}:notice")]


def test_a_notice_posted_in_time_is_done_after_close(town):
    m = convene(town)
    town.ok("disclose", "post", town.json("disclose", "from-meeting", m)["id"])
    _hold_and_close(town, m)
    held(town, "2026-06-16")
    notices = [o for o in town.json("disclose", "due", "--all") if o["subject"].startswith(f"meeting:{m}:notice")]
    assert [(o["status"], o["posted_on"]) for o in notices] == [("done", TODAY)]


def _hold_and_close(cli, m: int) -> None:
    held(cli)
    cli.ok("meeting", "checkin", m, "--all")
    cli.ok("meeting", "minutes", m, "--add", "会议开始")
    cli.ok("meeting", "close", m)


# ---------------------------------------------------------------- item 6: closed minutes are final

def test_closed_minutes_are_final_and_corrections_are_addenda(town, unchanged, tmp_path):
    m = _closed_meeting(town)
    with unchanged():
        for args in (("--summary", "改写的纪要"), ("--add", "补记一条")):
            err = town.fails("meeting", "minutes", m, *args)
            assert "is closed and its minutes are final" in err and "--addendum" in err
        assert "--addendum needs the text" in town.fails("meeting", "minutes", m, "--addendum", " ")
        assert "does not go with" in town.fails("meeting", "minutes", m, "--addendum", "x", "--add", "y")
    held(town, "2026-06-17")
    note = town.json("meeting", "minutes", m, "--addendum", "第2项议题应为“增设充电桩”")["id"]
    record = town.json("meeting", "minutes", m)
    assert record["meeting"]["summary"] == "会议通过公益金使用计划"
    assert [n["text"] for n in record["notes"]] == ["主持人宣布会议开始"]
    assert [(n["id"], n["kind"]) for n in record["addenda"]] == [(note, "addendum")]
    event = [e for e in audit_events(town.db) if e[0] == "meeting.addendum"]
    assert len(event) == 1 and json.loads(event[0][2])["kind"] == "addendum"
    assert "Addendum of" in town.ok("meeting", "minutes", m) and "增设充电桩" in town.ok("meeting", "minutes", m)
    for lang, fmt, heading in (("zh_CN", "md", "闭会后补正"), ("zh_CN", "html", "闭会后补正"),
                               ("en", "md", "Addenda after closing"), ("en", "html", "Addenda after closing")):
        text = town.ok("notice", "render", m, "--doc", "minutes", "--lang", lang, "--format", fmt)
        assert heading in text and "增设充电桩" in text, (lang, fmt)
        # printed after the record sealed at closing, with its date (the community's day it was added)
        assert text.index(heading) > text.index("juwei-seal:")
    zh = town.ok("notice", "render", m, "--doc", "minutes", "--format", "md")
    en = town.ok("notice", "render", m, "--doc", "minutes", "--lang", "en", "--format", "md")
    today = dt.date.today()  # the addendum's row is stamped by the clock, not JUWEI_TODAY
    assert any(f"{d.year}年{d.month}月{d.day}日补正" in zh for d in (today, today - dt.timedelta(days=1),
                                                                  today + dt.timedelta(days=1)))
    assert "Addendum of" in en


def test_an_addendum_needs_a_closed_meeting(town, unchanged):
    m = convene(town, kind="residents")
    held(town)
    with unchanged():
        assert "not closed yet" in town.fails("meeting", "minutes", m, "--addendum", "x")
    town.ok("meeting", "cancel", m, "--reason", "停电")
    with unchanged():
        assert "was cancelled" in town.fails("meeting", "minutes", m, "--addendum", "x")


# ---------------------------------------------------------------- item 7: the community's local time

def _sign_in_at(cli, monkeypatch, instant: dt.datetime) -> int:
    import juwei.services.meetings as meetings
    import juwei.storage.models.base as base

    m = convene(cli, kind="residents")
    held(cli)
    monkeypatch.setattr(meetings, "utcnow", lambda: instant)  # the sign-in's clock
    monkeypatch.setattr(base, "utcnow", lambda: instant)  # the audit trail's
    cli.ok("meeting", "checkin", m, "1")
    return m


def test_sign_in_times_show_in_the_community_time(town, monkeypatch):
    # 05:24 on the meeting day in Shanghai is 21:24 UTC the day before
    m = _sign_in_at(town, monkeypatch, dt.datetime(2026, 6, 14, 21, 24, tzinfo=dt.UTC))
    roll = town.ok("meeting", "roll", m)
    assert "05:24" in roll and "21:24" not in roll
    stored = town.json("meeting", "roll", m)[0]["checked_in_at"]
    assert dt.datetime.fromisoformat(stored) == dt.datetime(2026, 6, 14, 21, 24, tzinfo=dt.UTC)  # unambiguous
    log = [line for line in town.ok("audit", "log", "--entity", f"meeting:{m}").splitlines()
           if "meeting.checkin" in line]
    assert len(log) == 1 and "2026-06-15 05:24:00" in log[0]
    # and the times inside what an event recorded (the sign-in's checked_in_at)
    changes = town.ok("audit", "log", "--entity", f"meeting:{m}").split("meeting.checkin", 1)[1]
    assert "checked_in_at: 2026-06-15 05:24:00" in changes and "21:24" not in changes
    # "events since the 15th" starts at the community's midnight, not Greenwich's
    assert "meeting.checkin" in town.ok("audit", "log", "--since", "2026-06-15")
    assert "meeting.checkin" not in town.ok("audit", "log", "--since", "2026-06-16")
    town.ok("community", "set", "timezone", "Asia/Urumqi")  # UTC+6
    assert "03:24" in town.ok("meeting", "roll", m)
    assert town.json("community", "show")["timezone"] == "Asia/Urumqi"


def test_the_time_zone_is_chosen_at_init_and_validated(cli, unchanged):
    with unchanged():
        assert "time zone 'Mars/Olympus' is not known" in cli.fails("init", "--name", "x", "--timezone",
                                                                    "Mars/Olympus")
    cli.ok("init", "--name", "乌鲁木齐社区", "--timezone", "Asia/Urumqi")
    assert cli.json("community", "show")["timezone"] == "Asia/Urumqi"
    with unchanged():
        assert "is not known" in cli.fails("community", "set", "timezone", "../etc/passwd")
        assert "not a community setting" in cli.fails("community", "set", "name", "y")
    cli.ok("community", "set", "timezone", "Asia/Shanghai")
    assert any(e[0] == "community.set" for e in audit_events(cli.db))


def test_the_default_zone_and_the_clerks_day():
    from juwei.rules import clock

    late_utc = dt.datetime(2026, 6, 14, 21, 24, tzinfo=dt.UTC)
    assert clock.local_today(None, late_utc) == dt.date(2026, 6, 15)  # Asia/Shanghai by default
    assert clock.local_today("UTC", late_utc) == dt.date(2026, 6, 14)
    assert clock.local_text(late_utc, None, "%H:%M") == "05:24"
    assert clock.from_local(dt.datetime(2026, 6, 15, 5, 24), None) == late_utc
    assert clock.day_start(dt.date(2026, 6, 15), None) == dt.datetime(2026, 6, 14, 16, 0, tzinfo=dt.UTC)
    assert clock.stored_instant("2026-06-14T21:24:00+00:00") == late_utc
    assert clock.stored_instant("2026-06-14") is None and clock.stored_instant("会议 21:24") is None


def test_scope_today_is_the_community_day(town, monkeypatch):
    """Without JUWEI_TODAY, "today" is the date on the community's clock (here: 05:24 in Shanghai while
    Greenwich is still on the day before)."""
    import juwei.rules.clock as clock

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2026, 6, 14, 21, 24, tzinfo=dt.UTC).astimezone(tz)

    monkeypatch.delenv("JUWEI_TODAY")
    monkeypatch.setattr(clock.dt, "datetime", Clock)
    assert town.json("community", "show")["today"] == "2026-06-15"
    town.ok("community", "set", "timezone", "Europe/London")
    assert town.json("community", "show")["today"] == "2026-06-14"


# ---------------------------------------------------------------- the smaller ones

def test_ex_officio_has_no_fixed_term(town):
    result = town("rep", "add", town.ids["B1"], "--ex-officio", "npc_deputy", "--from", "2026-01-01")
    assert result.exit_code == 0, result.output
    assert "no fixed term" in result.stderr and "– -" not in result.stderr
    zh = town("--lang", "zh_CN", "rep", "add", town.ids["A1"], "--ex-officio", "party_org", "--from", "2026-01-01")
    assert "无固定任期" in zh.stderr


def test_a_household_seat_signed_in_twice_names_the_household(town, unchanged):
    m = convene(town, "--body", "households", kind="residents")
    held(town)
    town.ok("meeting", "checkin", m, "2")
    with unchanged():
        err = town.fails("meeting", "checkin", m, "2")
    assert "seat 2 (household H2) is already signed in" in err and "(-)" not in err


def test_a_resolution_does_not_double_its_verb(town):
    m = _closed_meeting(town)
    for fmt in ("md", "html"):
        text = town.ok("notice", "render", m, "--doc", "resolution", "--format", fmt)
        assert "通过“2027年社区公益金使用计划”" in text and "通过“通过" not in text


@pytest.mark.parametrize("title,adopted", [
    ("通过2027年社区公益金使用计划", "2027年社区公益金使用计划"),
    ("审议通过居委会年度工作报告", "居委会年度工作报告"),
    ("社区停车管理办法", "社区停车管理办法"),
    ("通过", "通过"),
])
def test_adopted_title(title, adopted):
    from juwei.render.filters import adopted_title

    assert adopted_title(title) == adopted


def test_render_all_after_close_does_not_warn_about_ballots(town, tmp_path):
    """Seat cards and ballots are for the meeting's day: after it closes, `--all` leaves them out quietly."""
    m = _closed_meeting(town)
    result = town("notice", "render", m, "--all", "--out-dir", tmp_path / "docs")
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
    report = town.json("notice", "render", m, "--all", "--out-dir", tmp_path / "docs")
    assert [(s["doc"], s["past"]) for s in report["skipped"]] == [("seat-cards", True), ("ballot", True)]


def test_meeting_at_is_kept_as_given(town):
    m = convene(town, kind="residents")
    assert town.json("meeting", "show", m)["at"] == MEETING_AT.replace(" ", "T") + ":00"
