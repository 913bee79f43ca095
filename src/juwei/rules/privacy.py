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


_ID_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|(?<![0-9])[0-9]{15}(?![0-9])")
_PHONE_IN_TEXT = re.compile(r"(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")


def scrub_text(text: str) -> str:
    """Mask ID numbers and mobile numbers hidden in free text, full-width digits included."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _ID_IN_TEXT.sub(lambda m: mask_id(m.group(0).upper()), folded)
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(re.sub(r"[ -]", "", m.group(0))), folded)
