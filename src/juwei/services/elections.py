"""Elections and by-elections of the residents' committee, up to the count (S9, LAW.md).

An election is opened for a polling day with the seats it fills (a by-election: the vacancies the committee
register shows), and keeps the rules in force on that day. Its election committee (居民选举委员会) is
recorded; the voter register is taken once from the roster for the polling day, by the election's method,
and changed afterwards only by objections, each with its reason; what was published is recorded with its
date; proxies and candidates are checked against the register. A round's count is kept as figures only —
ballots issued, returned, void, and votes per person per post — so nothing links a voter to a choice.

Every write is one audited row (the register: one set event for its rows); the rules themselves are
``rules.elections``, and the count is :mod:`juwei.services.election_count`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Mapping

from sqlalchemy import func
from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, t
from juwei.rules import elections as rules
from juwei.rules.codes import read_code
from juwei.rules.committee import ROLE_ALIASES, CommitteeRole, OrgRole, PostBody
from juwei.rules.due import DueItem
from juwei.rules.elections import ElectionDoc, ElectionKind, ElectionMethod, ElectionRules, ElectionStatus
from juwei.rules.meetings import Body
from juwei.rules.profiles import Rules
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.roster import find_member, require_eligible
from juwei.services.scope import Scope
from juwei.storage.models import Member
from juwei.storage.models.elections import (Election, ElectionCandidate, ElectionOfficer, ElectionProxy,
                                            ElectionPublication, ElectionRound, ElectionVoter)

REASON_LIMIT = 1000

# who votes, as the meetings' rolls build them (S1): the adults, one seat per household, the representatives
METHOD_BODY = {ElectionMethod.VOTERS: Body.ADULTS, ElectionMethod.HOUSEHOLDS: Body.HOUSEHOLDS,
               ElectionMethod.REPRESENTATIVES: Body.REPRESENTATIVES}


# ---------------------------------------------------------------- the election

def find_election(scope: Scope, election_id: int) -> Election:
    found = scope.session.get(Election, election_id)
    if found is None or found.community_id != scope.community_id:
        raise NotFound(t("no election {id} in this community", id=election_id))
    return found


def election_rules(election: Election) -> Rules:
    """The rules the election was opened with (those in force on polling day), never today's."""
    return Rules(json.loads(election.rules))


def seats_of(election: Election) -> dict[CommitteeRole, int]:
    """The seats the election fills, by post (posts with none left out)."""
    seats = {CommitteeRole.DIRECTOR: election.seats_director, CommitteeRole.DEPUTY: election.seats_deputy,
             CommitteeRole.MEMBER: election.seats_member}
    return {post: n for post, n in seats.items() if n > 0}


def clean_reason(text: str | None, field: str = "reason") -> str:
    clean = " ".join((text or "").split())
    if not clean or len(clean) > REASON_LIMIT:
        raise ValidationError(t("{field} is 1 to {n} characters", field=named(field), n=REASON_LIMIT))
    return clean


def _serving(scope: Scope, day: dt.date) -> dict[CommitteeRole, int]:
    from juwei.services.committee import serving_posts

    return dict(Counter(CommitteeRole(row.role) for row in serving_posts(scope, PostBody.COMMITTEE, day)))


def open_election(scope: Scope, *, kind: ElectionKind, method: ElectionMethod, day: dt.date,
                  seats: Mapping[CommitteeRole, int] | None = None, urgent: str | None = None) -> Election:
    """S9: open a general election (the whole committee: by default one director and the profile's smallest
    committee) or a by-election (by default the vacancies the register shows on ``day``; refused when there
    is none). One election is open at a time."""
    kind = read_code(ElectionKind, "election kind", kind, "kind")
    method = read_code(ElectionMethod, "election method", method, "method")
    profile = rules_on(scope, day)
    other = scope.session.exec(select(Election.id).where(Election.community_id == scope.community_id,
                                                         Election.status == ElectionStatus.OPEN)).first()
    if other is not None:
        raise JuweiError(t("election {id} is still open; an election is closed before the next one opens",
                           id=other))
    serving = _serving(scope, day)
    if kind == ElectionKind.BY_ELECTION:
        vacant = rules.vacancies(serving, profile.committee_size_min)
        if not vacant:
            raise JuweiError(t("the committee register shows no vacancy on {day} ({n} serving, a director among "
                               "them): there is nothing to by-elect", day=day, n=sum(serving.values())))
        wanted = dict(seats) if seats else vacant
    else:
        wanted = dict(seats) if seats else {CommitteeRole.DIRECTOR: 1,
                                            CommitteeRole.MEMBER: profile.committee_size_min - 1}
    wanted = {CommitteeRole(post): n for post, n in wanted.items()}
    rules.check_seats(kind, wanted, size_min=profile.committee_size_min, size_max=profile.committee_size_max,
                      serving=serving)
    election = Election(community_id=scope.community_id, kind=kind, method=method, day=day,
                        seats_director=wanted.get(CommitteeRole.DIRECTOR, 0),
                        seats_deputy=wanted.get(CommitteeRole.DEPUTY, 0),
                        seats_member=wanted.get(CommitteeRole.MEMBER, 0),
                        status=ElectionStatus.OPEN,
                        rules=json.dumps(profile.snapshot(), ensure_ascii=False, sort_keys=True),
                        urgent_reason=clean_reason(urgent, "urgent") if urgent is not None else None)
    scope.session.add(election)
    audit.record_row(scope, "election.open", "election", election)
    return election


def rounds(scope: Scope, election: Election) -> list[ElectionRound]:
    return list(scope.session.exec(select(ElectionRound).where(ElectionRound.election_id == election.id)
                                   .order_by(ElectionRound.number)).all())


def require_open(election: Election) -> None:
    if election.status != ElectionStatus.OPEN:
        raise JuweiError(t("election {id} is closed; its record is final", id=election.id))


def _require_uncounted(scope: Scope, election: Election) -> None:
    """Before the first count: the register, proxies, officers and candidates are settled by then."""
    require_open(election)
    if rounds(scope, election):
        raise JuweiError(t("election {id} has been counted; its register, officers, proxies and candidates are "
                           "final", id=election.id))


# ---------------------------------------------------------------- the election committee (居民选举委员会)

def officers(scope: Scope, election_id: int, *, serving: bool = True) -> list[ElectionOfficer]:
    query = select(ElectionOfficer).where(ElectionOfficer.election_id == election_id)
    if serving:
        query = query.where(ElectionOfficer.left_on.is_(None))
    return list(scope.session.exec(query.order_by(ElectionOfficer.id)).all())


def add_officer(scope: Scope, election_id: int, member_ref: str, *, role: OrgRole) -> ElectionOfficer:
    """A member of the election committee: a resident eligible on polling day, not a candidate (LAW.md: a
    member nominated as a candidate leaves it), one chair."""
    election = find_election(scope, election_id)
    _require_uncounted(scope, election)
    role = read_code(OrgRole, "org role", role, "role")
    member = find_member(scope, member_ref)
    require_eligible(scope, member, election.day)
    serving = officers(scope, election.id)
    if any(o.member_id == member.id for o in serving):
        raise JuweiError(t("member {id} ({name}) is already on the election committee", id=member.id,
                           name=member.name))
    if _candidacies(scope, election, member.id):
        raise JuweiError(t("member {id} ({name}) is a candidate and cannot serve on the election committee",
                           id=member.id, name=member.name))
    if role == OrgRole.CHAIR and any(o.role == OrgRole.CHAIR for o in serving):
        raise JuweiError(t("the election committee has a chair; a second one is not recorded"))
    officer = ElectionOfficer(community_id=scope.community_id, election_id=election.id, member_id=member.id,
                              role=role)
    scope.session.add(officer)
    audit.record_row(scope, "election.officer", "election_officer", officer)
    return officer


# ---------------------------------------------------------------- the voter register (选民名单)

def voters(scope: Scope, election_id: int, *, removed: bool = False) -> list[ElectionVoter]:
    """The register in number order: those on it (``removed``: also those an objection took off)."""
    query = select(ElectionVoter).where(ElectionVoter.election_id == election_id)
    if not removed:
        query = query.where(ElectionVoter.removed_reason.is_(None))
    return list(scope.session.exec(query.order_by(ElectionVoter.number)).all())


def _built(scope: Scope, election: Election) -> bool:
    return scope.session.exec(select(ElectionVoter.id).where(ElectionVoter.election_id == election.id)).first() \
        is not None


def require_register(scope: Scope, election: Election) -> None:
    if not _built(scope, election):
        raise JuweiError(t("election {id} has no voter register yet: build it first", id=election.id))


def build_register(scope: Scope, election_id: int) -> list[ElectionVoter]:
    """The register for polling day, from the roster as it is then, by the election's method (S1, LAW.md):
    voters — adults with political rights living here on the day; households — one per household, named by
    its 户代表 when there is one; representatives — those serving on the day. Taken once: later changes are
    objections (:func:`add_voter`, :func:`remove_voter`)."""
    from juwei.services.meetings import build_roll
    from juwei.storage import bulk

    election = find_election(scope, election_id)
    _require_uncounted(scope, election)
    if _built(scope, election):
        raise JuweiError(t("the voter register of election {id} is already taken; change it by objections",
                           id=election.id))
    roll = build_roll(scope, METHOD_BODY[ElectionMethod(election.method)], election.day, election_rules(election))
    if not roll:
        raise JuweiError(t("nobody may vote in election {id} on {day}: check the roster", id=election.id,
                           day=election.day))
    last_id = scope.session.exec(select(func.coalesce(func.max(ElectionVoter.id), 0))).one()
    bulk.insert_values(scope.session, ElectionVoter,
                       ("community_id", "election_id", "number", "member_id", "name", "group_name", "household_id",
                        "household_number"),
                       [(scope.community_id, election.id, number, c.member_id, c.name, c.group_name, c.household_id,
                         c.household_number) for number, c in roll])
    audit.record_set(scope, "election.voters", "election_voter", last_id)
    return voters(scope, election.id)


def _on_register(scope: Scope, election: Election, member_id: int) -> ElectionVoter | None:
    return scope.session.exec(select(ElectionVoter).where(ElectionVoter.election_id == election.id,
                                                          ElectionVoter.member_id == member_id,
                                                          ElectionVoter.removed_reason.is_(None))).first()


def add_voter(scope: Scope, election_id: int, member_ref: str, *, reason: str) -> ElectionVoter:
    """An objection upheld (选民资格异议): the member is added to the register, with the reason."""
    election = find_election(scope, election_id)
    _require_uncounted(scope, election)
    require_register(scope, election)
    reason = clean_reason(reason)
    member = find_member(scope, member_ref)
    if _on_register(scope, election, member.id) is not None:
        raise JuweiError(t("member {id} ({name}) is already on the voter register", id=member.id, name=member.name))
    from juwei.storage.models import Household, ResidentsGroup

    household = scope.session.get(Household, member.household_id) if member.household_id else None
    group = scope.session.get(ResidentsGroup, household.group_id) if household and household.group_id else None
    number = scope.session.exec(select(func.max(ElectionVoter.number))
                                .where(ElectionVoter.election_id == election.id)).one() or 0
    row = ElectionVoter(community_id=scope.community_id, election_id=election.id, number=number + 1,
                        member_id=member.id, name=member.name, group_name=group.name if group else None,
                        household_id=household.id if household else None,
                        household_number=household.number if household else None, added_reason=reason,
                        changed_on=scope.today)
    scope.session.add(row)
    audit.record_row(scope, "election.voter_add", "election_voter", row)
    return row


def remove_voter(scope: Scope, election_id: int, member_ref: str, *, reason: str) -> ElectionVoter:
    """An objection upheld: the member is taken off the register, with the reason (the row stays). A
    candidate, or a voter in a proxy, is withdrawn from that first."""
    election = find_election(scope, election_id)
    _require_uncounted(scope, election)
    require_register(scope, election)
    reason = clean_reason(reason)
    member = find_member(scope, member_ref)
    row = _on_register(scope, election, member.id)
    if row is None:
        raise NotFound(t("member {id} ({name}) is not on the voter register", id=member.id, name=member.name))
    if _candidacies(scope, election, member.id):
        raise JuweiError(t("member {id} ({name}) is a candidate; a candidate is a voter", id=member.id,
                           name=member.name))
    if any(member.id in (p.giver_id, p.holder_id) for p in proxies(scope, election.id)):
        raise JuweiError(t("member {id} ({name}) gives or holds a proxy in this election", id=member.id,
                           name=member.name))
    before = audit.row_state(row)
    row.removed_reason, row.changed_on = reason, scope.today
    scope.session.add(row)
    audit.record_row(scope, "election.voter_remove", "election_voter", row, before=before)
    return row


# ---------------------------------------------------------------- publications

def publications(scope: Scope, election_id: int) -> list[ElectionPublication]:
    return list(scope.session.exec(select(ElectionPublication).where(ElectionPublication.election_id == election_id)
                                   .order_by(ElectionPublication.published_on, ElectionPublication.id)).all())


def publish(scope: Scope, election_id: int, *, doc: ElectionDoc, on: dt.date) -> ElectionPublication:
    """Record that ``doc`` went up on the board on ``on`` (a day already past or today). The voter register
    is published no later than the profile's days before polling day; counting checks it. A closed election
    still takes the publication of its result (the report, the announcement)."""
    election = find_election(scope, election_id)
    doc = read_code(ElectionDoc, "election document", doc, "doc")
    if doc not in (ElectionDoc.REPORT, ElectionDoc.ANNOUNCEMENT):
        require_open(election)
    if on > scope.today:
        raise ValidationError(t("{on} {day} is after today ({today}): record a publication once it is up",
                                on=named("on"), day=on, today=scope.today))
    if doc == ElectionDoc.VOTERS:
        require_register(scope, election)
    row = ElectionPublication(community_id=scope.community_id, election_id=election.id, doc=doc, published_on=on)
    scope.session.add(row)
    audit.record_row(scope, "election.publish", "election_publication", row)
    return row


def check_voter_list(scope: Scope, election: Election) -> None:
    """LAW.md (2025 revision): the register is published at least ``election_voter_list_days`` before polling
    day. Refused otherwise, naming the rule, unless the election is marked urgent with a reason."""
    if election.urgent_reason:
        return
    days = ElectionRules.of(election_rules(election)).voter_list_days
    first = next((p for p in publications(scope, election.id) if p.doc == ElectionDoc.VOTERS), None)
    if first is None:
        raise JuweiError(t("the voter register of election {id} was never published; it goes on the board at "
                           "least {days} days before polling day (Organic Law, 2025 revision), or give {urgent} REASON",
                           id=election.id, days=days, urgent=named("urgent")))
    if not rules.publication_ok(first.published_on, election.day, days):
        raise JuweiError(t("the voter register was published on {on}, {n} days before polling day ({day}); the "
                           "rules ask for at least {days} days (Organic Law, 2025 revision), or give {urgent} REASON",
                           on=first.published_on, n=(election.day - first.published_on).days, day=election.day,
                           days=days, urgent=named("urgent")))


# ---------------------------------------------------------------- proxies (委托投票)

def proxies(scope: Scope, election_id: int) -> list[ElectionProxy]:
    return list(scope.session.exec(select(ElectionProxy).where(ElectionProxy.election_id == election_id)
                                   .order_by(ElectionProxy.id)).all())


def add_proxy(scope: Scope, election_id: int, giver: str, holder: str) -> ElectionProxy:
    """A written proxy from one voter to another (LAW.md, 2025 revision): both on the register, no chains,
    and a holder carries at most the profile's ``election_proxy_max``."""
    election = find_election(scope, election_id)
    _require_uncounted(scope, election)
    require_register(scope, election)
    giver_member, holder_member = find_member(scope, giver), find_member(scope, holder)
    on_register = {v.member_id for v in voters(scope, election.id) if v.member_id is not None}
    given = {p.giver_id: p.holder_id for p in proxies(scope, election.id)}
    rules.check_proxy(giver_member.id, holder_member.id, voters=on_register, given=given,
                      proxy_max=ElectionRules.of(election_rules(election)).proxy_max)
    row = ElectionProxy(community_id=scope.community_id, election_id=election.id, giver_id=giver_member.id,
                        holder_id=holder_member.id)
    scope.session.add(row)
    audit.record_row(scope, "election.proxy", "election_proxy", row)
    return row


# ---------------------------------------------------------------- candidates (候选人)

def candidates(scope: Scope, election_id: int) -> list[ElectionCandidate]:
    return list(scope.session.exec(select(ElectionCandidate).where(ElectionCandidate.election_id == election_id)
                                   .order_by(ElectionCandidate.id)).all())


def _candidacies(scope: Scope, election: Election, member_id: int) -> list[ElectionCandidate]:
    return [c for c in candidates(scope, election.id) if c.member_id == member_id]


def may_stand(scope: Scope, election: Election, member: Member) -> None:
    """A candidate, or a person written in on a ballot, is a voter: eligible on polling day and, where the
    voters elect, on the register."""
    require_eligible(scope, member, election.day)
    if election.method == ElectionMethod.VOTERS:
        require_register(scope, election)
        if _on_register(scope, election, member.id) is None:
            raise JuweiError(t("member {id} ({name}) is not on the voter register of election {election}",
                               id=member.id, name=member.name, election=election.id))


@dataclass
class Candidacy:
    candidate: ElectionCandidate
    left_officer: ElectionOfficer | None  # the election committee seat the candidate left (LAW.md)


def add_candidate(scope: Scope, election_id: int, member_ref: str, *, post: CommitteeRole) -> Candidacy:
    """A candidate for a post the election fills. A member of the election committee who becomes a candidate
    leaves it that day, recorded with the candidacy (LAW.md, 2025 revision)."""
    election = find_election(scope, election_id)
    _require_uncounted(scope, election)
    post = read_code(CommitteeRole, "committee post", post, "post", ROLE_ALIASES)
    if post not in seats_of(election):
        raise ValidationError(t("election {id} fills no seat of {post}", id=election.id,
                                post=label("committee post", post)), field="post")
    member = find_member(scope, member_ref)
    may_stand(scope, election, member)
    if any(c.post == post for c in _candidacies(scope, election, member.id)):
        raise JuweiError(t("member {id} ({name}) is already a candidate for {post}", id=member.id, name=member.name,
                           post=label("committee post", post)))
    row = ElectionCandidate(community_id=scope.community_id, election_id=election.id, member_id=member.id, post=post)
    scope.session.add(row)
    audit.record_row(scope, "election.candidate", "election_candidate", row)
    officer = next((o for o in officers(scope, election.id) if o.member_id == member.id), None)
    if officer is not None:
        before = audit.row_state(officer)
        officer.left_on, officer.candidate_id = scope.today, row.id
        scope.session.add(officer)
        audit.record_row(scope, "election.officer_leave", "election_officer", officer, before=before)
    return Candidacy(row, officer)


def check_ballot(scope: Scope, election: Election, seats: Mapping[CommitteeRole, int] | None = None) -> None:
    """差额 before ballots print (LAW.md): each post has at least its seats plus the profile's margin of
    candidates."""
    counts = Counter(CommitteeRole(c.post) for c in candidates(scope, election.id))
    margin = ElectionRules.of(election_rules(election)).candidate_margin
    rules.check_margin(counts, seats_of(election) if seats is None else seats, margin)


# ---------------------------------------------------------------- the election as a whole

@dataclass
class Person:
    member_id: int
    name: str
    post: str | None = None  # a candidate's post; an officer's role


@dataclass
class ElectionInfo:
    id: int
    kind: str
    method: str
    day: dt.date
    status: str
    seats: dict[str, int]
    urgent_reason: str | None
    registered: int  # on the register now (objections applied); 0 before it is taken
    officers: list[Person]  # serving on the election committee
    candidates: list[Person]  # by post (director first), then stroke order of the name (姓氏笔画为序)
    proxies: list[dict]  # {"giver", "giver_name", "holder", "holder_name"}
    publications: list[dict]  # {"doc", "on"}
    rounds: int  # rounds counted


def election_info(scope: Scope, election_id: int) -> ElectionInfo:
    """What an election holds so far: its seats, officers, candidates in ballot order, proxies, publications."""
    from juwei.rules.committee import ROLE_ORDER
    from juwei.rules.strokes import stroke_sorted

    election = find_election(scope, election_id)
    ids = ({c.member_id for c in candidates(scope, election.id)} | {o.member_id for o in officers(scope, election.id)}
           | {m for p in proxies(scope, election.id) for m in (p.giver_id, p.holder_id)})
    names = dict(scope.session.exec(select(Member.id, Member.name).where(Member.id.in_(ids))).all()) if ids else {}
    standing = stroke_sorted((Person(c.member_id, names.get(c.member_id, ""), c.post)
                              for c in candidates(scope, election.id)), lambda p: p.name)
    standing.sort(key=lambda p: ROLE_ORDER.get(p.post, 3))  # stable: stroke order within each post
    return ElectionInfo(
        election.id, election.kind, election.method, election.day, election.status,
        {str(post): n for post, n in seats_of(election).items()}, election.urgent_reason,
        len(voters(scope, election.id)),
        [Person(o.member_id, names.get(o.member_id, ""), o.role) for o in officers(scope, election.id)],
        standing,
        [{"giver": p.giver_id, "giver_name": names.get(p.giver_id, ""), "holder": p.holder_id,
          "holder_name": names.get(p.holder_id, "")} for p in proxies(scope, election.id)],
        [{"doc": p.doc, "on": p.published_on} for p in publications(scope, election.id)],
        len(rounds(scope, election)))


# ---------------------------------------------------------------- what is due

def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """An open election owes its voter register on the board ``election_voter_list_days`` before polling day
    (LAW.md, 2025 revision) — taken from the roster first — its count once polling day has come (again after
    a round whose turnout failed), the further round a result left, and its closing once every seat is
    filled; a closed one owes the announcement of the result (当选公告) until its publication is recorded."""
    from juwei.services.election_count import outcome

    items: list[DueItem] = []
    for election in scope.session.exec(select(Election).where(Election.community_id == scope.community_id)
                                       .order_by(Election.id)).all():
        key = f"election:{election.id}"
        published = {p.doc for p in publications(scope, election.id)}
        if election.status == ElectionStatus.CLOSED:
            if ElectionDoc.ANNOUNCEMENT not in published:
                items.append(DueItem("S9", "elections", f"{key}:announcement",
                                     t("publish the announcement of the result of election {id}", id=election.id),
                                     election.closed_on, on > election.closed_on,
                                     f"juwei election publish {election.id} --doc announcement --on DATE"))
            continue
        days = ElectionRules.of(election_rules(election)).voter_list_days
        if ElectionDoc.VOTERS not in published and not election.urgent_reason:
            last = election.day - dt.timedelta(days=days)
            command = (f"juwei election publish {election.id} --doc voters --on DATE" if _built(scope, election)
                       else f"juwei election voters {election.id}")
            items.append(DueItem("S9", "elections", f"{key}:voters",
                                 t("publish the voter register of election {id} (polling day {day})",
                                   id=election.id, day=election.day), last, last < on, command))
        if on < election.day:
            continue
        done = rounds(scope, election)
        so_far = outcome(scope, election.id) if any(r.counted_on for r in done) else None
        if so_far is None or so_far.opened is not None or not so_far.latest.turnout_ok:
            items.append(DueItem("S9", "elections", f"{key}:count",
                                 t("record the count of election {id} (polling day {day})", id=election.id,
                                   day=election.day), election.day, on > election.day,
                                 f"juwei election count {election.id} --issued N --returned N --void N --votes "
                                 "PERSON=N"))
        elif so_far.latest.next:
            items.append(DueItem("S9", "elections", f"{key}:round",
                                 t("hold the further round of election {id} for the seats left", id=election.id),
                                 None, False, f"juwei election round {election.id}"))
        else:
            items.append(DueItem("S9", "elections", f"{key}:close",
                                 t("close election {id}: the elected take their posts", id=election.id),
                                 None, False, f"juwei election close {election.id}"))
    return items
