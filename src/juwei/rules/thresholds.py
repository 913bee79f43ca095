"""Exact threshold arithmetic (LAW.md "Threshold words are exact").

A threshold is a fraction with a strictness: ``>1/2`` is 过半数 (strictly more than half), ``>=2/3`` is
三分之二以上 (two thirds or more, inclusive — Civil Code Art. 1259: 以上 includes the number). Every test
cross-multiplies integers; no float ever decides a vote.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from juwei.errors import ValidationError
from juwei.i18n import language, t

_CN_DIGITS = "零一二三四五六七八九十"


@dataclass(frozen=True, order=True)
class Threshold:
    """``count`` meets the threshold of ``base`` iff count/base > fraction (strict) or ≥ (inclusive)."""

    fraction: Fraction
    strict: bool

    def met(self, count: int, base: int) -> bool:
        """True when ``count`` out of ``base`` satisfies the threshold (integer cross-multiplication)."""
        p, q = self.fraction.numerator, self.fraction.denominator
        if self.strict:
            return q * count > p * base
        return q * count >= p * base

    def minimum(self, base: int) -> int:
        """The smallest count that meets the threshold for ``base`` (LAW.md: ``n // 2 + 1``, ``ceil``)."""
        p, q = self.fraction.numerator, self.fraction.denominator
        if self.strict:
            return p * base // q + 1
        return -(-p * base // q)

    def __str__(self) -> str:
        return f"{'>' if self.strict else '>='}{self.fraction.numerator}/{self.fraction.denominator}"

    def words(self, lang: str) -> str:
        """The legal wording: 过半数 / 三分之二以上 / more than half / two thirds or more."""
        p, q = self.fraction.numerator, self.fraction.denominator
        if lang.startswith("zh"):
            if self.strict and (p, q) == (1, 2):
                return "过半数"
            frac = f"{_cn_number(q)}分之{_cn_number(p)}"
            return f"超过{frac}" if self.strict else f"{frac}以上"
        frac = {(1, 2): "half", (2, 3): "two thirds", (1, 3): "one third", (1, 5): "one fifth",
                (3, 4): "three quarters"}.get((p, q), f"{p}/{q}")
        return f"more than {frac}" if self.strict else f"{frac} or more"


def _cn_number(n: int) -> str:
    if 0 <= n <= 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + _CN_DIGITS[n - 10]
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def parse_threshold(text: str) -> Threshold:
    """Parse ``2/3`` (inclusive), ``>=2/3``, ``≥2/3``, ``>1/2`` (strict). Full-width forms are folded.

    Allowed: a fraction p/q with 0 < p ≤ q, optionally prefixed by ``>``, ``>=`` or ``≥``; bare means
    inclusive (以上). ``>1/1`` can never be met and is refused.
    """
    raw = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
    strict = False
    body = raw
    for prefix, is_strict in ((">=", False), ("≥", False), (">", True)):
        if body.startswith(prefix):
            strict = is_strict
            body = body[len(prefix):]
            break
    allowed = t("allowed: a fraction like 2/3 (two thirds or more), >=2/3, or >1/2 (more than half)")
    parts = body.split("/")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
        raise ValidationError(t("'{text}' is not a threshold; {allowed}", text=text, allowed=allowed))
    p, q = int(parts[0]), int(parts[1])
    if q == 0 or p == 0 or p > q or (strict and p == q):
        raise ValidationError(
            t("'{text}' is not a usable threshold: it must lie between 0 and 1; {allowed}",
              text=text, allowed=allowed))
    return Threshold(Fraction(p, q), strict)


def threshold_words(text: str | None) -> str:
    """A stored threshold as the clerk reads it: ``>=1/5`` → 五分之一以上 in Chinese; English keeps the
    typed form (``>=1/5``), which is also what ``rules set`` takes."""
    if not text or language() == "en":
        return text or ""
    try:
        return parse_threshold(text).words(language())
    except ValidationError:
        return text
