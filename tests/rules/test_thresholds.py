"""LAW.md "Threshold words are exact": integer cross-multiplication, inclusive vs strict."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules.thresholds import Threshold, parse_threshold

MORE_THAN_HALF = parse_threshold(">1/2")
TWO_THIRDS = parse_threshold(">=2/3")
ONE_FIFTH = parse_threshold("1/5")


@pytest.mark.parametrize("yes,n,passes", [(30, 60, False), (31, 60, True), (31, 61, True), (30, 61, False),
                                          (1, 1, True), (0, 1, False), (1, 2, False), (2, 3, True)])
def test_more_than_half_is_strict(yes, n, passes):
    assert MORE_THAN_HALF.met(yes, n) is passes


@pytest.mark.parametrize("yes,n,passes", [(20, 30, True), (19, 30, False), (20, 31, False), (21, 31, True),
                                          (2, 3, True), (1, 2, False), (4, 6, True)])
def test_two_thirds_is_inclusive(yes, n, passes):
    assert TWO_THIRDS.met(yes, n) is passes


@pytest.mark.parametrize("yes,n,passes", [(8, 40, True), (8, 41, False), (9, 41, True)])
def test_one_fifth_or_more(yes, n, passes):
    assert ONE_FIFTH.met(yes, n) is passes


@pytest.mark.parametrize("n,needed", [(60, 31), (61, 31), (1, 1), (2, 2), (0, 1)])
def test_minimum_more_than_half(n, needed):
    assert MORE_THAN_HALF.minimum(n) == needed


@pytest.mark.parametrize("n,needed", [(30, 20), (31, 21), (3, 2), (1, 1), (0, 0)])
def test_minimum_two_thirds(n, needed):
    assert TWO_THIRDS.minimum(n) == needed


thresholds = st.builds(lambda q, p, strict: Threshold(Fraction(min(p, q), q), strict and p < q),
                       st.integers(1, 12), st.integers(1, 12), st.booleans())


@given(thresholds, st.integers(0, 10_000))
def test_minimum_is_the_smallest_count_that_meets(threshold, n):
    m = threshold.minimum(n)
    assert threshold.met(m, n)
    assert m == 0 or not threshold.met(m - 1, n)


@given(thresholds, st.integers(0, 5000), st.integers(1, 5000))
def test_met_agrees_with_exact_fractions(threshold, yes, n):
    share = Fraction(yes, n)
    expected = share > threshold.fraction if threshold.strict else share >= threshold.fraction
    assert threshold.met(yes, n) is expected


@given(thresholds)
def test_text_round_trip(threshold):
    assert parse_threshold(str(threshold)) == threshold


@pytest.mark.parametrize("text,expected", [("2/3", ">=2/3"), (">=2/3", ">=2/3"), ("≥2/3", ">=2/3"),
                                           (">1/2", ">1/2"), ("＞１/２", ">1/2"), (" >= 3/4 ", ">=3/4"),
                                           ("1/1", ">=1/1"), ("4/6", ">=2/3")])
def test_parse_forms(text, expected):
    assert str(parse_threshold(text)) == expected


@pytest.mark.parametrize("text", ["", "1/0", "0/3", "3/2", ">1/1", "half", "0.5", "1/2/3", "<1/2", "-1/2", "½"])
def test_parse_refuses(text):
    with pytest.raises(ValidationError) as err:
        parse_threshold(text)
    assert "allowed" in err.value.message


@given(st.text(max_size=20))
def test_parse_never_crashes(text):
    try:
        parse_threshold(text)
    except ValidationError:
        pass


def test_words():
    assert MORE_THAN_HALF.words("zh_CN") == "过半数"
    assert TWO_THIRDS.words("zh_CN") == "三分之二以上"
    assert ONE_FIFTH.words("zh_CN") == "五分之一以上"
    assert TWO_THIRDS.words("en") == "two thirds or more"
    assert MORE_THAN_HALF.words("en") == "more than half"
