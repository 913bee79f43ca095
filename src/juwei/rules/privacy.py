"""Masking personal data for screens and printouts (LAW.md "Privacy: what may be printed").

The one place that decides how an ID number or phone is shown. Lists mask unless the clerk reveals.
"""

from __future__ import annotations

import re
import unicodedata


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


# An ID number may be typed in groups (110105 19491231 002X); a mobile with +86, spaces or hyphens.
_ID_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{6}[ -]?[0-9]{8}[ -]?[0-9]{3}[0-9Xx](?![0-9])"
                         r"|(?<![0-9])[0-9]{15}(?![0-9])")
_PHONE_IN_TEXT = re.compile(r"(?:(?<=\+86)|(?<=\+86 )|(?<![0-9]))1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")
# Landlines as written on forms: 010-12345678, (010)12345678, 0755 1234 5678.
_LANDLINE_IN_TEXT = re.compile(r"(?<![0-9])(?:\(0[0-9]{2,3}\)|0[0-9]{2,3}[ -])[0-9]{3,4}[ -]?[0-9]{4}(?![0-9])")
# Bank card numbers (16–19 digits, possibly in groups of four) are financial accounts: never printed.
_CARD_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{4}(?:[ -]?[0-9]{4}){3}(?:[ -]?[0-9]{1,3})?(?![0-9])")
# Any other run of twelve or more digits (an ID glued to more digits, an account number) is masked too.
_LONG_RUN_IN_TEXT = re.compile(r"[0-9][0-9Xx]{11,}")
# A hex digest (SHA-1 and longer, as the audit chain and the minutes' seal print them) is not personal data:
# its digit runs are claimed first and printed as they are. At least one letter a–f, or it is just digits.
_DIGEST_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(?=[0-9]*[a-f])[0-9a-f]{40,}(?![0-9A-Za-z])")


def _mask_digits(text: str) -> str:
    digits = re.sub(r"[^0-9Xx]", "", text)
    return mask_id(digits.upper())


def _mask_run(text: str) -> str:
    return text[:3] + "*" * (len(text) - 5) + text[-2:]


def _mask_landline(text: str) -> str:
    return "*" * (len(text) - 2) + text[-2:]


# Full-width digits, X, space, hyphen, plus and brackets fold to ASCII one character for one, so a match's
# span in the folded text is its span in the original and everything else (全角 punctuation in a Chinese
# sentence) is printed as written.
_FOLD = str.maketrans("０１２３４５６７８９Ｘｘ\u3000－＋（）", "0123456789Xx -+()")
# In priority order: a span claimed by an earlier pattern is not looked at again.
_MASKS = (
    (_DIGEST_IN_TEXT, lambda digest: digest),
    (_ID_IN_TEXT, _mask_digits),
    (_LONG_RUN_IN_TEXT, _mask_run),
    (_CARD_IN_TEXT, _mask_digits),
    (_PHONE_IN_TEXT, lambda m: mask_phone(re.sub(r"[ -]", "", m))),
    (_LANDLINE_IN_TEXT, _mask_landline),
)


def scrub_text(text: str) -> str:
    """Mask ID numbers, mobiles, landlines and bank card numbers hidden in free text, full-width digits
    included (``１３８…`` is caught like ``138…``); only the matched characters change."""
    if not text:
        return text or ""
    folded = text.translate(_FOLD)
    claimed: list[tuple[int, int, str]] = []
    for pattern, mask in _MASKS:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(start < e and s < end for s, e, _ in claimed):
                continue
            claimed.append((start, end, mask(match.group(0))))
    if not claimed:
        return text
    out, at = [], 0
    for start, end, masked in sorted(claimed):
        out.append(text[at:start])
        out.append(masked)
        at = end
    out.append(text[at:])
    return "".join(out)


# ---------------------------------------------------------------- welfare publicity lists (S23, LAW.md)

# Words that announce health or disability details, which a publicity list must never carry.
_HEALTH_WORDS = ("病", "癌", "瘤", "残", "疾", "精神", "艾滋", "HIV", "透析", "抑郁", "瘫", "智障", "失明")
# A detailed address: building/unit/room numbers after a street name.
_ADDRESS_IN_TEXT = re.compile(r"[0-9]+\s*(?:号楼|号院|号|栋|幢|单元|室|楼|层|弄)")


def public_text(text: str | None, *, limit: int = 60) -> str:
    """A short free-text value fit for a notice board: control characters dropped, personal numbers and
    house numbers masked; a value that mentions health or disability is withheld entirely."""
    if not text:
        return ""
    clean = "".join(c for c in str(text) if c >= " " and c != "\x7f").strip()
    folded = unicodedata.normalize("NFKC", clean).lower()
    if any(word.lower() in folded for word in _HEALTH_WORDS):
        return "***"
    clean = scrub_text(clean)
    clean = _ADDRESS_IN_TEXT.sub(lambda m: "*" + m.group(0).lstrip("0123456789 "), clean.translate(_FOLD))
    return clean[:limit]


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
