"""The agenda's order and its window (juwei.rules.due), for any items."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from juwei.rules.due import DueItem, soonest_first, within

ON = dt.date(2026, 6, 10)
items = st.lists(st.builds(DueItem, rule=st.sampled_from(["S3", "S5", "S14a", "S20"]), domain=st.just("x"),
                           subject=st.text(max_size=5), what=st.just("w"),
                           due=st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
                           overdue=st.booleans(), command=st.just("juwei x")), max_size=30)


def _rank(item: DueItem) -> tuple:
    return (not item.overdue, item.due is not None, item.due or dt.date.min)


@given(items)
def test_overdue_first_then_undated_then_by_date(found):
    ordered = soonest_first(found)
    assert sorted(ordered, key=repr) == sorted(found, key=repr)
    assert [_rank(i) for i in ordered] == sorted(_rank(i) for i in ordered)


@given(items, st.none() | st.integers(0, 400))
def test_the_window_keeps_overdue_and_undated(found, days):
    kept = within(found, ON, days)
    if days is None:
        assert kept == found
        return
    assert all(i in kept for i in found if i.overdue or i.due is None)
    assert all(i.overdue or i.due is None or i.due <= ON + dt.timedelta(days=days) for i in kept)
    assert [i for i in found if i in kept] == kept
