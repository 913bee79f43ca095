"""juwei household: households (户)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import (JSON_OPTION, REVEAL_OPTION, created, emit_json, info, key_values, private, scope,
                               table)
from juwei.i18n import t

app = typer.Typer(no_args_is_help=True)


@app.command()
def add(
    ctx: typer.Context,
    number: str = typer.Argument(..., help="The household number (户号)."),
    address: Optional[str] = typer.Option(None, "--address", help="Address (住址)."),
    group: Optional[str] = typer.Option(None, "--group", help="Residents' group, by name or id."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Add a household; prints its id."""
    from juwei.services.roster import add_household

    with scope(ctx, write=True) as sc:
        household = add_household(sc, number, address=address, group=group)
    created(household.id, as_json)


@app.command("set-rep")
def set_rep(
    ctx: typer.Context,
    number: str = typer.Argument(..., help="The household number."),
    member: Optional[str] = typer.Argument(None, help="Member id or ID number; omit to clear."),
) -> None:
    """Designate the member who attends households' meetings for this household (户代表)."""
    from juwei.services.roster import set_household_representative

    with scope(ctx, write=True) as sc:
        household = set_household_representative(sc, number, member)
    info(t("household {number}: representative is member {member}", number=household.number,
           member=household.representative_id or "-"))


@app.command()
def void(
    ctx: typer.Context,
    number: str = typer.Argument(..., help="The household number."),
    reason: str = typer.Option(..., "--reason", help="Why the entry was a mistake (kept in the audit trail)."),
) -> None:
    """Void a household entered by mistake (作废): kept in the audit trail, gone from every list and count.
    Refused while residents are recorded in it or a meeting's roll names it."""
    from juwei.services.roster import void_household

    with scope(ctx, write=True) as sc:
        household = void_household(sc, number, reason)
    info(t("household {number} voided on {day}: {reason}", number=household.number, day=household.voided_on,
           reason=household.void_reason))


@app.command("list")
def list_(
    ctx: typer.Context,
    group: Optional[str] = typer.Option(None, "--group", help="Only this residents' group."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """Households with their group, designated representative and number of resident members."""
    from juwei.services.roster import list_households

    with scope(ctx) as sc:
        rows = private(list_households(sc, group), reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("Households"), [t("id"), t("number"), t("group"), t("address"), t("representative"), t("members")],
          [(h.id, h.number, h.group, h.address, h.representative, h.member_count) for h in rows])


@app.command()
def show(ctx: typer.Context, number: str = typer.Argument(..., help="The household number."),
         as_json: bool = JSON_OPTION, reveal: bool = REVEAL_OPTION) -> None:
    """A household and its members."""
    from juwei.cli.member import member_json, member_table
    from juwei.services.roster import list_households, list_members

    with scope(ctx) as sc:
        summary = private(list_households(sc, number=number)[0], reveal)
        members = list_members(sc, household=number, include_left=True)
    if as_json:
        emit_json({**vars(summary), "members": member_json(members, reveal)})
        return
    key_values(t("Household {number}", number=summary.number),
               [(t("id"), summary.id), (t("group"), summary.group), (t("address"), summary.address),
                (t("representative"), summary.representative), (t("members"), summary.member_count)])
    member_table(t("Members"), members, reveal)
