"""The one scrub (LAW.md "Privacy"): an ID number or a mobile, however it is typed, never reaches a printout or
a screen that is not --reveal; hex digests (the audit seal) are printed as they are."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.rules.idnumber import make_id
from juwei.rules.privacy import scrub_text

# What people type between the digits of one number: spaces, dots and dashes, half- and full-width, and what a
# pasted text brings along (no-break and zero-width spaces, Unicode dashes, middle dots).
SEPARATORS = [" ", ".", "-", "\u3000", "．", "－", "—", "–", "‐", "·", "・", "\u00a0", "\u200b", "\t"]
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
# Text around the number: Chinese, full-width punctuation, letters that are not hex digits, separators.
CONTEXT = st.text(alphabet="张三电话身份证号码：，。（）:;/ ghkmxyzGHXYZ" + "".join(SEPARATORS), max_size=12)


def _digits(text: str) -> str:
    """The digits, X and stars left in a printout, in order, separators dropped."""
    return re.sub(r"[^0-9X*]", "", unicodedata.normalize("NFKC", text).upper())


def _hidden(number: str, core: range, out: str) -> bool:
    """``number`` is in ``out`` (separators dropped) with every character of ``core`` a star: masks keep a
    number's length, and a digit may be starred anywhere but must be in ``core``."""
    pattern = "".join(r"\*" if i in core else f"[{re.escape(c)}*]" for i, c in enumerate(number))
    return re.search(pattern, _digits(out)) is not None


@st.composite
def typed(draw, number: str) -> str:
    """``number`` as someone might type it: separators of one to three characters between any digits
    (mixed), any digit full-width."""
    out = []
    for i, char in enumerate(number):
        if i and draw(st.booleans()):
            out.append("".join(draw(st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=3))))
        out.append(char.translate(FULL_WIDTH) if draw(st.booleans()) else char)
    return "".join(out)


AREAS = st.sampled_from(["110105", "130102", "140105", "310101", "440305", "510107", "650102"])
ID_NUMBERS = st.builds(make_id, AREAS, st.dates(min_value=__import__("datetime").date(1900, 1, 1)),
                       st.integers(min_value=1, max_value=999))
MOBILES = st.from_regex(r"\A1[3-9][0-9]{9}\Z")


@given(ID_NUMBERS.flatmap(lambda n: st.tuples(st.just(n), typed(n))), CONTEXT, CONTEXT)
def test_no_valid_id_number_survives_however_it_is_typed(case, before, after):
    number, shown = case
    out = scrub_text(before + shown + after)
    assert _hidden(number, range(6, 14), out), (before + shown + after, out)  # the birth date never shows


@given(MOBILES.flatmap(lambda n: st.tuples(st.just(n), typed(n))), CONTEXT, CONTEXT)
def test_no_mobile_survives_however_it_is_typed(case, before, after):
    number, shown = case
    out = scrub_text(before + shown + after)
    assert _hidden(number, range(3, 7), out), (before + shown + after, out)  # the middle four never show


@pytest.mark.parametrize("text,expected", [
    ("138.1234.5678", "138****5678"),
    ("110105 1949 1231 002X", "110105********002X"),
    ("１３８．１２３４．５６７８", "138****5678"),
    ("电话 138 - 1234 - 5678。", "电话 138****5678。"),
    ("138\u200b1234\u200b5678", "138****5678"),
    ("身份证110105-19491231-002x", "身份证110105********002X"),
    ("1101 0519 4912 3100 2X", "110105********002X"),
    ("2026-10-01 138 1234 5678", "2026-10-01 138****5678"),  # the date before it is kept
    ("138 1234 5678 138.1234.5678", "138****5678 138****5678"),
    ("5138.1234.5678", "513*******78"),  # glued to another digit: the whole run goes
    ("+86 138 1234 5678", "+86 138****5678"),
    ("010.1234.5678", "***********78"),
])
def test_numbers_typed_with_separators_are_masked(text, expected):
    assert scrub_text(text) == expected


@pytest.mark.parametrize("text", [
    "2026-10-01 发放", "金额 1,234.56 元", "5,000.00", "共 12 户", "第3居民小组", "2026-Q3", "2026-11-24 14:30",
    "2026-10-01 2026-10-05", "2026年11月24日", "3栋2单元楼道粉刷", "V001", "1.5 万元", "seat 1 2 3 4 5 6 7 8 9",
])
def test_ordinary_numbers_are_printed_as_they_are(text):
    assert scrub_text(text) == text


DIGESTS = st.binary(min_size=20, max_size=32).map(bytes.hex).filter(lambda h: h.strip("0123456789"))


@given(DIGESTS, MOBILES.flatmap(typed), st.sampled_from([" ", "：", "，电话", " seal ", "\n"]))
def test_a_digest_next_to_a_typed_number_is_left_alone(digest, phone, between):
    # fc32b66: a SHA-256 whose digit run read as a mobile was masked, and the seal on the minutes no longer
    # matched `audit log`. A digest stays whole however the numbers around it are typed.
    out = scrub_text(f"juwei-seal: 12 {digest}{between}{phone}。")
    assert out.startswith(f"juwei-seal: 12 {digest}{between}")
    assert "*" in out
