"""juwei committee: the residents' committee (居民委员会) — its posts and terms (S3, S9)."""

from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

import typer

from juwei.cli._common import JSON_OPTION, created, emit_json, info, key_values, parse_date_option, scope, table, warn
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.committee import ROLE_ALIASES, CommitteeRole, EndReason, PostBody

app = typer.Typer(no_args_is_help=True)

# the options every register command shares (committee, staff, org)
NOTE_OPTION = typer.Option(None, "--note", help="A note kept on the record.")
SERVING_ON = typer.Option(None, "--on", help="Serving on this date (default today).")
INCLUDE_ENDED = typer.Option(False, "--all", help="Include posts that ended.")
LAST_DAY = typer.Option(..., "--on", help="Last day served.")
END_REASON = code_option(EndReason, "end reason", ..., "--reason", help="Why the post ends.")


def show_posts(title: str, rows, as_json: bool) -> None:
    """A list of posts under ``title`` (translated), as every register command prints it."""
    from juwei.services.committee import post_title

    if as_json:
        emit_json(rows)
        return
    table(title,
          [t("member"), t("name"), t("post"), t("from"), t("to"), t("ended"), t("duties")],
          [(r.member_id or "", r.name, post_title(r.body, r.role, r.group), r.start, r.term_end or "",
            r.ended_on and f"{r.ended_on} {label('end reason', r.end_reason)}", r.duty or "") for r in rows])


def list_command(ctx: typer.Context, body: PostBody, title: Callable[[int], str], on: Optional[str],
                 include_ended: bool, as_json: bool) -> list[str]:
    """List the posts of ``body``: the one place committee, staff and org list theirs. Returns the warnings
    about the committee on that day (for the committee only)."""
    from juwei.services.committee import committee_warnings, list_posts

    day = parse_date_option(on, "--on")
    with scope(ctx) as sc:
        rows = list_posts(sc, body, on=day, include_ended=include_ended)
        warnings = committee_warnings(sc, day or sc.today) if body == PostBody.COMMITTEE and not as_json else []
    show_posts(title(len(rows)), rows, as_json)
    return warnings


def end_command(ctx: typer.Context, body: PostBody, person: str, on: str, reason: EndReason,
                note: Optional[str]) -> None:
    """End a post: the one place committee, staff and org end theirs."""
    from juwei.services.committee import end_post

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        post, warnings = end_post(sc, body, person, on=day, reason=reason, note=note)
    for message in warnings:
        warn(message)
    info(t("post {id} held until {day} ({reason})", id=post.id, day=day, reason=label("end reason", reason)))
    if body in (PostBody.COMMITTEE, PostBody.STAFF):
        info(t("the change is recorded for the disclosure board (S24): `juwei disclose personnel`"))


def show_command(ctx: typer.Context, body: PostBody, person: str, as_json: bool) -> None:
    from juwei.services.committee import history

    with scope(ctx) as sc:
        rows = history(sc, body, person)
    show_posts(t("Posts held ({n})", n=len(rows)), rows, as_json)


@app.command()
def add(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="Member id or ID number (a resident on the roster)."),
    role: CommitteeRole = code_option(CommitteeRole, "committee post", ..., "--role", aliases=ROLE_ALIASES,
                                      help="Director (主任), deputy (副主任) or member (委员)."),
    from_: str = typer.Option(..., "--from", help="First day in the post."),
    election: Optional[int] = typer.Option(None, "--election", metavar="E", help="The election that filled it."),
    note: Optional[str] = NOTE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a committee post (S9); it ends with the committee's term (S3)."""
    from juwei.services.committee import add_committee

    start = parse_date_option(from_, "--from")
    with scope(ctx, write=True) as sc:
        done = add_committee(sc, member, role=role, start=start, election_id=election, note=note)
    if done.new_term:
        info(t("term {n} of the committee recorded: {start} – {end} (correct it with `juwei committee term`)",
               n=done.term.number, start=done.term.start, end=done.term.end))
    for message in done.warnings:
        warn(message)
    created(done.post.id, as_json, t("{post} from {start} to {end}", post=label("committee post", role),
                                     start=done.post.start, end=done.post.term_end))
    if not as_json:
        info(t("the committee has {n} serving member(s) on {day}", n=done.serving, day=start))


@app.command("list")
def list_(
    ctx: typer.Context,
    on: Optional[str] = SERVING_ON,
    include_ended: bool = INCLUDE_ENDED,
    as_json: bool = JSON_OPTION,
) -> None:
    """The committee on a date: director, deputies, members, with their duties (S26)."""
    for message in list_command(ctx, PostBody.COMMITTEE, lambda n: t("Residents' committee ({n})", n=n), on,
                                include_ended, as_json):
        warn(message)


@app.command()
def show(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="Member id or ID number."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Every committee post one person has held."""
    show_command(ctx, PostBody.COMMITTEE, member, as_json)


@app.command()
def end(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="Member id or ID number."),
    on: str = LAST_DAY,
    reason: EndReason = END_REASON,
    note: Optional[str] = NOTE_OPTION,
) -> None:
    """End a committee post; the staff change is owed to the board (S24) and a vacancy shows on the agenda."""
    end_command(ctx, PostBody.COMMITTEE, member, on, reason, note)


@app.command()
def term(
    ctx: typer.Context,
    start: Optional[str] = typer.Option(None, "--start", help="Record a term starting on this date."),
    number: Optional[int] = typer.Option(None, "--number", metavar="N", help="Its number (届次); default the next."),
    on: Optional[str] = typer.Option(None, "--on", help="Show the term on this date (default today)."),
    note: Optional[str] = NOTE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The committee's current term (届次, start, end) and when the next general election is due."""
    from juwei.services.committee import record_term, term_info

    if start is not None:
        with scope(ctx, write=True) as sc:
            row = record_term(sc, start=parse_date_option(start, "--start"), number=number, note=note)
        created(row.id, as_json, t("term {n}: {start} – {end}", n=row.number, start=row.start, end=row.end))
        return
    day = parse_date_option(on, "--on")
    with scope(ctx) as sc:
        row = term_info(sc, day or sc.today)
        today = day or sc.today
    if as_json:
        emit_json(row)
        return
    if row.number is None:
        info(t("no term of the committee is recorded; `juwei committee add` records one, or "
               "`juwei committee term --start DATE --number N`"))
        return
    key_values(t("Term {n} of the residents' committee", n=row.number), [
        (t("from"), row.start), (t("to"), row.end),
        (t("general election due by"), _due(row.election_due, today)),
        (t("serving members"), t("{n} (the rules ask for {lo}–{hi})", n=row.serving, lo=row.size_min,
                                 hi=row.size_max)),
        (t("director"), row.director or t("vacant")),
    ])


def _due(day: dt.date | None, today: dt.date) -> str:
    if day is None:
        return ""
    return t("{day} (overdue)", day=day) if day < today else str(day)
