"""The finance ledger (收支明细) and the accounts it yields (S20).

Money is integer fen. An import is all or nothing: every row is checked first and every problem is
reported with its row number; nothing is written unless the whole file is clean.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from sqlalchemy import func, insert
from sqlmodel import select

from juwei.errors import JuweiError, ValidationError
from juwei.i18n import t
from juwei.rules import disclosure as rules
from juwei.rules.dates import add_years
from juwei.rules.disclosure import Direction
from juwei.rules.records import FieldError, clean_date
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models import LedgerEntry
from juwei.storage.models.base import utcnow

LEDGER_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("日期", "day", "记账日期"),
    "amount": ("金额", "金额(元)", "金额（元）"),
    "direction": ("收支", "类型", "收/支"),
    "category": ("类别", "科目", "来源"),
    "description": ("摘要", "说明", "事由"),
    "voucher": ("凭证号", "凭证", "凭证编号"),
}
LEDGER_REQUIRED = ("date", "amount", "direction", "category", "voucher")
MAX_PROBLEMS = 50


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def ledger_window(scope: Scope) -> tuple[dt.date, dt.date]:
    """The dates a ledger entry may have: today, back ``ledger_history_years`` (rules profile; accounting
    records are kept 30 years). A date outside is a typo (1900, 9999), and would make every period since
    it an overdue S20 account."""
    years = rules_on(scope, scope.today).ledger_history_years
    return add_years(scope.today, -years), scope.today


def clean_entry(values: Mapping[str, Any], window: tuple[dt.date, dt.date] | None = None) -> dict[str, Any]:
    """One ledger row, field by field; raises :class:`FieldError` naming the field."""
    day = clean_date("date", values.get("date"))
    if day is None:
        raise FieldError("date", t("a date is required"))
    if window is not None and not window[0] <= day <= window[1]:
        raise FieldError("date", t("{day} is not between {first} and today ({last}): a ledger entry records money "
                                   "that has moved, at most {years} years ago (rules key ledger_history_years)",
                                   day=day, first=window[0], last=window[1], years=window[1].year - window[0].year))
    try:
        fen = rules.parse_money(values.get("amount"))
    except ValidationError as exc:
        raise FieldError("amount", exc.message) from None
    if fen == 0:
        raise FieldError("amount", t("an entry of 0.00 records nothing"))
    try:
        direction = rules.parse_direction(values.get("direction"))
    except ValidationError as exc:
        raise FieldError("direction", exc.message) from None
    try:
        category = rules.parse_category(direction, values.get("category"))
    except ValidationError as exc:
        raise FieldError("category", exc.message) from None
    voucher = _text(values.get("voucher"))
    if not voucher or len(voucher) > 64 or any(ord(c) < 32 for c in voucher):
        raise FieldError("voucher", t("a voucher number (凭证号) is required, at most 64 characters"))
    description = _text(values.get("description"))
    if len(description) > 300 or any(ord(c) < 32 or c == "\x7f" for c in description):
        # A one-line summary: a control character would not survive a spreadsheet (export, import back).
        raise FieldError("description", t("at most 300 characters, without control characters"))
    return {"day": day, "amount_fen": fen, "direction": direction.value, "category": category,
            "description": description, "voucher": voucher}


def _existing_vouchers(scope: Scope, vouchers: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(vouchers), 500):
        chunk = vouchers[i:i + 500]
        found.update(scope.session.exec(select(LedgerEntry.voucher).where(
            LedgerEntry.community_id == scope.community_id, LedgerEntry.voucher.in_(chunk))).all())
    return found


def add_entry(scope: Scope, values: Mapping[str, Any]) -> LedgerEntry:
    clean = clean_entry(values, ledger_window(scope))
    if _existing_vouchers(scope, [clean["voucher"]]):
        raise FieldError("voucher", t("voucher '{voucher}' is already in the ledger", voucher=clean["voucher"]))
    entry = LedgerEntry(community_id=scope.community_id, **clean)
    scope.session.add(entry)
    audit.record_row(scope, "ledger.add", "ledger_entry", entry)
    return entry


@dataclass
class ImportResult:
    file: str
    imported: int
    income_fen: int
    expense_fen: int
    first_day: dt.date | None
    last_day: dt.date | None


def import_ledger(scope: Scope, path: str | Path) -> ImportResult:
    """Import every row of a .csv/.xlsx ledger, or none: problems are collected with row numbers."""
    from juwei.services import exports
    from juwei.services.sheets import read_table

    path = Path(path)
    clean_rows: list[dict[str, Any]] = []
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    window = ledger_window(scope)
    for number, values in read_table(path, LEDGER_COLUMNS, LEDGER_REQUIRED):
        try:
            clean = clean_entry({key: exports.unguard_cell(value) for key, value in values.items()}, window)
        except FieldError as exc:
            problems.append((number, t("row {row}: {problem}", row=number, problem=exc.message)))
            continue
        first = seen.get(clean["voucher"])
        if first is not None:
            problems.append((number, t("row {row}: voucher: '{voucher}' repeats row {first}", row=number,
                                       voucher=clean["voucher"], first=first)))
            continue
        seen[clean["voucher"]] = number
        clean["_row"] = number
        clean_rows.append(clean)
    numbered = list(problems)
    for voucher in _existing_vouchers(scope, list(seen)):
        numbered.append((seen[voucher], t("row {row}: voucher: '{voucher}' is already in the ledger",
                                          row=seen[voucher], voucher=voucher)))
    messages = [p for _, p in sorted(numbered, key=lambda item: item[0])]
    if messages:
        shown = messages[:MAX_PROBLEMS]
        if len(messages) > MAX_PROBLEMS:
            shown.append(t("… and {n} more", n=len(messages) - MAX_PROBLEMS))
        raise ValidationError(t("{file}: {n} problem(s); nothing was imported", file=path.name, n=len(messages)),
                              problems=shown)
    if not clean_rows:
        raise ValidationError(t("{file} has no ledger rows", file=path.name))
    now = utcnow()
    rows = [{"community_id": scope.community_id, "created_at": now,
             **{k: v for k, v in row.items() if k != "_row"}} for row in clean_rows]
    # Core executemany (no per-row RETURNING) is several times faster. The new rows are those above the
    # highest id before (the transaction holds the write lock); one audit event holds their fingerprints.
    table = LedgerEntry.__table__
    last_id = scope.session.exec(select(func.coalesce(func.max(LedgerEntry.id), 0))).one()
    for i in range(0, len(rows), 10_000):
        scope.session.execute(insert(table), rows[i:i + 10_000])
    audit.record_set(scope, "ledger.import", "ledger_entry", last_id, source=path.name)
    income = sum(r["amount_fen"] for r in rows if r["direction"] == Direction.INCOME)
    return ImportResult(path.name, len(rows), income, sum(r["amount_fen"] for r in rows) - income,
                        min(r["day"] for r in rows), max(r["day"] for r in rows))


@dataclass
class EntryRow:
    id: int
    date: dt.date
    direction: str
    category: str
    amount: str
    amount_fen: int
    description: str
    voucher: str


def list_entries(scope: Scope, *, period: str | None = None, direction: Direction | None = None,
                 limit: int | None = None) -> list[EntryRow]:
    query = select(LedgerEntry).where(LedgerEntry.community_id == scope.community_id)
    if period:
        p = rules.parse_period(period)
        query = query.where(LedgerEntry.day >= p.start, LedgerEntry.day <= p.end)
    if direction:
        query = query.where(LedgerEntry.direction == rules.parse_direction(direction))
    query = query.order_by(LedgerEntry.day, LedgerEntry.id)
    if limit:
        query = query.limit(limit)
    return [EntryRow(e.id, e.day, e.direction, e.category, rules.format_fen(e.amount_fen), e.amount_fen,
                     e.description, e.voucher) for e in scope.session.exec(query).all()]


def _net_before(scope: Scope, day: dt.date) -> int:
    rows = scope.session.exec(select(LedgerEntry.direction, func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
                              .where(LedgerEntry.community_id == scope.community_id, LedgerEntry.day < day)
                              .group_by(LedgerEntry.direction)).all()
    totals = {direction: int(total) for direction, total in rows}
    return totals.get(Direction.INCOME, 0) - totals.get(Direction.EXPENSE, 0)


def account(scope: Scope, period: str) -> rules.Account:
    """S20: opening balance, income by source, expense by category, closing balance, and every expense
    above the profile's itemising threshold, for ``period`` (2026-Q3, 2026-H1, 2026-07, 2026)."""
    p = rules.parse_period(period)
    threshold = rules.yuan_to_fen(rules_on(scope, p.end).disclosure_itemise_expense_over)
    in_period = (LedgerEntry.community_id == scope.community_id, LedgerEntry.day >= p.start,
                 LedgerEntry.day <= p.end)
    totals = scope.session.exec(
        select(LedgerEntry.direction, LedgerEntry.category, func.sum(LedgerEntry.amount_fen), func.count())
        .where(*in_period).group_by(LedgerEntry.direction, LedgerEntry.category)).all()
    big = scope.session.exec(
        select(LedgerEntry).where(*in_period, LedgerEntry.direction == Direction.EXPENSE,
                                  LedgerEntry.amount_fen > threshold)
        .order_by(LedgerEntry.day, LedgerEntry.id)).all()
    itemised = [rules.ItemisedExpense(e.day, e.voucher, e.category, e.description, e.amount_fen) for e in big]
    return rules.build_account(p, _net_before(scope, p.start), totals, itemised, threshold)


def first_entry_day(scope: Scope) -> dt.date | None:
    return scope.session.exec(select(func.min(LedgerEntry.day)).where(
        LedgerEntry.community_id == scope.community_id)).one()


def require_entries(scope: Scope) -> None:
    if first_entry_day(scope) is None:
        raise JuweiError(t("the ledger is empty; add entries with `juwei ledger add` or `juwei ledger import`"))


# ---------------------------------------------------------------- export (.csv / .xlsx)

EXPORT_HEADER = ("日期", "金额", "收支", "类别", "摘要", "凭证号")


def export_ledger(scope: Scope, out: str | Path, *, period: str | None = None, force: bool = False) -> int:
    """Write the ledger (or one period of it) as .csv (UTF-8 with BOM, for Excel) or .xlsx; the file can be
    imported again (owner-only: descriptions may name residents). Returns the number of entries written."""
    from decimal import Decimal

    from juwei.services import exports, files

    out = files.out_file(out, force=force)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(t("{path}: use a .csv or .xlsx file", path=out.name))
    entries = list_entries(scope, period=period)
    rows = [(e.date, Decimal(f"{e.amount_fen // 100}.{e.amount_fen % 100:02d}"),
             "收入" if e.direction == Direction.INCOME else "支出",
             rules.EXPENSE_ZH.get(e.category, e.category) if e.direction == Direction.EXPENSE else e.category,
             e.description, e.voucher) for e in entries]
    return exports.write_table(out, suffix[1:], exports.Table("收支明细", EXPORT_HEADER, rows), force=force)
