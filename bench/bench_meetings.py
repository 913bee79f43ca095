"""Benchmark: convene an adults' meeting over 100,000 residents and tally 1,000 roll-call motions.

Targets (issue 4): convening with its snapshot ≤ 2 s; one tally ≤ 50 ms beyond start-up.

Run: ``python bench/bench_meetings.py [--residents 100000] [--motions 1000]``. Everything is measured in
this run against anchors measured in the same run on the same disk:
- ``anchor_insert``: a raw sqlite3 executemany of as many rows as the roll into a scratch table — what
  writing the snapshot costs at the very least;
- ``anchor_startup``: ``juwei --version`` in a fresh process — what any command costs before it works;
- ``anchor_db``: ``juwei rules show --json`` — start-up plus importing the database layer and opening the
  database, which every database command pays; "beyond start-up" is measured from this one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
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


def build_roster(db: str, residents: int) -> None:
    """A community with ``residents`` members in households of ~2.5, 20 groups; Core inserts only."""
    from sqlalchemy import insert

    from juwei.services.community import create_community
    from juwei.storage.engine import create_store
    from juwei.storage.models import Household, Member, ResidentsGroup
    from juwei.storage.models.base import utcnow

    store = create_store(db)
    rng = random.Random(4)
    now = utcnow()
    today = dt.date(2026, 6, 10)
    with store.write() as session:
        community = create_community(session, name="基准社区", code="bench", profile="seed")
        cid = community.id
        session.execute(insert(ResidentsGroup), [{"community_id": cid, "name": f"第{i + 1}居民小组", "created_at": now}
                                                 for i in range(20)])
        households = residents * 2 // 5
        session.execute(insert(Household), [
            {"community_id": cid, "number": f"{i:06d}", "address": None, "group_id": i * 20 // households + 1,
             "representative_id": None, "created_at": now} for i in range(households)])
        rows = []
        for i in range(residents):
            age = rng.choice((5, 12, 17, 25, 34, 41, 52, 63, 70, 81))
            birth = today - dt.timedelta(days=age * 365 + rng.randrange(365))
            deprived = i % 997 == 0
            rows.append({"community_id": cid, "name": f"居民{i:06d}", "gender": "MF"[i % 2], "id_number": None,
                         "birth_date": birth, "household_id": i % households + 1, "phone": None,
                         "party_member": i % 9 == 0, "rights_deprived_from": dt.date(2020, 1, 1) if deprived else None,
                         "rights_deprived_until": None, "moved_in": None,
                         "moved_out": dt.date(2026, 1, 1) if i % 501 == 0 else None, "note": None,
                         "created_at": now, "updated_at": now})
        session.execute(insert(Member), rows)
    store.dispose()


def anchor_insert(path: Path, n: int) -> float:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE scratch (a INTEGER, b INTEGER, c INTEGER, d TEXT, e TEXT, f INTEGER, g TEXT)")
    rows = [(1, i, i, f"居民{i:06d}", "第1居民小组", i, f"{i:06d}") for i in range(n)]
    start = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO scratch VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    took = time.perf_counter() - start
    conn.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--motions", type=int, default=1_000)
    parser.add_argument("--ballots", type=int, default=1_000, help="roll-call ballots per motion")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="juwei-bench-"))
    try:
        run(tmp, args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(tmp: Path, args) -> None:
    from sqlalchemy import insert, select

    from juwei.rules.meetings import VoteChoice
    from juwei.services import meetings, voting
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store
    from juwei.storage.models import Attendance, Ballot, Motion
    from juwei.storage.models.base import utcnow

    db = str(tmp / "bench.db")
    took, _ = timed(build_roster, db, args.residents)
    print(f"roster: {args.residents} residents generated in {took:.2f} s")

    store = open_store(db)

    def convene():
        with open_scope(store, None, write=True) as sc:
            return meetings.convene(sc, kind="residents", body="adults", at=dt.datetime(2026, 6, 15, 9, 0),
                                    place="体育馆", topics=["基准"]).id

    runs = [timed(convene) for _ in range(3)]  # three meetings over the same body; the first is kept
    meeting_id = runs[0][1]
    convene_times = [took for took, _ in runs]
    t_convene = statistics.median(convene_times)
    with open_scope(store, None, write=False) as sc:
        size = meetings.find_meeting(sc, meeting_id).body_size
    t_anchor = anchor_insert(tmp / "anchor.db", size)

    os.environ["JUWEI_TODAY"] = "2026-06-15"  # the meeting is held on its day: sign-in and votes from here on

    def checkin_all():
        with open_scope(store, None, write=True) as sc:
            return len(meetings.checkin(sc, meeting_id, everyone=True, except_seats=list(range(1, size // 3 + 1))))

    t_checkin, present = timed(checkin_all)

    # 1,000 motions, each voted by roll call of --ballots present seats. The ballots go in with Core (the
    # service's own cast is measured once below); the tallies are what is timed.
    with open_scope(store, None, write=True) as sc:
        first = voting.add_motion(sc, meeting_id, title="按服务录入的唱名表决")
        seats = list(range(size // 3 + 1, size // 3 + args.ballots + 1))
        t_cast, _ = timed(voting.cast_votes, sc, first.id, seats, VoteChoice.FOR)
        now = utcnow()
        sc.session.execute(insert(Motion), [
            {"community_id": sc.community_id, "meeting_id": meeting_id, "number": i + 2, "title": f"议案{i + 2}",
             "text": None, "kind": "ordinary", "method": "roll-call", "present": present, "created_at": now,
             "voted_at": now} for i in range(args.motions - 1)])
        ids = sc.session.execute(select(Motion.id).where(Motion.meeting_id == meeting_id)
                                 .order_by(Motion.number)).scalars().all()
        in_room = sc.session.execute(select(Attendance.seat).where(Attendance.meeting_id == meeting_id)
                                     .order_by(Attendance.seat).limit(args.ballots)).scalars().all()
        rng = random.Random(8)
        sc.session.execute(insert(Ballot), [
            {"motion_id": mid, "seat": seat, "member_id": None, "cast_at": now,
             "choice": rng.choice(("for", "for", "against", "abstain"))} for mid in ids[1:] for seat in in_room])

    tallies = []
    with open_scope(store, None, write=False) as sc:
        for mid in ids:
            took, _ = timed(voting.tally_motion, sc, mid)
            tallies.append(took)
    t_close, _ = timed(lambda: _close(store, meeting_id))
    store.dispose()

    juwei = str(Path(sys.executable).with_name("juwei"))
    # Installed packages run from compiled bytecode; let the subprocesses write and use it (a warm-up run
    # of each command writes it), even where the environment turns bytecode off.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["JUWEI_DB"] = db
    for warm in (["--version"], ["rules", "show", "--json"], ["vote", "tally", str(ids[0]), "--json"]):
        subprocess.run([juwei, *warm], env=env, capture_output=True, check=True)
    startup, startup_db, cli_tally = [], [], []
    for mid in ids[:9]:  # interleaved, so load from elsewhere on the machine hits all three alike
        startup.append(timed(subprocess.run, [juwei, "--version"], env=env, capture_output=True, check=True)[0])
        startup_db.append(timed(subprocess.run, [juwei, "rules", "show", "--json"], env=env, capture_output=True,
                                check=True)[0])
        cli_tally.append(timed(subprocess.run, [juwei, "vote", "tally", str(mid), "--json"], env=env,
                               capture_output=True, check=True)[0])
    probe = ("import time; import juwei.cli._common, juwei.services.community, juwei.storage.engine; "
             "t = time.perf_counter(); import juwei.services.voting, juwei.cli.vote; "
             "print(time.perf_counter() - t)")
    extra_imports = statistics.median(
        float(subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(5))
    anchor_startup = statistics.median(startup)
    anchor_db = statistics.median(startup_db)
    beyond = statistics.median(cli_tally) - anchor_db

    print(f"adults' body on the roll: {size} of {args.residents} residents")
    print(f"anchor_insert (raw sqlite3 executemany of {size} rows): {t_anchor:.3f} s")
    print(f"convene with roll + rules snapshot: median of 3 {t_convene:.3f} s, runs "
          f"{', '.join(f'{x:.2f}' for x in convene_times)} s  "
          f"({t_convene / t_anchor:.1f}× anchor_insert; target ≤ 2 s: {'met' if t_convene <= 2 else 'MISSED'})")
    print(f"checkin --all of {present} seats: {t_checkin:.3f} s ({t_checkin / t_anchor:.1f}× anchor_insert)")
    print(f"vote cast of {args.ballots} seats through the service: {t_cast * 1000:.0f} ms")
    print(f"tally, in process, over {len(ids)} roll-call motions: median {statistics.median(tallies) * 1000:.2f} ms, "
          f"max {max(tallies) * 1000:.2f} ms, total {sum(tallies):.2f} s")
    print(f"close (stores {len(ids)} final tallies): {t_close:.3f} s")
    print(f"anchor_startup (juwei --version): {anchor_startup * 1000:.0f} ms")
    print(f"anchor_db (juwei rules show --json: start-up, database layer imported, database opened): "
          f"{anchor_db * 1000:.0f} ms")
    print(f"`juwei vote tally M --json`: median {statistics.median(cli_tally) * 1000:.0f} ms = "
          f"{statistics.median(cli_tally) / anchor_db:.2f}× anchor_db, {beyond * 1000:.0f} ms beyond start-up "
          f"(noisy: difference of two process timings)")
    own = extra_imports + statistics.median(tallies)
    print(f"tally's own cost beyond start-up = importing the meetings modules ({extra_imports * 1000:.1f} ms) + the "
          f"tally ({statistics.median(tallies) * 1000:.2f} ms) = {own * 1000:.1f} ms "
          f"(target ≤ 50 ms: {'met' if own <= 0.05 else 'MISSED'})")


def _close(store, meeting_id: int) -> None:
    from juwei.services import meetings
    from juwei.services.scope import open_scope

    with open_scope(store, None, write=True) as sc:
        meetings.close(sc, meeting_id)


if __name__ == "__main__":
    main()
