"""Signing in at the door (签到; who is present is what the quorum counts, S7): the seat code printed as a
QR code, what a scanner types, and when a sign-in copied from the paper sheet may say it happened.

**The seat code, version 1.** ``JW1:<community code>:<meeting id>:<seat>``, e.g. ``JW1:dc:7:12`` — seat 12
of meeting 7 of the community whose code is ``dc``. The community code is percent-encoded (UTF-8) where it
is not ASCII letters, digits, ``-`` or ``_``, so the code a scanner types is always plain ASCII: a USB
scanner in keyboard mode cannot type Chinese. It holds no name and no ID number: a lost seat card tells
nothing about its holder. The prefix names the version, so a later form (``JW2:…``) can be told apart and
refused clearly by a juwei that does not read it; ``JW`` and the community code are read case-blind
(a scanner typing with Caps Lock on). A meeting's roll is numbered when it is convened and taken afresh
when it is rescheduled, so cards print from the roll as it stands.

**A line at the door** is one of: a seat code, an 18-character ID number (an ID-card reader types it; the
check character is checked, GB 11643), or a seat number typed by hand.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote

from juwei.errors import ValidationError, named
from juwei.i18n import t

VERSION = "JW1"
_CODE = re.compile(r"(?i)JW(\d+):([^:]{1,200}):(\d{1,9}):(\d{1,7})")
_LOOKS_LIKE_CODE = re.compile(r"(?i)JW\d*:")
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9Xx]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# A sign-in copied from the paper sheet happened on the meeting's day, not long before the meeting began:
# people sign in as they arrive, and the doors open a while before the time on the notice.
DOORS_OPEN_BEFORE = dt.timedelta(hours=2)


@dataclass(frozen=True)
class SeatCode:
    """A seat code as read: which community (its code), meeting and seat it names."""

    community: str
    meeting_id: int
    seat: int


@dataclass(frozen=True)
class IdNumberScan:
    number: str  # valid (GB 11643); never printed whole


@dataclass(frozen=True)
class SeatNumber:
    seat: int


Scan = SeatCode | IdNumberScan | SeatNumber


def seat_code(community_code: str, meeting_id: int, seat: int) -> str:
    """The text of seat ``seat``'s QR code at meeting ``meeting_id``: ``JW1:dc:7:12``."""
    return f"{VERSION}:{quote(community_code, safe='-_')}:{meeting_id}:{seat}"


def shown(line: str, limit: int = 24) -> str:
    """What a refusal may repeat of a scanned line: no ID number whole (only its first six characters, the
    area), no control characters, at most ``limit`` characters (LAW.md "Privacy")."""
    from juwei.rules.privacy import scrub_text

    text = scrub_text(_CONTROL.sub("?", line))
    return text if len(text) <= limit else text[:limit] + "…"


def read_scan(line: str) -> Scan:
    """What one line typed at the door names. Refuses, naming what was wrong, a line that is none of a seat
    code, an ID number or a seat number; an ID number's own errors never repeat it."""
    from juwei.rules.idnumber import parse_id

    text = unicodedata.normalize("NFKC", line).strip()
    if _LOOKS_LIKE_CODE.match(text):
        match = _CODE.fullmatch(text)
        if match is None:
            raise ValidationError(t("'{text}' is not a whole seat code (like {example}); scan it again",
                                    text=shown(text), example=seat_code("dc", 7, 12)), field="scan")
        if f"JW{match.group(1)}" != VERSION:
            raise ValidationError(t("'{text}' is a seat code of a form this juwei does not read (it reads {version})",
                                    text=shown(text), version=VERSION), field="scan")
        return SeatCode(unquote(match.group(2)), int(match.group(3)), int(match.group(4)))
    if _ID_SHAPE.fullmatch(text):
        return IdNumberScan(parse_id(text.upper()).number)
    if text.isascii() and text.isdigit():
        if len(text) > 7:
            raise ValidationError(t("'{text}' is neither a seat number nor an 18-character ID number",
                                    text=shown(text)), field="scan")
        return SeatNumber(int(text))
    raise ValidationError(t("'{text}' is not a seat code, an ID number or a seat number", text=shown(text)),
                          field="scan")


def same_community(code_scanned: str, community_code: str) -> bool:
    """The seat code names this community (read case-blind: a scanner may type with Caps Lock on)."""
    return code_scanned.casefold() == community_code.casefold()


def paper_signin_time(meeting_at: dt.datetime, time_of_day: dt.time, now_local: dt.datetime) -> dt.datetime:
    """The local wall-clock moment a sign-in copied from the paper sheet happened: ``time_of_day`` on the
    meeting's day. Refused when it is before the doors open (:data:`DOORS_OPEN_BEFORE` the meeting's time)
    or after ``now_local`` (the community's clock now, naive local time): nobody signs in in the future."""
    moment = dt.datetime.combine(meeting_at.date(), time_of_day)
    opens = meeting_at - DOORS_OPEN_BEFORE
    if moment < opens:
        raise ValidationError(t("{at} {time} is before the doors opened: the meeting began at {start}, so a "
                                "sign-in on its sheet is at {opens} or later that day", at=named("at"),
                                time=time_of_day.strftime("%H:%M"), start=meeting_at.strftime("%H:%M"),
                                opens=max(opens, dt.datetime.combine(meeting_at.date(), dt.time())).strftime("%H:%M")),
                              field="at")
    if moment > now_local:
        raise ValidationError(t("{at} {time} on {day} has not come yet: a sign-in from the sheet is one that "
                                "already happened", at=named("at"), time=time_of_day.strftime("%H:%M"),
                                day=meeting_at.date()), field="at")
    return moment


def parse_time_of_day(text: str) -> dt.time:
    """``14:05`` (also ``14：05``, ``9:5``) as a time of day; refused with the form to write."""
    folded = unicodedata.normalize("NFKC", text or "").strip()
    match = re.fullmatch(r"(\d{1,2})[:.](\d{1,2})", folded)
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return dt.time(int(match.group(1)), int(match.group(2)))
    raise ValidationError(t("'{text}' is not a time of day; write it as HH:MM, like 14:05", text=shown(text)),
                          field="at")
