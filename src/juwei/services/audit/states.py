"""A row's state as the audit trail keeps it: canonical plain values, the one JSON encoder, and how a
recorded state compares with the row as it stands (the commit-time check and ``verify`` both ask)."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any, Iterable

from sqlmodel import SQLModel

# Columns a bulk writer may leave out of an after-state: set by default when the row was written.
TOLERATED_MISSING = frozenset({"created_at", "updated_at"})

_AS_IS = frozenset({str, int, bool, float, type(None)})


def _plain(value: Any) -> Any:
    """One value as the audit trail stores it; rows read back from the database normalise the same way."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, dt.datetime):
        if value.utcoffset() is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")  # 1.50 and 1.5 alike; never 1E+2
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


# One encoder for every event: json.dumps with options builds a new encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _dumps(state: dict | None) -> str | None:
    if state is None:
        return None
    return _ENCODER.encode(state)


def row_state(row: SQLModel | None, *, exclude: tuple[str, ...] = ()) -> dict | None:
    """A row's columns as plain JSON-able values, for ``before``/``after`` (every column by default, so
    ``verify`` can compare the whole row)."""
    if row is None:
        return None
    return {key: _plain(value) for key, value in row.model_dump().items() if key not in exclude}


def differences(recorded: dict, current: dict, exact: Iterable[str] = ()) -> list[str]:
    """Column names whose current value differs from the recorded after-state. A column absent from the
    record is accepted when the row holds NULL there or it is a creation/update time. Columns in ``exact``
    (text columns) must hold the very value recorded: ``01001`` is not ``1001``, an ID number is not the
    float it looks like; the others accept another spelling of the same number or instant."""
    exact = frozenset(exact)
    changed = []
    for key, value in current.items():
        if key in recorded:
            if not (recorded[key] == value if key in exact else _same(recorded[key], value)):
                changed.append(key)
        elif value is not None and key not in TOLERATED_MISSING:
            changed.append(key)
    changed.extend(key for key in recorded if key not in current)
    return changed


def _same(recorded: Any, current: Any) -> bool:
    if recorded == current:
        return True
    if isinstance(recorded, str) and isinstance(current, str):
        try:  # two spellings of one instant or number
            return dt.datetime.fromisoformat(recorded) == dt.datetime.fromisoformat(current)
        except ValueError:
            pass
        try:
            return decimal.Decimal(recorded) == decimal.Decimal(current)
        except decimal.InvalidOperation:
            return False
    if isinstance(recorded, (int, float, str)) and isinstance(current, (int, float, str)) \
            and not isinstance(recorded, bool) and not isinstance(current, bool):
        try:
            return decimal.Decimal(str(recorded)) == decimal.Decimal(str(current))
        except decimal.InvalidOperation:
            return False
    return False
