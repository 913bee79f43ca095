"""`juwei db backup / restore / check`: consistent copies, refusals that change nothing, checks that find damage."""

from __future__ import annotations

import json
import os
import stat
import sqlite3

import pytest

from tests.conftest import table_snapshot
from tests.integrity.helpers import PG, raw, roster, spawn, wait_for

sqlite_only = pytest.mark.skipif(PG, reason="SQLite files: PostgreSQL is backed up with pg_dump")


@sqlite_only
def test_backup_is_private_verified_and_refuses_to_overwrite(community, tmp_path):
    roster(community)
    dest = tmp_path / "copy.db"
    out = json.loads(community.ok("db", "backup", str(dest), "--json"))
    assert out["events"] > 0 and len(out["head_hash"]) == 64
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o600
    assert table_snapshot(str(dest)) == table_snapshot(community.db)
    assert not (tmp_path / "copy.db.partial").exists()
    with open(dest, "rb") as fh:
        assert fh.read(16) == b"SQLite format 3\x00"
    before = dest.read_bytes()
    assert "already exists" in community.fails("db", "backup", str(dest))
    assert dest.read_bytes() == before
    community.fails("db", "backup", str(tmp_path / "no" / "such" / "dir.db"))
    community.fails("db", "backup", community.db)


@sqlite_only
def test_backup_while_another_clerk_writes_is_consistent(community, tmp_path):
    """A second clerk holds an open write transaction; the backup neither waits for it nor sees half of it."""
    roster(community)
    committed = table_snapshot(community.db)
    marker = tmp_path / "paused"
    writer = spawn(community.db, "member", "add", "--name", "王五", JUWEI_TEST_PAUSE_IN_TRANSACTION="30",
                   JUWEI_TEST_PAUSE_MARKER=str(marker))
    try:
        wait_for(marker)
        dest = tmp_path / "during.db"
        community.ok("db", "backup", str(dest))
        assert table_snapshot(str(dest)) == committed
        community.ok("--db", str(dest), "audit", "verify")
    finally:
        writer.kill()
        writer.wait()


@sqlite_only
def test_restore_brings_back_the_backup_and_keeps_the_replaced_file(community, tmp_path):
    ids = roster(community)
    dest = tmp_path / "monday.db"
    community.ok("db", "backup", str(dest))
    at_backup = table_snapshot(community.db)
    community.ok("member", "update", str(ids["li"]), "--phone", "13700000000")
    community.ok("group", "add", "第二居民小组")
    replaced = table_snapshot(community.db)

    out = json.loads(community.ok("db", "restore", str(dest), "--json"))
    assert table_snapshot(community.db) == at_backup
    kept = out["replaced_kept_at"]
    assert kept and ".replaced-" in kept and os.path.exists(kept)
    assert table_snapshot(kept) == replaced
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    community.ok("audit", "verify")
    community.ok("group", "add", "第三居民小组")  # the restored database is in use again
    community.ok("audit", "verify")


@sqlite_only
def test_restore_refuses_what_is_not_a_sound_juwei_database(community, tmp_path, unchanged):
    roster(community)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database", encoding="utf-8")
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    tampered = tmp_path / "tampered.db"
    community.ok("db", "backup", str(tampered))
    raw(str(tampered), "UPDATE member SET name = '假名'")
    truncated = tmp_path / "truncated.db"
    community.ok("db", "backup", str(truncated))
    truncated.write_bytes(truncated.read_bytes()[:3000])
    with unchanged():
        assert "not a juwei database" in community.fails("db", "restore", str(text_file))
        assert "not a juwei database" in community.fails("db", "restore", str(foreign))
        assert "audit verify" in community.fails("db", "restore", str(tampered))
        community.fails("db", "restore", str(truncated))
        community.fails("db", "restore", str(tmp_path / "missing.db"))
        community.fails("db", "restore", community.db)
    assert not list(tmp_path.glob("*.replaced-*")) and not list(tmp_path.glob("*.restoring-*"))


@sqlite_only
def test_restore_into_a_missing_database_creates_it(community, tmp_path):
    roster(community)
    dest = tmp_path / "b.db"
    community.ok("db", "backup", str(dest))
    fresh = tmp_path / "new" / "juwei.db"
    fresh.parent.mkdir()
    community.ok("--db", str(fresh), "db", "restore", str(dest))
    assert table_snapshot(str(fresh)) == table_snapshot(community.db)
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o600


@sqlite_only
def test_check_finds_a_broken_reference(community):
    roster(community)
    raw(community.db, "INSERT INTO household (id, community_id, number, group_id, created_at) "
                      "VALUES (50, 1, '09009', 777, '2026-01-01 00:00:00')")  # no group 777; raw: FKs are off
    result = community("db", "check", "--json")
    assert result.exit_code == 1
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert checks["integrity_check"]["ok"]
    assert not checks["foreign_key_check"]["ok"] and "household" in checks["foreign_key_check"]["details"][0]
    assert not checks["audit_verify"]["ok"]


def test_check_on_a_sound_database(community):
    roster(community)
    report = community.json("db", "check")
    assert report["ok"] and all(c["ok"] for c in report["checks"])


@pytest.mark.skipif(not PG, reason="PostgreSQL only")
def test_postgresql_backup_points_to_pg_dump(community, tmp_path, unchanged):
    with unchanged():
        assert "pg_dump" in community.fails("db", "backup", str(tmp_path / "x.db"))
        assert "pg_dump" in community.fails("db", "restore", str(tmp_path / "x.db"))


def _dead_pid() -> int:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@sqlite_only
def test_what_a_killed_backup_or_restore_left_is_cleaned_up_by_the_next_run(community, tmp_path):
    roster(community)
    dead, alive = _dead_pid(), os.getpid()
    killed_restore = tmp_path / f"juwei.db.restoring-20260101T000000Z-{dead}"
    killed_backup = tmp_path / f"monday.db.partial-{dead}"
    running_backup = tmp_path / f"tuesday.db.partial-{alive}"  # a backup still running: not touched
    for path in (killed_restore, killed_backup, running_backup, tmp_path / f"{killed_restore.name}-wal"):
        path.write_bytes(b"SQLite format 3\x00 half written")
    dest = tmp_path / "wednesday.db"
    community.ok("db", "backup", str(dest))
    assert not killed_backup.exists() and not killed_restore.exists() and running_backup.exists()

    killed_restore.write_bytes(b"SQLite format 3\x00 half written")
    result = community("db", "restore", str(dest))
    assert result.exit_code == 0, result.output
    assert not killed_restore.exists() and running_backup.exists()
    assert f"removed {killed_restore}" in result.stderr


@sqlite_only
def test_restore_warns_about_an_older_backup_and_another_history(community, tmp_path):
    roster(community)
    old = tmp_path / "old.db"
    community.ok("db", "backup", str(old))
    community.ok("group", "add", "第二居民小组")
    result = community("db", "restore", str(old))
    assert result.exit_code == 0, result.output
    assert "warning: the backup is older than the database it replaced" in result.stderr

    other = tmp_path / "other.db"
    community.ok("--db", str(other), "init", "--name", "地坛北里社区", "--code", "dtbl")
    result = community("db", "restore", str(other))
    assert result.exit_code == 0, result.output
    assert "another community's database?" in result.stderr and "地坛北里社区" in result.stderr
    assert "not an earlier state" in result.stderr


@sqlite_only
def test_restore_with_a_seal_refuses_a_backup_that_does_not_match_it(community, tmp_path, unchanged):
    roster(community)
    seal = tmp_path / "seal.txt"
    community.ok("audit", "seal", "--out", str(seal))
    good = tmp_path / "good.db"
    community.ok("db", "backup", str(good))
    other = tmp_path / "other.db"  # the same community rebuilt: a different chain the seal does not know
    community.ok("--db", str(other), "init", "--name", "东城社区", "--code", "dc")
    community.ok("--db", str(other), "group", "add", "第一居民小组")
    with unchanged():
        assert "audit verify" in community.fails("db", "restore", str(other), "--seal", str(seal))
    assert not list(tmp_path.glob("*.replaced-*"))
    community.ok("db", "restore", str(good), "--seal", str(seal))


@sqlite_only
def test_two_restores_in_the_same_second_keep_both_replaced_databases(community, tmp_path):
    import datetime as dt

    from juwei.services import integrity

    roster(community)
    backup = tmp_path / "b.db"
    community.ok("db", "backup", str(backup))
    at = dt.datetime(2026, 11, 28, 12, 0, 0, tzinfo=dt.UTC)
    first = integrity.restore(community.db, backup, now=at).replaced_kept_at
    second = integrity.restore(community.db, backup, now=at).replaced_kept_at
    assert first != second and os.path.exists(first) and os.path.exists(second)


@sqlite_only
def test_a_file_that_only_looks_like_a_leftover_is_left_alone(community, tmp_path):
    """`notes.txt.partial-99999` is a clerk's file, not a half-written backup: the next backup keeps it."""
    roster(community)
    notes = tmp_path / f"notes.txt.partial-{_dead_pid()}"
    notes.write_text("会议笔记", encoding="utf-8")
    community.ok("db", "backup", str(tmp_path / "thursday.db"))
    assert notes.read_text(encoding="utf-8") == "会议笔记"
