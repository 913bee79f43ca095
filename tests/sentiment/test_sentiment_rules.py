"""Sentiment work's pure rules: the seven categories (S10), urgent items overdue, the monthly report's due
day and the months owed (S12), the collectors' minimum (S11)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from juwei.errors import ValidationError
from juwei.rules import sentiment as rules
from juwei.rules.profiles import PROFILES, SPECS
from juwei.rules.sentiment import Category, Month, Status

days = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
months = st.builds(Month, st.integers(1990, 2100), st.integers(1, 12))
quick = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def test_seven_categories_in_the_seeds_order_and_only_the_sixth_is_urgent():
    assert len(Category) == 7
    assert [rules.category_number(c) for c in Category] == list(range(1, 8))
    assert rules.CATEGORY_NUMBERS["6"] == Category.STABILITY
    assert [c for c in Category if rules.is_urgent(c)] == [Category.STABILITY]


def test_settled_and_open():
    assert not rules.is_open(Status.RESOLVED) and not rules.is_open(Status.REPLIED)
    assert all(rules.is_open(s) for s in (Status.RECORDED, Status.ANALYSED, Status.REFERRED))
    assert Status.RECORDED not in rules.HANDLING


def test_the_profile_keys_carry_their_rules_and_the_readings_are_marked():
    assert SPECS["sentiment_collectors_min"].rule == "S11" and SPECS["sentiment_collectors_min"].verified
    assert SPECS["sentiment_report_day"].rule == "S12" and not SPECS["sentiment_report_day"].verified
    assert SPECS["sentiment_urgent_report_days"].rule == "S10"
    assert not SPECS["sentiment_urgent_report_days"].verified
    assert PROFILES["seed"]["sentiment_collectors_min"] == "4"
    assert PROFILES["organic-law"]["sentiment_report_day"] == "0"


@quick
@given(st.sampled_from(list(Category)), days, st.integers(0, 30), st.integers(-5, 60),
       st.one_of(st.none(), st.integers(0, 60)))
def test_an_urgent_item_is_overdue_after_its_last_day_until_reported(category, received, allowed, offset, reported):
    on = received + dt.timedelta(days=offset)
    reported_on = None if reported is None else received + dt.timedelta(days=reported)
    overdue = rules.urgent_overdue(category, received, reported_on, allowed, on)
    expected = (category == Category.STABILITY and reported_on is None
                and (on - received).days > allowed)
    assert overdue == expected


@quick
@given(months, st.integers(1, 31))
def test_the_report_is_due_in_the_next_month_by_its_day_or_its_last(month, day):
    due = rules.report_due(month, day)
    assert rules.month_of(due) == month.next()
    assert due.day == min(day, month.next().last.day)
    assert rules.report_due(month, 0) is None


@quick
@given(months, days, st.integers(1, 28), st.sets(months, max_size=5))
def test_months_owed_are_the_finished_unreported_months(first, on, day, reported):
    owed = rules.months_owed(first, on, day, reported)
    current = rules.month_of(on)
    assert all(first <= m < current and m not in reported for m, _, _ in owed)
    assert [m for m, _, _ in owed] == sorted(m for m, _, _ in owed)
    for month, due, overdue in owed:
        assert due == rules.report_due(month, day) and overdue == (on > due)
    if first < current:
        expected = (current.year - first.year) * 12 + current.month - first.month
        assert len(owed) == expected - len({m for m in reported if first <= m < current})
    assert rules.months_owed(first, on, 0, reported) == []


@quick
@given(months)
def test_next_and_previous_months(month):
    assert month.next().previous() == month
    assert month.last >= month.first and month.last.month == month.month
    assert rules.parse_month(str(month)) == month


@pytest.mark.parametrize("text", ["2026-13", "2026", "26-01", "abc", "2026-00", ""])
def test_a_bad_month_is_refused_naming_the_field(text):
    with pytest.raises(ValidationError) as caught:
        rules.parse_month(text)
    assert "month" in caught.value.message


@quick
@given(st.integers(0, 50), st.integers(0, 50))
def test_collectors_short(serving, minimum):
    short = rules.collectors_short(serving, minimum)
    assert short == max(0, minimum - serving)
    assert (short == 0) == (serving >= minimum)
