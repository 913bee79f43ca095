"""The grid board sheet (S13): who is responsible for which groups, with the office's public phone.

The office phone is the community's own public number, set by the clerk (`community set office_phone`): it is
escaped but not masked, as a disclosure's contact is. Every other value goes through the environment's
escaping and scrubbing.
"""

from __future__ import annotations

import html
from typing import Any

from markupsafe import Markup


def board_context(sheet: Any, lang: str, fmt: str) -> dict[str, Any]:
    from juwei.render import filters

    phone = None
    if sheet.office_phone:
        phone = Markup(html.escape(sheet.office_phone)) if fmt == "html" else filters.md_inline(sheet.office_phone)
    return {"doc": "grid_board", "lang": lang, "sheet": sheet, "phone": phone}


def render_board(sheet: Any, lang: str, fmt: str, templates_dir: str | None = None) -> str:
    from juwei.render import document

    return document("grid_board", lang, fmt, board_context(sheet, lang, fmt), templates_dir)
