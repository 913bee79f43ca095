"""juwei meeting: convene with notice, the roll, signing in and out, quorum, close, minutes, what is due."""

from __future__ import annotations

from typing import List, Optional

import typer

from juwei.cli._common import (JSON_OPTION, REVEAL_OPTION, created, emit_json, info, key_values, labels, listing,
                               parse_date_option, private, scope, table, warn, yes_no)
from juwei.cli._export import FORCE, SHEET_FORMAT, SHEET_OUT, sheet_out, write_sheet
from juwei.cli._params import code_option, parse_reason, parse_seats
from juwei.i18n import label, language, pt, t
from juwei.rules.dates import WORKING_YEARS
from juwei.rules.meetings import Body, MeetingKind, MeetingStatus, reason_words

app = typer.Typer(no_args_is_help=True)

MEETING = typer.Argument(..., metavar="MEETING", help="The meeting's id (see `juwei meeting list`).")


def _at(value: str, option: str = "--at"):
    from juwei.errors import ValidationError
    from juwei.rules.dates import parse_datetime

    try:
        when = parse_datetime(value)
    except ValidationError as exc:
        raise ValidationError(f"{option}: {exc.message}") from None
    if not WORKING_YEARS[0] <= when.year <= WORKING_YEARS[1]:  # 9999-12-31 would overflow the calendar
        raise ValidationError(t("{option}: {value} is not a plausible meeting time (the year must be {first}–{last})",
                                option=option, value=value, first=WORKING_YEARS[0], last=WORKING_YEARS[1]))
    return when


def _when(at) -> str:
    return at.strftime("%Y-%m-%d %H:%M")


@app.command()
def convene(
    ctx: typer.Context,
    kind: MeetingKind = code_option(MeetingKind, "meeting kind", ..., "--kind", metavar="KIND",
                                    help="residents | representatives, or a routine kind: office, heart-to-heart, "
                                          "group-leaders, deliberation, two-committees, sentiment."),
    body: Optional[Body] = code_option(Body, "body", None, "--body", help="Who may attend (S1)."),
    at: str = typer.Option(..., "--at", metavar="'YYYY-MM-DD HH:MM'", help="When the meeting is held."),
    place: str = typer.Option(..., "--place", help="Where."),
    topic: List[str] = typer.Option(..., "--topic", help="A topic on the notice (S6); repeat for several."),
    noticed_on: Optional[str] = typer.Option(None, "--noticed-on", help="Date notice was given (default today)."),
    reason: str = typer.Option("regular", "--reason", parser=parse_reason, metavar="regular|report|petition:ID",
                               help="regular | report | petition:ID (S4, S5)."),
    urgent: Optional[str] = typer.Option(None, "--urgent", metavar="REASON",
                                         help="Hold it on shorter notice than S6 allows; the reason is minuted."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Convene a meeting: checks notice (S6) and snapshots the roll and the rules; prints the meeting id."""
    from juwei.services.meetings import convene as convene_meeting

    when = _at(at)
    noticed = parse_date_option(noticed_on, "--noticed-on")
    why, petition_id = reason
    with scope(ctx, write=True) as sc:
        meeting = convene_meeting(sc, kind=kind, body=body, at=when, place=place, topics=topic,
                                  noticed_on=noticed, reason=why, petition_id=petition_id, urgent=urgent)
    created(meeting.id, as_json, t("{kind} meeting on {at} at {place}: {n} seats on the roll",
                                   kind=label("meeting kind", meeting.kind), at=_when(meeting.at), place=meeting.place,
                                   n=meeting.body_size))


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Optional[MeetingStatus] = code_option(MeetingStatus, "meeting status", None, "--status",
                                                  help="Only meetings in this state."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """Meetings, oldest first."""
    from juwei.services.meetings import list_meetings

    with scope(ctx) as sc:
        rows = private(list_meetings(sc, status=status), reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("Meetings ({n})", n=len(rows)),
          [t("id"), t("kind"), t("body"), t("at"), t("place"), t("status"), t("seats"), t("present"), t("motions")],
          [(r.id, label("meeting kind", r.kind), label("body", r.body), _when(r.at), r.place,
            label("meeting status", r.status), r.body_size, r.present,
            r.motions) for r in rows])


@app.command()
def show(ctx: typer.Context, meeting_id: int = MEETING, as_json: bool = JSON_OPTION,
         reveal: bool = REVEAL_OPTION) -> None:
    """One meeting: notice, rules snapshot, quorum and motions."""
    from juwei.services.meetings import meeting_view

    with scope(ctx) as sc:
        view = private(meeting_view(sc, meeting_id), reveal)
    if as_json:
        emit_json(view)
        return
    q = view.quorum
    key_values(t("Meeting {id}", id=view.id), [
        (t("kind"), label("meeting kind", view.kind)), (t("body"), label("body", view.body)), (t("at"), _when(view.at)),
        (t("place"), view.place), (t("topics"), listing(view.topics)),
        (t("noticed on"), view.noticed_on), (t("reason"), reason_words(view.reason)),
        (t("urgent"), view.urgent_reason or ""), (t("status"), label("meeting status", view.status)),
        (t("seats on the roll"), view.body_size), (t("present"), view.present),
        (t("quorum"), t("{required} needed, {state}", required=q["required"],
                        state=t("quorate") if q["quorate"] else t("not quorate"))),
        (t("chair"), view.chair or ""), (t("recorder"), view.recorder or ""),
        (t("cancelled because"), view.cancel_reason or ""),
    ])
    print_motions(view.motions)


def print_motions(motions) -> None:
    if not motions:
        return
    table(t("Motions ({n})", n=len(motions)),
          [t("id"), t("title"), t("vote"), t("present"), t("for/against/abstain"), t("needed"), t("result")],
          [(m.id, f"{m.number}. {m.title}", label("vote method", m.method), m.tally and m.tally["present"],
            m.tally and f'{m.tally["for"]}/{m.tally["against"]}/{m.tally["abstain"]}',
            m.tally and m.tally["required"], _result(m)) for m in motions])


def _result(m) -> str:
    if m.tally is None:
        return t("not voted")
    word = t("passed") if m.tally["passed"] else t("failed")
    return word + ("" if m.final else t(" (provisional)"))


@app.command("roll")
def roll_(ctx: typer.Context, meeting_id: int = MEETING, fmt: Optional[str] = SHEET_FORMAT,
          out: Optional[str] = SHEET_OUT, force: bool = FORCE, as_json: bool = JSON_OPTION,
          reveal: bool = REVEAL_OPTION) -> None:
    """The numbered roll (seat 1…N) with who is present; as a spreadsheet, with the times signed in and out."""
    from juwei.rules.clock import local_text, to_local
    from juwei.services.meetings import roll

    sheet = sheet_out(ctx, fmt, out, force, as_json)
    with scope(ctx) as sc:
        rows = private(roll(sc, meeting_id), reveal)
        zone = sc.timezone
    if as_json:
        emit_json(rows)
        return
    title = t("Roll of meeting {id} ({n} seats, {present} present)", id=meeting_id, n=len(rows),
              present=sum(r.present for r in rows))
    headers = [t("seat"), t("name"), t("group"), t("household"), pt("roll column", "representative"), t("present"),
               t("in"), t("out")]
    if sheet is not None:  # the times in full, as the community's wall clock: a spreadsheet sorts and sums them
        def wall(instant):
            return None if instant is None else to_local(instant, zone).replace(tzinfo=None)

        write_sheet(sheet, t("Roll of meeting {id}", id=meeting_id), headers,
                    [(r.seat, r.name or t("(any adult of the household)"), r.group, r.household,
                      _rep(r.rep_kind, r.rep_basis), yes_no(r.present), wall(r.checked_in_at),
                      wall(r.checked_out_at)) for r in rows])
        return
    table(title, headers,
          [(r.seat, r.name or t("(any adult of the household)"), r.group, r.household,
            _rep(r.rep_kind, r.rep_basis), yes_no(r.present),
            local_text(r.checked_in_at, zone, "%H:%M"), local_text(r.checked_out_at, zone, "%H:%M"))
           for r in rows])


def _rep(kinds: str | None, bases: str | None) -> str:
    """A seat's representative status: 当然代表（居委会成员）, elected+ex_officio shown as both."""
    kind, basis = labels("representative kind", kinds, "+"), labels("ex officio basis", bases, ",")
    return t("{kind} {basis}", kind=kind, basis=basis) if basis else kind


@app.command()
def checkin(
    ctx: typer.Context,
    meeting_id: int = MEETING,
    seats: Optional[List[str]] = typer.Argument(None, metavar="SEATS", help="Seats and ranges: 1 2 5-9."),
    member: Optional[str] = typer.Option(None, "--member", help="Sign in this member (id or ID number) instead."),
    everyone: bool = typer.Option(False, "--all", help="Sign in every seat not yet signed in."),
    except_seats: Optional[List[str]] = typer.Option(None, "--except", metavar="SEATS",
                                                     help="With --all: leave these out."),
    at: Optional[str] = typer.Option(None, "--at", metavar="HH:MM",
                                     help="With SEATS: when they signed in on the meeting's day (copied from the "
                                          "paper sheet)."),
    scan: bool = typer.Option(False, "--scan", help="Sign in at the door: read seat codes, ID numbers or seat "
                                                    "numbers from standard input, a line each, until an empty line."),
) -> None:
    """Sign people in (签到)."""
    from juwei.services.meetings import checkin as do_checkin, quorum_of

    if scan:
        if seats or member is not None or everyone or except_seats or at is not None:
            raise typer.BadParameter(t("--scan reads who signs in from standard input; give it alone"),
                                     param_hint="--scan")
        _scan_at_the_door(ctx, meeting_id)
        return
    if at is not None:
        if not seats or member is not None or everyone:
            raise typer.BadParameter(t("--at goes with SEATS copied from the paper sheet"), param_hint="--at")
        _from_sheet(ctx, meeting_id, parse_seats(seats), at)
        return
    numbers = parse_seats(seats) if seats else None
    leave_out = parse_seats(except_seats) if except_seats else None
    with scope(ctx, write=True) as sc:
        done = do_checkin(sc, meeting_id, numbers, member=member, everyone=everyone, except_seats=leave_out)
        q = quorum_of(sc, meeting_id)
    info(t("signed in {n}: now {present} present of {size}", n=len(done), present=q.present, size=q.body_size))


def _counts(present: int, size: int, required: int | None) -> str:
    if required is None:
        return t("present {present} of {size}", present=present, size=size)
    return t("present {present} of {size}, quorum needs {required}", present=present, size=size, required=required)


def _from_sheet(ctx: typer.Context, meeting_id: int, seats: list[int], at: str) -> None:
    from juwei.rules.seatcode import parse_time_of_day
    from juwei.services.door import from_sheet

    when = parse_time_of_day(at)
    with scope(ctx, write=True) as sc:
        done = from_sheet(sc, meeting_id, seats, when)
    info(t("signed in {n} at {time} from the sheet: {counts}", n=len(done.seats), time=done.at.strftime("%H:%M"),
           counts=_counts(done.present, done.body_size, done.required)))


def _scan_at_the_door(ctx: typer.Context, meeting_id: int) -> None:
    """One line in, one line out, each scan its own transaction; a refusal is a line, never the end."""
    import sys

    from juwei.cli._common import transactions
    from juwei.errors import JuweiError
    from juwei.services.door import scan as do_scan
    from juwei.services.meetings import find_meeting, quorum_of, quorum_rule, require_held

    signed = refused = 0
    with transactions(ctx) as each:
        with each(write=False) as sc:  # a meeting that cannot take sign-ins is refused once, before the loop
            meeting = find_meeting(sc, meeting_id)
            require_held(sc, meeting)
            q = quorum_of(sc, meeting_id)
            rule = quorum_rule(meeting)
        typer.echo(t("meeting {id}: scan a seat code or an ID card, or type a seat number; an empty line ends "
                     "({counts})", id=meeting_id,
                     counts=_counts(q.present, q.body_size, q.required if rule else None)), err=True)
        last = (q.present, q.body_size, q.required if rule else None)
        try:
            while True:
                line = sys.stdin.readline()
                if not line.strip():  # an empty line, or the end of input
                    break
                try:
                    with each() as sc:
                        done = do_scan(sc, meeting_id, line)
                except JuweiError as exc:
                    refused += 1
                    typer.echo(t("refused: {reason}", reason=exc.message))
                    continue
                signed += 1
                last = (done.present, done.body_size, done.required)
                who = done.name or t("household {number}", number=done.household or "")
                typer.echo(t("seat {seat} {name} signed in: {counts}", seat=done.seat, name=who,
                             counts=_counts(*last)))
        except KeyboardInterrupt:  # Ctrl-C at the door ends the loop like an empty line
            pass
    typer.echo(t("{signed} signed in at the door, {refused} refused: {counts}", signed=signed, refused=refused,
                 counts=_counts(*last)))


@app.command()
def checkout(
    ctx: typer.Context,
    meeting_id: int = MEETING,
    seats: Optional[List[str]] = typer.Argument(None, metavar="SEATS", help="Seats and ranges: 1 2 5-9."),
    member: Optional[str] = typer.Option(None, "--member", help="This member (id or ID number) instead."),
) -> None:
    """Record that people left (time kept); they no longer count as present."""
    from juwei.services.meetings import checkout as do_checkout, quorum_of

    with scope(ctx, write=True) as sc:
        done = do_checkout(sc, meeting_id, parse_seats(seats) if seats else None, member=member)
        q = quorum_of(sc, meeting_id)
    info(t("signed out {n}: now {present} present of {size}", n=len(done), present=q.present, size=q.body_size))


@app.command()
def quorum(ctx: typer.Context, meeting_id: int = MEETING, as_json: bool = JSON_OPTION) -> None:
    """Is the meeting quorate (S7)? Says how many more are needed."""
    from juwei.services.meetings import find_meeting, quorum_json, quorum_of, quorum_rule

    with scope(ctx) as sc:
        q = quorum_of(sc, meeting_id)
        rule = quorum_rule(find_meeting(sc, meeting_id))
    if as_json:
        emit_json(quorum_json(q))
        return
    if rule is None:
        info(t("{present} present of {size}; this kind of meeting needs no quorum", present=q.present,
               size=q.body_size))
    elif q.quorate:
        info(t("quorate: {present} present of {size}; {required} needed ({rule})", present=q.present,
               size=q.body_size, required=q.required, rule=rule.words(language())))
    else:
        info(t("not quorate: {present} present of {size}; {required} needed ({rule}) — {short} more must sign in",
               present=q.present, size=q.body_size, required=q.required, rule=rule.words(language()), short=q.short))


@app.command()
def reschedule(
    ctx: typer.Context,
    meeting_id: int = MEETING,
    at: str = typer.Option(..., "--at", metavar="'YYYY-MM-DD HH:MM'", help="The new time."),
    noticed_on: Optional[str] = typer.Option(None, "--noticed-on",
                                             help="Date the new notice was given (default today)."),
    place: Optional[str] = typer.Option(None, "--place", help="A new place."),
    urgent: Optional[str] = typer.Option(None, "--urgent", metavar="REASON", help="Shorter notice than S6, with why."),
) -> None:
    """Move a meeting nobody has signed in to yet; notice is checked again and the roll taken afresh."""
    from juwei.services.meetings import reschedule as do_reschedule

    when = _at(at)
    noticed = parse_date_option(noticed_on, "--noticed-on")
    with scope(ctx, write=True) as sc:
        meeting = do_reschedule(sc, meeting_id, at=when, noticed_on=noticed, urgent=urgent, place=place)
    info(t("meeting {id} moved to {at}: {n} seats on the roll", id=meeting.id, at=_when(meeting.at),
           n=meeting.body_size))


@app.command()
def cancel(
    ctx: typer.Context,
    meeting_id: int = MEETING,
    reason: str = typer.Option(..., "--reason", help="Why it is cancelled."),
) -> None:
    """Cancel a meeting that has not closed."""
    from juwei.services.meetings import cancel as do_cancel

    with scope(ctx, write=True) as sc:
        do_cancel(sc, meeting_id, reason)
    info(t("meeting {id} cancelled", id=meeting_id))


@app.command()
def close(
    ctx: typer.Context,
    meeting_id: int = MEETING,
    chair: Optional[str] = typer.Option(None, "--chair", metavar="NAME", help="Who chaired (主持人)."),
    recorder: Optional[str] = typer.Option(None, "--recorder", metavar="NAME", help="Who kept the minutes (记录人)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Close the meeting: every motion's tally becomes final and is stored; no more votes."""
    from juwei.services.meetings import close as do_close
    from juwei.services.voting import list_motions

    with scope(ctx, write=True) as sc:
        meeting, warnings = do_close(sc, meeting_id, chair=chair, recorder=recorder)
        motions = list_motions(sc, meeting_id)
    for message in warnings:
        warn(message)
    if as_json:
        emit_json({"id": meeting.id, "status": meeting.status,
                   "motions": [{"id": m.id, "number": m.number, "title": m.title, "tally": m.tally}
                               for m in motions]})
        return
    info(t("meeting {id} closed", id=meeting.id))
    print_motions(motions)


@app.command()
def minutes(
    ctx: typer.Context,
    meeting_id: int = MEETING,
    add: Optional[str] = typer.Option(None, "--add", metavar="TEXT", help="Add a line to the minutes (会议记录)."),
    summary: Optional[str] = typer.Option(None, "--summary", metavar="TEXT", help="Set the meeting summary (会议纪要)."),
    addendum: Optional[str] = typer.Option(None, "--addendum", metavar="TEXT",
                                           help="After close: a dated correction printed beside the minutes "
                                                "(the minutes themselves are final)."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """Add to the minutes, or print them: notes plus attendance, motions and tallies from the data (S15)."""
    from juwei.rules.clock import local_text
    from juwei.services import meetings as svc

    if addendum is not None:
        if add is not None or summary is not None:
            from juwei.errors import ValidationError

            raise ValidationError(t("--addendum corrects a closed meeting's minutes; it does not go with --add "
                                    "or --summary"))
        with scope(ctx, write=True) as sc:
            note = svc.add_addendum(sc, meeting_id, addendum)
        created(note.id, as_json, t("addendum to the minutes of meeting {id} recorded", id=meeting_id))
        return
    if add is not None or summary is not None:
        with scope(ctx, write=True) as sc:
            note = svc.add_note(sc, meeting_id, add) if add is not None else None
            if summary is not None:
                svc.set_summary(sc, meeting_id, summary)
        if note is not None:
            created(note.id, as_json)
        elif as_json:
            emit_json({"id": meeting_id})
        else:
            info(t("summary of meeting {id} recorded", id=meeting_id))
        return
    with scope(ctx) as sc:
        record = private(svc.minutes(sc, meeting_id), reveal)
        zone = sc.timezone
    if as_json:
        emit_json(record)
        return
    m = record.meeting
    info(t("Minutes of meeting {id}: {kind}, {at}, {place}", id=m.id, kind=label("meeting kind", m.kind), at=_when(m.at), place=m.place))
    info(t("Topics: {topics}", topics=listing(m.topics)))
    if m.urgent_reason:
        info(t("Held on short notice: {reason}", reason=m.urgent_reason))
    info(t("Attendance: {present} present of {size} ({absent} absent)", present=m.present, size=m.body_size,
           absent=m.body_size - m.present))
    for note in record.notes:
        info(f"- {note.text}")
    print_motions(m.motions)
    if m.summary:
        info(t("Summary: {text}", text=m.summary))
    for note in record.addenda:
        info(t("Addendum of {day} ({clerk}), after the meeting closed: {text}",
               day=local_text(note.added_at, zone, "%Y-%m-%d"), clerk=note.added_by, text=note.text))


@app.command()
def due(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    """When the next residents'/representatives' meeting must be held (S4), met petitions (S5), and routine
    meetings due or overdue by their cadence (S14)."""
    from juwei.services.meetings import due as due_report

    with scope(ctx) as sc:
        report = due_report(sc)
    if as_json:
        emit_json(report)
        return
    lines = [report.regular, *report.routine]
    table(t("Meetings due on {day}", day=report.today),
          [t("meeting"), t("rule"), t("cadence"), t("last held"), t("this period"), t("due by"), t("overdue")],
          [(label("meeting kind", x.kind), x.rule, label("cadence", x.cadence), x.last or "-",
            f"{x.period_start} – {x.period_end}" if x.period_start else "-",
            t("convened") if x.convened_this_period else (x.due_by or "-"), yes_no(x.overdue)) for x in lines])
    for p in report.petitions:
        info(t("petition {id} ({topic}) has {n} signatures, {required} needed: a meeting must be convened (S5)",
               id=p["id"], topic=p["topic"], n=p["signatures"], required=p["required"]))

