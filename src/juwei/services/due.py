"""What is due, from every domain: the registry ``juwei agenda``, ``meeting due`` and ``disclose due`` read.

A domain with duties adds one line to :data:`SOURCES` naming its ``due_items(scope, on) -> list[DueItem]``
(see :mod:`juwei.rules.due`); a domain that owes the disclosure board something adds one line to
:data:`BOARD` naming its ``(scope, day) -> list[Obligation]``. Entries are ``"module:function"`` strings, read
only when asked for, so the registry imports no domain and no domain imports another through it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import Any, Callable

from juwei.rules.due import DueItem, soonest_first, within
from juwei.services.scope import Scope

# domain → its due items (rules it reports)
SOURCES: dict[str, str] = {
    "meetings": "juwei.services.meetings:due_items",  # S4, S14: meeting cadences
    "petitions": "juwei.services.petitions:due_items",  # S5: met petitions without their meeting
    "disclosure": "juwei.services.disclosure:due_items",  # S20–S26: everything owed to the board (BOARD)
    "roster": "juwei.services.roster:due_items",  # S3: elected terms about to end
    "committee": "juwei.services.committee:due_items",  # S9: vacancies, the next general election
    "elections": "juwei.services.elections:due_items",  # S9: an open election's voter register and count
    "recall": "juwei.services.recall:due_items",  # S9: an open recall's statement and count; the by-election after
    "evaluation": "juwei.services.evaluation:due_items",  # S17, S19: June/December evaluations, telling subjects
    "admonition": "juwei.services.admonition:due_items",  # S29: this month's follow-up of an open admonition
    "sentiment": "juwei.services.sentiment:due_items",  # S10–S12: urgent items, monthly reports, collectors
    "grid": "juwei.services.grid:due_items",  # S11, S13: blind spots, people responsible for no household
    "staffwork": "juwei.services.staffwork:due_items",  # S28: each staff member's monthly summary
}

# what is owed to the disclosure board, by whom (read by `disclose due` and the "disclosure" source above)
BOARD: dict[str, str] = {
    "finance": "juwei.services.disclosure:finance_obligations",  # S20
    "welfare": "juwei.services.disclosure:welfare_obligations",  # S23
    "personnel": "juwei.services.disclosure:personnel_obligations",  # S24
    "duties": "juwei.services.committee:duties_obligations",  # S26
    "meetings": "juwei.services.disclosure_meetings:obligations",  # S21, S25
    "evaluation": "juwei.services.evaluation:obligations",  # S19: an evaluation's results
}


def resolve(entry: str) -> Callable[..., Any]:
    """The function a registry entry names."""
    module, _, name = entry.partition(":")
    return getattr(importlib.import_module(module), name)


def board_obligations(scope: Scope, day: dt.date) -> list:
    """Every obligation to the board on ``day``, from each :data:`BOARD` source, not yet settled."""
    return [ob for entry in BOARD.values() for ob in resolve(entry)(scope, day)]


@dataclass
class Agenda:
    on: dt.date
    days: int | None  # only items due within this many days (overdue and undated always); None: all
    community: str  # the community's code: calendar entries are named by it
    items: list[DueItem]


def agenda(scope: Scope, on: dt.date | None = None, days: int | None = None) -> Agenda:
    """Everything the clerk must do, from every source, overdue first, then soonest."""
    day = on or scope.today
    items = [item for entry in SOURCES.values() for item in resolve(entry)(scope, day)]
    return Agenda(day, days, scope.community.code, within(soonest_first(items), day, days))
