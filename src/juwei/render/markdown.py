"""juwei's Markdown: the small subset a disclosure's body is written in (paragraphs, headings, bullet lists,
pipe tables, **bold**), and the two printouts of a body.

The Markdown printout (:func:`to_markdown`) keeps the subset's structure and backslash-escapes every other
character CommonMark would read as markup, so whatever the subset does not know (raw HTML, links, images,
code) prints literally. The HTML printout (:func:`to_html`) is that Markdown rendered by markdown-it-py with
raw HTML off, so both printouts show the same thing by construction. A body is marked
:class:`MarkdownText`; the environments' ``finalize`` (see :mod:`juwei.render.filters`) converts it, so no
template has to remember to.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

# CommonMark inline markup (and the GFM table pipe): escaped with a backslash wherever it appears.
INLINE_MARKUP = re.compile(r"([\\`*_{}\[\]<>|#~&!])")
# Block markers that only mean something at the start of a line.
_BLOCK_MARK = re.compile(r"^([-+=])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")

_BOLD = re.compile(r"(?<!\*)\*\*(?!\*)(.+?)(?<!\*)\*\*(?!\*)")  # not inside a run of stars: a masked number
_BULLET = re.compile(r"^\s*[-*]\s+")
_HEADING = re.compile(r"^(#{1,4})\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_RULE_ONLY = re.compile(r"^[|:\- ]+$")


class MarkdownText(str):
    """Text written in juwei's Markdown (a disclosure's body), as opposed to a value printed literally."""


def escape_inline(text: str) -> str:
    """Backslash-escape every inline markup character: ``<b>`` → ``\\<b\\>``."""
    return INLINE_MARKUP.sub(r"\\\1", text)


def escape_line_start(text: str) -> str:
    """Also escape what would start a list or a heading underline at the start of a line."""
    return _LIST_NUMBER.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", text))


# ---------------------------------------------------------------- reading

@dataclass
class Block:
    kind: str  # "table" | "heading" | "list" | "paragraph"
    lines: list[str]  # the text of each cell row, list item or line (a table: unused)
    level: int = 0  # heading level
    aligns: tuple[str, ...] = ()  # table: "left" | "right" per column
    rows: tuple[tuple[str, ...], ...] = ()  # table: the header row first
    rule: str = ""  # table: the line under the header, as written


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def blocks(text: str) -> list[Block]:
    """The blocks of ``text``, as the subset reads them."""
    out: list[Block] = []
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            aligns = tuple("right" if c.endswith(":") else "left" for c in _cells(lines[i + 1]))
            rows = [tuple(_cells(line))]
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(tuple(_cells(lines[i])))
                i += 1
            out.append(Block("table", [], aligns=aligns, rows=tuple(rows), rule=lines[i - len(rows)].strip()))
            continue
        heading = _HEADING.match(line)
        if heading:
            out.append(Block("heading", [heading.group(2)], level=len(heading.group(1))))
            i += 1
            continue
        if _BULLET.match(line):
            items = []
            while i < len(lines) and _BULLET.match(lines[i]):
                items.append(_BULLET.sub("", lines[i]))
                i += 1
            out.append(Block("list", items))
            continue
        para = [line.strip()]  # a line starting with | that is not a table is text too
        i += 1
        while i < len(lines) and lines[i].strip() and not lines[i].lstrip().startswith("|") \
                and not re.match(r"^(#{1,4})\s|^\s*[-*]\s+", lines[i]):
            para.append(lines[i].strip())
            i += 1
        out.append(Block("paragraph", para))
    return out


def _spans(text: str) -> list[tuple[bool, str]]:
    """``text`` as (bold?, text) spans."""
    out, at = [], 0
    for match in _BOLD.finditer(text):
        if match.start() > at:
            out.append((False, text[at:match.start()]))
        out.append((True, match.group(1)))
        at = match.end()
    if at < len(text):
        out.append((False, text[at:]))
    return out


# ---------------------------------------------------------------- writing

def to_html(text: str) -> str:
    """The body as HTML: exactly what :func:`to_markdown` shows, rendered by markdown-it-py (CommonMark and
    GFM tables, raw HTML never passed through), so both printouts show the same text by construction."""
    return _markdown_it().render(to_markdown(text)).rstrip("\n")


@functools.cache
def _markdown_it():
    """CommonMark with tables; ``html: False`` so a tag that slipped through prints as text. The printout's
    conventions on top: headings one level down (its own title is the h1), a line break inside a paragraph
    kept as ``<br>``, unaligned table columns aligned left, tables and lists written compactly, and text
    escaped with quotes too."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.core.ruler.push("juwei_printout", _printout_conventions)
    md.add_render_rule("softbreak", lambda self, tokens, idx, options, env: "<br>")
    md.add_render_rule("text", lambda self, tokens, idx, options, env: html.escape(tokens[idx].content, quote=True))
    return md


_COMPACT = {"table_open", "bullet_list_open", "thead_open", "thead_close", "tbody_open", "tbody_close", "tr_open", "tr_close", "th_open", "th_close",
            "td_open", "td_close", "list_item_open", "list_item_close"}


def _printout_conventions(state) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 5)}"
        elif token.type in ("th_open", "td_open") and not token.attrGet("style"):
            token.attrSet("style", "text-align:left")
        if token.type in _COMPACT:
            token.block = False  # no line break after the tag: a table or list is one line, as juwei wrote them


def _md_inline(text: str, *, line_start: bool = True) -> str:
    out = "".join(f"**{escape_inline(t)}**" if bold else escape_inline(t) for bold, t in _spans(text))
    return escape_line_start(out) if line_start else out


def to_markdown(text: str) -> str:
    """The body as Markdown that shows exactly what :func:`to_html` shows: the subset's structure and
    **bold** kept, every other markup character (``<``, ``[``, `````, …) escaped to print literally."""
    out: list[str] = []
    for block in blocks(text):
        if block.kind == "table":
            head, *body = block.rows
            width = len(block.aligns)
            rows = ["| " + " | ".join(_md_inline(cell, line_start=False) for cell in row[:width]) + " |"
                    for row in (head, *body)]
            rule = block.rule if _RULE_ONLY.match(block.rule) else \
                "|" + "|".join("---:" if a == "right" else "---" for a in block.aligns) + "|"
            out.append("\n".join([rows[0], rule, *rows[1:]]))
        elif block.kind == "heading":
            out.append("#" * block.level + " " + _md_inline(block.lines[0], line_start=False))
        elif block.kind == "list":
            out.append("\n".join("- " + _md_inline(item) for item in block.lines))
        else:
            out.append("\n".join(_md_inline(line) for line in block.lines))
    return "\n\n".join(out)
