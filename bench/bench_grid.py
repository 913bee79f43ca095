"""Benchmark: `juwei grid check` over 50,000 households (S11, S13).

Target (issue 17): `grid check` stays under 1 s beyond start-up.

Run: ``python bench/bench_grid.py [--households 50000]``. A community with 20 residents' groups, a committee
of five and three staff; every household but 1 in 1,000 under a responsible person, and a visit for every
third household. Everything is measured in this run against anchors measured in the same run:
- ``anchor_startup``: ``juwei --version`` in a fresh process;
- ``anchor_db``: ``juwei rules show --json`` — start-up plus importing the database layer and opening the
  database, which every database command pays; "beyond start-up" is measured from this one;
- ``anchor_sql``: the blind spots found with one SQL query through sqlite3 directly (a LEFT JOIN of the
  households against their open assignments) — the least the check could cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("JUWEI_TODAY", "2026-06-10")
os.environ.setdefault("JUWEI_CLERK", "bench")


def timed(fn, *args, **kw):
    start = time.perf_counter()
    result = fn(*args, **kw)
    return time.perf_counter() - start, result


def build(db: str, households: int) -> None:
    """The community, its households and register through Core inserts; the grid through the services' bulk
    path (``storage.bulk.insert_rows`` and one ``audit.record_set``), as an import would write it."""
    from sqlalchemy import insert

    from juwei.rules.committee import CommitteeRole, StaffPosition
    from juwei.services import audit, committee
    from juwei.services.community import create_community
    from juwei.services.scope import open_scope
    from juwei.storage import bulk
    from juwei.storage.engine import create_store
    from juwei.storage.models import GridAssignment, Household, HouseholdVisit, Member, ResidentsGroup
    from juwei.storage.models.base import utcnow

    store = create_store(db)
    now = utcnow()
    with store.write() as session:
        cid = create_community(session, name="基准社区", code="bench", profile="seed").id
        session.execute(insert(ResidentsGroup), [{"community_id": cid, "name": f"第{i + 1}居民小组", "created_at": now}
                                                 for i in range(20)])
        session.execute(insert(Household), [
            {"community_id": cid, "number": f"{i:06d}", "address": None, "group_id": i * 20 // households + 1,
             "representative_id": None, "created_at": now} for i in range(households)])
        session.execute(insert(Member), [
            {"community_id": cid, "name": f"干部{i}", "gender": "MF"[i % 2], "id_number": None,
             "birth_date": dt.date(1970 + i, 1, 1), "household_id": i + 1, "phone": None, "party_member": False,
             "rights_deprived_from": None, "rights_deprived_until": None, "moved_in": None, "moved_out": None,
             "note": None, "created_at": now, "updated_at": now} for i in range(5)])
    start = dt.date(2024, 6, 1)
    with open_scope(store, None, write=True) as sc:
        for i, role in enumerate([CommitteeRole.DIRECTOR, CommitteeRole.DEPUTY] + [CommitteeRole.MEMBER] * 3):
            committee.add_committee(sc, str(i + 1), role=role, start=start)
        for n in range(3):
            committee.add_staff(sc, member_ref=None, name=f"工作人员{n}", position=StaffPosition.SERVICES, start=start,
                                disclosed=True)
    people = [(i + 1, None) for i in range(5)] + [(None, f"工作人员{n}") for n in range(3)]
    with open_scope(store, None, write=True) as sc:
        rows = [{"community_id": sc.community_id, "household_id": h + 1, "member_id": people[h % 8][0],
                 "name": people[h % 8][1], "start": start, "ended_on": None, "created_at": now}
                for h in range(households) if h % 1000 != 999]
        bulk.insert_rows(sc.session, GridAssignment, rows, return_ids=False)
        audit.record_set(sc, "grid.assign", "grid_assignment", 0)
        visits = [{"community_id": sc.community_id, "household_id": h + 1, "member_id": 1, "name": None,
                   "day": dt.date(2026, 1, 1) + dt.timedelta(days=h % 150), "note": None, "created_at": now}
                  for h in range(0, households, 3)]
        bulk.insert_rows(sc.session, HouseholdVisit, visits, return_ids=False)
        audit.record_set(sc, "grid.visit", "household_visit", 0)
    store.dispose()


def anchor_sql(db: str) -> int:
    conn = sqlite3.connect(db)
    n = conn.execute("SELECT count(*) FROM household h LEFT JOIN grid_assignment g ON g.household_id = h.id "
                     "AND g.ended_on IS NULL WHERE g.id IS NULL").fetchone()[0]
    conn.close()
    return n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "juwei.db")
        t_build, _ = timed(build, db, args.households)
        t_sql, blind = timed(anchor_sql, db)

        from juwei.services.grid import check
        from juwei.services.scope import open_scope
        from juwei.storage.engine import open_store

        store = open_store(db)
        in_process = []
        for days in (None, 90):
            with open_scope(store, None, write=False) as sc:
                took, found = timed(check, sc, unvisited_days=days)
            in_process.append(took)
        store.dispose()
        assert len(found.households) == blind, (len(found.households), blind)

        juwei = str(Path(sys.executable).with_name("juwei"))
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["JUWEI_DB"] = db
        commands = {"startup": ["--version"], "db": ["rules", "show", "--json"], "check": ["grid", "check", "--json"],
                    "unvisited": ["grid", "check", "--json", "--unvisited", "90d"]}
        for command in commands.values():  # warm-up: compiled bytecode
            subprocess.run([juwei, *command], env=env, capture_output=True, check=True)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(5):  # interleaved, so load from elsewhere on the machine hits all alike
            for name, command in commands.items():
                times[name].append(timed(subprocess.run, [juwei, *command], env=env, capture_output=True,
                                         check=True)[0])
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"households {args.households:,}; blind spots {blind}; built in {t_build:.1f} s")
    print(f"anchor_sql (one LEFT JOIN through sqlite3): {t_sql * 1000:.0f} ms")
    print(f"grid check in process: {in_process[0] * 1000:.0f} ms ({in_process[0] / t_sql:.1f}× anchor_sql); "
          f"with --unvisited 90d: {in_process[1] * 1000:.0f} ms")
    print(f"anchor_startup (juwei --version): {median['startup'] * 1000:.0f} ms")
    print(f"anchor_db (juwei rules show --json): {median['db'] * 1000:.0f} ms")
    for name in ("check", "unvisited"):
        beyond = median[name] - median["db"]
        print(f"`juwei {' '.join(commands[name])}`: median {median[name] * 1000:.0f} ms, {beyond * 1000:.0f} ms "
              f"beyond start-up (target < 1 s: {'met' if beyond < 1 else 'MISSED'})")


if __name__ == "__main__":
    main()
