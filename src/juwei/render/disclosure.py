"""Printouts for the disclosure board: one disclosure (Markdown or print-ready A4 HTML) and the board's index.

Bodies are stored as Markdown in the small subset juwei writes (:mod:`juwei.render.markdown`); both printouts
show it with every other character literal, so a title or body holding ``<script>`` prints as text. Personal
numbers were masked by the service before anything reaches here, and again by the environment.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any, Iterable

from juwei.errors import JuweiError
from juwei.i18n import label, t
from juwei.render.markdown import MarkdownText

FORMATS = ("md", "html")


def _lang(locale: str) -> str:
    return "zh_CN" if locale.startswith("zh") else "en"


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise JuweiError(t("--format '{fmt}' is not allowed; use md or html", fmt=fmt))


# ---------------------------------------------------------------- documents

def _context(page: Any, fmt: str, lang: str) -> dict[str, Any]:
    """What a disclosure template gets. The body is :class:`MarkdownText`, which the environment converts
    (to HTML, or to Markdown with every markup character outside juwei's subset escaped); the committee's
    own contact is escaped but not masked. Every other value goes through the environment's escaping and
    masking."""
    from markupsafe import Markup

    from juwei.render import filters

    if fmt == "html":
        contact = Markup(html.escape(page.contact)) if page.contact else None
    else:
        contact = filters.md_inline(page.contact) if page.contact else None
    return {"doc": "disclosure", "lang": lang, "d": page, "body": MarkdownText(page.body), "contact": contact,
            "category_label": label("disclosure category", page.category, lang)}


def render_one(page: Any, fmt: str, locale: str, templates_dir: str | Path | None = None) -> str:
    """One disclosure's printout (``page`` is a :class:`juwei.services.disclosure.Page`), in the meeting
    documents' environment and A4 layout (``templates/base.html.j2``)."""
    from juwei.render.environment import render

    _check(fmt)
    lang = _lang(locale)
    return render("disclosure", lang, fmt, _context(page, fmt, lang), templates_dir)


def _file_name(page: Any, fmt: str) -> str:
    return f"disclosure-{page.id:05d}-{page.category}.{fmt}"


def board_files(pages: Iterable[Any], day: dt.date, fmt: str, locale: str, community: str,
                templates_dir: str | Path | None = None) -> list[tuple[str, str]]:
    """Every page and an index (``index.html``/``index.md``): (file name, text) pairs, written by the caller."""
    from juwei.render.environment import render

    _check(fmt)
    pages = list(pages)
    lang = _lang(locale)
    rendered = [(_file_name(page, fmt), render_one(page, fmt, locale, templates_dir)) for page in pages]
    entries = [{"file": name, "page": page,
                "category_label": label("disclosure category", page.category, lang)} for (name, _), page in zip(rendered, pages)]
    index = render("board_index", lang, fmt, {"doc": "board_index", "lang": lang, "entries": entries, "day": day,
                                               "community": community}, templates_dir)
    return rendered + [(f"index.{fmt}", index)]
