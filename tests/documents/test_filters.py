"""Filters: Chinese and English dates, times, numbers in words, Markdown escaping, privacy scrubbing."""

from __future__ import annotations

import datetime as dt
import html

from hypothesis import given
from hypothesis import strategies as st

from juwei.render import filters
from juwei.rules.privacy import scrub_text


def test_chinese_dates_and_weekdays():
    assert filters.cn_date(dt.date(2026, 11, 24)) == "2026年11月24日"
    assert filters.cn_date(dt.datetime(2026, 3, 5, 9, 0)) == "2026年3月5日"  # no leading zeros
    assert filters.cn_weekday(dt.date(2026, 11, 24)) == "星期二"
    assert filters.cn_weekday(dt.date(2026, 11, 29)) == "星期日"
    assert filters.cn_date(None) == ""


def test_chinese_times_say_the_part_of_day():
    at = dt.datetime.combine
    day = dt.date(2026, 11, 24)
    assert filters.cn_time(at(day, dt.time(9, 0))) == "上午9时"
    assert filters.cn_time(at(day, dt.time(12, 15))) == "中午12时15分"
    assert filters.cn_time(at(day, dt.time(14, 30))) == "下午2时30分"
    assert filters.cn_time(at(day, dt.time(19, 5))) == "晚上7时5分"


def test_english_dates_and_times():
    moment = dt.datetime(2026, 11, 24, 14, 30)
    assert filters.en_date(moment) == "24 November 2026"
    assert filters.en_weekday(moment) == "Tuesday"
    assert filters.en_time(moment) == "14:30"
    assert filters.en_number(3) == "three" and filters.en_number(45) == "45"


def test_numbers_in_chinese_words():
    cases = {0: "零", 3: "三", 10: "十", 12: "十二", 20: "二十", 45: "四十五", 100: "一百", 105: "一百零五",
             110: "一百一十", 300: "三百", 1001: "一千零一", 2026: "二千零二十六", 10000: "一万", 10010: "一万零一十",
             150000: "十五万"}
    for number, words in cases.items():
        assert filters.cn_number(number) == words, number
    assert filters.cn_ordinal(2) == "二、"


_VALUE = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}


def _parse_cn(words: str) -> int:
    if "万" in words:
        high, low = words.split("万")
        return _parse_cn(high) * 10000 + (_parse_cn(low) if low else 0)
    total, digit = 0, None
    for ch in words:
        if ch in _VALUE:
            digit = _VALUE[ch]
        else:
            total += (1 if digit is None else digit) * _UNIT[ch]
            digit = None
    return total + (digit or 0)


@given(st.integers(min_value=0, max_value=99_999_999))
def test_chinese_number_words_read_back_to_the_number(n):
    words = filters.cn_number(n)
    assert _parse_cn(words) == n
    assert "零零" not in words and (n == 0 or not words.endswith("零"))


def _commonmark_text(markdown: str) -> str:
    """What a CommonMark reader shows for one paragraph of Markdown, as plain text."""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(markdown).strip()
    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
    return html.unescape(rendered[3:-4])


def test_markdown_escaping_prints_markup_literally():
    for text in ("<script>alert(1)</script>", "**bold** _it_ `code`", "[link](http://x)", "# not a heading",
                 "- not a list", "1. not a list", "> not a quote", "a | b", "&lt;", "~~gone~~", "![img](x)"):
        assert _commonmark_text(str(filters.md_inline(text))) == text, text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
               min_size=1, max_size=40).filter(lambda s: s.strip()))
def test_markdown_escaping_round_trips_any_line(text):
    expected = " ".join(text.split())
    if not expected:
        return
    assert _commonmark_text("x " + str(filters.md_inline(text))) == "x " + expected


def test_scrub_masks_id_numbers_and_phones_but_keeps_chinese_punctuation():
    text = "张三（身份证11010519491231002X，电话13812345678）：同意。"
    assert filters.scrub(text) == "张三（身份证110105********002X，电话138****5678）：同意。"
    assert filters.scrub("电话１３８１２３４５６７８") == "电话138****5678"  # full-width digits too
    assert filters.scrub("（试行），第一条") == "（试行），第一条"
    assert filters.scrub("2026年11月24日") == "2026年11月24日"


def test_scrub_prints_hex_digests_as_they_are():
    # a SHA-256 from the audit chain whose digit run looks like a mobile (16005700281) once was masked
    digest = "a1f36df19bec22197282934e8f1600570028166eee621036de092b225916b677"
    assert scrub_text(f"seal {digest}，电话13812345678") == f"seal {digest}，电话138****5678"
    assert scrub_text("1" * 64) != "1" * 64  # only digits: no letter says it is a digest, so it is masked


@given(st.binary(min_size=20, max_size=32).map(bytes.hex).filter(lambda h: h.strip("0123456789")),
       st.sampled_from(["", " ", "：", "sha256="]))
def test_scrub_never_changes_a_digest(digest, before):
    assert scrub_text(before + digest + "。") == before + digest + "。"


@given(st.text(alphabet="0123456789０１２３ Xx-张电话号", max_size=40))
def test_scrub_agrees_with_the_privacy_rules(text):
    # one place decides masking: the filter is scrub_text, which changes only what it masks
    assert filters.scrub(text) == scrub_text(text)
    if "*" not in filters.scrub(text):
        assert filters.scrub(text) == text
