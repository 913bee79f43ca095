"""The community's clock: every instant is stored in UTC and shown in the community's own time zone.

A sign-in at 05:24 in Shanghai is 21:24 UTC the day before; a clerk must read 05:24, and "today" is the
clerk's day, not Greenwich's. The zone is the community's setting (``community.timezone``; None means
:data:`DEFAULT_TIMEZONE`). The meeting's own time (``meeting.at``) is already local wall-clock time, as
the notice gives it, and is never converted.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from juwei.errors import ValidationError
from juwei.i18n import t

DEFAULT_TIMEZONE = "Asia/Shanghai"  # China Standard Time, the whole country's legal time


def zone(name: str | None) -> zoneinfo.ZoneInfo:
    """The zone called ``name`` (None: the default). An unknown name is refused with what to give."""
    name = (name or DEFAULT_TIMEZONE).strip()
    try:
        if not name or name.startswith(("/", ".")) or ".." in name:
            raise ValueError(name)
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(t("time zone '{zone}' is not known; give an IANA zone name like {example}",
                                zone=name, example=DEFAULT_TIMEZONE)) from None


def check_zone(name: str) -> str:
    """``name`` cleaned, once it is known to be a zone (an empty name is not one)."""
    zone(name.strip() or " ")
    return name.strip()


def to_local(instant: dt.datetime, tz: str | None) -> dt.datetime:
    """A stored instant as the community's wall clock (aware, in its zone). A naive value is UTC."""
    if instant.utcoffset() is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(zone(tz))


def from_local(wall: dt.datetime, tz: str | None) -> dt.datetime:
    """The community's wall-clock time as a UTC instant (an aware value is converted as it is)."""
    if wall.utcoffset() is None:
        wall = wall.replace(tzinfo=zone(tz))
    return wall.astimezone(dt.UTC)


def day_start(day: dt.date, tz: str | None) -> dt.datetime:
    """The UTC instant at which ``day`` begins in the community (for "events on or after DAY")."""
    return from_local(dt.datetime.combine(day, dt.time()), tz)


def local_today(tz: str | None, now: dt.datetime | None = None) -> dt.date:
    """The clerk's date in the community's zone."""
    return to_local(now or dt.datetime.now(dt.UTC), tz).date()


_STORED_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)")


def stored_instant(value: object) -> dt.datetime | None:
    """``value`` as an instant when it is one as stored (ISO 8601 with its offset, e.g. an audit event's
    ``checked_in_at``); None for anything else, dates and plain text included."""
    if isinstance(value, str) and _STORED_INSTANT.fullmatch(value):
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return None


def local_text(instant: dt.datetime | str | None, tz: str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An instant printed as the community's wall clock; '' for none. Accepts stored ISO text."""
    if instant is None or instant == "":
        return ""
    if isinstance(instant, str):
        instant = dt.datetime.fromisoformat(instant)
    return to_local(instant, tz).strftime(fmt)
