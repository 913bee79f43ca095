#!/usr/bin/env python3
"""Make the PNG previews in docs/img/ that docs/documents.md shows: the first printed page of each document.

The same pipeline a clerk uses: `juwei demo` builds a sample community, a representatives' meeting is
convened, signed in, voted on and closed through the `juwei` commands, `juwei notice render --all` writes
the HTML documents, headless Chromium prints them to PDF and pdftoppm takes the first page.

    python scripts/document_previews.py [--out docs/img] [--dpi 80]

Needs chromium, fonts-noto-cjk and poppler-utils. The day is pinned, so the previews only change when a
template does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("notice", "signin", "seat-cards", "ballot", "result", "resolution", "minutes", "summary")


DAY = {"today": "2026-11-20"}  # notice is given on the 20th; the meeting is held on the 24th


def juwei(db: Path, *args: object, json_out: bool = False):
    env = {**os.environ, "JUWEI_TODAY": DAY["today"], "JUWEI_LANG": "en", "JUWEI_CLERK": "previews"}
    command = [sys.executable, "-m", "juwei", "--db", str(db), *map(str, args)]
    if json_out:
        command.append("--json")
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"juwei {' '.join(map(str, args))} failed: {done.stderr.strip()}")
    return json.loads(done.stdout) if json_out else done.stdout


def build_meeting(work: Path) -> tuple[Path, int]:
    """A sample community and one representatives' meeting taken through to its close."""
    env = {**os.environ, "JUWEI_TODAY": "2026-11-20", "JUWEI_LANG": "en"}
    subprocess.run([sys.executable, "-m", "juwei", "demo", "--out", str(work / "demo"), "--households", "60"],
                   env=env, check=True, capture_output=True)
    db = work / "demo" / "juwei.db"
    meeting = juwei(db, "meeting", "convene", "--kind", "representatives", "--at", "2026-11-24 14:30",
                    "--place", "东城社区党群服务中心二楼会议室",
                    "--topic", "听取和审议社区居民委员会2026年下半年工作报告",
                    "--topic", "讨论决定和平里小区加装电梯资金筹集方案",
                    "--topic", "讨论社区停车管理办法（试行）", json_out=True)["id"]
    juwei(db, "motion", "add", meeting, "--title", "社区居民委员会2026年下半年工作报告",
          "--text", "同意社区居民委员会2026年下半年工作报告。\n请社区居民委员会认真落实2027年工作计划。")
    juwei(db, "motion", "add", meeting, "--title", "和平里小区加装电梯资金筹集方案")
    return db, meeting


def vote_and_close(db: Path, meeting: int) -> None:
    DAY["today"] = "2026-11-24"  # sign-in and votes wait for the meeting's day
    roll = juwei(db, "meeting", "roll", meeting, json_out=True)
    seats = [row["seat"] for row in roll]
    absent = seats[2::7]  # a few stay away
    juwei(db, "meeting", "checkin", meeting, "--all", "--except", ",".join(map(str, absent)))
    present = len(seats) - len(absent)
    motions = juwei(db, "motion", "list", meeting, json_out=True)
    juwei(db, "vote", "count", motions[0]["id"], "--for", present - 2, "--against", 1, "--abstain", 1)
    juwei(db, "vote", "count", motions[1]["id"], "--for", present // 2, "--against", present // 3,
          "--abstain", present - present // 2 - present // 3)
    juwei(db, "meeting", "minutes", meeting, "--add",
          "居民代表建议在和平里小区增设电动自行车充电桩，会议同意交社区居民委员会研究。")
    juwei(db, "meeting", "minutes", meeting, "--summary",
          "会议听取并审议了社区居民委员会2026年下半年工作报告，讨论了和平里小区加装电梯资金筹集方案。\n"
          "会议要求社区居民委员会抓紧落实已通过的决议，继续听取居民对加装电梯方案的意见。")
    juwei(db, "meeting", "close", meeting, "--chair", "周明", "--recorder", "吴静")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()

    from juwei.render import printing

    missing = printing.missing_tools()
    if missing:
        print(f"missing: {', '.join(missing)}; apt-get install chromium fonts-noto-cjk poppler-utils",
              file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="juwei-previews-") as tmp:
        work = Path(tmp)
        db, meeting = build_meeting(work)
        html = work / "html"
        juwei(db, "notice", "render", meeting, "--all", "--out-dir", html, "--format", "html")  # notice, sign-in, ballots
        juwei(db, "notice", "render", meeting, "--doc", "notice", "--format", "html", "--lang", "en",
              "--out", html / f"meeting-{meeting}-notice.en.html")
        vote_and_close(db, meeting)
        juwei(db, "notice", "render", meeting, "--all", "--out-dir", html, "--format", "html")  # the rest
        pages = [(doc, "zh_CN") for doc in DOCS] + [("notice", "en")]
        with printing.Browser() as browser:
            for doc, lang in pages:
                source = html / f"meeting-{meeting}-{doc}.{lang}.html"
                pdf = browser.print(source, work / f"{doc}.{lang}.pdf")
                info = printing.pdf_info(pdf)
                stem = f"document-{doc}" + ("" if lang == "zh_CN" else f"-{lang}")
                png = printing.first_page_png(pdf, args.out / stem, dpi=args.dpi)
                print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}: {info.pages} page(s), "
                      f"{info.page_size}, {png.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
