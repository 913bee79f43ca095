"""juwei rep: representatives (居民代表, 当然代表)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import (JSON_OPTION, REVEAL_OPTION, created, emit_json, info, parse_date_option, private, scope,
                               table, warn)
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.meetings import ExOfficioBasis

app = typer.Typer(no_args_is_help=True)


@app.command()
def add(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="Member id or ID number."),
    group: Optional[str] = typer.Option(None, "--group", help="Elected by this residents' group (S1, S3)."),
    ex_officio: Optional[ExOfficioBasis] = code_option(
        ExOfficioBasis, "ex officio basis", None, "--ex-officio", metavar="BASIS",
        help="Ex officio (S2): party_org, committee, npc_deputy, cppcc_member."),
    from_: str = typer.Option(..., "--from", help="First day of the term."),
    other_group_reason: Optional[str] = typer.Option(
        None, "--allow-other-group", metavar="REASON",
        help="Elected by a group the member does not live in: why (kept on the record)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Start a representative's term; an elected term's end comes from the rules profile (S3)."""
    from juwei.services.roster import add_representative

    start = parse_date_option(from_, "--from")
    with scope(ctx, write=True) as sc:
        rep, warnings = add_representative(sc, member, start=start, group=group, ex_officio=ex_officio,
                                           other_group_reason=other_group_reason)
    for message in warnings:
        warn(message)
    if rep.term_end is None:  # ex officio (S2): serves while holding the office, no end date
        created(rep.id, as_json, t("serving from {start}, with no fixed term (ex officio)", start=rep.term_start))
    else:
        created(rep.id, as_json, t("term {start} – {end}", start=rep.term_start, end=rep.term_end))


@app.command()
def end(
    ctx: typer.Context,
    rep_id: int = typer.Argument(..., metavar="REP", help="The representative's id (see `juwei rep list`)."),
    on: str = typer.Option(..., "--on", help="Last day served."),
    reason: str = typer.Option(..., "--reason", help="Why: 辞职, 撤换, 迁出 …"),
) -> None:
    """End a representative's term early (resignation, recall, moving away)."""
    from juwei.services.roster import end_representative

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        rep, warnings = end_representative(sc, rep_id, day, reason)
    for message in warnings:
        warn(message)
    info(t("representative {id} served until {day}", id=rep.id, day=day))


@app.command("list")
def list_(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="Serving on this date (default today)."),
    expiring: Optional[str] = typer.Option(None, "--expiring", help="Only terms ending within e.g. 90d."),
    include_ended: bool = typer.Option(False, "--all", help="Include terms that ended."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """Serving representatives, by group."""
    from juwei.rules.dates import parse_duration_days
    from juwei.services.roster import list_representatives

    day = parse_date_option(on, "--on")
    days = parse_duration_days(expiring) if expiring else None
    with scope(ctx) as sc:
        rows = private(list_representatives(sc, on=day, expiring_days=days, include_ended=include_ended), reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("Representatives ({n})", n=len(rows)),
          [t("id"), t("member"), t("name"), t("kind"), t("group / basis"), t("from"), t("to"), t("ended")],
          [(r.id, r.member_id, r.name, label("representative kind", r.kind),
            " ".join(x for x in (r.group or label("ex officio basis", r.basis), r.other_group_reason and
                                 t("(lives elsewhere: {reason})", reason=r.other_group_reason)) if x),
            r.term_start, r.term_end,
            r.ended_on and f"{r.ended_on} {r.end_reason}") for r in rows])
