import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules import profiles
from juwei.rules.profiles import PROFILES, SPECS, Rules, parse_value, rules_in_force


@pytest.mark.parametrize("name", list(PROFILES))
def test_every_profile_sets_every_key_validly(name):
    assert set(PROFILES[name]) == set(SPECS) - set(profiles.COMMUNITY_KEYS)
    rules = Rules(PROFILES[name])
    for key in PROFILES[name]:
        assert profiles.format_value(key, rules[key]) == PROFILES[name][key] or SPECS[key].kind == "threshold"


def test_seed_and_organic_law_differ_where_the_law_does():
    seed, law = Rules(PROFILES["seed"]), Rules(PROFILES["organic-law"])
    assert str(seed.quorum) == str(law.quorum) == ">1/2"  # S7, Art. 9
    assert str(seed.pass_threshold) == ">=2/3" and str(law.pass_threshold) == ">1/2"  # S8 vs Art. 9
    assert seed.representative_term_years == 3 and law.representative_term_years == 5  # S3 vs Art. 8
    assert seed.notice_days == 3  # S6
    assert seed.pass_base == "present"


def test_versions_take_effect_on_their_date():
    versions = [("notice_days", "5", dt.date(2026, 3, 1)), ("notice_days", "7", dt.date(2026, 6, 1))]
    assert rules_in_force("seed", versions, dt.date(2026, 2, 28)).notice_days == 3
    assert rules_in_force("seed", versions, dt.date(2026, 3, 1)).notice_days == 5
    assert rules_in_force("seed", versions, dt.date(2026, 12, 1)).notice_days == 7
    assert rules_in_force("seed", versions, dt.date(2026, 12, 1)).origin["notice_days"] == dt.date(2026, 6, 1)


def test_undated_version_is_from_the_beginning_and_dated_one_overrides():
    versions = [("quorum", ">1/2", None), ("quorum", ">=2/3", dt.date(2026, 1, 1))]
    assert str(rules_in_force("seed", versions, dt.date(2025, 1, 1)).quorum) == ">1/2"
    assert str(rules_in_force("seed", versions, dt.date(2026, 1, 1)).quorum) == ">=2/3"


@pytest.mark.parametrize("key,value", [("notice_days", "-1"), ("notice_days", "three"), ("notice_days", "3.5"),
                                       ("pass_base", "everyone"), ("quorum", "3/2"), ("meeting_interval", "daily"),
                                       ("adult_birthday_counts", "maybe"), ("disclosure_itemise_expense_over", "1.001"),
                                       ("no_such_key", "1")])
def test_bad_values_are_refused_naming_the_key(key, value):
    with pytest.raises(ValidationError) as err:
        parse_value(key, value)
    assert key in err.value.message


@given(st.sampled_from(sorted(SPECS)), st.text(max_size=30))
def test_parse_value_never_crashes(key, text):
    try:
        parse_value(key, text)
    except ValidationError:
        pass


def test_the_rules_title_is_the_communitys_own():
    """No base profile names a community's rules; in force, the title is made from the community's name."""
    assert all("rules_title" not in values for values in PROFILES.values())
    rules = profiles.rules_in_force("seed", [], dt.date(2026, 1, 1), community_name="地坛北里社区")
    assert rules.rules_title == "地坛北里社区民主管理制度"
    recorded = profiles.rules_in_force("seed", [("rules_title", "地坛北里社区居民自治章程", None)],
                                       dt.date(2026, 1, 1), community_name="地坛北里社区")
    assert recorded.rules_title == "地坛北里社区居民自治章程"
    assert profiles.clean_title(" 《地坛北里社区居民自治章程》 ") == "地坛北里社区居民自治章程"
