"""The sentiment documents' contexts: the monthly report to the street office (S12) and an urgent item's
report sheet (S10).

What leaves the office carries no ID number and no phone (every text is scrubbed of them here, for the
spreadsheet too, and again by the templates), and a resident's name only where the clerk entered one.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from juwei.i18n import label
from juwei.rules import sentiment as rules
from juwei.rules.privacy import scrub_text
from juwei.rules.sentiment import Category, Month, Source
from juwei.services.scope import Scope


def _language(scope: Scope, lang: str | None) -> str:
    from juwei.render import LANGUAGES
    from juwei.services.documents import check_choice

    return check_choice(lang or scope.community.locale, LANGUAGES, "lang")


def _header(scope: Scope, lang: str) -> dict[str, Any]:
    from juwei.services.community import rules_on
    from juwei.services.documents import committee_name, source_title

    community = scope.community
    return {"lang": lang, "today": scope.today,
            "community": {"name": community.name, "code": community.code,
                          "committee": committee_name(community.name, lang)},
            "rules": {"source_title": source_title(rules_on(scope, scope.today), lang)}}


def _item(row, meetings: dict[int, Any]) -> dict[str, Any]:
    return {"id": row.id, "number": row.number, "category": row.category, "source": row.source,
            "received": row.received, "text": scrub_text(row.text), "household": row.household,
            "from_name": scrub_text(row.from_name or "") or None, "by": row.by, "status": row.status,
            "open": row.open, "urgent": row.urgent, "report_due": row.report_due, "reported_on": row.reported_on,
            "reported_to": scrub_text(row.reported_to or "") or None, "overdue": row.overdue,
            "meeting": meetings.get(row.meeting_id),
            "steps": [{"on": s.on, "status": s.status, "note": scrub_text(s.note)} for s in row.steps]}


def _meeting_days(scope: Scope, ids: set[int]) -> dict[int, Any]:
    if not ids:
        return {}
    from juwei.storage.models import Meeting

    return {mid: at.date() for mid, at in scope.session.exec(
        select(Meeting.id, Meeting.at).where(Meeting.community_id == scope.community_id, Meeting.id.in_(ids)))}


def monthly_report(scope: Scope, month: Month, lang: str | None = None) -> dict[str, Any]:
    """S12: the month's items counted by category and by source, each with its handling, the urgent ones and
    when they were reported."""
    from juwei.services.sentiment import _items, _reported_months

    lang = _language(scope, lang)
    rows = _items(scope, first=month.first, last=month.last, steps=True)
    meetings = _meeting_days(scope, {r.meeting_id for r in rows if r.meeting_id is not None})
    items = [_item(row, meetings) for row in rows]
    by_category = [{"number": rules.category_number(c), "category": c.value, "urgent": rules.is_urgent(c),
                    "label": label("sentiment category", c, lang),
                    "count": sum(1 for r in rows if r.category == c)} for c in Category]
    by_source = [{"source": s.value, "label": label("sentiment source", s, lang),
                  "count": sum(1 for r in rows if r.source == s)} for s in Source]
    return {**_header(scope, lang), "doc": "sentiment-report",
            "month": {"label": str(month), "year": month.year, "month": month.month, "first": month.first,
                      "last": month.last, "words": month.zh() if lang == "zh_CN" else month.first.strftime("%B %Y")},
            "total": len(rows), "open": sum(1 for r in rows if r.open),
            "settled": sum(1 for r in rows if not r.open),
            "by_category": by_category, "by_source": by_source, "items": items,
            "urgent": [i for i in items if i["urgent"]],
            "analysed_on": sorted(set(meetings.values())),
            "sent_on": _reported_months(scope).get(month)}


def urgent_report(scope: Scope, item_id: int, lang: str | None = None) -> dict[str, Any]:
    """S10: the sheet an urgent item is reported on (any item may be reported with it)."""
    from juwei.services.sentiment import item_detail

    lang = _language(scope, lang)
    row = item_detail(scope, item_id)
    meetings = _meeting_days(scope, {row.meeting_id} if row.meeting_id else set())
    return {**_header(scope, lang), "doc": "sentiment-urgent", "item": _item(row, meetings)}
