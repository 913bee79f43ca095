"""juwei org: the standing bodies beside the committee — party organisation, deliberation and supervision
committees, sub-committees, residents' group leaders, information collectors (S2, S11, S14)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, created, parse_date_option, scope
from juwei.cli._params import CodeChoice, code_option
from juwei.cli.committee import (END_REASON, INCLUDE_ENDED, LAST_DAY, NOTE_OPTION, SERVING_ON, end_command,
                                 list_command, show_command)
from juwei.i18n import label, t
from juwei.rules.committee import ORG_ROLE_ALIASES, EndReason, OrgKind, OrgRole, PostBody

app = typer.Typer(no_args_is_help=True)

KIND_ARGUMENT = typer.Argument(..., metavar="KIND", parser=CodeChoice(OrgKind, "post body"), help="Which body: party, deliberation, supervision, mediation, "
                                                        "security, health, elderly-women-children, group-leaders, "
                                                        "collectors.")


@app.command()
def add(
    ctx: typer.Context,
    kind: OrgKind = KIND_ARGUMENT,
    member: Optional[str] = typer.Argument(None, help="Member id or ID number, when the person is on the roster."),
    name: Optional[str] = typer.Option(None, "--name", help="The person's name, when not on the roster."),
    role: OrgRole = code_option(OrgRole, "org role", OrgRole.MEMBER, "--role", aliases=ORG_ROLE_ALIASES,
                                help="Chair or member."),
    group: Optional[str] = typer.Option(None, "--group", help="The residents' group a group leader leads."),
    from_: str = typer.Option(..., "--from", help="First day in the post."),
    note: Optional[str] = NOTE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a seat on a standing body."""
    from juwei.services.committee import add_org

    start = parse_date_option(from_, "--from")
    with scope(ctx, write=True) as sc:
        post = add_org(sc, kind, member_ref=member, name=name, role=role, start=start, group=group, note=note)
    created(post.id, as_json, t("{body}: from {start}", body=label("post body", kind), start=post.start))


@app.command("list")
def list_(
    ctx: typer.Context,
    kind: OrgKind = KIND_ARGUMENT,
    on: Optional[str] = SERVING_ON,
    include_ended: bool = INCLUDE_ENDED,
    as_json: bool = JSON_OPTION,
) -> None:
    """The members of one standing body on a date."""
    list_command(ctx, PostBody(kind), lambda n: t("{body} ({n})", body=label("post body", kind), n=n), on,
                 include_ended, as_json)


@app.command()
def show(
    ctx: typer.Context,
    kind: OrgKind = KIND_ARGUMENT,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of someone not on the roster."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Every seat on one body a person has held."""
    show_command(ctx, PostBody(kind), person, as_json)


@app.command()
def end(
    ctx: typer.Context,
    kind: OrgKind = KIND_ARGUMENT,
    person: str = typer.Argument(..., help="Member id, ID number, or the name of someone not on the roster."),
    on: str = LAST_DAY,
    reason: EndReason = END_REASON,
    note: Optional[str] = NOTE_OPTION,
) -> None:
    """End a seat on a standing body."""
    end_command(ctx, PostBody(kind), person, on, reason, note)
