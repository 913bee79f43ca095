"""What an event is about, told from the event itself: the one classifier every reader of the trail uses.

An event's kind is not stored (the chain hashes the columns it has, and old chains must keep verifying):
it follows from its content, and :func:`classify` is the only place that knows how.

- ``row_state``: its ``after`` (or, for a deletion, its ``before``) is the whole state of the one row its
  entity names (``member:12`` and a dict with ``"id": 12``); ``verify`` compares the row with it.
- ``row_set``: one event for the many rows a bulk write inserted (entity ``table:first..last``); its
  ``after`` holds each row's fingerprint by id (``juwei.services.audit.fingerprints``).
- ``seal``: a seal recorded on a record (``meeting.seal`` at a meeting's close); its ``after`` is the seal.
- ``about``: an event about a record that carries other data (a sign-in's seats, a roll's digest).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any, NamedTuple


class EventKind(StrEnum):
    ROW_STATE = "row_state"
    ROW_SET = "row_set"
    SEAL = "seal"
    ABOUT = "about"


# A set event's JSON is written with sorted keys, so it starts with its ``columns``.
_SET_PREFIX = '{"columns":'
# Row states are written by one encoder with ", " and ": " separators: a state without this holds no id.
_ID_KEY = '"id": '
SEAL_SUFFIX = ".seal"


class Classified(NamedTuple):
    kind: EventKind
    content: Any  # the row's state (row_state), the set event's content (row_set), else None


def classify(action: str, entity: str, before: str | dict | None, after: str | dict | None) -> Classified:
    """An event's kind, and the content that kind reads: ``before``/``after`` as stored (JSON text) or as
    the dicts about to be stored. Cheap for the common cases: the text is parsed only when it can be a
    row's state or a set event."""
    if isinstance(after, str) and after.startswith(_SET_PREFIX):
        content = _loads(after)
        if isinstance(content, dict):
            return Classified(EventKind.ROW_SET, content)
        return Classified(EventKind.ABOUT, None)
    if action.endswith(SEAL_SUFFIX):
        return Classified(EventKind.SEAL, None)
    state = after if after is not None else before
    if isinstance(state, str):
        if _ID_KEY not in state:
            return Classified(EventKind.ABOUT, None)
        state = _loads(state)
    if is_row_state(entity, state):
        return Classified(EventKind.ROW_STATE, state)
    return Classified(EventKind.ABOUT, None)


def event_kind(action: str, entity: str, before: str | dict | None, after: str | dict | None) -> EventKind:
    """An event's kind (:func:`classify` without the content)."""
    return classify(action, entity, before, after).kind


def is_row_state(entity: str, state: Any) -> bool:
    """Does an event's before/after hold the state of the row its entity names (``member:12`` and a dict
    with ``"id": 12``)? Events about an entity that carry other data (a sign-in's seats) do not."""
    return isinstance(state, dict) and "id" in state and str(state["id"]) == entity.rpartition(":")[2]


def set_entity(table: str, first: int, last: int) -> str:
    """The entity a set event names: the table and the range of ids it covers."""
    return f"{table}:{first}..{last}"


def set_entity_like(table: str) -> str:
    """A SQL LIKE pattern (escape ``\\``) for the entities of ``table``'s set events."""
    escaped = table.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}:%..%"


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None
