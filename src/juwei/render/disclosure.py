"""Printouts for the disclosure board: one disclosure (Markdown or print-ready A4 HTML) and the board's index.

Bodies are stored as Markdown; the HTML printout converts the small subset juwei writes (paragraphs,
headings, lists, pipe tables, **bold**) with every character escaped first, so a title or body holding
``<script>`` prints literally. Personal numbers were masked by the service before anything reaches here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any, Iterable

from juwei.errors import JuweiError
from juwei.i18n import t

FORMATS = ("md", "html")
_CATEGORY_ZH = {"finance": "财务公开", "resolution": "决议公开", "decision": "重大事项", "welfare": "救助公示",
                "personnel": "人事变动", "assembly": "代表会议", "duties": "职责分工", "other": "其他"}


def _lang(locale: str) -> str:
    return "zh_CN" if locale.startswith("zh") else "en"


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise JuweiError(t("--format '{fmt}' is not allowed; use md or html", fmt=fmt))


# ---------------------------------------------------------------- Markdown (the subset juwei writes) → HTML

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*[-*]\s+")


def _inline(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=True))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def markdown_to_html(text: str) -> str:
    out: list[str] = []
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|?\s*:?-{3,}", lines[i + 1]):
            aligns = ["right" if c.endswith(":") else "left" for c in _cells(lines[i + 1])]
            head = "".join(f'<th style="text-align:{a}">{_inline(c)}</th>' for c, a in zip(_cells(line), aligns))
            body = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                body.append("<tr>" + "".join(f'<td style="text-align:{a}">{_inline(c)}</td>'
                                             for c, a in zip(_cells(lines[i]), aligns)) + "</tr>")
                i += 1
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
            continue
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        if heading:
            level = min(len(heading.group(1)) + 1, 5)
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            i += 1
            continue
        if _BULLET.match(line):
            items = []
            while i < len(lines) and _BULLET.match(lines[i]):
                items.append(f"<li>{_inline(_BULLET.sub('', lines[i]))}</li>")
                i += 1
            out.append(f"<ul>{''.join(items)}</ul>")
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not lines[i].lstrip().startswith("|") \
                and not re.match(r"^(#{1,4})\s|^\s*[-*]\s+", lines[i]):
            para.append(_inline(lines[i].strip()))
            i += 1
        out.append(f"<p>{'<br>'.join(para)}</p>")
    return "\n".join(out)


# ---------------------------------------------------------------- documents

def _context(page: Any, fmt: str, lang: str) -> dict[str, Any]:
    """What a disclosure template gets. The body (already scrubbed by the service) and the committee's own
    contact are marked safe: every other value goes through the environment's escaping and masking."""
    from markupsafe import Markup

    from juwei.render import filters

    if fmt == "html":
        body = Markup(markdown_to_html(page.body))
        contact = Markup(html.escape(page.contact)) if page.contact else None
    else:
        body = Markup(page.body)
        contact = filters.md_inline(page.contact) if page.contact else None
    label = _CATEGORY_ZH.get(page.category, page.category) if lang == "zh_CN" else page.category
    return {"doc": "disclosure", "lang": lang, "d": page, "body": body, "contact": contact,
            "category_label": label}


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
                "category_label": _CATEGORY_ZH.get(page.category, page.category) if lang == "zh_CN"
                else page.category} for (name, _), page in zip(rendered, pages)]
    index = render("board_index", lang, fmt, {"doc": "board_index", "lang": lang, "entries": entries, "day": day,
                                               "community": community}, templates_dir)
    return rendered + [(f"index.{fmt}", index)]
