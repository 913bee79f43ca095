"""A calendar month (2026-07): what monthly duties are counted in — the sentiment report (S12) and the staff's
monthly summary (S28) — and how a clerk writes one (2026-07, 2026/7, 2026年7月)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from juwei.errors import ValidationError, named
from juwei.i18n import t


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def next(self) -> "Month":
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> "Month":
        return Month(self.year - (self.month == 1), 12 if self.month == 1 else self.month - 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def zh(self) -> str:
        return f"{self.year}年{self.month}月"


def month_of(day: dt.date) -> Month:
    return Month(day.year, day.month)


_MONTH = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")


def parse_month(value: object, field: str = "month") -> Month:
    """``2026-07`` (also 2026/7, 2026年7月) → a month; anything else is refused naming ``field``."""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _MONTH.match(text)
    if not match or not 1900 <= int(match.group(1)) <= 2999 or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError(t("{field}: '{value}' is not a month; use YYYY-MM, e.g. 2026-07",
                                field=named(field), value=text[:20]))
    return Month(int(match.group(1)), int(match.group(2)))
