"""The disclosure board's arithmetic (居务公开, docs/rules.md S20–S26): periods, money, due dates, accounts.

Pure: no database, no I/O. Money is integer fen (分) everywhere inside juwei; :class:`decimal.Decimal`
only at the edges (what the clerk types, what a spreadsheet cell holds), never float arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Iterable

from juwei.errors import ValidationError
from juwei.i18n import language, t
from juwei.rules.codes import find_code
from juwei.rules.profiles import Cadence
from juwei.rules.text import odd_digit


class DisclosureStatus(StrEnum):  # where a disclosure stands on a day
    DRAFT = "draft"
    POSTED = "posted"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


class DisclosureCategory(StrEnum):  # what a disclosure is about (S20–S26); labels: kind "disclosure category"
    FINANCE = "finance"
    RESOLUTION = "resolution"
    DECISION = "decision"
    WELFARE = "welfare"
    PERSONNEL = "personnel"
    ASSEMBLY = "assembly"
    DUTIES = "duties"
    EVALUATION = "evaluation"  # S19: the results of a democratic evaluation
    GIFTS = "gifts"  # S27 (reading): the gift register, when the committee chooses to post it
    OTHER = "other"


class Direction(StrEnum):  # a ledger entry's direction (收支); labels: kind "ledger direction"
    INCOME = "income"  # 收入
    EXPENSE = "expense"  # 支出


class ExpenseCategory(StrEnum):  # S20: what the account must show expenses by; labels: kind "expense category"
    WAGES = "wages"
    WELFARE = "welfare"
    CONSTRUCTION = "construction"
    ACTIVITIES = "activities"
    OFFICE = "office"
    OTHER = "other"


class ObligationStatus(StrEnum):  # where a duty to the board stands on a day; labels: kind "obligation status"
    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"
    LATE = "late"
    MISSED = "missed"


CATEGORIES = tuple(DisclosureCategory)
# Shorthands clerks write for a direction, besides the code and its label (收入/支出).
DIRECTION_ALIASES = {"收": "income", "in": "income", "支": "expense", "out": "expense"}
# S20: what the account must show expenses by. Income is shown by source, whatever the clerk calls it.
EXPENSE_CATEGORIES = {
    "wages": ("wages", "工资", "人员工资", "工资福利", "补贴", "salary"),
    "welfare": ("welfare", "福利", "救助", "民生", "福利救助"),
    "construction": ("construction", "community construction", "社区建设", "建设", "工程", "基础设施"),
    "activities": ("activities", "activity", "活动", "活动经费", "文体活动"),
    "office": ("office", "office/public affairs", "public affairs", "办公", "办公经费", "公务", "公务费",
               "办公/公务"),
    "other": ("other", "其他", "其它"),
}
EXPENSE_ZH = {"wages": "工资", "welfare": "福利救助", "construction": "社区建设", "activities": "活动经费",
              "office": "办公及公务", "other": "其他"}
# What a clerk may type besides the code and its label: every alias, and the words juwei's own export prints
# (an export imports back).
EXPENSE_ALIASES = {alias: key for key, aliases in EXPENSE_CATEGORIES.items() for alias in (*aliases, EXPENSE_ZH[key])}


# ---------------------------------------------------------------- money (元 ↔ 分)

_MONEY = re.compile(r"^[0-9]+(\.[0-9]{1,2})?$")
_GROUPED = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]{1,2})?$")


def parse_money(value: Any) -> int:
    """``1234.56``, ``1,234.56``, ``¥1,234.56``, ``1234.56元``, full-width digits, or a spreadsheet number
    → 123456 fen. Refuses negatives, more than two decimals and malformed grouping."""
    allowed = t("an amount in yuan such as 1234.56, 1,234.56 or ¥1,234.56 (at most two decimals, not negative)")
    if isinstance(value, bool) or value is None:
        raise ValidationError(allowed)
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        # A spreadsheet's number cell: its shortest repr is what the clerk typed (1234.56, not 1234.5599…).
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(allowed)
        amount = Decimal(repr(value))
    elif isinstance(value, Decimal):
        amount = value
    else:
        text = str(value).strip()
        if not text.isascii():
            if odd_digit(text):  # ² or ① would fold to a digit: not an amount anyone typed
                raise ValidationError(t("'{value}' is not {allowed}", value=str(value)[:30], allowed=allowed))
            text = unicodedata.normalize("NFKC", text).strip()
        text = text.replace(" ", "")
        for mark in ("¥", "RMB", "CNY"):  # NFKC folds the full-width ￥ to ¥
            if text.upper().startswith(mark):
                text = text[len(mark):]
        if text.endswith("元"):
            text = text[:-1]
        if _GROUPED.match(text):
            text = text.replace(",", "")
        if not _MONEY.match(text):
            raise ValidationError(t("'{value}' is not {allowed}", value=str(value)[:30], allowed=allowed))
        # Exact integer arithmetic on the digits: no float, and no Decimal needed for typed text.
        whole, _, cents = text.partition(".")
        fen = int(whole) * 100 + int((cents + "00")[:2])
        if fen > 10 ** 15:
            raise ValidationError(t("'{value}' is too large for a community account", value=str(value)[:30]))
        return fen
    try:
        if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(t("'{value}' is not {allowed}", value=str(value)[:30], allowed=allowed))
    except InvalidOperation:
        raise ValidationError(t("'{value}' is not {allowed}", value=str(value)[:30], allowed=allowed)) from None
    fen = int(amount * 100)
    if fen > 10 ** 15:
        raise ValidationError(t("'{value}' is too large for a community account", value=str(value)[:30]))
    return fen


def yuan_to_fen(amount: Decimal) -> int:
    """A rules-profile money value (Decimal yuan, two places) in fen."""
    return int(amount.quantize(Decimal("0.01")) * 100)


def format_fen(fen: int, *, sign: bool = False) -> str:
    """123456 → ``1,234.56``; negative balances keep their minus sign."""
    neg = fen < 0
    whole, cents = divmod(abs(fen), 100)
    text = f"{whole:,}.{cents:02d}"
    if neg:
        return "-" + text
    return ("+" + text) if sign and fen > 0 else text


def parse_direction(value: Any) -> Direction:
    """A ledger direction as a clerk writes it, in a cell or an option: the code, its label (收入/支出) or a
    shorthand (收, 支, in, out)."""
    found = find_code(Direction, "ledger direction", value, DIRECTION_ALIASES)
    if found is None:
        raise ValidationError(t("'{value}' is not income or expense (收入/支出)", value=str(value or "")[:20]))
    return found


def parse_category(direction: str, value: Any) -> str:
    """An expense category from the S20 list (Chinese accepted); an income source as the clerk names it."""
    raw = unicodedata.normalize("NFKC", str(value or "")).strip()
    if direction == Direction.EXPENSE:
        key = find_code(ExpenseCategory, "expense category", raw, EXPENSE_ALIASES)
        if key is None:
            raise ValidationError(t("'{value}' is not an expense category; use one of {allowed}",
                                    value=raw[:30], allowed=", ".join(
                                        f"{k} ({EXPENSE_ZH[k]})" for k in EXPENSE_CATEGORIES)))
        return key
    if not raw:
        raise ValidationError(t("an income source is required (e.g. 上级拨款, 捐赠, 服务收入)"))
    if len(raw) > 50 or any(ord(c) < 32 for c in raw):
        raise ValidationError(t("an income source is at most 50 characters, without control characters"))
    return raw


# ---------------------------------------------------------------- periods (2026-Q3, 2026-H1, 2026-07, 2026)

@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str

    def __str__(self) -> str:
        return self.label


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(Q)([1-4])|(H)([12])|(\d{1,2})))?$")


def parse_period(value: str) -> Period:
    """``2026-Q3`` (quarter), ``2026-H1`` (half year), ``2026-07`` (month), ``2026`` (year)."""
    text = unicodedata.normalize("NFKC", str(value)).strip().upper().replace("年", "")
    match = _PERIOD.match(text)
    if not match or not 1900 <= int(match.group(1)) <= 2999:
        raise ValidationError(t("'{value}' is not a period; use 2026-Q3, 2026-H1, 2026-07 or 2026",
                                value=str(value)[:20]))
    year = int(match.group(1))
    if match.group(2):
        q = int(match.group(3))
        return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}-Q{q}")
    if match.group(4):
        h = int(match.group(5))
        return Period(dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), f"{year}-H{h}")
    if match.group(6):
        month = int(match.group(6))
        if not 1 <= month <= 12:
            raise ValidationError(t("'{value}' is not a period; use 2026-Q3, 2026-H1, 2026-07 or 2026",
                                    value=str(value)[:20]))
        return Period(dt.date(year, month, 1), _month_end(year, month), f"{year}-{month:02d}")
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}")


_QUARTERS_ZH = "一二三四"


def period_zh(label: str | None) -> str:
    """A period as a Chinese notice writes it: ``2026-Q3`` → 2026年第三季度, ``2026-H1`` → 2026年上半年,
    ``2026-07`` → 2026年7月, ``2026`` → 2026年度. Anything else is returned as it is."""
    match = _PERIOD.match(label or "")
    if not match:
        return label or ""
    year = match.group(1)
    if match.group(2):
        return f"{year}年第{_QUARTERS_ZH[int(match.group(3)) - 1]}季度"
    if match.group(4):
        return f"{year}年{'上' if match.group(5) == '1' else '下'}半年"
    if match.group(6):
        return f"{year}年{int(match.group(6))}月"
    return f"{year}年度"


def _period_words(label: str) -> str:
    """A period in the clerk's language: 2026年第三季度 in Chinese; English keeps the typed 2026-Q3."""
    return period_zh(label) if language() == "zh_CN" else label


def period_containing(cadence: str, day: dt.date) -> Period | None:
    """The period of ``cadence`` (monthly, quarterly, half-yearly, yearly) that holds ``day``."""
    if cadence == Cadence.QUARTERLY:
        return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")
    if cadence == Cadence.HALF_YEARLY:
        return parse_period(f"{day.year}-H{1 if day.month <= 6 else 2}")
    if cadence == Cadence.MONTHLY:
        return parse_period(f"{day.year}-{day.month:02d}")
    if cadence == Cadence.YEARLY:
        return parse_period(f"{day.year}")
    return None  # weekly/none: no finance periods (weekly accounts are not a thing S20 asks for)


def ended_periods(cadence: str, since: dt.date, on: dt.date) -> list[Period]:
    """Every period of ``cadence`` from the one holding ``since`` that has ended before ``on``."""
    out: list[Period] = []
    period = period_containing(cadence, since)
    while period is not None and period.end < on:
        out.append(period)
        period = period_containing(cadence, period.end + dt.timedelta(days=1))
    return out


# ---------------------------------------------------------------- obligations

@dataclass
class Obligation:
    """Something owed to the board: ``subject`` is its stable key (``finance:2026-Q3``, ``meeting:4:results``)."""

    rule: str
    subject: str
    title: str
    due: dt.date
    period: str | None = None
    posted_on: dt.date | None = None
    disclosure_id: int | None = None
    overdue: bool = False
    late: bool = False
    status: ObligationStatus = ObligationStatus.OPEN
    meeting_id: int | None = None  # the meeting it belongs to (S21, S25)
    lapses: dt.date | None = None  # after this day it can no longer be met (a notice after its meeting)


def settle(obligation: Obligation, on: dt.date) -> Obligation:
    """Fill ``status``/``overdue``/``late`` from the posting date (if any) as seen on ``on``. An obligation
    that lapsed unmet (S25: a meeting held without its notice on the board) is ``missed``, for good."""
    if obligation.posted_on is not None and obligation.posted_on <= on:
        obligation.late = obligation.posted_on > obligation.due
        obligation.overdue = False
        obligation.status = ObligationStatus.LATE if obligation.late else ObligationStatus.DONE
    else:
        obligation.posted_on = None if obligation.posted_on and obligation.posted_on > on else obligation.posted_on
        obligation.overdue = on > obligation.due
        obligation.status = ObligationStatus.OVERDUE if obligation.overdue else ObligationStatus.OPEN
        if obligation.lapses is not None and on > obligation.lapses:
            obligation.status = ObligationStatus.MISSED
    return obligation


def finance_obligations(*, cadence: str, yearly: bool, deadline_days: int, since: dt.date,
                        on: dt.date) -> list[Obligation]:
    """S20: an account for each ended period of the cadence, and the full year after year end."""
    seen: set[str] = set()
    out: list[Obligation] = []
    kinds = [cadence] + (["yearly"] if yearly and cadence != "yearly" else [])
    for kind in kinds:
        for period in ended_periods(kind, since, on):
            if period.label in seen:
                continue
            seen.add(period.label)
            title = (t("full-year finance account {period}", period=period.label) if kind == "yearly"
                     else t("finance account {period}", period=_period_words(period.label)))
            out.append(Obligation("S20", f"finance:{period.label}", title,
                                  period.end + dt.timedelta(days=deadline_days), period=period.label))
    out.sort(key=lambda o: (o.due, o.subject))
    return out


def welfare_post_by(starts: dt.date, objection_days: int) -> dt.date:
    """S23: the last day a welfare list may go up so the objection window runs out before the benefit."""
    return starts - dt.timedelta(days=objection_days)


# ---------------------------------------------------------------- accounts (S20)

@dataclass
class AccountLine:
    category: str
    fen: int


@dataclass
class ItemisedExpense:
    day: dt.date
    voucher: str
    category: str
    description: str
    fen: int


@dataclass
class Account:
    """A period's finance account: everything in fen, reconciling exactly with the ledger."""

    period: str
    start: dt.date
    end: dt.date
    opening_fen: int
    income: list[AccountLine] = field(default_factory=list)
    expense: list[AccountLine] = field(default_factory=list)
    income_fen: int = 0
    expense_fen: int = 0
    closing_fen: int = 0
    entries: int = 0
    itemise_over_fen: int = 0
    itemised: list[ItemisedExpense] = field(default_factory=list)


def build_account(period: Period, opening_fen: int, totals: Iterable[tuple[str, str, int, int]],
                  itemised: Iterable[ItemisedExpense], itemise_over_fen: int) -> Account:
    """Assemble an account from ``(direction, category, fen, count)`` totals of the period's entries.

    Expense lines list every S20 category (zero when nothing was spent) in the order S20 names them;
    income lines are the sources seen, largest first.
    """
    income: dict[str, int] = {}
    expense: dict[str, int] = {key: 0 for key in EXPENSE_CATEGORIES}
    count = 0
    for direction, category, fen, n in totals:
        bucket = income if direction == "income" else expense
        bucket[category] = bucket.get(category, 0) + int(fen)
        count += int(n)
    income_fen, expense_fen = sum(income.values()), sum(expense.values())
    return Account(
        period=period.label, start=period.start, end=period.end, opening_fen=opening_fen,
        income=[AccountLine(k, v) for k, v in sorted(income.items(), key=lambda kv: (-kv[1], kv[0]))],
        expense=[AccountLine(k, v) for k, v in expense.items()],
        income_fen=income_fen, expense_fen=expense_fen,
        closing_fen=opening_fen + income_fen - expense_fen, entries=count,
        itemise_over_fen=itemise_over_fen, itemised=list(itemised),
    )
