"""juwei duty: the division of work among the committee, its staff and standing bodies (S26)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, created, emit_json, parse_date_option, scope, table
from juwei.i18n import t

app = typer.Typer(no_args_is_help=True)


@app.command("set")
def set_(
    ctx: typer.Context,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of a post holder not on the roster."),
    text: str = typer.Option(..., "--text", help="What the person is responsible for."),
    from_: Optional[str] = typer.Option(None, "--from", help="From this date (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Set one person's duties; the duties sheet on the board is then due again (S26)."""
    from juwei.services.committee import set_duty

    day = parse_date_option(from_, "--from")
    with scope(ctx, write=True) as sc:
        duty = set_duty(sc, person, text, start=day or sc.today)
    created(duty.id, as_json, t("duties from {day}", day=duty.effective_from))


@app.command("list")
def list_(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="On this date (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The division of work: everyone holding a post, their posts and duties."""
    from juwei.services.committee import list_duties

    day = parse_date_option(on, "--on")
    with scope(ctx) as sc:
        rows = list_duties(sc, day)
    if as_json:
        emit_json(rows)
        return
    table(t("Division of work ({n})", n=len(rows)), [t("member"), t("name"), t("posts"), t("duties"), t("from")],
          [(r.member_id or "", r.name, "、".join(r.posts), r.duty or "", r.effective_from or "") for r in rows])
