"""Properties of the pure parsers the import rests on: ID numbers (GB 11643) and dates as clerks type them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules.dates import parse_date
from juwei.rules.idnumber import CHECK_CHARS, WEIGHTS, check_char, make_id, parse_id
from juwei.rules.records import FieldError, clean_member

areas = st.from_regex(r"[1-6][0-9]{5}", fullmatch=True)
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
sequences = st.integers(min_value=0, max_value=999)


def reference_check(first17: str) -> str:
    # LAW.md: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11, mapped to 1 0 X 9 8 7 6 5 4 3 2.
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


@given(st.from_regex(r"[0-9]{17}", fullmatch=True))
def test_check_char_matches_the_standard(first17):
    assert check_char(first17) == reference_check(first17)
    assert check_char(first17) in CHECK_CHARS


@given(areas, births, sequences)
def test_make_id_round_trips(area, birth, seq):
    number = make_id(area, birth, seq)
    info = parse_id(number)
    assert (info.number, info.birth_date, info.area) == (number, birth, area)
    assert info.gender == ("M" if seq % 2 else "F")
    assert parse_id(number.lower()).number == number  # a lower-case x is accepted
    assert parse_id(f" {number[:6]} {number[6:]} ").number == number


@given(areas, births, sequences, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=9))
def test_any_single_mistyped_digit_is_caught(area, birth, seq, position, delta):
    number = make_id(area, birth, seq)
    if position == 17:
        wrong = number[:17] + CHECK_CHARS[(CHECK_CHARS.index(number[17]) + delta) % 11]
    else:
        wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    with pytest.raises(ValidationError):
        parse_id(wrong)


@given(areas, births, sequences)
def test_numbers_a_spreadsheet_mangled_are_explained(area, birth, seq):
    number = make_id(area, birth, seq)
    for mangled in (int(number[:17]) * 10, float(number[:17] + "0")):
        with pytest.raises(ValidationError, match="stored as a number"):
            parse_id(mangled)
    with pytest.raises(ValidationError, match="1.10105E"):
        parse_id(f"{float(number[:17]):.5E}")
    fullwidth = number.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    with pytest.raises(ValidationError, match="full-width"):
        parse_id(fullwidth)
    zeros = number[:15] + "000"
    if check_char(zeros[:17]) != "0":  # otherwise the padded number happens to be valid: undetectable
        with pytest.raises(ValidationError, match="zeros"):
            parse_id(zeros)


@given(st.text(max_size=30))
def test_parse_id_refuses_junk_without_echoing_it(text):
    try:
        parse_id(text)
    except ValidationError as exc:
        if len(text.strip()) >= 15:
            assert text.strip() not in exc.message


@given(areas, births, sequences)
def test_clean_member_cross_checks_birth_and_gender(area, birth, seq):
    number = make_id(area, birth, seq)
    gender = "M" if seq % 2 else "F"
    clean = clean_member({"name": "张三", "id_number": number})
    assert (clean["birth_date"], clean["gender"]) == (birth, gender)
    problems: list[FieldError] = []
    other_day = birth + dt.timedelta(days=1)
    clean_member({"name": "", "id_number": number, "birth_date": other_day.isoformat(),
                  "gender": "F" if gender == "M" else "M"}, problems=problems)
    assert {p.field for p in problems} == {"name", "birth_date", "gender"}


dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@given(dates)
def test_every_accepted_date_form(day):
    y, m, d = day.year, day.month, day.day
    forms = [day.isoformat(), f"{y}-{m}-{d}", f"{y}/{m}/{d}", f"{y}/{m:02d}/{d:02d}", f"{y}.{m}.{d}",
             f"{y}年{m}月{d}日", f"{y}年{m}月{d}", f"{y}{m:02d}{d:02d}", f" {day.isoformat()} ",
             day.isoformat().translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
             dt.datetime.combine(day, dt.time(8, 30)), day]
    for form in forms:
        assert parse_date(form) == day, form


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)))
def test_excel_serial_numbers(day):
    serial = (day - dt.date(1899, 12, 30)).days
    assert parse_date(serial) == day
    assert parse_date(float(serial) + 0.25) == day  # a time of day is dropped


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=50), st.integers(), st.floats(), st.booleans(), st.none()))
def test_parse_date_only_ever_refuses_clearly(value):
    try:
        result = parse_date(value)
    except ValidationError as exc:
        assert exc.message and "\n" not in exc.message
    else:
        assert isinstance(result, dt.date)
