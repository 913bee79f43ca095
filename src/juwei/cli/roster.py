"""juwei roster: the summary a clerk reads first."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, emit_json, key_values, parse_date_option, scope
from juwei.cli._export import FORCE, SHEET_FORMAT, SHEET_OUT, sheet_out, write_sheet
from juwei.i18n import t

app = typer.Typer()


@app.command()
def roster(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="As on this date (default today)."),
    fmt: Optional[str] = SHEET_FORMAT,
    out: Optional[str] = SHEET_OUT,
    force: bool = FORCE,
    as_json: bool = JSON_OPTION,
) -> None:
    """Roster summary: groups, households, residents, adults, representatives."""
    from juwei.services.roster import roster_summary

    sheet = sheet_out(ctx, fmt, out, force, as_json)
    day = parse_date_option(on, "--on")
    with scope(ctx) as sc:
        summary = roster_summary(sc, day)
        when = day or sc.today
    if as_json:
        emit_json(summary)
        return
    if sheet is not None:
        write_sheet(sheet, t("roster"), [t("field"), t("value")],
                    [(t("community"), summary.community), (t("date"), when), *summary_rows(summary)])
        return
    print_summary(summary, when)


def print_summary(summary, when) -> None:
    key_values(t("{community}: roster on {day}", community=summary.community, day=when), summary_rows(summary))


def summary_rows(summary) -> list[tuple[str, int]]:
    return [
        (t("residents' groups"), summary.groups),
        (t("households"), summary.households),
        (t("residents"), summary.members),
        (t("adults (S1)"), summary.adults),
        (t("political rights deprived"), summary.deprived),
        (t("party members"), summary.party_members),
        (t("elected representatives (S1, S3)"), summary.representatives_elected),
        (t("ex officio representatives (S2)"), summary.representatives_ex_officio),
    ]
