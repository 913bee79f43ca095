"""Elections and by-elections of the residents' committee, as pure rules (S9, LAW.md); recall is
``rules.recall``.

S9 gives the residents' meeting the power to elect, recall (撤换 / 罢免) and by-elect (补选) the committee.
The figures are the profile's (LAW.md "The 2025 revision"; the village organic law where the urban text is
silent), every one a rules key read through :class:`ElectionRules`. All arithmetic is
on integers through :class:`~juwei.rules.thresholds.Threshold`: 过半数 is strict, 三分之一以上 inclusive.

Ballots are counts: nothing here sees who marked what, only how many ballots were issued and returned and
how many votes each person received for each post (``votes[post][person]``). A *person* is whatever the
caller uses to name one (a member id); it only needs to be hashable, and lists keep the caller's order
where the votes are equal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Container, Hashable, Mapping

from juwei.errors import ValidationError, named
from juwei.i18n import label, t
from juwei.rules.committee import CommitteeRole
from juwei.rules.thresholds import Threshold

Person = Hashable
Post = CommitteeRole  # 主任 / 副主任 / 委员: the posts an election fills are the committee's (S9)
POSTS: tuple[CommitteeRole, ...] = (CommitteeRole.DIRECTOR, CommitteeRole.DEPUTY, CommitteeRole.MEMBER)


class ElectionKind(StrEnum):  # labels: kind "election kind"
    GENERAL = "general"  # 换届选举: the whole committee
    BY_ELECTION = "by-election"  # 补选: the vacancies


class ElectionMethod(StrEnum):  # who votes (LAW.md; labels: kind "election method")
    VOTERS = "voters"  # 选民直接选举
    HOUSEHOLDS = "households"  # 每户派代表选举
    REPRESENTATIVES = "representatives"  # 居民代表选举


class RoundKind(StrEnum):  # the share a round's winners need (labels: kind "election round")
    REGULAR = "regular"  # election_majority of the ballots returned
    FURTHER = "further"  # 另行选举: election_runoff_share of the ballots returned, and the most votes


class ElectionStatus(StrEnum):  # labels: kind "election status"
    OPEN = "open"  # from opening to the count
    CLOSED = "closed"  # the elected have taken their posts


class ElectionDoc(StrEnum):  # what the board shows of an election (labels: kind "election document")
    VOTERS = "voters"  # 选民名单: published before polling day (election_voter_list_days)
    PROXIES = "proxies"  # 委托投票名单
    CANDIDATES = "candidates"  # 候选人名单
    REPORT = "report"  # 选举结果报告单
    ANNOUNCEMENT = "announcement"  # 当选公告


class NextKind(StrEnum):  # why a further round is needed (labels: kind "next round")
    REPEAT = "repeat"  # turnout failed: the round is held again (重新选举)
    TIE = "tie"  # equal votes for the last seat: a vote between the tied
    FURTHER = "further"  # seats left unfilled: 另行选举


# ---------------------------------------------------------------- the profile's figures

@dataclass(frozen=True)
class ElectionRules:
    """The election figures in force (rules keys ``election_*``; all marked unverified, LAW.md)."""

    turnout: Threshold  # voters / households: 过半数 of the register
    turnout_representatives: Threshold  # representatives: more than two thirds
    majority: Threshold  # elected with 过半数 of the ballots returned
    runoff_share: Threshold  # 另行选举: 三分之一以上 of the ballots returned
    candidate_margin: int  # 差额: candidates exceed seats by at least this
    proxy_max: int  # votes one holder may carry for others
    voter_list_days: int  # the register is published this many days before polling day, at least

    @classmethod
    def of(cls, rules: Any) -> ElectionRules:
        """From the rules in force (``profiles.Rules``)."""
        return cls(rules.election_turnout, rules.election_turnout_representatives, rules.election_majority,
                   rules.election_runoff_share, rules.election_candidate_margin, rules.election_proxy_max,
                   rules.election_voter_list_days)

    def turnout_rule(self, method: ElectionMethod) -> Threshold:
        return self.turnout_representatives if method == ElectionMethod.REPRESENTATIVES else self.turnout

    def win_rule(self, kind: RoundKind) -> Threshold:
        return self.runoff_share if kind == RoundKind.FURTHER else self.majority


# ---------------------------------------------------------------- before the vote

def vacancies(serving: Mapping[Post, int], size_min: int) -> dict[Post, int]:
    """The seats a by-election (补选) fills by default, from the posts the register shows held on its day: the
    director's when no one holds it, and members up to the committee's smallest size (LAW.md Art. 7). Empty:
    no vacancy, so no by-election."""
    seats: dict[Post, int] = {}
    if serving.get(Post.DIRECTOR, 0) == 0:
        seats[Post.DIRECTOR] = 1
    members = size_min - sum(serving.values()) - seats.get(Post.DIRECTOR, 0)
    if members > 0:
        seats[Post.MEMBER] = members
    return seats


def check_seats(kind: ElectionKind, seats: Mapping[Post, int], *, size_min: int, size_max: int,
                serving: Mapping[Post, int] | None = None) -> None:
    """The seats an election opens (S9, LAW.md Art. 7). A general election fills the whole committee: one
    director and ``size_min``–``size_max`` seats in all. A by-election fills vacancies beside those
    ``serving``: at least one seat, a director's only when no one holds it, and never past ``size_max``."""
    for post, n in seats.items():
        if n < 0:
            raise ValidationError(t("{post}: seats must be 0 or more, not {value}",
                                    post=label("committee post", post), value=n), field="seats")
    total, director = sum(seats.values()), seats.get(Post.DIRECTOR, 0)
    if kind == ElectionKind.GENERAL:
        if director != 1:
            raise ValidationError(t("a general election fills one director's seat, not {n}", n=director),
                                  field="seats")
        if not size_min <= total <= size_max:
            raise ValidationError(t("a general election fills {total} seats; the committee has {lo} to {hi} "
                                    "members", total=total, lo=size_min, hi=size_max), field="seats")
        return
    serving = serving or {}
    if total < 1:
        raise ValidationError(t("a by-election fills at least one seat"), field="seats")
    if director + serving.get(Post.DIRECTOR, 0) > 1:
        raise ValidationError(t("the committee has one director; a by-election fills that seat only when it "
                                "is vacant"), field="seats")
    if total + sum(serving.values()) > size_max:
        raise ValidationError(t("{serving} serve and {total} seats are opened; the committee has at most {hi} "
                                "members", serving=sum(serving.values()), total=total, hi=size_max),
                              field="seats")


def publication_ok(published_on: dt.date, polling_day: dt.date, days: int) -> bool:
    """LAW.md (2025 revision): the voter register is published no later than ``days`` days before polling
    day — published on the 1st, polling on the 21st is 20 days before."""
    return (polling_day - published_on).days >= days


def margin_shortfall(candidates: Mapping[Post, int], seats: Mapping[Post, int], margin: int) -> dict[Post, int]:
    """差额 (LAW.md): for each post with seats, candidates must number at least seats + ``margin``.
    Returns ``{post: how many more candidates are needed}`` for the posts short of it (empty: ballots may
    print)."""
    short = {}
    for post in POSTS:
        n = seats.get(post, 0)
        if n > 0 and candidates.get(post, 0) < n + margin:
            short[post] = n + margin - candidates.get(post, 0)
    return short


def check_margin(candidates: Mapping[Post, int], seats: Mapping[Post, int], margin: int) -> None:
    """Refuse to print ballots while a post has too few candidates (差额), naming the post and the figures."""
    for post, missing in margin_shortfall(candidates, seats, margin).items():
        raise ValidationError(t(
            "{post}: {candidates} candidates for {seats} seats; candidates must outnumber the seats by at least "
            "{margin} (差额), so {missing} more are needed",
            post=label("committee post", post), candidates=candidates.get(post, 0), seats=seats[post],
            margin=margin, missing=missing))


def check_proxy(giver: Person, holder: Person, *, voters: Container[Person],
                given: Mapping[Person, Person], proxy_max: int) -> None:
    """LAW.md (2025 revision): a voter may vote by written proxy (委托投票) for another voter of the same
    community. ``given`` maps each voter who already gave a proxy to its holder. Refused: either is not on
    the register, oneself, a second proxy from one giver, a holder who gave their own vote away (or a giver
    who already holds proxies: no chains), and a holder already carrying ``proxy_max``."""
    if giver == holder:
        raise ValidationError(t("a voter cannot give a proxy to themselves"))
    for who, person in (("giver", giver), ("holder", holder)):
        if person not in voters:
            raise ValidationError(t("{who} is not on the voter register; a proxy is given by a voter to "
                                    "another voter", who=named(who)))
    if giver in given:
        raise ValidationError(t("{who} has already given a proxy", who=named("giver")))
    if holder in given:
        raise ValidationError(t("{who} has given their own vote by proxy and cannot carry another's",
                                who=named("holder")))
    held = sum(1 for h in given.values() if h == holder)
    if giver in given.values():
        raise ValidationError(t("{who} carries proxies and cannot give their vote away", who=named("giver")))
    if held >= proxy_max:
        raise ValidationError(t("{who} already carries {held} proxies; the rules allow at most {most}",
                                who=named("holder"), held=held, most=proxy_max))


# ---------------------------------------------------------------- the count

def void_round(issued: int, returned: int) -> bool:
    """LAW.md: more ballots returned than issued voids the round; it is held again."""
    return returned > issued


def check_ballots(**figures: int) -> None:
    """Every figure of a tally is 0 or more, and no more ballots are returned than were issued (else the
    round is void, LAW.md). Figures are named by their field (``issued``, ``returned``, ``void``, …)."""
    for name, value in figures.items():
        if value < 0:
            raise ValidationError(t("{option} must be 0 or more, not {value}", option=named(name), value=value))
    issued, returned = figures["issued"], figures["returned"]
    if void_round(issued, returned):
        raise ValidationError(t("{returned} ballots returned but only {issued} issued: the round is void and "
                                "must be held again", returned=returned, issued=issued), field="returned")


def check_count(issued: int, returned: int, void: int, votes: Mapping[Post, Mapping[Person, int]],
                seats: Mapping[Post, int]) -> int:
    """The tellers' tally before anything is recorded; returns the valid ballots (returned − void).

    Refused: a negative figure, returned > issued (a void round), void > returned, a person with more votes
    for a post than valid ballots, and votes for a post above valid ballots × its seats (a ballot marks
    at most one person per seat)."""
    check_ballots(issued=issued, returned=returned, void=void)
    if void > returned:
        raise ValidationError(t("{void} void ballots but only {returned} returned", void=void, returned=returned),
                              field="void")
    valid = returned - void
    for post, by_person in votes.items():
        post_label = label("committee post", post)
        for person, n in by_person.items():
            if n < 0:
                raise ValidationError(t("{post}: votes for {person} must be 0 or more, not {value}",
                                        post=post_label, person=person, value=n), field="votes")
            if n > valid:
                raise ValidationError(t("{post}: {person} has {n} votes but only {valid} ballots are valid",
                                        post=post_label, person=person, n=n, valid=valid), field="votes")
        total, most = sum(by_person.values()), valid * seats.get(post, 0)
        if total > most:
            raise ValidationError(t("{post}: {total} votes counted but {valid} valid ballots for {seats} seats "
                                    "allow at most {most}", post=post_label, total=total, valid=valid,
                                    seats=seats.get(post, 0), most=most), field="votes")
    return valid


@dataclass(frozen=True)
class Turnout:
    registered: int
    returned: int
    required: int  # the fewest ballots returned for the round to count
    ok: bool


def turnout(registered: int, returned: int, rule: Threshold) -> Turnout:
    """LAW.md: a round counts when more than half of the register (voters, households) returns ballots —
    more than two thirds where the representatives elect (``ElectionRules.turnout_rule``). An empty register
    never counts."""
    return Turnout(registered, returned, rule.minimum(registered),
                   registered > 0 and rule.met(returned, registered))


@dataclass(frozen=True)
class Elected:
    person: Person
    post: Post
    votes: int

    def as_json(self) -> dict:
        return {"member": self.person, "post": str(self.post), "votes": self.votes}


@dataclass(frozen=True)
class NextRound:
    """A further vote a post needs: ``seats`` seats among ``candidates`` (tie: the tied; further: those not
    elected with the most votes, as many as the 差额 asks, all tied at the cut included; repeat: empty — the
    same candidates again), whose winners need the share of ``rule``."""

    kind: NextKind
    post: Post
    seats: int
    candidates: tuple[Person, ...]
    rule: RoundKind

    def as_json(self) -> dict:
        return {"kind": str(self.kind), "post": str(self.post), "seats": self.seats,
                "candidates": list(self.candidates), "rule": str(self.rule)}


@dataclass(frozen=True)
class PostResult:
    post: Post
    seats: int
    required: int  # the fewest votes that meet the round's share
    elected: tuple[Elected, ...]
    tied: tuple[Person, ...]  # equal votes for the last seat(s), each meeting the share
    tied_seats: int  # the seats those tied compete for
    unfilled: int  # seats no one won (tie seats excluded): 另行选举, or all of them when turnout failed
    next: NextRound | None = None
    rule: RoundKind = RoundKind.REGULAR  # the share this post's winners needed in the round


@dataclass(frozen=True)
class RoundResult:
    """One round counted; :meth:`as_json` is ``election result --json`` (persons as given: member ids)."""

    kind: RoundKind
    registered: int
    issued: int
    returned: int
    valid: int
    void: int
    turnout: Turnout
    posts: tuple[PostResult, ...]

    @property
    def turnout_ok(self) -> bool:
        return self.turnout.ok

    @property
    def elected(self) -> tuple[Elected, ...]:
        return tuple(e for p in self.posts for e in p.elected)

    @property
    def unfilled(self) -> dict[Post, int]:
        return {p.post: p.unfilled for p in self.posts if p.unfilled}

    @property
    def tied(self) -> dict[Post, tuple[Person, ...]]:
        return {p.post: p.tied for p in self.posts if p.tied}

    @property
    def next(self) -> tuple[NextRound, ...]:
        return tuple(p.next for p in self.posts if p.next is not None)

    @property
    def complete(self) -> bool:
        """Every seat filled: the election can close."""
        return self.turnout_ok and not self.next

    def as_json(self) -> dict:
        return {"registered": self.registered, "issued": self.issued, "returned": self.returned,
                "valid": self.valid, "void": self.void, "turnout_ok": self.turnout_ok,
                "required_turnout": self.turnout.required, "round": str(self.kind),
                "elected": [e.as_json() for e in self.elected],
                "unfilled": [{"post": str(p), "seats": n} for p, n in self.unfilled.items()],
                "tied": [{"post": str(p.post), "seats": p.tied_seats, "members": list(p.tied)}
                         for p in self.posts if p.tied],
                "next": [n.as_json() for n in self.next]}


def ranked(votes: Mapping[Person, int]) -> list[tuple[Person, int]]:
    """Most votes first; equal votes keep the caller's order (sorted is stable)."""
    return sorted(votes.items(), key=lambda pv: -pv[1])


def fill_seats(votes: Mapping[Person, int], seats: int, returned: int,
               rule: Threshold) -> tuple[list[tuple[Person, int]], list[Person], int, int]:
    """Seats filled in order of votes among those meeting ``rule`` of ``returned`` (at least one vote).

    Returns ``(elected, tied, tied_seats, unfilled)``: a group with equal votes larger than the seats left
    is a tie for the last seat(s) — none of them is elected and they go to a vote between them (Election Law
    Arts. 44–45, LAW.md); seats no one qualifies for are unfilled (另行选举)."""
    elected: list[tuple[Person, int]] = []
    left = seats
    qualified = [(p, n) for p, n in ranked(votes) if n >= 1 and rule.met(n, returned)]
    i = 0
    while left > 0 and i < len(qualified):
        n = qualified[i][1]
        group = [pv for pv in qualified[i:] if pv[1] == n]
        if len(group) > left:
            return elected, [p for p, _ in group], left, 0
        elected.extend(group)
        left -= len(group)
        i += len(group)
    return elected, [], 0, left


def further_candidates(votes: Mapping[Person, int], exclude: Container[Person], seats: int,
                       margin: int) -> tuple[Person, ...]:
    """另行选举's candidates: those not elected with the most votes (at least one), ``seats + margin`` of them
    (差额), everyone with the same votes as the last included. May be fewer when too few received votes: the
    election committee then adds candidates before ballots print (``check_margin``)."""
    pool = [(p, n) for p, n in ranked(votes) if n >= 1 and p not in exclude]
    want = seats + margin
    if len(pool) <= want:
        return tuple(p for p, _ in pool)
    cut = pool[want - 1][1]
    return tuple(p for p, n in pool if n >= cut)


def count_round(*, kind: RoundKind, registered: int, issued: int, returned: int, void: int,
                votes: Mapping[Post, Mapping[Person, int]], seats: Mapping[Post, int], method: ElectionMethod,
                rules: ElectionRules, post_rules: Mapping[Post, RoundKind] | None = None) -> RoundResult:
    """Count one round (S9, LAW.md "Elections and evaluations as they are run").

    The tally is checked first (:func:`check_count`). The round counts when turnout passes; then each post,
    director first, is filled in order of votes by those with ``rules.win_rule(kind)`` of the ballots
    returned (void ones included: 投票数). A person elected to a higher post is not counted for a lower one.
    A tie for the last seat goes to a vote between the tied; unfilled seats to 另行选举; a failed turnout
    to the same round again.

    A further round may hold posts under different shares (``post_rules``, by default ``kind`` for all): a
    vote between the tied keeps the share of the round that tied, 另行选举 needs ``runoff_share``."""
    valid = check_count(issued, returned, void, votes, seats)
    share = turnout(registered, returned, rules.turnout_rule(method))
    results: list[PostResult] = []
    taken: set[Person] = set()
    for post in POSTS:
        n = seats.get(post, 0)
        if n <= 0:
            continue
        post_kind = (post_rules or {}).get(post, kind)
        rule = rules.win_rule(post_kind)
        post_votes = {p: v for p, v in votes.get(post, {}).items() if p not in taken}
        required = max(1, rule.minimum(returned))
        if not share.ok:
            nxt = NextRound(NextKind.REPEAT, post, n, (), post_kind)
            results.append(PostResult(post, n, required, (), (), 0, n, nxt, post_kind))
            continue
        won, tied, tied_seats, unfilled = fill_seats(post_votes, n, returned, rule)
        taken.update(p for p, _ in won)
        nxt = None
        if tied:
            nxt = NextRound(NextKind.TIE, post, tied_seats, tuple(tied), post_kind)
        elif unfilled:
            pool = further_candidates(post_votes, taken, unfilled, rules.candidate_margin)
            nxt = NextRound(NextKind.FURTHER, post, unfilled, pool, RoundKind.FURTHER)
        results.append(PostResult(post, n, required, tuple(Elected(p, post, v) for p, v in won), tuple(tied),
                                  tied_seats, unfilled, nxt, post_kind))
    return RoundResult(kind, registered, issued, returned, valid, void, share, tuple(results))


def codes() -> dict[str, tuple[str, ...]]:
    """Every code this module stores, by its label kind (for the label tables' test)."""
    return {"election kind": tuple(ElectionKind), "election method": tuple(ElectionMethod),
            "election status": tuple(ElectionStatus), "election document": tuple(ElectionDoc),
            "election round": tuple(RoundKind), "next round": tuple(NextKind)}

