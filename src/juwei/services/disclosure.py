"""The disclosure board (居务公开, S20–S26): the register, what falls due, and generators that fill a
disclosure from juwei's own data.

A posted disclosure is never edited: a correction is a new disclosure that supersedes it; both stay in the
register, and the board shows the correction from the day it goes up.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, t
from juwei.rules import disclosure as rules
from juwei.rules import people
from juwei.rules.codes import read_code
from juwei.rules.disclosure import DisclosureCategory, DisclosureStatus, ObligationStatus
from juwei.rules.due import DueItem
from juwei.rules.privacy import Scrub, public_text, scrub, welfare_public_row
from juwei.rules.records import FieldError
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models import Disclosure, PersonnelChange, WelfareEntry, WelfareList


def _zh(scope: Scope) -> bool:
    return scope.community.locale.startswith("zh")


def _lang(zh: bool) -> str:
    """The language of the bodies juwei writes: the community's (zh_CN or en)."""
    return "zh_CN" if zh else "en"


def _clean_line(value: str | None, name: str, limit: int, *, required: bool = True) -> str | None:
    """One line of text the field ``name`` holds."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if not text:
        if required:
            raise ValidationError(t("{option} must not be empty", option=named(name)))
        return None
    if len(text) > limit or any(ord(c) < 32 for c in text):
        raise ValidationError(t("{option} is at most {n} characters on one line", option=named(name), n=limit))
    return text


# ---------------------------------------------------------------- the register

def find_disclosure(scope: Scope, ref: int | str) -> Disclosure:
    text = str(ref).strip()
    row = scope.session.get(Disclosure, int(text)) if text.isdigit() else None
    if row is None or row.community_id != scope.community_id:
        raise NotFound(t("no disclosure {ref}; see `juwei disclose list`", ref=text[:20]))
    return row


def _correction_of(scope: Scope, row: Disclosure) -> Disclosure | None:
    """The live correction that supersedes ``row`` (not withdrawn), if any."""
    return scope.session.exec(select(Disclosure).where(
        Disclosure.community_id == scope.community_id, Disclosure.supersedes_id == row.id,
        Disclosure.withdrawn_on.is_(None)).order_by(Disclosure.id)).first()


def add_disclosure(scope: Scope, *, category: DisclosureCategory, title: str, body: str, period: str | None = None,
                   post_on: dt.date | None = None, until: dt.date | None = None,
                   supersedes: int | None = None, contact: str | None = None, subject: str | None = None,
                   meeting_id: int | None = None, motion_id: int | None = None) -> Disclosure:
    """Record a disclosure (a draft until posted). With ``supersedes`` it is a correction of that one."""
    category = read_code(DisclosureCategory, "disclosure category", category, "category")
    title = _clean_line(title, "title", 200)
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError(t("the body is empty; give {body} TEXT or {body_file} FILE.md", body=named("body"),
                                body_file=named("body_file")))
    if len(body) > 2_000_000:
        raise ValidationError(t("the body is longer than 2,000,000 characters"))
    contact = _clean_line(contact, "contact", 200, required=False)
    label = rules.parse_period(period).label if period else None
    if post_on and until and until < post_on:
        raise ValidationError(t("{until_field} {until} is before {post_on_field} {post_on}", until=until, post_on=post_on,
                                until_field=named("until"), post_on_field=named("post_on")))
    old = None
    if supersedes is not None:
        old = find_disclosure(scope, supersedes)
        if old.withdrawn_on is not None:
            raise JuweiError(t("disclosure {id} was withdrawn on {day}; a withdrawn disclosure is not corrected, "
                               "add a new one", id=old.id, day=old.withdrawn_on))
        newer = _correction_of(scope, old)
        if newer is not None:
            raise JuweiError(t("disclosure {id} is already superseded by {new}; correct {new} instead",
                               id=old.id, new=newer.id))
        if old.category != category:
            raise ValidationError(t("a correction keeps the category of disclosure {id} ({category})",
                                    id=old.id, category=label("disclosure category", old.category)))
        subject = subject or old.subject
        label = label or old.period
        meeting_id = meeting_id or old.meeting_id
        motion_id = motion_id or old.motion_id
    if subject is None and category == DisclosureCategory.FINANCE and label:
        subject = f"finance:{label}"
    if subject and old is None:
        live = _live_for_subject(scope, subject)
        if live is not None:
            raise JuweiError(t("disclosure {id} already answers '{subject}'; to correct it use --supersedes {id}",
                               id=live.id, subject=subject))
    row = Disclosure(community_id=scope.community_id, category=category, title=title, body=body, period=label,
                     subject=subject, post_on=post_on, until=until, supersedes_id=old.id if old else None,
                     contact=contact, meeting_id=meeting_id, motion_id=motion_id, created_by=scope.clerk)
    scope.session.add(row)
    audit.record_row(scope, "disclosure.supersede" if old else "disclosure.add", "disclosure", row)
    return row


def _live_for_subject(scope: Scope, subject: str) -> Disclosure | None:
    """The disclosure (not withdrawn, not superseded) answering ``subject``."""
    rows = scope.session.exec(select(Disclosure).where(
        Disclosure.community_id == scope.community_id, Disclosure.subject == subject,
        Disclosure.withdrawn_on.is_(None)).order_by(Disclosure.id)).all()
    superseded = {r.supersedes_id for r in rows if r.supersedes_id}
    live = [r for r in rows if r.id not in superseded]
    return live[-1] if live else None


def post(scope: Scope, ref: int | str, on: dt.date | None = None) -> Disclosure:
    """Record the day a disclosure went up on the board; a disclosure is posted once."""
    row = find_disclosure(scope, ref)
    day = on or scope.today
    if row.withdrawn_on is not None:
        raise JuweiError(t("disclosure {id} was withdrawn on {day}; it cannot be posted", id=row.id,
                           day=row.withdrawn_on))
    if row.posted_on is not None:
        raise JuweiError(t("disclosure {id} was already posted on {day}; a posted disclosure is not changed — "
                           "add a correction with `juwei disclose add --supersedes {id}`", id=row.id,
                           day=row.posted_on))
    if day > scope.today:
        raise ValidationError(t("{on} {day} is in the future; record a posting on the day it happens "
                                "(plan it with {post_on})", on=named("on"), day=day, post_on=named("post_on")))
    if row.until is not None and day > row.until:
        raise ValidationError(t("{on} {day} is after the disclosure's last day ({until})", on=named("on"), day=day,
                                until=row.until))
    if row.supersedes_id is not None:
        old = scope.session.get(Disclosure, row.supersedes_id)
        if old is not None and old.posted_on is not None and day < old.posted_on:
            raise ValidationError(t("{on} {day} is before the disclosure it corrects ({id}) was posted ({posted})",
                                    on=named("on"), day=day, id=old.id, posted=old.posted_on))
    before = audit.row_state(row)
    row.posted_on = day
    row.posted_by = scope.clerk
    scope.session.add(row)
    audit.record_row(scope, "disclosure.post", "disclosure", row, before=before)
    return row


def withdraw(scope: Scope, ref: int | str, reason: str, on: dt.date | None = None) -> Disclosure:
    """Take a disclosure down (or cancel a draft); it stays in the register with the reason."""
    row = find_disclosure(scope, ref)
    reason = _clean_line(reason, "reason", 300)
    day = on or scope.today
    if row.withdrawn_on is not None:
        raise JuweiError(t("disclosure {id} was already withdrawn on {day}", id=row.id, day=row.withdrawn_on))
    if row.posted_on is not None and day < row.posted_on:
        raise ValidationError(t("{on} {day} is before the disclosure was posted ({posted})", on=named("on"), day=day,
                                posted=row.posted_on))
    if day > scope.today:
        raise ValidationError(t("{on} {day} is in the future", on=named("on"), day=day))
    before = audit.row_state(row)
    row.withdrawn_on = day
    row.withdraw_reason = reason
    scope.session.add(row)
    audit.record_row(scope, "disclosure.withdraw", "disclosure", row, before=before)
    return row


@dataclass
class DisclosureRow:
    id: int
    category: str
    title: str
    period: str | None
    subject: str | None
    status: str
    post_on: dt.date | None
    posted_on: dt.date | None
    until: dt.date | None
    withdrawn_on: dt.date | None
    withdraw_reason: str | None
    supersedes: int | None
    superseded_by: int | None
    meeting_id: int | None
    motion_id: int | None
    contact: str | None
    created_by: str


def _status(row: Disclosure, superseded_by: Disclosure | None, day: dt.date) -> DisclosureStatus:
    if row.withdrawn_on is not None and row.withdrawn_on <= day:
        return DisclosureStatus.WITHDRAWN
    if superseded_by is not None and superseded_by.posted_on is not None and superseded_by.posted_on <= day:
        return DisclosureStatus.SUPERSEDED
    if row.posted_on is None or row.posted_on > day:
        return DisclosureStatus.DRAFT
    if row.until is not None and row.until < day:
        return DisclosureStatus.EXPIRED
    return DisclosureStatus.POSTED


def _rows(scope: Scope, rows: list[Disclosure], day: dt.date) -> list[DisclosureRow]:
    all_corrections = scope.session.exec(select(Disclosure).where(
        Disclosure.community_id == scope.community_id, Disclosure.supersedes_id.is_not(None),
        Disclosure.withdrawn_on.is_(None))).all()
    by_old = {}
    for c in sorted(all_corrections, key=lambda r: r.id):
        by_old.setdefault(c.supersedes_id, c)
    out = []
    for r in rows:
        newer = by_old.get(r.id)
        out.append(DisclosureRow(r.id, r.category, r.title, r.period, r.subject, _status(r, newer, day),
                                 r.post_on, r.posted_on, r.until, r.withdrawn_on, r.withdraw_reason,
                                 r.supersedes_id, newer.id if newer else None, r.meeting_id, r.motion_id,
                                 r.contact, r.created_by))
    return out


def list_disclosures(scope: Scope, *, category: DisclosureCategory | None = None, posted_on: dt.date | None = None,
                     on_board_day: dt.date | None = None,
                     status: DisclosureStatus | None = None) -> list[DisclosureRow]:
    if category is not None:
        category = read_code(DisclosureCategory, "disclosure category", category, "category")
    if status is not None:
        status = read_code(DisclosureStatus, "disclosure status", status, "status")
    query = select(Disclosure).where(Disclosure.community_id == scope.community_id)
    if category:
        query = query.where(Disclosure.category == category)
    if posted_on:
        query = query.where(Disclosure.posted_on == posted_on)
    rows = list(scope.session.exec(query.order_by(Disclosure.id)).all())
    day = on_board_day or scope.today
    out = _rows(scope, rows, day)
    if on_board_day is not None:
        out = [r for r in out if r.status == DisclosureStatus.POSTED]
    if status:
        out = [r for r in out if r.status == status]
    return out


def show(scope: Scope, ref: int | str) -> tuple[DisclosureRow, str]:
    row = find_disclosure(scope, ref)
    return _rows(scope, [row], scope.today)[0], row.body


def board(scope: Scope, day: dt.date) -> list[Disclosure]:
    """Everything that should be on the board on ``day``: what is up (posted, not withdrawn, expired or
    superseded) and drafts planned to go up by then (``--post-on``), a correction replacing what it corrects."""
    from sqlalchemy import and_, or_

    rows = list(scope.session.exec(select(Disclosure).where(
        Disclosure.community_id == scope.community_id,
        or_(Disclosure.posted_on <= day, and_(Disclosure.posted_on.is_(None), Disclosure.post_on <= day)))
        .order_by(Disclosure.category, Disclosure.id)).all())
    info = {r.id: r for r in _rows(scope, rows, day)}
    keep = [r for r in rows if info[r.id].status == DisclosureStatus.POSTED
            or (info[r.id].status == DisclosureStatus.DRAFT and (r.until is None or r.until >= day))]
    replaced = {r.supersedes_id for r in keep if r.supersedes_id}
    return [r for r in keep if r.id not in replaced]


# ---------------------------------------------------------------- obligations (S20–S25)

def _postings(scope: Scope) -> dict[str, tuple[dt.date, int]]:
    """subject → (first day a live disclosure answering it went up, its id). Withdrawn ones do not count;
    a superseded one does (its correction replaced it, the obligation was met when it went up)."""
    rows = scope.session.exec(select(Disclosure).where(
        Disclosure.community_id == scope.community_id, Disclosure.subject.is_not(None),
        Disclosure.posted_on.is_not(None), Disclosure.withdrawn_on.is_(None))).all()
    out: dict[str, tuple[dt.date, int]] = {}
    for r in rows:
        for s in _subjects(r.subject):
            if s not in out or r.posted_on < out[s][0]:
                out[s] = (r.posted_on, r.id)
    return out


def _subjects(subject: str) -> list[str]:
    """The obligations one disclosure answers: one, or several staff changes (``personnel:3,4``)."""
    if subject.startswith("personnel:"):
        return [f"personnel:{i}" for i in subject.split(":", 1)[1].split(",")]
    return [subject]


def obligations(scope: Scope, on: dt.date | None = None, *, include_met: bool = False) -> list[rules.Obligation]:
    """Everything owed to the board on ``on``: open or overdue (and, with ``include_met``, met or met late).
    Who owes what is read from :data:`juwei.services.due.BOARD`."""
    from juwei.services.due import board_obligations

    day = on or scope.today
    postings = _postings(scope)
    out = []
    for ob in board_obligations(scope, day):
        if ob.subject in postings:
            ob.posted_on, ob.disclosure_id = postings[ob.subject]
        rules.settle(ob, day)
        if include_met or ob.status in (ObligationStatus.OPEN, ObligationStatus.OVERDUE):
            out.append(ob)
    out.sort(key=lambda o: (o.due, o.rule, o.subject))
    return out


def finance_obligations(scope: Scope, day: dt.date) -> list[rules.Obligation]:
    """S20: finance accounts from the first period with entries (or the community's founding) on."""
    from juwei.services.ledger import first_entry_day

    r = rules_on(scope, day)
    first = first_entry_day(scope)
    founded = scope.community.created_at.date()
    since = min(first, founded) if first else founded
    return rules.finance_obligations(cadence=r.disclosure_finance_cadence, yearly=r.disclosure_finance_yearly,
                                     deadline_days=r.disclosure_finance_deadline_days, since=since, on=day)


def welfare_obligations(scope: Scope, day: dt.date) -> list[rules.Obligation]:
    """S23: welfare lists must be up for the objection window before the benefit starts."""
    return [rules.Obligation("S23", f"welfare:{wl.id}",
                             t("welfare list {id}: {benefit} from {starts}", id=wl.id, benefit=wl.benefit,
                               starts=wl.starts),
                             rules.welfare_post_by(wl.starts, wl.objection_days))
            for wl in scope.session.exec(select(WelfareList).where(WelfareList.community_id == scope.community_id)
                                         .order_by(WelfareList.id)).all()]


def personnel_obligations(scope: Scope, day: dt.date) -> list[rules.Obligation]:
    """S24: staff changes, within the profile's days."""
    return [rules.Obligation("S24", f"personnel:{pc.id}", t("staff change: {name}, {change}", name=pc.name,
                                                            change=pc.change),
                             pc.effective + dt.timedelta(days=rules_on(scope, pc.effective).disclosure_personnel_days))
            for pc in scope.session.exec(select(PersonnelChange).where(
                PersonnelChange.community_id == scope.community_id, PersonnelChange.effective <= day)
                .order_by(PersonnelChange.id)).all()]


def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """S20–S26: what the board is owed and not posted, each with the command that settles it: posting the
    draft already made for it, else the generator for its rule."""
    open_ = obligations(scope, on)
    drafts: dict[str, int] = {}
    for subject, draft in scope.session.exec(select(Disclosure.subject, Disclosure.id).where(
            Disclosure.community_id == scope.community_id, Disclosure.posted_on.is_(None),
            Disclosure.withdrawn_on.is_(None), Disclosure.subject.is_not(None)).order_by(Disclosure.id)).all():
        for s in _subjects(subject):
            drafts.setdefault(s, draft)
    return [DueItem(o.rule, "disclosure", o.subject, o.title, o.due, o.overdue, _settles(o, drafts.get(o.subject)))
            for o in open_]


def _settles(ob: rules.Obligation, draft: int | None) -> str:
    if draft is not None:
        return f"juwei disclose post {draft}"
    if ob.meeting_id is not None:  # S21, S25
        return f"juwei disclose from-meeting {ob.meeting_id}"
    if ob.subject.startswith("finance:"):
        return f"juwei disclose finance --period {ob.period or ob.subject.split(':', 1)[1]}"
    if ob.subject.startswith("personnel:"):
        return "juwei disclose personnel"
    if ob.subject.startswith("duties:"):
        return "juwei disclose duties"
    if ob.subject.startswith("evaluation:"):
        return f"juwei eval publish {ob.subject.split(':', 1)[1]}"
    if ob.subject.startswith("welfare:"):
        return "juwei disclose welfare --list FILE --benefit … --starts …"
    return "juwei disclose add --category … --title …"


def _meetings_module():
    """The meeting-dependent part, or None when this juwei has no meetings tables."""
    try:
        from juwei.services import disclosure_meetings
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("juwei.storage.models.meetings"):
            return None
        raise
    return disclosure_meetings


# ---------------------------------------------------------------- S20: the finance account

def _account_markdown(account: rules.Account, zh: bool) -> str:
    """The account's body (``bodies/finance.md.j2``). Public spending is public: a description is printed as
    entered, only personal numbers masked (:attr:`Scrub.NUMBERS`), not withheld like text about a person on a
    welfare list."""
    from dataclasses import replace

    from juwei.render.bodies import FinanceBody, markdown_source

    public = replace(account, itemised=[replace(e, description=scrub(e.description, Scrub.NUMBERS))
                                        for e in account.itemised])
    return markdown_source(FinanceBody(public), _lang(zh))


def finance_disclosure(scope: Scope, period: str, *, post_on: dt.date | None = None,
                       supersedes: int | None = None, contact: str | None = None) -> tuple[Disclosure, rules.Account]:
    """S20: the account for an ended period, filled from the ledger."""
    from juwei.services.ledger import account

    p = rules.parse_period(period)
    if p.end >= scope.today:
        raise JuweiError(t("period {period} ends on {end}; its account can be made from the day after",
                           period=p.label, end=p.end))
    acc = account(scope, p.label)
    zh = _zh(scope)
    title = (f"{scope.community.name}{rules.period_zh(p.label)}财务收支公开" if zh
             else f"{scope.community.name}: finance account {p.label}")
    row = add_disclosure(scope, category="finance", title=title[:200], body=_account_markdown(acc, zh),
                         period=p.label, post_on=post_on, supersedes=supersedes, contact=contact,
                         subject=f"finance:{p.label}")
    return row, acc


# ---------------------------------------------------------------- S23: welfare publicity lists

WELFARE_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "户主姓名", "户主"),
    "household_size": ("家庭人口", "人口", "家庭人数", "household size"),
    "benefit": ("救助类别", "救助类型", "类别"),
    "amount": ("金额", "救助金额", "金额(元)", "金额（元）"),
    "id_number": ("身份证号", "身份证号码", "身份证"),
    "note": ("备注",),
}
WELFARE_REQUIRED = ("name", "household_size", "benefit", "amount")


def _clean_welfare_row(values: dict[str, Any], starts: dt.date, adult_age: int) -> dict[str, Any]:
    from juwei.rules.idnumber import parse_id
    from juwei.rules.records import clean_name
    from juwei.rules.text import odd_digit

    name = clean_name(values.get("name"))
    raw_size = values.get("household_size")
    size_text = unicodedata.normalize("NFKC", str(raw_size if raw_size is not None else "")).strip()
    if size_text.endswith("人"):
        size_text = size_text[:-1]
    if isinstance(raw_size, float) and raw_size.is_integer():
        size_text = str(int(raw_size))
    if not size_text.isdigit() or not size_text.isascii() or odd_digit(str(raw_size or "")) \
            or not 1 <= int(size_text) <= 50:
        raise FieldError("household_size", t("a whole number of people from 1 to 50"))
    benefit = unicodedata.normalize("NFKC", str(values.get("benefit") or "")).strip()
    if not benefit or len(benefit) > 100:
        raise FieldError("benefit", t("the benefit type is required (at most 100 characters)"))
    try:
        fen = rules.parse_money(values.get("amount"))
    except ValidationError as exc:
        raise FieldError("amount", exc.message) from None
    id_number, minor = None, False
    raw_id = values.get("id_number")
    if raw_id is not None and str(raw_id).strip():
        try:
            info = parse_id(raw_id)
        except ValidationError as exc:
            raise FieldError("id_number", exc.message) from None
        id_number = info.number
        minor = people.age_on(info.birth_date, starts) < adult_age
    note = unicodedata.normalize("NFKC", str(values.get("note") or "")).strip() or None
    return {"name": name, "household_size": int(size_text), "benefit": benefit, "amount_fen": fen,
            "id_number": id_number, "minor": minor, "note": note}


def _welfare_markdown(scope: Scope, wl: WelfareList, entries: list[WelfareEntry], post_by: dt.date) -> str:
    """The list's body (``bodies/welfare.md.j2``): only the fields S23 lets a list show."""
    from juwei.render.bodies import WelfareBody, WelfareRow, markdown_source

    rows = [WelfareRow(**welfare_public_row(name=e.name, household_size=e.household_size, benefit=e.benefit,
                                            amount=rules.format_fen(e.amount_fen), minor=e.minor))
            for e in entries]
    body = WelfareBody(benefit=public_text(wl.benefit, limit=100), objection_days=wl.objection_days,
                       post_by=post_by, last_objection=wl.starts - dt.timedelta(days=1), starts=wl.starts,
                       rows=rows, total_fen=sum(e.amount_fen for e in entries), contact=wl.contact)
    return markdown_source(body, _lang(_zh(scope)))


def welfare_disclosure(scope: Scope, path: str | Path, *, benefit: str, starts: dt.date,
                       contact: str | None = None, post_on: dt.date | None = None) -> tuple[Disclosure, WelfareList]:
    """S23: read a welfare list (all rows clean or nothing) and create its publicity disclosure."""
    from juwei.services.sheets import read_table

    path = Path(path)
    benefit = _clean_line(benefit, "benefit", 100)
    contact = _clean_line(contact, "contact", 200, required=False)
    r = rules_on(scope, starts)
    post_by = rules.welfare_post_by(starts, r.welfare_objection_days)
    if (post_on or scope.today) > post_by:
        raise JuweiError(t("the benefit starts on {starts}: S23 needs the list up for {days} days before, so by "
                           "{post_by}; move --starts or shorten the window in the rules profile",
                           starts=starts, days=r.welfare_objection_days, post_by=post_by))
    clean: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, values in read_table(path, WELFARE_COLUMNS, WELFARE_REQUIRED):
        try:
            row = _clean_welfare_row(values, starts, r.adult_age)
        except FieldError as exc:
            problems.append(t("row {row}: {problem}", row=number, problem=exc.message))
            continue
        row["row"] = number
        clean.append(row)
    if problems:
        raise ValidationError(t("{file}: {n} problem(s); nothing was recorded", file=path.name, n=len(problems)),
                              problems=problems[:50])
    if not clean:
        raise ValidationError(t("{file} has no recipients", file=path.name))
    wl = WelfareList(community_id=scope.community_id, benefit=benefit, starts=starts,
                     objection_days=r.welfare_objection_days, contact=contact, source_file=path.name[:300])
    scope.session.add(wl)
    audit.record_row(scope, "welfare.list", "welfare_list", wl)
    entries = []
    for row in clean:
        entry = WelfareEntry(list_id=wl.id, **row)
        scope.session.add(entry)
        entries.append(entry)
    scope.session.flush()
    audit.record_many(scope, "welfare.entry", "welfare_entry", [audit.row_state(e) for e in entries])
    zh = _zh(scope)
    title = (f"{benefit}拟享受对象公示" if zh else f"Welfare publicity: {benefit}")
    row = add_disclosure(scope, category="welfare", title=title[:200], body=_welfare_markdown(scope, wl, entries, post_by),
                         post_on=post_on, until=starts - dt.timedelta(days=1), contact=contact,
                         subject=f"welfare:{wl.id}")
    before = audit.row_state(wl)
    wl.disclosure_id = row.id
    scope.session.add(wl)
    audit.record_row(scope, "welfare.link", "welfare_list", wl, before=before)
    return row, wl


# ---------------------------------------------------------------- S24: staff changes

def record_staff_change(scope: Scope, *, name: str, change: str, reason: str, effective: dt.date) -> PersonnelChange:
    row = PersonnelChange(community_id=scope.community_id, name=_clean_line(name, "name", 100),
                          change=_clean_line(change, "change", 200), reason=_clean_line(reason, "reason", 300),
                          effective=effective)
    scope.session.add(row)
    audit.record_row(scope, "personnel.add", "personnel_change", row)
    return row


def list_staff_changes(scope: Scope) -> list[PersonnelChange]:
    return list(scope.session.exec(select(PersonnelChange).where(
        PersonnelChange.community_id == scope.community_id).order_by(PersonnelChange.effective,
                                                                     PersonnelChange.id)).all())


def personnel_disclosure(scope: Scope, *, post_on: dt.date | None = None,
                         contact: str | None = None) -> tuple[Disclosure, list[PersonnelChange]]:
    """S24: one disclosure announcing every recorded staff change not yet in a disclosure."""
    pending = [c for c in list_staff_changes(scope) if c.disclosure_id is None]
    if not pending:
        raise JuweiError(t("no staff changes wait to be disclosed; record one with `juwei disclose staff-change`"))
    from juwei.render.bodies import PersonnelBody, StaffChange, markdown_source

    zh = _zh(scope)
    body = PersonnelBody([StaffChange(public_text(c.name, limit=100), public_text(c.change, limit=200),
                                      public_text(c.reason, limit=300), c.effective) for c in pending])
    title = f"{scope.community.name}人事变动公开" if zh else f"{scope.community.name}: staff changes"
    row = add_disclosure(scope, category="personnel", title=title[:200], body=markdown_source(body, _lang(zh)),
                         post_on=post_on, contact=contact,
                         subject="personnel:" + ",".join(str(c.id) for c in pending))
    for change in pending:
        before = audit.row_state(change)
        change.disclosure_id = row.id
        scope.session.add(change)
        audit.record_row(scope, "personnel.disclose", "personnel_change", change, before=before)
    return row, pending


# ---------------------------------------------------------------- printouts

@dataclass
class Page:
    """What a printout shows: the disclosure, its posting period and the committee."""

    id: int
    category: str
    title: str
    period: str | None
    body: str  # personal numbers already masked (title too; the contact is the committee's own)
    contact: str | None
    status: str
    post_on: dt.date | None
    posted_on: dt.date | None
    until: dt.date | None
    supersedes: int | None
    community: str
    committee: str


def _page(scope: Scope, row: Disclosure, day: dt.date) -> Page:
    from juwei.rules.privacy import scrub_text

    info = _rows(scope, [row], day)[0]
    committee = (f"{scope.community.name}居民委员会" if _zh(scope)
                 else f"Residents' Committee of {scope.community.name}")
    return Page(row.id, row.category, scrub_text(row.title), row.period, scrub_text(row.body), row.contact, info.status,
                row.post_on, row.posted_on, row.until, row.supersedes_id, scope.community.name, committee)


def printable(scope: Scope, ref: int | str) -> Page:
    return _page(scope, find_disclosure(scope, ref), scope.today)


def board_pages(scope: Scope, day: dt.date) -> list[Page]:
    return [_page(scope, row, day) for row in board(scope, day)]


# ---------------------------------------------------------------- meetings (S21, S25)

def check_meeting_refs(scope: Scope, meeting_id: int | None, motion_id: int | None) -> tuple[int | None, int | None]:
    """Validate --from-meeting/--from-motion against the meetings module, when it is present."""
    meetings = _meetings_module()
    if meetings is None:
        raise JuweiError(t("meetings are not recorded in this version of juwei; "
                           "leave out --from-meeting/--from-motion"))
    return meetings.check_refs(scope, meeting_id, motion_id)


def meeting_disclosure(scope: Scope, meeting_id: int, *, post_on: dt.date | None = None,
                       contact: str | None = None) -> Disclosure:
    meetings = _meetings_module()
    if meetings is None:
        raise JuweiError(t("meetings are not recorded in this version of juwei"))
    return meetings.meeting_disclosure(scope, meeting_id, post_on=post_on, contact=contact)
