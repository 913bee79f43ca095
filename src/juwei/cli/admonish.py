"""juwei admonish: admonitions (诫勉) and their monthly follow-up until corrected (S29)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, created, emit_json, info, parse_date_option, scope, table
from juwei.i18n import t

app = typer.Typer(no_args_is_help=True)

ADMONITION = typer.Argument(..., metavar="A", help="The admonition's id.")


@app.command("open")
def open_(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of staff not on the roster."),
    reason: str = typer.Option(..., "--reason", help="Why (kept on the record)."),
    evaluation: Optional[int] = typer.Option(None, "--eval", metavar="E", help="The evaluation it follows."),
    on: Optional[str] = typer.Option(None, "--on", help="The day it is given (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Admonish someone holding a post (S29); it is followed up monthly until corrected."""
    from juwei.services.admonition import open_admonition

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        row = open_admonition(sc, person, reason=reason, evaluation_id=evaluation, on=day)
    created(row.id, as_json, t("admonition of {name} from {day}", name=row.name, day=row.opened_on))


@app.command()
def note(
    ctx: typer.Context,
    admonition: int = ADMONITION,
    text: str = typer.Option(..., "--text", help="The follow-up: what was seen, talked about, corrected."),
    on: Optional[str] = typer.Option(None, "--on", help="The day of the follow-up (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a follow-up note (one is due every month while the admonition is open)."""
    from juwei.services.admonition import add_note

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        row = add_note(sc, admonition, text, day)
    created(row.id, as_json, t("follow-up of admonition {id} on {day}", id=admonition, day=row.noted_on))


@app.command()
def close(
    ctx: typer.Context,
    admonition: int = ADMONITION,
    corrected_on: str = typer.Option(..., "--corrected-on", help="The day the shortcoming was corrected."),
) -> None:
    """Close an admonition: corrected on a day."""
    from juwei.services.admonition import close as close_admonition

    day = parse_date_option(corrected_on, "--corrected-on")
    with scope(ctx, write=True) as sc:
        row = close_admonition(sc, admonition, day)
    info(t("admonition {id} of {name} closed: corrected on {day}", id=row.id, name=row.name, day=day))


@app.command("list")
def list_(
    ctx: typer.Context,
    open_only: bool = typer.Option(False, "--open", help="Only admonitions not yet closed."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Admonitions, with their follow-up notes and whether this month's is missing."""
    from juwei.services.admonition import list_admonitions

    with scope(ctx) as sc:
        rows = list_admonitions(sc, open_only=open_only)
    if as_json:
        emit_json(rows)
        return
    table(t("Admonitions ({n})", n=len(rows)),
          [t("id"), t("name"), t("reason"), t("from"), t("corrected on"), t("follow-ups"), t("last"),
           t("follow-up due")],
          [(r.id, r.name, r.reason, r.opened_on, r.corrected_on or "", r.notes, r.last_note or "",
            r.followup_due or "") for r in rows])
