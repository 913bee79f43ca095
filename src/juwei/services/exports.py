"""Tables for the clerk's desk, written as .xlsx or .csv: the ledger's export, the roster, the member list, a
meeting's roll, a tally, an election's result.

One writer, one set of promises for every file:
- typed cells: numbers stay numbers and dates stay dates in a workbook (a time as the community's wall clock,
  ``yyyy-mm-dd hh:mm``); a yes/no is a word in the clerk's language, never TRUE/FALSE;
- the header row is frozen and bold, columns wide enough for what they hold;
- no cell a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with = + - @ or a
  control character is written with a leading apostrophe (:func:`safe_cell`), the same in both formats, and
  :func:`unguard_cell` gives back exactly what was written when a file comes back in (``ledger import``);
- a CSV file is UTF-8 with a BOM, which Excel in China opens without garbling the Chinese; printed to
  standard output (for another program) it has no BOM;
- the file appears whole or not at all, owner-only (:mod:`juwei.services.files`): most of these name
  residents.

openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from juwei.errors import ValidationError, named
from juwei.i18n import t

FORMATS = ("xlsx", "csv")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_GUARDED = (*_FORMULA_START, "'")  # a text that starts with ' is guarded too, so unguarding is exact
_TIME_FORMAT = "yyyy-mm-dd hh:mm"
_SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet will not run as a formula (OWASP "CSV injection"): text starting with
    = + - @ or a control character gets a leading apostrophe (and so does text starting with one, so
    that :func:`unguard_cell` gives back exactly what was written). Numbers and dates pass unchanged."""
    if isinstance(value, str) and value.startswith(_GUARDED):
        return "'" + value
    return value


def unguard_cell(value: Any) -> Any:
    """The inverse of :func:`safe_cell`, for import: ``'=1+1`` → ``=1+1``, ``''x`` → ``'x``; a text whose
    apostrophe guards nothing (``'x``) is kept as it is."""
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1:].startswith(_GUARDED):
        return value[1:]
    return value


@dataclass(frozen=True)
class Table:
    """What one export holds: the sheet's name, the header row (in the clerk's language) and the rows,
    each a sequence of plain values (str, int, Decimal, date, datetime, bool or None)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValidationError(t("{option} '{value}' is not allowed; use one of {allowed}", option=named("fmt"),
                                value=fmt, allowed=", ".join(FORMATS)))
    return fmt


def _plain(value: Any) -> Any:
    """A value as a cell takes it: a yes/no as a word, a time without its zone (already the wall clock)."""
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def _csv_value(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(safe_cell(value))


def csv_text(table: Table) -> str:
    """The table as CSV text (no BOM: for standard output)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([_csv_value(h) for h in table.headers])
    writer.writerows([_csv_value(v) for v in row] for row in table.rows)
    return buffer.getvalue()


def write_table(out: Path, fmt: str, table: Table, *, force: bool = False) -> int:
    """Write ``table`` to ``out`` (already checked with :func:`juwei.services.files.out_file`) as ``fmt``;
    returns the number of rows written."""
    from juwei.services import files

    check_format(fmt)
    with files.private_file(out, force=force) as scratch:
        if fmt == "csv":
            with scratch.open("w", encoding="utf-8-sig", newline="") as handle:
                handle.write(csv_text(table))
        else:
            _write_xlsx(scratch, table)
    return len(table.rows)


def sheet_name(title: str) -> str:
    """A worksheet's name: at most 31 characters, none of ``[]:*?/\\``."""
    return title.translate(_SHEET_NAME_FORBIDDEN).strip()[:31] or "Sheet1"


def _width(value: Any) -> int:
    """Roughly how many character widths a value takes (a Chinese character counts two)."""
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _write_xlsx(path: Path, table: Table) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name(table.title))
    sheet.freeze_panes = "A2"
    rows = [[_plain(v) for v in row] for row in table.rows]
    for index, header in enumerate(table.headers):
        widest = max([_width(header), *(_width(row[index]) for row in rows if index < len(row))])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(widest + 2, 6), 60)

    def cell(value: Any, *, bold: bool = False) -> Any:
        if isinstance(value, str):  # control characters (NUL …) cannot be stored in a worksheet
            value = ILLEGAL_CHARACTERS_RE.sub("", safe_cell(value))
        elif isinstance(value, float | Decimal | int | dt.date) or value is None:
            pass
        else:
            value = str(value)
        written = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            written.data_type = "s"  # text, whatever it looks like: never a formula
        if isinstance(value, dt.datetime):
            written.number_format = _TIME_FORMAT
        if bold:
            written.font = Font(bold=True)
        return written

    sheet.append([cell(h, bold=True) for h in table.headers])
    for row in rows:
        sheet.append([cell(v) for v in row])
    book.save(path)
