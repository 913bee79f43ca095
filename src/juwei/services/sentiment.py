"""Sentiment work (民情, S10–S12): the items the committee collects, their handling, the monthly analysis
meeting, the monthly report to the street office, and what is due.

Every write is one audited row (a handling step also updates its item: two rows, each recorded). The list of
items is the sentiment diary and archive (民情日记, 民情档案); nothing is deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, speaking, t
from juwei.rules import sentiment as rules
from juwei.rules.due import DueItem
from juwei.rules.sentiment import Category, Month, Source, Status
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models import Household, SentimentItem, SentimentReport, SentimentStep

TEXT_LIMIT = 2000
NOTE_LIMIT = 1000
NAME_LIMIT = 100
TO_LIMIT = 200


def _text(value: str | None, field_name: str, limit: int, *, required: bool = True,
          lines: bool = False) -> str | None:
    """A text the clerk typed, trimmed (one line unless ``lines``), required and at most ``limit`` long."""
    text = (value or "").strip() if lines else " ".join((value or "").split())
    if not text:
        if required:
            raise ValidationError(t("{field} is required", field=named(field_name)))
        return None
    if len(text) > limit:
        raise ValidationError(t("{field} is longer than {n} characters", field=named(field_name), n=limit))
    return text


def _day(value: dt.date, field_name: str, scope: Scope, earliest: dt.date | None = None) -> dt.date:
    if value > scope.today:
        raise ValidationError(t("{field}: {day} is after today ({today})", field=named(field_name), day=value,
                                today=scope.today))
    if earliest is not None and value < earliest:
        raise ValidationError(t("{field}: {day} is before the item was received ({received})",
                                field=named(field_name), day=value, received=earliest))
    return value


def _collector(scope: Scope, ref: str, day: dt.date) -> tuple[int | None, str]:
    """Who collected an item (S11): someone holding a post on ``day`` — a committee member, staff, an
    information collector or any standing body's member — by name, member id or ID number."""
    from juwei.services.committee import serving_posts
    from juwei.services.roster import find_member

    text = " ".join(ref.split())
    rows = serving_posts(scope, None, day)
    held = [row for row in rows if row.name == text]
    if not held:
        try:
            member = find_member(scope, text)
        except NotFound:
            member = None
        held = [row for row in rows if member is not None and row.member_id == member.id]
    people = {(row.member_id, row.name) for row in held}
    if not people:
        raise ValidationError(t("{field}: '{who}' holds no post on {day}; an information collector is recorded "
                                "with `juwei org add collectors`", field=named("by"), who=text[:40], day=day))
    if len(people) > 1:
        raise ValidationError(t("{field}: more than one post holder is called '{who}'; give the member id",
                                field=named("by"), who=text[:40]))
    return people.pop()


def find_item(scope: Scope, item_id: int) -> SentimentItem:
    item = scope.session.get(SentimentItem, item_id)
    if item is None or item.community_id != scope.community_id:
        raise NotFound(t("no sentiment item {id} in this community; see `juwei sentiment list`", id=item_id))
    return item


@dataclass
class Added:
    item: SentimentItem
    urgent_due: dt.date | None  # S10: an urgent item's last day to be reported


def add_item(scope: Scope, *, category: Category, source: Source, text: str, household: str | None = None,
             from_name: str | None = None, by: str | None = None, received: dt.date | None = None) -> Added:
    """Record a concern collected (S10); an urgent one (category 6) is due to be reported at once."""
    category = Category(category)
    source = Source(source)
    from juwei.services.roster import find_household

    day = _day(received or scope.today, "received", scope)
    home = find_household(scope, household) if household else None
    by_member, by_name = _collector(scope, by, day) if by else (None, None)
    item = SentimentItem(community_id=scope.community_id, category=category, source=source,
                         text=_text(text, "text", TEXT_LIMIT, lines=True), household_id=home.id if home else None,
                         from_name=_text(from_name, "from_name", NAME_LIMIT, required=False),
                         by_member_id=by_member, by_name=by_name, received=day, status=Status.RECORDED)
    scope.session.add(item)
    audit.record_row(scope, "sentiment.add", "sentiment_item", item)
    due = None
    if rules.is_urgent(category):
        due = rules.urgent_report_due(day, rules_on(scope, day).sentiment_urgent_report_days)
    return Added(item, due)


def record_reported(scope: Scope, item_id: int, *, to: str, on: dt.date) -> SentimentItem:
    """S10: the item was reported to ``to`` on ``on`` (an urgent item is overdue until it is)."""
    item = find_item(scope, item_id)
    if item.reported_on is not None:
        raise JuweiError(t("sentiment item {id} was already reported on {day} to {to}", id=item.id,
                           day=item.reported_on, to=item.reported_to))
    before = audit.row_state(item)
    item.reported_to = _text(to, "to", TO_LIMIT)
    item.reported_on = _day(on, "on", scope, item.received)
    scope.session.add(item)
    audit.record_row(scope, "sentiment.reported", "sentiment_item", item, before=before)
    return item


def update_item(scope: Scope, item_id: int, *, status: Status, note: str, on: dt.date | None = None) -> SentimentStep:
    """A step of the item's handling: analysed, referred, resolved or replied, with what was done."""
    status = Status(status)
    if status not in rules.HANDLING:
        raise ValidationError(t("{field}: an item's handling is one of {allowed}", field=named("status"),
                                allowed=", ".join(label("sentiment status", s) for s in rules.HANDLING)))
    item = find_item(scope, item_id)
    return _step(scope, item, status, _text(note, "note", NOTE_LIMIT), _day(on or scope.today, "on", scope,
                                                                                item.received))


def _step(scope: Scope, item: SentimentItem, status: Status, note: str, on: dt.date,
          meeting_id: int | None = None) -> SentimentStep:
    """Record a step; the item takes its status, except that analysing an item already referred or settled
    leaves its status as it is (the step still says it was analysed)."""
    before = audit.row_state(item)
    if not (status == Status.ANALYSED and item.status != Status.RECORDED):
        item.status = status
    if meeting_id is not None:
        item.meeting_id = meeting_id
    scope.session.add(item)
    step = SentimentStep(community_id=scope.community_id, item_id=item.id, status=status, note=note, on=on)
    scope.session.add(step)
    audit.record_row(scope, "sentiment.update", "sentiment_item", item, before=before)
    audit.record_row(scope, "sentiment.step", "sentiment_step", step)
    return step


@dataclass
class Analysed:
    meeting_id: int
    on: dt.date
    items: list[int]


def analyse(scope: Scope, meeting_id: int) -> Analysed:
    """S12: the monthly analysis meeting discussed the items collected up to its day and not yet analysed:
    link them to it and mark them analysed (items already referred or settled keep their status)."""
    from juwei.rules.meetings import MeetingKind, MeetingStatus
    from juwei.services.meetings import find_meeting

    meeting = find_meeting(scope, meeting_id)
    if meeting.kind != MeetingKind.SENTIMENT:
        raise ValidationError(t("{field}: meeting {id} is a {kind} meeting, not a sentiment analysis meeting "
                                "(`juwei meeting convene --kind sentiment`)", field=named("meeting"),
                                id=meeting.id, kind=label("meeting kind", meeting.kind)))
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(t("{field}: meeting {id} was cancelled", field=named("meeting"), id=meeting.id))
    day = meeting.at.date()
    if day > scope.today:
        raise ValidationError(t("{field}: meeting {id} is on {day}, after today", field=named("meeting"),
                                id=meeting.id, day=day))
    items = scope.session.exec(select(SentimentItem).where(
        SentimentItem.community_id == scope.community_id, SentimentItem.meeting_id.is_(None),
        SentimentItem.received <= day).order_by(SentimentItem.id)).all()
    with speaking(scope.community.locale):  # stored text, in the community's language
        note = t("discussed at the sentiment analysis meeting {id}", id=meeting.id)
    done = []
    for item in items:
        _step(scope, item, Status.ANALYSED, note, day, meeting_id=meeting.id)
        done.append(item.id)
    if not done:
        raise JuweiError(t("no sentiment item received by {day} is waiting for analysis", day=day))
    return Analysed(meeting.id, day, done)


# ---------------------------------------------------------------- reading

@dataclass
class StepRow:
    status: str
    note: str
    on: dt.date


@dataclass
class ItemRow:
    id: int
    number: int  # the seed's category number, 1–7
    category: str
    source: str
    text: str
    household: str | None
    from_name: str | None
    by: str | None
    received: dt.date
    status: str
    open: bool
    urgent: bool
    report_due: dt.date | None  # an urgent item's last day to be reported
    reported_on: dt.date | None
    reported_to: str | None
    overdue: bool
    meeting_id: int | None
    steps: list[StepRow] = field(default_factory=list)


_ITEM_COLUMNS = (SentimentItem.id, SentimentItem.category, SentimentItem.source, SentimentItem.text,
                 SentimentItem.from_name, SentimentItem.by_name, SentimentItem.received, SentimentItem.status,
                 SentimentItem.reported_on, SentimentItem.reported_to, SentimentItem.meeting_id)


def _items(scope: Scope, *, first: dt.date | None = None, last: dt.date | None = None,
           category: Category | None = None, open_only: bool = False, item_id: int | None = None,
           steps: bool = False) -> list[ItemRow]:
    """Items as rows, oldest first; plain columns, not table objects: a month's report reads thousands."""
    query = (select(*_ITEM_COLUMNS, Household.number)
             .outerjoin(Household, SentimentItem.household_id == Household.id)
             .where(SentimentItem.community_id == scope.community_id))
    if first is not None:
        query = query.where(SentimentItem.received >= first)
    if last is not None:
        query = query.where(SentimentItem.received <= last)
    if category is not None:
        query = query.where(SentimentItem.category == category)
    if open_only:
        query = query.where(SentimentItem.status.not_in([str(s) for s in rules.SETTLED]))
    if item_id is not None:
        query = query.where(SentimentItem.id == item_id)
    found = scope.session.execute(query.order_by(SentimentItem.received, SentimentItem.id)).all()
    days = rules_on(scope, scope.today).sentiment_urgent_report_days
    numbers = {c.value: rules.category_number(c) for c in Category}
    rows = []
    for (id_, category_, source, text, from_name, by_name, received, status, reported_on, reported_to,
         meeting_id, number) in found:
        urgent = rules.is_urgent(category_)
        rows.append(ItemRow(id_, numbers[category_], category_, source, text, number, from_name, by_name, received,
                            status, rules.is_open(status), urgent,
                            rules.urgent_report_due(received, days) if urgent else None, reported_on, reported_to,
                            urgent and rules.urgent_overdue(category_, received, reported_on, days, scope.today),
                            meeting_id))
    if steps and rows:
        by_item = {row.id: row for row in rows}
        query = select(SentimentStep.item_id, SentimentStep.status, SentimentStep.note, SentimentStep.on).where(
            SentimentStep.community_id == scope.community_id)
        if item_id is not None:
            query = query.where(SentimentStep.item_id == item_id)
        elif first is not None:
            query = query.join(SentimentItem, SentimentStep.item_id == SentimentItem.id).where(
                SentimentItem.received >= first, SentimentItem.received <= last)
        for step_item, status, note, on in scope.session.execute(query.order_by(SentimentStep.on,
                                                                                 SentimentStep.id)).all():
            row = by_item.get(step_item)
            if row is not None:
                row.steps.append(StepRow(status, note, on))
    return rows


def list_items(scope: Scope, *, month: Month | None = None, category: Category | None = None,
               open_only: bool = False) -> list[ItemRow]:
    """The sentiment diary (民情日记): every item, or a month's, a category's, the open ones; oldest first."""
    return _items(scope, first=month.first if month else None, last=month.last if month else None,
                  category=category, open_only=open_only)


def item_detail(scope: Scope, item_id: int) -> ItemRow:
    find_item(scope, item_id)
    return _items(scope, item_id=item_id, steps=True)[0]


# ---------------------------------------------------------------- the monthly report (S12)

def record_report_sent(scope: Scope, month: Month, on: dt.date) -> SentimentReport:
    """S12: the month's report went to the street office on ``on`` (the agenda stops asking for it)."""
    if on < month.first:
        raise ValidationError(t("{field}: {day} is before the month {month} began", field=named("sent"), day=on,
                                month=str(month)))
    _day(on, "sent", scope)
    found = scope.session.exec(select(SentimentReport).where(SentimentReport.community_id == scope.community_id,
                                                              SentimentReport.month == str(month))).first()
    if found is not None:
        raise JuweiError(t("the report on {month} was already recorded as sent on {day}", month=str(month),
                           day=found.sent_on))
    row = SentimentReport(community_id=scope.community_id, month=str(month), sent_on=on)
    scope.session.add(row)
    audit.record_row(scope, "sentiment.report", "sentiment_report", row)
    return row


def _reported_months(scope: Scope) -> dict[Month, dt.date]:
    rows = scope.session.exec(select(SentimentReport.month, SentimentReport.sent_on)
                              .where(SentimentReport.community_id == scope.community_id)).all()
    return {rules.parse_month(month): sent for month, sent in rows}


def _first_month(scope: Scope) -> Month | None:
    from sqlalchemy import func

    first = scope.session.exec(select(func.min(SentimentItem.received))
                               .where(SentimentItem.community_id == scope.community_id)).one()
    return rules.month_of(first) if first else None


# ---------------------------------------------------------------- what is due

def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """S10: urgent items not yet reported; S12: monthly reports not yet sent (the monthly analysis meeting is
    the meetings domain's, ``meeting:sentiment``); S11: fewer information collectors than the rules ask."""
    from juwei.rules.committee import PostBody
    from juwei.services.committee import serving_posts

    profile = rules_on(scope, on)
    out = []
    days = profile.sentiment_urgent_report_days
    urgent = scope.session.exec(select(SentimentItem).where(
        SentimentItem.community_id == scope.community_id, SentimentItem.category == Category.STABILITY,
        SentimentItem.reported_on.is_(None), SentimentItem.received <= on)).all()
    for item in urgent:
        due = rules.urgent_report_due(item.received, days)
        out.append(DueItem("S10", "sentiment", f"sentiment:urgent:{item.id}",
                           t("report urgent sentiment item {id} (received {day})", id=item.id, day=item.received),
                           due, on > due, f"juwei sentiment reported {item.id} --to … --on YYYY-MM-DD"))
    first = _first_month(scope)
    if first is not None:
        for month, due, overdue in rules.months_owed(first, on, profile.sentiment_report_day,
                                                     set(_reported_months(scope))):
            out.append(DueItem("S12", "sentiment", f"sentiment:report:{month}",
                               t("send the sentiment report on {month} to the street office", month=str(month)),
                               due, overdue, f"juwei sentiment report --month {month} --sent YYYY-MM-DD"))
    minimum = profile.sentiment_collectors_min
    serving = len(serving_posts(scope, PostBody.COLLECTORS, on))
    short = rules.collectors_short(serving, minimum)
    if short:
        out.append(DueItem("S11", "sentiment", "sentiment:collectors",
                           t("the community has {n} information collector(s); the rules ask for at least {min}",
                             n=serving, min=minimum),
                           None, False, "juwei org add collectors MEMBER --from YYYY-MM-DD"))
    return out
