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


def record_many(scope: Scope, action: str, table: str, states: list[dict]) -> int:
    """Append one event per row for a bulk write (imports): ``states`` are the rows' after-states, each
    with its ``id``. Inserted through SQLAlchemy Core in one executemany, for speed."""
    if not states:
        return 0
    from sqlalchemy import insert

    from juwei.storage.models.base import utcnow

    now = utcnow()
    rows = [{"community_id": scope.community_id, "at": now, "clerk": scope.clerk, "action": action,
             "entity": f"{table}:{state['id']}", "before": None,
             "after": json.dumps({k: _plain(v) for k, v in state.items()}, ensure_ascii=False, sort_keys=True,
                                 default=str)}
            for state in states]
    scope.session.execute(insert(AuditEvent), rows)
    return len(rows)
