"""The committee register's pure rules: who serves on a date, term ends, size, shared households, the
ex officio merge (S2, S3, S9)."""

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from juwei.rules import committee as rules
from juwei.rules.committee import OrgKind, PostBody

days = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(days, st.integers(1, 10))
def test_a_term_ends_the_day_before_its_anniversary(start, years):
    last = rules.term_last_day(start, years)
    assert 365 * years - 1 <= (last - start).days <= 366 * years - 1
    assert rules.Span(start, last).serving(last) and not rules.Span(start, last).serving(last + dt.timedelta(days=1))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(days, st.integers(0, 400), st.integers(0, 400), st.integers(-5, 800))
def test_a_post_serves_from_its_start_to_the_earlier_of_term_end_and_ended_on(start, term, early, offset):
    term_end = start + dt.timedelta(days=term)
    ended = start + dt.timedelta(days=early)
    day = start + dt.timedelta(days=offset)
    span = rules.Span(start, term_end, ended)
    assert span.serving(day) == (start <= day <= min(term_end, ended))
    assert span.last_day() == min(term_end, ended)
    assert rules.Span(start).serving(day) == (day >= start) and rules.Span(start).last_day() is None


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.integers(0, 20), st.integers(1, 10), st.integers(0, 10))
def test_size_outside_the_range_is_named(n, lo, extra):
    hi = lo + extra
    problem = rules.size_problem(n, lo, hi)
    assert problem == ("below" if n < lo else "above" if n > hi else None)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(st.integers(1, 30), st.one_of(st.none(), st.integers(1, 5))), max_size=30))
def test_shared_households_are_those_with_two_or_more_people(pairs):
    shared = rules.shared_households(pairs)
    for household, ids in shared.items():
        assert household is not None and len(ids) == len(set(ids)) > 1
        assert set(ids) == {m for m, h in pairs if h == household}
    for household in {h for _, h in pairs if h is not None} - set(shared):
        assert len({m for m, h in pairs if h == household}) == 1


bodies = st.sampled_from(list(PostBody))
roles = st.sampled_from(["director", "deputy", "member", "chair", "health"])


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(bodies, roles, st.integers(1, 20)), max_size=40),
       st.lists(bodies, min_size=1, max_size=4, unique=True))
def test_a_routine_roll_has_everyone_of_its_bodies_once_in_body_then_role_order(posts, wanted):
    people = rules.roll_people(posts, wanted)
    assert len(people) == len(set(people))
    assert set(people) == {person for body, _, person in posts if body in wanted}
    first_rank = {}
    for body, role, person in posts:
        if body in wanted:
            rank = (wanted.index(body), rules.ROLE_ORDER.get(role, 3))
            first_rank[person] = min(first_rank.get(person, rank), rank)
    assert [first_rank[p] for p in people] == sorted(first_rank[p] for p in people)


def test_routine_meetings_are_for_bodies_of_the_register():
    from juwei.rules.meetings import ROUTINE_KINDS

    assert set(rules.MEETING_ROLLS) <= set(ROUTINE_KINDS)
    assert rules.MEETING_ROLLS["two-committees"] == (PostBody.COMMITTEE, PostBody.PARTY)


def test_the_org_kinds_are_the_standing_bodies():
    assert {k.value for k in OrgKind} == {b.value for b in PostBody} - {"committee", "staff"}


def test_the_next_general_election_is_due_the_day_after_the_term():
    assert rules.next_election_due(dt.date(2027, 5, 31)) == dt.date(2027, 6, 1)
    assert rules.next_election_due(None) is None
