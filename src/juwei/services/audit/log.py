"""Reading the trail: a community's events, oldest first, as ``juwei audit log`` shows them."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from juwei.services.audit.kinds import EventKind, classify, set_entity_like
from juwei.services.audit.states import _plain
from juwei.services.scope import Scope
from juwei.storage.models import AuditEvent


@dataclass
class LogEntry:
    seq: int | None
    at: str
    clerk: str
    action: str
    entity: str
    before: dict | None
    after: dict | None
    changes: list[tuple[str, Any, Any]]
    hash: str | None


def history(scope: Scope, *, entity: str | None = None, since: dt.date | None = None,
            limit: int | None = None) -> list[LogEntry]:
    """The community's events, oldest first (the last ``limit`` when given). A set event (one event for
    the rows of a bulk import) is shown by what it covers — table, rows, source file — not its fingerprints;
    asked for one row (``entity``), the set event that covers that row is part of its history."""
    cols = AuditEvent.__table__.c
    query = select(cols.seq, cols.at, cols.clerk, cols.action, cols.entity, cols.before, cols.after, cols.hash) \
        .where(cols.community_id == scope.community_id)
    if entity:
        entity = entity.strip()
        table, _, row_id = entity.partition(":")
        query = query.where(or_(cols.entity == entity, cols.entity.like(set_entity_like(table), escape="\\")))
    if since:
        from juwei.rules.clock import day_start

        query = query.where(cols.at >= day_start(since, scope.timezone))  # the community's midnight
    query = query.order_by(cols.seq.desc() if limit else cols.seq)
    if limit:
        query = query.limit(limit)
    found = scope.session.execute(query).all()
    if limit:
        found.reverse()
    entries = []
    for ev in found:
        before = _loads(ev.before)
        after = _loads(ev.after)
        kind, content = classify(ev.action, ev.entity, ev.before, ev.after)
        covering = kind is EventKind.ROW_SET and isinstance(content.get("rows"), dict)
        if entity and ev.entity != entity and not (covering and row_id in after["rows"]):
            continue  # matched the LIKE, but is not a set event that covers this row
        if covering:
            after = {"table": after.get("table"), "rows": len(after["rows"]),
                     **({"source": after["source"]} if after.get("source") else {})}
        entries.append(LogEntry(ev.seq, _plain(ev.at), ev.clerk, ev.action, ev.entity, before, after,
                                _changes(before, after), ev.hash))
    return entries


def _loads(text: str | None) -> dict | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"?": text}
    return value if isinstance(value, dict) else {"value": value}


def _changes(before: dict | None, after: dict | None) -> list[tuple[str, Any, Any]]:
    before, after = before or {}, after or {}
    keys = sorted(set(before) | set(after))
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
