"""Staff work (S28): each professional staff member's work log (工作日志) and monthly summary (月度工作小结); the
gift register (S27) and its disclosure when the committee chooses to post it.

Every write is one audited row. A staff member is named as in the register: a member id or ID number, or the
name of staff not on the roster; they must serve on the staff on the day written about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, speaking, t
from juwei.rules import staffwork as rules
from juwei.rules.committee import PostBody
from juwei.rules.due import DueItem
from juwei.rules.staffwork import GiftHandling, Month
from juwei.services import audit
from juwei.services.committee import PostRow, held_by, list_posts, person_key, serving_posts
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models import Disclosure, Gift, StaffLog, StaffSummary

TEXT_LIMIT = 5000
SUMMARY_LIMIT = 200_000  # characters of a summary file
SUMMARY_LOOKBACK_MONTHS = 3  # the agenda asks for the summaries of the last three ended months only
LINE_LIMIT = 200


def _text(value: str | None, field: str, limit: int) -> str:
    text = (value or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError(t("{field} is required", field=named(field)))
    if len(text) > limit:
        raise ValidationError(t("{field} is longer than {n} characters", field=named(field), n=limit))
    return text


def _line(value: str | None, field: str, limit: int = LINE_LIMIT) -> str:
    return " ".join(_text(value, field, limit).split())


def staff_on(scope: Scope, ref: str, day: dt.date) -> PostRow:
    """The staff member ``ref`` names, serving on the staff on ``day`` (S28)."""
    try:
        _, found = held_by(scope, serving_posts(scope, PostBody.STAFF, day), ref)
    except NotFound:  # a name not serving that day: staff once, or nobody at all
        found = []
    if not found:
        name = _staff_posts(scope, ref)[0].name
        raise JuweiError(t("{name} is not on the staff on {day} (S28: staff keep a work log and a monthly summary)",
                           name=name, day=day))
    return found[0]


def _person_columns(holder: PostRow) -> dict:
    return {"member_id": holder.member_id, "name": None if holder.member_id is not None else holder.name}


def _not_future(scope: Scope, day: dt.date, field: str) -> None:
    if day > scope.today:
        raise ValidationError(t("{field} {day} is after today ({today})", field=named(field), day=day,
                                today=scope.today))


# ---------------------------------------------------------------- work log and monthly summary (S28)

def add_log(scope: Scope, ref: str, *, on: dt.date, text: str) -> StaffLog:
    """S28: one day's entry in a staff member's work log."""
    _not_future(scope, on, "on")
    holder = staff_on(scope, ref, on)
    row = StaffLog(community_id=scope.community_id, day=on, text=_text(text, "text", TEXT_LIMIT),
                   **_person_columns(holder))
    scope.session.add(row)
    audit.record_row(scope, "staff.log", "staff_log", row)
    return row


def add_summary(scope: Scope, ref: str, *, month: Month, path: str | Path) -> StaffSummary:
    """S28: a staff member's monthly summary, read from a text or Markdown file, once the month has ended.
    One per person and month."""
    if month.last >= scope.today:
        raise ValidationError(t("the month {month} has not ended yet: a monthly summary follows the month",
                                month=month))
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(t("{field}: no file {path}", field=named("file"), path=str(path))) from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError, OSError):
        raise ValidationError(t("{field}: {path} is not a readable UTF-8 text file", field=named("file"),
                                path=str(path))) from None
    text = _text(text, "file", SUMMARY_LIMIT)
    holder = _staff_in(scope, ref, month)
    key = holder.person
    for row in scope.session.exec(select(StaffSummary).where(StaffSummary.community_id == scope.community_id,
                                                              StaffSummary.month == str(month))).all():
        if person_key(row.member_id, row.name) == key:
            raise JuweiError(t("{name}'s summary for {month} is already recorded (id {id})", name=holder.name,
                               month=month, id=row.id))
    row = StaffSummary(community_id=scope.community_id, month=str(month), file_name=source.name[:200], text=text,
                       **_person_columns(holder))
    scope.session.add(row)
    audit.record_row(scope, "staff.summary", "staff_summary", row)
    return row


def _staff_posts(scope: Scope, ref: str) -> list[PostRow]:
    """Every staff post the person ``ref`` names has held (:class:`NotFound` for no such member)."""
    member, found = held_by(scope, list_posts(scope, PostBody.STAFF, include_ended=True), ref)
    if not found:
        who = f"{member.id} ({member.name})" if member is not None else " ".join(ref.split())[:40]
        raise JuweiError(t("{who} has never been on the staff (S28)", who=who))
    return found


def _staff_in(scope: Scope, ref: str, month: Month) -> PostRow:
    """The staff post ``ref`` held during ``month`` (any day of it)."""
    for row in _staff_posts(scope, ref):
        last = min([d for d in (row.term_end, row.ended_on) if d is not None], default=None)
        if row.start <= month.last and (last is None or last >= month.first):
            return row
    raise JuweiError(t("{name} was not on the staff in {month}", name=_staff_posts(scope, ref)[0].name,
                       month=month))


@dataclass
class LogRow:
    kind: str  # log | summary
    id: int
    day: dt.date | None  # a log's day
    month: str  # 2026-07
    text: str
    file_name: str | None = None


def logs(scope: Scope, ref: str, month: Month | None = None) -> list[LogRow]:
    """A staff member's work log and monthly summaries (of ``month``, or all), oldest first."""
    key = _staff_posts(scope, ref)[0].person
    entries = scope.session.exec(select(StaffLog).where(StaffLog.community_id == scope.community_id)
                                 .order_by(StaffLog.day, StaffLog.id)).all()
    rows = [LogRow("log", e.id, e.day, str(rules.month_of(e.day)), e.text) for e in entries
            if person_key(e.member_id, e.name) == key and (month is None or rules.month_of(e.day) == month)]
    summaries = scope.session.exec(select(StaffSummary).where(StaffSummary.community_id == scope.community_id)
                                   .order_by(StaffSummary.month, StaffSummary.id)).all()
    rows += [LogRow("summary", s.id, None, s.month, s.text, s.file_name) for s in summaries
             if person_key(s.member_id, s.name) == key and (month is None or s.month == str(month))]
    return sorted(rows, key=lambda r: (r.month, r.kind == "summary", r.day or dt.date.min, r.id))


def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """S28: a monthly summary from each staff member for each month served, once the month has ended (the last
    three months)."""
    days = rules_on(scope, on).staff_summary_days
    written: dict[str, set[Month]] = {}
    for row in scope.session.exec(select(StaffSummary).where(StaffSummary.community_id == scope.community_id)).all():
        written.setdefault(person_key(row.member_id, row.name), set()).add(rules.parse_month(row.month))
    items = []
    for post in list_posts(scope, PostBody.STAFF, include_ended=True):
        if post.start > on:
            continue
        last = min([d for d in (post.term_end, post.ended_on) if d is not None], default=None)
        for owed in rules.summaries_owed(post.start, last, written.get(post.person, set()), on, days,
                                         lookback=SUMMARY_LOOKBACK_MONTHS):
            ref = str(post.member_id) if post.member_id is not None else f"'{post.name}'"
            items.append(DueItem("S28", "staffwork", f"staff-summary:{post.person}:{owed.month}",
                                 t("{name}'s monthly summary for {month}", name=post.name, month=owed.month),
                                 owed.due, owed.overdue,
                                 f"juwei staff summary {ref} --month {owed.month} --file FILE"))
    return list({item.subject: item for item in items}.values())


# ---------------------------------------------------------------- gifts (S27)

def add_gift(scope: Scope, ref: str, *, offered_by: str, what: str, value_fen: int | None, on: dt.date,
             handled: GiftHandling, note: str) -> Gift:
    """S27: a gift offered to someone holding a post, and how it was handled."""
    from juwei.rules.codes import read_code

    handled = read_code(GiftHandling, "gift handling", handled, "handled")
    _not_future(scope, on, "on")
    member, found = held_by(scope, serving_posts(scope, None, on), ref)
    if not found:
        raise JuweiError(t("member {id} ({name}) holds no post on {day}: the gift register is for the committee, "
                           "its staff and standing bodies (S27)", id=member.id, name=member.name, day=on))
    holder = found[0]
    row = Gift(community_id=scope.community_id, offered_by=_line(offered_by, "offered_by"),
               what=_line(what, "what", 300), value_fen=rules.check_value(value_fen), day=on, handled=handled,
               note=_text(note, "note", TEXT_LIMIT), **_person_columns(holder))
    scope.session.add(row)
    audit.record_row(scope, "gift.add", "gift", row)
    return row


@dataclass
class GiftRow:
    id: int
    day: dt.date
    member_id: int | None
    name: str
    offered_by: str
    what: str
    value_fen: int | None
    handled: str
    note: str


def list_gifts(scope: Scope, start: dt.date | None = None, end: dt.date | None = None) -> list[GiftRow]:
    from juwei.storage.models import Member

    query = (select(Gift, Member.name).outerjoin(Member, Gift.member_id == Member.id)
             .where(Gift.community_id == scope.community_id).order_by(Gift.day, Gift.id))
    if start is not None:
        query = query.where(Gift.day >= start)
    if end is not None:
        query = query.where(Gift.day <= end)
    return [GiftRow(g.id, g.day, g.member_id, name or g.name or "", g.offered_by, g.what, g.value_fen, g.handled,
                    g.note) for g, name in scope.session.exec(query).all()]


def gifts_disclosure(scope: Scope, period: str, *, post_on: dt.date | None = None,
                     contact: str | None = None) -> Disclosure:
    """S27 (reading): the gift register of ``period`` (2026-Q3) as a disclosure, in the community's language,
    when the committee chooses to post it: who was offered what, its value, and how it was handled. The cadre's
    name is public; who offered it and what is scrubbed of personal data; notes stay off the board."""
    from juwei.render.bodies import GiftLine, GiftsBody, markdown_source
    from juwei.rules.disclosure import format_fen, parse_period
    from juwei.rules.privacy import public_text
    from juwei.services.disclosure import add_disclosure

    span = parse_period(period)
    if span.end >= scope.today:
        raise ValidationError(t("the period {period} has not ended yet: post the register once it is over",
                                period=span.label))
    rows = list_gifts(scope, span.start, span.end)
    with speaking(scope.community.locale) as lang:
        body = GiftsBody(span.label, span.start, span.end,
                         [GiftLine(r.day, public_text(r.name, limit=100), public_text(r.offered_by, limit=200),
                                   public_text(r.what, limit=300),
                                   format_fen(r.value_fen) if r.value_fen is not None else "",
                                   label("gift handling", r.handled)) for r in rows],
                         format_fen(sum(r.value_fen or 0 for r in rows)))
        title = t("{community}: gift register, {period}", community=scope.community.name, period=span.label)
    return add_disclosure(scope, category="gifts", title=title[:200], body=markdown_source(body, lang),
                          period=span.label, post_on=post_on, contact=contact, subject=f"gifts:{span.label}")
