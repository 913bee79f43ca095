"""Pure meeting rules: quorum, passing, notice, seats, periods, body membership (S1, S4, S6–S8, S14)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules import meetings as m
from juwei.rules.thresholds import Threshold, parse_threshold

MORE_THAN_HALF = parse_threshold(">1/2")
TWO_THIRDS = parse_threshold(">=2/3")

thresholds = st.builds(lambda q, p, strict: Threshold(Fraction(min(p, q), q), strict and p < q),
                       st.integers(1, 12), st.integers(1, 12), st.booleans())


# ---------------------------------------------------------------- quorum (S7)

@pytest.mark.parametrize("present,size,quorate", [
    (30, 60, False), (31, 60, True), (31, 61, True), (30, 61, False), (1, 1, True), (0, 1, False),
    (1, 2, False), (2, 2, True), (2, 3, True), (1, 3, False), (0, 0, False)])
def test_quorum_is_strictly_more_than_half(present, size, quorate):
    assert m.quorum(size, present, MORE_THAN_HALF).quorate is quorate


def test_quorum_required_and_short():
    q = m.quorum(60, 27, MORE_THAN_HALF)
    assert (q.required, q.short) == (31, 4)
    assert m.quorum(61, 0, MORE_THAN_HALF).required == 31


@given(st.integers(0, 10_000), st.integers(0, 10_000), thresholds)
def test_quorum_matches_cross_multiplication(size, present, rule):
    q = m.quorum(size, present, rule)
    p, d = rule.fraction.numerator, rule.fraction.denominator
    exact = d * present > p * size if rule.strict else d * present >= p * size
    assert q.quorate == (size > 0 and exact)
    assert rule.met(q.required, size) and (q.required == 0 or not rule.met(q.required - 1, size))


def test_routine_meetings_need_no_quorum():
    assert m.quorum(10, 0, None).quorate


# ---------------------------------------------------------------- passing (S8)

@pytest.mark.parametrize("present,votes_for,required,passed", [
    (30, 20, 20, True), (30, 19, 20, False), (31, 20, 21, False), (31, 21, 21, True),
    (3, 2, 2, True), (4, 2, 3, False), (4, 3, 3, True), (1, 1, 1, True)])
def test_two_thirds_of_those_present(present, votes_for, required, passed):
    result = m.tally(present, votes_for, 0, 0, TWO_THIRDS, "present")
    assert (result.required, result.passed) == (required, passed)
    assert result.rule == ">=2/3 of present"


def test_abstentions_count_against_when_the_base_is_present():
    # 20 for, 5 against, 5 abstain of 30 present: passes (20 ≥ 20); of 31 present with one silent: fails.
    assert m.tally(30, 20, 5, 5, TWO_THIRDS, "present").passed
    r = m.tally(31, 20, 5, 5, TWO_THIRDS, "present")
    assert not r.passed and r.not_voting == 1
    # With the base "votes cast", abstentions and the silent do not count: 20 of 25 cast passes.
    assert m.tally(31, 20, 5, 5, TWO_THIRDS, "cast").passed


def test_a_tie_under_more_than_half_fails():
    assert not m.tally(10, 5, 5, 0, MORE_THAN_HALF, "present").passed
    assert m.tally(10, 6, 4, 0, MORE_THAN_HALF, "present").passed


def test_no_votes_never_pass():
    assert not m.tally(5, 0, 0, 0, TWO_THIRDS, "cast").passed
    assert not m.tally(0, 0, 0, 0, TWO_THIRDS, "present").passed


@given(st.integers(0, 500), st.data(), thresholds, st.sampled_from(m.PASS_BASES))
def test_tally_is_exact(present, data, rule, base):
    votes_for = data.draw(st.integers(0, present))
    against = data.draw(st.integers(0, present - votes_for))
    abstain = data.draw(st.integers(0, present - votes_for - against))
    r = m.tally(present, votes_for, against, abstain, rule, base)
    denominator = present if base == "present" else votes_for + against
    assert r.passed == (votes_for >= 1 and rule.met(votes_for, denominator))
    assert r.not_voting == present - votes_for - against - abstain >= 0
    assert r.passed == (votes_for >= r.required and rule.met(votes_for, denominator))


def test_counts_may_not_exceed_present():
    with pytest.raises(ValidationError, match="only 10 present"):
        m.tally(10, 8, 2, 1, TWO_THIRDS, "present")
    with pytest.raises(ValidationError, match="against must be 0 or more"):
        m.check_counts(10, 1, -1, 0)


# ---------------------------------------------------------------- notice (S6)

def test_notice_boundary():
    noticed = dt.date(2026, 6, 10)
    assert m.earliest_meeting_date(noticed, 3) == dt.date(2026, 6, 13)
    assert m.notice_ok(noticed, dt.date(2026, 6, 13), 3)
    assert not m.notice_ok(noticed, dt.date(2026, 6, 12), 3)
    assert m.notice_ok(noticed, noticed, 0)


@given(st.dates(), st.integers(0, 365), st.integers(-400, 400))
def test_notice_is_date_difference(noticed, days, offset):
    try:
        day = noticed + dt.timedelta(days=offset)
    except OverflowError:
        return
    assert m.notice_ok(noticed, day, days) == ((day - noticed).days >= days)


# ---------------------------------------------------------------- seats

# What the clerk types (``1 2 5-9``) is read by the command line: tests/cli/test_params.py.

@pytest.mark.parametrize("seats,message", [
    ([0], "seat 0 is not on the roll"), ([11], r"seat 11 is not on the roll \(seats 1–10\)"),
    ([9, 10, 11, 12], "seat 11 is not on the roll"), ([1, 2, 3, 2], "seat 2 is given twice"),
    ([], "no seats given")])
def test_seats_off_the_roll_or_twice(seats, message):
    with pytest.raises(ValidationError, match=message) as refused:
        m.check_seats(seats, 10)
    assert refused.value.field == "seats"


def test_empty_roll_message():
    with pytest.raises(ValidationError, match="roll is empty"):
        m.check_seats([1], 0)


@given(st.lists(st.integers(1, 300), unique=True, min_size=1))
def test_seats_on_the_roll_come_back_as_given(seats):
    assert m.check_seats(seats, 300) == seats


# ---------------------------------------------------------------- periods (S4, S14)

def test_half_years_and_weeks():
    assert m.period_of(dt.date(2026, 6, 30), "half-yearly") == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert m.period_of(dt.date(2026, 7, 1), "half-yearly") == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert m.period_of(dt.date(2026, 11, 25), "weekly") == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert m.period_of(dt.date(2026, 12, 5), "quarterly") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert m.period_of(dt.date(2026, 2, 5), "monthly") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert m.period_of(dt.date(2026, 2, 5), "none") is None


@given(st.dates(dt.date(1900, 1, 8), dt.date(2999, 12, 1)),
       st.sampled_from(("weekly", "monthly", "quarterly", "half-yearly", "yearly")))
def test_periods_tile_the_calendar(day, cadence):
    start, end = m.period_of(day, cadence)
    assert start <= day <= end
    assert m.period_of(end + dt.timedelta(days=1), cadence)[0] == end + dt.timedelta(days=1)
    assert m.previous_period(day, cadence)[1] == start - dt.timedelta(days=1)


def test_meeting_due():
    today = dt.date(2026, 11, 25)
    due = m.meeting_due("half-yearly", today, [dt.date(2026, 3, 1)], since=dt.date(2025, 1, 1))
    assert (due.due_by, due.overdue, due.convened_this_period) == (dt.date(2026, 12, 31), False, False)
    due = m.meeting_due("half-yearly", today, [], since=dt.date(2025, 1, 1))
    assert due.overdue
    assert not m.meeting_due("half-yearly", today, [], since=dt.date(2026, 10, 1)).overdue
    held = m.meeting_due("monthly", today, [dt.date(2026, 11, 2)])
    assert held.convened_this_period and held.due_by is None and held.last == dt.date(2026, 11, 2)
    assert m.meeting_due("none", today, []).due_by is None


# ---------------------------------------------------------------- the body on a date (S1)

MEETING_DAY = dt.date(2026, 6, 15)


def adult(birth, deprived=(None, None), moved_out=None, counts=True, day=MEETING_DAY):
    return m.adult_on(birth, None, moved_out, deprived[0], deprived[1], day, 18, counts)


def test_the_day_someone_turns_18():
    assert adult(dt.date(2008, 6, 15))
    assert not adult(dt.date(2008, 6, 16))
    assert not adult(dt.date(2008, 6, 15), counts=False)
    assert adult(dt.date(2008, 6, 14), counts=False)


def test_leap_day_birthday():
    assert not adult(dt.date(2008, 2, 29), day=dt.date(2026, 2, 27))
    assert adult(dt.date(2008, 2, 29), day=dt.date(2026, 2, 28))


def test_deprivation_ending_on_the_meeting_day():
    old = dt.date(1970, 1, 1)
    assert not adult(old, (dt.date(2020, 1, 1), MEETING_DAY))
    assert adult(old, (dt.date(2020, 1, 1), MEETING_DAY - dt.timedelta(days=1)))
    assert not adult(old, (dt.date(2020, 1, 1), None))
    assert adult(old, (MEETING_DAY + dt.timedelta(days=1), None))


def test_moving_out_on_the_day():
    old = dt.date(1970, 1, 1)
    assert not adult(old, moved_out=MEETING_DAY)
    assert adult(old, moved_out=MEETING_DAY + dt.timedelta(days=1))


def c(member_id, name, group, household, number):
    return m.Candidate(member_id, name, group, f"g{group}" if group else None, household, number)


def test_roll_order_is_group_household_name():
    people = [c(1, "乙", 2, 3, "003"), c(2, "甲", 1, 2, "002"), c(3, "丙", 1, 1, "001"), c(4, "丁", None, None, None),
              c(5, "甲", 1, 1, "001")]
    # names compare by code point, as the database orders them (丙 U+4E19 before 甲 U+7532)
    assert [p.member_id for _, p in m.number_roll(people)] == [3, 5, 2, 1, 4]
    assert [seat for seat, _ in m.number_roll(people)] == [1, 2, 3, 4, 5]


def test_household_seats_name_the_designated_adult_or_nobody():
    adults = [c(1, "甲", 1, 10, "H1"), c(2, "乙", 1, 10, "H1"), c(3, "丙", 1, 11, "H2")]
    seats = {s.household_id: s for s in m.household_seats(adults, {10: 2, 11: 99})}
    assert seats[10].member_id == 2 and seats[10].name == "乙"
    assert seats[11].member_id is None  # the designated member is not an adult on the day
    assert len(seats) == 2


def test_a_representative_with_two_roles_sits_once():
    p = c(1, "甲", 1, 10, "H1")
    seats = m.representative_seats([(p, "elected", None), (p, "ex_officio", "committee"),
                                    (c(2, "乙", 1, 10, "H1"), "ex_officio", "party_org")])
    assert len(seats) == 2
    both = next(s for s in seats if s.member_id == 1)
    assert (both.rep_kind, both.rep_basis) == ("elected+ex_officio", "committee")


@pytest.mark.parametrize("kind,body,expected", [
    ("representatives", None, "representatives"), ("residents", None, "adults"),
    ("residents", "households", "households"), ("office", None, None), ("office", "adults", "adults")])
def test_kind_and_body(kind, body, expected):
    assert m.check_kind_body(kind, body) == expected


@pytest.mark.parametrize("kind,body,message", [
    ("representatives", "adults", "formed by the serving representatives"),
    ("residents", "representatives", "residents' meeting is formed by"),
    ("party", None, "kind 'party' is not allowed"), ("residents", "everyone", "body 'everyone'")])
def test_kind_and_body_refused(kind, body, message):
    with pytest.raises(ValidationError, match=message):
        m.check_kind_body(kind, body)


@given(st.dates(dt.date(1901, 1, 1), dt.date(2999, 12, 31)), st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)),
       st.integers(14, 30), st.booleans())
def test_latest_adult_birth_is_exactly_is_adult(day, birth, age, counts):
    """The single birth-date cut-off the database filters by agrees with people.is_adult everywhere,
    29 February included."""
    from juwei.rules.people import is_adult

    if day.year - age < 1:
        return
    assert (birth <= m.latest_adult_birth(day, age, counts)) == is_adult(birth, day, age, counts)


@pytest.mark.parametrize("day", [dt.date(2026, 2, 28), dt.date(2028, 2, 29), dt.date(2028, 3, 1), dt.date(2026, 3, 1)])
def test_latest_adult_birth_around_leap_days(day):
    from juwei.rules.people import is_adult

    for counts in (True, False):
        cutoff = m.latest_adult_birth(day, 18, counts)
        assert is_adult(cutoff, day, 18, counts)
        assert not is_adult(cutoff + dt.timedelta(days=1), day, 18, counts)


@given(st.dates(dt.date(1950, 1, 1), dt.date(2999, 12, 31)), st.integers(-4, 4), st.integers(14, 30), st.booleans())
def test_latest_adult_birth_near_the_birthday(day, offset, age, counts):
    from juwei.rules.dates import add_years
    from juwei.rules.people import is_adult

    birth = add_years(day, -age) + dt.timedelta(days=offset)
    assert (birth <= m.latest_adult_birth(day, age, counts)) == is_adult(birth, day, age, counts)
