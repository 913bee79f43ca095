"""juwei vote: record votes on a motion (counted or roll call) and tally them (S8)."""

from __future__ import annotations

from typing import List, Optional

import typer

from juwei.cli._common import JSON_OPTION, REVEAL_OPTION, emit_json, info, private, scope, table
from juwei.cli._export import FORCE, SHEET_FORMAT, SHEET_OUT, sheet_out, write_sheet
from juwei.cli._params import code_option, parse_seats
from juwei.i18n import label, t
from juwei.rules.meetings import VoteChoice

app = typer.Typer(no_args_is_help=True)

MOTION = typer.Argument(..., metavar="MOTION", help="The motion's id (see `juwei motion list MEETING`).")


@app.command()
def count(
    ctx: typer.Context,
    motion_id: int = MOTION,
    votes_for: int = typer.Option(..., "--for", help="Votes in favour."),
    against: int = typer.Option(..., "--against", help="Votes against."),
    abstain: int = typer.Option(0, "--abstain", help="Abstentions."),
) -> None:
    """Record counted votes; for + against + abstain may not exceed those present now."""
    from juwei.services.voting import count_votes

    with scope(ctx, write=True) as sc:
        motion = count_votes(sc, motion_id, votes_for=votes_for, against=against, abstain=abstain)
    info(t("motion {id}: {votes_for} for, {against} against, {abstain} abstain, {present} present",
           id=motion.id, votes_for=votes_for, against=against, abstain=abstain, present=motion.present))


@app.command()
def cast(
    ctx: typer.Context,
    motion_id: int = MOTION,
    seats: List[str] = typer.Argument(..., metavar="SEATS", help="Seats and ranges: 1 2 5-9."),
    choice: VoteChoice = code_option(VoteChoice, "choice", ..., "--choice", help="for | against | abstain."),
) -> None:
    """Record a roll call: each present seat votes once."""
    from juwei.services.voting import cast_votes

    numbers = parse_seats(seats)
    with scope(ctx, write=True) as sc:
        done = cast_votes(sc, motion_id, numbers, choice)
    info(t("motion {id}: {n} seat(s) voted {choice}", id=motion_id, n=len(done), choice=label("choice", choice)))


@app.command()
def tally(ctx: typer.Context, motion_id: int = MOTION, fmt: Optional[str] = SHEET_FORMAT,
          out: Optional[str] = SHEET_OUT, force: bool = FORCE, as_json: bool = JSON_OPTION) -> None:
    """The result by the meeting's rules (S8: ≥ 2/3 of those present, in the seed profile)."""
    from juwei.rules.meetings import rule_words
    from juwei.services.voting import find_motion, tally_motion

    sheet = sheet_out(ctx, fmt, out, force, as_json)
    with scope(ctx) as sc:
        result = tally_motion(sc, motion_id)
        title = find_motion(sc, motion_id).title
    if as_json:
        emit_json(result.as_json())
        return
    headers = [t("present"), t("for"), t("against"), t("abstain"), t("not voting"), t("needed"), t("pass rule")]
    figures = (result.present, result.votes_for, result.against, result.abstain, result.not_voting, result.required,
               rule_words(result.rule))
    if sheet is not None:
        write_sheet(sheet, t("Motion {id}", id=motion_id), [t("motion"), t("title"), *headers, t("result")],
                    [(motion_id, title, *figures, t("passed") if result.passed else t("failed"))])
        return
    table(t("Motion {id}: {title}", id=motion_id, title=title), headers, [figures])
    info(t("PASSED: {votes_for} for, {required} needed", votes_for=result.votes_for, required=result.required)
         if result.passed else
         t("FAILED: {votes_for} for, {required} needed", votes_for=result.votes_for, required=result.required))


@app.command()
def ballots(ctx: typer.Context, motion_id: int = MOTION, as_json: bool = JSON_OPTION,
            reveal: bool = REVEAL_OPTION) -> None:
    """The roll-call ballots of a motion, seat by seat."""
    from juwei.services.voting import ballots as list_ballots

    with scope(ctx) as sc:
        rows = private(list_ballots(sc, motion_id), reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("Ballots on motion {id} ({n})", id=motion_id, n=len(rows)), [t("seat"), t("name"), t("choice")],
          [(r.seat, r.name, label("choice", r.choice)) for r in rows])
