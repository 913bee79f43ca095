"""juwei agenda: everything the clerk must do, from every domain, soonest first."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, REVEAL_OPTION, emit_json, info, parse_date_option, private, scope, table
from juwei.i18n import t
from juwei.rules.dates import WORKING_YEARS

app = typer.Typer()


@app.command()
def agenda(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="As on this date (default today)."),
    days: Optional[int] = typer.Option(None, "--days", min=0, metavar="N",
                                       help="Only what is due within N days (overdue is always shown)."),
    ics: Optional[Path] = typer.Option(None, "--ics", metavar="FILE",
                                       help="Also write the dated items as an iCalendar file (.ics) for a phone."),
    force: bool = typer.Option(False, "--force", help="With --ics: replace the file if it exists."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """Everything the clerk must do, overdue first, then soonest: meetings due (S4, S14), petitions (S5),
    the disclosure board (S20–S26), representatives' terms (S3), each with the command that settles it. Numbers
    typed into names and topics are masked, in the calendar file too, unless --reveal."""
    from juwei.services.due import agenda as build

    day = parse_date_option(on, "--on")
    if day is not None and not WORKING_YEARS[0] <= day.year <= WORKING_YEARS[1]:
        from juwei.errors import ValidationError

        raise ValidationError(t("--on {day}: the year must be {first}–{last}", day=day, first=WORKING_YEARS[0],
                                last=WORKING_YEARS[1]))
    if ics is not None:  # the path is checked before any work: a refusal writes nothing
        from juwei.services.files import out_file

        ics = out_file(ics, force=force, option="--ics")
    with scope(ctx) as sc:
        report = private(build(sc, day, days), reveal)
    if ics is not None:
        _write_ics(ics, report, force)
    if as_json:
        emit_json(report)
        return
    table(t("Agenda on {day}: {n} to do", day=report.on, n=len(report.items)),
          [t("due"), t("rule"), t("what"), t("command")],
          [(t("overdue ({due})", due=x.due) if x.overdue else (x.due or t("now")), x.rule, x.what, x.command)
           for x in report.items])
    if ics is not None:
        info(t("{n} dated item(s) written to {path}", n=sum(1 for x in report.items if x.due), path=ics))


def _write_ics(path: Path, report, force: bool) -> None:
    import datetime as dt

    from juwei.render.calendar import agenda_ics
    from juwei.services.files import write_text  # whole or not at all, owner-only

    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    write_text(path, agenda_ics(report.items, report.community, stamp).decode("utf-8"), force=force)
