"""Reading a clerk's spreadsheet: .csv (UTF-8, UTF-8 with BOM, GB18030) or .xlsx, headers in English or
Chinese. Returns rows numbered as the clerk sees them (the header is row 1), for row-numbered errors.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path
from typing import Any, Iterator, Mapping

from juwei.errors import ValidationError
from juwei.i18n import t


def _header(value: Any) -> str:
    return unicodedata.normalize("NFKC", str(value or "")).strip().lower().replace(" ", "_")


def _decode(raw: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(t("{path}: the file is neither UTF-8 nor GB18030 text", path=path.name))


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    text = _decode(path.read_bytes(), path)
    yield from csv.reader(io.StringIO(text, newline=""))


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a corrupt or mislabelled file
        raise ValidationError(t("{path}: cannot read the workbook ({reason})", path=path.name,
                                reason=type(exc).__name__)) from None
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


def read_table(path: str | Path, columns: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
               ) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(row_number, {field: value})`` for each non-blank data row.

    ``columns`` maps each field to the header spellings accepted for it (English and Chinese); a header
    that names no field is ignored. A missing required column is one error naming what was expected.
    """
    path = Path(path)
    if not path.is_file():
        raise ValidationError(t("no file {path}", path=path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    else:
        raise ValidationError(t("{path}: use a .csv or .xlsx file", path=path.name))
    lookup = {_header(alias): field for field, aliases in columns.items() for alias in (field, *aliases)}
    header = next(rows, None)
    if header is None:
        raise ValidationError(t("{path} is empty", path=path.name))
    index: dict[str, int] = {}
    for i, cell in enumerate(header):
        field = lookup.get(_header(cell))
        if field is not None and field not in index:
            index[field] = i
    missing = [f for f in required if f not in index]
    if missing:
        raise ValidationError(t("{path}: missing column(s) {missing}; expected {expected}", path=path.name,
                                missing=", ".join(missing),
                                expected=", ".join(f"{f} ({columns[f][0]})" if columns[f] else f
                                                   for f in required)))
    for number, row in enumerate(rows, start=2):
        values = {field: (row[i] if i < len(row) else None) for field, i in index.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        yield number, values
