"""SQLModel tables, one module per domain, every row scoped by ``community_id``.

Loaded lazily (PEP 562): ``from juwei.storage.models import Member`` defines only the roster's tables,
so a roster command does not pay for building every domain's classes at start-up. Whatever needs the
whole schema — creating a database, Alembic, schema checks — calls :func:`load_all` first.
"""

from __future__ import annotations

import importlib

from juwei.storage.models.base import metadata  # noqa: F401  (naming convention before any table)

# module → the table classes it defines; a new domain module is listed here.
DOMAINS: dict[str, tuple[str, ...]] = {
    "roster": ("AuditEvent", "Community", "Household", "Member", "Representative", "ResidentsGroup",
               "RulesVersion"),
    "meetings": ("Attendance", "Ballot", "Meeting", "MeetingSeat", "Motion", "Petition"),
    "minutes": ("MeetingNote",),
    "petitions": ("PetitionSignature",),
    "disclosure": ("Disclosure", "LedgerEntry", "PersonnelChange", "WelfareEntry", "WelfareList"),
    "committee": ("CommitteeTerm", "Duty", "Post"),
    "elections": ("Election", "ElectionCandidate", "ElectionOfficer", "ElectionProxy", "ElectionPublication",
                  "ElectionRound", "ElectionTally", "ElectionVoter"),
    "recall": ("Recall",),
    "evaluation": ("Admonition", "AdmonitionNote", "Evaluation", "EvaluationSubject"),
    "sentiment": ("SentimentItem", "SentimentReport", "SentimentStep"),
    "grid": ("GridAssignment", "HouseholdVisit"),
    "staffwork": ("Gift", "StaffLog", "StaffSummary"),
}
_HOME = {name: module for module, names in DOMAINS.items() for name in names}
__all__ = sorted(_HOME)


def __getattr__(name: str):
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def load_all():
    """Define every table on ``metadata`` (and return it)."""
    for module in DOMAINS:
        importlib.import_module(f"{__name__}.{module}")
    return metadata
