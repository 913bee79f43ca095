"""Codes the clerk types, in either language: one lookup for the command line and the importers.

A code is a :class:`~enum.StrEnum` member (``VoteChoice.FOR`` is ``"for"``), stored and compared as that
code. Its words for the clerk come from the label table of its kind (``label("choice", "for")`` is 赞成),
and the same table read backwards is what a clerk may type: ``for``, ``FOR`` or ``赞成`` are all
``VoteChoice.FOR``. Some kinds also take a few traditional shorthands (``收``/``支`` for a ledger's
direction); they are passed as ``aliases``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Mapping, TypeVar

from juwei.errors import ValidationError, named
from juwei.i18n import label, labels_everywhere, language, t
from juwei.rules.text import fold

E = TypeVar("E", bound=StrEnum)

# (enum, kind, id of the aliases) → (the aliases, kept so their id stays theirs; words → code). Importers
# read a code per row: the table is built once.
_TABLES: dict[tuple[type, str, int], tuple[Any, dict[str, Any]]] = {}


def _key(words: Any) -> str:
    return fold(str(words)).strip().casefold()


def words_to_codes(enum: type[E], kind: str, aliases: Mapping[str, str] | None = None) -> dict[str, E]:
    """Every way of writing a code of ``enum`` (folded, case-insensitive) → the code."""
    cache = (enum, kind, id(aliases))
    found = _TABLES.get(cache)
    if found is None:
        table: dict[str, E] = {}
        for member in enum:
            for words in labels_everywhere(kind, member.value):
                table.setdefault(_key(words), member)
        for words, code in (aliases or {}).items():
            table.setdefault(_key(words), enum(code))
        found = _TABLES[cache] = (aliases, table)
    return found[1]


def find_code(enum: type[E], kind: str, value: Any, aliases: Mapping[str, str] | None = None) -> E | None:
    """The code ``value`` writes (the code itself, its label in any language, or an alias), or None."""
    if isinstance(value, enum):
        return value
    if value is None:
        return None
    return words_to_codes(enum, kind, aliases).get(_key(value))


def allowed(enum: type[StrEnum], kind: str) -> str:
    """The codes of ``enum`` as the clerk reads them: ``for, against, abstain`` in English, their labels
    (赞成、反对、弃权) in Chinese."""
    if language() == "en":
        return ", ".join(enum)
    return "、".join(label(kind, member.value) for member in enum)


def read_code(enum: type[E], kind: str, value: Any, name: str,
              aliases: Mapping[str, str] | None = None) -> E:
    """``value`` as a code of ``enum``, or a :class:`ValidationError` naming the field ``name`` and what is
    allowed: how a service checks a code from a caller, and an importer a code from a cell."""
    found = find_code(enum, kind, value, aliases)
    if found is None:
        raise ValidationError(t("{option} '{value}' is not allowed; use one of {allowed}", option=named(name),
                                value=str(value)[:30], allowed=allowed(enum, kind)))
    return found
