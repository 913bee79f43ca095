"""Petitions that force a meeting (S5): one fifth or more of the representatives propose it.

The base (representatives, adults or households) and the threshold come from the rules in force today;
only members of the base may sign. A met petition makes a meeting due until one is convened with
``--reason petition:ID``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, t
from juwei.rules.due import DueItem
from juwei.rules.meetings import MeetingKind, MeetingStatus, PetitionBase
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models import Member
from juwei.storage.models.meetings import Meeting, Petition
from juwei.storage.models.petitions import PetitionSignature


def find_petition(scope: Scope, petition_id: int) -> Petition:
    found = scope.session.execute(select(Petition).where(
        Petition.id == petition_id, Petition.community_id == scope.community_id)).scalar_one_or_none()
    if found is None:
        raise NotFound(t("no petition {id} in this community; see `juwei petition list`", id=petition_id))
    return found


def open_petition(scope: Scope, topic: str) -> Petition:
    topic = (topic or "").strip()
    if not topic:
        raise ValidationError(t("{topic} must say what the meeting should decide", topic=named("topic")))
    petition = Petition(community_id=scope.community_id, topic=topic, opened_on=scope.today)
    scope.session.add(petition)
    audit.record_row(scope, "petition.open", "petition", petition)
    return petition


def _base_members(scope: Scope, day: dt.date) -> tuple[str, set[int], int]:
    """(base, member ids who may sign, base size) on ``day``."""
    rules = rules_on(scope, day)
    base = rules.petition_base
    from juwei.services.meetings import build_roll

    body = {"representatives": "representatives", "adults": "adults", "households": "households"}[base]
    roll = build_roll(scope, body, day, rules)
    if base == PetitionBase.HOUSEHOLDS:
        # Any adult of a household may sign for it; the household counts once.
        adults = build_roll(scope, "adults", day, rules)
        return base, {c.member_id for _, c in adults if c.member_id}, len(roll)
    return base, {c.member_id for _, c in roll if c.member_id}, len(roll)


def sign_petition(scope: Scope, petition_id: int, members: list[str]) -> list[int]:
    from juwei.services.roster import find_member

    petition = find_petition(scope, petition_id)
    if not members:
        raise ValidationError(t("give the members who sign (id or ID number)"))
    base, eligible, _ = _base_members(scope, scope.today)
    signed = set(scope.session.execute(select(PetitionSignature.member_id).where(
        PetitionSignature.petition_id == petition.id)).scalars())
    added = []
    for ref in members:
        member = find_member(scope, ref)
        if member.id not in eligible:
            if base == PetitionBase.REPRESENTATIVES:
                raise JuweiError(t("member {id} ({name}) is not a serving representative on {day}; only they may "
                                   "sign (S5)", id=member.id, name=member.name, day=scope.today))
            raise JuweiError(t("member {id} ({name}) is not in the petition's base ({base}) on {day}",
                               id=member.id, name=member.name, base=label("petition base", base), day=scope.today))
        if member.id in signed or member.id in added:
            raise JuweiError(t("member {id} ({name}) has already signed petition {petition}",
                               id=member.id, name=member.name, petition=petition.id))
        added.append(member.id)
    for member_id in added:
        signature = PetitionSignature(petition_id=petition.id, member_id=member_id, signed_on=scope.today)
        scope.session.add(signature)
        audit.record_row(scope, "petition.sign", "petition_signature", signature)
    return added


@dataclass
class PetitionView:
    id: int
    topic: str
    opened_on: dt.date
    base: str
    base_size: int
    threshold: str
    required: int
    signatures: int
    met: bool
    meeting_id: int | None  # the meeting convened for it, if any
    signers: list[dict] = field(default_factory=list)


def petition_status(scope: Scope, petition_id: int, day: dt.date | None = None) -> PetitionView:
    """Count signatures of members still in the base today against the threshold in force today."""
    petition = find_petition(scope, petition_id)
    day = day or scope.today
    rules = rules_on(scope, day)
    base, eligible, size = _base_members(scope, day)
    rows = scope.session.execute(
        select(PetitionSignature.member_id, Member.name, Member.household_id, PetitionSignature.signed_on)
        .join(Member, Member.id == PetitionSignature.member_id)
        .where(PetitionSignature.petition_id == petition.id).order_by(PetitionSignature.id)).all()
    valid = [r for r in rows if r[0] in eligible]
    count = len({r[2] for r in valid}) if base == PetitionBase.HOUSEHOLDS else len(valid)
    threshold = rules.petition_threshold
    meeting_id = scope.session.execute(select(Meeting.id).where(
        Meeting.petition_id == petition.id, Meeting.status != MeetingStatus.CANCELLED)).scalar()
    return PetitionView(petition.id, petition.topic, petition.opened_on, base, size, str(threshold),
                        threshold.minimum(size), count, size > 0 and threshold.met(count, size), meeting_id,
                        [{"member_id": r[0], "name": r[1], "signed_on": r[3], "counts": r[0] in eligible}
                         for r in rows])


def list_petitions(scope: Scope, day: dt.date | None = None) -> list[PetitionView]:
    ids = scope.session.execute(select(Petition.id).where(Petition.community_id == scope.community_id)
                                .order_by(Petition.id)).scalars().all()
    return [petition_status(scope, pid, day) for pid in ids]


def met_petitions_without_meeting(scope: Scope, day: dt.date | None = None) -> list[dict]:
    return [{"id": p.id, "topic": p.topic, "signatures": p.signatures, "required": p.required}
            for p in list_petitions(scope, day) if p.met and p.meeting_id is None]


def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """S5: a petition that has its signatures obliges a meeting; it is due now (no day of its own)."""
    kind = (MeetingKind.REPRESENTATIVES if rules_on(scope, on).petition_base == PetitionBase.REPRESENTATIVES
            else MeetingKind.RESIDENTS)
    return [DueItem("S5", "petitions", f"petition:{p['id']}",
                    t("petition {id} ({topic}) has its signatures: convene the meeting", id=p["id"], topic=p["topic"]),
                    None, False,
                    f"juwei meeting convene --kind {kind} --reason petition:{p['id']} --at 'YYYY-MM-DD HH:MM' "
                    "--place … --topic …")
            for p in met_petitions_without_meeting(scope, on)]
