"""What the command line reads before a service runs: seat ranges, a meeting's reason, codes in either
language (cli._params)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei import i18n
from juwei.cli._params import CodeChoice, parse_reason, parse_seats
from juwei.errors import ValidationError
from juwei.rules.disclosure import DIRECTION_ALIASES, Direction
from juwei.rules.meetings import MeetingReason, VoteChoice, format_seats

try:
    from typer._click.exceptions import BadParameter
except ImportError:  # pragma: no cover
    from click.exceptions import BadParameter


def test_seat_forms():
    assert parse_seats(["1", "2", "5-9"]) == [1, 2, 5, 6, 7, 8, 9]
    assert parse_seats(["1,3", "５～６"]) == [1, 3, 5, 6]
    assert parse_seats(["7–8", "10至11"]) == [7, 8, 10, 11]
    assert parse_seats([]) == []


@pytest.mark.parametrize("tokens,message", [
    (["9-5"], "runs backwards"), (["x"], "'x' is not a seat"), (["1.5"], "is not a seat"), (["²"], "is not a seat")])
def test_seat_text_refused(tokens, message):
    with pytest.raises(ValidationError, match=message) as refused:
        parse_seats(tokens)
    assert refused.value.field == "seats"


@given(st.sets(st.integers(1, 5000), min_size=1))
def test_seats_as_juwei_writes_them_read_back(seats):
    assert parse_seats(format_seats(seats).split()) == sorted(seats)


@given(st.lists(st.tuples(st.integers(1, 500), st.integers(0, 20)), min_size=1, max_size=20),
       st.sampled_from([",", " ", "，", "、"]), st.sampled_from(["-", "~", "至", "～"]))
def test_seats_as_a_clerk_types_them(parts, comma, dash):
    text = comma.join(str(low) if n == 0 else f"{low}{dash}{low + n}" for low, n in parts)
    expected = [seat for low, n in parts for seat in range(low, low + n + 1)]
    assert parse_seats([text]) == expected


def test_reason_forms():
    assert parse_reason("regular") == (MeetingReason.REGULAR, None)
    assert parse_reason("report") == (MeetingReason.REPORT, None)
    assert parse_reason("petition:3") == (MeetingReason.PETITION, 3)
    assert parse_reason("联名提议：12") == (MeetingReason.PETITION, 12)
    assert parse_reason("例行召开") == (MeetingReason.REGULAR, None)


@pytest.mark.parametrize("text", ["whim", "petition", "petition:x", "regular:3", "petition:-1"])
def test_reason_refused(text):
    with pytest.raises(BadParameter):
        parse_reason(text)


def test_a_code_in_either_language():
    choice = CodeChoice(VoteChoice, "choice")
    assert choice.metavar == "for|against|abstain"
    assert [choice(w) for w in ("for", "AGAINST", "赞成", "反对", " 弃权 ")] == \
        [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN]
    direction = CodeChoice(Direction, "ledger direction", DIRECTION_ALIASES)
    assert [direction(w) for w in ("支出", "收入", "收", "out", "Expense")] == \
        [Direction.EXPENSE, Direction.INCOME, Direction.INCOME, Direction.EXPENSE, Direction.EXPENSE]


def test_a_wrong_code_names_what_is_allowed_in_the_active_language():
    choice = CodeChoice(VoteChoice, "choice")
    with pytest.raises(BadParameter, match="'yes' is not one of for, against, abstain"):
        choice("yes")
    try:
        i18n.set_language("zh_CN")
        with pytest.raises(BadParameter, match="赞成、反对、弃权"):
            choice("yes")
        assert choice("for") == VoteChoice.FOR  # the codes stay good in Chinese
    finally:
        i18n.set_language("en")


def _enums():
    from juwei.rules import committee, disclosure, meetings, profiles

    return [(meetings.MeetingKind, "meeting kind"), (meetings.Body, "body"), (meetings.MeetingStatus, "meeting status"),
            (meetings.MotionKind, "motion kind"), (meetings.VoteChoice, "choice"),
            (meetings.VoteMethod, "vote method"), (meetings.MeetingReason, "meeting reason"),
            (meetings.RepresentativeKind, "representative kind"), (meetings.ExOfficioBasis, "ex officio basis"),
            (meetings.PetitionBase, "petition base"), (profiles.Cadence, "cadence"),
            (disclosure.DisclosureCategory, "disclosure category"), (disclosure.DisclosureStatus, "disclosure status"),
            (disclosure.Direction, "ledger direction"), (disclosure.ExpenseCategory, "expense category"),
            (disclosure.ObligationStatus, "obligation status"), (committee.CommitteeRole, "committee post"),
            (committee.StaffPosition, "staff position"), (committee.PostBody, "post body"),
            (committee.OrgRole, "org role"), (committee.EndReason, "end reason")]


@pytest.mark.parametrize("enum,kind", _enums(), ids=lambda x: x if isinstance(x, str) else x.__name__)
def test_every_code_has_chinese_words_a_clerk_may_type(enum, kind):
    catalog = i18n.catalog("zh_CN")
    missing = [code for code in enum if i18n.context_key(kind, code) not in catalog]
    assert not missing, f"{kind}: no Chinese for {missing}"
    choice = CodeChoice(enum, kind)
    assert all(choice(catalog[i18n.context_key(kind, code)]) == code for code in enum)  # no two codes share words
