"""Masking personal data for screens and printouts (LAW.md "Privacy: what may be printed").

The one place that decides how an ID number or phone is shown: :func:`scrub_text`, which every output that is
not ``--reveal`` applies, and the two levels of :class:`Scrub` (public records; text about a person on the
board) that each printout chooses between. Lists mask unless the clerk reveals.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Callable


def mask_id(number: str | None) -> str:
    """``11010519491231002X`` → ``110105********002X`` (area and last four)."""
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """``13812345678`` → ``138****5678``; short numbers keep only their last two characters."""
    if not phone:
        return ""
    digits = phone.strip()
    if len(digits) >= 7:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * max(0, len(digits) - 2) + digits[-2:]


# Full-width digits and X, and every space, dot and dash people type between digits (full-width, Unicode
# dashes, no-break and zero-width spaces), fold to ASCII one character for one, so a match's span in the
# folded text is its span in the original and everything else (全角 punctuation in a Chinese sentence) is
# printed as written.
_FOLD = str.maketrans({
    **{chr(0xFF10 + d): str(d) for d in range(10)}, "Ｘ": "X", "ｘ": "x", "＋": "+", "（": "(", "）": ")",
    **dict.fromkeys("\t\u00a0\u1680\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff", " "),
    **{chr(c): " " for c in range(0x2000, 0x200B)},
    **dict.fromkeys("\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u00b7\u2027\u2219\u30fb\uff0e\uff65", "."),
})
# A hex digest (SHA-1 and longer, as the audit chain and the minutes' seal print them) is not personal data:
# it is claimed first and printed as it is. At least one letter a–f, or it is just digits.
_DIGEST_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(?=[0-9]*[a-f])[0-9a-f]{40,}(?![0-9A-Za-z])")
# Bank card numbers (16–19 digits, possibly in groups of four) are financial accounts: never printed.
_CARD_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{4}(?:[ .-]?[0-9]{4}){3}(?:[ .-]?[0-9]{1,3})?(?![0-9Xx])")
# A number as people type it: groups of digits joined by up to three spaces, dots or dashes (138.1234.5678,
# 110105 1949 1231 002X, 138 - 1234 - 5678), an ID number's X last.
_CHAIN_IN_TEXT = re.compile(r"(?<![0-9])[0-9]+(?:[ .-]{1,3}[0-9]+)*(?:[ .-]{0,3}[Xx](?![0-9]))?")
_GROUP = re.compile(r"[0-9]+|[Xx]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_BIRTH_18 = re.compile(r"[0-9]{6}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]")
_BIRTH_15 = re.compile(r"[0-9]{6}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}")
# Any other run of twelve or more digits (an ID glued to more digits, an account number) is masked too.
_LONG_RUN_IN_TEXT = re.compile(r"[0-9][0-9Xx]{11,}")
# Landlines as written on forms: 010-12345678, (010)12345678, 0755 1234 5678.
_LANDLINE_IN_TEXT = re.compile(r"(?<![0-9])(?:\(0[0-9]{2,3}\)|0[0-9]{2,3}[ .-])[0-9]{3,4}[ .-]?[0-9]{4}(?![0-9])")


def _digits(text: str) -> str:
    return re.sub(r"[^0-9X]", "", text.upper())


def _mask_run(text: str) -> str:
    digits = _digits(text)
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


def _mask_landline(text: str) -> str:
    return "*" * (len(text) - 2) + text[-2:]


def _is_id18(digits: str) -> bool:
    """17 digits and a check character that is right (GB 11643), or a birth date that could be one."""
    if len(digits) != 18 or not digits[:17].isdigit():
        return False
    from juwei.rules.idnumber import check_char

    return check_char(digits[:17]) == digits[17] or _BIRTH_18.fullmatch(digits) is not None


# Within one typed number (a chain of digit groups), the shapes of personal numbers, most telling first: a
# window of whole groups that is one is masked as one. Overlapping windows of one shape are masked together.
# An old 15-digit ID number counts only as a whole chain: inside a longer chain too much else looks like one.
_SHAPES = (
    (lambda d, whole: _is_id18(d), mask_id),
    (lambda d, whole: len(d) == 11 and _MOBILE.fullmatch(d) is not None, mask_phone),
    (lambda d, whole: whole and len(d) == 15 and _BIRTH_15.fullmatch(d) is not None, mask_id),
)


def _card_shaped(groups: list[tuple[int, int, str]]) -> bool:
    """Groups of four (the last may have one to three): a bank card, left whole to the card pattern."""
    sizes = [len(g[2]) for g in groups]
    return len(sizes) >= 4 and 16 <= sum(sizes) <= 19 and all(n == 4 for n in sizes[:4]) \
        and (len(sizes) == 4 or (len(sizes) == 5 and sizes[4] <= 3 and groups[4][2] != "X"))


def _chain_masks(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Mask every ID number and mobile in one chain of digit groups ``folded[start:end]``."""
    groups = [(m.start(), m.end(), m.group(0).upper())
              for m in _GROUP.finditer(folded, start, end)]
    free = [True] * len(groups)
    out: list[tuple[int, int, str]] = []
    for n, (is_shape, mask) in enumerate(_SHAPES):
        if n == 1 and not out and _card_shaped(groups):
            return out
        windows = []
        for i in range(len(groups)):
            digits = ""
            for j in range(i, len(groups)):
                if not free[j] or (groups[j][2] == "X" and j != len(groups) - 1):
                    break
                digits += groups[j][2]
                if len(digits) > 18:
                    break
                if is_shape(digits, i == 0 and j == len(groups) - 1):
                    windows.append((i, j))
        for first, last in _merge(windows):
            digits = "".join(g[2] for g in groups[first:last + 1])
            single = [(i, j) for i, j in windows if (i, j) == (first, last)]
            out.append((groups[first][0], groups[last][1], mask(digits) if single else _mask_run(digits)))
            for k in range(first, last + 1):
                free[k] = False
    # What is left of a chain that still hides a mobile or an ID, glued to other digits: masked whole.
    k = 0
    while k < len(groups):
        if not free[k]:
            k += 1
            continue
        first = k
        while k < len(groups) and free[k]:
            k += 1
        digits = "".join(g[2] for g in groups[first:k])
        if k - first > 1 and (_MOBILE.search(digits) or _BIRTH_18.search(digits)):
            out.append((groups[first][0], groups[k - 1][1], _mask_run(digits)))
    return out


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for i, j in sorted(windows):
        if merged and i <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], j)
        else:
            merged.append([i, j])
    return [(i, j) for i, j in merged]


def _chains(folded: str) -> list[tuple[int, int, str]]:
    return [mask for match in _CHAIN_IN_TEXT.finditer(folded) for mask in _chain_masks(folded, *match.span())]


def _pattern(pattern: re.Pattern[str], mask: Callable[[str], str]) -> Callable[[str], list[tuple[int, int, str]]]:
    return lambda folded: [(*m.span(), mask(m.group(0))) for m in pattern.finditer(folded)]


# In order: digests are kept, then typed numbers, then what is left of cards, long runs and landlines.
_PASSES = (
    _pattern(_DIGEST_IN_TEXT, lambda digest: digest),
    _chains,
    _pattern(_CARD_IN_TEXT, lambda card: mask_id(_digits(card))),
    _pattern(_LONG_RUN_IN_TEXT, _mask_run),
    _pattern(_LANDLINE_IN_TEXT, _mask_landline),
)


def _blank(folded: str, spans: list[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, _ in sorted(spans):
        out += [folded[at:start], "\x00" * (end - start)]
        at = end
    out.append(folded[at:])
    return "".join(out)


def scrub_text(text: str) -> str:
    """Mask ID numbers, mobiles, landlines and bank card numbers hidden in free text, however they are typed:
    full-width digits, spaces, dots or dashes between the digits (``138.1234.5678``, ``１３８ １２３４ ５６７８``,
    ``110105 1949 1231 002X``); only the matched characters change. Hex digests are left as they are."""
    if not text or sum(map(str.isdigit, text)) < 10:  # the shortest that is masked: a landline's ten digits
        return text or ""
    folded = text.translate(_FOLD)
    claimed: list[tuple[int, int, str]] = []
    for find in _PASSES:
        found = find(folded)
        if found:
            claimed += found
            folded = _blank(folded, found)  # what one pass claimed is part of no later match
    changed = [(s, e, m) for s, e, m in claimed if m != text[s:e]]
    if not changed:
        return text
    out, at = [], 0
    for start, end, masked in sorted(changed):
        out.append(text[at:start])
        out.append(masked)
        at = end
    out.append(text[at:])
    return "".join(out)


# ---------------------------------------------------------------- the two levels

class Scrub(StrEnum):
    """How much of a free-text value an output hides (LAW.md "Privacy"); every output chooses one.

    ``NUMBERS``: ID numbers, phones and bank accounts are masked and everything else is printed as entered.
    Public records: what public money was spent on (the finance account, S20), meeting documents, lists on
    screen. ``PERSONAL``: also a value that mentions health or disability is withheld and house numbers
    are masked. Text about a named person on the board: the welfare publicity list (S23), staff changes (S24).
    """

    NUMBERS = "numbers"
    PERSONAL = "personal"


# Words that announce health or disability details, which a publicity list must never carry.
_HEALTH_WORDS = ("病", "癌", "瘤", "残", "疾", "精神", "艾滋", "HIV", "透析", "抑郁", "瘫", "智障", "失明")
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# A detailed address: building/unit/room numbers after a street name.
_ADDRESS_IN_TEXT = re.compile(r"[0-9]+\s*(?:号楼|号院|号|栋|幢|单元|室|楼|层|弄)")


def scrub(text: str | None, level: Scrub) -> str:
    """``text`` as an output at ``level`` may print it (see :class:`Scrub`)."""
    if not text:
        return ""
    if level is Scrub.NUMBERS:
        return scrub_text(str(text))
    folded = unicodedata.normalize("NFKC", str(text)).lower()
    if any(word.lower() in folded for word in _HEALTH_WORDS):
        return "***"
    clean = scrub_text(str(text))
    return _ADDRESS_IN_TEXT.sub(lambda m: "*" + m.group(0).lstrip("0123456789 "), clean.translate(_DIGITS))


def public_text(text: str | None, *, limit: int = 60, level: Scrub = Scrub.PERSONAL) -> str:
    """A short free-text value fit for a notice board, on one line: control characters dropped, at most
    ``limit`` characters, scrubbed at ``level`` (about a person: :attr:`Scrub.PERSONAL`, the default; a public
    fact such as a post's duties: :attr:`Scrub.NUMBERS`)."""
    if not text:
        return ""
    clean = "".join(c for c in str(text) if c >= " " and c != "\x7f").strip()
    return scrub(clean, level)[:limit]


def public_name(name: str | None, *, minor: bool = False) -> str:
    """A recipient's name as it may be printed: minors are not named; digits hidden in a name are masked."""
    if minor:
        return "(未成年人)"
    return public_text(name, limit=40)


def welfare_public_row(*, name: str | None, household_size: int | None, benefit: str | None,
                       amount: str, minor: bool = False) -> dict[str, object]:
    """Exactly the fields a welfare publicity list may show (LAW.md "Privacy"): name, household size,
    benefit type and amount. ID numbers, phones, addresses, health and notes are never passed in."""
    return {"name": public_name(name, minor=minor), "household_size": household_size,
            "benefit": public_text(benefit, limit=40), "amount": amount}
