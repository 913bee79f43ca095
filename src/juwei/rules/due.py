"""What is due (待办): the one shape in which every domain reports a duty the clerk has not done yet.

Each domain's service module has ``due_items(scope, on) -> list[DueItem]``; ``juwei.services.due.SOURCES``
lists them, and ``juwei agenda`` shows them together. This module is the shape and its ordering only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class DueItem:
    rule: str  # the rule that makes it a duty: S4, S5, S14a, S20 …
    domain: str  # the source that reported it (a key of juwei.services.due.SOURCES)
    subject: str  # a stable key for this duty ("finance:2026-Q2", "meeting:office"): calendars update by it
    what: str  # in the clerk's language
    due: dt.date | None  # the last day to do it; None: due now, with no date of its own
    overdue: bool
    command: str  # the command that settles it


def soonest_first(items: Iterable[DueItem]) -> list[DueItem]:
    """Overdue first, then what is due now without a date, then by due date; ties by rule and subject."""
    return sorted(items, key=lambda i: (not i.overdue, i.due is not None, i.due or dt.date.min, i.rule, i.subject))


def within(items: Iterable[DueItem], on: dt.date, days: int | None) -> list[DueItem]:
    """Items due by ``on`` + ``days``; overdue and undated ones always (they are due now). ``None``: all."""
    if days is None:
        return list(items)
    # the gap, not on + days: a window of any length never runs past the calendar's last year
    return [i for i in items if i.overdue or i.due is None or (i.due - on).days <= days]
