"""juwei demo: a realistic sample community, end to end, on the embedded SQLite default."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import Iterator

import typer

from juwei.cli._common import info
from juwei.i18n import language, t

app = typer.Typer()


def step(text: str) -> None:
    typer.secho(f"\n▶ {text}", bold=True)


@app.command()
def demo(
    out: Path = typer.Option(Path("demo-out"), "--out", help="Folder for the demo database and printouts."),
    households: int = typer.Option(120, "--households", min=1, max=100000, help="Households to generate."),
) -> None:
    """Build a realistic sample community and walk through it as a clerk would."""
    from juwei.cli.roster import print_summary
    from juwei.errors import JuweiError
    from juwei.services.community import create_community, rules_on
    from juwei.services.demo import load_sample, sample_register
    from juwei.services.roster import roster_summary
    from juwei.services.scope import Scope, find_community
    from juwei.storage.engine import create_store

    from juwei.services import files

    out = files.out_dir(out, option="--out")
    db = out / "juwei.db"
    if db.exists():
        raise JuweiError(t("{path} already exists; remove it or choose another --out", path=db))
    files.make_dir(out)
    step(t("juwei init --db {db} --name 东城社区 --rules seed", db=db))
    store = create_store(str(db))
    from juwei.cli._startup import resume

    resume()  # start-up is over (juwei.cli._startup)
    try:
        with store.write() as session:
            community = create_community(session, name="东城社区", code="dongcheng", profile="seed")
        info(t("created community {name} ({code}) with rules profile {profile} in {db}",
               name=community.name, code=community.code, profile="seed", db=db))
        step(t("loading the roster: {n} households with residents, groups and representatives", n=households))
        with store.write() as session:
            scope = Scope(session=session, community=find_community(session, "dongcheng"))
            loaded = load_sample(scope, households)
        info(t("{members} residents in {households} households; {reps} representatives",
               members=loaded["members"], households=loaded["households"], reps=loaded["representatives"]))
        step("juwei roster")
        with store.read() as session:
            scope = Scope(session=session, community=find_community(session, "dongcheng"))
            print_summary(roster_summary(scope), scope.today)
            notice_days, today = rules_on(scope, scope.today).notice_days, scope.today
            register = sample_register(scope)
    finally:
        store.dispose()
    if register is not None:
        with on_day(today):
            committee_walkthrough(str(db), register)
        election_walkthrough(str(db), today, register)
    meeting_walkthrough(str(db), today, notice_days)
    if register is not None:
        with on_day(today):
            register_on_the_board(str(db), today)
            grid_and_staff_work(str(db), register, today, out, households)
        evaluation_walkthrough(str(db), today, notice_days)
        sentiment_month(str(db), today, register.collectors, out / "documents")
    step(t("what the clerk must do next, from every part of the record, each with the command that settles it"))
    with on_day(today):
        clerk(str(db), "agenda", "--days", "90", "--ics", str(out / "agenda.ics"))
    info(t("\nThe demo database is {db}; try: juwei --db {db} member list", db=db))


def clerk(db: str, *args: str) -> int:
    """Print a command as the clerk types it, then run it in this process and show its output."""
    import shlex

    from juwei.cli import app as cli

    typer.secho("\n$ juwei " + " ".join(shlex.quote(str(a)) for a in args), bold=True)
    command = typer.main.get_command(cli)
    # in the clerk's language: `juwei --lang zh_CN demo` shows every step's output in Chinese
    code = command.main(args=["--db", db, "--lang", language(), *map(str, args)], prog_name="juwei",
                        standalone_mode=False)
    if code not in (None, 0):
        from juwei.errors import JuweiError

        raise JuweiError(t("demo step failed: juwei {command}", command=" ".join(map(str, args))))
    return 0


@contextlib.contextmanager
def on_day(day: dt.date) -> Iterator[None]:
    """Run the clerk's commands as on ``day`` (JUWEI_TODAY, as Scope reads it), then restore the clock."""
    saved = os.environ.get("JUWEI_TODAY")
    os.environ["JUWEI_TODAY"] = day.isoformat()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("JUWEI_TODAY", None)
        else:
            os.environ["JUWEI_TODAY"] = saved


def meeting_walkthrough(db: str, today: dt.date, notice_days: int) -> None:
    """A representatives' meeting from notice to close (S4–S8, S15), each step as the clerk's command."""
    from juwei.services.meetings import roll
    from juwei.services.scope import Scope, find_community
    from juwei.storage.engine import open_store

    step(t("a representatives' meeting, noticed today ({today}); the rules ask for {days} days' notice (S6)",
           today=today, days=notice_days))
    info(t("(the commands below run with --db {db})", db=db))
    day = today + dt.timedelta(days=notice_days)
    with on_day(today):
        clerk(db, "meeting", "convene", "--kind", "representatives", "--at", f"{day.isoformat()} 14:30",
              "--place", "社区居委会二楼会议室", "--topic", "审议居委会年度工作报告", "--topic", "地坛北里增设停车位方案",
              "--noticed-on", today.isoformat())
        store = open_store(db)
        try:
            with store.read() as session:
                scope = Scope(session=session, community=find_community(session, "dongcheng"))
                seats = roll(scope, 1)
        finally:
            store.dispose()
        step(t("the notice goes on the board today: it prints from the meeting's own data"))
        clerk(db, "notice", "render", "1", "--doc", "notice", "--format", "md")
        clerk(db, "disclose", "from-meeting", "1")  # S25: the notice on the disclosure board, and the day it went up
        clerk(db, "disclose", "post", "1")
    step(t("{day}, the meeting day: sign-in, votes, minutes and closing happen on the day the notice gave",
           day=day))
    with on_day(day):
        _hold_meeting(db, seats)


def _hold_meeting(db: str, seats) -> None:
    """Meeting 1, held on its day: sign-in, quorum, motions, votes, minutes, close, every document."""
    from juwei.rules.meetings import format_seats

    size = len(seats)
    absent = [2, size] if size > 3 else []
    present = [s for s in range(1, size + 1) if s not in absent]
    clerk(db, "meeting", "roll", "1")
    clerk(db, "meeting", "checkin", "1", "--all", *(["--except", format_seats(absent)] if absent else []))
    clerk(db, "meeting", "quorum", "1")
    clerk(db, "motion", "add", "1", "--title", "审议通过居委会年度工作报告", "--kind", "work-report")
    clerk(db, "motion", "add", "1", "--title", "在地坛北里增设收费停车位", "--kind", "plan")
    step(t("motion 1 by a show of hands counted by the tellers; motion 2 by roll call"))
    clerk(db, "vote", "count", "1", "--for", str(len(present) - 2), "--against", "1", "--abstain", "1")
    third = len(present) // 3
    clerk(db, "vote", "cast", "2", *format_seats(present[:third]).split(), "--choice", "for")
    clerk(db, "vote", "cast", "2", *format_seats(present[third:-1]).split(), "--choice", "against")
    clerk(db, "vote", "cast", "2", str(present[-1]), "--choice", "abstain")
    clerk(db, "vote", "tally", "1")
    clerk(db, "vote", "tally", "2", "--json")
    clerk(db, "meeting", "minutes", "1", "--add", "主持人宣布到会人数符合规定,会议有效。")
    clerk(db, "meeting", "minutes", "1", "--summary", "会议审议通过居委会年度工作报告;增设收费停车位方案未获通过。")
    clerk(db, "meeting", "close", "1", "--chair", seats[0].name, "--recorder", seats[2].name)
    clerk(db, "meeting", "minutes", "1")
    step(t("every document of the meeting, in Chinese, as print-ready HTML and Markdown"))
    clerk(db, "notice", "render", "1", "--all", "--out-dir", str(Path(db).parent / "documents"))
    step(t("the results go on the disclosure board (S25); nothing the meeting owed the board is left open"))
    clerk(db, "disclose", "from-meeting", "1")
    clerk(db, "disclose", "post", "2")
    clerk(db, "disclose", "due", "--all")


def committee_walkthrough(db: str, register) -> None:
    """The committee register (S2, S9, S11, S26, S28): the committee in its term, the party organisation,
    staff, group leaders, the deliberation committee, information collectors, and who does what."""
    start = register.term_start.isoformat()
    step(t("the committee register: the residents' committee of the current term, its staff and standing bodies"))
    clerk(db, "committee", "term", "--start", start, "--number", "11")
    for member_id, role in register.committee:
        clerk(db, "committee", "add", str(member_id), "--role", role, "--from", start)
    for n, member_id in enumerate(register.party):
        clerk(db, "org", "add", "party", str(member_id), *(["--role", "chair"] if n == 0 else []), "--from", start)
    # staff hired when the term began, announced on the board then: no staff change is owed now
    clerk(db, "staff", "add", "--name", "孙丽", "--position", "welfare", "--from", start, "--disclosed")
    clerk(db, "staff", "add", "--name", "周强", "--position", "security-mediation", "--from", start, "--disclosed")
    clerk(db, "staff", "add", str(register.staff), "--position", "services", "--from", start, "--disclosed")
    for group, member_id in register.leaders.items():
        clerk(db, "org", "add", "group-leaders", str(member_id), "--group", group, "--from", start)
    for n, member_id in enumerate(register.deliberation):
        clerk(db, "org", "add", "deliberation", str(member_id), *(["--role", "chair"] if n == 0 else []),
              "--from", start)
    for member_id in register.collectors:
        clerk(db, "org", "add", "collectors", str(member_id), "--from", start)
    director, deputy = register.committee[0][0], register.committee[1][0]
    clerk(db, "duty", "set", str(director), "--text", "主持居委会全面工作，分管党建和居务公开", "--from", start)
    clerk(db, "duty", "set", str(deputy), "--text", "分管社区服务、民情收集和网格工作", "--from", start)
    clerk(db, "duty", "set", "孙丽", "--text", "低保、临时救助和残疾人服务", "--from", start)
    clerk(db, "committee", "list")
    clerk(db, "committee", "term")
    clerk(db, "rep", "list")


def election_walkthrough(db: str, today: dt.date, register) -> None:
    """A by-election (S9): a member resigns, the committee falls below its smallest size (the one warning the
    demo prints), and the representatives elect a successor — the election committee,
    the register published 30 days ahead, two candidates for one seat (差额), the count as figures only, the
    result, and the elected taking the post in the committee register with the announcement on the board."""
    from juwei.services.elections import voters
    from juwei.services.scope import Scope, find_community
    from juwei.storage.engine import open_store

    leaving = register.committee[4][0]
    candidates = list(register.leaders.values())[:2]
    resigned, opened, polling = (today - dt.timedelta(days=d) for d in (60, 45, 14))
    step(t("a committee member resigns ({day}); the representatives by-elect a successor (S9)", day=resigned))
    with on_day(resigned):
        clerk(db, "committee", "end", str(leaving), "--on", resigned.isoformat(), "--reason", "resigned")
    with on_day(opened):
        clerk(db, "election", "open", "--kind", "by-election", "--day", polling.isoformat(), "--method",
              "representatives")
        clerk(db, "election", "officer", "1", str(register.party[1]), "--role", "chair")
        clerk(db, "election", "officer", "1", str(register.party[2]), "--role", "member")
        clerk(db, "election", "voters", "1")
        clerk(db, "election", "publish", "1", "--doc", "voters", "--on", opened.isoformat())
        for member_id in candidates:
            clerk(db, "election", "candidate", "1", str(member_id), "--post", "member")
        clerk(db, "election", "show", "1")
    store = open_store(db)
    try:
        with store.read() as session:
            registered = len(voters(Scope(session=session, community=find_community(session, "dongcheng")), 1))
    finally:
        store.dispose()
    step(t("{day}, polling day: the tellers' tally is recorded as figures only; nothing links a voter to a "
           "choice", day=polling))
    with on_day(polling):
        returned = registered - 1
        clerk(db, "election", "count", "1", "--issued", str(registered), "--returned", str(returned), "--void", "1",
              "--votes", f"{candidates[0]}={returned - 3}", "--votes", f"{candidates[1]}=2")
        clerk(db, "election", "close", "1")
        clerk(db, "election", "publish", "1", "--doc", "announcement", "--on", polling.isoformat())
    register.committee[4] = (candidates[0], "member")  # who serves from now on, for the steps that follow
    with on_day(today):
        clerk(db, "committee", "list")


def grid_and_staff_work(db: str, register, today: dt.date, out: Path, households: int) -> None:
    """Grid responsibility (S11, S13), staff work (S28) and the gift register (S27): the commands of
    :func:`juwei.services.demo.grid_steps`."""
    from juwei.services.demo import grid_steps

    step(t("every household under a responsible person (S11, S13), a staff member's work log and monthly summary "
           "(S28), and a gift returned (S27)"))
    for args in grid_steps(register, today, out, households):
        clerk(db, *args)


def register_on_the_board(db: str, today: dt.date) -> None:
    """After the meeting: the division of work on the board (S26), and an office meeting whose roll is the
    committee (S14a)."""
    step(t("the division of work and the by-election's staff changes go on the board (S26, S24), and the "
           "committee's office meeting seats the committee"))
    clerk(db, "disclose", "duties", "--contact", "居委会办公室 010-6401 2345")
    clerk(db, "disclose", "post", "3")
    clerk(db, "disclose", "personnel", "--contact", "居委会办公室 010-6401 2345")  # S24: the by-election's changes
    clerk(db, "disclose", "post", "4")
    day = today + dt.timedelta(days=1)
    clerk(db, "meeting", "convene", "--kind", "office", "--at", f"{day.isoformat()} 09:00",
          "--place", "居委会办公室", "--topic", "研究本月重点工作")
    clerk(db, "meeting", "roll", "2")


def evaluation_walkthrough(db: str, today: dt.date, notice_days: int) -> None:
    """The democratic evaluation (S16–S19) at the representatives' meeting of the next June or December, and
    the admonition (S29) its 基本合格 opens."""
    import csv

    from juwei.errors import JuweiError
    from juwei.rules.evaluation import EVALUATION_MONTHS, is_working_day
    from juwei.services.demo import sample_evaluation_counts
    from juwei.services.scope import Scope, find_community
    from juwei.storage.engine import open_store

    day = today + dt.timedelta(days=notice_days)
    while day.month not in EVALUATION_MONTHS:
        day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    day = max(day, day.replace(day=15))
    step(t("the democratic evaluation of {day} (S17): the representatives grade the committee and staff",
           day=day))
    with on_day(today):
        clerk(db, "meeting", "convene", "--kind", "representatives", "--at", f"{day.isoformat()} 09:00",
              "--place", "社区居委会二楼会议室", "--topic", "民主评议社区居委会成员和专职工作者")
    store = open_store(db)
    try:
        with store.read() as session:
            from juwei.services.meetings import list_meetings

            scope = Scope(session=session, community=find_community(session, "dongcheng"))
            meeting = str(list_meetings(scope)[-1].id)
    finally:
        store.dispose()
    with on_day(day):
        clerk(db, "meeting", "checkin", meeting, "--all")
        clerk(db, "eval", "open", "--on", day.isoformat(), "--meeting", meeting)
        clerk(db, "eval", "render", "1", "--doc", "ballot")
        store = open_store(db)
        try:
            with store.read() as session:
                from juwei.services.evaluation import subjects
                from juwei.services.meetings import present_count

                scope = Scope(session=session, community=find_community(session, "dongcheng"))
                names = [s.member_id or s.name for s in subjects(scope, 1)]
                present = present_count(scope, int(meeting))
        finally:
            store.dispose()
        sheet = Path(db).parent / "evaluation-counts.csv"
        with sheet.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["评议对象", "优秀", "合格", "基本合格", "不合格"])
            writer.writerows(sample_evaluation_counts([str(n) for n in names], present - 1))
        clerk(db, "eval", "count", "1", "--issued", str(present), "--returned", str(present), "--void", "1",
              "--file", str(sheet), "--satisfied", str(present - 4), "--basically-satisfied", "3",
              "--unsatisfied", "0")
        clerk(db, "eval", "result", "1")
        step(t("the second subject's grade is tied: the meeting decides, and the decision is recorded"))
        clerk(db, "eval", "decide", "1", str(names[1]), "--grade", "competent", "--note", "会议举手表决确定为合格")
        try:
            is_working_day(day)
        except JuweiError as exc:  # the holiday calendar of that year is not published yet
            info(str(exc))
            return
        clerk(db, "eval", "publish", "1", "--contact", "居委会办公室 010-6401 2345")
        clerk(db, "eval", "notified", "1", str(names[0]), "--on", day.isoformat())
        clerk(db, "admonish", "list", "--open")
def sentiment_month(db: str, today: dt.date, collectors: list[int], folder: Path) -> None:
    """A month of sentiment work (S10–S12): what residents raised last month, handled; its report."""
    from juwei.services.demo import sample_sentiment
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    step(t("a month of sentiment work (S10–S12): what residents raised, how it was handled, the report to the "
           "street office"))
    store = open_store(db)
    try:
        with on_day(today), open_scope(store, None, write=True) as scope:
            done = sample_sentiment(scope, collectors)
    finally:
        store.dispose()
    info(t("{n} items recorded in {month}, {urgent} of them urgent and reported the next day", n=done.items,
           month=done.month, urgent=done.urgent))
    with on_day(today):
        clerk(db, "sentiment", "list", "--month", done.month)
        clerk(db, "sentiment", "report", "--month", done.month, "--out",
              str(folder / f"sentiment-{done.month}.zh_CN.html"), "--force")
