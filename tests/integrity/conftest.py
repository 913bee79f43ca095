"""Fixtures of the integrity tests."""

from __future__ import annotations

import pytest

SEATS = 24


@pytest.fixture
def meeting(community, monkeypatch):
    """A residents' meeting of SEATS adults, convened with notice, and one motion."""
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-10")
    from juwei.services import roster as roster_service
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    store = open_store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            roster_service.add_household(sc, "H1")
            for i in range(SEATS):
                roster_service.add_member(sc, {"name": f"居民{i:02d}", "birth_date": "1970-01-01"}, household="H1")
    finally:
        store.dispose()
    community.meeting = community.json("meeting", "convene", "--kind", "residents", "--at", "2026-06-15 14:30",
                                       "--place", "会议室", "--topic", "议题")["id"]
    community.motion = community.json("motion", "add", community.meeting, "--title", "议案")["id"]
    return community
