"""Admonition (诫勉, S29): a staff or committee member admonished — after a 基本合格 at the democratic
evaluation (S19), or for another reason — is followed up with a dated note every month until the clerk
records the day it was corrected. Every write is one audited row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import t
from juwei.rules import evaluation as rules
from juwei.rules.due import DueItem
from juwei.services import audit
from juwei.services.scope import Scope
from juwei.storage.models.evaluation import Admonition, AdmonitionNote

TEXT_LIMIT = 2000


def _text(value: str | None, name: str) -> str:
    clean = (value or "").strip()
    if not clean:
        raise ValidationError(t("{field} is required", field=named(name)))
    if len(clean) > TEXT_LIMIT:
        raise ValidationError(t("{field} is longer than {n} characters", field=named(name), n=TEXT_LIMIT))
    return clean


def _day(day: dt.date | None, scope: Scope, name: str, *, after: dt.date | None = None) -> dt.date:
    """A day of the record: not in the future, not before ``after``."""
    day = day or scope.today
    if day > scope.today:
        raise ValidationError(t("{on} {day} is in the future", on=named(name), day=day))
    if after is not None and day < after:
        raise ValidationError(t("{field} {day} is before the admonition was opened ({opened})", field=named(name),
                                day=day, opened=after))
    return day


def find_admonition(scope: Scope, admonition_id: int) -> Admonition:
    row = scope.session.get(Admonition, admonition_id)
    if row is None or row.community_id != scope.community_id:
        raise NotFound(t("no admonition {id} in this community; see `juwei admonish list`", id=admonition_id))
    return row


def _open_for(scope: Scope, member_id: int | None, name: str) -> Admonition | None:
    query = select(Admonition).where(Admonition.community_id == scope.community_id,
                                     Admonition.corrected_on.is_(None))
    query = query.where(Admonition.member_id == member_id) if member_id is not None else \
        query.where(Admonition.member_id.is_(None), Admonition.name == name)
    return scope.session.exec(query.order_by(Admonition.id)).first()


def _add(scope: Scope, member_id: int | None, name: str, reason: str, evaluation_id: int | None,
         on: dt.date) -> Admonition:
    row = Admonition(community_id=scope.community_id, member_id=member_id, name=name[:100], reason=reason,
                     evaluation_id=evaluation_id, opened_on=on)
    scope.session.add(row)
    audit.record_row(scope, "admonition.open", "admonition", row)
    return row


def open_admonition(scope: Scope, ref: str, *, reason: str | None, evaluation_id: int | None = None,
                    on: dt.date | None = None) -> Admonition:
    """S29: admonish someone holding a post on ``on`` (a member id, ID number, or the name of staff not on
    the roster); one admonition per person is open at a time."""
    from juwei.services.committee import holder_on
    from juwei.services.evaluation import find_evaluation

    why = _text(reason, "reason")
    day = _day(on, scope, "on")
    if evaluation_id is not None:
        find_evaluation(scope, evaluation_id)
    holder = holder_on(scope, ref, day)
    already = _open_for(scope, holder.member_id, holder.name)
    if already is not None:
        raise JuweiError(t("admonition {id} of {name} is open since {day}; follow it up with `juwei admonish note "
                           "{id}`", id=already.id, name=already.name, day=already.opened_on))
    return _add(scope, holder.member_id, holder.name, why, evaluation_id, day)


def open_for_evaluation(scope: Scope, member_id: int | None, name: str, reason: str, evaluation_id: int,
                        on: dt.date) -> Admonition | None:
    """S19 → S29: a 基本合格 opens an admonition, unless one is already open for the person (None then)."""
    if _open_for(scope, member_id, name) is not None:
        return None
    return _add(scope, member_id, name, reason, evaluation_id, on)


def _require_open(row: Admonition) -> None:
    if row.corrected_on is not None:
        raise JuweiError(t("admonition {id} was closed on {day}", id=row.id, day=row.corrected_on))


def add_note(scope: Scope, admonition_id: int, text: str | None, on: dt.date | None = None) -> AdmonitionNote:
    """The month's follow-up (跟踪): what was seen, talked about, corrected."""
    row = find_admonition(scope, admonition_id)
    _require_open(row)
    note = AdmonitionNote(community_id=scope.community_id, admonition_id=row.id,
                          noted_on=_day(on, scope, "on", after=row.opened_on), text=_text(text, "text"))
    scope.session.add(note)
    audit.record_row(scope, "admonition.note", "admonition_note", note)
    return note


def close(scope: Scope, admonition_id: int, corrected_on: dt.date) -> Admonition:
    """The admonition ends: the shortcoming was corrected on ``corrected_on``."""
    row = find_admonition(scope, admonition_id)
    _require_open(row)
    day = _day(corrected_on, scope, "corrected_on", after=row.opened_on)
    before = audit.row_state(row)
    row.corrected_on = day
    scope.session.add(row)
    audit.record_row(scope, "admonition.close", "admonition", row, before=before)
    return row


@dataclass
class AdmonitionRow:
    id: int
    member_id: int | None
    name: str
    reason: str
    evaluation_id: int | None
    opened_on: dt.date
    corrected_on: dt.date | None
    notes: int
    last_note: dt.date | None
    followup_due: dt.date | None  # this month's follow-up is missing: due by this day


def _notes(scope: Scope, ids: list[int]) -> dict[int, list[AdmonitionNote]]:
    found: dict[int, list[AdmonitionNote]] = {i: [] for i in ids}
    if ids:
        for note in scope.session.exec(select(AdmonitionNote).where(AdmonitionNote.admonition_id.in_(ids))
                                       .order_by(AdmonitionNote.noted_on, AdmonitionNote.id)).all():
            found[note.admonition_id].append(note)
    return found


def list_admonitions(scope: Scope, *, open_only: bool = False, on: dt.date | None = None) -> list[AdmonitionRow]:
    day = on or scope.today
    query = select(Admonition).where(Admonition.community_id == scope.community_id)
    if open_only:
        query = query.where(Admonition.corrected_on.is_(None))
    rows = scope.session.exec(query.order_by(Admonition.opened_on, Admonition.id)).all()
    notes = _notes(scope, [r.id for r in rows])
    out = []
    for r in rows:
        dates = [n.noted_on for n in notes[r.id]]
        due = rules.followup_due(r.opened_on, dates, day) if r.corrected_on is None else None
        out.append(AdmonitionRow(r.id, r.member_id, r.name, r.reason, r.evaluation_id, r.opened_on, r.corrected_on,
                                 len(dates), max(dates, default=None), due))
    return out


def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """S29: each open admonition without this month's follow-up note."""
    return [DueItem("S29", "admonition", f"admonition:{row.id}:{on:%Y-%m}",
                    t("follow up the admonition of {name} ({month:%Y-%m})", name=row.name, month=on),
                    row.followup_due, False, f"juwei admonish note {row.id} --text TEXT")
            for row in list_admonitions(scope, open_only=True, on=on) if row.followup_due is not None]
