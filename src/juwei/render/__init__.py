"""Documents for the notice board and the meeting table, rendered from Jinja2 templates.

``render.document(doc, lang, fmt, context)`` turns the plain context a service gathered
(:func:`juwei.services.documents.context`) into Markdown or print-ready HTML. The templates live in the
top-level ``templates/`` folder (``juwei/templates`` in the wheel); see :mod:`juwei.render.environment`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# In the order a meeting produces them (the order of `notice render --all`).
DOCUMENTS = ("notice", "signin", "seat-cards", "ballot", "result", "resolution", "minutes", "summary")
# An election's documents (`election render`), in the order an election produces them; each is the
# template ``<lang>/election_<doc>.<fmt>.j2``. What the board shows of them is ``rules.elections.ElectionDoc``.
ELECTION_DOCUMENTS = ("voters", "proxies", "candidates", "ballot", "report", "announcement")
# The sentiment work's documents (S10, S12): `sentiment report` and `sentiment render`.
SENTIMENT_DOCUMENTS = ("sentiment-report", "sentiment-urgent")
# Sheets that belong to no meeting: `juwei grid render --doc board` (S13).
SHEETS = ("grid_board",)
FORMATS = ("md", "html")
# A democratic evaluation's documents (`juwei eval render --doc …`, S18, S19) → their templates.
EVALUATION_TEMPLATES = {"ballot": "evaluation_ballot", "review-form": "evaluation_review"}
EVALUATION_DOCUMENTS = tuple(EVALUATION_TEMPLATES)
LANGUAGES = ("zh_CN", "en")


def document(doc: str, lang: str, fmt: str, context: dict[str, Any],
             templates_dir: str | Path | None = None) -> str:
    """Render ``doc`` in ``lang`` as ``fmt``; template problems raise JuweiError naming template and line."""
    from juwei.render.environment import render

    return render(doc, lang, fmt, context, templates_dir)


def election_document(doc: str, lang: str, fmt: str, context: dict[str, Any],
                      templates_dir: str | Path | None = None) -> str:
    """Render an election's ``doc`` (one of ELECTION_DOCUMENTS) in ``lang`` as ``fmt``."""
    return document(election_template(doc), lang, fmt, context, templates_dir)


def election_template(doc: str) -> str:
    """The template stem of an election's document: ``ballot`` → ``election_ballot``."""
    return f"election_{doc}"


def file_name(meeting_id: int, doc: str, lang: str, fmt: str) -> str:
    """The stable name `notice render --all` gives a document: ``meeting-7-notice.zh_CN.html``."""
    return f"meeting-{meeting_id}-{doc}.{lang}.{fmt}"
