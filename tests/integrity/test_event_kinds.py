"""Every audit event has one kind, told by one function from the event as stored."""

from __future__ import annotations

import json

from juwei.services.audit import EventKind, classify, event_kind
from tests.import_files import write_csv
from tests.integrity.helpers import raw


def _state(**values) -> str:
    from juwei.services.audit import _ENCODER

    return _ENCODER.encode(values)


def test_the_kinds_of_stored_events():
    row = _state(id=12, name="张三")
    assert classify("member.update", "member:12", None, row) == (EventKind.ROW_STATE, {"id": 12, "name": "张三"})
    deleted = classify("db.delete", "member:12", row, None)
    assert deleted.kind is EventKind.ROW_STATE and deleted.content["id"] == 12
    fingerprints = json.dumps({"columns": ["id"], "rows": {"1": "ab"}, "table": "member"}, sort_keys=True,
                              separators=(",", ":"))
    assert event_kind("member.import", "member:1..1", None, fingerprints) is EventKind.ROW_SET
    assert event_kind("meeting.seal", "meeting:3", None, _state(head_seq=9)) is EventKind.SEAL
    assert event_kind("meeting.checkin", "meeting:3", None, _state(seats=[1, 2])) is EventKind.ABOUT
    assert event_kind("member.update", "member:13", None, row) is EventKind.ABOUT  # another row's state
    assert event_kind("member.update", "member:12", None, "not json") is EventKind.ABOUT


def test_the_kinds_of_dicts_about_to_be_stored():
    assert event_kind("member.add", "member:5", None, {"id": 5}) is EventKind.ROW_STATE
    assert event_kind("member.add", "member:5", {"id": 5}, {"seats": 1}) is EventKind.ABOUT  # after decides


def test_a_real_trail_classifies_event_by_event(community, tmp_path):
    """An import (a set event per table), then edits (row states): each stored event classifies, and
    the ones that say they hold a row name that row."""
    community.ok("member", "import", str(write_csv(tmp_path / "roster.csv")))
    member = community.json("member", "list")[0]["id"]
    community.ok("member", "update", str(member), "--phone", "13900001111")
    kinds: dict[EventKind, list[str]] = {}
    for action, entity, before, after in raw(community.db, "SELECT action, entity, before, after FROM audit_event"):
        kind, content = classify(action, entity, before, after)
        kinds.setdefault(kind, []).append(entity)
        if kind is EventKind.ROW_STATE:
            assert str(content["id"]) == entity.rpartition(":")[2]
        if kind is EventKind.ROW_SET:
            assert ".." in entity and content["table"] == entity.partition(":")[0]
    assert f"member:{member}" in kinds[EventKind.ROW_STATE]
    assert any(e.startswith("member:") for e in kinds[EventKind.ROW_SET])
    assert community.json("audit", "verify")["ok"]
