"""Reading a clerk's spreadsheet: .csv (UTF-8 with or without BOM, or GB18030 as Excel in China saves it)
or .xlsx (streamed read-only), with rows numbered as the clerk sees them, for row-numbered errors.

Nothing the file says about itself is trusted where it could lose rows: a workbook's recorded size
(``<dimension>``) is ignored and every stored row is read; a CSV whose bytes only decode as GB18030
because GB18030 decodes almost anything (Big5, Shift-JIS) is refused; a quote left open is refused
rather than allowed to swallow the cells after it.

The one reader behind every import (the roster, the ledger, welfare lists): unreadable, truncated or
mislabelled files are refused here with advice, never with a traceback.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from juwei.errors import ValidationError
from juwei.i18n import t

_ID_LIKE = re.compile(r"[0-9０-９]{6}[0-9０-９]{8,}[0-9０-９Xx]?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class NoHeader(ValidationError):
    """The file has no non-empty row to take as its header."""


def safe_echo(text: str) -> str:
    """Never echo a whole ID number or raw control characters back (LAW.md privacy)."""
    text = _ID_LIKE.sub(lambda m: m.group(0)[:6] + "…", text)
    return _CONTROL.sub("?", text)


@dataclass
class Sheet:
    path: Path
    format: str  # csv | xlsx
    encoding: str | None  # csv only: utf-8, utf-8-sig, gb18030
    sheet: str | None  # xlsx only: the worksheet read
    rows: Iterator[tuple[int, Sequence[Any]]]  # (row number, cells) after the header row
    header_row: int
    headers: list[str]
    total: int | None  # rows expected, for the progress bar
    close: Callable[[], None] = lambda: None


def read_sheet(path: Path, *, is_header: Callable[[Sequence[Any]], bool]) -> Sheet:
    """Open a .csv or .xlsx file and find its header row (the first row ``is_header`` accepts among the
    first ten non-empty ones, else the first non-empty row); refuse unreadable files clearly."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ValidationError(t("no such file: {path}", path=path))
    if suffix == ".csv":
        return _with_header(_read_csv(path), is_header)
    if suffix in (".xlsx", ".xlsm"):
        return _with_header(_read_xlsx(path), is_header)
    if suffix == ".xls":
        raise ValidationError(t("{path}: the old Excel format (.xls) is not read; in Excel use "
                                "Save As → Excel Workbook (.xlsx) or CSV UTF-8", path=path.name))
    raise ValidationError(t("{path}: only .csv and .xlsx files can be imported", path=path.name))


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-8 (with or without BOM) or GB18030 (what Excel in
    China writes for "CSV (comma delimited)")."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValidationError(t("the file is UTF-16 (Excel's \"Unicode Text\"); save it as CSV UTF-8 instead"))
    else:
        encoding, body = "utf-8", data
    try:
        return body.decode("utf-8"), encoding
    except UnicodeDecodeError:
        if encoding == "utf-8-sig" or _truncated_utf8(body):
            raise ValidationError(t("the file ends in the middle of a character: it looks truncated; "
                                    "save or copy it again")) from None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError(t("cannot tell the file's text encoding (tried UTF-8 and GB18030); "
                                "in Excel use Save As → CSV UTF-8")) from None
    if not _reads_as_chinese(text):
        raise ValidationError(t("the file's text is not UTF-8 or GB18030: it reads as gibberish ({encoding}?); "
                                "in Excel use Save As → CSV UTF-8", encoding=_other_encoding(data)))
    return text, "gb18030"


# GB18030 assigns a character to nearly every byte pair, so Big5 (Taiwan, Hong Kong) or Shift-JIS (Japan)
# bytes decode without error, as gibberish. Real Chinese text is overwhelmingly GB2312's common hanzi and
# punctuation; decoded Big5 and Shift-JIS mostly fall in GBK's rare extensions and private-use areas.
_SAMPLE_CHARS = 100_000
_MIN_NON_ASCII = 8


def _common_chinese(char: str) -> bool:
    try:
        code = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return code[0] >= 0xB0 or code[0] in (0xA1, 0xA3)  # hanzi, CJK punctuation, full-width forms


def _reads_as_chinese(text: str) -> bool:
    non_ascii = [c for c in text[:_SAMPLE_CHARS] if c > "\x7f"]
    if any("\ue000" <= c <= "\uf8ff" for c in non_ascii):  # private use: GBK's user-defined byte ranges
        return False
    if len(non_ascii) < _MIN_NON_ASCII:
        return True
    return sum(map(_common_chinese, non_ascii)) * 3 >= len(non_ascii) * 2


def _other_encoding(data: bytes) -> str:
    """A name for what the bytes probably are."""
    for codec, name in (("big5", "Big5"), ("shift_jis", "Shift-JIS")):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return name
    return t("an unknown encoding")


def _truncated_utf8(data: bytes) -> bool:
    """Valid UTF-8 except for an incomplete character at the very end."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _read_csv(path: Path) -> Sheet:
    text, encoding = decode_csv(path.read_bytes())
    first_line = text[:4096].split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count) if first_line else ","
    # strict: a quote left open is an error, not a cell that swallows the rest of the row or file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    total = text.count("\n") or None
    return Sheet(path, "csv", encoding, None, _guard(path, reader), 0, [], total)


def _read_xlsx(path: Path) -> Sheet:
    import zipfile

    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        ws = book.active if book.active is not None else book.worksheets[0]
        total = ws.max_row  # what the file claims: a hint for the progress bar only
        ws.reset_dimensions()  # read every stored row, not only the range <dimension> claims
        rows = _guard(path, ws.iter_rows(values_only=True))
    except ValidationError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError, EOFError) as exc:
        raise ValidationError(t("{path} is not a readable .xlsx workbook ({reason}); it may be damaged or "
                                "truncated: save it again from Excel", path=path.name,
                                reason=type(exc).__name__)) from None
    return Sheet(path, "xlsx", None, ws.title, rows, 0, [], total, close=book.close)




def _with_header(sheet: Sheet, is_header: Callable[[Sequence[Any]], bool]) -> Sheet:
    """Find the header row; the rows after it stay a lazy iterator (large files stream)."""
    first: tuple[int, tuple] | None = None
    seen = []
    source = sheet.rows
    for number, cells in source:  # the same iterator continues after the header below
        seen.append((number, cells))
        if all(blank(c) for c in cells):
            continue
        first = first or (number, cells)
        if is_header(cells):
            first = (number, cells)
            break
        if len(seen) >= 10:
            break
    if first is None:
        raise NoHeader(sheet.path.name)
    sheet.header_row, header = first
    sheet.headers = ["" if c is None else str(c) for c in header]
    rest = [(n, c) for n, c in seen if n > sheet.header_row]

    def remaining() -> Iterator[tuple[int, tuple]]:
        yield from rest
        yield from source

    sheet.rows = remaining()
    return sheet


def _guard(path: Path, rows: Any) -> Iterator[tuple[int, tuple]]:
    """Number the rows from 1 (as the spreadsheet does) and turn a reader's failure midway (a damaged
    file) into a clear refusal."""
    number = 0
    try:
        for number, cells in enumerate(rows, start=1):
            yield number, cells
    except ValidationError:
        raise
    except csv.Error:
        raise ValidationError(t("{path}, row {row}: a quote (\") opened in this row is not closed where its cell "
                                "ends, so the cells after it would run together; close the quote or remove it",
                                path=path.name, row=number + 1)) from None
    except Exception as exc:
        raise ValidationError(t("{path} could not be read to the end ({reason}); it may be damaged or "
                                "truncated: save it again", path=path.name,
                                reason=safe_echo(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)[:120])) \
            from None


def blank(cell: Any) -> bool:
    """An empty cell: nothing, or only white space."""
    return cell is None or (type(cell) is str and not cell.strip())


# ---------------------------------------------------------------- mapping the columns


def header_key(value: Any) -> str:
    """A header cell as a lookup key: 姓名, ' Name ', 'ID-number', '身份证号*' all compare sensibly."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    return re.sub(r"[\s\-]+", "_", text.strip().strip("*").strip().lower())


def read_table(path: str | Path, columns: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
               ) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(row_number, {field: value})`` for each non-blank data row.

    ``columns`` maps each field to the header spellings accepted for it (English and Chinese); a header
    that names no field is ignored. A missing required column is one error naming what was expected.
    """
    path = Path(path)
    lookup = {header_key(alias): field for field, aliases in columns.items() for alias in (field, *aliases)}
    try:
        sheet = read_sheet(path, is_header=lambda cells: any(header_key(c) in lookup for c in cells))
    except NoHeader:
        raise ValidationError(t("{path} is empty", path=path.name)) from None
    try:
        index: dict[str, int] = {}
        for i, cell in enumerate(sheet.headers):
            field = lookup.get(header_key(cell))
            if field is not None and field not in index:
                index[field] = i
        missing = [f for f in required if f not in index]
        if missing:
            raise ValidationError(t("{path}: missing column(s) {missing}; expected {expected}", path=path.name,
                                    missing=", ".join(missing),
                                    expected=", ".join(f"{f} ({columns[f][0]})" if columns[f] else f
                                                       for f in required)))
        for number, row in sheet.rows:
            values = {field: (row[i] if i < len(row) else None) for field, i in index.items()}
            if all(blank(v) for v in values.values()):
                continue
            yield number, values
    finally:
        sheet.close()
