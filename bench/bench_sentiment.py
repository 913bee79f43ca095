"""Sentiment benchmark: the monthly report to the street office (S12) with 10,000 items in the database.

Two databases: "year" — 10,000 items (a handling step each, a seventh of them urgent) received over the
twelve months up to the month reported on, so the report reads that month's twelfth among the rest; and
"one month" — the worst case, all 10,000 received in the month reported on, so the report counts and lists
every one. Prints each command's time in a fresh process beyond start-up, against an anchor measured in the
same run on the same machine:
- ``anchor_db``: ``juwei sentiment list --month 1990-01 --json`` — start-up plus importing the database
  layer and the sentiment tables and opening the database, which the report pays too, with no item to
  read; "beyond start-up" is measured from it.

Items are inserted with ``storage.bulk.insert_rows`` (no audit events: the report does not read them).

Usage: python bench/bench_sentiment.py [ITEMS]   (default 10000)
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEMS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
MONTH = "2026-10"
RUNS = 5


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    result = fn(*args, **kw)
    return time.perf_counter() - t0, result


def build(db: str, items: int, months: int) -> None:
    from juwei.rules.sentiment import Category, Source, Status
    from juwei.services.community import create_community
    from juwei.services.scope import open_scope
    from juwei.storage import bulk
    from juwei.storage.engine import create_store
    from juwei.storage.models import Household, ResidentsGroup, SentimentItem, SentimentStep
    from juwei.storage.models.base import utcnow

    store = create_store(db)
    with store.write() as session:
        create_community(session, name="基准社区", code="bench", profile="seed")
    rng = random.Random(20261001)
    now = utcnow()
    with open_scope(store, None, write=True) as sc:
        cid = sc.community_id
        [group] = bulk.insert_rows(sc.session, ResidentsGroup, [{"community_id": cid, "name": "第一居民小组",
                                                                 "created_at": now}])
        households = bulk.insert_rows(sc.session, Household, [
            {"community_id": cid, "number": f"{n:05d}", "address": None, "group_id": group,
             "representative_id": None, "created_at": now} for n in range(1, 2001)])
        rows = []
        for n in range(items):
            category = rng.choice(list(Category))
            back = n % months  # months before the one reported on
            received = dt.date(2026 - (back >= 10), (10 - back - 1) % 12 + 1, 1 + (n // months) % 28)
            rows.append({"community_id": cid, "category": category.value, "source": rng.choice(list(Source)).value,
                         "text": f"居民反映第{n}号问题：小区停车、照明、养老服务等", "household_id": rng.choice(households),
                         "from_name": "张三" if n % 7 == 0 else None, "by_member_id": None, "by_name": "钱玉兰",
                         "received": received, "status": Status.REFERRED.value, "meeting_id": None,
                         "reported_on": received if category == Category.STABILITY else None,
                         "reported_to": "街道党工办" if category == Category.STABILITY else None, "created_at": now})
        ids = bulk.insert_rows(sc.session, SentimentItem, rows)
        bulk.insert_rows(sc.session, SentimentStep, [
            {"community_id": cid, "item_id": item_id, "status": Status.REFERRED.value, "note": "已转相关部门办理",
             "on": row["received"], "created_at": now} for item_id, row in zip(ids, rows)], return_ids=False)
    store.dispose()


def measure(items: int, months: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "juwei.db")
        t_build, _ = timed(build, db, items, months)
        juwei = str(Path(sys.executable).with_name("juwei"))
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"JUWEI_DB": db, "JUWEI_TODAY": "2026-11-03", "JUWEI_CLERK": "bench"})
        anchor = ["sentiment", "list", "--month", "1990-01", "--json"]
        commands = {
            "report md": ["sentiment", "report", "--month", MONTH],
            "report html": ["sentiment", "report", "--month", MONTH, "--format", "html"],
            "report xlsx": ["sentiment", "report", "--month", MONTH, "--out", str(Path(tmp) / "r.xlsx"), "--force"],
            "list --month --json": ["sentiment", "list", "--month", MONTH, "--json"],
            "agenda --json": ["agenda", "--json"],
        }
        for warm in (anchor, *commands.values()):  # writes the bytecode every later run uses
            subprocess.run([juwei, *warm], env=env, capture_output=True, check=True)
        times = {name: [] for name in ("anchor", *commands)}
        for _ in range(RUNS):  # interleaved, so load from elsewhere on the machine hits all alike
            times["anchor"].append(timed(subprocess.run, [juwei, *anchor], env=env, capture_output=True,
                                         check=True)[0])
            for name, command in commands.items():
                times[name].append(timed(subprocess.run, [juwei, *command], env=env, capture_output=True,
                                         check=True)[0])
        listed = subprocess.run([juwei, *commands["list --month --json"]], env=env, capture_output=True, check=True)
        in_month = listed.stdout.count(b'"id"')
    anchor_db = statistics.median(times["anchor"])
    print(f"\n{'one month' if months == 1 else 'year'}: {items:,} items over {months} month(s), {in_month:,} of them "
          f"in {MONTH} (built in {t_build:.2f} s)")
    print(f"anchor_db (sentiment list of an empty month: start-up, database opened): {anchor_db * 1000:.0f} ms")
    for name in commands:
        median = statistics.median(times[name])
        beyond = median - anchor_db
        target = f"  (target ≤ 1 s beyond start-up: {'met' if beyond <= 1 else 'MISSED'})" \
            if name.startswith("report") else ""
        print(f"{name}: median of {RUNS} {median * 1000:.0f} ms = {beyond * 1000:.0f} ms beyond start-up, "
              f"{median / anchor_db:.2f}× anchor_db{target}")


def main() -> None:
    measure(ITEMS, 12)
    measure(ITEMS, 1)


if __name__ == "__main__":
    main()
