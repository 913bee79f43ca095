"""Dates as clerks type them and spreadsheets store them.

Accepted: ISO ``2026-03-05``, ``2026/3/5``, ``2026.3.5``, ``2026年3月5日``, ``20260305``, Excel date cells
(``datetime``/``date``) and Excel serial numbers. The fixed forms are tried first; python-dateutil is the
fallback for anything else and is imported only then (it parses ~16k dates/s, the fixed forms far more).

Refused, never guessed: a date with the year last (``01/02/2026`` is 2 January read the American way and
1 February the European way; in China dates are written year first) or a two-digit year; a date missing its
day, month or year (``1999-12``, ``-5``: the parser would fill in the 1st or the year 1); digits that are
not 0-9 or their full-width forms (``²``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from juwei.errors import ValidationError
from juwei.i18n import t
from juwei.rules.text import fold, odd_digit

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SEP = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
_CN = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Three numbers anywhere in the text (also before a time): only a four-digit year first is unambiguous.
_THREE_NUMBERS = re.compile(r"(?<!\d)(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?!\d)")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# The years a meeting or a duty may be dated (from the People's Republic on): arithmetic on ages, terms and
# periods stays inside the calendar (9999-12-31 plus a period would overflow it).
WORKING_YEARS = (1949, 2199)
_DATE_FORMS = "2026-03-05, 2026/3/5, 2026年3月5日"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _shown(text: object) -> str:
    """The value as an error message may echo it: short, one line, no control characters."""
    return _CONTROL.sub("?", str(text))[:40]


def _date_or_error(text: str, y: str, m: str, d: str) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        raise ValidationError(t("'{text}' is not a real date", text=_shown(text))) from None


def parse_date(value: object) -> dt.date:
    """Parse one date; raise ValidationError saying which forms are accepted."""
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:  # ISO, the common case: C speed
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # e.g. full-width digits or an impossible day: the general path explains
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, int) and 10000101 <= value <= 99991231:  # 20260305 typed into a number cell
            return parse_date(str(value))
        # An Excel serial day number (1900 date system).
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValidationError(t("'{text}' is not a date; use {forms}", text=value, forms=_DATE_FORMS))
    raw = str(value)
    odd = odd_digit(raw)
    if odd is not None:
        raise ValidationError(t("'{text}' is not a date: '{char}' is not a digit 0-9; use {forms}",
                                text=_shown(raw), char=odd, forms=_DATE_FORMS))
    text = fold(raw).strip()
    for pattern in (_ISO, _SEP, _CN, _COMPACT):
        match = pattern.match(text)
        if match:
            return _date_or_error(text, *match.groups())
    if not text or "\x00" in text or len(text) > 40:
        raise ValidationError(t("'{text}' is not a date; use {forms}", text=_shown(text), forms=_DATE_FORMS))
    for match in _THREE_NUMBERS.finditer(text):
        if len(match.group(1)) != 4:
            _refuse_year_not_first(text, *match.groups())
    return _parse_free_text(text)


def _refuse_year_not_first(text: str, first: str, second: str, last: str) -> None:
    """``01/02/2026``: name both readings and the form to type; ``01/02/26``: ask for the whole year."""
    if len(last) != 4:
        raise ValidationError(t("'{text}' does not say which number is the year; type the date year first with "
                                "four digits, e.g. 2026-03-05", text=_shown(text)))
    readings = []
    for month, day in ((first, second), (second, first)):
        try:
            reading = dt.date(int(last), int(month), int(day)).isoformat()
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    if not readings:
        raise ValidationError(t("'{text}' is not a real date", text=_shown(text)))
    if len(readings) == 1:
        raise ValidationError(t("'{text}' has the year last; type the date year first: {iso}",
                                text=_shown(text), iso=readings[0]))
    raise ValidationError(t("'{text}' is ambiguous: {month_first} (month first) or {day_first} (day first); "
                            "type the date year first, as {month_first} or {day_first}", text=_shown(text),
                            month_first=readings[0], day_first=readings[1]))


def _parse_free_text(text: str) -> dt.date:
    """The lenient fallback (``5 March 2026``, ``2026-03-05 00:00:00``). A part the text does not give is
    refused, not filled in: the text is read against two different defaults and must give the same day."""
    from dateutil import parser

    days = []
    for default in (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2)):
        try:
            days.append(parser.parse(text, yearfirst=True, dayfirst=False, default=default).date())
        except (ValueError, OverflowError, parser.ParserError):
            raise ValidationError(t("'{text}' is not a date; use {forms}", text=_shown(text),
                                    forms=_DATE_FORMS)) from None
    if days[0] != days[1]:
        raise ValidationError(t("'{text}' is not a whole date: give year, month and day, e.g. 2026-03-05",
                                text=_shown(text)))
    return days[0]


def parse_datetime(value: object) -> dt.datetime:
    """Parse ``YYYY-MM-DD HH:MM`` (also with the date forms above, and ``T``); naive local time."""
    if isinstance(value, dt.datetime):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip().replace("T", " ")
    date_part, _, time_part = text.partition(" ")
    day = parse_date(date_part)
    time_part = time_part.strip()
    if not time_part:
        raise ValidationError(t("'{text}' needs a time: use YYYY-MM-DD HH:MM", text=text))
    match = re.match(r"^(\d{1,2})[:：](\d{2})$", time_part) or re.match(r"^(\d{1,2})时(\d{2})分?$", time_part)
    if not match:
        raise ValidationError(t("'{text}' has no valid time; use YYYY-MM-DD HH:MM", text=text))
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ValidationError(t("'{text}' has no valid time; use YYYY-MM-DD HH:MM", text=text))
    return dt.datetime.combine(day, dt.time(hour, minute))


def parse_duration_days(text: str) -> int:
    """``90d``, ``12w``, ``6m`` (30-day months), ``1y`` or a bare number of days."""
    raw = unicodedata.normalize("NFKC", str(text)).strip().lower()
    match = re.match(r"^(\d{1,5})\s*([dwmy]?)$", raw)
    if not match:
        raise ValidationError(t("'{text}' is not a period; use e.g. 90d, 12w, 6m or 1y", text=text))
    n, unit = int(match.group(1)), match.group(2) or "d"
    return n * {"d": 1, "w": 7, "m": 30, "y": 365}[unit]


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later; 29 February falls on 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
