"""Benchmark: render and print the sign-in sheet of a large adults' meeting.

Run: ``python bench/bench_documents.py [--residents 20000] [--print-seats 2000]``. Measured in this run
against anchors measured in the same run:
- ``anchor_roll``: ``juwei meeting roll M --json`` in a fresh process — the same seats read from the same
  database and printed as JSON, the least any document of the roll can cost;
- ``anchor_page``: Chromium printing the one-page result announcement — what any print costs.
Figures: ``notice render --doc signin`` (md and html) for the whole roll, as a multiple of ``anchor_roll``;
Chromium printing a sign-in sheet of ``--print-seats`` seats, as a multiple of ``anchor_page``, and its
pages per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("JUWEI_TODAY", "2026-06-10")
os.environ.setdefault("JUWEI_CLERK", "bench")

from bench_meetings import build_roster, timed  # noqa: E402  (the same generated community)


def run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed: {done.stderr.strip()}")


def median_run(command: list[str], env: dict, runs: int = 3) -> float:
    return statistics.median(timed(run, command, env)[0] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--print-seats", type=int, default=2_000, help="seats on the sign-in sheet printed")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="juwei-docbench-"))
    try:
        measure(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def measure(args, tmp: Path) -> None:
    from juwei.render import printing
    from juwei.services import meetings, voting
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    db = str(tmp / "bench.db")
    build_roster(db, args.residents)
    store = open_store(db)
    with open_scope(store, None, write=True) as sc:
        big = meetings.convene(sc, kind="residents", body="adults", at=dt.datetime(2026, 6, 15, 9, 0),
                               place="体育馆", topics=["基准"]).id
        size = meetings.find_meeting(sc, big).body_size
    with open_scope(store, None, write=True) as sc:  # a small representative meeting with a result
        small = meetings.convene(sc, kind="residents", body="adults", at=dt.datetime(2026, 6, 16, 9, 0),
                                 place="活动室", topics=["基准"]).id
        meetings.checkin(sc, small, everyone=True)
        motion = voting.add_motion(sc, small, title="议案")
        voting.count_votes(sc, motion.id, votes_for=size // 2 + 1, against=0, abstain=0)
    store.dispose()

    juwei = str(Path(sys.executable).with_name("juwei"))
    env = {**os.environ, "JUWEI_DB": db}
    anchor_roll = median_run([juwei, "meeting", "roll", str(big), "--json"], env)
    render = {fmt: median_run([juwei, "notice", "render", str(big), "--doc", "signin", "--format", fmt,
                               "--out", str(tmp / f"signin.{fmt}")], env) for fmt in ("md", "html")}
    print(f"adults' body on the roll: {size} seats of {args.residents} residents")
    print(f"anchor_roll (juwei meeting roll M --json): {anchor_roll * 1000:.0f} ms")
    for fmt, took in render.items():
        print(f"notice render --doc signin --format {fmt} ({size} rows): {took * 1000:.0f} ms = "
              f"{took / anchor_roll:.2f}× anchor_roll")

    missing = printing.missing_tools()
    if missing:
        print(f"printing not measured: missing {', '.join(missing)}")
        return
    # A sheet of --print-seats rows: the first rows of the big sheet, rendered the same way.
    html = (tmp / "signin.html").read_text(encoding="utf-8")
    head, _, rest = html.partition("<tbody>\n")
    rows, _, tail = rest.partition("</tbody>")
    kept = "".join(rows.splitlines(keepends=True)[:args.print_seats])
    (tmp / "signin-part.html").write_text(head + "<tbody>\n" + kept + "</tbody>" + tail, encoding="utf-8")
    run([juwei, "notice", "render", str(small), "--doc", "result", "--format", "html", "--out",
         str(tmp / "result.html")], env)
    with printing.Browser(timeout=600) as browser:
        browser.print(tmp / "result.html", tmp / "warm.pdf")  # the first page pays for font loading
        anchor_page = statistics.median(timed(browser.print, tmp / "result.html", tmp / "result.pdf")[0]
                                        for _ in range(3))
        took, pdf = timed(browser.print, tmp / "signin-part.html", tmp / "signin-part.pdf")
    pages = printing.pdf_info(pdf).pages
    print(f"anchor_page (Chromium prints the one-page result announcement): {anchor_page * 1000:.0f} ms")
    print(f"Chromium prints a {args.print_seats}-seat sign-in sheet: {pages} pages in {took:.2f} s = "
          f"{took / anchor_page:.1f}× anchor_page, {pages / took:.0f} pages/s")


if __name__ == "__main__":
    main()
