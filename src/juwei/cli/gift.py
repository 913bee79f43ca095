"""juwei gift: the gift register (S27) — what was offered to a cadre or staff member and how it was handled."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, REVEAL_OPTION, created, emit_json, parse_date_option, private, scope, table
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.staffwork import HANDLING_ALIASES, GiftHandling

app = typer.Typer(no_args_is_help=True)


@app.command()
def add(
    ctx: typer.Context,
    to: str = typer.Option(..., "--to", help="Who was offered it: member id, ID number, or a post holder's name."),
    offered_by: str = typer.Option(..., "--offered-by", help="Who offered it."),
    what: str = typer.Option(..., "--what", help="What was offered."),
    value: Optional[str] = typer.Option(None, "--value", help="Its estimated value in yuan, e.g. 200 or 1,200.50."),
    on: str = typer.Option(..., "--on", help="The day it was offered."),
    handled: GiftHandling = code_option(GiftHandling, "gift handling", ..., "--handled", aliases=HANDLING_ALIASES,
                                        help="declined|returned|handed-in."),
    note: str = typer.Option(..., "--note", help="How and to whom it was returned or handed in."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a gift offered and how it was handled (S27)."""
    from juwei.errors import ValidationError
    from juwei.rules.disclosure import parse_money
    from juwei.services.staffwork import add_gift

    day = parse_date_option(on, "--on")
    fen = None
    if value is not None:
        try:
            fen = parse_money(value)
        except ValidationError as exc:
            raise ValidationError(f"--value: {exc.message}") from None
    with scope(ctx, write=True) as sc:
        row = add_gift(sc, to, offered_by=offered_by, what=what, value_fen=fen, on=day, handled=handled, note=note)
    created(row.id, as_json, t("{what}: {handled}", what=row.what, handled=label("gift handling", row.handled)))


@app.command("list")
def list_(
    ctx: typer.Context,
    period: Optional[str] = typer.Option(None, "--period", help="2026-Q3, 2026-H1, 2026-07 or 2026."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """The gift register, oldest first (value in fen under --json)."""
    from juwei.rules.disclosure import format_fen, parse_period
    from juwei.services.staffwork import list_gifts

    span = parse_period(period) if period else None
    with scope(ctx) as sc:
        rows = list_gifts(sc, span.start if span else None, span.end if span else None)
    rows = private(rows, reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("Gift register ({n})", n=len(rows)),
          [t("id"), t("date"), t("name"), t("offered by"), t("item offered"), t("value (yuan)"), t("handled"), t("note")],
          [(r.id, r.day, r.name, r.offered_by, r.what, format_fen(r.value_fen) if r.value_fen is not None else "",
            label("gift handling", r.handled), r.note) for r in rows])
