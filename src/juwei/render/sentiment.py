"""The monthly sentiment report (S12) as a spreadsheet: one sheet of counts, one row per item.

Built from the same context as the Markdown and HTML report (:func:`juwei.services.sentiment_report
.monthly_report`), in the report's language; text cells are guarded against being run as formulas.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from juwei.i18n import label, speaking, t

_GUARDED = ("=", "+", "-", "@", "\t", "\r", "\n", "'")


def _cell(value: Any) -> Any:
    """Text a spreadsheet will not run as a formula (OWASP "CSV injection"), without control characters."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(_GUARDED) else value


def write_workbook(data: dict[str, Any], path: Path) -> None:
    """Write the report ``data`` to ``path`` (.xlsx): sheet 1 the counts, sheet 2 the items."""
    from openpyxl import Workbook

    lang = data["lang"]
    with speaking(lang):
        book = Workbook(write_only=True)
        counts = book.create_sheet(t("Counts"))
        counts.append([_cell(t("Report on residents' concerns, {community}, {month}",
                                community=data["community"]["name"], month=data["month"]["words"]))])
        counts.append([t("category"), t("items")])
        for row in data["by_category"]:
            counts.append([_cell(f"{row['number']} {row['label']}"), row["count"]])
        counts.append([])
        counts.append([t("source"), t("items")])
        for row in data["by_source"]:
            counts.append([_cell(row["label"]), row["count"]])
        counts.append([])
        counts.append([t("total"), data["total"]])
        items = book.create_sheet(t("Items"))
        items.append([t("id"), t("received"), t("category"), t("source"), t("household"), t("raised by"),
                      t("what"), t("status"), t("handling"), t("reported on"), t("reported to")])
        for item in data["items"]:
            steps = t("; ").join(f"{s['on'].isoformat()} {label('sentiment status', s['status'], lang)} {s['note']}"
                                 for s in item["steps"])
            items.append([item["id"], item["received"], _cell(label("sentiment category", item["category"], lang)),
                          _cell(label("sentiment source", item["source"], lang)), _cell(item["household"] or ""),
                          _cell(item["from_name"] or ""), _cell(item["text"]),
                          _cell(label("sentiment status", item["status"], lang)), _cell(steps),
                          item["reported_on"], _cell(item["reported_to"] or "")])
        book.save(path)
