"""The agenda as an iCalendar file for the clerk's phone: one all-day event per dated item.

Each event's UID is the item's subject and the community's code, so importing a newer file updates the
events already there (a meeting due moves to its next period) instead of adding copies.
"""

from __future__ import annotations

import datetime as dt

from juwei.i18n import t
from juwei.rules.due import DueItem


def uid(item: DueItem, community: str) -> str:
    return f"{item.subject}@{community}.juwei"


def agenda_ics(items: list[DueItem], community: str, stamp: dt.datetime) -> bytes:
    """iCalendar text of the items that have a due date; ``stamp`` (UTC) is when the file was made."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//juwei//agenda//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", t("juwei agenda ({community})", community=community))
    for item in items:
        if item.due is None:
            continue
        event = Event()
        event.add("uid", uid(item, community))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + dt.timedelta(days=1))
        what = f"{item.rule} {item.what}"
        event.add("summary", t("overdue: {what}", what=what) if item.overdue else what)
        event.add("description", t("Rule {rule}. To settle it: {command}", rule=item.rule, command=item.command))
        event.add("categories", [item.domain])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
