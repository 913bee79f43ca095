"""The community roster: residents' groups, households, members, representatives.

Each function takes a :class:`Scope`, validates, writes, and appends its audit event; the caller's
``open_scope(write=True)`` makes it one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import func, or_
from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import t
from juwei.rules import people
from juwei.rules.codes import read_code
from juwei.rules.dates import add_years
from juwei.rules.due import DueItem
from juwei.rules.idnumber import parse_id
from juwei.rules.meetings import ExOfficioBasis, RepresentativeKind
from juwei.rules.records import FieldError, check_plausible, clean_member
from juwei.rules.text import fold
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models import Household, Member, Representative, ResidentsGroup
from juwei.storage.models.base import utcnow

EX_OFFICIO_BASES = tuple(ExOfficioBasis)  # S2
# S2: a post in the committee register that makes its holder an ex officio representative while it is held,
# and the basis it gives (no `rep add` needed)
EX_OFFICIO_POSTS = {"committee": ExOfficioBasis.COMMITTEE, "party": ExOfficioBasis.PARTY_ORG}


# ---------------------------------------------------------------- groups (居民小组)

def find_group(scope: Scope, ref: str) -> ResidentsGroup:
    """A group by its name (folded as imports fold it: 第１组 is 第1组), or by its id."""
    typed = str(ref).strip()
    ref = _folded(typed)
    query = select(ResidentsGroup).where(ResidentsGroup.community_id == scope.community_id)
    found = scope.session.exec(query.where(ResidentsGroup.name.in_({ref, typed}))).first()
    if found is None and ref.isdigit():
        found = scope.session.exec(query.where(ResidentsGroup.id == int(ref))).first()
    if found is None:
        raise NotFound(t("no residents' group '{ref}'; see `juwei group list`", ref=ref))
    return found


def _folded(text: str) -> str:
    """A group name or household number as an import cleans it (rules/records: full-width forms folded)."""
    return fold(str(text)).strip()


def add_group(scope: Scope, name: str) -> ResidentsGroup:
    name = _folded(name)
    if not name or len(name) > 100:
        raise ValidationError(t("a group name is required (at most 100 characters)"))
    exists = scope.session.exec(select(ResidentsGroup.id).where(
        ResidentsGroup.community_id == scope.community_id, ResidentsGroup.name == name)).first()
    if exists:
        raise JuweiError(t("a residents' group named '{name}' already exists", name=name))
    group = ResidentsGroup(community_id=scope.community_id, name=name)
    scope.session.add(group)
    audit.record_row(scope, "group.add", "residents_group", group)
    return group


@dataclass
class GroupSummary:
    id: int
    name: str
    households: int
    members: int
    representatives: int


def list_groups(scope: Scope, on: dt.date | None = None) -> list[GroupSummary]:
    s, cid = scope.session, scope.community_id
    day = on or scope.today
    households = dict(s.exec(select(Household.group_id, func.count()).where(Household.community_id == cid)
                             .group_by(Household.group_id)).all())
    members = dict(s.exec(select(Household.group_id, func.count()).join(Member, Member.household_id == Household.id)
                          .where(Member.community_id == cid, _resident_clause(day))
                          .group_by(Household.group_id)).all())
    reps: dict[int, int] = {}
    for rep in serving_representatives(scope, day):
        if rep.kind == RepresentativeKind.ELECTED and rep.group_id is not None:
            reps[rep.group_id] = reps.get(rep.group_id, 0) + 1
    groups = s.exec(select(ResidentsGroup).where(ResidentsGroup.community_id == cid).order_by(ResidentsGroup.id)).all()
    return [GroupSummary(g.id, g.name, households.get(g.id, 0), members.get(g.id, 0), reps.get(g.id, 0))
            for g in groups]


# ---------------------------------------------------------------- households (户)

def find_household(scope: Scope, ref: str) -> Household:
    """A household by its number (户号)."""
    typed = str(ref).strip()
    ref = _folded(typed)  # ０３０３ is 0303; a number stored before folding is still found as typed
    found = scope.session.exec(select(Household).where(
        Household.community_id == scope.community_id, Household.number.in_({ref, typed}))).first()
    if found is None:
        raise NotFound(t("no household numbered '{ref}'; see `juwei household list`", ref=ref))
    return found


def add_household(scope: Scope, number: str, *, address: str | None = None,
                  group: str | None = None) -> Household:
    number = _folded(number)  # ０３０３ is 0303
    if not number:
        raise ValidationError(t("a household number is required (at most 64 characters)"))
    exists = scope.session.exec(select(Household.id, Household.voided_on).execution_options(include_voided=True)
                                .where(Household.community_id == scope.community_id,
                                       Household.number == number)).first()
    if exists and exists[1] is not None:
        raise JuweiError(t("household '{number}' was voided on {day} as entered by mistake; its number cannot be "
                           "used again", number=number, day=exists[1]))
    if exists:
        raise JuweiError(t("household '{number}' already exists", number=number))
    household = Household(community_id=scope.community_id, number=number,
                          address=(address or "").strip() or None,
                          group_id=find_group(scope, group).id if group else None)
    scope.session.add(household)
    audit.record_row(scope, "household.add", "household", household)
    return household


def set_household_representative(scope: Scope, household_ref: str, member_ref: str | None) -> Household:
    """Designate the member who attends households' meetings for this household (户代表)."""
    household = find_household(scope, household_ref)
    before = audit.row_state(household)
    if member_ref is None:
        household.representative_id = None
    else:
        member = find_member(scope, member_ref)
        if member.household_id != household.id:
            raise JuweiError(t("member {member} does not belong to household {household}",
                               member=member.id, household=household.number))
        household.representative_id = member.id
    scope.session.add(household)
    audit.record_row(scope, "household.set_representative", "household", household, before=before)
    return household


@dataclass
class HouseholdSummary:
    id: int
    number: str
    address: str | None
    group: str | None
    representative: str | None
    member_count: int


def list_households(scope: Scope, group: str | None = None, number: str | None = None) -> list[HouseholdSummary]:
    s, cid = scope.session, scope.community_id
    query = (select(Household, ResidentsGroup.name)
             .join(ResidentsGroup, Household.group_id == ResidentsGroup.id, isouter=True)
             .where(Household.community_id == cid))
    if group:
        query = query.where(Household.group_id == find_group(scope, group).id)
    if number:
        query = query.where(Household.id == find_household(scope, number).id)
    rows = s.exec(query.order_by(ResidentsGroup.id, Household.number)).all()
    counts = dict(s.exec(select(Member.household_id, func.count()).where(
        Member.community_id == cid, _resident_clause(scope.today),
        Member.household_id.in_([h.id for h, _ in rows])).group_by(Member.household_id)).all()) if rows else {}
    rep_ids = [h.representative_id for h, _ in rows if h.representative_id]
    names = dict(s.exec(select(Member.id, Member.name).where(Member.id.in_(rep_ids))).all()) if rep_ids else {}
    return [HouseholdSummary(h.id, h.number, h.address, g, names.get(h.representative_id), counts.get(h.id, 0))
            for h, g in rows]


# ---------------------------------------------------------------- members (居民)

def find_member(scope: Scope, ref: str | int, *, include_voided: bool = False) -> Member:
    """A member by internal id or by ID number (身份证号); a voided one only with ``include_voided``."""
    text = str(ref).strip().upper()
    query = select(Member).where(Member.community_id == scope.community_id)
    if include_voided:
        query = query.execution_options(include_voided=True)
    if text.isdigit() and len(text) < 15:
        found = scope.session.exec(query.where(Member.id == int(text))).first()
    else:
        found = scope.session.exec(query.where(Member.id_number == text)).first()
    if found is None:
        raise NotFound(t("no member '{ref}' in this community (give the member's id or ID number)",
                         ref=text if len(text) < 15 else text[:6] + "…"))
    return found


def _check_unique_id(scope: Scope, id_number: str | None, exclude: int | None = None) -> None:
    if not id_number:
        return
    query = (select(Member.id, Member.voided_on).execution_options(include_voided=True)
             .where(Member.community_id == scope.community_id, Member.id_number == id_number))
    if exclude is not None:
        query = query.where(Member.id != exclude)
    other = scope.session.exec(query).first()
    if other is not None and other[1] is not None:
        raise FieldError("id_number", t("this ID number belongs to member {id}, voided on {day} as entered by "
                                        "mistake; it cannot be entered again", id=other[0], day=other[1]))
    if other is not None:
        raise FieldError("id_number", t("this ID number is already on the roll as member {id}", id=other[0]))


def add_member(scope: Scope, values: dict[str, Any], *, household: str | None = None) -> Member:
    clean = clean_member(values, today=scope.today)
    _check_unique_id(scope, clean.get("id_number"))
    member = Member(community_id=scope.community_id, **clean)
    if household:
        member.household_id = find_household(scope, household).id
    scope.session.add(member)
    audit.record_row(scope, "member.add", "member", member)
    return member


def update_member(scope: Scope, ref: str, values: dict[str, Any], *, household: str | None = None) -> Member:
    """Change the given fields; an ID number on record still decides birth date and gender."""
    member = find_member(scope, ref)
    before = audit.row_state(member)
    clean = clean_member(values, partial=True, today=scope.today)
    if "id_number" in clean:
        _check_unique_id(scope, clean["id_number"], exclude=member.id)
    elif member.id_number and ("birth_date" in clean or "gender" in clean):
        recorded = parse_id(member.id_number)
        if clean.get("birth_date") not in (None, recorded.birth_date):
            raise FieldError("birth_date", t("does not match the birth date in the recorded ID number"))
        if clean.get("gender") not in (None, recorded.gender):
            raise FieldError("gender", t("does not match the recorded ID number"))
    for key, value in clean.items():
        setattr(member, key, value)
    if household is not None:
        member.household_id = find_household(scope, household).id if household else None
    if member.moved_in and member.moved_out and member.moved_out < member.moved_in:
        raise FieldError("moved_out", t("is before moved_in ({day})", day=member.moved_in))
    member.updated_at = utcnow()
    scope.session.add(member)
    audit.record_row(scope, "member.update", "member", member, before=before)
    return member


def member_leaves(scope: Scope, ref: str, on: dt.date, reason: str | None = None) -> Member:
    """Record that a member moved out (迁出) or died; the row stays for past meetings."""
    try:
        check_plausible("moved_out", on, scope.today)
    except FieldError as exc:
        raise ValidationError(t("{field}: {message}", field=named("on"), message=exc.reason)) from None
    member = find_member(scope, ref)
    if member.moved_out is not None:
        raise JuweiError(t("member {id} already left on {day}", id=member.id, day=member.moved_out))
    if member.moved_in and on < member.moved_in:
        raise ValidationError(t("{on} {day} is before the member moved in ({moved_in})", on=named("on"), day=on,
                                moved_in=member.moved_in))
    before = audit.row_state(member)
    member.moved_out = on
    if reason:
        member.note = ((member.note + "\n") if member.note else "") + reason.strip()
    scope.session.add(member)
    audit.record_row(scope, "member.leave", "member", member, before=before)
    for rep in serving_representatives(scope, on):
        if rep.member_id == member.id:
            end_representative(scope, rep.id, on, t("left the community"))
    from juwei.services.committee import end_posts_on_leaving

    end_posts_on_leaving(scope, member.id, on)
    return member


# ---------------------------------------------------------------- voiding (作废): entered by mistake

# Every record that names a resident, and what it is called when voiding is refused: a resident anyone else's
# record relies on was not entered by mistake (tests/test_roster_void.py checks that every column naming a
# member or a household is listed here).
MEMBER_REFERENCES: tuple[tuple[str, str], ...] = (
    ("meeting_seat", "member_id"), ("attendance", "member_id"), ("ballot", "member_id"),
    ("representative", "member_id"), ("post", "member_id"), ("duty", "member_id"),
    ("election_voter", "member_id"), ("election_candidate", "member_id"), ("election_officer", "member_id"),
    ("election_proxy", "giver_id"), ("election_proxy", "holder_id"), ("election_tally", "member_id"),
    ("petition_signature", "member_id"), ("household", "representative_id"), ("recall", "member_id"),
    ("evaluation_subject", "member_id"), ("admonition", "member_id"), ("sentiment_item", "by_member_id"),
    ("grid_assignment", "member_id"), ("household_visit", "member_id"), ("staff_log", "member_id"),
    ("staff_summary", "member_id"), ("gift", "member_id"),
)
HOUSEHOLD_REFERENCES: tuple[tuple[str, str], ...] = (("meeting_seat", "household_id"),
                                                     ("election_voter", "household_id"),
                                                     ("sentiment_item", "household_id"),
                                                     ("grid_assignment", "household_id"),
                                                     ("household_visit", "household_id"))


def _reference_words(table: str) -> str:
    """What a referencing record is called, in the clerk's language."""
    return {
        "meeting_seat": t("a seat on a meeting's roll"),
        "attendance": t("a meeting's attendance"),
        "ballot": t("a recorded vote"),
        "representative": t("a representative's term"),
        "post": t("a post in the committee register"),
        "duty": t("the division of work"),
        "election_voter": t("an election's voter register"),
        "election_candidate": t("a candidacy in an election"),
        "election_officer": t("an election committee"),
        "election_proxy": t("an election proxy"),
        "election_tally": t("an election's count"),
        "petition_signature": t("a petition's signatures"),
        "household": t("a household's designated representative (户代表)"),
        "recall": t("a recall"),
        "evaluation_subject": t("a democratic evaluation"),
        "admonition": t("an admonition"),
        "sentiment_item": t("a resident's concern (民情)"),
        "grid_assignment": t("grid responsibility (包片联户)"),
        "household_visit": t("a household visit"),
        "staff_log": t("a staff work log"),
        "staff_summary": t("a staff monthly summary"),
        "gift": t("the gift register"),
    }[table]


def _referenced_by(scope: Scope, references: tuple[tuple[str, str], ...], row_id: int) -> list[str]:
    """What names the row (each once), read with Core so voided rows count too."""
    from sqlalchemy import select as core_select

    from juwei.storage.models import load_all

    tables = load_all().tables
    found: list[str] = []
    for table, column in references:
        what = _reference_words(table)
        if what in found:
            continue
        hit = scope.session.execute(core_select(tables[table].c.id).where(tables[table].c[column] == row_id)
                                    .limit(1)).first()
        if hit is not None:
            found.append(what)
    return found


def _void_reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text or len(text) > 300:
        raise ValidationError(t("{field}: say why the entry was a mistake (at most 300 characters)",
                                field=named("reason")))
    return text


def void_member(scope: Scope, ref: str, reason: str) -> Member:
    """Void a resident entered by mistake: the row stays (for the audit trail) and is left out of every list,
    body, roll and count. Refused once anything else names them: a roll, a post, a candidacy, …"""
    reason = _void_reason(reason)
    member = find_member(scope, ref, include_voided=True)
    if member.voided_on is not None:
        raise JuweiError(t("member {id} was already voided on {day}", id=member.id, day=member.voided_on))
    found = _referenced_by(scope, MEMBER_REFERENCES, member.id)
    if found:
        raise JuweiError(t("member {id} cannot be voided: {what} names them. Voiding is for an entry made by "
                           "mistake; a resident who moved away or died is recorded with `juwei member leave`",
                           id=member.id, what=t("; ").join(found)))
    before = audit.row_state(member)
    member.voided_on, member.void_reason = scope.today, reason
    member.updated_at = utcnow()
    scope.session.add(member)
    audit.record_row(scope, "member.void", "member", member, before=before)
    return member


def void_household(scope: Scope, ref: str, reason: str) -> Household:
    """Void a household entered by mistake; refused while residents live in it (move or void them first)
    or a roll names it."""
    reason = _void_reason(reason)
    typed = str(ref).strip()
    household = scope.session.exec(select(Household).execution_options(include_voided=True).where(
        Household.community_id == scope.community_id, Household.number.in_({_folded(typed), typed}))).first()
    if household is None:
        raise NotFound(t("no household numbered '{ref}'; see `juwei household list`", ref=_folded(typed)))
    if household.voided_on is not None:
        raise JuweiError(t("household '{number}' was already voided on {day}", number=household.number,
                           day=household.voided_on))
    members = scope.session.exec(select(func.count()).select_from(Member).where(
        Member.household_id == household.id)).one()
    if members:
        raise JuweiError(t("household '{number}' cannot be voided: {n} resident(s) are recorded in it; move them "
                           "to their household (`juwei member update ID --household NUMBER`) or void them first",
                           number=household.number, n=members))
    found = _referenced_by(scope, HOUSEHOLD_REFERENCES, household.id)
    if found:
        raise JuweiError(t("household '{number}' cannot be voided: {what} names it", number=household.number,
                           what=t("; ").join(found)))
    before = audit.row_state(household)
    household.voided_on, household.void_reason = scope.today, reason
    scope.session.add(household)
    audit.record_row(scope, "household.void", "household", household, before=before)
    return household


def _resident_clause(day: dt.date):
    return or_(Member.moved_out.is_(None), Member.moved_out > day)


@dataclass
class MemberRow:
    id: int
    name: str
    gender: str | None
    birth_date: dt.date | None
    id_number: str | None
    phone: str | None
    household: str | None
    group: str | None
    party_member: bool
    rights_deprived: bool
    moved_in: dt.date | None
    moved_out: dt.date | None


def list_members(scope: Scope, *, group: str | None = None, household: str | None = None,
                 name: str | None = None, include_left: bool = False,
                 on: dt.date | None = None, limit: int | None = None) -> list[MemberRow]:
    day = on or scope.today
    query = (select(Member, Household.number, ResidentsGroup.name)
             .join(Household, Member.household_id == Household.id, isouter=True)
             .join(ResidentsGroup, Household.group_id == ResidentsGroup.id, isouter=True)
             .where(Member.community_id == scope.community_id))
    if group:
        query = query.where(Household.group_id == find_group(scope, group).id)
    if household:
        query = query.where(Member.household_id == find_household(scope, household).id)
    if name:
        query = query.where(Member.name.contains(name.strip()))
    if not include_left:
        query = query.where(_resident_clause(day))
    query = query.order_by(ResidentsGroup.id, Household.number, Member.name, Member.id)
    if limit:
        query = query.limit(limit)
    return [MemberRow(m.id, m.name, m.gender, m.birth_date, m.id_number, m.phone, hn, gn, m.party_member,
                      people.rights_deprived_on(m.rights_deprived_from, m.rights_deprived_until, day),
                      m.moved_in, m.moved_out)
            for m, hn, gn in scope.session.exec(query).all()]


def member_detail(scope: Scope, ref: str) -> tuple[Member, Household | None, ResidentsGroup | None,
                                                   list[Representative]]:
    member = find_member(scope, ref)
    household = scope.session.get(Household, member.household_id) if member.household_id else None
    group = scope.session.get(ResidentsGroup, household.group_id) if household and household.group_id else None
    reps = list(scope.session.exec(select(Representative).where(Representative.member_id == member.id)
                                   .order_by(Representative.term_start)).all())
    return member, household, group, reps


@dataclass
class RosterSummary:
    community: str
    groups: int
    households: int
    members: int
    adults: int
    party_members: int
    deprived: int
    representatives_elected: int
    representatives_ex_officio: int


def roster_summary(scope: Scope, on: dt.date | None = None) -> RosterSummary:
    day = on or scope.today
    rules = rules_on(scope, day)
    s, cid = scope.session, scope.community_id
    rows = s.exec(select(Member.birth_date, Member.party_member, Member.rights_deprived_from,
                         Member.rights_deprived_until, Member.moved_in)
                  .where(Member.community_id == cid, _resident_clause(day))).all()
    present = [r for r in rows if r[4] is None or r[4] <= day]
    adults = sum(people.is_adult(r[0], day, rules.adult_age, rules.adult_birthday_counts) for r in present)
    deprived = sum(people.rights_deprived_on(r[2], r[3], day) for r in present)
    reps = serving_representatives(scope, day)
    ex_officio = {r.member_id for r in reps if r.kind == RepresentativeKind.EX_OFFICIO} | {p.member_id for p in ex_officio_posts(scope, day)}
    return RosterSummary(
        community=scope.community.name,
        groups=s.exec(select(func.count()).select_from(ResidentsGroup).where(ResidentsGroup.community_id == cid)).one(),
        households=s.exec(select(func.count()).select_from(Household).where(Household.community_id == cid)).one(),
        members=len(present), adults=adults, party_members=sum(bool(r[1]) for r in present), deprived=deprived,
        representatives_elected=sum(r.kind == RepresentativeKind.ELECTED for r in reps),
        representatives_ex_officio=len(ex_officio),
    )


# ---------------------------------------------------------------- representatives (居民代表 / 当然代表)

def ex_officio_posts(scope: Scope, day: dt.date | None) -> list:
    """S2: the committee and party-organisation posts held by residents on ``day`` (every such post: None)."""
    from juwei.storage.models import Post  # the register's tables only where they are read

    rows = scope.session.exec(select(Post).where(
        Post.community_id == scope.community_id, Post.body.in_(tuple(EX_OFFICIO_POSTS)), Post.member_id.is_not(None))
        .order_by(Post.id)).all()
    return [p for p in rows if day is None or people.serving_on(p.start, p.term_end, p.ended_on, day)]


def serving_representatives(scope: Scope, day: dt.date) -> list[Representative]:
    rows = scope.session.exec(select(Representative).where(
        Representative.community_id == scope.community_id, Representative.term_start <= day)
        .order_by(Representative.id)).all()
    return [r for r in rows if people.serving_on(r.term_start, r.term_end, r.ended_on, day)]


def add_representative(scope: Scope, member_ref: str, *, start: dt.date, group: str | None = None,
                       ex_officio: ExOfficioBasis | None = None,
                       other_group_reason: str | None = None) -> tuple[Representative, list[str]]:
    """S1/S2/S3: an elected group representative (term from the rules) or an ex officio one.

    A group elects one of its own residents (S1): an elected representative must live in the group, unless
    ``other_group_reason`` says why not (kept on the row and in the audit trail). Returns the new row and
    warnings (a group with fewer or more serving representatives than S1 allows).
    """
    if (group is None) == (ex_officio is None):
        raise ValidationError(t("give exactly one of {group} GROUP (elected) or {ex_officio} BASIS",
                                group=named("group"), ex_officio=named("ex_officio")))
    member = find_member(scope, member_ref)
    rules = require_eligible(scope, member, start)
    serving = serving_representatives(scope, start)
    warnings: list[str] = []
    if ex_officio is not None:
        ex_officio = read_code(ExOfficioBasis, "ex officio basis", ex_officio, "ex_officio")
        if any(r.member_id == member.id and r.kind == RepresentativeKind.EX_OFFICIO and r.basis == ex_officio
               for r in serving):
            raise JuweiError(t("member {id} already serves as an ex officio representative ({basis})",
                               id=member.id, basis=ex_officio))
        rep = Representative(community_id=scope.community_id, member_id=member.id,
                             kind=RepresentativeKind.EX_OFFICIO.value, basis=ex_officio.value, term_start=start, term_end=None)
    else:
        grp = find_group(scope, group)
        if any(r.member_id == member.id and r.kind == RepresentativeKind.ELECTED for r in serving):
            raise JuweiError(t("member {id} already serves as an elected representative", id=member.id))
        reason = (other_group_reason or "").strip() or None
        home = _home_group(scope, member)
        if home is None or home.id != grp.id:
            if reason is None:
                raise JuweiError(t("member {id} ({name}) lives in {home}, not in group '{group}': a group elects "
                                   "its own residents (S1); if this is right, give {other_group_reason} REASON",
                                   other_group_reason=named("other_group_reason"), id=member.id, name=member.name, group=grp.name,
                                   home=t("group '{group}'", group=home.name) if home else
                                   t("no residents' group (their household has none)")))
        elif reason is not None:
            raise ValidationError(t("member {id} lives in group '{group}': {other_group_reason} is only for a "
                                    "representative of another group", id=member.id, group=grp.name,
                                    other_group_reason=named("other_group_reason")))
        # S3: the term runs for the profile's years; the end date is the last day served.
        end = add_years(start, rules.representative_term_years) - dt.timedelta(days=1)
        rep = Representative(community_id=scope.community_id, member_id=member.id,
                             kind=RepresentativeKind.ELECTED.value,
                             group_id=grp.id, term_start=start, term_end=end,
                             other_group_reason=reason[:1000] if reason else None)
        count = sum(r.kind == RepresentativeKind.ELECTED and r.group_id == grp.id for r in serving) + 1
        if count > rules.group_reps_max:
            warnings.append(t("group '{group}' now has {n} serving elected representatives; S1 allows {lo}–{hi}",
                              group=grp.name, n=count, lo=rules.group_reps_min, hi=rules.group_reps_max))
        elif count < rules.group_reps_min:
            warnings.append(t("group '{group}' has {n} serving elected representative(s); S1 asks for {lo}–{hi}",
                              group=grp.name, n=count, lo=rules.group_reps_min, hi=rules.group_reps_max))
    scope.session.add(rep)
    audit.record_row(scope, "rep.add", "representative", rep)
    return rep, warnings


def require_eligible(scope: Scope, member: Member, day: dt.date):
    """S1/S2, S9: someone who represents residents or holds office is, on ``day``, a resident, an adult and
    not deprived of political rights. Returns the rules in force on ``day``."""
    rules = rules_on(scope, day)
    if member.moved_out is not None and member.moved_out <= day:
        raise JuweiError(t("member {id} left the community on {day}", id=member.id, day=member.moved_out))
    if people.rights_deprived_on(member.rights_deprived_from, member.rights_deprived_until, day):
        raise JuweiError(t("member {id} is deprived of political rights on {day}", id=member.id, day=day))
    if not people.is_adult(member.birth_date, day, rules.adult_age, rules.adult_birthday_counts):
        raise JuweiError(t("member {id} is not an adult on {day} (or has no birth date recorded)",
                           id=member.id, day=day))
    return rules


def _home_group(scope: Scope, member: Member) -> ResidentsGroup | None:
    """The residents' group the member lives in: their household's."""
    household = scope.session.get(Household, member.household_id) if member.household_id else None
    return scope.session.get(ResidentsGroup, household.group_id) if household and household.group_id else None


def end_representative(scope: Scope, rep_id: int, on: dt.date, reason: str) -> tuple[Representative, list[str]]:
    rep = scope.session.get(Representative, rep_id)
    if rep is None or rep.community_id != scope.community_id:
        raise NotFound(t("no representative {id}; see `juwei rep list`", id=rep_id))
    if rep.ended_on is not None:
        raise JuweiError(t("representative {id} already ended on {day}", id=rep_id, day=rep.ended_on))
    if on < rep.term_start:
        raise ValidationError(t("{on} {day} is before the term started ({start})", on=named("on"), day=on,
                                start=rep.term_start))
    if not reason.strip():
        raise ValidationError(t("{reason} must say why the term ends", reason=named("reason")))
    before = audit.row_state(rep)
    rep.ended_on = on
    rep.end_reason = reason.strip()[:300]
    scope.session.add(rep)
    audit.record_row(scope, "rep.end", "representative", rep, before=before)
    warnings: list[str] = []
    if rep.kind == RepresentativeKind.ELECTED and rep.group_id is not None:
        rules = rules_on(scope, on)
        after = on + dt.timedelta(days=1)
        count = sum(r.kind == RepresentativeKind.ELECTED and r.group_id == rep.group_id for r in serving_representatives(scope, after))
        if count < rules.group_reps_min:
            group = scope.session.get(ResidentsGroup, rep.group_id)
            warnings.append(t("group '{group}' has {n} serving elected representative(s); S1 asks for {lo}–{hi}",
                              group=group.name, n=count, lo=rules.group_reps_min, hi=rules.group_reps_max))
    return rep, warnings


@dataclass
class RepRow:
    id: int | None  # None: ex officio through a committee-register post (post_id)
    member_id: int
    name: str
    kind: str
    group: str | None
    basis: str | None
    term_start: dt.date
    term_end: dt.date | None
    ended_on: dt.date | None
    end_reason: str | None
    other_group_reason: str | None = None  # why an elected representative serves a group they do not live in
    post_id: int | None = None  # ex officio through this committee-register post (S2); id is then None


def list_representatives(scope: Scope, *, on: dt.date | None = None, expiring_days: int | None = None,
                         include_ended: bool = False) -> list[RepRow]:
    day = on or scope.today
    query = (select(Representative, Member.name, ResidentsGroup.name)
             .join(Member, Representative.member_id == Member.id)
             .join(ResidentsGroup, Representative.group_id == ResidentsGroup.id, isouter=True)
             .where(Representative.community_id == scope.community_id)
             .order_by(ResidentsGroup.id, Representative.kind, Member.name))
    rows = []
    for rep, name, group in scope.session.exec(query).all():
        if not include_ended and not people.serving_on(rep.term_start, rep.term_end, rep.ended_on, day):
            continue
        if expiring_days is not None:
            if rep.term_end is None or not (day <= rep.term_end <= day + dt.timedelta(days=expiring_days)):
                continue
        rows.append(RepRow(rep.id, rep.member_id, name, rep.kind, group, rep.basis, rep.term_start,
                           rep.term_end, rep.ended_on, rep.end_reason, rep.other_group_reason))
    if expiring_days is None:  # ex officio through a post: no term of their own to expire
        recorded = {(r.member_id, r.basis) for r in rows if r.kind == RepresentativeKind.EX_OFFICIO}
        names = dict(scope.session.exec(select(Member.id, Member.name)
                                        .where(Member.community_id == scope.community_id)).all())
        for post in ex_officio_posts(scope, None if include_ended else day):
            basis = EX_OFFICIO_POSTS[post.body]
            if (post.member_id, basis) not in recorded:
                rows.append(RepRow(None, post.member_id, names.get(post.member_id, ""), RepresentativeKind.EX_OFFICIO,
                                   None, basis,
                                   post.start, post.term_end, post.ended_on, post.end_reason, post_id=post.id))
    return rows


TERM_AHEAD_DAYS = 90  # how long before an elected term (S3) ends the agenda lists electing the next one


def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """S3: an elected term that ends within :data:`TERM_AHEAD_DAYS` (or has ended, overdue) and has no
    successor yet: an elected term in the same group starting after it. Each successor settles one term."""
    reps = [r for r in list_representatives(scope, on=on, include_ended=True) if r.kind == RepresentativeKind.ELECTED and r.group]
    horizon = on + dt.timedelta(days=TERM_AHEAD_DAYS)
    ending = sorted((r for r in reps if r.term_end is not None and r.ended_on is None and r.term_start <= on
                     and r.term_end <= horizon), key=lambda r: (r.term_end, r.id))
    taken: set[int] = set()
    out = []
    for r in ending:
        successor = next((s for s in sorted(reps, key=lambda s: (s.term_start, s.id)) if s.id not in taken
                          and s.group == r.group and s.term_start > r.term_end), None)
        if successor is not None:
            taken.add(successor.id)
            continue
        out.append(DueItem("S3", "roster", f"representative:{r.id}:term",
                           t("term of representative {name} ({group}) ends on {day}", name=r.name, group=r.group,
                             day=r.term_end),
                           r.term_end, r.term_end < on,
                           f"juwei rep add MEMBER --group {r.group} --from {r.term_end + dt.timedelta(days=1)}"))
    return out


def ensure_groups(scope: Scope, names: Iterable[str]) -> dict[str, int]:
    """Ids of the named groups, creating the missing ones (for imports and the demo)."""
    existing = dict(scope.session.exec(select(ResidentsGroup.name, ResidentsGroup.id).where(
        ResidentsGroup.community_id == scope.community_id)).all())
    for name in dict.fromkeys(n for n in names if n):  # first-seen order: 第一, 第二, …
        if name not in existing:
            existing[name] = add_group(scope, name).id
    return existing
