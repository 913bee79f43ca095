"""A small community whose every resident sits on a boundary the meeting rules care about.

Today is 2026-06-10; the meeting day used by the tests is 2026-06-15 (5 days' notice, S6 asks for 3).

| member | household | on 2026-06-15 |
|---|---|---|
| 甲一 (A1) | H1 (第一组), its 户代表 | adult; elected representative of 第一组 |
| 甲二 (A2) | H1 | adult; ex officio (committee) |
| 乙成年 (K1) | H2 (第一组) | turns 18 that very day: an adult (birthday counts) |
| 乙未成年 (K2) | H2 | turns 18 the next day: not an adult |
| 乙剥夺 (D1) | H2 | deprivation ends that day (inclusive): does not take part |
| 丙恢复 (D2) | H3 (第二组) | deprivation ended the day before: takes part |
| 丙迁出 (M1) | H3 | moved out on 2026-06-01 |
| 丙三 (B1) | H3 | adult; elected representative of 第二组 |
"""

from __future__ import annotations

import datetime as dt

import pytest

TODAY = "2026-06-10"
MEETING_AT = "2026-06-15 14:30"
MEETING_DAY = MEETING_AT[:10]


@pytest.fixture
def town(community, monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", TODAY)
    from juwei.services import roster
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    store = open_store(community.db)
    ids: dict[str, int] = {}
    try:
        with open_scope(store, None, write=True) as sc:
            roster.ensure_groups(sc, ["第一组", "第二组"])
            roster.add_household(sc, "H1", group="第一组")
            roster.add_household(sc, "H2", group="第一组")
            roster.add_household(sc, "H3", group="第二组")
            people = [
                ("A1", "甲一", "H1", {"birth_date": "1970-01-01"}),
                ("A2", "甲二", "H1", {"birth_date": "1972-03-01"}),
                ("K1", "乙成年", "H2", {"birth_date": "2008-06-15"}),
                ("K2", "乙未成年", "H2", {"birth_date": "2008-06-16"}),
                ("D1", "乙剥夺", "H2", {"birth_date": "1980-01-01", "rights_deprived_from": "2020-01-01",
                                      "rights_deprived_until": "2026-06-15"}),
                ("D2", "丙恢复", "H3", {"birth_date": "1981-01-01", "rights_deprived_from": "2020-01-01",
                                      "rights_deprived_until": "2026-06-14"}),
                ("M1", "丙迁出", "H3", {"birth_date": "1960-01-01", "moved_out": "2026-06-01"}),
                ("B1", "丙三", "H3", {"birth_date": "1975-05-05"}),
            ]
            for key, name, household, values in people:
                ids[key] = roster.add_member(sc, {"name": name, **values}, household=household).id
            roster.set_household_representative(sc, "H1", str(ids["A1"]))
            start = dt.date(2025, 1, 1)
            roster.add_representative(sc, str(ids["A1"]), start=start, group="第一组")
            roster.add_representative(sc, str(ids["B1"]), start=start, group="第二组")
            roster.add_representative(sc, str(ids["A2"]), start=start, ex_officio="committee")
    finally:
        store.dispose()
    community.ids = ids
    community.monkeypatch = monkeypatch
    return community


def held(cli, day: str = MEETING_DAY) -> None:
    """From here on the test's commands run on ``day``, the meeting's: sign-in and everything after it wait
    for the meeting day."""
    cli.monkeypatch.setenv("JUWEI_TODAY", day)


def convene(cli, *extra: str, kind: str = "representatives", at: str = MEETING_AT) -> int:
    """Convene with notice given on TODAY (whatever day the test's commands now run on)."""
    noticed = () if "--noticed-on" in extra else ("--noticed-on", TODAY)
    return cli.json("meeting", "convene", "--kind", kind, "--at", at, "--place", "会议室", "--topic", "议题",
                    *noticed, *extra)["id"]


def audit_events(db: str) -> list[tuple[str, str, str | None]]:
    """(action, entity, after) of every audit event, oldest first."""
    from sqlalchemy import create_engine, text

    from juwei.storage.engine import database_url

    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT action, entity, after FROM audit_event ORDER BY id"))]
    finally:
        engine.dispose()


def audit_actions(db: str) -> list[str]:
    return [e[0] for e in audit_events(db)]
