"""S16–S19, S29 as pure rules: the grade by highest share (a tie reported), counts bounded by the valid
ballots, returned ≤ issued, two consecutive 不合格, and working-day windows on the official holiday calendar
(pinned across the 2026 Spring Festival and National Day)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules import evaluation as ev
from juwei.rules.profiles import PROFILES, SPECS

D = dt.date
counts = st.fixed_dictionaries({g.value: st.integers(0, 200) for g in ev.GRADES})


@given(counts)
def test_the_grade_has_the_highest_count_and_a_tie_names_every_leader(c):
    out = ev.grade_of(c)
    top = max(c.values())
    leaders = [g for g in c if c[g] == top]
    if top == 0:
        assert out.grade is None and out.tied == ()
    elif len(leaders) == 1:
        assert out.grade == leaders[0] and not out.is_tie
    else:
        assert out.grade is None and set(out.tied) == set(leaders) and out.is_tie


@given(st.integers(0, 300), st.integers(0, 300), st.integers(0, 300))
def test_returned_never_exceeds_issued_nor_void_returned(issued, returned, void):
    if returned <= issued and void <= returned:
        assert ev.check_ballots(issued, returned, void).valid == returned - void
    else:
        with pytest.raises(ValidationError):
            ev.check_ballots(issued, returned, void)


@given(counts, st.integers(0, 800))
def test_a_subjects_grades_are_bounded_by_the_valid_ballots(c, valid):
    if sum(c.values()) <= valid:
        ev.check_counts(c, valid)
    else:
        with pytest.raises(ValidationError, match="more than the"):
            ev.check_counts(c, valid)


def test_pinned_grades_and_ties():
    assert ev.grade_of({"excellent": 20, "competent": 12, "basic": 3, "incompetent": 0}).grade == "excellent"
    tie = ev.grade_of({"excellent": 10, "competent": 10, "basic": 2, "incompetent": 0})
    assert tie.grade is None and tie.tied == ("excellent", "competent")
    assert ev.whole_grade_of({"satisfied": 25, "basic": 5, "unsatisfied": 1}).grade == "satisfied"
    with pytest.raises(ValidationError, match="more than the 30 issued"):
        ev.check_ballots(30, 31, 0)
    with pytest.raises(ValidationError):
        ev.check_counts({"excellent": -1}, 5)


def test_two_consecutive_incompetent_end_the_office_where_the_profile_says_so():
    assert ev.ends_office(["competent", "incompetent", "incompetent"], True)
    assert not ev.ends_office(["incompetent", "basic", "incompetent"], True)
    assert not ev.ends_office(["incompetent", "incompetent"], False)
    assert not ev.ends_office(["incompetent"], True)


def test_working_days_follow_the_official_calendar_across_the_spring_festival_2026():
    # 2026: 2月15日至23日放假, 2月14日(周六)、2月28日(周六)上班
    assert ev.is_working_day(D(2026, 2, 14)) and not ev.is_working_day(D(2026, 2, 16))
    assert ev.working_days_window(D(2026, 2, 12), 5) == (D(2026, 2, 12), D(2026, 2, 25))  # 12, 13, 14, 24, 25
    assert ev.working_days_window(D(2026, 2, 15), 5) == (D(2026, 2, 24), D(2026, 2, 28))  # 28 is worked
    assert ev.working_days_between(D(2026, 2, 15), D(2026, 2, 23)) == 0


def test_working_days_across_national_day_2026():
    # 2026: 10月1日至7日放假, 9月20日(周日)、10月10日(周六)上班
    assert ev.is_working_day(D(2026, 9, 20)) and ev.is_working_day(D(2026, 10, 10))
    # 9月29日, 30日, 10月8日, 9日, and the worked Saturday 10月10日
    assert ev.working_days_window(D(2026, 9, 29), 5) == (D(2026, 9, 29), D(2026, 10, 10))
    assert ev.working_days_between(D(2026, 9, 29), D(2026, 10, 9)) == 4
    assert ev.working_days_window(D(2026, 10, 1), 1) == (D(2026, 10, 8), D(2026, 10, 8))


@given(st.dates(D(2025, 1, 1), D(2026, 11, 30)), st.integers(1, 10))  # the calendar ends with 2026
def test_a_window_holds_exactly_its_working_days(start, days):
    first, last = ev.working_days_window(start, days)
    assert first >= start and ev.is_working_day(first) and ev.is_working_day(last)
    assert ev.working_days_between(first, last) == days
    assert ev.working_days_between(start, first - dt.timedelta(days=1)) == 0


def test_a_year_the_calendar_does_not_hold_yet_counts_monday_to_friday_and_says_so():
    """A December result's window may run into a year whose holidays are not published yet: it is counted on
    weekdays and marked provisional, not refused."""
    assert not ev.calendar_covers(D(2099, 1, 5)) and ev.calendar_covers(D(2026, 12, 28))
    assert ev.is_working_day(D(2099, 1, 5)) and not ev.is_working_day(D(2099, 1, 3))  # a Monday; a Saturday
    first, last = ev.working_days_window(D(2099, 12, 31), 5)  # Thursday 31 December 2099
    assert (first, last) == (D(2099, 12, 31), D(2100, 1, 6)) and ev.window_provisional(first, last)
    assert not ev.window_provisional(*ev.working_days_window(D(2026, 6, 19), 5))


def test_june_and_december_evaluations_are_due():
    since = D(2025, 1, 1)
    assert ev.evaluations_due(D(2026, 5, 31), [D(2025, 12, 10)], since) == []
    [june] = ev.evaluations_due(D(2026, 6, 1), [D(2025, 12, 10)], since)
    assert (june.first, june.due, june.overdue) == (D(2026, 6, 1), D(2026, 6, 30), False)
    assert ev.evaluations_due(D(2026, 6, 20), [D(2025, 12, 10), D(2026, 6, 18)], since) == []
    [late] = ev.evaluations_due(D(2027, 1, 10), [D(2026, 6, 18)], since)
    assert late.due == D(2026, 12, 31) and late.overdue
    assert ev.evaluations_due(D(2026, 6, 2), [], D(2026, 7, 1)) == []  # nobody served yet


def test_an_admonition_asks_for_a_note_each_month_after_the_first():
    opened = D(2026, 6, 20)
    assert ev.followup_due(opened, [], D(2026, 6, 30)) is None
    assert ev.followup_due(opened, [], D(2026, 7, 3)) == D(2026, 7, 31)
    assert ev.followup_due(opened, [D(2026, 7, 2)], D(2026, 7, 3)) is None
    assert ev.followup_due(opened, [D(2026, 7, 2)], D(2026, 8, 1)) == D(2026, 8, 31)
    assert ev.followup_due(D(2026, 12, 5), [], D(2027, 2, 1)) == D(2027, 2, 28)


def test_the_evaluation_keys_are_profile_values_with_their_rule():
    for key in ("eval_quorum", "eval_objection_working_days", "eval_notify_days",
                "eval_two_incompetent_end_office"):
        assert "S19" in SPECS[key].rule and SPECS[key].verified is False
        assert all(key in profile for profile in PROFILES.values())
    assert PROFILES["seed"]["eval_quorum"] == ">=2/3" and PROFILES["seed"]["eval_objection_working_days"] == "5"


@given(st.integers(1, 500), st.integers(0, 500))
def test_the_evaluation_quorum_is_two_thirds_inclusive_of_the_roll(size, present):
    from juwei.rules.profiles import parse_value

    rule = parse_value("eval_quorum", PROFILES["seed"]["eval_quorum"])
    present = min(present, size)
    assert rule.met(present, size) == (3 * present >= 2 * size)
    assert rule.met(rule.minimum(size), size) and not rule.met(rule.minimum(size) - 1, size)


def test_the_evaluation_quorum_pinned():
    from juwei.rules.profiles import parse_value

    rule = parse_value("eval_quorum", ">=2/3")
    assert rule.met(6, 9) and not rule.met(5, 9) and rule.minimum(9) == 6 and rule.minimum(31) == 21
