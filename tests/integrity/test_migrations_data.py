"""Migrations keep data: a database at the first revision with data is upgraded to head, every row survives,
the audit trail is chained and verifies; downgrading (where defined) gives the old rows back."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest
from sqlalchemy import create_engine, inspect

from juwei.storage import migrate
from juwei.storage.engine import SCHEMA_HEAD, SCHEMA_REVISIONS, Store, database_url
from tests.conftest import table_snapshot
from tests.integrity.helpers import PG, raw, roster

FIRST = SCHEMA_REVISIONS[0]


def _columns(db: str, table: str) -> list[str]:
    engine = create_engine(database_url(db))
    try:
        return [c["name"] for c in inspect(engine).get_columns(table)]
    finally:
        engine.dispose()


def _rows(db: str, table: str, columns: list[str]) -> list[tuple]:
    """The table's rows, only the given columns, read through reflection as table_snapshot reads them."""
    from sqlalchemy import MetaData, Table, select

    engine = create_engine(database_url(db))
    try:
        reflected = Table(table, MetaData(), autoload_with=engine)
        with engine.connect() as conn:
            rows = conn.execute(select(*(reflected.c[name] for name in columns))).all()
        return sorted(map(tuple, rows), key=repr)
    finally:
        engine.dispose()


def test_upgrade_from_the_first_revision_keeps_every_row(community):
    ids = roster(community)
    community.ok("rep", "add", str(ids["zhang"]), "--ex-officio", "party_org", "--from", "2025-01-01")
    store = Store(community.db)
    try:
        migrate.downgrade(store, FIRST)
        assert store.schema_revision() == FIRST
    finally:
        store.dispose()
    assert "seq" not in _columns(community.db, "audit_event")
    old = table_snapshot(community.db)
    old_tables = {name: _columns(community.db, name) for name in old}
    assert sum(len(rows) for name, rows in old.items() if name != "alembic_version") > 30

    community.fails("member", "list")  # an old schema is refused with a clear message …
    assert "upgraded" in community.ok("db", "upgrade")  # … until it is upgraded
    assert Store(community.db).schema_revision() == SCHEMA_HEAD
    for name, columns in old_tables.items():
        if name == "alembic_version":
            continue
        assert _rows(community.db, name, columns) == sorted(old[name], key=repr), name
    seqs = [s for (s,) in raw(community.db, "SELECT seq FROM audit_event ORDER BY id")]
    assert seqs == list(range(1, len(seqs) + 1))  # existing events chained in the order they were written
    report = community.json("audit", "verify")
    assert report["ok"] and report["events"] == len(seqs)
    community.ok("member", "update", str(ids["li"]), "--note", "升级后")
    community.ok("audit", "verify")

    store = Store(community.db)
    try:
        migrate.downgrade(store, FIRST)
    finally:
        store.dispose()
    assert "seq" not in _columns(community.db, "audit_event")
    assert len(raw(community.db, "SELECT id FROM audit_event")) == len(seqs) + 1
    assert _rows(community.db, "member", old_tables["member"]) != sorted(old["member"], key=repr)  # the note


def test_each_revision_step_up_and_down(community):
    """Every revision in turn, down to the first and back up, on a database with data."""
    roster(community)
    store = Store(community.db)
    try:
        for rev in reversed(SCHEMA_REVISIONS[:-1]):
            migrate.downgrade(store, rev)
            assert store.schema_revision() == rev
        for rev in SCHEMA_REVISIONS[1:]:
            migrate.upgrade(store, rev)
            assert store.schema_revision() == rev
    finally:
        store.dispose()
    community.ok("audit", "verify")


@pytest.mark.skipif(PG, reason="file permissions: SQLite files only")
def test_database_files_are_owner_only_whatever_the_umask(tmp_path, cli):
    old = os.umask(0)
    try:
        cli.ok("init", "--name", "东城社区")
        cli.ok("group", "add", "一组")
    finally:
        os.umask(old)
    for path in tmp_path.glob("juwei.db*"):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


def test_upgrade_from_0005_keeps_data_and_takes_the_committee_register(community):
    """0005 → 0006: a community with a roster, representatives and recorded staff changes, made at the previous
    head, keeps every row; old staff changes belong to no post; the register then works and the trail verifies."""
    ids = roster(community)
    community.ok("rep", "add", str(ids["zhang"]), "--group", "第一居民小组", "--from", "2025-01-01")
    community.ok("disclose", "staff-change", "--name", "王五", "--change", "任网格员", "--reason", "换届",
                 "--on", "2025-10-01")
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0005")
    finally:
        store.dispose()
    assert "post_id" not in _columns(community.db, "personnel_change")
    old = table_snapshot(community.db)
    old_tables = {name: _columns(community.db, name) for name in old}

    community.ok("db", "upgrade")
    for name, columns in old_tables.items():
        if name != "alembic_version":
            assert _rows(community.db, name, columns) == sorted(old[name], key=repr), name
    assert [c["post_id"] for c in community.json("disclose", "staff-changes")] == [None]
    community.ok("committee", "add", str(ids["zhang"]), "--role", "director", "--from", "2025-01-01")
    community.ok("committee", "end", str(ids["zhang"]), "--on", "2025-12-31", "--reason", "resigned")
    assert [c["post_id"] is None for c in community.json("disclose", "staff-changes")] == [True, False]
    assert community.json("audit", "verify")["ok"]


def test_upgrade_from_0006_keeps_data_and_takes_the_election_tables(community):
    """0006 → 0007: a community with a roster and a committee register, made at 0006, keeps every row; the
    election tables arrive empty, an election can then be opened, and the trail verifies. Down again, they go."""
    ids = roster(community)
    community.ok("committee", "add", str(ids["zhang"]), "--role", "director", "--from", "2025-01-01")
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0006")
    finally:
        store.dispose()
    old = table_snapshot(community.db)
    assert "election" not in old
    old_tables = {name: _columns(community.db, name) for name in old}

    community.ok("db", "upgrade")
    new = table_snapshot(community.db)
    for name, columns in old_tables.items():
        if name != "alembic_version":
            assert _rows(community.db, name, columns) == sorted(old[name], key=repr), name
    election_tables = sorted(name for name in new if name.startswith("election"))
    assert election_tables == ["election", "election_candidate", "election_officer", "election_proxy",
                               "election_publication", "election_round", "election_tally", "election_voter"]
    assert not any(new[name] for name in election_tables)

    from juwei.rules.elections import ElectionKind, ElectionMethod
    from juwei.services import elections
    from juwei.services.scope import open_scope

    store = Store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            elections.open_election(sc, kind=ElectionKind.GENERAL, method=ElectionMethod.VOTERS,
                                    day=sc.today + dt.timedelta(days=30), seats={"director": 1, "member": 4})
    finally:
        store.dispose()
    assert community.json("audit", "verify")["ok"]
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0006")
    finally:
        store.dispose()
    assert "election" not in table_snapshot(community.db)


def test_upgrade_from_0006_takes_the_recall_table(community):
    """0006 → 0007 also brings the recall table (罢免): empty after the upgrade, it takes a recall of a committee
    member with its figures, and the trail verifies. Down again, it goes."""
    ids = roster(community)
    community.ok("committee", "add", str(ids["zhang"]), "--role", "director", "--from", "2025-01-01")
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0006")
    finally:
        store.dispose()
    assert "recall" not in table_snapshot(community.db)

    community.ok("db", "upgrade")
    assert table_snapshot(community.db)["recall"] == []
    assert {"member_id", "post_id", "basis", "proposers", "base", "votes_for", "against", "void", "outcome"} <= \
        set(_columns(community.db, "recall"))
    r = community.json("recall", "open", str(ids["zhang"]), "--proposers", "1", "--basis", "voters",
                       "--reason", "失职")["id"]
    community.ok("recall", "reply", str(r), "--text", "申辩")
    assert [row[:2] for row in _rows(community.db, "recall", ["id", "member_id"])] == [(r, ids["zhang"])]
    assert community.json("audit", "verify")["ok"]
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0006")
    finally:
        store.dispose()
    assert "recall" not in table_snapshot(community.db)


def test_upgrade_from_0007_keeps_data_and_takes_the_evaluation_tables(community):
    """0007 → 0008: a community with a roster, a committee, staff and an election, made at 0007, keeps every
    row; the evaluation and admonition tables arrive empty, an evaluation can then be opened and an admonition
    given, and the trail verifies. Down again, they go."""
    ids = roster(community)
    community.ok("committee", "add", str(ids["zhang"]), "--role", "director", "--from", "2025-01-01")
    community.ok("staff", "add", "--name", "赵敏", "--position", "welfare", "--from", "2025-01-01")
    community.ok("election", "open", "--kind", "by-election", "--day", "2027-01-20", "--method", "voters",
                 "--member", "1")
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0007")
    finally:
        store.dispose()
    old = table_snapshot(community.db)
    assert "evaluation" not in old and old["election"] and old["post"]
    old_tables = {name: _columns(community.db, name) for name in old}

    community.ok("db", "upgrade")
    new = table_snapshot(community.db)
    for name, columns in old_tables.items():
        if name != "alembic_version":
            assert _rows(community.db, name, columns) == sorted(old[name], key=repr), name
    added = ["admonition", "admonition_note", "evaluation", "evaluation_subject"]
    assert all(name in new and not new[name] for name in added)

    from juwei.services import admonition, evaluation
    from juwei.services.scope import open_scope

    store = Store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            opened = evaluation.open_evaluation(sc, on=sc.today)
            admonition.open_admonition(sc, "赵敏", reason="工作台账不全")
    finally:
        store.dispose()
    assert opened.subjects == 2
    assert community.json("audit", "verify")["ok"]
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0007")
    finally:
        store.dispose()
    assert not {"evaluation", "admonition"} & set(table_snapshot(community.db))


def test_upgrade_from_0008_keeps_data_and_takes_the_sentiment_tables(community):
    """0008 → 0009: a community with a roster, a committee register and an open election, made at 0008, keeps
    every row; the sentiment tables arrive empty, an item can then be recorded, and the trail verifies. Down
    again, they go."""
    ids = roster(community)
    community.ok("committee", "add", str(ids["zhang"]), "--role", "director", "--from", "2025-01-01")
    community.ok("org", "add", "collectors", "--name", "孙丽", "--from", "2025-01-01")
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0008")
    finally:
        store.dispose()
    old = table_snapshot(community.db)
    assert "sentiment_item" not in old
    old_tables = {name: _columns(community.db, name) for name in old}

    community.ok("db", "upgrade")
    new = table_snapshot(community.db)
    for name, columns in old_tables.items():
        if name != "alembic_version":
            assert _rows(community.db, name, columns) == sorted(old[name], key=repr), name
    tables = sorted(name for name in new if name.startswith("sentiment"))
    assert tables == ["sentiment_item", "sentiment_report", "sentiment_step"]
    assert not any(new[name] for name in tables)

    item = community.json("sentiment", "add", "--category", "1", "--source", "visit", "--text", "停车难",
                          "--household", "01001", "--by", "孙丽")["id"]
    community.ok("sentiment", "update", str(item), "--status", "referred", "--note", "转物业")
    assert community.json("audit", "verify")["ok"]
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0008")
    finally:
        store.dispose()
    assert "sentiment_item" not in table_snapshot(community.db)


def test_upgrade_from_0009_keeps_data_and_takes_the_grid_and_staff_work_tables(community):
    """0009 → 0010: a community with a roster and a committee register, made at 0009, keeps every row; the grid,
    staff-work and gift tables arrive empty and the community has no office phone; households can then be
    assigned, a gift recorded, and the trail verifies. Down again, they go."""
    ids = roster(community)
    community.ok("committee", "add", str(ids["zhang"]), "--role", "director", "--from", "2025-01-01")
    community.ok("staff", "add", "--name", "孙丽", "--position", "welfare", "--from", "2025-01-01")
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0009")
    finally:
        store.dispose()
    old = table_snapshot(community.db)
    assert "grid_assignment" not in old and "office_phone" not in _columns(community.db, "community")
    old_tables = {name: _columns(community.db, name) for name in old}

    community.ok("db", "upgrade")
    new = table_snapshot(community.db)
    for name, columns in old_tables.items():
        if name != "alembic_version":
            assert _rows(community.db, name, columns) == sorted(old[name], key=repr), name
    added = ["gift", "grid_assignment", "household_visit", "staff_log", "staff_summary"]
    assert all(name in new and not new[name] for name in added)
    assert [phone for (phone,) in raw(community.db, "SELECT office_phone FROM community")] == [None]
    assert community.json("audit", "verify")["ok"]

    household = raw(community.db, "SELECT number FROM household ORDER BY id")[0][0]
    community.ok("grid", "assign", str(ids["zhang"]), "--household", household)
    community.ok("gift", "add", "--to", "孙丽", "--offered-by", "某公司", "--what", "购物卡", "--value", "100",
                 "--on", "2025-02-01", "--handled", "returned", "--note", "退回")
    community.ok("community", "set", "office_phone", "010-6401 2345")
    assert community.json("audit", "verify")["ok"]
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0009")
    finally:
        store.dispose()
    after = table_snapshot(community.db)
    assert not any(name in after for name in added)
    assert "office_phone" not in _columns(community.db, "community")


def test_upgrade_from_0010_keeps_data_and_takes_voiding(community):
    """0010 → 0011: a community with a roster and a committee register, made at 0010, keeps every row; the new
    columns arrive empty (nobody voided, no relationship recorded), a resident can then be voided and the
    trail verifies. Down again is refused while a row is voided (the old schema would list it again)."""
    ids = roster(community)
    community.ok("committee", "add", str(ids["zhang"]), "--role", "director", "--from", "2025-01-01")
    store = Store(community.db)
    try:
        migrate.downgrade(store, "0010")
    finally:
        store.dispose()
    assert "voided_on" not in _columns(community.db, "member")
    old = table_snapshot(community.db)
    old_tables = {name: _columns(community.db, name) for name in old}

    community.ok("db", "upgrade")
    for name, columns in old_tables.items():
        if name != "alembic_version":
            assert _rows(community.db, name, columns) == sorted(old[name], key=repr), name
    assert _rows(community.db, "member", ["voided_on", "void_reason", "relationship"]) == [(None, None, None)] * 2
    assert _rows(community.db, "household", ["voided_on", "void_reason"]) == [(None, None)]
    assert {m["name"] for m in community.json("member", "list")} == {"张三", "李四"}

    community.ok("member", "void", str(ids["li"]), "--reason", "重复录入")
    assert {m["name"] for m in community.json("member", "list")} == {"张三"}
    assert community.json("audit", "verify")["ok"]
    store = Store(community.db)
    try:
        with pytest.raises(Exception, match="voided"):
            migrate.downgrade(store, "0010")
    finally:
        store.dispose()
    assert "voided_on" in _columns(community.db, "member")
