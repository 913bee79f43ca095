"""Voiding a resident or household entered by mistake (`member void`, `household void`): kept in the audit
trail, gone from every list, body, roll and count; refused, with the database unchanged, once anything else
names them (a meeting's roll, a post, a candidacy…)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

from juwei.storage.engine import database_url

pytestmark = pytest.mark.storage

TODAY = "2026-06-01"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", TODAY)


def _events(db: str, action: str) -> list[dict]:
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                text("SELECT * FROM audit_event WHERE action = :a ORDER BY id"), {"a": action})]
    finally:
        engine.dispose()


@pytest.fixture
def roster(community):
    community.ok("group", "add", "第一居民小组")
    community.ok("household", "add", "01001", "--group", "第一居民小组")
    community.ok("household", "add", "01002", "--group", "第一居民小组")
    community.ids = {
        "zhang": community.json("member", "add", "--name", "张三", "--id-number", "11010519491231002X",
                                "--household", "01001")["id"],
        "li": community.json("member", "add", "--name", "李四", "--birth-date", "1980-02-29", "--gender", "M",
                             "--household", "01001", "--party-member")["id"],
        "wang": community.json("member", "add", "--name", "王五", "--birth-date", "1990-05-01", "--gender", "M",
                               "--household", "01002")["id"],
    }
    return community


def test_a_voided_resident_is_gone_from_every_list_and_count(roster):
    cli, ids = roster, roster.ids
    before = cli.json("roster")
    out = cli.ok("member", "void", str(ids["li"]), "--reason", "重复录入")
    assert f"member {ids['li']} voided on {TODAY}" in out
    names = {m["name"] for m in cli.json("member", "list", "--all")}
    assert names == {"张三", "王五"}
    after = cli.json("roster")
    assert after["members"] == before["members"] - 1 and after["adults"] == before["adults"] - 1
    assert after["party_members"] == before["party_members"] - 1
    households = {h["number"]: h for h in cli.json("household", "list")}
    assert households["01001"]["member_count"] == 1
    assert [g["members"] for g in cli.json("group", "list")] == [2]
    assert [m["name"] for m in cli.json("household", "show", "01001")["members"]] == ["张三"]
    assert "no member" in cli.fails("member", "show", str(ids["li"]))
    assert "no member" in cli.fails("member", "update", str(ids["li"]), "--phone", "13800000000")
    # gone from a meeting's body: an assembly of adults seats the two left
    meeting = cli.json("meeting", "convene", "--kind", "residents", "--body", "adults", "--at", "2026-07-01 09:00", "--place", "会议室",
                       "--topic", "议题", "--noticed-on", TODAY)["id"]
    seats = cli.json("meeting", "roll", str(meeting))
    assert sorted(s["name"] for s in seats) == ["张三", "王五"]
    # in the audit trail, with the reason; the trail verifies
    (event,) = _events(cli.db, "member.void")
    assert event["entity"] == f"member:{ids['li']}"
    assert json.loads(event["after"])["void_reason"] == "重复录入" and json.loads(event["before"])["voided_on"] is None
    assert cli.json("audit", "verify")["ok"]


def test_a_voided_id_number_is_not_entered_again(roster, unchanged):
    cli, ids = roster, roster.ids
    cli.ok("member", "void", str(ids["zhang"]), "--reason", "不是本社区居民")
    with unchanged():
        err = cli.fails("member", "add", "--name", "张三", "--id-number", "11010519491231002X")
    assert "voided on 2026-06-01" in err and "11010519491231002X" not in err
    with unchanged():
        assert "already voided" in cli.fails("member", "void", "11010519491231002X", "--reason", "again")


def test_a_resident_on_a_roll_or_in_a_post_is_not_voided(roster, unchanged):
    cli, ids = roster, roster.ids
    cli.json("meeting", "convene", "--kind", "residents", "--body", "adults", "--at", "2026-07-01 09:00", "--place", "会议室",
             "--topic", "议题", "--noticed-on", TODAY)
    with unchanged():
        err = cli.fails("member", "void", str(ids["zhang"]), "--reason", "录错")
    assert "a seat on a meeting's roll" in err and "member leave" in err
    cli.ok("committee", "add", str(ids["li"]), "--role", "director", "--from", "2026-01-01")
    with unchanged():
        assert "a post in the committee register" in cli.fails("member", "void", str(ids["li"]), "--reason", "录错")
    with unchanged():
        cli.fails("member", "void", str(ids["wang"]), "--reason", "  ")


def test_a_household_is_voided_once_empty(roster, unchanged):
    cli, ids = roster, roster.ids
    with unchanged():
        err = cli.fails("household", "void", "01002", "--reason", "户号录错")
    assert "1 resident(s)" in err
    cli.ok("member", "update", str(ids["wang"]), "--household", "01001")
    before = cli.json("roster")["households"]
    cli.ok("household", "void", "０１００２", "--reason", "户号录错")  # full-width: the same household
    assert [h["number"] for h in cli.json("household", "list")] == ["01001"]
    assert cli.json("roster")["households"] == before - 1
    assert [g["households"] for g in cli.json("group", "list")] == [1]
    with unchanged():
        assert "voided on" in cli.fails("household", "add", "01002")
    with unchanged():
        assert "no household" in cli.fails("member", "update", str(ids["wang"]), "--household", "01002")
    assert len(_events(cli.db, "household.void")) == 1
    assert cli.json("audit", "verify")["ok"]


def test_every_record_naming_a_member_or_household_is_checked_before_voiding():
    """A new table naming a member or household must be added to the lists voiding checks."""
    from juwei.services.roster import HOUSEHOLD_REFERENCES, MEMBER_REFERENCES
    from juwei.storage.models import load_all

    tables = load_all().tables
    naming_member, naming_household = set(), set()
    for name, table in tables.items():
        for column in table.columns:
            targets = {fk.column.table.name for fk in column.foreign_keys}
            if "member" in targets or (column.name == "member_id" and name != "member"):
                naming_member.add((name, column.name))
            if ("household" in targets or column.name == "household_id") and name != "member":
                naming_household.add((name, column.name))
    assert naming_member == set(MEMBER_REFERENCES)
    assert naming_household == set(HOUSEHOLD_REFERENCES)


def test_chinese_output_names_no_codes(roster):
    cli, ids = roster, roster.ids
    out = cli.ok("--lang", "zh_CN", "member", "void", str(ids["li"]), "--reason", "重复录入")
    assert "已于 2026-06-01 作废" in out and "void" not in out
    cli.json("meeting", "convene", "--kind", "residents", "--body", "adults", "--at", "2026-07-01 09:00", "--place", "会议室",
             "--topic", "议题", "--noticed-on", TODAY)
    err = cli.fails("--lang", "zh_CN", "member", "void", str(ids["zhang"]), "--reason", "录错")
    assert "会议名册" in err and "meeting_seat" not in err and "member leave" in err
