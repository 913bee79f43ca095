"""juwei petition: representatives propose a meeting (S5)."""

from __future__ import annotations

from typing import List

import typer

from juwei.cli._common import (JSON_OPTION, REVEAL_OPTION, created, emit_json, info, key_values, private, scope,
                               table, yes_no)
from juwei.i18n import label, t

app = typer.Typer(no_args_is_help=True)

PETITION = typer.Argument(..., metavar="PETITION", help="The petition's id.")


@app.command("open")
def open_(
    ctx: typer.Context,
    topic: str = typer.Option(..., "--topic", help="What the meeting should decide."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Open a petition; prints its id."""
    from juwei.services.petitions import open_petition

    with scope(ctx, write=True) as sc:
        petition = open_petition(sc, topic)
    created(petition.id, as_json)


@app.command()
def sign(
    ctx: typer.Context,
    petition_id: int = PETITION,
    members: List[str] = typer.Argument(..., metavar="MEMBER", help="Members who sign (id or ID number)."),
) -> None:
    """Record signatures; only serving representatives may sign (seed profile)."""
    from juwei.services.petitions import petition_status, sign_petition

    with scope(ctx, write=True) as sc:
        added = sign_petition(sc, petition_id, members)
        status = petition_status(sc, petition_id)
    info(t("{n} signed; petition {id} has {count} of {required} needed ({state})", n=len(added), id=petition_id,
           count=status.signatures, required=status.required, state=t("met") if status.met else t("not met")))


def _print(p) -> None:
    from juwei.rules.thresholds import threshold_words

    key_values(t("Petition {id}", id=p.id), [
        (t("topic"), p.topic), (t("opened on"), p.opened_on),
        (t("base"), t("{base}: {n}", base=label("petition base", p.base), n=p.base_size)), (t("threshold"), threshold_words(p.threshold)),
        (t("signatures"), p.signatures), (t("needed"), p.required), (t("met"), yes_no(p.met)),
        (t("meeting convened"), p.meeting_id or "-"),
    ])


@app.command()
def show(ctx: typer.Context, petition_id: int = PETITION, as_json: bool = JSON_OPTION,
         reveal: bool = REVEAL_OPTION) -> None:
    """Signatures against the threshold (≥ 1/5 of serving representatives in the seed profile)."""
    from juwei.services.petitions import petition_status

    with scope(ctx) as sc:
        p = private(petition_status(sc, petition_id), reveal)
    if as_json:
        emit_json(p)
        return
    _print(p)
    if p.signers:
        table(t("Signatures"), [t("member"), t("name"), t("signed on"), t("counts")],
              [(s["member_id"], s["name"], s["signed_on"], yes_no(s["counts"])) for s in p.signers])


@app.command("list")
def list_(ctx: typer.Context, as_json: bool = JSON_OPTION, reveal: bool = REVEAL_OPTION) -> None:
    """All petitions with whether each is met."""
    from juwei.services.petitions import list_petitions

    with scope(ctx) as sc:
        rows = private(list_petitions(sc), reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("Petitions ({n})", n=len(rows)), [t("id"), t("topic"), t("signatures"), t("needed"), t("met"),
                                               t("meeting convened")],
          [(p.id, p.topic, p.signatures, p.required, yes_no(p.met), p.meeting_id or "-") for p in rows])
