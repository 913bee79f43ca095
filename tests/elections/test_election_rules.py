"""The election and recall rules (S9, LAW.md): exact integers at every boundary."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.errors import ValidationError
from juwei.rules import elections as el
from juwei.rules import recall as rc
from juwei.rules.committee import CommitteeRole as Post
from juwei.rules.profiles import PROFILES, rules_in_force

DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module", params=sorted(PROFILES))
def rules(request):
    return el.ElectionRules.of(rules_in_force(request.param, [], DAY))


RULES = el.ElectionRules.of(rules_in_force("seed", [], DAY))
RECALL = rc.RecallRules.of(rules_in_force("seed", [], DAY))


def count(votes, seats, *, registered=100, issued=None, returned=None, void=0, kind=el.RoundKind.REGULAR,
          method=el.ElectionMethod.VOTERS, rules=RULES):
    returned = registered if returned is None else returned
    return el.count_round(kind=kind, registered=registered, issued=returned if issued is None else issued,
                          returned=returned, void=void, votes=votes, seats=seats, method=method, rules=rules)


def test_the_profiles_hold_the_law_md_figures(rules):
    assert (str(rules.turnout), str(rules.turnout_representatives)) == (">1/2", ">2/3")
    assert (str(rules.majority), str(rules.runoff_share)) == (">1/2", ">=1/3")
    assert (rules.candidate_margin, rules.proxy_max, rules.voter_list_days) == (1, 3, 20)


# ---------------------------------------------------------------- turnout

@given(n=st.integers(1, 2000), data=st.data())
def test_turnout_is_more_than_half_of_voters_or_households(n, data):
    r = data.draw(st.integers(0, n))
    for method in (el.ElectionMethod.VOTERS, el.ElectionMethod.HOUSEHOLDS):
        share = el.turnout(n, r, RULES.turnout_rule(method))
        assert share.ok == (2 * r > n)
        assert share.required == n // 2 + 1


@given(k=st.integers(1, 1000))
def test_exactly_half_of_the_register_is_not_enough(k):
    rule = RULES.turnout_rule(el.ElectionMethod.VOTERS)
    assert not el.turnout(2 * k, k, rule).ok
    assert el.turnout(2 * k, k + 1, rule).ok
    assert el.turnout(2 * k + 1, k + 1, rule).ok


@given(n=st.integers(1, 2000), data=st.data())
def test_representatives_need_more_than_two_thirds(n, data):
    r = data.draw(st.integers(0, n))
    share = el.turnout(n, r, RULES.turnout_rule(el.ElectionMethod.REPRESENTATIVES))
    assert share.ok == (3 * r > 2 * n)


@given(k=st.integers(1, 600))
def test_exactly_two_thirds_of_the_representatives_is_not_enough(k):
    rule = RULES.turnout_rule(el.ElectionMethod.REPRESENTATIVES)
    assert not el.turnout(3 * k, 2 * k, rule).ok
    assert el.turnout(3 * k, 2 * k + 1, rule).ok
    assert el.turnout(3 * k, 2 * k, RULES.turnout).ok  # the same figure passes where voters elect


def test_an_empty_register_never_counts():
    assert not el.turnout(0, 0, RULES.turnout).ok


def test_a_round_without_turnout_elects_no_one_and_is_held_again():
    result = count({Post.DIRECTOR: {"a": 50}}, {Post.DIRECTOR: 1}, registered=100, returned=50)
    assert not result.turnout_ok and result.elected == ()
    assert [(n.kind, n.post, n.seats) for n in result.next] == [(el.NextKind.REPEAT, Post.DIRECTOR, 1)]
    assert result.as_json()["turnout_ok"] is False and result.as_json()["required_turnout"] == 51


# ---------------------------------------------------------------- majority, ties, further rounds

@given(returned=st.integers(1, 1000), data=st.data())
def test_elected_with_more_than_half_of_the_ballots_returned(returned, data):
    v = data.draw(st.integers(0, returned))
    result = count({Post.DIRECTOR: {"a": v}}, {Post.DIRECTOR: 1}, registered=returned, returned=returned)
    assert bool(result.elected) == (2 * v > returned)
    assert result.posts[0].required == max(1, returned // 2 + 1)


@given(k=st.integers(1, 500))
def test_exactly_half_of_the_ballots_is_not_elected_and_goes_to_a_further_round(k):
    result = count({Post.DIRECTOR: {"a": k, "b": k}}, {Post.DIRECTOR: 1}, registered=2 * k, returned=2 * k)
    assert result.elected == () and result.unfilled == {Post.DIRECTOR: 1} and result.tied == {}
    (nxt,) = result.next
    assert nxt.kind == el.NextKind.FURTHER and nxt.rule == el.RoundKind.FURTHER
    assert set(nxt.candidates) == {"a", "b"}


def test_void_ballots_count_in_the_base():
    """投票数: the ballots returned, void ones included. 30 of 61 returned is not more than half even if only
    58 are valid."""
    result = count({Post.DIRECTOR: {"a": 30, "b": 28}}, {Post.DIRECTOR: 1}, registered=100, returned=61, void=3)
    assert result.elected == () and result.valid == 58
    result = count({Post.DIRECTOR: {"a": 31, "b": 27}}, {Post.DIRECTOR: 1}, registered=100, returned=61, void=3)
    assert [(e.person, e.votes) for e in result.elected] == [("a", 31)]


@given(v=st.integers(51, 60))
def test_a_tie_for_the_last_seat_goes_to_a_vote_between_the_tied(v):
    votes = {Post.MEMBER: {"a": 80, "b": v, "c": v, "d": 200 - 80 - 2 * v}}
    result = count(votes, {Post.MEMBER: 2}, registered=100)
    assert [e.person for e in result.elected] == ["a"]
    assert result.tied == {Post.MEMBER: ("b", "c")} and result.unfilled == {}
    (nxt,) = result.next
    assert (nxt.kind, nxt.seats, nxt.candidates, nxt.rule) == (el.NextKind.TIE, 1, ("b", "c"), el.RoundKind.REGULAR)


def test_equal_votes_that_fit_the_seats_are_all_elected():
    result = count({Post.MEMBER: {"a": 60, "b": 60, "c": 70, "d": 10}}, {Post.MEMBER: 3}, registered=100)
    assert [e.person for e in result.elected] == ["c", "a", "b"] and result.complete


def test_seats_are_filled_in_order_of_votes():
    votes = {Post.MEMBER: {"a": 55, "b": 80, "c": 70, "d": 90}}
    result = count(votes, {Post.MEMBER: 3}, registered=100)
    assert [(e.person, e.votes) for e in result.elected] == [("d", 90), ("b", 80), ("c", 70)]


def test_a_person_elected_to_a_higher_post_is_not_counted_for_a_lower_one():
    votes = {Post.DIRECTOR: {"a": 80, "b": 20}, Post.MEMBER: {"a": 90, "c": 60, "d": 40}}
    result = count(votes, {Post.DIRECTOR: 1, Post.MEMBER: 2}, registered=100)
    assert [(e.person, e.post) for e in result.elected] == [("a", Post.DIRECTOR), ("c", Post.MEMBER)]
    assert result.unfilled == {Post.MEMBER: 1}
    assert result.next[0].candidates == ("d",)  # a is elected; the 差额 asks two, only d had votes


@given(returned=st.integers(1, 900), data=st.data())
def test_a_further_round_needs_one_third_or_more(returned, data):
    v = data.draw(st.integers(0, returned))
    result = count({Post.MEMBER: {"a": v}}, {Post.MEMBER: 1}, registered=returned, returned=returned,
                   kind=el.RoundKind.FURTHER)
    assert bool(result.elected) == (v >= 1 and 3 * v >= returned)


@given(k=st.integers(1, 300))
def test_exactly_one_third_wins_a_further_round_with_the_most_votes(k):
    returned = 3 * k
    result = count({Post.MEMBER: {"a": k, "b": k - 1}}, {Post.MEMBER: 1}, registered=returned,
                   returned=returned, kind=el.RoundKind.FURTHER)
    assert [e.person for e in result.elected] == ["a"]
    short = count({Post.MEMBER: {"a": k, "b": k - 1}}, {Post.MEMBER: 1}, registered=returned + 1,
                  returned=returned + 1, kind=el.RoundKind.FURTHER)
    assert short.elected == () and short.next[0].kind == el.NextKind.FURTHER


def test_a_tie_in_a_further_round_is_voted_again_under_the_further_share():
    result = count({Post.MEMBER: {"a": 40, "b": 40, "c": 20}}, {Post.MEMBER: 1}, kind=el.RoundKind.FURTHER)
    (nxt,) = result.next
    assert (nxt.kind, nxt.candidates, nxt.rule) == (el.NextKind.TIE, ("a", "b"), el.RoundKind.FURTHER)


def test_further_candidates_follow_the_margin_and_keep_ties_at_the_cut():
    votes = {"a": 40, "b": 30, "c": 30, "d": 10, "e": 0}
    assert el.further_candidates(votes, (), 1, 1) == ("a", "b", "c")
    assert el.further_candidates(votes, {"a"}, 1, 1) == ("b", "c")
    assert el.further_candidates(votes, (), 3, 1) == ("a", "b", "c", "d")


posts = st.sampled_from(el.POSTS)


@given(data=st.data(), returned=st.integers(1, 200), kind=st.sampled_from(el.RoundKind))
def test_every_seat_is_elected_tied_or_unfilled(data, returned, kind):
    seats = {p: data.draw(st.integers(0, 3)) for p in el.POSTS}
    people = list("abcdefgh")
    votes = {}
    for post in el.POSTS:
        chosen = data.draw(st.lists(st.sampled_from(people), unique=True, max_size=6))
        votes[post] = {p: data.draw(st.integers(0, returned)) for p in chosen}
        while sum(votes[post].values()) > returned * seats[post]:
            votes[post] = {p: v // 2 for p, v in votes[post].items()}
    result = count(votes, seats, registered=returned, returned=returned, kind=kind)
    rule = RULES.win_rule(kind)
    elected = [e.person for e in result.elected]
    assert len(elected) == len(set(elected))  # no one holds two posts
    for p in result.posts:
        assert len(p.elected) + p.tied_seats + p.unfilled == p.seats
        assert all(rule.met(e.votes, returned) and e.votes >= 1 for e in p.elected)
        assert not p.tied or len(p.tied) > p.tied_seats
        losers = [v for person, v in votes[p.post].items() if person not in elected and person not in p.tied]
        assert all(e.votes > max(losers, default=-1) or not rule.met(max(losers), returned) for e in p.elected)
    assert result.complete == (not result.next)


# ---------------------------------------------------------------- the count is checked first

def test_more_ballots_returned_than_issued_voids_the_round():
    assert el.void_round(100, 101) and not el.void_round(100, 100)
    with pytest.raises(ValidationError, match="void and must be held again") as exc:
        count({Post.DIRECTOR: {"a": 1}}, {Post.DIRECTOR: 1}, issued=100, returned=101, registered=200)
    assert exc.value.field == "returned"


@given(valid=st.integers(1, 200), seats=st.integers(1, 5))
def test_votes_for_a_post_may_reach_valid_ballots_times_seats_and_no_more(valid, seats):
    people = [f"p{i}" for i in range(seats + 1)]
    full = {p: valid for p in people[:seats]}
    assert el.check_count(valid, valid, 0, {Post.MEMBER: full}, {Post.MEMBER: seats}) == valid
    over = {**full, people[seats]: 1}
    with pytest.raises(ValidationError, match="allow at most"):
        el.check_count(valid, valid, 0, {Post.MEMBER: over}, {Post.MEMBER: seats})


@pytest.mark.parametrize("issued,returned,void,votes,match", [
    (10, 10, 11, {}, "void ballots"),
    (-1, 0, 0, {}, "0 or more"),
    (10, 10, 2, {"a": 9}, "only 8 ballots are valid"),
    (10, 10, 0, {"a": -1}, "0 or more"),
])
def test_a_tally_that_cannot_be_is_refused(issued, returned, void, votes, match):
    with pytest.raises(ValidationError, match=match):
        el.check_count(issued, returned, void, {Post.MEMBER: votes}, {Post.MEMBER: 3})


# ---------------------------------------------------------------- before the vote: 差额, proxies, publication

@given(seats=st.integers(1, 9), margin=st.integers(1, 3), candidates=st.integers(0, 15))
def test_candidates_must_outnumber_the_seats_by_the_margin(seats, margin, candidates):
    short = el.margin_shortfall({Post.MEMBER: candidates}, {Post.MEMBER: seats}, margin)
    assert (Post.MEMBER in short) == (candidates < seats + margin)
    if candidates < seats + margin:
        assert short[Post.MEMBER] == seats + margin - candidates
        with pytest.raises(ValidationError, match="差额"):
            el.check_margin({Post.MEMBER: candidates}, {Post.MEMBER: seats}, margin)
    else:
        el.check_margin({Post.MEMBER: candidates}, {Post.MEMBER: seats}, margin)


def test_a_post_without_seats_needs_no_candidates():
    assert el.margin_shortfall({}, {Post.DIRECTOR: 0, Post.MEMBER: 1}, 1) == {Post.MEMBER: 2}


@given(most=st.integers(0, 5))
def test_a_holder_carries_at_most_the_profiles_number_of_proxies(most):
    voters = {f"v{i}" for i in range(10)} | {"h"}
    given_ = {f"v{i}": "h" for i in range(most)}
    with pytest.raises(ValidationError, match=f"at most {most}"):
        el.check_proxy("v9", "h", voters=voters, given=given_, proxy_max=most)
    if most:
        el.check_proxy("v9", "h", voters=voters, given=dict(list(given_.items())[:-1]), proxy_max=most)


@pytest.mark.parametrize("giver,holder,given,match", [
    ("a", "a", {}, "themselves"),
    ("x", "a", {}, "not on the voter register"),
    ("a", "x", {}, "not on the voter register"),
    ("a", "b", {"a": "c"}, "already given"),
    ("a", "b", {"b": "c"}, "cannot carry"),
    ("a", "b", {"c": "a"}, "cannot give their vote away"),
])
def test_proxies_are_between_voters_and_never_chained(giver, holder, given, match):
    with pytest.raises(ValidationError, match=match):
        el.check_proxy(giver, holder, voters={"a", "b", "c"}, given=given, proxy_max=3)


def test_the_voter_list_is_published_at_least_twenty_days_before():
    day = dt.date(2026, 12, 21)
    assert el.publication_ok(dt.date(2026, 12, 1), day, RULES.voter_list_days)
    assert not el.publication_ok(dt.date(2026, 12, 2), day, RULES.voter_list_days)


# ---------------------------------------------------------------- recall

@given(n=st.integers(1, 3000), data=st.data())
def test_a_recall_is_proposed_by_one_fifth_of_voters_inclusive(n, data):
    p = data.draw(st.integers(0, n))
    assert rc.recall_proposal(rc.RecallBasis.VOTERS, n, p, RECALL).ok == (p >= 1 and 5 * p >= n)


@given(n=st.integers(1, 3000), data=st.data())
def test_a_recall_is_proposed_by_one_third_of_representatives_inclusive(n, data):
    p = data.draw(st.integers(0, n))
    assert rc.recall_proposal(rc.RecallBasis.REPRESENTATIVES, n, p, RECALL).ok == (p >= 1 and 3 * p >= n)


def test_recall_proposal_boundaries_from_law_md():
    assert rc.recall_proposal(rc.RecallBasis.VOTERS, 40, 8, RECALL).ok
    assert not rc.recall_proposal(rc.RecallBasis.VOTERS, 41, 8, RECALL).ok
    assert rc.recall_proposal(rc.RecallBasis.REPRESENTATIVES, 30, 10, RECALL).ok
    assert not rc.recall_proposal(rc.RecallBasis.REPRESENTATIVES, 31, 10, RECALL).ok
    with pytest.raises(ValidationError, match="at least 9") as exc:
        rc.check_recall_proposal(rc.RecallBasis.VOTERS, 41, 8, RECALL)
    assert exc.value.field == "proposers"


@given(registered=st.integers(1, 500), data=st.data())
def test_recalled_when_more_than_half_vote_and_more_than_half_of_returned_are_for(registered, data):
    returned = data.draw(st.integers(0, registered))
    votes_for = data.draw(st.integers(0, returned))
    against = data.draw(st.integers(0, returned - votes_for))
    result = rc.recall_result(registered, returned, returned, votes_for, against, 0, RECALL)
    assert result.recalled == (2 * returned > registered and 2 * votes_for > returned)


@given(k=st.integers(1, 500))
def test_exactly_half_for_is_not_a_recall(k):
    assert not rc.recall_result(4 * k, 2 * k + 2, 2 * k + 2, k + 1, k + 1, 0, RECALL).recalled
    assert rc.recall_result(4 * k, 2 * k + 2, 2 * k + 2, k + 2, k, 0, RECALL).recalled
    assert not rc.recall_result(4 * k, 2 * k, 2 * k, 2 * k, 0, 0, RECALL).recalled  # exactly half voted


@pytest.mark.parametrize("args,match", [
    ((10, 11, 5, 5, 1), "void and must be held again"),
    ((10, 10, 6, 5, 0), "only 10 returned"),
    ((10, 10, -1, 5, 0), "0 or more"),
])
def test_a_recall_tally_that_cannot_be_is_refused(args, match):
    with pytest.raises(ValidationError, match=match):
        rc.check_recall_count(*args)


def test_the_result_json_has_the_issues_shape():
    result = count({Post.DIRECTOR: {1: 70, 2: 28}, Post.MEMBER: {3: 60, 4: 55, 5: 55}},
                   {Post.DIRECTOR: 1, Post.MEMBER: 2}, registered=120, issued=101, returned=100, void=2)
    data = result.as_json()
    assert {"registered", "issued", "returned", "valid", "void", "turnout_ok", "elected", "unfilled", "tied",
            "next"} <= set(data)
    assert data["elected"] == [{"member": 1, "post": "director", "votes": 70},
                               {"member": 3, "post": "member", "votes": 60}]
    assert data["tied"] == [{"post": "member", "seats": 1, "members": [4, 5]}]
    assert data["unfilled"] == []
    assert data["next"] == [{"kind": "tie", "post": "member", "seats": 1, "candidates": [4, 5],
                             "rule": "regular"}]
    assert (data["valid"], data["void"]) == (98, 2)


# ---------------------------------------------------------------- the seats an election opens

def test_a_general_election_fills_one_director_and_the_committees_size():
    el.check_seats(el.ElectionKind.GENERAL, {Post.DIRECTOR: 1, Post.DEPUTY: 1, Post.MEMBER: 3},
                   size_min=5, size_max=9)
    with pytest.raises(ValidationError, match="one director"):
        el.check_seats(el.ElectionKind.GENERAL, {Post.DEPUTY: 2, Post.MEMBER: 3}, size_min=5, size_max=9)
    with pytest.raises(ValidationError, match="5 to 9"):
        el.check_seats(el.ElectionKind.GENERAL, {Post.DIRECTOR: 1, Post.MEMBER: 3}, size_min=5, size_max=9)
    with pytest.raises(ValidationError, match="5 to 9"):
        el.check_seats(el.ElectionKind.GENERAL, {Post.DIRECTOR: 1, Post.MEMBER: 9}, size_min=5, size_max=9)


def test_a_by_election_fills_the_vacancies():
    serving = {Post.DIRECTOR: 0, Post.DEPUTY: 1, Post.MEMBER: 2}
    assert el.vacancies(serving, 5) == {Post.DIRECTOR: 1, Post.MEMBER: 1}
    assert el.vacancies({Post.DIRECTOR: 1, Post.MEMBER: 4}, 5) == {}
    el.check_seats(el.ElectionKind.BY_ELECTION, el.vacancies(serving, 5), size_min=5, size_max=9,
                   serving=serving)
    with pytest.raises(ValidationError, match="at least one seat"):
        el.check_seats(el.ElectionKind.BY_ELECTION, {}, size_min=5, size_max=9, serving=serving)
    with pytest.raises(ValidationError, match="only when it is vacant"):
        el.check_seats(el.ElectionKind.BY_ELECTION, {Post.DIRECTOR: 1}, size_min=5, size_max=9,
                       serving={Post.DIRECTOR: 1, Post.MEMBER: 3})
    with pytest.raises(ValidationError, match="at most 9"):
        el.check_seats(el.ElectionKind.BY_ELECTION, {Post.MEMBER: 2}, size_min=5, size_max=9,
                       serving={Post.DIRECTOR: 1, Post.MEMBER: 7})


@given(returned=st.integers(3, 300))
def test_one_further_round_holds_each_post_under_its_own_share(returned):
    """A round after a tie among members and an unfilled director's seat: the tied still need more than half
    of the ballots returned, the director's 另行选举 a third or more — exactly a third is enough there."""
    third = -(-returned // 3)  # the fewest votes that are a third or more
    half = returned // 2 + 1  # the fewest that are more than half
    votes = {Post.DIRECTOR: {"a": third, "b": third - 1}, Post.MEMBER: {"c": half, "d": returned - half}}
    post_rules = {Post.DIRECTOR: el.RoundKind.FURTHER, Post.MEMBER: el.RoundKind.REGULAR}
    result = el.count_round(kind=el.RoundKind.FURTHER, registered=returned, issued=returned, returned=returned,
                            void=0, votes=votes, seats={Post.DIRECTOR: 1, Post.MEMBER: 1},
                            method=el.ElectionMethod.VOTERS, rules=RULES, post_rules=post_rules)
    assert [(e.person, e.post) for e in result.elected] == [("a", Post.DIRECTOR), ("c", Post.MEMBER)]
    assert [(p.post, p.rule, p.required) for p in result.posts] == [
        (Post.DIRECTOR, el.RoundKind.FURTHER, third), (Post.MEMBER, el.RoundKind.REGULAR, half)]
    short = el.count_round(kind=el.RoundKind.FURTHER, registered=returned, issued=returned, returned=returned,
                           void=0, votes={Post.DIRECTOR: {"a": third - 1}, Post.MEMBER: {"c": half - 1}},
                           seats={Post.DIRECTOR: 1, Post.MEMBER: 1}, method=el.ElectionMethod.VOTERS, rules=RULES,
                           post_rules=post_rules)
    # nobody reached the share: both seats go to 另行选举 (the tied member's seat too)
    assert short.elected == () and {(n.post, n.kind, n.rule) for n in short.next} == {
        (Post.DIRECTOR, el.NextKind.FURTHER, el.RoundKind.FURTHER),
        (Post.MEMBER, el.NextKind.FURTHER, el.RoundKind.FURTHER)}
