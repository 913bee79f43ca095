"""Recall through the services: the base counted from the roll on the day (voters who have left or lost their
rights are not in it), the proposers' share at its boundary, one open recall per member, the count against the
register of the count day, and a post that ended by other means before the count. A refusal writes nothing:
each call runs in its own transaction, as a command does, and the tables are compared before and after."""

from __future__ import annotations

import datetime as dt

import pytest

from juwei.errors import JuweiError, ValidationError
from juwei.rules.committee import CommitteeRole, EndReason, PostBody
from juwei.rules.recall import RecallBasis, RecallOutcome
from juwei.services import recall
from tests.elections.test_election_services import Db

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def town(community, monkeypatch):
    """Eleven adult voters (a twelfth moved away, a thirteenth deprived of political rights); a committee of
    five: the first director, the next four members."""
    monkeypatch.setenv("JUWEI_TODAY", TODAY.isoformat())
    from juwei.services import committee, roster

    db = Db(community.db)

    def build(sc):
        roster.add_group(sc, "一组")
        roster.add_household(sc, "101", group="一组")
        ids = [roster.add_member(sc, {"name": f"居民{n}", "birth_date": "1970-01-01"}, household="101").id
               for n in range(11)]
        gone = roster.add_member(sc, {"name": "钱走", "birth_date": "1970-01-01"}, household="101").id
        roster.member_leaves(sc, str(gone), dt.date(2026, 5, 20))
        roster.add_member(sc, {"name": "赵犯", "birth_date": "1970-01-01", "rights_deprived_from": "2026-01-01",
                               "rights_deprived_until": "2027-12-31"}, household="101")
        committee.add_committee(sc, str(ids[0]), role=CommitteeRole.DIRECTOR, start=dt.date(2026, 1, 1))
        for i in ids[1:5]:
            committee.add_committee(sc, str(i), role=CommitteeRole.MEMBER, start=dt.date(2026, 1, 1))
        return ids

    db.ids = db(build)
    return db


def test_the_base_is_the_roll_today_and_one_fifth_is_inclusive(town):
    member = str(town.ids[1])
    assert town(recall.register_size, RecallBasis.VOTERS, TODAY) == 11
    message = town.refuses(ValidationError, recall.open_recall, member, proposers=2, basis=RecallBasis.VOTERS,
                           reason="失职")
    assert "2 proposers of 11" in message and "at least 3" in message
    opened = town(recall.open_recall, member, proposers=3, basis=RecallBasis.VOTERS, reason="失职")
    assert (opened.base, opened.proposers, opened.opened_on) == (11, 3, TODAY)
    assert "still open" in town.refuses(JuweiError, recall.open_recall, member, proposers=5,
                                        basis=RecallBasis.VOTERS, reason="again")


def test_only_a_member_holding_a_committee_post_today(town):
    assert "holds no committee post" in town.refuses(JuweiError, recall.open_recall, str(town.ids[8]),
                                                     proposers=5, basis=RecallBasis.VOTERS, reason="失职")
    from juwei.services.committee import end_post

    town(end_post, PostBody.COMMITTEE, str(town.ids[2]), on=dt.date(2026, 5, 31), reason=EndReason.RESIGNED)
    assert "holds no committee post" in town.refuses(JuweiError, recall.open_recall, str(town.ids[2]),
                                                     proposers=5, basis=RecallBasis.VOTERS, reason="失职")


def test_a_post_ended_otherwise_before_the_count_is_not_recalled(town, monkeypatch):
    from juwei.services.committee import end_post

    r = town(recall.open_recall, str(town.ids[3]), proposers=3, basis=RecallBasis.VOTERS, reason="失职").id
    town(end_post, PostBody.COMMITTEE, str(town.ids[3]), on=dt.date(2026, 6, 5), reason=EndReason.RESIGNED)
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-10")
    assert "nothing to recall" in town.refuses(JuweiError, recall.count, r, issued=11, returned=10, votes_for=9,
                                               against=1, void=0)


def test_the_count_takes_the_register_of_its_day(town, monkeypatch):
    from juwei.services import roster

    r = town(recall.open_recall, str(town.ids[4]), proposers=3, basis=RecallBasis.VOTERS, reason="失职").id
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-10")
    town(roster.member_leaves, str(town.ids[10]), dt.date(2026, 6, 5))
    counted = town(recall.count, r, issued=10, returned=6, votes_for=4, against=2, void=0)
    assert (counted.result.registered, counted.result.recalled, counted.recall.outcome) == \
        (10, True, RecallOutcome.RECALLED)
    assert counted.post.end_reason == EndReason.RECALLED and counted.post.ended_on == dt.date(2026, 6, 10)
    assert town(recall.result, r).as_json() == counted.result.as_json()
    assert "final" in town.refuses(JuweiError, recall.reply, r, "太晚")
