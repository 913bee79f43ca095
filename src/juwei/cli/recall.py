"""juwei recall: the recall (罢免 / 撤换) of a committee member by the residents' meeting (S9)."""

from __future__ import annotations

import typer

from juwei.cli._common import JSON_OPTION, created, emit_json, info, key_values, scope, table, warn, yes_no
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.recall import RecallBasis

app = typer.Typer(no_args_is_help=True)

RECALL = typer.Argument(..., metavar="R", help="The recall's id.")


def _outcome(code: str | None) -> str:
    return label("recall outcome", code) if code else t("open")


@app.command("open")
def open_(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="Member id or ID number of the committee member."),
    proposers: int = typer.Option(..., "--proposers", help="How many proposed the recall (联名人数)."),
    basis: RecallBasis = code_option(RecallBasis, "recall basis", ..., "--basis",
                                     help="Who proposed it: voters or representatives."),
    reason: str = typer.Option(..., "--reason", help="The reason for the recall, as proposed."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Open a recall of a committee member, proposed by enough voters or representatives (S9)."""
    from juwei.services.recall import open_recall

    with scope(ctx, write=True) as sc:
        recall = open_recall(sc, member, proposers=proposers, basis=basis, reason=reason)
    created(recall.id, as_json, t("{n} of {base} ({basis}) propose it", n=recall.proposers, base=recall.base,
                                  basis=label("recall basis", recall.basis)))


@app.command()
def reply(
    ctx: typer.Context,
    recall: int = RECALL,
    text: str = typer.Option(..., "--text", help="The member's statement (申辩)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the member's statement (申辩); given again before the count, it replaces the earlier one."""
    from juwei.services.recall import reply as record

    with scope(ctx, write=True) as sc:
        row = record(sc, recall, text)
    created(row.id, as_json)


@app.command()
def count(
    ctx: typer.Context,
    recall: int = RECALL,
    issued: int = typer.Option(..., "--issued", help="Ballots issued."),
    returned: int = typer.Option(..., "--returned", help="Ballots returned."),
    votes_for: int = typer.Option(..., "--for", help="Ballots for the recall."),
    against: int = typer.Option(..., "--against", help="Ballots against the recall."),
    void: int = typer.Option(..., "--void", help="Void ballots."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the count of the recall vote, as figures only, and show the result."""
    from juwei.services import recall as service

    with scope(ctx, write=True) as sc:
        done = service.count(sc, recall, issued=issued, returned=returned, votes_for=votes_for, against=against,
                             void=void)
        shown = service.recall_info(sc, recall)
    _show_result(shown, done.result, as_json)
    if not as_json:
        for message in done.warnings:
            warn(message)
        if done.post is not None:
            info(t("post {id} held until {day} ({reason})", id=done.post.id, day=done.post.ended_on,
                   reason=label("end reason", done.post.end_reason)))
            info(t("the change is recorded for the disclosure board (S24): `juwei disclose personnel`"))
            info(t("a by-election fills the seat: `juwei election open --kind by-election`"))


@app.command()
def result(
    ctx: typer.Context,
    recall: int = RECALL,
    as_json: bool = JSON_OPTION,
) -> None:
    """The result of the recall vote: turnout, votes for, and whether the member is recalled."""
    from juwei.services import recall as service

    with scope(ctx) as sc:
        outcome = service.result(sc, recall)
        shown = service.recall_info(sc, recall)
    _show_result(shown, outcome, as_json)


def _show_result(shown, outcome, as_json: bool) -> None:
    if as_json:
        emit_json({"recall": shown.id, "member": shown.member, "name": shown.name, "post": shown.post,
                   **outcome.as_json(), "outcome": shown.outcome, "post_ended_on": shown.post_ended_on})
        return
    key_values(t("Recall {id}: the count", id=shown.id),
               [(t("member"), f"{shown.member} {shown.name}"), (t("post"), label("committee post", shown.post)),
                (t("registered"), outcome.registered), (t("issued"), outcome.issued),
                (t("returned"), outcome.returned), (t("for"), outcome.votes_for), (t("against"), outcome.against),
                (t("void"), outcome.void),
                (t("turnout passes"), t("{ok} (at least {n} of {registered})", ok=yes_no(outcome.turnout.ok),
                                        n=outcome.turnout.required, registered=outcome.registered)),
                (t("votes for needed"), outcome.required), (t("recalled"), yes_no(outcome.recalled))])


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: bool = JSON_OPTION,
) -> None:
    """Every recall, with its member, post, proposers and outcome."""
    from juwei.services.recall import list_recalls

    with scope(ctx) as sc:
        rows = list_recalls(sc)
    if as_json:
        emit_json(rows)
        return
    table(t("Recalls ({n})", n=len(rows)),
          [t("id"), t("member"), t("name"), t("post"), t("proposers"), t("opened"), t("statement given"), t("counted"),
           t("outcome")],
          [(r.id, r.member, r.name, label("committee post", r.post),
            t("{n} of {base} ({basis})", n=r.proposers, base=r.base, basis=label("recall basis", r.basis)),
            r.opened_on, r.replied_on or "", r.counted_on or "", _outcome(r.outcome)) for r in rows])


@app.command()
def show(
    ctx: typer.Context,
    recall: int = RECALL,
    as_json: bool = JSON_OPTION,
) -> None:
    """One recall: the member and post, the proposal, the member's statement and the vote's figures."""
    from juwei.services.recall import recall_info

    with scope(ctx) as sc:
        r = recall_info(sc, recall)
    if as_json:
        emit_json(r)
        return
    counted = r.counted_on is not None
    key_values(t("Recall {id}", id=r.id),
               [(t("member"), f"{r.member} {r.name}"), (t("post"), label("committee post", r.post)),
                (t("proposers"), t("{n} of {base} ({basis})", n=r.proposers, base=r.base,
                                   basis=label("recall basis", r.basis))),
                (t("reason"), r.reason), (t("opened"), r.opened_on),
                (t("statement"), r.reply or ""), (t("statement given"), r.replied_on or ""),
                (t("counted"), r.counted_on or ""),
                (t("registered"), r.registered if counted else ""), (t("issued"), r.issued if counted else ""),
                (t("returned"), r.returned if counted else ""), (t("for"), r.votes_for if counted else ""),
                (t("against"), r.against if counted else ""), (t("void"), r.void if counted else ""),
                (t("outcome"), _outcome(r.outcome)), (t("post ended"), r.post_ended_on or "")])
