"""Properties of the one date parser every option and spreadsheet cell goes through (juwei.rules.dates):
every year-first form in every width and separator reads as itself, full-width or not; a year-last or
two-digit-year date is refused naming what to type; a date missing a part is refused, never filled in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules.dates import parse_date, parse_datetime
from juwei.rules.text import fold, odd_digit

FULL_WIDTH = str.maketrans("0123456789-/.", "０１２３４５６７８９－／．")
days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))
separators = st.sampled_from(["-", "/", ".", "－", "／", "．"])


def _width(n: int, padded: bool) -> str:
    return f"{n:02d}" if padded else str(n)


@given(days, separators, st.booleans(), st.booleans(), st.booleans())
def test_year_first_in_any_separator_width_and_full_width(day, sep, pad_month, pad_day, full):
    text = f"{day.year}{sep}{_width(day.month, pad_month)}{sep}{_width(day.day, pad_day)}"
    if full:
        text = text.translate(FULL_WIDTH)
    assert parse_date(text) == day
    assert parse_date(f" {text}\u3000") == day


@given(days, st.booleans(), st.booleans(), st.sampled_from(["日", ""]))
def test_chinese_form_in_any_width(day, pad, full, suffix):
    text = f"{day.year}年{_width(day.month, pad)}月{_width(day.day, pad)}{suffix}"
    assert parse_date(text.translate(FULL_WIDTH) if full else text) == day


@given(days, st.sampled_from(["/", ".", "-"]), st.booleans())
def test_year_last_is_refused_naming_every_reading_and_the_iso_form(day, sep, padded):
    text = f"{_width(day.month, padded)}{sep}{_width(day.day, padded)}{sep}{day.year}"
    with pytest.raises(ValidationError) as err:
        parse_date(text)
    message = err.value.message
    assert day.isoformat() in message  # the month-first reading, as ISO to type
    if day.day <= 12 and day.day != day.month:  # the day-first reading is a real, different date
        assert dt.date(day.year, day.day, day.month).isoformat() in message
        assert "ambiguous" in message
    with pytest.raises(ValidationError):  # with a time after it too
        parse_datetime(text + " 10:00")


@given(days, st.sampled_from(["/", ".", "-"]))
def test_two_digit_years_are_refused(day, sep):
    with pytest.raises(ValidationError, match="four digits"):
        parse_date(f"{day.month}{sep}{day.day}{sep}{day.year % 100:02d}")


@pytest.mark.parametrize("text", ["-5", "5", "1999-12", "1999/12", "2026", "12-31", "March 2026", "1/2"])
def test_a_date_missing_a_part_is_refused_not_filled_in(text):
    with pytest.raises(ValidationError, match="not a whole date|not a date"):
        parse_date(text)


@pytest.mark.parametrize("text", ["5 March 2026", "March 5, 2026", "2026-03-05 00:00:00", "2026-03-05T08:30"])
def test_free_text_that_names_every_part_is_still_read(text):
    assert parse_date(text) == dt.date(2026, 3, 5)


@pytest.mark.parametrize("text", ["２０２６-03-0⑤", "²⁰²⁶-03-05", "2026-03-0٥"])
def test_characters_that_only_look_like_digits_are_refused(text):
    with pytest.raises(ValidationError, match="not a digit 0-9"):
        parse_date(text)


@given(st.text(alphabet="0123456789０１２３４５６７８９", max_size=20))
def test_fold_maps_full_width_digits_to_plain_and_nothing_else_is_odd(text):
    assert odd_digit(text) is None
    assert fold(text) == text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
