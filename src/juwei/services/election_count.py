"""The count of an election (计票, S9, LAW.md): each round's tellers' tally recorded as figures only — ballots
issued, returned and void, and the votes each person received for each post — the result read back through
``rules.elections.count_round``, and the further rounds a result leaves (a vote between the tied, 另行选举).
Nothing here, or in the tables, links a voter to a choice.

A round is planned before it is counted: the first from the election's seats and candidates, a round held
again after a failed turnout with the same plan, and a further round (:func:`open_round`) from what the last
result left — for each post its seats, the share its winners need and who stands. The record before polling
day (the register, proxies, candidates) is :mod:`juwei.services.elections`; the elected taking their posts is
:mod:`juwei.services.election_close`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, t
from juwei.rules import elections as rules
from juwei.rules.codes import read_code
from juwei.rules.committee import ROLE_ALIASES, CommitteeRole
from juwei.rules.elections import Elected, ElectionMethod, ElectionRules, NextKind, RoundKind, RoundResult
from juwei.services import audit, elections
from juwei.services.roster import find_member
from juwei.services.scope import Scope
from juwei.storage.models import Member
from juwei.storage.models.elections import Election, ElectionRound, ElectionTally


# ---------------------------------------------------------------- a round's plan

@dataclass(frozen=True)
class RoundPost:
    """What a round fills for one post: its seats, the share its winners need, why the round is held (None:
    the first round) and who stands (None: the election's candidates for the post)."""

    seats: int
    rule: RoundKind = RoundKind.REGULAR
    why: NextKind | None = None
    candidates: tuple[int, ...] | None = None

    def as_json(self) -> dict:
        return {"seats": self.seats, "rule": str(self.rule), "why": str(self.why) if self.why else None,
                "candidates": list(self.candidates) if self.candidates is not None else None}


Plan = dict[CommitteeRole, RoundPost]


def plan_of(row: ElectionRound) -> Plan:
    data = json.loads(row.plan)
    return {CommitteeRole(post): RoundPost(p["seats"], RoundKind(p["rule"]), NextKind(p["why"]) if p["why"] else None,
                                           tuple(p["candidates"]) if p["candidates"] is not None else None)
            for post, p in data.items()}


def _plan_json(plan: Plan) -> str:
    return json.dumps({str(post): rp.as_json() for post, rp in plan.items()}, sort_keys=True)


def _round_kind(plan: Plan) -> RoundKind:
    return RoundKind.FURTHER if any(rp.rule == RoundKind.FURTHER for rp in plan.values()) else RoundKind.REGULAR


def standing(scope: Scope, election: Election, plan: Plan) -> dict[CommitteeRole, list[int]]:
    """Who stands for each post of a round (member ids), in the order recorded."""
    listed: dict[CommitteeRole, list[int]] = {}
    for c in elections.candidates(scope, election.id):
        listed.setdefault(CommitteeRole(c.post), []).append(c.member_id)
    return {post: list(rp.candidates) if rp.candidates is not None else listed.get(post, [])
            for post, rp in plan.items()}


def counted(scope: Scope, election: Election) -> list[ElectionRound]:
    return [r for r in elections.rounds(scope, election) if r.counted_on is not None]


@dataclass
class Pending:
    """The round the next count records: an opened one (``row``), or a new one to insert."""

    number: int
    plan: Plan
    row: ElectionRound | None


def pending_round(scope: Scope, election: Election) -> Pending:
    """The round a count records now: a further round opened and not counted; the first round, from the
    election's seats; or, after a round whose turnout failed, that round held again (重新选举). Refused when the
    last result left seats for a further round not yet opened, or filled every seat."""
    done = elections.rounds(scope, election)
    if not done:
        return Pending(1, {post: RoundPost(n) for post, n in elections.seats_of(election).items()}, None)
    last = done[-1]
    if last.counted_on is None:
        return Pending(last.number, plan_of(last), last)
    outcome = _result(scope, election, last)
    if not outcome.turnout_ok:
        return Pending(last.number + 1, {post: RoundPost(rp.seats, rp.rule, NextKind.REPEAT, rp.candidates)
                                         for post, rp in plan_of(last).items()}, None)
    if outcome.next:
        raise JuweiError(t("round {n} of election {id} left seats for a further round: open it with `juwei "
                           "election round {id}`", n=last.number, id=election.id))
    raise JuweiError(t("every seat of election {id} is filled; close it with `juwei election close {id}`",
                       id=election.id))


# ---------------------------------------------------------------- the tellers' lines

def find_person(scope: Scope, election_id: int, ref: str) -> int:
    """The member a tally line names (PERSON): a member id, an ID number, or a name — a name is looked up
    among the election's candidates, then on its register, and must name one person."""
    election = elections.find_election(scope, election_id)
    text = " ".join(str(ref).split())
    if text.isdigit() or len(text) >= 15:
        return find_member(scope, text).id
    for ids in ({c.member_id for c in elections.candidates(scope, election.id)},
                {v.member_id for v in elections.voters(scope, election.id) if v.member_id is not None}):
        if not ids:
            continue
        found = set(scope.session.exec(select(Member.id).where(Member.community_id == scope.community_id,
                                                               Member.name == text, Member.id.in_(ids))).all())
        if len(found) == 1:
            return found.pop()
        if len(found) > 1:
            raise ValidationError(t("{count} people named {name} stand or vote in election {id}: give the member "
                                    "id", count=len(found), name=text, id=election.id), field="votes")
    raise NotFound(t("no candidate or voter named {name} in election {id}", name=text, id=election.id))


def votes_of(scope: Scope, election_id: int,
             lines: list[tuple[str | None, str, int]]) -> dict[CommitteeRole, dict[int, int]]:
    """The tellers' lines ``(post or None, person, votes)`` as votes by post and member id. A line without a
    post counts for the post the person stands for in the round being counted; a person written in, or
    standing for two posts, needs the post. A person named twice for one post is refused."""
    election = elections.find_election(scope, election_id)
    elections.require_open(election)
    by_member: dict[int, list[CommitteeRole]] = {}
    for post, ids in standing(scope, election, pending_round(scope, election).plan).items():
        for member_id in ids:
            by_member.setdefault(member_id, []).append(post)
    votes: dict[CommitteeRole, dict[int, int]] = {}
    for post, ref, n in lines:
        member_id = find_person(scope, election.id, ref)
        if post is None:
            posts = by_member.get(member_id, [])
            if len(posts) != 1:
                raise ValidationError(t("{votes}: give the post for {person}, who stands for {n} posts here "
                                        "(POST:PERSON=N)", votes=named("votes"), person=ref, n=len(posts)))
            chosen = posts[0]
        else:
            chosen = read_code(CommitteeRole, "committee post", post, "votes", ROLE_ALIASES)
        if member_id in votes.setdefault(chosen, {}):
            raise ValidationError(t("{votes}: {person} is counted twice for {post}", votes=named("votes"),
                                    person=ref, post=label("committee post", chosen)))
        votes[chosen][member_id] = n
    return votes


TALLY_COLUMNS = {"post": ("职务", "岗位"), "person": ("姓名", "人员", "候选人", "member", "name"),
                 "votes": ("票数", "得票", "得票数")}


def read_tally(path: str | Path) -> list[tuple[str | None, str, int]]:
    """A tally sheet (.csv or .xlsx) as tellers' lines: columns person and votes, post optional (English or
    Chinese headers: 职务, 姓名, 票数). A bad row is refused naming its number."""
    from juwei.services.sheets import blank, read_table

    lines = []
    for number, values in read_table(path, TALLY_COLUMNS, ("person", "votes")):
        person = "" if blank(values.get("person")) else str(values["person"]).strip()
        text = "" if blank(values.get("votes")) else str(values["votes"]).strip()
        if text.endswith(".0"):
            text = text[:-2]  # a spreadsheet's number cell
        if not person or not text.isdigit():
            raise ValidationError(t("{path}, row {row}: a person and a whole number of votes are needed",
                                    path=Path(path).name, row=number), field="file")
        post = None if blank(values.get("post")) else str(values["post"]).strip()
        lines.append((post, person, int(text)))
    if not lines:
        raise ValidationError(t("{path} has no votes", path=Path(path).name), field="file")
    return lines


# ---------------------------------------------------------------- the count

def elected_so_far(scope: Scope, election: Election) -> list[tuple[int, Elected]]:
    """Everyone elected in the rounds counted, with the round's number, director first within each round."""
    return [(row.number, e) for row in counted(scope, election) for e in _result(scope, election, row).elected]


def count(scope: Scope, election_id: int, *, issued: int, returned: int, void: int,
          votes: Mapping[CommitteeRole, Mapping[int, int]], urgent: str | None = None) -> RoundResult:
    """The tellers' tally of the round due (:func:`pending_round`), recorded as figures only: ballots issued,
    returned, void, and the votes each person (a member id) received for each post — candidates and people
    written in, who must be voters (not in a vote between the tied, nor anyone already elected). Refused, with
    nothing written: a voter register published late (unless ``urgent``, kept on the election), too few
    candidates (差额), and a tally ``rules.elections.check_count`` refuses (returned > issued voids the round:
    it is held again)."""
    election = elections.find_election(scope, election_id)
    elections.require_open(election)
    pending = pending_round(scope, election)
    elections.require_register(scope, election)
    before = audit.row_state(election)
    if urgent is not None:
        election.urgent_reason = elections.clean_reason(urgent, "urgent")
    elections.check_voter_list(scope, election)
    seats = {post: rp.seats for post, rp in pending.plan.items()}
    if pending.number == 1:
        elections.check_ballot(scope, election, seats)
    tally = _checked_votes(scope, election, votes, pending)
    registered = len(elections.voters(scope, election.id))
    result = _count_round(election, pending.plan, tally, registered=registered, issued=issued, returned=returned,
                          void=void)
    if urgent is not None:
        scope.session.add(election)
        audit.record_row(scope, "election.urgent", "election", election, before=before)
    row = pending.row or ElectionRound(community_id=scope.community_id, election_id=election.id,
                                       number=pending.number, kind=_round_kind(pending.plan),
                                       plan=_plan_json(pending.plan), opened_on=scope.today)
    row_before = audit.row_state(row) if pending.row is not None else None
    row.registered, row.issued, row.returned, row.void, row.counted_on = (registered, issued, returned, void,
                                                                          scope.today)
    scope.session.add(row)
    audit.record_row(scope, "election.count", "election_round", row, before=row_before)
    for post, by_person in tally.items():
        for member_id, n in by_person.items():
            line = ElectionTally(community_id=scope.community_id, round_id=row.id, post=post,
                                 member_id=member_id, votes=n)
            scope.session.add(line)
            audit.record_row(scope, "election.tally", "election_tally", line)
    return result


def _checked_votes(scope: Scope, election: Election, votes: Mapping[CommitteeRole, Mapping[int, int]],
                   pending: Pending) -> dict[CommitteeRole, dict[int, int]]:
    """The votes by post, everyone standing in the round listed (0 when none was given). Refused: a post the
    round does not fill; a person written in who is not a voter, was elected in an earlier round, or in a
    vote between the tied is not one of them."""
    tally: dict[CommitteeRole, dict[int, int]] = {post: dict.fromkeys(ids, 0) for post, ids in
                                                  standing(scope, election, pending.plan).items()}
    elected = {e.person for _, e in elected_so_far(scope, election)}
    for post, by_person in votes.items():
        post = read_code(CommitteeRole, "committee post", post, "votes", ROLE_ALIASES)
        if post not in tally:
            raise ValidationError(t("round {n} of election {id} fills no seat of {post}", n=pending.number,
                                    id=election.id, post=label("committee post", post)), field="votes")
        for member_id, n in by_person.items():
            if member_id not in tally[post]:
                member = find_member(scope, member_id)
                if pending.plan[post].why == NextKind.TIE:
                    raise ValidationError(t("round {n} is a vote between the tied for {post}; member {id} ({name}) "
                                            "is not one of them", n=pending.number,
                                            post=label("committee post", post), id=member.id, name=member.name),
                                          field="votes")
                if member.id in elected:
                    raise ValidationError(t("member {id} ({name}) was elected in an earlier round", id=member.id,
                                            name=member.name), field="votes")
                elections.may_stand(scope, election, member)  # 另选他人: a voter written in
            tally[post][member_id] = n
    return tally


def _count_round(election: Election, plan: Plan, tally: Mapping[CommitteeRole, Mapping[int, int]], *,
                 registered: int, issued: int, returned: int, void: int) -> RoundResult:
    return rules.count_round(kind=_round_kind(plan), registered=registered, issued=issued, returned=returned,
                             void=void, votes=tally, seats={post: rp.seats for post, rp in plan.items()},
                             method=ElectionMethod(election.method),
                             rules=ElectionRules.of(elections.election_rules(election)),
                             post_rules={post: rp.rule for post, rp in plan.items()})


def _result(scope: Scope, election: Election, row: ElectionRound) -> RoundResult:
    tally: dict[CommitteeRole, dict[int, int]] = {}
    for line in scope.session.exec(select(ElectionTally).where(ElectionTally.round_id == row.id)
                                   .order_by(ElectionTally.id)).all():
        tally.setdefault(CommitteeRole(line.post), {})[line.member_id] = line.votes
    return _count_round(election, plan_of(row), tally, registered=row.registered, issued=row.issued,
                        returned=row.returned, void=row.void)


def result(scope: Scope, election_id: int, number: int | None = None) -> RoundResult:
    """A counted round (the latest by default) as ``rules.elections.count_round`` reads it: turnout, the
    elected in order of votes, ties and seats left for a further round."""
    election = elections.find_election(scope, election_id)
    rows = counted(scope, election)
    chosen = rows[-1] if rows and number is None else next((r for r in rows if r.number == number), None)
    if chosen is None:
        raise NotFound(t("election {id} has no counted round {n}", id=election.id, n=number or 1))
    return _result(scope, election, chosen)


@dataclass
class Outcome:
    """The election so far: the latest counted round, everyone elected in any round, and a further round
    opened and not yet counted. ``as_json()`` is ``election result --json``."""

    round: int
    latest: RoundResult
    elected: list[tuple[int, Elected]]
    opened: int | None  # a further round opened and not counted

    @property
    def complete(self) -> bool:
        """Every seat filled: the election can close."""
        return self.latest.complete and self.opened is None

    def as_json(self) -> dict:
        return {**self.latest.as_json(), "round": self.round, "round_rule": str(self.latest.kind),
                "elected": [{**e.as_json(), "round": n} for n, e in self.elected],
                "complete": self.complete, "opened_round": self.opened}


def outcome(scope: Scope, election_id: int) -> Outcome:
    election = elections.find_election(scope, election_id)
    rows = counted(scope, election)
    if not rows:
        raise NotFound(t("election {id} has no counted round {n}", id=election.id, n=1))
    last = elections.rounds(scope, election)[-1]
    return Outcome(rows[-1].number, _result(scope, election, rows[-1]), elected_so_far(scope, election),
                   last.number if last.counted_on is None else None)


# ---------------------------------------------------------------- a further round (另行选举, a vote between the tied)

def open_round(scope: Scope, election_id: int, *,
               add: Iterable[tuple[CommitteeRole | str, str]] = ()) -> ElectionRound:
    """Open the further round the last result left: for each post its seats, the share its winners need (a
    vote between the tied keeps the round's; 另行选举 the run-off share, LAW.md) and who stands — the tied, or
    those not elected with the most votes. ``add`` names more candidates ``(post, member)`` for 另行选举 when
    too few received votes; each post of 另行选举 must then have the 差额 (candidates ≥ seats + margin).
    A vote between the tied takes no one else."""
    election = elections.find_election(scope, election_id)
    elections.require_open(election)
    done = elections.rounds(scope, election)
    if not done:
        raise JuweiError(t("election {id} has no counted round yet; count round 1 first", id=election.id))
    last = done[-1]
    if last.counted_on is None:
        raise JuweiError(t("round {n} of election {id} is open and not counted yet", n=last.number,
                           id=election.id))
    left = _result(scope, election, last).next
    if not left:
        raise JuweiError(t("every seat of election {id} is filled; close it with `juwei election close {id}`",
                           id=election.id))
    previous = plan_of(last)
    plan: Plan = {}
    for nxt in left:
        if nxt.kind == NextKind.REPEAT:
            plan[nxt.post] = RoundPost(nxt.seats, nxt.rule, nxt.kind, previous[nxt.post].candidates)
        else:
            plan[nxt.post] = RoundPost(nxt.seats, nxt.rule, nxt.kind, tuple(nxt.candidates))
    elected = {e.person for _, e in elected_so_far(scope, election)}
    for post, ref in add:
        post = read_code(CommitteeRole, "committee post", post, "candidate", ROLE_ALIASES)
        rp = plan.get(post)
        if rp is None or rp.why != NextKind.FURTHER:
            raise ValidationError(t("round {n} holds no 另行选举 for {post}: candidates are added only there",
                                    n=last.number + 1, post=label("committee post", post)), field="candidate")
        member = find_member(scope, ref)
        if member.id in elected or member.id in rp.candidates:
            raise ValidationError(t("member {id} ({name}) is already elected or standing", id=member.id,
                                    name=member.name), field="candidate")
        elections.may_stand(scope, election, member)
        plan[post] = RoundPost(rp.seats, rp.rule, rp.why, (*rp.candidates, member.id))
    margin = ElectionRules.of(elections.election_rules(election)).candidate_margin
    further = {post: rp for post, rp in plan.items() if rp.why == NextKind.FURTHER}
    short = rules.margin_shortfall({post: len(rp.candidates) for post, rp in further.items()},
                                   {post: rp.seats for post, rp in further.items()}, margin)
    for post, missing in short.items():
        raise ValidationError(t("{post}: {candidates} stand for {seats} seats in 另行选举; add {missing} more with "
                                "{option} POST:MEMBER", post=label("committee post", post),
                                candidates=len(plan[post].candidates), seats=plan[post].seats, missing=missing,
                                option=named("candidate")), field="candidate")
    row = ElectionRound(community_id=scope.community_id, election_id=election.id, number=last.number + 1,
                        kind=_round_kind(plan), plan=_plan_json(plan), opened_on=scope.today)
    scope.session.add(row)
    audit.record_row(scope, "election.round", "election_round", row)
    return row


def round_candidates(scope: Scope, election_id: int, number: int | None = None
                     ) -> tuple[int, dict[CommitteeRole, int], dict[CommitteeRole, list[int]]]:
    """A round's number, seats and candidates by post (the round to be counted by default): what its ballot
    prints."""
    election = elections.find_election(scope, election_id)
    if number is None:
        pending = pending_round(scope, election)
        number, plan = pending.number, pending.plan
    else:
        row = next((r for r in elections.rounds(scope, election) if r.number == number), None)
        if row is None:
            raise NotFound(t("election {id} has no round {n}", id=election.id, n=number))
        plan = plan_of(row)
    return number, {post: rp.seats for post, rp in plan.items()}, standing(scope, election, plan)


def round_posts(scope: Scope, election_id: int) -> list[tuple[int, str, Plan]]:
    """Every round with its status (counted / open) and plan, for ``election show``."""
    election = elections.find_election(scope, election_id)
    return [(r.number, "counted" if r.counted_on else "open", plan_of(r)) for r in elections.rounds(scope, election)]

