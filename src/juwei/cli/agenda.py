"""juwei agenda: everything the clerk must do, from every domain, soonest first."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, REVEAL_OPTION, emit_json, info, parse_date_option, private, scope, table
from juwei.i18n import t

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
    if ics is not None:
        _check_writable(ics, force)
    with scope(ctx) as sc:
        report = private(build(sc, day, days), reveal)
    if ics is not None:
        _write_ics(ics, report)
    if as_json:
        emit_json(report)
        return
    table(t("Agenda on {day}: {n} to do", day=report.on, n=len(report.items)),
          [t("due"), t("rule"), t("what"), t("command")],
          [(t("overdue") + f" ({x.due})" if x.overdue else (x.due or t("now")), x.rule, x.what, x.command)
           for x in report.items])
    if ics is not None:
        info(t("{n} dated item(s) written to {path}", n=sum(1 for x in report.items if x.due), path=ics))


def _check_writable(path: Path, force: bool) -> None:
    from juwei.errors import JuweiError

    if path.is_dir():
        raise JuweiError(t("--ics: {path} is a folder; give a file name", path=path))
    if path.exists() and not force:
        raise JuweiError(t("--ics: {path} already exists; add --force to replace it", path=path))
    if not path.parent.is_dir():
        raise JuweiError(t("--ics: folder {path} does not exist", path=path.parent))


def _write_ics(path: Path, report) -> None:
    import datetime as dt

    from juwei.cli.notice import write_file  # whole or not at all
    from juwei.render.calendar import agenda_ics

    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    write_file(path, agenda_ics(report.items, report.community, stamp).decode("utf-8"))
