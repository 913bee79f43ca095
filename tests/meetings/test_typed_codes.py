"""Codes typed in either language, usage errors that list what is allowed, errors that name the option
of the field at fault, and the services called directly with typed values."""

from __future__ import annotations

import pytest

from juwei.errors import ValidationError
from juwei.rules.meetings import MeetingKind, MeetingReason, VoteChoice

from tests.meetings.conftest import MEETING_AT, convene, held


def flat(text: str) -> str:
    """An error as one line of words, whatever box and wrapping the terminal gave it."""
    return " ".join(text.replace("│", " ").split())


def quorate(cli) -> tuple[int, int]:
    m = convene(cli, kind="residents")
    held(cli)
    cli.ok("meeting", "checkin", m, "1-4")
    return m, cli.json("motion", "add", m, "--title", "增设停车位")["id"]


def test_a_choice_in_chinese_is_the_code(town):
    m, motion = quorate(town)
    town.ok("vote", "cast", motion, "1", "2", "--choice", "赞成")
    town.ok("vote", "cast", motion, "3", "--choice", "反对")
    town.ok("vote", "cast", motion, "4", "--choice", "ABSTAIN")
    assert [b["choice"] for b in town.json("vote", "ballots", motion)] == ["for", "for", "against", "abstain"]


def test_a_wrong_choice_is_a_usage_error_listing_the_choices(town, unchanged):
    m, motion = quorate(town)
    with unchanged():
        err = flat(town.fails("vote", "cast", motion, "1", "--choice", "yes", code=2))
        assert "'--choice'" in err and "'yes' is not one of for, against, abstain" in err
        err = flat(town.fails("--lang", "zh_CN", "vote", "cast", motion, "1", "--choice", "同意", code=2))
        assert "赞成、反对、弃权" in err
        err = flat(town.fails("meeting", "convene", "--kind", "party", "--at", MEETING_AT, "--place", "x",
                                  "--topic", "y", code=2))
        assert "'party' is not one of residents, representatives, office" in err
        err = flat(town.fails("meeting", "convene", "--kind", "residents", "--at", MEETING_AT, "--place", "x",
                                  "--topic", "y", "--reason", "whim", code=2))
        assert "'--reason'" in err and "'whim' is not regular, report or petition:ID" in err


def test_help_shows_the_codes():
    from typer.testing import CliRunner

    from juwei.cli import app

    out = CliRunner().invoke(app, ["vote", "cast", "--help"], terminal_width=200).output
    assert "--choice" in out and "for|against|abstain" in out


def test_meeting_codes_in_chinese(town):
    m = town.json("meeting", "convene", "--kind", "居民会议", "--body", "每户代表", "--at", MEETING_AT,
                  "--place", "会议室", "--topic", "议题", "--noticed-on", "2026-06-10")["id"]
    shown = town.json("meeting", "show", m)
    assert (shown["kind"], shown["body"]) == ("residents", "households")
    assert [r["id"] for r in town.json("meeting", "list", "--status", "已召集")] == [m]
    assert "no petition 9" in town.fails("meeting", "convene", "--kind", "居民会议", "--at", MEETING_AT,
                                         "--place", "x", "--topic", "y", "--reason", "联名提议：9")
    motion = town.json("motion", "add", m, "--title", "年度计划", "--kind", "计划方案")["id"]
    assert town.json("motion", "list", m)[0]["kind"] == "plan" and motion


def test_a_field_error_names_the_option(town, unchanged):
    m, motion = quorate(town)
    with unchanged():
        assert "--title is required" in town.fails("motion", "add", m, "--title", " ")
        assert "必须给出 --title" in town.fails("--lang", "zh_CN", "motion", "add", m, "--title", " ")
        assert "--except goes with --all" in town.fails("meeting", "checkin", m, "5", "--except", "4")
        assert "--for must be 0 or more" in town.fails("vote", "count", motion, "--for", "-1", "--against", "0")
        assert "--allow-other-group REASON" in town.fails("rep", "add", str(town.ids["A2"]), "--group", "第二组",
                                                          "--from", "2026-06-01")
        # an argument is named as the usage line names it
        assert "seat 9 is not on the roll" in town.fails("meeting", "checkin", m, "9")


def test_services_take_typed_values(town):
    """The services take seat numbers and codes; their messages name fields, not options."""
    from juwei.services import meetings, voting
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    store = open_store(town.db)
    try:
        with open_scope(store, None, write=True) as sc:
            import datetime as dt

            meeting = meetings.convene(sc, kind=MeetingKind.RESIDENTS, body=None, at=dt.datetime(2026, 6, 15, 14, 30),
                                       place="会议室", topics=["议题"], reason=MeetingReason.REPORT)
            assert meeting.reason == "report" and meeting.body == "adults"
            with pytest.raises(ValidationError) as refused:
                voting.add_motion(sc, meeting.id, title=" ")
            assert refused.value.message.startswith("title is required") and refused.value.field == "title"
            with pytest.raises(ValidationError, match="reason: a meeting held on a petition names the petition"):
                meetings.convene(sc, kind=MeetingKind.RESIDENTS, body=None, at=dt.datetime(2026, 6, 15, 14, 30),
                                 place="x", topics=["y"], reason=MeetingReason.PETITION)
            with pytest.raises(ValidationError, match="choice 'yes' is not allowed; use one of for, against"):
                voting.cast_votes(sc, 1, [1], "yes")
        held(town)
        with open_scope(store, None, write=True) as sc:
            assert meetings.checkin(sc, meeting.id, [1, 2, 3, 4]) == [1, 2, 3, 4]
            motion = voting.add_motion(sc, meeting.id, title="增设停车位")
            assert voting.cast_votes(sc, motion.id, [1, 2, 3], VoteChoice.AGAINST) == [1, 2, 3]
            with pytest.raises(ValidationError, match="seat 2 is given twice"):
                meetings.checkout(sc, meeting.id, [2, 2])
    finally:
        store.dispose()
