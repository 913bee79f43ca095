"""juwei motion: the motions put to a meeting (议案)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, REVEAL_OPTION, created, emit_json
from juwei.cli._params import code_option
from juwei.i18n import t
from juwei.rules.meetings import MotionKind

app = typer.Typer(no_args_is_help=True)


@app.command()
def add(
    ctx: typer.Context,
    meeting_id: int = typer.Argument(..., metavar="MEETING", help="The meeting's id."),
    title: str = typer.Option(..., "--title", help="The motion's title."),
    text: Optional[str] = typer.Option(None, "--text", help="Its full text."),
    kind: MotionKind = code_option(MotionKind, "motion kind", MotionKind.ORDINARY, "--kind",
                                   help="What the meeting decides (S9)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Add a motion to a meeting; prints the motion id."""
    from juwei.cli._common import scope
    from juwei.services.voting import add_motion

    with scope(ctx, write=True) as sc:
        motion = add_motion(sc, meeting_id, title=title, text=text, kind=kind)
    created(motion.id, as_json, t("motion {number} of meeting {meeting}", number=motion.number, meeting=meeting_id))


@app.command("list")
def list_(
    ctx: typer.Context,
    meeting_id: int = typer.Argument(..., metavar="MEETING", help="The meeting's id."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """The meeting's motions with their tallies (final once the meeting is closed)."""
    from juwei.cli._common import private, scope
    from juwei.cli.meeting import print_motions
    from juwei.services.voting import list_motions

    with scope(ctx) as sc:
        rows = private(list_motions(sc, meeting_id), reveal)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        typer.echo(t("meeting {id} has no motions yet", id=meeting_id))
        return
    print_motions(rows)
