"""`juwei db restore` while another clerk writes, as two processes coordinated by marker files: whatever the
other clerk committed before the restore is in the kept copy, nothing commits during it, and a writer that
holds the database past the busy timeout makes the restore refuse and change nothing."""

from __future__ import annotations

import json
import time

import pytest

from tests.conftest import table_snapshot
from tests.integrity.helpers import PG, raw, roster, spawn, wait_for

pytestmark = [pytest.mark.skipif(PG, reason="SQLite files: PostgreSQL is restored with pg_restore"),
              pytest.mark.slow]


def _names(db: str) -> set[str]:
    return {name for (name,) in raw(db, "SELECT name FROM member")}


def _writer(community, tmp_path):
    """A second clerk adding 王五, paused inside its write transaction until ``release`` appears."""
    marker, release = tmp_path / "writer-paused", tmp_path / "writer-release"
    writer = spawn(community.db, "member", "add", "--name", "王五", JUWEI_TEST_PAUSE_IN_TRANSACTION="120",
                   JUWEI_TEST_PAUSE_MARKER=str(marker), JUWEI_TEST_PAUSE_RELEASE=str(release))
    wait_for(marker, proc=writer)
    return writer, release


def test_a_write_committed_while_restore_waits_is_in_the_kept_copy(community, tmp_path):
    roster(community)
    backup = tmp_path / "backup.db"
    community.ok("db", "backup", str(backup))
    writer, release = _writer(community, tmp_path)
    restore = spawn(community.db, "db", "restore", str(backup), "--json", JUWEI_BUSY_TIMEOUT_MS="120000")
    try:
        # the restore has checked its copy of the backup and is about to take the database; let it get there
        # while the writer still holds its transaction open, then let the writer commit
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("juwei.db.restoring-*")) and restore.poll() is None:
            assert time.monotonic() < deadline, "the restore never started"
            time.sleep(0.02)
        time.sleep(2)  # not an assertion: only gives the restore time to reach the database's lock
        release.write_text("go")
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        out, err = restore.communicate(timeout=120)
        assert restore.returncode == 0, err
    finally:
        for proc in (writer, restore):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    kept = json.loads(out)["replaced_kept_at"]
    assert "王五" in _names(kept)  # the writer's committed row was kept, not lost
    assert "王五" not in _names(community.db)  # the database is the backup's state
    assert table_snapshot(community.db) == table_snapshot(str(backup))
    community.ok("audit", "verify")
    community.ok("--db", kept, "audit", "verify")
    assert not list(tmp_path.glob("*.restoring-*")) and not list(tmp_path.glob("*.partial*"))


def test_restore_refuses_while_a_writer_holds_the_database_past_the_busy_timeout(community, tmp_path):
    roster(community)
    backup = tmp_path / "backup.db"
    community.ok("db", "backup", str(backup))
    community.ok("group", "add", "第二居民小组")  # the database now differs from the backup
    committed = table_snapshot(community.db)
    writer, release = _writer(community, tmp_path)
    try:
        restore = spawn(community.db, "db", "restore", str(backup), JUWEI_BUSY_TIMEOUT_MS="300")
        out, err = restore.communicate(timeout=100)
        assert restore.returncode == 1, (out, err)
        assert err.startswith("error: the database is busy") and "Traceback" not in err
        assert table_snapshot(community.db) == committed
        assert not list(tmp_path.glob("*.replaced-*")) and not list(tmp_path.glob("*.restoring-*"))
    finally:
        release.write_text("go")
        writer.communicate(timeout=120)
    assert writer.returncode == 0
    assert "王五" in _names(community.db)  # the writer's transaction was not overwritten
    community.ok("audit", "verify")
