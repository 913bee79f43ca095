"""Every stored code the clerk sees through ``label(kind, code)``, one kind of code per message context.

``label()`` is called with codes read from the database, which no extractor can see, so each code is
listed here once with the marker ``NP_(kind, code)`` (an extraction keyword of ``scripts/catalog.py``,
``NP_:1c,2``). ``make catalog`` therefore keeps these entries in ``juwei.po``; a code missing here would be
dropped from the catalog and shown in English. Add a new code here, then its words in the ``.po``.
"""

from __future__ import annotations


def NP_(kind: str, code: str) -> tuple[str, str]:
    """Marks a code for extraction (gettext's no-op ``pgettext``); nothing is translated here."""
    return kind, code


LABELLED: tuple[tuple[str, str], ...] = (
    NP_("meeting kind", "residents"),
    NP_("meeting kind", "representatives"),
    NP_("meeting kind", "office"),
    NP_("meeting kind", "heart-to-heart"),
    NP_("meeting kind", "group-leaders"),
    NP_("meeting kind", "deliberation"),
    NP_("meeting kind", "two-committees"),
    NP_("meeting kind", "sentiment"),
    NP_("meeting kind", "report"),
    NP_("meeting kind", "residents/representatives"),
    NP_("body", "adults"),
    NP_("body", "households"),
    NP_("body", "groups"),
    NP_("body", "representatives"),
    NP_("meeting status", "convened"),
    NP_("meeting status", "closed"),
    NP_("meeting status", "cancelled"),
    NP_("vote method", "count"),
    NP_("vote method", "roll-call"),
    NP_("representative kind", "elected"),
    NP_("representative kind", "ex_officio"),
    NP_("petition base", "representatives"),
    NP_("petition base", "adults"),
    NP_("petition base", "households"),
    NP_("choice", "for"),
    NP_("choice", "against"),
    NP_("choice", "abstain"),
    NP_("cadence", "weekly"),
    NP_("cadence", "monthly"),
    NP_("cadence", "quarterly"),
    NP_("cadence", "half-yearly"),
    NP_("cadence", "yearly"),
    NP_("cadence", "none"),
    NP_("obligation status", "open"),
    NP_("obligation status", "overdue"),
    NP_("obligation status", "done"),
    NP_("obligation status", "late"),
    NP_("obligation status", "missed"),
)

CODES: dict[str, tuple[str, ...]] = {}  # kind → its codes, in the order above
for _kind, _code in LABELLED:
    CODES[_kind] = (*CODES.get(_kind, ()), _code)
del _kind, _code
