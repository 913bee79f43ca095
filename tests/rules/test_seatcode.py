"""The seat code and the lines a scanner types at the door (juwei.rules.seatcode): pure, property-tested."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules.idnumber import make_id
from juwei.rules.seatcode import (IdNumberScan, SeatCode, SeatNumber, paper_signin_time, parse_time_of_day,
                                  read_scan, same_community, seat_code, shown)

codes = st.from_regex(r"[\w\-]{1,64}", fullmatch=True)  # what `juwei init --code` accepts
ids = st.builds(make_id, st.sampled_from(["110105", "310101", "440305"]),
                st.dates(dt.date(1900, 1, 1), dt.date(2026, 12, 31)), st.integers(0, 999))


@given(codes, st.integers(1, 10**9 - 1), st.integers(1, 10**7 - 1))
def test_a_seat_code_reads_back_as_its_community_meeting_and_seat(code, meeting, seat):
    text = seat_code(code, meeting, seat)
    assert text.isascii() and text.startswith("JW1:")  # a keyboard-mode scanner types only ASCII
    read = read_scan(text)
    assert read == SeatCode(code, meeting, seat)
    assert same_community(read.community, code)
    assert read_scan(text.upper()).meeting_id == meeting  # Caps Lock on the scanner


def test_the_seat_code_form():
    assert seat_code("dc", 7, 12) == "JW1:dc:7:12"
    assert seat_code("东城", 1, 2) == "JW1:%E4%B8%9C%E5%9F%8E:1:2"
    assert read_scan(" JW1:dc:7:12\r\n") == SeatCode("dc", 7, 12)
    assert read_scan("JW1：dc：7：12") == SeatCode("dc", 7, 12)  # full-width colons, as an IME types them


@given(ids)
def test_an_id_number_is_read_and_never_shown_whole(number):
    assert read_scan(number) == IdNumberScan(number)
    assert read_scan(number.lower()) == IdNumberScan(number)
    assert number not in shown(number) and number not in shown(f"x{number}y")


@given(ids, st.integers(0, 16))
def test_a_mistyped_id_number_is_refused_without_echoing_it(number, at):
    wrong = number[:at] + str((int(number[at]) + 1) % 10) + number[at + 1:]
    with pytest.raises(ValidationError) as refused:
        read_scan(wrong)
    assert wrong not in refused.value.message  # at most the birth date part, as the ID rules say


@pytest.mark.parametrize("line,seat", [("1", 1), ("０１２", 12), ("9999999", 9999999)])
def test_a_seat_number(line, seat):
    assert read_scan(line) == SeatNumber(seat)


@pytest.mark.parametrize("line,words", [
    ("JW1:dc:7", "not a whole seat code"), ("JW1:dc:x:1", "not a whole seat code"),
    ("JW2:dc:7:1", "a form this juwei does not read"), ("12345678", "neither a seat number"),
    ("hello", "not a seat code, an ID number or a seat number"), ("-1", "not a seat code"),
    ("\x1b[A", "not a seat code"),
])
def test_what_is_not_a_scan(line, words):
    with pytest.raises(ValidationError, match=words) as refused:
        read_scan(line)
    assert "\x1b" not in refused.value.message


def test_the_time_of_day_from_the_sheet():
    assert parse_time_of_day("14:05") == dt.time(14, 5)
    assert parse_time_of_day("９：０５") == dt.time(9, 5)
    for bad in ("24:00", "14:60", "1405", "", "14:05:00"):
        with pytest.raises(ValidationError, match="not a time of day"):
            parse_time_of_day(bad)


def test_the_window_of_a_sign_in_from_the_sheet():
    start = dt.datetime(2026, 6, 15, 14, 30)
    later = dt.datetime(2026, 6, 16, 9, 0)
    assert paper_signin_time(start, dt.time(12, 30), later) == dt.datetime(2026, 6, 15, 12, 30)
    assert paper_signin_time(start, dt.time(23, 59), later) == dt.datetime(2026, 6, 15, 23, 59)
    with pytest.raises(ValidationError, match="before the doors opened"):
        paper_signin_time(start, dt.time(12, 29), later)
    with pytest.raises(ValidationError, match="has not come yet"):  # the meeting is today, and it is 15:00
        paper_signin_time(start, dt.time(15, 1), dt.datetime(2026, 6, 15, 15, 0))
    early = dt.datetime(2026, 6, 15, 1, 0)  # a meeting at 01:00: its sheet starts at midnight of its day
    assert paper_signin_time(early, dt.time(0, 0), later) == dt.datetime(2026, 6, 15, 0, 0)
