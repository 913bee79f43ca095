"""juwei staff: the community's professional staff (社区专职工作者, S28)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, created, parse_date_option, scope
from juwei.cli._params import code_option
from juwei.cli.committee import (END_REASON, INCLUDE_ENDED, LAST_DAY, NOTE_OPTION, SERVING_ON, end_command,
                                 list_command, show_command)
from juwei.i18n import label, t
from juwei.rules.committee import EndReason, PostBody, StaffPosition

app = typer.Typer(no_args_is_help=True)


@app.command()
def add(
    ctx: typer.Context,
    member: Optional[str] = typer.Argument(None, help="Member id or ID number, when the person is on the roster."),
    name: Optional[str] = typer.Option(None, "--name", help="The person's name, when not on the roster."),
    position: StaffPosition = code_option(StaffPosition, "staff position", ..., "--position",
                                          help="The position (S28)."),
    from_: str = typer.Option(..., "--from", help="First day in the position."),
    note: Optional[str] = NOTE_OPTION,
    disclosed: bool = typer.Option(False, "--disclosed",
                                   help="The hire was announced on the board before juwei kept the register: "
                                        "record no S24 change."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a staff member taking up a position; the change is owed to the board (S24)."""
    from juwei.services.committee import add_staff

    start = parse_date_option(from_, "--from")
    with scope(ctx, write=True) as sc:
        post = add_staff(sc, member_ref=member, name=name, position=position, start=start, note=note,
                         disclosed=disclosed)
    created(post.id, as_json, t("{post} from {start}", post=label("staff position", position), start=post.start))


@app.command("list")
def list_(
    ctx: typer.Context,
    on: Optional[str] = SERVING_ON,
    include_ended: bool = INCLUDE_ENDED,
    as_json: bool = JSON_OPTION,
) -> None:
    """The staff on a date, with their positions and duties."""
    list_command(ctx, PostBody.STAFF, lambda n: t("Professional staff ({n})", n=n), on, include_ended, as_json)


@app.command()
def show(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of staff not on the roster."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Every staff position one person has held."""
    show_command(ctx, PostBody.STAFF, person, as_json)


@app.command()
def end(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of staff not on the roster."),
    on: str = LAST_DAY,
    reason: EndReason = END_REASON,
    note: Optional[str] = NOTE_OPTION,
) -> None:
    """End a staff position; the change is owed to the board (S24)."""
    end_command(ctx, PostBody.STAFF, person, on, reason, note)


@app.command()
def log(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of staff not on the roster."),
    on: str = typer.Option(..., "--on", help="The day the entry is about."),
    text: str = typer.Option(..., "--text", help="What was done that day."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Add a day's entry to a staff member's work log (S28)."""
    from juwei.services.staffwork import add_log

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        row = add_log(sc, person, on=day, text=text)
    created(row.id, as_json, t("work log of {day}", day=row.day))


@app.command()
def summary(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of staff not on the roster."),
    month: str = typer.Option(..., "--month", help="The month summarised: 2026-07."),
    file: str = typer.Option(..., "--file", help="The summary: a UTF-8 text or Markdown file."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a staff member's monthly summary once the month has ended (S28)."""
    from juwei.errors import ValidationError
    from juwei.rules.staffwork import parse_month
    from juwei.services.staffwork import add_summary

    try:
        which = parse_month(month)
    except ValidationError as exc:
        raise ValidationError(f"--month: {exc.message}") from None
    with scope(ctx, write=True) as sc:
        row = add_summary(sc, person, month=which, path=file)
    created(row.id, as_json, t("monthly summary for {month}", month=row.month))


@app.command()
def logs(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of staff not on the roster."),
    month: Optional[str] = typer.Option(None, "--month", help="Only this month: 2026-07."),
    as_json: bool = JSON_OPTION,
) -> None:
    """A staff member's work log and monthly summaries, oldest first."""
    from juwei.cli._common import emit_json, table
    from juwei.errors import ValidationError
    from juwei.rules.staffwork import parse_month
    from juwei.services.staffwork import logs as read_logs

    which = None
    if month is not None:
        try:
            which = parse_month(month)
        except ValidationError as exc:
            raise ValidationError(f"--month: {exc.message}") from None
    with scope(ctx) as sc:
        rows = read_logs(sc, person, which)
    if as_json:
        emit_json(rows)
        return
    table(t("Work log ({n})", n=len(rows)), [t("id"), t("date"), t("kind"), t("text")],
          [(r.id, r.day or r.month, t("monthly summary") if r.kind == "summary" else t("work log"),
            r.text if r.kind == "log" else t("{file} ({n} characters)", file=r.file_name, n=len(r.text)))
           for r in rows])
