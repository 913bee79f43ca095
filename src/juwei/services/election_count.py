"""The count of an election (计票, S9, LAW.md): the tellers' tally of a round recorded as figures only —
ballots issued, returned and void, and the votes each person received for each post — and the result read
back through ``rules.elections.count_round``. Nothing here, or in the tables, links a voter to a choice.

The record before polling day (the register, proxies, candidates) is :mod:`juwei.services.elections`.
"""

from __future__ import annotations

import json
from typing import Mapping

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, t
from juwei.rules import elections as rules
from juwei.rules.codes import read_code
from juwei.rules.committee import CommitteeRole
from juwei.rules.elections import POSTS, ElectionMethod, ElectionRules, RoundKind, RoundResult
from juwei.services import audit, elections
from juwei.services.roster import find_member
from juwei.services.scope import Scope
from juwei.storage.models import Member
from juwei.storage.models.elections import Election, ElectionRound, ElectionTally


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
    post counts for the post the person stands for; a person written in, or standing for two posts, needs
    the post. A person named twice for one post is refused."""
    election = elections.find_election(scope, election_id)
    standing: dict[int, list[CommitteeRole]] = {}
    for c in elections.candidates(scope, election.id):
        standing.setdefault(c.member_id, []).append(CommitteeRole(c.post))
    votes: dict[CommitteeRole, dict[int, int]] = {}
    for post, ref, n in lines:
        member_id = find_person(scope, election.id, ref)
        if post is None:
            posts = standing.get(member_id, [])
            if len(posts) != 1:
                raise ValidationError(t("{votes}: give the post for {person}, who stands for {n} posts here "
                                        "(POST:PERSON=N)", votes=named("votes"), person=ref, n=len(posts)))
            chosen = posts[0]
        else:
            chosen = read_code(CommitteeRole, "committee post", post, "votes")
        if member_id in votes.setdefault(chosen, {}):
            raise ValidationError(t("{votes}: {person} is counted twice for {post}", votes=named("votes"),
                                    person=ref, post=label("committee post", chosen)))
        votes[chosen][member_id] = n
    return votes


def count(scope: Scope, election_id: int, *, issued: int, returned: int, void: int,
          votes: Mapping[CommitteeRole, Mapping[int, int]], urgent: str | None = None) -> RoundResult:
    """The tellers' tally of a round (计票), recorded as figures only: ballots issued, returned, void, and the
    votes each person (a member id) received for each post — candidates and people written in, who must be
    voters. The first round fills the election's seats; a round whose turnout failed is held again with the
    same seats (重新选举). Refused, with nothing written: a voter register published late (unless ``urgent``,
    kept on the election), too few candidates (差额), and a tally ``rules.elections.check_count`` refuses
    (returned > issued voids the round: it is held again)."""
    election = elections.find_election(scope, election_id)
    elections.require_open(election)
    number, kind, seats = _next_round(scope, election)
    elections.require_register(scope, election)
    before = audit.row_state(election)
    if urgent is not None:
        election.urgent_reason = elections.clean_reason(urgent, "urgent")
    elections.check_voter_list(scope, election)
    elections.check_ballot(scope, election, seats)
    tally = _checked_votes(scope, election, votes, seats)
    registered = len(elections.voters(scope, election.id))
    profile = ElectionRules.of(elections.election_rules(election))
    result = rules.count_round(kind=kind, registered=registered, issued=issued, returned=returned,
                               void=void, votes=tally, seats=seats, method=ElectionMethod(election.method),
                               rules=profile)
    if urgent is not None:
        scope.session.add(election)
        audit.record_row(scope, "election.urgent", "election", election, before=before)
    round_row = ElectionRound(community_id=scope.community_id, election_id=election.id, number=number,
                              kind=kind, seats=json.dumps({str(p): n for p, n in seats.items()}),
                              registered=registered, issued=issued, returned=returned, void=void,
                              counted_on=scope.today)
    scope.session.add(round_row)
    audit.record_row(scope, "election.count", "election_round", round_row)
    for post, by_person in tally.items():
        for member_id, n in by_person.items():
            row = ElectionTally(community_id=scope.community_id, round_id=round_row.id, post=post,
                                member_id=member_id, votes=n)
            scope.session.add(row)
            audit.record_row(scope, "election.tally", "election_tally", row)
    return result


def _next_round(scope: Scope, election: Election) -> tuple[int, RoundKind, dict[CommitteeRole, int]]:
    """The round a count records: the first, with the election's seats; or, after a round whose turnout
    failed, the same round again. Ties and seats left unfilled need a further round, not opened here."""
    done = elections.rounds(scope, election)
    if not done:
        return 1, RoundKind.REGULAR, elections.seats_of(election)
    last = done[-1]
    if result(scope, election.id, last.number).turnout_ok:
        raise JuweiError(t("round {n} of election {id} is already counted", n=last.number, id=election.id))
    return last.number + 1, RoundKind(last.kind), {CommitteeRole(p): n for p, n in json.loads(last.seats).items()}


def _checked_votes(scope: Scope, election: Election, votes: Mapping[CommitteeRole, Mapping[int, int]],
                   seats: Mapping[CommitteeRole, int]) -> dict[CommitteeRole, dict[int, int]]:
    """The votes by post, every candidate of the post listed (0 when none was given); a post the election
    does not fill, or a person written in who is not a voter, is refused."""
    standing: dict[CommitteeRole, dict[int, int]] = {post: {} for post in POSTS if post in seats}
    for c in elections.candidates(scope, election.id):
        standing[CommitteeRole(c.post)][c.member_id] = 0
    for post, by_person in votes.items():
        post = read_code(CommitteeRole, "committee post", post, "votes")
        if post not in standing:
            raise ValidationError(t("election {id} fills no seat of {post}", id=election.id,
                                    post=label("committee post", post)), field="votes")
        for member_id, n in by_person.items():
            if member_id not in standing[post]:
                elections.may_stand(scope, election, find_member(scope, member_id))  # 另选他人: a voter written in
            standing[post][member_id] = n
    return standing


def result(scope: Scope, election_id: int, number: int | None = None) -> RoundResult:
    """A counted round (the latest by default) as ``rules.elections.count_round`` reads it: turnout, the
    elected in order of votes, ties and seats left for a further round. ``as_json()`` is the public shape."""
    election = elections.find_election(scope, election_id)
    rounds = elections.rounds(scope, election)
    chosen = rounds[-1] if rounds and number is None else next((r for r in rounds if r.number == number), None)
    if chosen is None:
        raise NotFound(t("election {id} has no counted round {n}", id=election.id, n=number or 1))
    tally: dict[CommitteeRole, dict[int, int]] = {}
    for row in scope.session.exec(select(ElectionTally).where(ElectionTally.round_id == chosen.id)
                                  .order_by(ElectionTally.id)).all():
        tally.setdefault(CommitteeRole(row.post), {})[row.member_id] = row.votes
    seats = {CommitteeRole(p): n for p, n in json.loads(chosen.seats).items()}
    return rules.count_round(kind=RoundKind(chosen.kind), registered=chosen.registered, issued=chosen.issued,
                             returned=chosen.returned, void=chosen.void, votes=tally, seats=seats,
                             method=ElectionMethod(election.method),
                             rules=ElectionRules.of(elections.election_rules(election)))
