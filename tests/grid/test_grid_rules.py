"""Grid responsibility and staff work as pure rules: blind spots, idle people, unvisited households, the
monthly summaries owed, gift values (S11, S13, S27, S28)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from juwei.errors import ValidationError
from juwei.rules import grid, staffwork
from juwei.rules.staffwork import Month

days = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
quick = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@quick
@given(st.lists(st.integers(0, 60), unique=True), st.lists(st.integers(100, 110), unique=True),
       st.dictionaries(st.integers(0, 60), st.integers(95, 115)))
def test_every_household_is_covered_or_a_blind_spot_and_every_person_covers_or_is_idle(households, people, given):
    result = grid.coverage(households, people, given)
    serving = set(people)
    for h in households:
        assert (h in result.households) == (given.get(h) not in serving)
    covering = {p for h, p in given.items() if p in serving}
    assert result.people == [p for p in people if p not in covering]
    assert result.complete == (not result.households and not result.people)


def test_no_blind_spots_when_everyone_covers_someone():
    assert grid.coverage([1, 2, 3], ["a", "b"], {1: "a", 2: "b", 3: "a"}).complete
    found = grid.coverage([1, 2, 3], ["a", "b"], {1: "a", 2: "gone"})
    assert found.households == [2, 3] and found.people == ["b"]


@quick
@given(st.dictionaries(st.integers(0, 50), days), days, st.integers(1, 400))
def test_a_household_is_unvisited_without_a_visit_in_the_last_n_days(last, on, n):
    households = list(range(60))
    found = set(grid.unvisited(households, last, on, n))
    for h in households:
        seen = last.get(h)
        assert (h in found) == (seen is None or (on - seen).days >= n)


def test_a_visit_today_counts_and_one_n_days_ago_does_not():
    on = dt.date(2026, 3, 31)
    assert grid.unvisited([1, 2], {1: on, 2: on - dt.timedelta(days=90)}, on, 90) == [2]
    with pytest.raises(ValidationError):
        grid.unvisited([1], {}, on, 0)


@pytest.mark.parametrize("text,n", [("90d", 90), ("90", 90), ("30天", 30), (" 7 d", 7), ("１２０d", 120)])
def test_spans_of_days(text, n):
    assert grid.parse_days(text) == n


@pytest.mark.parametrize("text", ["", "0d", "-3d", "3w", "abc", "99999999d"])
def test_spans_refused(text):
    with pytest.raises(ValidationError):
        grid.parse_days(text)


def test_one_person_per_household():
    assert grid.assignable(None, "a") and grid.assignable("a", "a") and not grid.assignable("b", "a")


@quick
@given(st.integers(1900, 2999), st.integers(1, 12), st.integers(0, 60))
def test_a_summary_is_due_days_after_its_month_ends(year, month, n):
    m = Month(year, month)
    due = staffwork.summary_due(m, n)
    assert (due - m.last).days == n and m.last.month == month and (m.last + dt.timedelta(days=1)).day == 1
    assert staffwork.parse_month(str(m)) == m


@quick
@given(days, st.one_of(st.none(), days), days, st.integers(0, 30), st.sets(st.integers(0, 30)))
def test_summaries_are_owed_for_each_ended_month_served_not_yet_written(start, ended, on, n, written_back):
    last_day = ended if ended is None or ended >= start else None
    current = staffwork.month_of(on)

    def back(k):
        i = current.year * 12 + current.month - 1 - k
        return Month(i // 12, i % 12 + 1)

    written = {back(k) for k in written_back}
    owed = staffwork.summaries_owed(start, last_day, written, on, n)
    months = [o.month for o in owed]
    assert months == sorted(months) and len(months) <= 12
    for o in owed:
        assert o.month < current and o.month not in written
        assert o.month.last >= start and (last_day is None or last_day >= o.month.first)
        assert o.due == staffwork.summary_due(o.month, n) and o.overdue == (o.due < on)
    for k in range(1, 13):  # every month in the window that should be owed is
        m = back(k)
        if m.last >= start and (last_day is None or last_day >= m.first) and m not in written:
            assert m in months


@pytest.mark.parametrize("text", ["2026-13", "26-07", "July", "", "2026-00"])
def test_months_refused(text):
    with pytest.raises(ValidationError):
        staffwork.parse_month(text)


def test_gift_values_are_not_negative():
    assert staffwork.check_value(None) is None and staffwork.check_value(0) == 0
    with pytest.raises(ValidationError):
        staffwork.check_value(-1)
