"""The audit trail: every write appends an event saying who did what, when, before and after."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any

from sqlmodel import SQLModel

from juwei.services.scope import Scope
from juwei.storage.models import AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def row_state(row: SQLModel | None, *, exclude: tuple[str, ...] = ("created_at", "updated_at")) -> dict | None:
    """A row's columns as plain JSON-able values, for ``before``/``after``."""
    if row is None:
        return None
    return {key: _plain(value) for key, value in row.model_dump().items() if key not in exclude}


def record(scope: Scope, action: str, entity: str, *, before: dict | None = None,
           after: dict | None = None) -> AuditEvent:
    """Append one audit event in the current transaction."""
    event = AuditEvent(
        community_id=scope.community_id,
        clerk=scope.clerk,
        action=action,
        entity=entity,
        before=None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True, default=str),
        after=None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True, default=str),
    )
    scope.session.add(event)
    return event


def record_row(scope: Scope, action: str, table: str, row: SQLModel, *, before: dict | None = None) -> None:
    """Record a write to one row: flushes so a new row has its id."""
    scope.session.flush()
    record(scope, action, f"{table}:{row.id}", before=before, after=row_state(row))


def record_many(scope: Scope, action: str, table: str, states: list[dict],
                before: list[dict] | None = None) -> int:
    """Append one event per row for a bulk write (imports): ``states`` are the rows' after-states, each
    with its ``id``; ``before``, when given, the matching before-states of updated rows. Written by the
    bulk loader in one executemany, for speed (the JSON is the same as :func:`record` writes)."""
    if not states:
        return 0
    from juwei.storage import bulk
    from juwei.storage.models.base import utcnow

    encode = _ENCODER.encode
    now, community_id, clerk = utcnow(), scope.community_id, scope.clerk
    rows = [{"community_id": community_id, "at": now, "clerk": clerk, "action": action,
             "entity": f"{table}:{state['id']}", "before": None, "after": encode(state)}
            for state in states]
    for row, old in zip(rows, before or ()):
        row["before"] = encode(old)
    bulk.insert_rows(scope.session, AuditEvent, rows, return_ids=False)
    return len(rows)


def _json_default(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


# One encoder for every bulk event: json.dumps with options builds a new encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_json_default)
