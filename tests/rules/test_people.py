import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from juwei.rules.people import age_on, is_adult, may_take_part, rights_deprived_on, serving_on

D = dt.date


def test_adult_on_the_18th_birthday_by_default():
    assert is_adult(D(2008, 11, 24), D(2026, 11, 24), 18, True)
    assert not is_adult(D(2008, 11, 24), D(2026, 11, 23), 18, True)


def test_adult_the_day_after_when_the_birthday_does_not_count():
    assert not is_adult(D(2008, 11, 24), D(2026, 11, 24), 18, False)
    assert is_adult(D(2008, 11, 24), D(2026, 11, 25), 18, False)


def test_born_on_29_february_comes_of_age_on_28_february():
    assert is_adult(D(2008, 2, 29), D(2026, 2, 28), 18, True)
    assert not is_adult(D(2008, 2, 29), D(2026, 2, 27), 18, True)


def test_deprivation_is_inclusive_at_both_ends():
    start, until = D(2024, 1, 1), D(2026, 11, 24)
    assert rights_deprived_on(start, until, D(2026, 11, 24))
    assert not rights_deprived_on(start, until, D(2026, 11, 25))
    assert rights_deprived_on(start, until, D(2024, 1, 1))
    assert not rights_deprived_on(start, until, D(2023, 12, 31))
    assert rights_deprived_on(start, None, D(2099, 1, 1))


def test_may_take_part_combines_residence_age_and_rights():
    kw = dict(birth=D(1980, 1, 1), moved_in=D(2000, 1, 1), moved_out=None, deprived_from=None,
              deprived_until=None, adult_age=18, birthday_counts=True)
    assert may_take_part(day=D(2026, 1, 1), **kw)
    assert not may_take_part(day=D(1999, 1, 1), **kw)
    assert not may_take_part(day=D(2026, 1, 1), **{**kw, "moved_out": D(2025, 6, 1)})
    assert not may_take_part(day=D(2026, 1, 1), **{**kw, "deprived_from": D(2025, 1, 1)})


def test_serving_until_the_last_day_of_the_term_or_the_early_end():
    assert serving_on(D(2025, 1, 1), D(2027, 12, 31), None, D(2027, 12, 31))
    assert not serving_on(D(2025, 1, 1), D(2027, 12, 31), None, D(2028, 1, 1))
    assert not serving_on(D(2025, 1, 1), D(2027, 12, 31), D(2026, 5, 1), D(2026, 5, 2))
    assert serving_on(D(2025, 1, 1), None, None, D(2090, 1, 1))


@given(st.dates(D(1900, 1, 1), D(2100, 1, 1)), st.dates(D(1900, 1, 1), D(2100, 1, 1)))
def test_age_matches_adulthood(birth, day):
    assert is_adult(birth, day, 18, True) == (age_on(birth, day) >= 18 or
                                              (birth.month, birth.day) == (2, 29) and day.year - birth.year == 18
                                              and (day.month, day.day) == (2, 28))
