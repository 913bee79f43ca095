"""Start-up of the ``juwei`` process: the cyclic garbage collector rests while the command loads.

A database command spends most of its start-up importing Typer, SQLAlchemy, SQLModel and pydantic and
defining its tables: about 110,000 objects that live as long as the process, none of them garbage, which
Python's collector walks again and again as they pile up. Measured, that was more than a quarter of the
CPU time of `juwei group list --json` (1.39x the time of `python -c "import sqlmodel"` with it, 0.99x
without; docs/performance.md, "Start-up"). So the console entry point pauses the collector (:func:`pause`)
and the command resumes it once its database is open (:func:`resume`, from ``scope()`` and the commands
that open a store themselves): what was loaded is frozen out of the collector's sight (``gc.freeze``) and
the command's own work is collected as usual. Only what :func:`pause` paused is resumed; in-process
callers (the tests' runner) never pause, and both are then no-ops.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop cyclic collection until :func:`resume` (the console entry point calls this first)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Start-up is over: keep what was loaded out of later collections and collect again."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
