"""Ledger benchmark: import a 200,000-row ledger (CSV) and render a year's accounts.

Prints seconds and ratios against anchors measured in the same run on the same machine:
- anchor "floor": reading the same CSV with the csv module and inserting the raw tuples with sqlite3's
  executemany into a bare table in one transaction — the least any import could cost;
- anchor "sum": one SQL ``GROUP BY`` over the 200,000 rows with sqlite3 directly.

Usage: python bench/bench_ledger.py [ROWS]   (default 200000)
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
EXPENSE = ["工资", "福利", "社区建设", "活动", "办公", "其他"]
INCOME = ["上级拨款", "捐赠", "服务收入"]


def make_csv(path: Path, rows: int) -> None:
    rnd = random.Random(20260701)
    start = dt.date(2025, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["日期", "金额", "收支", "类别", "摘要", "凭证号"])
        for i in range(rows):
            day = start + dt.timedelta(days=rnd.randrange(730))
            income = rnd.random() < 0.3
            fen = rnd.randrange(100_000, 5_000_000) if rnd.random() < 0.05 else rnd.randrange(100, 100_000)
            amount = f"{fen // 100:,}.{fen % 100:02d}"
            if rnd.random() < 0.2:
                amount = "¥" + amount
            w.writerow([day.isoformat(), amount, "收入" if income else "支出",
                        rnd.choice(INCOME if income else EXPENSE), f"摘要{i}", f"V{i:07d}"])


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def floor_import(path: Path, db: Path) -> int:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (day TEXT, amount TEXT, direction TEXT, category TEXT, description TEXT, "
                 "voucher TEXT UNIQUE)")
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        with conn:
            conn.executemany("INSERT INTO t VALUES (?,?,?,?,?,?)", reader)
    n = conn.execute("SELECT count(*) FROM t").fetchone()[0]
    conn.close()
    return n


def main() -> None:
    os.environ.setdefault("JUWEI_TODAY", "2027-01-20")
    os.environ.setdefault("JUWEI_CLERK", "bench")
    from juwei.render.disclosure import render_one
    from juwei.services import ledger
    from juwei.services.community import create_community
    from juwei.services.disclosure import finance_disclosure, printable
    from juwei.services.scope import open_scope
    from juwei.storage.engine import create_store

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "ledger.csv"
        t_make, _ = timed(lambda: make_csv(source, ROWS))
        t_floor, n = timed(lambda: floor_import(source, tmp / "floor.db"))
        assert n == ROWS

        store = create_store(str(tmp / "juwei.db"))
        with store.write() as session:
            create_community(session, name="基准社区", code="bench", profile="seed")

        def do_import():
            with open_scope(store, None, write=True) as sc:
                return ledger.import_ledger(sc, source)

        t_import, result = timed(do_import)
        assert result.imported == ROWS

        def anchor_sum():
            conn = sqlite3.connect(tmp / "juwei.db")
            rows = conn.execute("SELECT direction, category, sum(amount_fen), count(*) FROM ledger_entry "
                                "WHERE day BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY 1, 2").fetchall()
            conn.close()
            return rows

        t_sum, _ = timed(anchor_sum)

        def year_accounts():
            with open_scope(store, None, write=False) as sc:
                return ledger.account(sc, "2026")

        t_account, acc = timed(year_accounts)

        def year_disclosure():
            with open_scope(store, None, write=True) as sc:
                row, _ = finance_disclosure(sc, "2026")
                return render_one(printable(sc, row.id), "html", sc.community.locale)

        t_render, html = timed(year_disclosure)
        store.dispose()
        size = source.stat().st_size

    print(f"rows {ROWS:,}, CSV {size / 1e6:.1f} MB (written in {t_make:.2f} s)")
    print(f"anchor floor (csv + sqlite3 executemany, raw text): {t_floor:.2f} s")
    print(f"ledger import (parse, validate, fen, insert, audit):  {t_import:.2f} s  = {t_import / t_floor:.1f}x floor"
          f"  ({ROWS / t_import:,.0f} rows/s)")
    print(f"anchor sum (one GROUP BY over the year, sqlite3):     {t_sum * 1000:.0f} ms")
    print(f"year's account (service):                             {t_account * 1000:.0f} ms"
          f"  = {t_account / t_sum:.1f}x anchor; {acc.entries:,} entries, {len(acc.itemised):,} itemised")
    print(f"year's account disclosure + HTML printout:            {t_render * 1000:.0f} ms"
          f"  = {t_render / t_sum:.1f}x anchor; {len(html) / 1e6:.1f} MB HTML")


if __name__ == "__main__":
    main()
