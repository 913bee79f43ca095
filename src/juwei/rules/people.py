"""Who belongs to a deciding body on a given date (S1, S2, LAW.md "Who may take part")."""

from __future__ import annotations

import datetime as dt

from juwei.rules.dates import add_years

# 《中国共产党章程》 Article 1: "年满十八岁的……先进分子……可以申请加入中国共产党" — one may apply to join the
# Communist Party of China from the age of 18, so a party member younger than that is a mistyped row.
PARTY_MEMBERSHIP_AGE = 18


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years on ``day`` (the birthday itself completes the year)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def too_young_for_party(birth: dt.date | None, day: dt.date) -> bool:
    """A party member born less than :data:`PARTY_MEMBERSHIP_AGE` years before ``day``."""
    return birth is not None and age_on(birth, day) < PARTY_MEMBERSHIP_AGE


def is_adult(birth: dt.date | None, day: dt.date, adult_age: int, birthday_counts: bool) -> bool:
    """S1: aged ``adult_age`` or more on ``day``. LAW.md: by default the birthday itself counts;
    with ``birthday_counts`` off, one becomes an adult the day after."""
    if birth is None:
        return False
    coming_of_age = add_years(birth, adult_age)
    return day >= coming_of_age if birthday_counts else day > coming_of_age


def rights_deprived_on(start: dt.date | None, until: dt.date | None, day: dt.date) -> bool:
    """LAW.md: deprivation of political rights runs from its start to its end date, both inclusive.
    An open end (no ``until``) runs on."""
    if start is None:
        return False
    return start <= day and (until is None or day <= until)


def resident_on(moved_in: dt.date | None, moved_out: dt.date | None, day: dt.date) -> bool:
    """A resident has moved in on or before ``day`` and not moved out on or before it."""
    if moved_in is not None and moved_in > day:
        return False
    return moved_out is None or moved_out > day


def may_take_part(*, birth: dt.date | None, moved_in: dt.date | None, moved_out: dt.date | None,
                  deprived_from: dt.date | None, deprived_until: dt.date | None, day: dt.date,
                  adult_age: int, birthday_counts: bool) -> bool:
    """S1(a): an adult resident whose political rights are not deprived on ``day``."""
    return (resident_on(moved_in, moved_out, day)
            and is_adult(birth, day, adult_age, birthday_counts)
            and not rights_deprived_on(deprived_from, deprived_until, day))


def serving_on(term_start: dt.date, term_end: dt.date | None, ended_on: dt.date | None,
               day: dt.date) -> bool:
    """A representative serves from the term's start to its end (inclusive), unless ended earlier
    (the end date is the last day served)."""
    last = min(d for d in (term_end, ended_on) if d is not None) if (term_end or ended_on) else None
    return term_start <= day and (last is None or day <= last)
