"""Pure rules of the disclosure board: money in fen, periods, due dates (S20, S23)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules import disclosure as r

D = dt.date


@pytest.mark.parametrize("text, fen", [
    ("1234.56", 123456), ("1,234.56", 123456), ("¥1,234.56", 123456), ("￥1,234.56", 123456),
    ("１，２３４．５６", 123456), ("1234.5", 123450), ("1234", 123400), ("0.01", 1), ("1234.56元", 123456),
    (" 12,345,678.90 ", 1234567890), (1234, 123400), (1234.56, 123456), (0.1, 10), (Decimal("7.05"), 705),
])
def test_parse_money_accepts_what_clerks_write(text, fen):
    assert r.parse_money(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "-5", "1.234", "1,23.00", "12,34", "1e3", "NaN", "1..2", "¥",
                                  None, True, -1, 1.005, float("nan"), "1,234,56", "١٢٣"])
def test_parse_money_refuses(text):
    with pytest.raises(ValidationError):
        r.parse_money(text)


@given(st.integers(min_value=0, max_value=10 ** 13))
def test_money_round_trips_through_its_printed_form(fen):
    printed = r.format_fen(fen)
    assert r.parse_money(printed) == fen
    assert r.parse_money("¥" + printed) == fen
    assert r.parse_money(printed.replace(",", "")) == fen


@given(st.decimals(min_value=0, max_value=10 ** 9, places=2, allow_nan=False, allow_infinity=False))
def test_spreadsheet_floats_are_read_as_typed(amount):
    # a number cell holds the float nearest what was typed; its shortest repr is the typed text
    assert r.parse_money(float(amount)) == int(amount * 100)


def test_format_fen_negative_and_sign():
    assert r.format_fen(-123456) == "-1,234.56"
    assert r.format_fen(5, sign=True) == "+0.05"
    assert r.format_fen(0) == "0.00"


@pytest.mark.parametrize("text, start, end, label", [
    ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30), "2026-Q3"),
    ("2026-q1", D(2026, 1, 1), D(2026, 3, 31), "2026-Q1"),
    ("2026", D(2026, 1, 1), D(2026, 12, 31), "2026"),
    ("2026年", D(2026, 1, 1), D(2026, 12, 31), "2026"),
    ("2026-H2", D(2026, 7, 1), D(2026, 12, 31), "2026-H2"),
    ("2024-2", D(2024, 2, 1), D(2024, 2, 29), "2024-02"),
])
def test_parse_period(text, start, end, label):
    p = r.parse_period(text)
    assert (p.start, p.end, p.label) == (start, end, label)


@pytest.mark.parametrize("text", ["2026-Q5", "2026-Q0", "26-Q1", "2026-13", "Q3", "", "2026-H3", "2026/Q3"])
def test_parse_period_refuses(text):
    with pytest.raises(ValidationError):
        r.parse_period(text)


def test_quarter_boundary_and_deadline():
    # S20: Q3 ends 09-30; with 15 days the account is due 10-15 — overdue from 10-16, not on 10-15.
    obs = r.finance_obligations(cadence="quarterly", yearly=True, deadline_days=15, since=D(2026, 7, 5),
                                on=D(2026, 10, 1))
    assert [(o.subject, o.due) for o in obs] == [("finance:2026-Q3", D(2026, 10, 15))]
    assert r.finance_obligations(cadence="quarterly", yearly=True, deadline_days=15, since=D(2026, 7, 5),
                                 on=D(2026, 9, 30)) == []
    on_due = r.settle(obs[0], D(2026, 10, 15))
    assert on_due.status == "open" and not on_due.overdue
    assert r.settle(obs[0], D(2026, 10, 16)).overdue


def test_year_boundary_brings_q4_and_the_full_year():
    obs = r.finance_obligations(cadence="quarterly", yearly=True, deadline_days=15, since=D(2026, 7, 5),
                                on=D(2027, 1, 1))
    assert [(o.rule, o.subject, o.period, o.due) for o in obs] == [
        ("S20", "finance:2026-Q3", "2026-Q3", D(2026, 10, 15)),
        ("S20", "finance:2026", "2026", D(2027, 1, 15)),
        ("S20", "finance:2026-Q4", "2026-Q4", D(2027, 1, 15)),
    ]
    none_yearly = r.finance_obligations(cadence="quarterly", yearly=False, deadline_days=15, since=D(2026, 7, 5),
                                        on=D(2027, 1, 1))
    assert [o.period for o in none_yearly] == ["2026-Q3", "2026-Q4"]


def test_late_posting_is_met_but_late():
    ob = r.Obligation("S20", "finance:2026-Q3", "x", D(2026, 10, 15), posted_on=D(2026, 10, 20))
    assert r.settle(ob, D(2026, 10, 25)).status == "late" and ob.late and not ob.overdue
    ob = r.Obligation("S20", "finance:2026-Q3", "x", D(2026, 10, 15), posted_on=D(2026, 10, 20))
    # seen from before the posting, it was still overdue
    assert r.settle(ob, D(2026, 10, 18)).status == "overdue" and ob.posted_on is None


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 1, 1)), st.integers(min_value=0, max_value=800))
def test_ended_periods_tile_time_without_gaps(since, span):
    on = since + dt.timedelta(days=span)
    for cadence in ("monthly", "quarterly", "half-yearly", "yearly"):
        periods = r.ended_periods(cadence, since, on)
        for a, b in zip(periods, periods[1:]):
            assert b.start == a.end + dt.timedelta(days=1)
        for p in periods:
            assert p.end < on and r.parse_period(p.label) == p
        if periods:
            assert periods[0].start <= since <= periods[0].end


def test_welfare_post_by():
    assert r.welfare_post_by(D(2026, 11, 1), 7) == D(2026, 10, 25)


def test_categories_in_chinese():
    assert r.parse_category("expense", "社区建设") == "construction"
    assert r.parse_category("expense", "办公") == "office"
    assert r.parse_category("income", " 上级拨款 ") == "上级拨款"
    with pytest.raises(ValidationError):
        r.parse_category("expense", "吃饭")
    assert r.parse_direction("支出") == "expense" and r.parse_direction("Income") == "income"


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.decimals(), st.none()))
def test_money_parser_never_crashes(value):
    try:
        fen = r.parse_money(value)
    except ValidationError:
        return
    assert isinstance(fen, int) and fen >= 0


@given(st.text(max_size=20))
def test_period_parser_never_crashes(text):
    try:
        p = r.parse_period(text)
    except ValidationError:
        return
    assert p.start <= p.end and r.parse_period(p.label) == p
