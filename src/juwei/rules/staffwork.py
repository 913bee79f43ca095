"""Staff work (S28) and gifts (S27), as pure rules: the monthly summary each serving staff member owes, and
how an offered gift was handled.

S28: professional staff keep a work log (工作日志) and write a monthly summary (月度工作小结). The seed's rule
names no deadline; the profile's ``staff_summary_days`` (days after the month ends) is a default not yet
checked against an official text. S27: cadres accept no gifts of money or goods; the **reading** juwei takes
is a register of what was offered and how it was handled (declined, returned, handed in), which the
committee may post on the board.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable

from juwei.errors import ValidationError
from juwei.i18n import t
from juwei.rules.months import Month, month_of, parse_month  # noqa: F401  (the staff's monthly summaries)


class GiftHandling(StrEnum):  # S27: what became of a gift offered to a cadre; labels: kind "gift handling"
    DECLINED = "declined"  # 婉拒
    RETURNED = "returned"  # 退还
    HANDED_IN = "handed-in"  # 上交


# What a clerk also writes for a handling
HANDLING_ALIASES = {"拒收": "declined", "谢绝": "declined", "退回": "returned", "上缴": "handed-in",
                    "handed in": "handed-in"}


def summary_due(month: Month, days: int) -> dt.date:
    """S28: the last day for a month's summary: ``days`` after the month's last day."""
    return month.last + dt.timedelta(days=days)


@dataclass(frozen=True)
class OwedSummary:
    month: Month
    due: dt.date
    overdue: bool


def summaries_owed(start: dt.date, last_day: dt.date | None, written: Iterable[Month], on: dt.date, days: int,
                   *, lookback: int = 12) -> list[OwedSummary]:
    """S28: the monthly summaries a staff member serving from ``start`` (to ``last_day``, if ended) owes on
    ``on``: one for each month served in, once that month has ended, not yet ``written``. Only the last
    ``lookback`` ended months are asked for (a register kept from today does not owe years of summaries)."""
    done = set(written)
    current = month_of(on)
    owed: list[OwedSummary] = []
    back = current.year * 12 + current.month - 1 - lookback
    month = max(month_of(start), Month(back // 12, back % 12 + 1))
    while month < current:
        served = last_day is None or last_day >= month.first
        if served and month not in done:
            due = summary_due(month, days)
            owed.append(OwedSummary(month, due, due < on))
        month = month.next()
    return owed


def check_value(fen: int | None) -> int | None:
    """A gift's estimated value in fen: not negative (None: not estimated)."""
    if fen is not None and fen < 0:
        raise ValidationError(t("a value is not negative"))
    return fen
