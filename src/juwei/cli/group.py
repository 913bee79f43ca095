"""juwei group: residents' groups (居民小组)."""

from __future__ import annotations

import typer

from juwei.cli._common import JSON_OPTION, created, emit_json, scope, table
from juwei.i18n import t

app = typer.Typer(no_args_is_help=True)


@app.command()
def add(ctx: typer.Context, name: str = typer.Argument(..., help="The group's name, e.g. 第一居民小组."),
        as_json: bool = JSON_OPTION) -> None:
    """Add a residents' group; prints its id."""
    from juwei.services.roster import add_group

    with scope(ctx, write=True) as sc:
        group = add_group(sc, name)
    created(group.id, as_json)


@app.command("list")
def list_(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    """Groups with their households, resident members and serving elected representatives."""
    from juwei.services.roster import list_groups

    with scope(ctx) as sc:
        rows = list_groups(sc)
    if as_json:
        emit_json(rows)
        return
    table(t("Residents' groups"), [t("id"), t("group name"), t("households"), t("members"), t("representatives")],
          [(g.id, g.name, g.households, g.members, g.representatives) for g in rows])
