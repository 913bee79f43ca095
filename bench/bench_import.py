"""Roster import benchmark: `juwei member import` against anchors measured in the same run.

    python bench/bench_import.py [--rows 100000] [--repeat 2] [--xlsx-rows 10000,100000] [--keep DIR]

Figures (each printed as a ratio against its anchor):
1. CSV import with full validation, end to end (a fresh `juwei` process, start-up included) vs
   `sqlite-utils insert db member roster.csv --csv` of the same file, which validates nothing.
   Target: juwei at least 5x faster.
2. The insert phase: juwei's bulk loader writing the member rows vs a bare `sqlite3.executemany` of the
   very same rows into the same schema (same pragmas, indexes, foreign keys). Target: >= 1/3 of its speed.
   Also shown: the whole write (households, members, and the audit events holding the new rows'
   fingerprints, one per table) vs bare executemany of every row it wrote.
3. xlsx import peak RSS at each size (a fresh process each; read-only streaming should keep it flat).

sqlite-utils is installed into this Python's environment if missing (or: pip install -e '.[bench]').
Times are wall-clock, best of --repeat runs; the machine's load moves them, the ratios much less.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COLUMNS = ("name", "id_number", "birth_date", "gender", "household", "group", "address", "phone",
           "political_rights", "party_member")


def juwei(*args: str, **kw) -> subprocess.CompletedProcess:
    exe = BIN / "juwei"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "juwei"]
    return subprocess.run([*command, *args], check=True, capture_output=True, text=True, **kw)


def ensure_sqlite_utils() -> str:
    exe = BIN / "sqlite-utils"
    if not exe.exists():
        print("installing sqlite-utils (the anchor) into", sys.prefix, file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "sqlite-utils"], check=True)
    return str(exe)


def generate(rows: int) -> list[dict[str, object]]:
    from juwei.services.demo import sample_rows

    # ~2.3 residents per household; every ID number valid, birth date and gender agreeing.
    return list(itertools.islice(sample_rows(dt.date(2026, 3, 1), households=rows * 10 // 22 + 100), rows))


def write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[dict[str, object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["姓名", "身份证号", "出生日期", "性别", "户号", "居民小组", "住址", "电话", "政治权利", "党员"])
    for row in rows:
        sheet.append([row[c] for c in COLUMNS])
    book.save(path)


def fresh_db(template: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copy(template, target)
    return target


def best(times: list[float]) -> float:
    return min(times)


def timed(fn) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user + system) of the child processes ``fn`` ran."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        fn()
    except subprocess.CalledProcessError as exc:
        sys.exit(f"{' '.join(map(str, exc.cmd))} failed:\n{exc.stderr}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def end_to_end(work: Path, template: Path, roster: Path, repeat: int) -> dict[str, float]:
    sqlite_utils = ensure_sqlite_utils()
    runs: dict[str, list[float]] = {"ours_wall": [], "ours_cpu": [], "anchor_wall": [], "anchor_cpu": []}
    for _ in range(repeat):  # interleaved, so a burst of load from elsewhere hits both alike
        su_db = work / "su.db"
        su_db.unlink(missing_ok=True)
        wall, cpu = timed(lambda: subprocess.run([sqlite_utils, "insert", str(su_db), "member", str(roster),
                                                  "--csv"], check=True, capture_output=True))
        runs["anchor_wall"].append(wall)
        runs["anchor_cpu"].append(cpu)
        db = fresh_db(template, work / "e2e.db")
        wall, cpu = timed(lambda: juwei("--db", str(db), "member", "import", str(roster)))
        runs["ours_wall"].append(wall)
        runs["ours_cpu"].append(cpu)
    return {k: best(v) for k, v in runs.items()}


def insert_phase(work: Path, template: Path, roster: Path, repeat: int) -> dict[str, float]:
    """Time the bulk loader inside a real import, then replay exactly the rows it wrote with a bare
    executemany into a fresh copy of the same database."""
    from juwei.services import audit, importer
    from juwei.services.scope import open_scope
    from juwei.storage import bulk
    from juwei.storage.engine import open_store

    result: dict[str, list[float]] = {"member_ours": [], "member_bare": [], "write_ours": [], "write_bare": []}
    original, original_set = bulk.insert_rows, audit.record_set
    for _ in range(repeat):
        spent: dict[str, float] = {}

        def timed_as(name, fn):
            def run(*args, **kw):
                start = time.perf_counter()
                try:
                    return fn(*args, **kw)
                finally:
                    spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
            return run

        def insert_rows(session, model, rows, **kw):
            return timed_as(getattr(model, "__name__", str(model)), original)(session, model, rows, **kw)

        db = fresh_db(template, work / "phase.db")
        bulk.insert_rows, audit.record_set = insert_rows, timed_as("audit", original_set)
        try:
            store = open_store(str(db))
            with open_scope(store, None, write=True) as scope:
                importer.import_members(scope, roster)
            store.dispose()
        finally:
            bulk.insert_rows, audit.record_set = original, original_set
        result["member_ours"].append(spent["Member"])
        result["write_ours"].append(sum(spent.values()))
        bare_member, bare_all = replay(db, template, work / "bare.db")
        result["member_bare"].append(bare_member)
        result["write_bare"].append(bare_all)
    return {k: best(v) for k, v in result.items()}


def replay(source: Path, template: Path, target: Path) -> tuple[float, float]:
    """Bare sqlite3.executemany of the rows an import wrote (household, member, audit_event), with the
    pragmas juwei uses; returns (member rows, all rows) seconds."""
    fresh_db(template, target)
    src = sqlite3.connect(source)
    con = sqlite3.connect(target, isolation_level=None)
    for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL"):
        con.execute(f"PRAGMA {pragma}")
    con.execute("BEGIN IMMEDIATE")
    # Groups came from the roster service before any bulk insert; they are not part of the phase.
    con.executemany("INSERT OR IGNORE INTO residents_group VALUES (" + ",".join("?" * 4) + ")",
                    src.execute("SELECT * FROM residents_group").fetchall())
    spent = {}
    already = con.execute("SELECT coalesce(max(id), 0) FROM audit_event").fetchone()[0]
    for table in ("household", "member", "audit_event"):
        where = f" WHERE id > {already} AND action != 'group.add'" if table == "audit_event" else ""
        rows = src.execute(f"SELECT * FROM {table}{where}").fetchall()
        if table == "audit_event":
            rows = [(None, *r[1:]) for r in rows]  # fresh ids, as juwei's audit rows get
        marks = ",".join("?" * len(rows[0]))
        start = time.perf_counter()
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        spent[table] = time.perf_counter() - start
    con.execute("ROLLBACK")
    con.close()
    src.close()
    return spent["member"], sum(spent.values())


def peak_rss_kb(db: Path, path: Path) -> int:
    """Peak resident memory of a fresh `juwei member import` process, from getrusage of the child."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    exe = BIN / "juwei"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "juwei"]
    out = subprocess.run([sys.executable, "-c", code, *command, "--db", str(db), "member", "import", str(path)],
                         check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--xlsx-rows", default="10000,100000")
    parser.add_argument("--keep", help="work in this directory and keep the files")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench_import_"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("JUWEI_CLERK", "bench")
    os.environ.setdefault("JUWEI_LANG", "en")
    try:
        template = work / "template.db"
        fresh_db_path = work / "init.db"
        for p in (template, fresh_db_path):
            p.unlink(missing_ok=True)
        juwei("--db", str(template), "init", "--name", "基准社区", "--code", "bench")
        sizes = sorted({args.rows, *(int(n) for n in args.xlsx_rows.split(",") if n)})
        print(f"generating {max(sizes):,} residents …", file=sys.stderr)
        rows = generate(max(sizes))
        roster = work / "roster.csv"
        write_csv(roster, rows[:args.rows])

        e2e = end_to_end(work, template, roster, args.repeat)
        print(f"CSV import, {args.rows:,} rows, full validation, end to end (best of {args.repeat}):")
        print(f"  juwei member import   {e2e['ours_wall']:7.2f} s wall  {e2e['ours_cpu']:7.2f} s cpu")
        print(f"  sqlite-utils insert   {e2e['anchor_wall']:7.2f} s wall  {e2e['anchor_cpu']:7.2f} s cpu"
              "   (anchor; validates nothing)")
        print(f"  ratio                 {e2e['anchor_wall'] / e2e['ours_wall']:7.2f}x wall "
              f"{e2e['anchor_cpu'] / e2e['ours_cpu']:7.2f}x cpu faster   (target >= 5x)")

        phase = insert_phase(work, template, roster, args.repeat)
        print("Insert phase (same rows, same schema):")
        print(f"  bulk loader, members  {phase['member_ours']:7.2f} s")
        print(f"  bare executemany      {phase['member_bare']:7.2f} s   (anchor)")
        print(f"  ratio                 {phase['member_bare'] / phase['member_ours']:7.2f} of bare speed   "
              f"(target >= 0.33)")
        print(f"  whole write (households, members, fingerprint events): {phase['write_ours']:.2f} s vs bare "
              f"{phase['write_bare']:.2f} s = {phase['write_bare'] / phase['write_ours']:.2f} of bare speed")

        print("xlsx import, peak RSS of the process (read-only streaming):")
        base = None
        for size in sorted(int(n) for n in args.xlsx_rows.split(",") if n):
            path = work / f"roster-{size}.xlsx"
            write_xlsx(path, rows[:size])
            rss = peak_rss_kb(fresh_db(template, work / f"x{size}.db"), path)
            base = base or rss
            print(f"  {size:>7,} rows   {rss / 1024:7.1f} MiB   ({rss / base:.2f}x the smallest)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
