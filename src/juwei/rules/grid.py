"""Grid responsibility (包片联户, 网格), as pure rules: who is responsible for which household, the blind spots
nobody covers, the people responsible for none, and the households not visited lately (S11, S13).

S11: each committee cadre is responsible for a set of households (联片包户). S13: the area is divided so that
every household has a responsible person — "no blind spots" (不留盲区). A household has at most one
responsible person at a time; a person may cover any number of households.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Hashable, Iterable, Mapping, TypeVar

from juwei.errors import ValidationError
from juwei.i18n import t

H = TypeVar("H", bound=Hashable)  # a household
P = TypeVar("P", bound=Hashable)  # a responsible person


@dataclass(frozen=True)
class Coverage:
    """What ``grid check`` reports: the households nobody is responsible for, and the people (who could be)
    responsible for none. Both empty: the seed's 不留盲区."""
    households: list
    people: list

    @property
    def complete(self) -> bool:
        return not self.households and not self.people


def blind_spots(households: Iterable[H], responsible: Mapping[H, P]) -> list[H]:
    """S13: the households, in the order given, with no responsible person."""
    return [h for h in households if responsible.get(h) is None]


def idle_people(people: Iterable[P], responsible: Mapping[H, P]) -> list[P]:
    """S11: the people, in the order given, responsible for no household (each once)."""
    covering = {p for p in responsible.values() if p is not None}
    return list(dict.fromkeys(p for p in people if p not in covering))


def coverage(households: Iterable[H], people: Iterable[P], responsible: Mapping[H, P]) -> Coverage:
    """S11, S13: blind spots and idle people together. Only the responsible people among ``people`` (those
    serving on the day) count: a household whose person no longer serves is a blind spot again."""
    serving = list(people)
    allowed = set(serving)
    live = {h: p for h, p in responsible.items() if p in allowed}
    return Coverage(blind_spots(households, live), idle_people(serving, live))


def unvisited_since(on: dt.date, days: int) -> dt.date:
    """The first day of the ``days`` days ending on ``on`` (``on`` counted): a visit on or after it counts."""
    if days < 1:
        raise ValidationError(t("a number of days is a whole number of at least 1"))
    return on - dt.timedelta(days=days - 1)


def unvisited(households: Iterable[H], last_visit: Mapping[H, dt.date], on: dt.date, days: int) -> list[H]:
    """S13 (入户走访): the households with no visit in the ``days`` days ending on ``on`` (``on`` counted):
    never visited, or last visited before :func:`unvisited_since`."""
    since = unvisited_since(on, days)
    return [h for h in households if (last_visit.get(h) is None or last_visit[h] < since)]


_SPAN = re.compile(r"^([0-9]{1,5})\s*(d|天|日)?$")


def parse_days(text: str) -> int:
    """A span of days as a clerk writes it: ``90``, ``90d``, ``90天``; 1 to 36500."""
    raw = unicodedata.normalize("NFKC", str(text or "")).strip().lower()
    match = _SPAN.match(raw)
    if not match or not 1 <= int(match.group(1)) <= 36500:
        raise ValidationError(t("'{value}' is not a number of days; write it as 90d (1 to 36500)",
                                value=str(text)[:20]))
    return int(match.group(1))


def assignable(current: P | None, person: P) -> bool:
    """One responsible person per household: a household may be given to ``person`` only when nobody else
    holds it (giving it to the same person again changes nothing)."""
    return current is None or current == person
