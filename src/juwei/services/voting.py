"""Motions and votes (S8): counted votes or a roll call, tallies by the meeting's snapshot of the rules.

How "present" works: a motion's base is the number of seats present (signed in, not signed out) when its
vote opens — at ``vote count``, or at the first ``vote cast`` of a roll call. That number is stored on the
motion, so people leaving later never change a result. A recount replaces the counts and re-reads who is
present. Roll-call ballots never exceed that stored number; every ballot is from a seat present when cast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from juwei.errors import DatabaseError, JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, t
from juwei.rules import meetings as mrules
from juwei.rules.codes import read_code
from juwei.rules.meetings import MeetingStatus, MotionKind, Tally, VoteChoice, VoteMethod
from juwei.rules.profiles import Rules
from juwei.services import audit
from juwei.services.meetings import find_meeting, meeting_quorum, meeting_rules, require_held, require_open
from juwei.services.scope import Scope
from juwei.storage.models import Attendance
from juwei.storage.models.base import utcnow
from juwei.storage.models.meetings import Ballot, Meeting, MeetingSeat, Motion


def find_motion(scope: Scope, motion_id: int) -> Motion:
    found = scope.session.execute(select(Motion).where(
        Motion.id == motion_id, Motion.community_id == scope.community_id)).scalar_one_or_none()
    if found is None:
        raise NotFound(t("no motion {id} in this community; see `juwei motion list MEETING`", id=motion_id))
    return found


def add_motion(scope: Scope, meeting_id: int, *, title: str, text: str | None = None,
               kind: MotionKind = MotionKind.ORDINARY) -> Motion:
    meeting = find_meeting(scope, meeting_id, for_update=True)
    require_open(meeting)
    title = (title or "").strip()
    if not title or len(title) > 300:
        raise ValidationError(t("{title} is required (at most 300 characters)", title=named("title")))
    kind = read_code(MotionKind, "motion kind", kind, "kind")
    number = scope.session.execute(select(func.coalesce(func.max(Motion.number), 0))
                                   .where(Motion.meeting_id == meeting.id)).scalar_one() + 1
    motion = Motion(community_id=scope.community_id, meeting_id=meeting.id, number=number, title=title,
                    text=(text or "").strip() or None, kind=kind)
    scope.session.add(motion)
    audit.record_row(scope, "motion.add", "motion", motion)
    return motion


@dataclass
class MotionRow:
    id: int
    meeting_id: int
    number: int
    title: str
    text: str | None
    kind: str
    method: str | None  # count | roll-call | None (not voted yet)
    present: int | None
    final: bool  # the meeting is closed and the tally below is stored
    tally: dict | None


def list_motions(scope: Scope, meeting_id: int) -> list[MotionRow]:
    meeting = find_meeting(scope, meeting_id)
    motions = scope.session.execute(select(Motion).where(Motion.meeting_id == meeting.id)
                                    .order_by(Motion.number)).scalars().all()
    return [MotionRow(m.id, m.meeting_id, m.number, m.title, m.text, m.kind, m.method, m.present,
                      meeting.status == MeetingStatus.CLOSED, _tally_or_none(scope, meeting, m)) for m in motions]


def _open_vote(scope: Scope, meeting: Meeting, motion: Motion, method: VoteMethod) -> int:
    """Check the meeting may decide now (its day has come, S7) and return those present."""
    require_held(scope, meeting)
    if motion.method is not None and motion.method != method:
        raise JuweiError(t("motion {id} is being voted by {method}; one motion is voted one way",
                           id=motion.id, method=label("vote method", motion.method)))
    q = meeting_quorum(scope, meeting)
    if not q.quorate:
        raise JuweiError(t("meeting {id} has no quorum (S7): {present} present of {size}, {required} needed; "
                           "it cannot vote", id=meeting.id, present=q.present, size=q.body_size, required=q.required))
    return q.present


def count_votes(scope: Scope, motion_id: int, *, votes_for: int, against: int, abstain: int) -> Motion:
    """A show of hands or paper ballots counted by tellers; the count may not exceed those present."""
    motion = find_motion(scope, motion_id)
    meeting = find_meeting(scope, motion.meeting_id, for_update=True)
    present = _open_vote(scope, meeting, motion, VoteMethod.COUNT)
    mrules.check_counts(present, votes_for, against, abstain)
    before = audit.row_state(motion)
    motion.method, motion.present, motion.voted_at = VoteMethod.COUNT.value, present, utcnow()
    motion.votes_for, motion.votes_against, motion.votes_abstain = votes_for, against, abstain
    scope.session.add(motion)
    audit.record_row(scope, "vote.count", "motion", motion, before=before)
    return motion


def cast_votes(scope: Scope, motion_id: int, seats: list[int], choice: VoteChoice) -> list[int]:
    """A roll call: each seat present votes once."""
    choice = read_code(VoteChoice, "choice", choice, "choice")
    motion = find_motion(scope, motion_id)
    meeting = find_meeting(scope, motion.meeting_id, for_update=True)
    present_now = _open_vote(scope, meeting, motion, VoteMethod.ROLL_CALL)
    numbers = mrules.check_seats(seats, meeting.body_size)
    in_room = dict(scope.session.execute(select(Attendance.seat, Attendance.member_id).where(
        Attendance.meeting_id == meeting.id, Attendance.checked_out_at.is_(None))).all())
    voted = set(scope.session.execute(select(Ballot.seat).where(Ballot.motion_id == motion.id)).scalars())
    for seat in numbers:
        if seat not in in_room:
            raise JuweiError(t("seat {seat} is not present at meeting {id}; only seats signed in may vote",
                               seat=seat, id=meeting.id))
        if seat in voted:
            raise JuweiError(t("seat {seat} has already voted on motion {motion}", seat=seat, motion=motion.id))
    if motion.method is None:
        before = audit.row_state(motion)
        motion.method, motion.present, motion.voted_at = VoteMethod.ROLL_CALL.value, present_now, utcnow()
        scope.session.add(motion)
        audit.record_row(scope, "vote.open", "motion", motion, before=before)
    if len(voted) + len(numbers) > motion.present:
        raise JuweiError(t("{n} ballots would exceed the {present} present when the vote on motion {motion} "
                           "opened", n=len(voted) + len(numbers), present=motion.present, motion=motion.id))
    now = utcnow()
    try:
        scope.session.connection().execute(Ballot.__table__.insert(), [
            {"motion_id": motion.id, "seat": seat, "member_id": in_room[seat], "choice": choice.value, "cast_at": now}
            for seat in numbers])
    except IntegrityError:
        raise JuweiError(t("some of these seats were recorded as voting by someone else at the same moment; "
                           "run `juwei vote tally {motion}` and try again", motion=motion.id)) from None
    stored = scope.session.execute(select(func.count()).select_from(Ballot).where(
        Ballot.motion_id == motion.id)).scalar_one() - len(voted)
    if stored != len(numbers):  # something in the database dropped or added rows: report nothing false
        raise DatabaseError(t("{stored} ballots were stored for the {n} cast: something in the database changes what "
                              "is written (see `juwei db check`); nothing was recorded", stored=stored, n=len(numbers)))
    # One event per roll-call command: the seats (as ranges) and their choice determine every ballot row.
    audit.record(scope, "vote.cast", f"motion:{motion.id}",
                 after={"motion_id": motion.id, "seats": mrules.format_seats(numbers), "count": len(numbers),
                        "choice": choice.value, "cast_at": now.isoformat()})
    return numbers


def _counts(scope: Scope, motion: Motion) -> tuple[int, int, int]:
    if motion.method == VoteMethod.COUNT or motion.votes_for is not None:
        return motion.votes_for or 0, motion.votes_against or 0, motion.votes_abstain or 0
    got = dict(scope.session.execute(select(Ballot.choice, func.count()).where(Ballot.motion_id == motion.id)
                                     .group_by(Ballot.choice)).all())
    return got.get(VoteChoice.FOR, 0), got.get(VoteChoice.AGAINST, 0), got.get(VoteChoice.ABSTAIN, 0)


def ballot_counts(scope: Scope, meeting_id: int) -> dict[int, tuple[int, int, int]]:
    """Roll-call counts (for, against, abstain) of every motion of a meeting, in one grouped query."""
    out: dict[int, list[int]] = {}
    for motion_id, choice, n in scope.session.execute(
            select(Ballot.motion_id, Ballot.choice, func.count()).join(Motion, Motion.id == Ballot.motion_id)
            .where(Motion.meeting_id == meeting_id).group_by(Ballot.motion_id, Ballot.choice)).all():
        out.setdefault(motion_id, [0, 0, 0])[mrules.CHOICES.index(choice)] = n
    return {motion_id: (c[0], c[1], c[2]) for motion_id, c in out.items()}


def final_tally(scope: Scope, meeting: Meeting, motion: Motion, rules: Rules | None = None,
                counts: tuple[int, int, int] | None = None) -> Tally:
    """The tally by the meeting's own rules snapshot (S7 quorum, S8 threshold and base). ``rules`` and
    ``counts`` may be given when the caller has them already (closing a meeting with many motions)."""
    if motion.method is None or motion.present is None:
        q = meeting_quorum(scope, meeting)
        if meeting.status == MeetingStatus.CONVENED and not q.quorate:
            raise JuweiError(t("meeting {id} has no quorum (S7): {present} present of {size}, {required} needed; "
                               "it cannot vote", id=meeting.id, present=q.present, size=q.body_size,
                               required=q.required))
        raise JuweiError(t("no votes are recorded on motion {id} yet; use `juwei vote count` or `juwei vote cast`",
                           id=motion.id))
    if meeting.status == MeetingStatus.CLOSED and motion.required is not None:
        return Tally(motion.present, motion.votes_for or 0, motion.votes_against or 0, motion.votes_abstain or 0,
                     motion.present - (motion.votes_for or 0) - (motion.votes_against or 0)
                     - (motion.votes_abstain or 0), motion.required, bool(motion.passed), motion.rule or "")
    rules = rules or meeting_rules(meeting)
    rule = rules.quorum if mrules.needs_quorum(meeting.kind) else None
    if rule is not None and not mrules.quorum(meeting.body_size, motion.present, rule).quorate:
        q = mrules.quorum(meeting.body_size, motion.present, rule)
        raise JuweiError(t("meeting {id} had no quorum when motion {motion} was voted (S7): {present} present of "
                           "{size}, {required} needed", id=meeting.id, motion=motion.id, present=q.present,
                           size=q.body_size, required=q.required))
    if counts is None or motion.method == VoteMethod.COUNT:
        counts = _counts(scope, motion)
    votes_for, against, abstain = counts
    return mrules.tally(motion.present, votes_for, against, abstain, rules.pass_threshold, rules.pass_base)


def tally_motion(scope: Scope, motion_id: int) -> Tally:
    motion = find_motion(scope, motion_id)
    return final_tally(scope, find_meeting(scope, motion.meeting_id), motion)


def _tally_or_none(scope: Scope, meeting: Meeting, motion: Motion) -> dict | None:
    try:
        return final_tally(scope, meeting, motion).as_json()
    except JuweiError:
        return None


def motion_tally_or_none(scope: Scope, motion_id: int) -> dict | None:
    motion = find_motion(scope, motion_id)
    return _tally_or_none(scope, find_meeting(scope, motion.meeting_id), motion)


@dataclass
class BallotRow:
    seat: int
    member_id: int | None
    name: str
    choice: str
    cast_at: dt.datetime


def ballots(scope: Scope, motion_id: int) -> list[BallotRow]:
    motion = find_motion(scope, motion_id)
    rows = scope.session.execute(
        select(Ballot.seat, Ballot.member_id, MeetingSeat.name, Ballot.choice, Ballot.cast_at)
        .join(MeetingSeat, (MeetingSeat.meeting_id == motion.meeting_id) & (MeetingSeat.seat == Ballot.seat))
        .where(Ballot.motion_id == motion.id).order_by(Ballot.seat)).all()
    return [BallotRow(*r) for r in rows]

