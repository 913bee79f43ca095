"""Signing in at the door: one scanned line at a time, and sign-ins copied from the paper sheet afterwards.

Each scan is a sign-in of its own (:func:`juwei.services.meetings.checkin`, with its audit event): the
command line runs every scan in a transaction of its own, so what was said at the door stays said when
the power fails. The line is read by :func:`juwei.rules.seatcode.read_scan`; a seat code for another
community or meeting is refused, and nothing said back holds an ID number whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from juwei.errors import JuweiError
from juwei.i18n import t
from juwei.rules import seatcode
from juwei.rules.clock import from_local, to_local
from juwei.services.scope import Scope
from juwei.storage.models.base import utcnow
from juwei.storage.models.meetings import MeetingSeat


@dataclass
class SignedIn:
    """What the door says back after a sign-in: the seat, who, and the count against the quorum (S7)."""

    seat: int
    name: str
    household: str | None
    present: int
    body_size: int
    required: int | None  # None: this kind of meeting needs no quorum (S14)
    quorate: bool


def scan(scope: Scope, meeting_id: int, line: str) -> SignedIn:
    """Sign in whoever ``line`` names at meeting ``meeting_id``: a seat code, an ID number or a seat number.
    A refusal (another meeting's code, someone not on the roll, a second scan) raises JuweiError."""
    from juwei.services import meetings

    meeting = meetings.find_meeting(scope, meeting_id, for_update=True)
    read = seatcode.read_scan(line)
    if isinstance(read, seatcode.IdNumberScan):  # at a households meeting: for the holder's household (S1 b)
        return _said(scope, meeting, meetings.checkin(scope, meeting.id, member=read.number)[0], read.number)
    if isinstance(read, seatcode.SeatCode):
        if not seatcode.same_community(read.community, scope.community.code):
            raise JuweiError(t("this seat code is for another community ({code}), not this one",
                               code=seatcode.shown(read.community)))
        if read.meeting_id != meeting.id:
            raise JuweiError(t("this seat code is for meeting {other}, not meeting {id}",
                               other=read.meeting_id, id=meeting.id))
    done = meetings.checkin(scope, meeting.id, [read.seat])
    return _said(scope, meeting, done[0], None)


def _said(scope: Scope, meeting, seat: int, signer: str | None) -> SignedIn:
    from juwei.services.meetings import meeting_quorum, quorum_rule

    name, household = scope.session.execute(select(MeetingSeat.name, MeetingSeat.household_number).where(
        MeetingSeat.meeting_id == meeting.id, MeetingSeat.seat == seat)).one()
    if signer is not None and not name:  # a household's seat: the adult who came for it (S1 b)
        from juwei.services.roster import find_member

        name = find_member(scope, signer).name
    q = meeting_quorum(scope, meeting)
    return SignedIn(seat, name or "", household, q.present, q.body_size,
                    q.required if quorum_rule(meeting) is not None else None, q.quorate)


@dataclass
class FromSheet:
    """Sign-ins copied from the paper sheet: the seats, the time they signed in (community time), the count."""

    seats: list[int]
    at: dt.datetime
    present: int
    body_size: int
    required: int | None


def from_sheet(scope: Scope, meeting_id: int, seats: list[int], time_of_day: dt.time) -> FromSheet:
    """Sign in ``seats`` at ``time_of_day`` on the meeting's day (community time), copied from the paper
    sign-in sheet afterwards: the same checks as a sign-in at the door, and the time must lie on the
    meeting's day between the doors opening and now (:func:`juwei.rules.seatcode.paper_signin_time`)."""
    from juwei.services import meetings

    meeting = meetings.find_meeting(scope, meeting_id, for_update=True)
    meetings.require_held(scope, meeting)
    now_local = to_local(utcnow(), scope.timezone).replace(tzinfo=None)
    if now_local.date() != scope.today:  # the clerk's day is pinned (JUWEI_TODAY): its end is "now"
        now_local = dt.datetime.combine(scope.today, dt.time(23, 59, 59))
    moment = seatcode.paper_signin_time(meeting.at, time_of_day, now_local)
    done = meetings.checkin(scope, meeting.id, seats, at=from_local(moment, scope.timezone))
    q = meetings.meeting_quorum(scope, meeting)
    return FromSheet(done, moment, q.present, q.body_size,
                     q.required if meetings.quorum_rule(meeting) is not None else None)
