"""Two clerks at once, crashes mid-transaction: nothing lost, nothing doubled, the chain never forks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import table_snapshot
from tests.integrity.helpers import juwei_env, raw, roster, spawn, wait_for

WORKER = Path(__file__).with_name("worker.py")
ROUNDS = 12


def _worker(db: str, mode: str, count: int, **env: str) -> subprocess.Popen:
    root = str(Path(__file__).resolve().parents[2])
    env = juwei_env(PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""), **env)
    return subprocess.Popen([sys.executable, str(WORKER), db, mode, str(count)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _events(db: str) -> list[dict]:
    rows = raw(db, "SELECT seq, entity, action, before, after FROM audit_event ORDER BY seq")
    return [{"seq": s, "entity": e, "action": a, "before": json.loads(b) if b else None,
             "after": json.loads(f) if f else None} for s, e, a, b, f in rows]


def assert_history_is_linear(db: str) -> None:
    """No lost update: every event's before-state is exactly the previous event's after-state for that
    record, so no writer ever changed a record from a state that had already been replaced."""
    seqs = [e["seq"] for e in _events(db)]
    assert seqs == list(range(1, len(seqs) + 1))
    last: dict[str, dict] = {}
    for event in _events(db):
        before, entity = event["before"], event["entity"]
        if before is not None and entity in last and set(before) >= {"id"}:
            stale = {k: v for k, v in before.items() if k in last[entity] and last[entity][k] != v}
            assert not stale, (event["seq"], entity, stale)
        if event["after"] is not None:
            last[entity] = event["after"]


def test_two_clerks_writing_the_roster_at_once(community):
    ids = roster(community)
    env = {"SHARED_MEMBER": str(ids["li"])}
    first = _worker(community.db, "roster", ROUNDS, WORKER_TAG="a", **env)
    second = _worker(community.db, "roster", ROUNDS, WORKER_TAG="b", **env)
    outputs = []
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        outputs.append(json.loads(out))
    everything = [r for results in outputs for r in results]
    assert all(r["exception"] is None and "Traceback" not in r["stderr"] for r in everything)
    adds = [r for r in everything if r["args"][:2] == ["member", "add"]]
    assert all(r["code"] == 0 for r in adds) and len(adds) == 2 * ROUNDS
    updates = [r for r in everything if r["args"][:2] == ["member", "update"]]
    assert all(r["code"] == 0 for r in updates)
    groups = [r for r in everything if r["args"][:2] == ["group", "add"]]
    by_name = defaultdict(list)
    for r in groups:
        by_name[r["args"][2]].append(r["code"])
    # each shared group name: exactly one clerk created it, the other was told clearly
    assert all(sorted(codes) == [0, 1] for codes in by_name.values()), by_name
    refusals = [r["stderr"] for r in groups if r["code"] == 1]
    assert all("already exists" in s or "busy" in s for s in refusals)

    names = [n for (n,) in raw(community.db, "SELECT name FROM member")]
    assert len(names) == len(set(names)) == 2 + 2 * ROUNDS
    group_names = [n for (n,) in raw(community.db, "SELECT name FROM residents_group")]
    assert len(group_names) == len(set(group_names)) == 1 + ROUNDS
    community.ok("audit", "verify")
    assert_history_is_linear(community.db)
    # the shared member's final state is the last event's after-state (the last writer's note and phone)
    last = [e for e in _events(community.db) if e["entity"] == f"member:{ids['li']}"][-1]["after"]
    note, phone = raw(community.db, "SELECT note, phone FROM member WHERE id = :i", i=ids["li"])[0]
    assert (note, phone) == (last["note"], last["phone"])


def test_locked_beyond_the_busy_timeout_is_a_clear_message(community, tmp_path, unchanged):
    roster(community)
    marker = tmp_path / "paused"
    holder = spawn(community.db, "group", "add", "占用小组", JUWEI_TEST_PAUSE_IN_TRANSACTION="20",
                   JUWEI_TEST_PAUSE_MARKER=str(marker))
    try:
        wait_for(marker)
        with unchanged():
            err = community.fails("member", "add", "--name", "等不及", env={"JUWEI_BUSY_TIMEOUT_MS": "300"})
            assert "busy" in err and "Traceback" not in err
            assert community.json("member", "list")  # readers are not blocked by the writer
    finally:
        holder.kill()
        holder.wait()
    community.ok("audit", "verify")


def _kill_midway(db: str, args: list[str], marker: Path, **env: str) -> None:
    proc = spawn(db, *args, JUWEI_TEST_PAUSE_IN_TRANSACTION="60", JUWEI_TEST_PAUSE_MARKER=str(marker), **env)
    try:
        wait_for(marker, timeout=120, proc=proc)
    finally:
        proc.kill()  # SIGKILL: no handler, no rollback code runs
        proc.wait()
    assert proc.returncode == -9


def test_sigkill_inside_a_write_leaves_the_database_as_before(community, tmp_path):
    roster(community)
    before = table_snapshot(community.db)
    _kill_midway(community.db, ["member", "add", "--name", "半途而废"], tmp_path / "m1")
    assert table_snapshot(community.db) == before
    community.ok("audit", "verify")
    community.ok("member", "add", "--name", "之后")  # the database is usable straight away
    community.ok("audit", "verify")


def test_sigkill_inside_a_large_bulk_write_leaves_the_database_as_before(community, tmp_path):
    roster(community)
    before = table_snapshot(community.db)
    marker = tmp_path / "bulk"
    proc = _worker(community.db, "bulk", 5000, JUWEI_TEST_PAUSE_IN_TRANSACTION="60",
                   JUWEI_TEST_PAUSE_MARKER=str(marker))
    try:
        wait_for(marker, timeout=120, proc=proc)
    finally:
        proc.kill()
        proc.wait()
    assert table_snapshot(community.db) == before
    community.ok("audit", "verify")
    # and the same bulk write, allowed to finish, verifies
    proc = _worker(community.db, "bulk", 5000)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert community.json("audit", "verify")["rows"] >= 5000


from tests.integrity.conftest import SEATS


def _both(db: str, mode: str, **env: str) -> list[dict]:
    first = _worker(db, mode, SEATS, WORKER_ORDER="asc", WORKER_TAG="a", **env)
    second = _worker(db, mode, SEATS, WORKER_ORDER="desc", WORKER_TAG="b", **env)
    results = []
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.extend(json.loads(out))
    assert all(r["exception"] is None and "Traceback" not in r["stderr"] for r in results)
    assert all(r["code"] in (0, 1) for r in results)
    return results


def test_two_clerks_sign_in_and_take_votes_on_one_meeting(meeting):
    """Both clerks sign in every seat and record every seat's vote, from opposite ends of the roll: each seat
    is signed in once and votes once, the refusals say why, and the tally counts every seat exactly once."""
    env = {"JUWEI_TODAY": "2026-06-15", "MEETING": str(meeting.meeting), "MOTION": str(meeting.motion)}
    checkins = _both(meeting.db, "checkin", **env)
    assert sum(r["code"] == 0 for r in checkins) == SEATS
    assert all("already signed in" in r["stderr"] or "busy" in r["stderr"] for r in checkins if r["code"])
    seats = [s for (s,) in raw(meeting.db, "SELECT seat FROM attendance WHERE meeting_id = :m", m=meeting.meeting)]
    assert sorted(seats) == list(range(1, SEATS + 1))

    first = _worker(meeting.db, "cast", SEATS, WORKER_ORDER="asc", CHOICE="for", **env)
    second = _worker(meeting.db, "cast", SEATS, WORKER_ORDER="desc", CHOICE="against", **env)
    casts = []
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        casts.extend(json.loads(out))
    assert all(r["exception"] is None and "Traceback" not in r["stderr"] for r in casts)
    assert sum(r["code"] == 0 for r in casts) == SEATS
    assert all("already voted" in r["stderr"] or "busy" in r["stderr"] for r in casts if r["code"])
    ballots = raw(meeting.db, "SELECT seat, choice FROM ballot WHERE motion_id = :m", m=meeting.motion)
    assert sorted(s for s, _ in ballots) == list(range(1, SEATS + 1))

    meeting.ok("meeting", "close", str(meeting.meeting), env={"JUWEI_TODAY": "2026-06-15"})
    tally = raw(meeting.db, "SELECT votes_for, votes_against, present FROM motion WHERE id = :m", m=meeting.motion)[0]
    choices = [c for _, c in ballots]
    assert (tally[0], tally[1], tally[2]) == (choices.count("for"), choices.count("against"), SEATS)
    meeting.ok("audit", "verify")
    assert_history_is_linear(meeting.db)
    # the close recorded the seal of the tallies
    seals = [json.loads(a) for (a,) in raw(meeting.db, "SELECT after FROM audit_event WHERE action = 'meeting.seal'")]
    assert seals and f"motion:{meeting.motion}" in seals[0]["entities"]


def test_sigkill_during_meeting_close_leaves_the_meeting_open(meeting, tmp_path):
    env = {"JUWEI_TODAY": "2026-06-15"}
    meeting.ok("meeting", "checkin", str(meeting.meeting), "--all", env=env)
    meeting.ok("vote", "cast", str(meeting.motion), f"1-{SEATS}", "--choice", "for", env=env)
    before = table_snapshot(meeting.db)
    _kill_midway(meeting.db, ["meeting", "close", str(meeting.meeting)], tmp_path / "close", **env)
    assert table_snapshot(meeting.db) == before
    meeting.ok("audit", "verify")
    meeting.ok("meeting", "close", str(meeting.meeting), env=env)  # and it closes normally afterwards
    meeting.ok("audit", "verify")
