"""The committee register: the residents' committee's terms and posts, its professional staff, the standing
bodies, and the division of work (S2, S3, S9, S11, S14, S24, S26, S28).

Every write is one audited row; a post is never deleted, only ended. Ending a committee or staff post, and
hiring staff, records the S24 staff change the disclosure board owes (``juwei disclose personnel``), linked to
the post. A change in the division of work makes the S26 duties sheet due again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError
from juwei.i18n import label, speaking, t
from juwei.rules import committee as rules
from juwei.rules.committee import CommitteeRole, EndReason, OrgKind, OrgRole, PostBody, StaffPosition
from juwei.rules.disclosure import Obligation
from juwei.rules.due import DueItem
from juwei.rules.meetings import Candidate
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.roster import find_group, find_member, require_eligible
from juwei.services.scope import Scope
from juwei.storage.models import (CommitteeTerm, Disclosure, Duty, Household, Member, PersonnelChange, Post,
                                  ResidentsGroup)

NAME_LIMIT = 100
NOTE_LIMIT = 1000


# ---------------------------------------------------------------- terms (届)

def terms(scope: Scope) -> list[CommitteeTerm]:
    return list(scope.session.exec(select(CommitteeTerm).where(CommitteeTerm.community_id == scope.community_id)
                                   .order_by(CommitteeTerm.start, CommitteeTerm.number)).all())


def term_on(scope: Scope, day: dt.date) -> CommitteeTerm | None:
    """The committee's term that ``day`` falls in (the latest one, if a new term started early)."""
    found = [term for term in terms(scope) if term.start <= day <= term.end]
    return found[-1] if found else None


def record_term(scope: Scope, *, start: dt.date, number: int | None = None,
                note: str | None = None) -> CommitteeTerm:
    """Record a term of the committee from ``start`` (届次 ``number``, default the next one); it lasts the
    profile's ``committee_term_years`` (S3)."""
    existing = terms(scope)
    if number is None:
        number = max((term.number for term in existing), default=0) + 1
    if number < 1 or number > 1000:
        raise ValidationError(t("a term number is a whole number from 1 to 1000"))
    if any(term.number == number for term in existing):
        raise JuweiError(t("term {n} is already recorded; see `juwei committee term`", n=number))
    if any(term.start == start for term in existing):
        raise JuweiError(t("a term starting on {day} is already recorded", day=start))
    years = rules_on(scope, start).committee_term_years
    term = CommitteeTerm(community_id=scope.community_id, number=number, start=start,
                         end=rules.term_last_day(start, years), note=_note(note))
    scope.session.add(term)
    audit.record_row(scope, "committee.term", "committee_term", term)
    return term


@dataclass
class TermInfo:
    number: int | None
    start: dt.date | None
    end: dt.date | None
    election_due: dt.date | None  # the day the next general election must be held by
    serving: int  # committee members serving on the day
    size_min: int
    size_max: int
    director: str | None


def term_info(scope: Scope, on: dt.date) -> TermInfo:
    """The term ``on`` falls in, or the last one before it (whose election is then overdue)."""
    term = term_on(scope, on) or next((t_ for t_ in reversed(terms(scope)) if t_.start <= on), None)
    profile = rules_on(scope, on)
    serving = serving_posts(scope, PostBody.COMMITTEE, on)
    director = next((r.name for r in serving if r.role == CommitteeRole.DIRECTOR), None)
    return TermInfo(term.number if term else None, term.start if term else None, term.end if term else None,
                    rules.next_election_due(term.end) if term else None, len(serving),
                    profile.committee_size_min, profile.committee_size_max, director)


# ---------------------------------------------------------------- posts

@dataclass
class PostRow:
    id: int
    body: str
    role: str
    member_id: int | None
    name: str
    group: str | None
    term: int | None
    start: dt.date
    term_end: dt.date | None
    ended_on: dt.date | None
    end_reason: str | None
    end_note: str | None
    note: str | None
    household_id: int | None = None
    duty: str | None = None

    @property
    def person(self) -> str:
        """Who holds the post: the same key for every post one person holds (see :func:`person_key`)."""
        return person_key(self.member_id, self.name)


def _rows(scope: Scope, body: PostBody | None = None) -> list[PostRow]:
    query = (select(Post, Member.name, Member.household_id, ResidentsGroup.name, CommitteeTerm.number)
             .outerjoin(Member, Post.member_id == Member.id)
             .outerjoin(ResidentsGroup, Post.group_id == ResidentsGroup.id)
             .outerjoin(CommitteeTerm, Post.term_id == CommitteeTerm.id)
             .where(Post.community_id == scope.community_id))
    if body is not None:
        query = query.where(Post.body == body)
    rows = [PostRow(p.id, p.body, p.role, p.member_id, member_name or p.name or "", group, term, p.start,
                    p.term_end, p.ended_on, p.end_reason, p.end_note, p.note, household)
            for p, member_name, household, group, term in scope.session.exec(query).all()]
    return sorted(rows, key=lambda r: (rules.ROLE_ORDER.get(r.role, 3), r.start, r.id))


def _span(row: PostRow | Post) -> rules.Span:
    return rules.Span(row.start, row.term_end, row.ended_on)


def serving_posts(scope: Scope, body: PostBody | None, on: dt.date) -> list[PostRow]:
    """The posts of ``body`` (every body: None) held on ``on``."""
    return [row for row in _rows(scope, body) if _span(row).serving(on)]


def list_posts(scope: Scope, body: PostBody, *, on: dt.date | None = None, include_ended: bool = False,
               role: str | None = None) -> list[PostRow]:
    day = on or scope.today
    rows = _rows(scope, body) if include_ended else serving_posts(scope, body, day)
    if role is not None:
        rows = [row for row in rows if row.role == role]
    duties = current_duties(scope, day)
    for row in rows:
        row.duty = duties.get(row.person)
    return rows


def _note(text: str | None) -> str | None:
    text = (text or "").strip()
    if len(text) > NOTE_LIMIT:
        raise ValidationError(t("the note is longer than {n} characters", n=NOTE_LIMIT))
    return text or None


def _outside_name(name: str | None) -> str:
    text = " ".join((name or "").split())
    if not text or len(text) > NAME_LIMIT:
        raise ValidationError(t("a name is 1 to {n} characters", n=NAME_LIMIT))
    return text


def _holder(scope: Scope, member_ref: str | None, name: str | None, day: dt.date) -> tuple[Member | None, str | None]:
    """A post holder: a resident on the roster (eligible on ``day``), or only a name (not on the roster)."""
    if (member_ref is None) == (name is None):
        raise ValidationError(t("give either a member (id or ID number) or a name, not both"))
    if member_ref is not None:
        member = find_member(scope, member_ref)
        require_eligible(scope, member, day)
        return member, None
    return None, _outside_name(name)


def _already(scope: Scope, body: PostBody, member: Member | None, name: str | None, day: dt.date) -> PostRow | None:
    person = person_key(member.id if member else None, name)
    return next((row for row in serving_posts(scope, body, day) if row.person == person), None)


def held_by(scope: Scope, rows: list[PostRow], ref: str) -> tuple[Member | None, list[PostRow]]:
    """The rows held by the person ``ref`` names: a holder not on the roster by name, else a member by id or
    ID number (:class:`NotFound` when there is no such member)."""
    text = " ".join(ref.split())
    by_name = [row for row in rows if row.member_id is None and row.name == text]
    if by_name:
        return None, by_name
    member = find_member(scope, text)
    return member, [row for row in rows if row.member_id == member.id]


@dataclass
class Appointment:
    post: Post
    term: CommitteeTerm
    new_term: bool  # no term covered the start: this one was recorded now
    serving: int  # committee members serving on the start day, this one included
    warnings: list[str]  # too large a committee, two members of one household


def add_committee(scope: Scope, member_ref: str, *, role: CommitteeRole, start: dt.date,
                  election_id: int | None = None, note: str | None = None) -> Appointment:
    """S9: a residents' committee post, in the term its start falls in (recorded now if there is none)."""
    member, _ = _holder(scope, member_ref, None, start)
    if _already(scope, PostBody.COMMITTEE, member, None, start):
        raise JuweiError(t("member {id} ({name}) already serves on the committee on {day}",
                           id=member.id, name=member.name, day=start))
    serving = serving_posts(scope, PostBody.COMMITTEE, start)
    if role == CommitteeRole.DIRECTOR:
        director = next((row for row in serving if row.role == CommitteeRole.DIRECTOR), None)
        if director is not None:
            raise JuweiError(t("the committee has a director on {day}: {name} (member {id}); end that post first "
                               "with `juwei committee end`", day=start, name=director.name, id=director.member_id))
    term = term_on(scope, start)
    new_term = term is None
    if term is None:
        term = record_term(scope, start=start)
    post = Post(community_id=scope.community_id, body=PostBody.COMMITTEE, role=role, member_id=member.id,
                term_id=term.id, start=start, term_end=term.end, election_id=election_id, note=_note(note))
    scope.session.add(post)
    audit.record_row(scope, "committee.add", "post", post)
    # a committee being filled is short of its size until the last member is in: not worth a warning
    return Appointment(post, term, new_term, len(serving) + 1, committee_warnings(scope, start, filling=True))


def committee_warnings(scope: Scope, day: dt.date, *, filling: bool = False) -> list[str]:
    """What is not as the law wants on ``day``, though legal for now: the committee's size outside the
    profile's range, and two serving members of one household (the avoidance rule for close relatives)."""
    serving = serving_posts(scope, PostBody.COMMITTEE, day)
    profile = rules_on(scope, day)
    warnings: list[str] = []
    problem = rules.size_problem(len(serving), profile.committee_size_min, profile.committee_size_max)
    if problem == "above" or (problem == "below" and not filling):
        warnings.append(t("the committee has {n} serving member(s) on {day}; the rules ask for {lo}–{hi} "
                          "(Organic Law Art. 7)", n=len(serving), day=day, lo=profile.committee_size_min,
                          hi=profile.committee_size_max))
    names = {row.member_id: row.name for row in serving}
    for household, ids in rules.shared_households((row.member_id, row.household_id) for row in serving).items():
        warnings.append(t("{names} serve on the committee and live in one household (member ids {ids}): close "
                          "relatives may not serve on the committee together (the avoidance rule)",
                          names="、".join(names[i] for i in ids), ids=", ".join(str(i) for i in ids)))
    return warnings


def add_staff(scope: Scope, *, member_ref: str | None, name: str | None, position: StaffPosition,
              start: dt.date, note: str | None = None, disclosed: bool = False) -> Post:
    """S28: a professional staff member (社区专职工作者). Hired staff need not live in the community: a name
    without a roster entry is enough. Hiring is a staff change the board shows (S24), unless ``disclosed``:
    a hire the board announced before juwei kept the register (recorded in the audit trail's post row)."""
    member, outside = _holder(scope, member_ref, name, start)
    if _already(scope, PostBody.STAFF, member, outside, start):
        raise JuweiError(t("{name} already serves on the staff on {day}",
                           name=member.name if member else outside, day=start))
    post = Post(community_id=scope.community_id, body=PostBody.STAFF, role=position,
                member_id=member.id if member else None, name=outside, start=start, note=_note(note))
    scope.session.add(post)
    audit.record_row(scope, "staff.add", "post", post)
    if not disclosed:
        _staff_change(scope, post, member.name if member else outside, ending=False, reason=note)
    return post


def add_org(scope: Scope, kind: OrgKind, *, member_ref: str | None, name: str | None, role: OrgRole,
            start: dt.date, group: str | None = None, note: str | None = None) -> Post:
    """A seat on a standing body. Group leaders lead a residents' group (``group``, one leader per group);
    information collectors (S11) and the rest may be outsiders named only."""
    member, outside = _holder(scope, member_ref, name, start)
    body = PostBody(kind.value)
    group_row = None
    if body == PostBody.GROUP_LEADERS:
        if group is None:
            raise ValidationError(t("a residents' group leader leads a group: name the group"))
        group_row = find_group(scope, group)
        leader = next((row for row in serving_posts(scope, body, start) if row.group == group_row.name), None)
        if leader is not None:
            raise JuweiError(t("group '{group}' has a leader on {day}: {name}; end that post first",
                               group=group_row.name, day=start, name=leader.name))
    elif group is not None:
        raise ValidationError(t("only a residents' group leader is tied to a group"))
    if _already(scope, body, member, outside, start):
        raise JuweiError(t("{name} already serves on {body} on {day}", name=member.name if member else outside,
                           body=label("post body", body), day=start))
    if role == OrgRole.CHAIR:
        chair = next((row for row in serving_posts(scope, body, start) if row.role == OrgRole.CHAIR), None)
        if chair is not None:
            raise JuweiError(t("{body} has a chair on {day}: {name}; end that post first",
                               body=label("post body", body), day=start, name=chair.name))
    post = Post(community_id=scope.community_id, body=body, role=role, member_id=member.id if member else None,
                name=outside, group_id=group_row.id if group_row else None, start=start, note=_note(note))
    scope.session.add(post)
    audit.record_row(scope, "org.add", "post", post)
    return post


def find_post(scope: Scope, body: PostBody, ref: str, *, on: dt.date | None = None) -> Post:
    """A post of ``body`` by its holder: a member id or ID number, or the name of a holder not on the roster.
    The post serving on ``on`` (default: the latest one) is meant."""
    try:
        member, matches = held_by(scope, _rows(scope, body), ref)
    except NotFound:
        raise NotFound(t("no one '{ref}' holds a post in {body}; see `juwei {command} list --all`",
                         ref=" ".join(ref.split())[:40], body=label("post body", body),
                         command=_command(body))) from None
    if not matches:
        raise NotFound(t("member {id} ({name}) holds no post in {body}", id=member.id, name=member.name,
                         body=label("post body", body)))
    if on is not None:
        serving = [row for row in matches if _span(row).serving(on)]
        matches = serving or matches
    chosen = max(matches, key=lambda r: (r.start, r.id))
    return scope.session.get(Post, chosen.id)


def end_post(scope: Scope, body: PostBody, ref: str, *, on: dt.date, reason: EndReason,
             note: str | None = None) -> tuple[Post, list[str]]:
    """End a post on ``on`` (its last day served). A committee or staff post's end is a staff change the
    board must show (S24), recorded linked to the post; a committee seat left empty is a vacancy the
    agenda shows."""
    post = find_post(scope, body, ref, on=on)
    if post.ended_on is not None:
        raise JuweiError(t("that post already ended on {day}", day=post.ended_on))
    if on < post.start:
        raise ValidationError(t("the last day served ({day}) is before the post started ({start})",
                                day=on, start=post.start))
    if post.term_end is not None and on > post.term_end:
        raise ValidationError(t("the term already ended on {end}; a post cannot end after its term",
                                end=post.term_end))
    before = audit.row_state(post)
    post.ended_on = on
    post.end_reason = reason
    post.end_note = _note(note)
    scope.session.add(post)
    action = {PostBody.COMMITTEE: "committee.end", PostBody.STAFF: "staff.end"}.get(body, "org.end")
    audit.record_row(scope, action, "post", post, before=before)
    warnings: list[str] = []
    if body in (PostBody.COMMITTEE, PostBody.STAFF):
        name = _holder_name(scope, post)
        _staff_change(scope, post, name, ending=True, reason=note)
    if body == PostBody.COMMITTEE:
        warnings = committee_warnings(scope, on + dt.timedelta(days=1))
    return post, warnings


# Posts held as a resident of the community, which end when the holder moves away (S9; a group leader
# leads their own group). Hired staff and members of the other bodies need not live here.
RESIDENT_POSTS = (PostBody.COMMITTEE, PostBody.GROUP_LEADERS)


def end_posts_on_leaving(scope: Scope, member_id: int, on: dt.date) -> list[Post]:
    """The member left the community on ``on``: each post held as a resident ends that day (moved-out),
    a committee post with its S24 staff change."""
    ended = []
    for row in serving_posts(scope, None, on):
        if row.member_id == member_id and row.body in RESIDENT_POSTS:
            post, _ = end_post(scope, PostBody(row.body), str(member_id), on=on, reason=EndReason.MOVED_OUT)
            ended.append(post)
    return ended


def _command(body: PostBody) -> str:
    """The command group that keeps posts of ``body``: committee, staff, or org for the standing bodies."""
    return body.value if body in (PostBody.COMMITTEE, PostBody.STAFF) else "org"


def _holder_name(scope: Scope, post: Post) -> str:
    if post.member_id is not None:
        member = scope.session.get(Member, post.member_id)
        return member.name if member else ""
    return post.name or ""


def elected_change(scope: Scope, post: Post, election_id: int) -> PersonnelChange:
    """S24: a member elected in election ``election_id`` takes up a committee post — a staff change the board
    shows, like any other."""
    with speaking(scope.community.locale):
        reason = t("elected in election {id}", id=election_id)
    return _staff_change(scope, post, _holder_name(scope, post), ending=False, reason=reason)


def _staff_change(scope: Scope, post: Post, name: str, *, ending: bool, reason: str | None) -> PersonnelChange:
    """S24: the change as the board shows it, in the community's language (it is public text)."""
    with speaking(scope.community.locale):
        title = label("committee post" if post.body == PostBody.COMMITTEE else "staff position", post.role)
        change = t("left the post: {post}", post=title) if ending else t("took up the post: {post}", post=title)
        why = (reason or "").strip() or (t("appointed") if not ending else label("end reason", post.end_reason))
    row = PersonnelChange(community_id=scope.community_id, name=name[:100], change=change[:200], reason=why[:300],
                          effective=post.ended_on if ending else post.start, post_id=post.id)
    scope.session.add(row)
    audit.record_row(scope, "personnel.add", "personnel_change", row)
    return row


def history(scope: Scope, body: PostBody, ref: str) -> list[PostRow]:
    """Every post of ``body`` the person has held, the latest first."""
    post = find_post(scope, body, ref)
    person = person_key(post.member_id, post.name)
    rows = [row for row in _rows(scope, body) if row.person == person]
    duties = current_duties(scope, scope.today)
    for row in rows:
        row.duty = duties.get(row.person)
    return sorted(rows, key=lambda r: (r.start, r.id), reverse=True)


# ---------------------------------------------------------------- the division of work (S26)

def person_key(member_id: int | None, name: str | None) -> str:
    return f"member:{member_id}" if member_id is not None else f"name:{name}"


@dataclass
class DutyRow:
    member_id: int | None
    name: str
    posts: list[str]  # the posts held on the day, as labels
    duty: str | None
    effective_from: dt.date | None


def set_duty(scope: Scope, ref: str, text: str, *, start: dt.date) -> Duty:
    """S26: what one person holding a post is responsible for, from ``start``. The person holds a post on
    ``start`` (a member id or ID number, or the name of a holder not on the roster)."""
    clean = " ".join((text or "").split())
    if not clean or len(clean) > NOTE_LIMIT:
        raise ValidationError(t("the duties are 1 to {n} characters", n=NOTE_LIMIT))
    holder = _serving_holder(scope, ref, start)
    duty = Duty(community_id=scope.community_id, member_id=holder.member_id,
                name=None if holder.member_id is not None else holder.name, text=clean, effective_from=start)
    scope.session.add(duty)
    audit.record_row(scope, "duty.set", "duty", duty)
    return duty


def holder_on(scope: Scope, ref: str, day: dt.date) -> PostRow:
    """Someone holding a post (any body) on ``day``: a member id or ID number, or the name of a holder not on
    the roster; their first post that day (the register's order). Evaluations and admonitions name people so."""
    member, found = held_by(scope, serving_posts(scope, None, day), ref)
    if not found:
        raise JuweiError(t("member {id} ({name}) holds no post on {day}", id=member.id, name=member.name, day=day))
    return found[0]


def _serving_holder(scope: Scope, ref: str, day: dt.date) -> PostRow:
    member, found = held_by(scope, serving_posts(scope, None, day), ref)
    if not found:
        raise JuweiError(t("member {id} ({name}) holds no post on {day}: duties are divided among the "
                           "committee, its staff and standing bodies", id=member.id, name=member.name, day=day))
    return found[0]


def _duties_in_force(scope: Scope, on: dt.date) -> dict[str, Duty]:
    """Each person's duties in force on ``on``: the latest set on or before it, by person."""
    rows = scope.session.exec(select(Duty).where(Duty.community_id == scope.community_id,
                                                 Duty.effective_from <= on)
                              .order_by(Duty.effective_from, Duty.id)).all()
    return {person_key(d.member_id, d.name): d for d in rows}


def current_duties(scope: Scope, on: dt.date) -> dict[str, str]:
    """Each person's duties in force on ``on``, as text."""
    return {person: duty.text for person, duty in _duties_in_force(scope, on).items()}


def list_duties(scope: Scope, on: dt.date | None = None) -> list[DutyRow]:
    """The division of work on ``on``: everyone holding a post, with their posts and duties."""
    day = on or scope.today
    latest = _duties_in_force(scope, day)
    people: dict[str, DutyRow] = {}
    for row in sorted(serving_posts(scope, None, day), key=lambda r: (list(PostBody).index(PostBody(r.body)),
                                                                     rules.ROLE_ORDER.get(r.role, 3), r.id)):
        entry = people.setdefault(row.person, DutyRow(row.member_id, row.name, [], None, None))
        entry.posts.append(post_title(row.body, row.role, row.group))
        if row.person in latest:
            entry.duty, entry.effective_from = latest[row.person].text, latest[row.person].effective_from
    return list(people.values())


def post_title(body: str, role: str, group: str | None = None) -> str:
    """A post as a clerk says it: 居委会副主任, 社区专职工作者(社会救助), 议事委员会成员, 第一居民小组组长."""
    if body == PostBody.COMMITTEE:
        return label("committee post", role)
    if body == PostBody.STAFF:
        return t("staff ({position})", position=label("staff position", role))
    if body == PostBody.GROUP_LEADERS:
        return t("leader of group '{group}'", group=group or "")
    if body == PostBody.COLLECTORS and role == OrgRole.MEMBER:  # 民情信息员, not 民情信息员成员
        return label("post body", body)
    return t("{body} {role}", body=label("post body", body), role=label("org role", role))


def duties_obligations(scope: Scope, day: dt.date) -> list[Obligation]:
    """S26: after the division of work changes, the board shows the new one within the profile's days. Only
    the latest change is owed: posting the division in force settles every change before it."""
    latest = scope.session.exec(select(Duty).where(Duty.community_id == scope.community_id,
                                                   Duty.effective_from <= day)
                                .order_by(Duty.effective_from.desc(), Duty.id.desc())).first()
    if latest is None:
        return []
    days = rules_on(scope, latest.effective_from).disclosure_duties_days
    return [Obligation("S26", f"duties:{latest.id}",
                       t("the division of work changed on {day}", day=latest.effective_from),
                       latest.effective_from + dt.timedelta(days=days))]


def duties_disclosure(scope: Scope, *, on: dt.date | None = None, post_on: dt.date | None = None,
                      contact: str | None = None) -> Disclosure:
    """S26: a disclosure of the division of work in force on ``on``: each person's name, posts and duties,
    in the community's language; the contact line is the office's public phone. Nothing personal."""
    from juwei.render.bodies import DutiesBody, DutyLine, markdown_source
    from juwei.rules.privacy import Scrub, public_text
    from juwei.services.disclosure import add_disclosure

    day = on or scope.today
    latest = duties_obligations(scope, day)
    with speaking(scope.community.locale) as lang:
        rows = list_duties(scope, day)
        if not rows:
            raise JuweiError(t("nobody holds a post on {day}: record the committee first (`juwei committee add`)",
                               day=day))
        term = term_on(scope, day)
        body = DutiesBody(day, term.number if term else None,
                          [DutyLine(public_text(r.name, limit=100), public_text("、".join(r.posts), limit=300),
                                    # duties are public work (低保、残疾人服务): only numbers masked
                                    public_text(r.duty or "", limit=NOTE_LIMIT, level=Scrub.NUMBERS))
                           for r in rows])
        title = t("{community}: division of work", community=scope.community.name)
    return add_disclosure(scope, category="duties", title=title[:200], body=markdown_source(body, lang),
                          post_on=post_on, contact=contact,
                          subject=latest[0].subject if latest else f"duties:{day.isoformat()}")


# ---------------------------------------------------------------- routine meetings (S14)

def meeting_roll(scope: Scope, kind: str, day: dt.date) -> list[tuple[int, Candidate]]:
    """The seats of a routine meeting of ``kind`` convened without a body: the people of the bodies it is for
    (``rules.MEETING_ROLLS``) holding a post on ``day``, each once, director first. Residents who have left
    or lost their rights by the day do not sit."""
    wanted = rules.MEETING_ROLLS.get(kind)
    if not wanted:
        return []
    rows = [row for row in serving_posts(scope, None, day) if row.body in wanted]
    order = rules.roll_people([(PostBody(r.body), r.role, r.person) for r in rows], wanted)
    ids = {r.member_id for r in rows if r.member_id is not None}
    found = {}
    if ids:
        query = (select(Member, Household.number, ResidentsGroup.id, ResidentsGroup.name)
                 .outerjoin(Household, Member.household_id == Household.id)
                 .outerjoin(ResidentsGroup, Household.group_id == ResidentsGroup.id)
                 .where(Member.community_id == scope.community_id, Member.id.in_(ids)))
        for member, number, group_id, group_name in scope.session.exec(query).all():
            if member.moved_out is None or member.moved_out > day:
                found[person_key(member.id, None)] = Candidate(member.id, member.name, group_id, group_name,
                                                                 member.household_id, number)
    for row in rows:
        if row.member_id is None:
            found[person_key(None, row.name)] = Candidate(None, row.name, None, None, None, None)
    return list(enumerate((found[key] for key in order if key in found), start=1))


# ---------------------------------------------------------------- what is due

ELECTION_AHEAD_DAYS = 366  # how long before the term ends the agenda lists the general election (a year's preparation)


def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """Vacancies on the committee (fewer serving members than the profile's minimum, no director) and the
    next general election, once the term's end is within a year."""
    info = term_info(scope, on)
    items: list[DueItem] = []
    if info.number is None and not info.serving:
        return items  # no committee recorded yet: nothing to measure against
    if info.serving < info.size_min:
        items.append(DueItem("S9", "committee", "committee:vacancies",
                             t("the committee has {n} serving member(s); it needs at least {lo}: fill the vacancies by "
                               "a by-election", n=info.serving, lo=info.size_min), None, False,
                             "juwei committee list"))
    if info.director is None and info.serving:
        items.append(DueItem("S9", "committee", "committee:director", t("the committee has no director"), None,
                             False, "juwei committee list"))
    if info.election_due is not None and (info.election_due - on).days <= ELECTION_AHEAD_DAYS:
        items.append(DueItem("S9", "committee", f"committee:election:{info.number}",
                             t("general election of the committee (term {n} ends {end})", n=info.number,
                               end=info.end), info.election_due, info.election_due < on, "juwei committee term"))
    return items
