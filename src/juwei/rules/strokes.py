"""Names in stroke order (姓氏笔画为序), the order of candidates on a Chinese ballot (LAW.md "Elections and
evaluations as they are run"), with no compiler, ICU or extra package on the clerk's machine.

A name is compared character by character, each character by its number of strokes, then by its strokes in
writing order compared as 横 < 竖 < 撇 < 点 < 折 (the first stroke, then the second, …): the surname decides,
then the given name the same way. The order of the characters is the table in ``stroke_table.py``, built
from cn_sort's data (see scripts/stroke_table.py); it agrees with a full stroke-sequence table checked
character by character, so equal-stroke surnames fall as official lists print them (王 before 毛 before 方:
横, 撇, 点 first). A two-character surname (欧阳, 司马) is ordered by its first character like any other and
then by its second, so 欧阳 follows 欧 names whose given name starts with fewer strokes than 阳.

This is not ICU's ``zh@collation=stroke`` (ICU 72), which official lists would contradict: ICU counts 阝 as
three strokes and 艹 as four (邓 5, 陈 8, 苏 8, where the national standard has 4, 7, 7) and orders equal
counts by radical, not by first stroke (万 before 于, 尹 孔 方 毛 before 王). Official lists print
丁 于 万 习 马 王 (the 19th Central Committee's, 按姓氏笔画为序), as this order does.

Characters the table lacks (rare or traditional forms it does not hold, Latin letters, the middle dot of
transliterated names) come after every Han character it holds, by code point: a stable, documented
fallback, never an error.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    from juwei.rules.stroke_table import ORDER  # 65 kB of text: read the first time a name is ordered

    return {char: i for i, char in enumerate(ORDER)}


def char_key(char: str) -> tuple[int, int]:
    """One character's place: ``(0, rank)`` for a Han character in the table, ``(1, code point)`` else."""
    rank = _ranks().get(char)
    return (0, rank) if rank is not None else (1, ord(char))


def stroke_key(name: str) -> tuple[tuple[int, int], ...]:
    """The sort key of a name in stroke order. Spaces are ignored and the name is NFC-normalised, so 王 芳
    and 王芳 sort together; a name that is the start of another sorts first (王 before 王一)."""
    text = unicodedata.normalize("NFC", name).replace(" ", "").replace("\u3000", "")
    return tuple(char_key(c) for c in text)


def stroke_sorted(items: Iterable[T], name: Callable[[T], str] = str) -> list[T]:
    """``items`` in stroke order of ``name(item)`` (default: the item itself); equal names keep their order."""
    return sorted(items, key=lambda item: stroke_key(name(item)))


def in_table(char: str) -> bool:
    """Whether the table holds ``char`` (otherwise it sorts after the table, by code point)."""
    return char in _ranks()
