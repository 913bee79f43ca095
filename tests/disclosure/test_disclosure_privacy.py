"""Masking for printouts and welfare lists, with hostile inputs (LAW.md "Privacy")."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.rules.idnumber import make_id
from juwei.rules.privacy import public_name, public_text, scrub_text, welfare_public_row

ID = "11010519491231002X"


@pytest.mark.parametrize("text", [
    f"身份证{ID}号", f"ID:{ID.lower()}", "１１０１０５１９４９１２３１００２Ｘ", "110105 19491231 002X",
    "110105-19491231-002X", f"{ID}1234", f"99{ID}", "110105194912310021234567", f"张三{ID}李四",
])
def test_id_numbers_in_free_text_never_survive(text):
    out = scrub_text(text)
    digits = re.sub(r"[^0-9X]", "", out.upper())
    assert "19491231" not in digits and "*" in out


@pytest.mark.parametrize("text", [
    "电话13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678", "+86 138 1234 5678",
    "１３８１２３４５６７８", "call 13812345678.",
])
def test_mobiles_never_survive(text):
    out = scrub_text(text)
    assert "1234" not in re.sub(r"\D", "", out)[3:7] and "****" in out


@pytest.mark.parametrize("text", ["010-12345678", "(0755)12345678", "0755 1234 5678"])
def test_landlines_are_masked(text):
    assert "12345" not in re.sub(r"\D", "", scrub_text(text))


def test_bank_cards_are_masked():
    assert "3456 7890" not in scrub_text("卡号 6222 0212 3456 7890 123")
    assert "34567890" not in scrub_text("卡号6222021234567890123")


def test_ordinary_numbers_survive():
    for text in ("2026-10-01 发放", "金额 1,234.56 元", "共 12 户", "第3居民小组", "2026-Q3"):
        assert scrub_text(text) == text


@given(st.dates(), st.integers(min_value=1, max_value=999), st.text(alphabet="你好 ,.:abc", max_size=8),
       st.text(alphabet="你好 ,.:abc", max_size=8))
def test_any_valid_id_in_any_text_is_masked(born, seq, before, after):
    number = make_id("110105", born, seq)
    out = scrub_text(before + number + after)
    assert number not in out and number[6:14] not in out


def test_public_text_withholds_health_and_house_numbers():
    assert public_text("糖尿病 需长期服药") == "***"
    assert public_text("精神残疾二级") == "***"
    out = public_text("和平里12号楼3单元402室")
    assert "402" not in out and "12号" not in out
    assert public_text("a\x00b\x1bc") == "abc"


def test_welfare_row_has_exactly_the_public_fields():
    row = welfare_public_row(name=f"王五{ID}", household_size=3, benefit="低保 13812345678", amount="1,200.00")
    assert set(row) == {"name", "household_size", "benefit", "amount"}
    assert ID not in str(row) and "13812345678" not in str(row)
    assert public_name("小明", minor=True) != "小明"


def test_only_the_matched_characters_change():
    text = "张三（身份证１１０１０５１９４９１２３１００２Ｘ），电话：138 1234 5678。"
    assert scrub_text(text) == "张三（身份证110105********002X），电话：138****5678。"
    assert scrub_text("会议于2026年10月1日召开，地点：活动室。") == "会议于2026年10月1日召开，地点：活动室。"
    assert scrub_text("") == ""
