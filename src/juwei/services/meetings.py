"""Meetings: convene with notice (S6), snapshot the roll (S1, S2) and rules, sign in, quorum (S7), close,
minutes (S15), reschedule, cancel, and what is due (S4, S5, S14).

Convening copies the body as a numbered roll (``meeting_seat``) and the rules in force on the meeting
date (``meeting.rules``); everything after that reads only those copies, so a later roster edit or
``rules set`` never changes an existing meeting. Functions return plain dataclasses a template can use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, literal, or_, select
from sqlalchemy.exc import IntegrityError

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, t
from juwei.rules import meetings as mrules
from juwei.rules.due import DueItem
from juwei.rules.codes import read_code
from juwei.rules.meetings import Body, Candidate, MeetingKind, MeetingReason, MeetingStatus, Quorum, RepresentativeKind
from juwei.rules.profiles import Rules
from juwei.services import audit
from juwei.services.audit import seal as audit_seal
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models import Attendance, Household, Member, Representative, ResidentsGroup
from juwei.storage.models.base import utcnow
from juwei.storage.models.meetings import Meeting, MeetingSeat, Motion

if TYPE_CHECKING:  # the minutes' notes are defined only when a command uses them
    from juwei.storage.models.minutes import MeetingNote


# ---------------------------------------------------------------- looking things up

def find_meeting(scope: Scope, meeting_id: int, *, for_update: bool = False) -> Meeting:
    """The meeting, locked against concurrent writers when ``for_update`` (PostgreSQL; SQLite's
    BEGIN IMMEDIATE already serialises writers)."""
    query = select(Meeting).where(Meeting.id == meeting_id, Meeting.community_id == scope.community_id)
    if for_update:
        query = query.with_for_update()
    found = scope.session.execute(query).scalar_one_or_none()
    if found is None:
        raise NotFound(t("no meeting {id} in this community; see `juwei meeting list`", id=meeting_id))
    return found


def meeting_rules(meeting: Meeting) -> Rules:
    """The rules the meeting was convened with (its snapshot), never today's."""
    return Rules(json.loads(meeting.rules))


def quorum_rule(meeting: Meeting):
    return meeting_rules(meeting).quorum if mrules.needs_quorum(meeting.kind) else None


def require_open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CLOSED:
        raise JuweiError(t("meeting {id} is closed; its record and tallies are final", id=meeting.id))
    if meeting.status == MeetingStatus.CANCELLED:
        raise JuweiError(t("meeting {id} was cancelled ({reason})", id=meeting.id, reason=meeting.cancel_reason))


def require_held(scope: Scope, meeting: Meeting) -> None:
    """Sign-in and everything after it (votes, the minutes, closing) happen on the meeting's day or later,
    never before it: a meeting is held when its notice says (S6). A meeting moved earlier is rescheduled."""
    require_open(meeting)
    day = meeting.at.date()
    if scope.today < day:
        raise JuweiError(t("meeting {id} is held on {day} and today is {today}: sign-in, votes, minutes and "
                           "closing wait for that day; if it was moved, `juwei meeting reschedule {id} --at "
                           "'YYYY-MM-DD HH:MM'`", id=meeting.id, day=day, today=scope.today))


def present_count(scope: Scope, meeting_id: int) -> int:
    """Seats signed in and not signed out: who is in the room now."""
    return scope.session.execute(select(func.count()).select_from(Attendance).where(
        Attendance.meeting_id == meeting_id, Attendance.checked_out_at.is_(None))).scalar_one()


def meeting_quorum(scope: Scope, meeting: Meeting) -> Quorum:
    return mrules.quorum(meeting.body_size, present_count(scope, meeting.id), quorum_rule(meeting))


# ---------------------------------------------------------------- the roll (S1, S2)

def _adult_clause(day: dt.date, rules: Rules):
    """S1(a) in SQL, the same test as :func:`juwei.rules.meetings.adult_on`: resident on ``day``, adult on
    ``day``, political rights not deprived on ``day`` (from … until, both inclusive)."""
    cutoff = mrules.latest_adult_birth(day, rules.adult_age, rules.adult_birthday_counts)
    return and_(
        Member.birth_date.is_not(None), Member.birth_date <= cutoff,
        or_(Member.moved_in.is_(None), Member.moved_in <= day),
        or_(Member.moved_out.is_(None), Member.moved_out > day),
        or_(Member.rights_deprived_from.is_(None), Member.rights_deprived_from > day,
            and_(Member.rights_deprived_until.is_not(None), Member.rights_deprived_until < day)),
    )


def _roster_select(scope: Scope, day: dt.date, rules: Rules, *first):
    """Adults of the community on ``day`` (S1a) with their household and group, for the roll. Read with Core
    on the connection, which the session's filter of voided rows (``juwei.storage.voided``) does not see: the
    clause is named here."""
    return (select(*first, Member.id, Member.name, Household.group_id, ResidentsGroup.name, Member.household_id,
                   Household.number)
            .select_from(Member)
            .join(Household, Member.household_id == Household.id, isouter=True)
            .join(ResidentsGroup, Household.group_id == ResidentsGroup.id, isouter=True)
            .where(Member.community_id == scope.community_id, Member.voided_on.is_(None),
                   _adult_clause(day, rules)))


# mrules.roll_order's keys in SQL (names compare by code point in SQLite, as in Python).
_ROLL_ORDER = (Household.group_id.is_(None), Household.group_id, Household.number.is_(None), Household.number,
               Member.name, Member.id)


def build_roll(scope: Scope, body: str | None, day: dt.date, rules: Rules) -> list[tuple[int, Candidate]]:
    """The body on ``day`` as numbered seats. Reads the roster with plain Core selects on the connection
    (no ORM objects, no per-row date parsing)."""
    if body is None:
        return []
    conn, cid = scope.session.connection(), scope.community_id
    people = _roster_select(scope, day, rules)
    if body in (Body.ADULTS, Body.HOUSEHOLDS):
        adults = [Candidate(*row) for row in conn.execute(people.order_by(*_ROLL_ORDER)).all()]
        if body == Body.ADULTS:
            return list(enumerate(adults, start=1))
        designated = dict(conn.execute(select(Household.id, Household.representative_id)
                                       .where(Household.community_id == cid)).all())
        return mrules.number_roll(mrules.household_seats(adults, designated))
    from juwei.rules.people import serving_on

    reps = conn.execute(select(Representative.member_id, Representative.kind, Representative.basis,
                               Representative.group_id, Representative.term_start, Representative.term_end,
                               Representative.ended_on)
                        .where(Representative.community_id == cid, Representative.term_start <= day)
                        .order_by(Representative.id)).all()
    serving = [r for r in reps if serving_on(r[4], r[5], r[6], day)
               and (body == Body.REPRESENTATIVES or r[1] == RepresentativeKind.EX_OFFICIO or r[3] is not None)]
    # S2: committee and party-organisation members sit ex officio while they serve (a person sits once)
    from juwei.services.roster import EX_OFFICIO_POSTS, ex_officio_posts

    serving += [(p.member_id, RepresentativeKind.EX_OFFICIO, EX_OFFICIO_POSTS[p.body])
                for p in ex_officio_posts(scope, day)]
    ids = {r[0] for r in serving}
    # A representative who has left or lost political rights on the day does not sit (S1).
    found = {row[0]: Candidate(*row) for row in conn.execute(people.where(Member.id.in_(ids)))} if ids else {}
    return mrules.number_roll(mrules.representative_seats(
        (found[member_id], kind, basis) for member_id, kind, basis, *_ in serving if member_id in found))


def _copy_adults(scope: Scope, meeting_id: int, day: dt.date, rules: Rules) -> None:
    """The adults' body (up to 100,000 people) copied by the database itself: one INSERT … SELECT numbering
    the seats with ROW_NUMBER() in roll order."""
    numbered = _roster_select(scope, day, rules, literal(meeting_id), func.row_number().over(order_by=_ROLL_ORDER))
    columns = ("meeting_id", "seat", "member_id", "name", "group_id", "group_name", "household_id",
               "household_number")
    # group_id is selected only to keep _roster_select's shape; the roll keeps the group's name.
    source = select(*[c for c, name in zip(numbered.subquery().c, columns) if name != "group_id"])
    scope.session.connection().execute(MeetingSeat.__table__.insert().from_select(
        [c for c in columns if c != "group_id"], source))


def _roll_digest(scope: Scope, meeting_id: int) -> tuple[int, str]:
    """The number of seats and a SHA-256 over the roll as stored, seat by seat: what the audit event keeps."""
    rows = scope.session.connection().execute(
        select(MeetingSeat.seat, MeetingSeat.member_id, MeetingSeat.name, MeetingSeat.household_number)
        .where(MeetingSeat.meeting_id == meeting_id).order_by(MeetingSeat.seat)).all()
    text = "".join(f"{seat}\t{member_id}\t{name}\t{household}\n" for seat, member_id, name, household in rows)
    return len(rows), hashlib.sha256(text.encode()).hexdigest()


def _insert_roll(scope: Scope, meeting_id: int, roll: list[tuple[int, Candidate]]) -> None:
    """One executemany for a roll built in Python (households, groups, representatives): SQLAlchemy's
    per-row parameter processing costs more than the insert itself for a 100,000-seat roll."""
    from juwei.storage import bulk

    rows = [(meeting_id, seat, c.member_id, c.name, c.group_name, c.household_id, c.household_number, c.rep_kind,
             c.rep_basis) for seat, c in roll]
    bulk.insert_values(scope.session, MeetingSeat, ("meeting_id", "seat", "member_id", "name", "group_name",
                                                    "household_id", "household_number", "rep_kind", "rep_basis"), rows)


def _snapshot(scope: Scope, meeting: Meeting, rules: Rules, action: str) -> None:
    """Copy the body and the rules onto the meeting; one audit event for the roll (its size and digest)."""
    day = meeting.at.date()
    meeting.rules = json.dumps(rules.snapshot(), ensure_ascii=False, sort_keys=True)
    scope.session.add(meeting)
    scope.session.flush()
    if meeting.body == Body.ADULTS:
        _copy_adults(scope, meeting.id, day, rules)
    elif meeting.body is None:  # a routine meeting: the bodies of the committee register it is for (S14)
        from juwei.services.committee import meeting_roll

        _insert_roll(scope, meeting.id, meeting_roll(scope, meeting.kind, day))
    else:
        _insert_roll(scope, meeting.id, build_roll(scope, meeting.body, day, rules))
    size, digest = _roll_digest(scope, meeting.id)
    if not size and mrules.needs_quorum(meeting.kind):  # the command's transaction is rolled back
        raise JuweiError(t("the {body} body is empty on {day}: nobody could attend; check the roster",
                           body=label("body", meeting.body), day=day))
    meeting.body_size = size
    scope.session.add(meeting)
    audit.record(scope, action, f"meeting:{meeting.id}",
                 after={"seats": size, "sha256": digest, "on": day.isoformat()})


# ---------------------------------------------------------------- convening (S6)

def _check_notice(kind: str, rules: Rules, noticed_on: dt.date, at: dt.datetime, urgent: str | None,
                  today: dt.date) -> None:
    """S6 binds the residents'/representatives' meeting; routine meetings (S14) are called as work needs.
    The notice date is a notice already given: never after today."""
    if noticed_on > today:
        raise ValidationError(t("{noticed_on} {noticed} is after today ({today}): a notice cannot have been posted "
                                "in the future; give the day it went up, or convene once it has",
                                noticed_on=named("noticed_on"), noticed=noticed_on, today=today))
    if noticed_on > at.date():
        raise ValidationError(t("the notice date {noticed} is after the meeting date {day}",
                                noticed=noticed_on, day=at.date()))
    if urgent is not None:
        if not urgent.strip():
            raise ValidationError(t("{urgent} needs a reason; it is printed on the minutes", urgent=named("urgent")))
        return
    if mrules.needs_quorum(kind) and not mrules.notice_ok(noticed_on, at.date(), rules.notice_days):
        raise JuweiError(t("notice too short (S6): noticed on {noticed}, the meeting on {day} needs {days} days' "
                           "notice; the earliest allowed meeting date is {earliest} (or give {urgent} REASON)",
                           urgent=named("urgent"), noticed=noticed_on, day=at.date(), days=rules.notice_days,
                           earliest=mrules.earliest_meeting_date(noticed_on, rules.notice_days)))


def _stored_reason(scope: Scope, reason: str, petition_id: int | None) -> str:
    """The reason as a meeting stores it: ``regular``, ``report`` or ``petition:ID`` (S4, S5); a petition
    must have its signatures (S5)."""
    reason = read_code(MeetingReason, "meeting reason", reason, "reason")
    if (reason == MeetingReason.PETITION) != (petition_id is not None):
        raise ValidationError(t("{reason}: a meeting held on a petition names the petition, and only then",
                                reason=named("reason")))
    if reason != MeetingReason.PETITION:
        return reason
    from juwei.services.petitions import petition_status

    status = petition_status(scope, petition_id)
    if not status.met:
        raise JuweiError(t("petition {id} has {n} of the {required} signatures needed (S5); it does not "
                           "force a meeting yet", id=petition_id, n=status.signatures, required=status.required))
    return f"{MeetingReason.PETITION}:{petition_id}"


def convene(scope: Scope, *, kind: MeetingKind, body: Body | None, at: dt.datetime, place: str, topics: list[str],
            noticed_on: dt.date | None = None, reason: MeetingReason = MeetingReason.REGULAR,
            petition_id: int | None = None, urgent: str | None = None) -> Meeting:
    """Convene a meeting: check kind/body (S1), notice (S6), snapshot the roll and the rules. A meeting
    a petition forces (S5) has ``reason`` petition and the petition's id."""
    body = mrules.check_kind_body(kind, body)
    place = (place or "").strip()
    if not place:
        raise ValidationError(t("{place} is required: the notice must say where the meeting is", place=named("place")))
    topics = [topic.strip() for topic in topics if topic and topic.strip()]
    if not topics:
        raise ValidationError(t("give at least one {topic}: the notice must tell the topics (S6)", topic=named("topic")))
    noticed_on = noticed_on or scope.today
    rules = rules_on(scope, at.date())
    _check_notice(kind, rules, noticed_on, at, urgent, scope.today)
    reason = _stored_reason(scope, reason, petition_id)
    meeting = Meeting(community_id=scope.community_id, kind=kind, body=body, at=at, place=place[:300],
                      topics=json.dumps(topics, ensure_ascii=False), noticed_on=noticed_on, reason=reason,
                      petition_id=petition_id, urgent_reason=urgent.strip() if urgent else None, rules="{}")
    _snapshot(scope, meeting, rules, "meeting.roll")
    audit.record_row(scope, "meeting.convene", "meeting", meeting)
    return meeting


def reschedule(scope: Scope, meeting_id: int, *, at: dt.datetime, noticed_on: dt.date | None = None,
               urgent: str | None = None, place: str | None = None) -> Meeting:
    """Move a meeting nobody has signed in to yet; notice is checked again and, because the body is
    defined on the meeting date, the roll and rules are snapshotted again for the new date."""
    meeting = find_meeting(scope, meeting_id, for_update=True)
    require_open(meeting)
    if scope.session.execute(select(func.count()).select_from(Attendance)
                             .where(Attendance.meeting_id == meeting.id)).scalar_one():
        raise JuweiError(t("meeting {id} has already started (people signed in); it cannot be moved",
                           id=meeting.id))
    before = audit.row_state(meeting)
    noticed_on = noticed_on or scope.today
    rules = rules_on(scope, at.date())
    _check_notice(meeting.kind, rules, noticed_on, at, urgent, scope.today)
    scope.session.execute(MeetingSeat.__table__.delete().where(MeetingSeat.meeting_id == meeting.id))
    meeting.at, meeting.noticed_on = at, noticed_on
    meeting.urgent_reason = urgent.strip() if urgent else None
    if place and place.strip():
        meeting.place = place.strip()[:300]
    _snapshot(scope, meeting, rules, "meeting.roll")
    audit.record_row(scope, "meeting.reschedule", "meeting", meeting, before=before)
    return meeting


def cancel(scope: Scope, meeting_id: int, reason: str) -> Meeting:
    meeting = find_meeting(scope, meeting_id, for_update=True)
    require_open(meeting)
    if not (reason or "").strip():
        raise ValidationError(t("{reason} must say why the meeting is cancelled", reason=named("reason")))
    before = audit.row_state(meeting)
    meeting.status, meeting.cancel_reason = "cancelled", reason.strip()
    scope.session.add(meeting)
    audit.record_row(scope, "meeting.cancel", "meeting", meeting, before=before)
    return meeting


# ---------------------------------------------------------------- signing in and out

@dataclass
class SeatRow:
    seat: int
    member_id: int | None
    name: str
    group: str | None
    household: str | None
    rep_kind: str | None
    rep_basis: str | None
    present: bool
    signed_in_by: int | None  # the member who signed in (a household's adult may sign in for it)
    checked_in_at: dt.datetime | None
    checked_out_at: dt.datetime | None


def roll(scope: Scope, meeting_id: int) -> list[SeatRow]:
    meeting = find_meeting(scope, meeting_id)
    rows = scope.session.execute(
        select(MeetingSeat.seat, MeetingSeat.member_id, MeetingSeat.name, MeetingSeat.group_name,
               MeetingSeat.household_number, MeetingSeat.rep_kind, MeetingSeat.rep_basis,
               Attendance.member_id, Attendance.checked_in_at, Attendance.checked_out_at)
        .select_from(MeetingSeat)
        .join(Attendance, and_(Attendance.meeting_id == MeetingSeat.meeting_id, Attendance.seat == MeetingSeat.seat),
              isouter=True)
        .where(MeetingSeat.meeting_id == meeting.id).order_by(MeetingSeat.seat)).all()
    return [SeatRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[8] is not None and r[9] is None, r[7],
                    r[8], r[9]) for r in rows]


def _seats_named(scope: Scope, meeting: Meeting, seats: list[int] | None,
                 member: str | None) -> list[tuple[int, int | None]]:
    """(seat, member who signs in) for ``SEATS…`` or ``--member``."""
    if member is not None:
        from juwei.services.roster import find_member

        person = find_member(scope, member)
        if meeting.body == Body.HOUSEHOLDS:
            seat = scope.session.execute(select(MeetingSeat.seat).where(
                MeetingSeat.meeting_id == meeting.id, MeetingSeat.household_id == person.household_id)).scalar()
            rules = meeting_rules(meeting)
            if seat is None or not mrules.adult_on(person.birth_date, person.moved_in, person.moved_out,
                                                   person.rights_deprived_from, person.rights_deprived_until,
                                                   meeting.at.date(), rules.adult_age, rules.adult_birthday_counts):
                raise JuweiError(t("member {id} ({name}) may not sign in for a household at meeting {meeting}: "
                                   "only an adult of a household on the roll may", id=person.id, name=person.name,
                                   meeting=meeting.id))
            return [(seat, person.id)]
        seat = scope.session.execute(select(MeetingSeat.seat).where(
            MeetingSeat.meeting_id == meeting.id, MeetingSeat.member_id == person.id)).scalar()
        if seat is None:
            raise JuweiError(t("member {id} ({name}) is not on the roll of meeting {meeting}",
                               id=person.id, name=person.name, meeting=meeting.id))
        return [(seat, person.id)]
    numbers = mrules.check_seats(seats or [], meeting.body_size)
    query = select(MeetingSeat.seat, MeetingSeat.member_id).where(MeetingSeat.meeting_id == meeting.id)
    if len(numbers) <= 500:  # beyond that, reading the whole roll beats a long IN list
        query = query.where(MeetingSeat.seat.in_(numbers))
    members = dict(scope.session.execute(query).all())
    return [(seat, members.get(seat)) for seat in numbers]


def _attendance(scope: Scope, meeting_id: int) -> dict[int, tuple[int, dt.datetime | None]]:
    """seat → (attendance id, checked_out_at)."""
    return {seat: (row_id, out) for row_id, seat, out in scope.session.execute(
        select(Attendance.id, Attendance.seat, Attendance.checked_out_at)
        .where(Attendance.meeting_id == meeting_id)).all()}


def checkin(scope: Scope, meeting_id: int, seats: list[int] | None = None, *, member: str | None = None,
            everyone: bool = False, except_seats: list[int] | None = None,
            at: dt.datetime | None = None) -> list[int]:
    """Sign seats in. Signing a present seat in again is refused; a seat that left may come back. ``at``:
    the instant (UTC) a sign-in copied from the paper sheet happened (:mod:`juwei.services.door` checks it
    against the meeting's day); otherwise now."""
    meeting = find_meeting(scope, meeting_id, for_update=True)
    require_held(scope, meeting)
    given = sum((bool(seats), member is not None, everyone))
    if given != 1:
        raise ValidationError(t("give seats (like 1 2 5-9), or {member} ID, or {everyone}", member=named("member"),
                                everyone=named("everyone")), field="seats")
    if except_seats and not everyone:
        raise ValidationError(t("{except_seats} goes with {everyone}", except_seats=named("except_seats"),
                                everyone=named("everyone")))
    existing = _attendance(scope, meeting.id)
    if everyone:
        skip = set(mrules.check_seats(except_seats, meeting.body_size)) if except_seats else set()
        pairs = [(seat, m) for seat, m in scope.session.execute(
            select(MeetingSeat.seat, MeetingSeat.member_id).where(MeetingSeat.meeting_id == meeting.id)
            .order_by(MeetingSeat.seat)).all()
            if seat not in skip and (seat not in existing or existing[seat][1] is not None)]
        if not pairs:
            raise JuweiError(t("everyone on the roll of meeting {id} is already signed in", id=meeting.id))
    else:
        pairs = _seats_named(scope, meeting, seats, member)
        for seat, _ in pairs:
            if seat in existing and existing[seat][1] is None:
                name, household = scope.session.execute(select(MeetingSeat.name, MeetingSeat.household_number)
                                                        .where(MeetingSeat.meeting_id == meeting.id,
                                                               MeetingSeat.seat == seat)).one()
                if name:
                    raise JuweiError(t("seat {seat} ({name}) is already signed in at meeting {id}",
                                       seat=seat, name=name, id=meeting.id))
                if household:  # a household's seat with no designated representative (S1 b)
                    raise JuweiError(t("seat {seat} (household {household}) is already signed in at meeting {id}",
                                       seat=seat, household=household, id=meeting.id))
                raise JuweiError(t("seat {seat} is already signed in at meeting {id}", seat=seat, id=meeting.id))
    now = at or utcnow()
    returning = [(seat, m) for seat, m in pairs if seat in existing]
    for seat, _ in returning:
        if at is not None and existing[seat][1] > at:
            raise JuweiError(t("seat {seat} signed out of meeting {id} after that time; a sign-in from the sheet "
                               "cannot come before it", seat=seat, id=meeting.id))
    new = [(seat, m) for seat, m in pairs if seat not in existing]
    for seat, m in returning:  # back after signing out
        row = scope.session.get(Attendance, existing[seat][0])
        before = audit.row_state(row)
        row.checked_out_at, row.member_id, row.checked_in_at = None, m, now
        scope.session.add(row)
        audit.record_row(scope, "meeting.checkin", "attendance", row, before=before)
    if new:
        try:
            scope.session.connection().execute(Attendance.__table__.insert(), [
                {"meeting_id": meeting.id, "seat": seat, "member_id": m, "checked_in_at": now} for seat, m in new])
        except IntegrityError:
            raise JuweiError(t("some of these seats were signed in by someone else at the same moment; "
                               "run `juwei meeting roll {id}` and try again", id=meeting.id)) from None
        # One event for the whole sign-in: the seats (as ranges), and who signed in when named by --member
        # (a household's adult); with the roll, that determines every attendance row written.
        audit.record(scope, "meeting.checkin", f"meeting:{meeting.id}",
                     after={"meeting_id": meeting.id, "seats": mrules.format_seats(s for s, _ in new),
                            "count": len(new), "checked_in_at": now.isoformat(),
                            "signed_in_by": {str(seat): m for seat, m in new} if member is not None else None})
    return [seat for seat, _ in pairs]


def checkout(scope: Scope, meeting_id: int, seats: list[int] | None = None, *,
             member: str | None = None) -> list[int]:
    """Record that seats left; the time is kept. Only seats present may leave."""
    meeting = find_meeting(scope, meeting_id, for_update=True)
    require_held(scope, meeting)
    if bool(seats) == (member is not None):
        raise ValidationError(t("give seats (like 1 2 5-9) or {member} ID", member=named("member")), field="seats")
    pairs = _seats_named(scope, meeting, seats, member)
    existing = _attendance(scope, meeting.id)
    for seat, _ in pairs:
        if seat not in existing or existing[seat][1] is not None:
            raise JuweiError(t("seat {seat} is not signed in at meeting {id}", seat=seat, id=meeting.id))
    now = utcnow()
    for seat, _ in pairs:
        row = scope.session.get(Attendance, existing[seat][0])
        before = audit.row_state(row)
        row.checked_out_at = now
        scope.session.add(row)
        audit.record_row(scope, "meeting.checkout", "attendance", row, before=before)
    return [seat for seat, _ in pairs]


# ---------------------------------------------------------------- viewing

@dataclass
class MeetingRow:
    id: int
    kind: str
    body: str | None
    at: dt.datetime
    place: str
    status: str
    body_size: int
    present: int
    motions: int


def list_meetings(scope: Scope, *, status: str | None = None) -> list[MeetingRow]:
    s = scope.session
    query = select(Meeting).where(Meeting.community_id == scope.community_id).order_by(Meeting.at, Meeting.id)
    if status:
        query = query.where(Meeting.status == status)
    meetings = s.execute(query).scalars().all()
    present = dict(s.execute(select(Attendance.meeting_id, func.count())
                             .join(Meeting, Meeting.id == Attendance.meeting_id)
                             .where(Meeting.community_id == scope.community_id, Attendance.checked_out_at.is_(None))
                             .group_by(Attendance.meeting_id)).all())
    motions = dict(s.execute(select(Motion.meeting_id, func.count()).where(Motion.community_id == scope.community_id)
                             .group_by(Motion.meeting_id)).all())
    return [MeetingRow(m.id, m.kind, m.body, m.at, m.place, m.status, m.body_size, present.get(m.id, 0),
                       motions.get(m.id, 0)) for m in meetings]


@dataclass
class MeetingView:
    """Everything a notice, the minutes or a disclosure needs about one meeting."""

    id: int
    kind: str
    body: str | None
    at: dt.datetime
    place: str
    topics: list[str]
    noticed_on: dt.date
    notice_days: int
    reason: str
    petition_id: int | None
    urgent_reason: str | None
    status: str
    body_size: int
    present: int
    quorum: dict
    chair: str | None
    recorder: str | None
    summary: str | None
    cancel_reason: str | None
    closed_at: dt.datetime | None
    rules: dict[str, str]
    motions: list = field(default_factory=list)


def meeting_view(scope: Scope, meeting_id: int) -> MeetingView:
    from juwei.services.voting import list_motions

    m = find_meeting(scope, meeting_id)
    rules = meeting_rules(m)
    q = meeting_quorum(scope, m)
    return MeetingView(m.id, m.kind, m.body, m.at, m.place, json.loads(m.topics), m.noticed_on, rules.notice_days,
                       m.reason, m.petition_id, m.urgent_reason, m.status, m.body_size, q.present,
                       quorum_json(q), m.chair, m.recorder, m.summary, m.cancel_reason, m.closed_at, rules.snapshot(),
                       list_motions(scope, m.id))


def quorum_json(q: Quorum) -> dict:
    return {"body_size": q.body_size, "present": q.present, "required": q.required, "quorate": q.quorate}


def quorum_of(scope: Scope, meeting_id: int) -> Quorum:
    return meeting_quorum(scope, find_meeting(scope, meeting_id))


# ---------------------------------------------------------------- closing and minutes (S15)

def close(scope: Scope, meeting_id: int, *, chair: str | None = None,
          recorder: str | None = None) -> tuple[Meeting, list[str]]:
    """Close the meeting: each motion's final tally is computed and stored; afterwards votes are refused."""
    from juwei.services.voting import ballot_counts, final_tally

    from juwei.storage.models.minutes import MeetingNote

    meeting = find_meeting(scope, meeting_id, for_update=True)
    require_held(scope, meeting)
    notes = scope.session.execute(select(func.count()).select_from(MeetingNote)
                                  .where(MeetingNote.meeting_id == meeting.id)).scalar_one()
    if not mrules.needs_quorum(meeting.kind) and not notes and not meeting.summary:
        raise JuweiError(t("a {kind} meeting keeps minutes (S15): add them with `juwei meeting minutes {id} "
                           "--add TEXT` before closing", kind=label("meeting kind", meeting.kind), id=meeting.id))
    before = audit.row_state(meeting)
    warnings: list[str] = []
    motions = scope.session.execute(select(Motion).where(Motion.meeting_id == meeting.id)
                                    .order_by(Motion.number)).scalars().all()
    rules, counts = meeting_rules(meeting), ballot_counts(scope, meeting.id)
    for motion in motions:
        if motion.method is None:
            warnings.append(t("motion {number} ({title}) was not voted on", number=motion.number, title=motion.title))
            continue
        motion_before = audit.row_state(motion)
        result = final_tally(scope, meeting, motion, rules, counts.get(motion.id, (0, 0, 0)))
        motion.votes_for, motion.votes_against, motion.votes_abstain = result.votes_for, result.against, result.abstain
        motion.present, motion.required, motion.passed, motion.rule = (result.present, result.required,
                                                                       result.passed, result.rule)
        scope.session.add(motion)
        audit.record_row(scope, "motion.final", "motion", motion, before=motion_before)
    if any(m.passed for m in motions) and not meeting.summary:
        warnings.append(t("a meeting that decides also gets a summary (S15), and this one closed without it; "
                          "record it as a dated addendum: `juwei meeting minutes {id} --addendum TEXT`",
                          id=meeting.id))
    meeting.status, meeting.closed_at = "closed", utcnow()
    meeting.chair = chair.strip()[:100] if chair else meeting.chair
    meeting.recorder = recorder.strip()[:100] if recorder else meeting.recorder
    scope.session.add(meeting)
    audit.record_row(scope, "meeting.close", "meeting", meeting, before=before)
    # The seal of the tallies: the audit chain's head and a digest of each final tally's event, recorded
    # with the close (`juwei audit log --entity meeting:N`, `audit_seal.sealed_on(scope, "meeting:N")` for the
    # minutes), so what is posted proves later that no tally was changed (`juwei audit verify --seal`).
    sealed = audit_seal.seal(scope, [f"motion:{m.id}" for m in motions if m.method is not None] + [f"meeting:{meeting.id}"],
                             meeting_id=meeting.id)
    audit.record(scope, "meeting.seal", f"meeting:{meeting.id}", after=sealed.as_dict())
    return meeting, warnings


def _require_minutes_open(scope: Scope, meeting: Meeting) -> None:
    """The minutes are written while the meeting is held; once it closes they are final (S15), and a
    correction is a separate, dated addendum."""
    if meeting.status == MeetingStatus.CLOSED:
        raise JuweiError(t("meeting {id} is closed and its minutes are final; record a correction as a dated "
                           "addendum: `juwei meeting minutes {id} --addendum TEXT`", id=meeting.id))
    require_held(scope, meeting)


def add_note(scope: Scope, meeting_id: int, text: str) -> MeetingNote:
    from juwei.storage.models.minutes import MeetingNote

    meeting = find_meeting(scope, meeting_id, for_update=True)
    _require_minutes_open(scope, meeting)
    if not (text or "").strip():
        raise ValidationError(t("{add} needs the text of the minutes", add=named("add")))
    note = MeetingNote(meeting_id=meeting.id, text=text.strip(), added_by=scope.clerk)
    scope.session.add(note)
    audit.record_row(scope, "meeting.minutes", "meeting_note", note)
    return note


def set_summary(scope: Scope, meeting_id: int, text: str) -> Meeting:
    meeting = find_meeting(scope, meeting_id, for_update=True)
    _require_minutes_open(scope, meeting)
    if not (text or "").strip():
        raise ValidationError(t("{summary} needs the text of the meeting summary", summary=named("summary")))
    before = audit.row_state(meeting)
    meeting.summary = text.strip()
    scope.session.add(meeting)
    audit.record_row(scope, "meeting.summary", "meeting", meeting, before=before)
    return meeting


ADDENDUM = "addendum"  # meeting_note.kind of a correction made after the meeting closed


def add_addendum(scope: Scope, meeting_id: int, text: str) -> MeetingNote:
    """A dated correction to the minutes of a closed meeting: kept beside them, never in place of what was
    minuted, and outside the record sealed at closing."""
    from juwei.storage.models.minutes import MeetingNote

    meeting = find_meeting(scope, meeting_id, for_update=True)
    if meeting.status != MeetingStatus.CLOSED:
        require_open(meeting)  # a cancelled meeting has no minutes to correct
        raise JuweiError(t("meeting {id} is not closed yet; while it is held, add to its minutes with `juwei "
                           "meeting minutes {id} --add TEXT`", id=meeting.id))
    if not (text or "").strip():
        raise ValidationError(t("{addendum} needs the text of the correction", addendum=named("addendum")))
    note = MeetingNote(meeting_id=meeting.id, text=text.strip(), added_by=scope.clerk, kind=ADDENDUM)
    scope.session.add(note)
    audit.record_row(scope, "meeting.addendum", "meeting_note", note)
    return note


@dataclass
class Note:
    id: int
    text: str
    added_by: str
    added_at: dt.datetime
    kind: str | None = None  # None: minuted during the meeting; "addendum": a correction after it closed


@dataclass
class Minutes:
    """The minutes (会议记录): typed notes plus the record generated from the data, never typed twice."""

    meeting: MeetingView
    notes: list[Note]
    attendance: list[SeatRow]
    tallies: dict[int, dict | None]  # motion id → tally JSON (None: not voted)
    addenda: list[Note] = field(default_factory=list)  # dated corrections after closing


def minutes(scope: Scope, meeting_id: int) -> Minutes:
    from juwei.services.voting import motion_tally_or_none
    from juwei.storage.models.minutes import MeetingNote

    view = meeting_view(scope, meeting_id)
    every = [Note(n.id, n.text, n.added_by, n.added_at, n.kind) for n in scope.session.execute(
        select(MeetingNote).where(MeetingNote.meeting_id == meeting_id).order_by(MeetingNote.id)).scalars()]
    tallies = {m.id: motion_tally_or_none(scope, m.id) for m in view.motions}
    return Minutes(view, [n for n in every if n.kind != ADDENDUM], roll(scope, meeting_id), tallies,
                   [n for n in every if n.kind == ADDENDUM])


# ---------------------------------------------------------------- what is due (S4, S5, S14)

@dataclass
class DueLine:
    kind: str  # residents/representatives (S4), report (S14c), or a routine kind
    rule: str
    cadence: str
    period_start: dt.date | None
    period_end: dt.date | None
    last: dt.date | None
    convened_this_period: bool
    due_by: dt.date | None
    overdue: bool


@dataclass
class DueReport:
    today: dt.date
    regular: DueLine
    petitions: list = field(default_factory=list)  # met petitions with no meeting convened yet
    routine: list[DueLine] = field(default_factory=list)


def due(scope: Scope, on: dt.date | None = None, *, petitions: bool = True) -> DueReport:
    from juwei.services.petitions import met_petitions_without_meeting

    today = on or scope.today
    rules = rules_on(scope, today)
    since = scope.community.created_at.date() if scope.community.created_at else None
    rows = scope.session.execute(select(Meeting.kind, Meeting.reason, Meeting.at).where(
        Meeting.community_id == scope.community_id, Meeting.status != MeetingStatus.CANCELLED)).all()

    def line(kind: str, rule: str, cadence: str, dates: list[dt.date]) -> DueLine:
        d = mrules.meeting_due(cadence, today, dates, since)
        return DueLine(kind, rule, cadence, d.period_start, d.period_end, d.last, d.convened_this_period, d.due_by,
                       d.overdue)

    formal = [at.date() for kind, _, at in rows if kind in mrules.FORMAL_KINDS]
    regular = line("residents/representatives", "S4", rules.meeting_interval, formal)
    routine = [line("report", "S14c", rules.cadence_assembly_report,
                    [at.date() for kind, reason, at in rows
                     if kind in mrules.FORMAL_KINDS and reason == MeetingReason.REPORT])]
    for kind, key in mrules.ROUTINE_KINDS.items():
        from juwei.rules.profiles import SPECS

        routine.append(line(kind, SPECS[key].rule, rules[key], [at.date() for k, _, at in rows if k == kind]))
    return DueReport(today, regular, met_petitions_without_meeting(scope, today) if petitions else [], routine)


def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """S4, S14: each meeting whose cadence wants one this period and none is convened yet (the agenda's view
    of :func:`due`; met petitions, S5, are the petitions module's)."""
    report = due(scope, on, petitions=False)
    out = []
    for line in (report.regular, *report.routine):
        if line.due_by is None:  # convened this period, or a cadence with no periods
            continue
        kind = "representatives" if line.kind in ("residents/representatives", "report") else line.kind
        reason = " --reason report" if line.kind == "report" else ""
        out.append(DueItem(line.rule, "meetings", f"meeting:{line.kind}",
                           t("{kind} meeting ({cadence})", kind=label("meeting kind", line.kind),
                             cadence=label("cadence", line.cadence)),
                           line.due_by, line.overdue,
                           f"juwei meeting convene --kind {kind}{reason} --at 'YYYY-MM-DD HH:MM' --place … --topic …"))
    return out
