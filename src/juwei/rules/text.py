"""Folding what a clerk types into the characters juwei compares: one place for every number-like value.

Chinese input methods type full-width forms (``０３０３``, ``１３８－``, ``２０２６年``) as easily as plain
ones; the two must be the same household, phone or date. NFKC folds them. It also folds characters that
only look like digits (``²``, ``①``, ``⅓``) and would turn ``²`` into an amount of 2: a number-like value is
refused when it holds a digit that is neither ``0-9`` nor full-width ``０-９``.
"""

from __future__ import annotations

import unicodedata

_PLAIN_DIGITS = frozenset("0123456789０１２３４５６７８９")


def fold(text: str) -> str:
    """``text`` with full-width forms folded to plain ones (NFKC); ASCII text is returned as it is."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def odd_digit(text: str) -> str | None:
    """The first character of ``text`` that is or folds to a digit but is not one of 0-9 or ０-９
    (superscripts, circled numbers, other scripts' digits), or None."""
    if text.isascii():
        return None
    for char in text:
        if char in _PLAIN_DIGITS:
            continue
        if char.isdigit() or any(c.isdigit() for c in unicodedata.normalize("NFKC", char)):
            return char
    return None
