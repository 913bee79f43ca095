"""Importing the roster from the spreadsheet the clerk already keeps (`juwei member import`).

Reading (.csv in UTF-8, UTF-8 with BOM or GB18030; .xlsx streamed read-only), mapping the header row
(English or Chinese column names), validating every row with :mod:`juwei.rules.records`, then writing
all or nothing: one bad row and nothing is written, and the error lists every bad row as
"row N, column X: reason". Re-importing the same file updates members by ID number instead of adding
them again. Groups and households are created as needed. Every write is audited.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from juwei.errors import ValidationError
from juwei.i18n import t
from juwei.rules.records import FieldError, clean_label, clean_member, political_rights

# The import's columns, in the order the docs list them, with the Chinese header of each.
FIELDS = ("name", "id_number", "birth_date", "gender", "household", "group", "address", "phone",
          "political_rights", "party_member")
CHINESE = dict(zip(FIELDS, ("姓名", "身份证号", "出生日期", "性别", "户号", "居民小组", "住址", "电话",
                            "政治权利", "党员")))
REQUIRED = ("name", "id_number")
# Other spellings clerks' spreadsheets use for the same columns.
ALIASES = {
    "身份证号码": "id_number", "公民身份号码": "id_number", "身份证": "id_number", "id": "id_number",
    "出生年月日": "birth_date", "出生年月": "birth_date", "birthdate": "birth_date", "born": "birth_date",
    "sex": "gender", "户编号": "household", "household_number": "household", "小组": "group",
    "所属小组": "group", "residents_group": "group", "地址": "address", "家庭住址": "address",
    "联系电话": "phone", "手机": "phone", "手机号": "phone", "手机号码": "phone", "是否党员": "party_member",
    "政治面貌": "party_member", "party": "party_member", "rights": "political_rights",
}
IGNORED = ("序号", "no", "no.", "#")  # a running number column is common and carries nothing
MEMBER_KEYS = ("name", "id_number", "birth_date", "gender", "phone", "party_member")
LIMITS = {"household": 64, "group": 100, "address": 300}
PROGRESS_EVERY = 2000
# What `member import` compares to decide updated vs unchanged, and writes.
MEMBER_COLUMNS = ("name", "id_number", "birth_date", "gender", "household_id", "phone", "party_member",
                  "rights_deprived_from", "rights_deprived_until")

_ID_LIKE = re.compile(r"[0-9０-９]{6}[0-9０-９]{8,}[0-9０-９Xx]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
Progress = Callable[[str, int, "int | None"], None]  # (phase, done, total or None)


def _header_key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", unicodedata.normalize("NFKC", text).strip().strip("*").strip().lower())


HEADERS: dict[str, str] = {
    **{_header_key(f): f for f in FIELDS},
    **{_header_key(c): f for f, c in CHINESE.items()},
    **{_header_key(a): f for a, f in ALIASES.items()},
}


def accepted_headers() -> str:
    return ", ".join(f"{f} ({CHINESE[f]})" for f in FIELDS)


# ---------------------------------------------------------------- problems

@dataclass(frozen=True)
class RowProblem:
    row: int  # the spreadsheet's row number (the header is usually row 1)
    column: str  # the column as headed in the file
    reason: str

    def __str__(self) -> str:
        return t("row {row}, column {column}: {reason}", row=self.row, column=self.column, reason=self.reason)


def _safe(text: str) -> str:
    """Never echo a whole ID number or raw control characters back (LAW.md privacy)."""
    text = _ID_LIKE.sub(lambda m: m.group(0)[:6] + "…", text)
    return _CONTROL.sub("?", text)


class ImportRefused(ValidationError):
    """The file had bad rows; nothing was written. ``rows`` holds every problem found."""

    def __init__(self, message: str, rows: list[RowProblem]):
        super().__init__(message, [str(p) for p in rows])
        self.rows = rows


# ---------------------------------------------------------------- reading

@dataclass
class Sheet:
    path: Path
    format: str  # csv | xlsx
    encoding: str | None  # csv only: utf-8, utf-8-sig, gb18030
    sheet: str | None  # xlsx only: the worksheet read
    rows: Iterator[tuple[int, tuple]]  # (row number, cells) after the header row
    header_row: int
    headers: list[str]
    total: int | None  # rows expected, for the progress bar
    close: Callable[[], None] = lambda: None


def read_sheet(path: Path) -> Sheet:
    """Open a .csv or .xlsx file and find its header row; refuse unreadable files clearly."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ValidationError(t("no such file: {path}", path=path))
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
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
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise ValidationError(t("cannot tell the file's text encoding (tried UTF-8 and GB18030); "
                                "in Excel use Save As → CSV UTF-8")) from None


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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    total = text.count("\n") or None
    return _with_header(Sheet(path, "csv", encoding, None, _guard(path, reader), 0, [], total))


def _read_xlsx(path: Path) -> Sheet:
    import zipfile

    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        ws = book.active if book.active is not None else book.worksheets[0]
        total = ws.max_row
        rows = _guard(path, ws.iter_rows(values_only=True))
    except ValidationError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError, EOFError) as exc:
        raise ValidationError(t("{path} is not a readable .xlsx workbook ({reason}); it may be damaged or "
                                "truncated: save it again from Excel", path=path.name,
                                reason=type(exc).__name__)) from None
    sheet = Sheet(path, "xlsx", None, ws.title, rows, 0, [], total, close=book.close)
    return _with_header(sheet)




def _with_header(sheet: Sheet) -> Sheet:
    """The header row is the first row naming the ``name`` column; a title row above it (社区居民花名册)
    is skipped. Failing that, the first non-empty row is taken as the header."""
    first: tuple[int, tuple] | None = None
    seen = []
    source = sheet.rows
    for number, cells in source:  # the same iterator continues after the header below
        seen.append((number, cells))
        if not any(_blank(c) is False for c in cells):
            continue
        first = first or (number, cells)
        if any(HEADERS.get(_header_key(str(c))) == "name" for c in cells if isinstance(c, str)):
            first = (number, cells)
            break
        if len(seen) >= 10:
            break
    if first is None:
        raise ValidationError(t("{path} has no header row (it is empty); the columns accepted are: {headers}",
                                path=sheet.path.name, headers=accepted_headers()))
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
    try:
        for number, cells in enumerate(rows, start=1):
            yield number, tuple(cells)
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(t("{path} could not be read to the end ({reason}); it may be damaged or "
                                "truncated: save it again", path=path.name,
                                reason=_safe(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)[:120])) \
            from None


def _blank(cell: Any) -> bool:
    return cell is None or (type(cell) is str and not cell.strip())


# ---------------------------------------------------------------- mapping the columns

def map_columns(sheet: Sheet) -> tuple[dict[str, int], dict[str, str], list[int]]:
    """field → column index, field → header as written, and the indexes of headerless columns."""
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    unknown: list[str] = []
    unnamed: list[int] = []
    for i, header in enumerate(sheet.headers):
        key = _header_key(header)
        if not key:
            unnamed.append(i)
            continue
        if key in IGNORED:
            continue
        found = HEADERS.get(key)
        if found is None:
            unknown.append(_safe(header.strip())[:40])
        elif found in index:
            raise ValidationError(t("columns '{a}' and '{b}' both hold {field}; keep one",
                                    a=written[found], b=_safe(header.strip())[:40], field=found))
        else:
            index[found] = i
            written[found] = _safe(header.strip())[:40]
    if unknown:
        raise ValidationError(t("unknown column(s) {columns} in the header (row {row}); the columns accepted are: "
                                "{headers}", columns=", ".join(f"'{u}'" for u in unknown),
                                row=sheet.header_row, headers=accepted_headers()))
    missing = [f for f in REQUIRED if f not in index]
    if missing:
        raise ValidationError(t("missing required column(s) {columns} in the header (row {row}); the columns "
                                "accepted are: {headers}", columns=", ".join(f"{m} ({CHINESE[m]})" for m in missing),
                                row=sheet.header_row, headers=accepted_headers()))
    return index, written, unnamed


# ---------------------------------------------------------------- validating

@dataclass
class Entry:
    """One valid row: the member's clean values and where they live."""
    row: int
    member: dict[str, Any]
    household: str | None


@dataclass
class HouseholdSpec:
    number: str
    group: str | None
    address: str | None
    row: int  # first row naming it
    group_row: int = 0
    address_row: int = 0


@dataclass
class Validated:
    entries: list[Entry]
    households: dict[str, HouseholdSpec]
    groups: list[str]
    columns: frozenset[str]


_rights = functools.lru_cache(maxsize=512)(political_rights)  # the column is nearly always 正常


def validate(sheet: Sheet, progress: Progress | None = None) -> Validated:
    """Validate every row; raise :class:`ImportRefused` listing every problem, or return the rows."""
    index, written, unnamed = map_columns(sheet)
    member_idx = [(k, index[k]) for k in MEMBER_KEYS if k in index]
    label_idx = [(k, index[k]) for k in ("household", "group", "address") if k in index]
    rights_i = index.get("political_rights")
    width = len(sheet.headers)
    problems: list[RowProblem] = []
    entries: list[Entry] = []
    households: dict[str, HouseholdSpec] = {}
    groups: dict[str, None] = {}
    first_row_of: dict[Any, int] = {}

    def column(field_name: str) -> str:
        return written.get(field_name, field_name)

    done = 0
    for number, cells in sheet.rows:
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress("validate", done, sheet.total)
        if len(cells) < width:
            cells = cells + (None,) * (width - len(cells))
        row_problems: list[RowProblem] = []
        blank = True
        for i, cell in enumerate(cells):
            if cell is None or cell == "":
                continue
            if type(cell) is str:
                if not cell.strip():
                    continue
                if cell.lstrip()[:1] == "=":
                    row_problems.append(RowProblem(number, _column_at(sheet, written, index, i),
                                                   t("holds a spreadsheet formula; import values, not formulas")))
            blank = False
            if i >= width or i in unnamed:
                row_problems.append(RowProblem(number, str(i + 1),
                                               t("has a value but no header; name the column or clear it")))
        if blank:
            continue
        if row_problems:  # formulas: the cells' text means nothing; do not validate it further
            problems.extend(row_problems)
            continue
        errors: list[FieldError] = []
        member = clean_member({k: cells[i] for k, i in member_idx}, problems=errors)
        labels: dict[str, str | None] = {}
        for key, i in label_idx:
            try:
                labels[key] = clean_label(key, cells[i], LIMITS[key])
            except FieldError as exc:
                errors.append(exc)
        if rights_i is not None:
            cell = cells[rights_i]
            try:
                deprived, start, until = _rights(cell) if type(cell) is str or cell is None else political_rights(cell)
                member["rights_deprived_from"] = start if deprived else None
                member["rights_deprived_until"] = until if deprived else None
            except FieldError as exc:
                errors.append(exc)
        for exc in errors:
            row_problems.append(RowProblem(number, column(_base(exc.field)), _safe(exc.reason)))
        household = labels.get("household")
        group, address = labels.get("group"), labels.get("address")
        if household is None and (group or address):
            row_problems.append(RowProblem(number, column("household" if "household" in index else
                                                          ("group" if group else "address")),
                                           t("a group or address belongs to a household: give the household number "
                                             "(户号) too")))
        key = (("id", member["id_number"]) if member.get("id_number")
               else ("name", member.get("name"), household, member.get("birth_date")))
        if "id_number" in member or "name" in member:
            earlier = first_row_of.get(key)
            if earlier is not None:
                what = t("the same ID number as row {row}", row=earlier) if key[0] == "id" else \
                    t("the same name, household and birth date as row {row}, and no ID number", row=earlier)
                row_problems.append(RowProblem(number, column("id_number"), what))
            else:
                first_row_of[key] = number
        if household is not None:
            spec = households.get(household)
            if spec is None:
                households[household] = HouseholdSpec(household, group, address, number,
                                                      number if group else 0, number if address else 0)
            else:
                if group:
                    if spec.group is None:
                        spec.group, spec.group_row = group, number
                    elif spec.group != group:
                        row_problems.append(RowProblem(number, column("group"), t(
                            "household {household} is in group '{group}' at row {row}", household=household,
                            group=spec.group, row=spec.group_row)))
                if address:
                    if spec.address is None:
                        spec.address, spec.address_row = address, number
                    elif spec.address != address:
                        row_problems.append(RowProblem(number, column("address"), t(
                            "household {household} has another address at row {row}", household=household,
                            row=spec.address_row)))
        if group:
            groups[group] = None
        if row_problems:
            problems.extend(row_problems)
        elif not problems:  # once anything is wrong, only problems are collected
            entries.append(Entry(number, member, household))
    if problems:
        rows = len({p.row for p in problems})
        raise ImportRefused(t("{file}: {rows} row(s) have problems; nothing was imported",
                              file=sheet.path.name, rows=rows), problems)
    if progress is not None:
        progress("validate", done, done)
    return Validated(entries, households, list(groups), frozenset(index))


def _base(field_name: str) -> str:
    return "political_rights" if field_name.startswith("rights_deprived") else field_name


def _column_at(sheet: Sheet, written: dict[str, str], index: dict[str, int], i: int) -> str:
    for key, j in index.items():
        if j == i:
            return written[key]
    return str(i + 1)


# ---------------------------------------------------------------- writing

@dataclass
class ImportReport:
    file: str
    format: str
    encoding: str | None
    sheet: str | None
    rows: int
    added: int
    updated: int
    unchanged: int
    groups_added: int
    households_added: int
    households_updated: int
    dry_run: bool


def load_file(path: str | Path, progress: Progress | None = None) -> tuple[Sheet, Validated]:
    """Read and validate the whole file (no database needed): refuses with every bad row listed."""
    sheet = read_sheet(Path(path))
    try:
        return sheet, validate(sheet, progress)
    finally:
        sheet.close()


def import_members(scope: Any, path: str | Path, *, dry_run: bool = False,
                   progress: Progress | None = None) -> ImportReport:
    """Validate the whole file, then add or update its members in the scope's one transaction."""
    sheet, valid = load_file(path, progress)
    return write_members(scope, sheet, valid, dry_run=dry_run, progress=progress)


def write_members(scope: Any, sheet: Sheet, valid: Validated, *, dry_run: bool,
                  progress: Progress | None = None) -> ImportReport:
    from sqlalchemy import select

    from juwei.services import audit
    from juwei.services.roster import ensure_groups
    from juwei.storage import bulk
    from juwei.storage.models import Household, Member, ResidentsGroup
    from juwei.storage.models.base import utcnow

    session, cid = scope.session, scope.community_id
    now = utcnow()
    # Groups: created through the roster service (a handful; each audited).
    existing_groups = dict(session.execute(select(ResidentsGroup.name, ResidentsGroup.id).where(
        ResidentsGroup.community_id == cid)).all())
    new_groups = [g for g in valid.groups if g not in existing_groups]
    group_ids = ({**existing_groups, **{g: -1 for g in new_groups}} if dry_run
                 else ensure_groups(scope, valid.groups))

    # Households: new ones in bulk; a changed group or address is updated (the file is the roster).
    known = {number: (hid, gid, address) for hid, number, gid, address in session.execute(
        select(Household.id, Household.number, Household.group_id, Household.address)
        .where(Household.community_id == cid)).all()}
    house_new: list[dict[str, Any]] = []
    house_changed: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for spec in valid.households.values():
        gid = group_ids.get(spec.group) if spec.group else None
        if spec.number not in known:
            house_new.append({"community_id": cid, "number": spec.number, "address": spec.address,
                              "group_id": gid, "representative_id": None, "created_at": now})
            continue
        hid, old_gid, old_address = known[spec.number]
        if (spec.group and gid != old_gid) or (spec.address and spec.address != old_address):
            before = {"id": hid, "number": spec.number, "group_id": old_gid, "address": old_address}
            after = {"id": hid, "number": spec.number, "group_id": gid if spec.group else old_gid,
                     "address": spec.address or old_address}
            house_changed.append((before, after))
    if not dry_run:
        ids = bulk.insert_rows(session, Household, house_new)
        for new_id, row in zip(ids, house_new):
            known[row["number"]] = (new_id, row["group_id"], row["address"])
        audit.record_many(scope, "household.add", "household",
                          [{k: v for k, v in row.items() if k != "created_at"} for row in house_new])
        bulk.update_rows(session, Household, [{"id": a["id"], "group_id": a["group_id"], "address": a["address"]}
                                              for _, a in house_changed])
        audit.record_many(scope, "household.update", "household", [a for _, a in house_changed],
                          before=[b for b, _ in house_changed])

    # Members: matched by ID number, else by name, household and birth date.
    columns = [c for c in MEMBER_COLUMNS
               if c in valid.columns or c == "name"
               or (c in ("birth_date", "gender") and "id_number" in valid.columns)
               or (c == "household_id" and "household" in valid.columns)
               or (c.startswith("rights_deprived") and "political_rights" in valid.columns)]
    member_table = Member.__table__
    by_id: dict[str, tuple] = {}
    by_name: dict[tuple, tuple] = {}
    wanted = [member_table.c[c] for c in ("id", *MEMBER_COLUMNS)]
    for row in session.execute(select(*wanted).where(member_table.c.community_id == cid)):
        record = row._mapping
        if record["id_number"]:
            by_id[record["id_number"]] = record
        else:
            by_name[(record["name"], record["household_id"], record["birth_date"])] = record
    to_add: list[dict[str, Any]] = []
    to_update: list[tuple[dict[str, Any], dict[str, Any]]] = []
    unchanged = 0
    for n, entry in enumerate(valid.entries, start=1):
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress("write", n, len(valid.entries))
        values = entry.member
        household_id = known[entry.household][0] if entry.household and entry.household in known else None
        values["household_id"] = household_id
        number = values.get("id_number")
        found = by_id.get(number) if number else by_name.get((values.get("name"), household_id,
                                                              values.get("birth_date")))
        if found is None:
            row = {c: values.get(c) for c in MEMBER_COLUMNS}
            row["party_member"] = bool(row["party_member"])
            to_add.append(row)
            continue
        changes = {c: values.get(c) for c in columns if c in values and values.get(c) != found[c]}
        if "party_member" in changes and bool(changes["party_member"]) == bool(found["party_member"]):
            del changes["party_member"]
        if not changes:
            unchanged += 1
            continue
        before = {c: _plain(found[c]) for c in ("id", *MEMBER_COLUMNS)}
        after = {**{c: found[c] for c in ("id", *MEMBER_COLUMNS)}, **changes}
        to_update.append((before, after))
    if not dry_run:
        for row in to_add:
            row.update(community_id=cid, created_at=now, updated_at=now)
        bulk.insert_rows(session, Member, to_add)
        audit.record_many(scope, "member.import", "member",
                          [{k: v for k, v in row.items() if k not in ("created_at", "updated_at")}
                           for row in to_add])
        bulk.update_rows(session, Member, [{**{c: a[c] for c in columns}, "id": a["id"], "updated_at": now}
                                           for _, a in to_update])
        audit.record_many(scope, "member.import_update", "member", [a for _, a in to_update],
                          before=[b for b, _ in to_update])
    if progress is not None:
        progress("write", len(valid.entries), len(valid.entries))
    return ImportReport(
        file=sheet.path.name, format=sheet.format, encoding=sheet.encoding, sheet=sheet.sheet,
        rows=len(valid.entries), added=len(to_add), updated=len(to_update), unchanged=unchanged,
        groups_added=len(new_groups), households_added=len(house_new), households_updated=len(house_changed),
        dry_run=dry_run)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
