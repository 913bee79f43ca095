"""Importing the roster from the spreadsheet the clerk already keeps (`juwei member import`).

Files are read by :mod:`juwei.services.sheets`; here: mapping the header row (English or Chinese column
names), validating every row with :mod:`juwei.rules.records`, then writing
all or nothing: one bad row and nothing is written, and the error lists every bad row as
"row N, column X: reason". Re-importing the same file updates members by ID number instead of adding
them again. Groups and households are created as needed. Every write is audited.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from juwei.errors import ValidationError
from juwei.i18n import t
from juwei.rules.people import PARTY_MEMBERSHIP_AGE, age_on, too_young_for_party
from juwei.rules.records import (FieldError, clean_label, clean_member, filled_cells, footer_label,
                                 looks_like_name, political_rights)
from juwei.services import sheets
from juwei.services.sheets import Sheet, blank, header_key, safe_echo

# The import's columns, in the order the docs list them, with the Chinese header of each.
FIELDS = ("name", "id_number", "birth_date", "gender", "household", "group", "address", "phone",
          "political_rights", "party_member", "relationship")
CHINESE = dict(zip(FIELDS, ("姓名", "身份证号", "出生日期", "性别", "户号", "居民小组", "住址", "电话",
                            "政治权利", "党员", "与户主关系")))
REQUIRED = ("name", "id_number")
# Other spellings clerks' spreadsheets use for the same columns.
ALIASES = {
    "身份证号码": "id_number", "公民身份号码": "id_number", "身份证": "id_number", "id": "id_number",
    "出生年月日": "birth_date", "出生年月": "birth_date", "birthdate": "birth_date", "born": "birth_date",
    "sex": "gender", "户编号": "household", "household_number": "household", "小组": "group",
    "所属小组": "group", "residents_group": "group", "地址": "address", "家庭住址": "address",
    "联系电话": "phone", "手机": "phone", "手机号": "phone", "手机号码": "phone", "是否党员": "party_member",
    "政治面貌": "party_member", "party": "party_member", "rights": "political_rights",
    "与户主的关系": "relationship", "与户主关系名称": "relationship", "户主关系": "relationship",
    "家庭关系": "relationship", "关系": "relationship", "relation": "relationship",
    "relationship_to_head": "relationship",
}
IGNORED = ("序号", "no", "no.", "#")  # a running number column is common and carries nothing
# Columns juwei never keeps, however named: ethnicity and religion are sensitive personal information (PIPL
# Article 28) that no rule of juwei needs, so they are not collected (Article 6: the minimum necessary).
SENSITIVE = frozenset(("民族", "族别", "ethnicity", "ethnic_group", "nation", "宗教", "宗教信仰", "religion"))
MEMBER_KEYS = ("name", "id_number", "birth_date", "gender", "phone", "party_member", "relationship")
LIMITS = {"household": 64, "group": 100, "address": 300}
PROGRESS_EVERY = 2000
# What `member import` compares to decide updated vs unchanged, and writes.
MEMBER_COLUMNS = ("name", "id_number", "birth_date", "gender", "household_id", "phone", "party_member",
                  "rights_deprived_from", "rights_deprived_until", "relationship")
DETAIL_LIMIT = 500  # residents listed by name in each part of a dry run's report (the counts are exact)

Progress = Callable[[str, int, "int | None"], None]  # (phase, done, total or None)


HEADERS: dict[str, str] = {
    **{header_key(f): f for f in FIELDS},
    **{header_key(c): f for f, c in CHINESE.items()},
    **{header_key(a): f for a, f in ALIASES.items()},
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




class ImportRefused(ValidationError):
    """The file had bad rows; nothing was written. ``rows`` holds every problem found."""

    def __init__(self, message: str, rows: list[RowProblem]):
        super().__init__(message, [str(p) for p in rows])
        self.rows = rows


# ---------------------------------------------------------------- reading

def _names_the_name_column(cells: Sequence[Any]) -> bool:
    return any(HEADERS.get(header_key(c)) == "name" for c in cells if isinstance(c, str))


def read_sheet(path: Path) -> Sheet:
    """Open the roster file; its header row is the first naming the ``name`` column (a title row such as
    社区居民花名册 above it is skipped)."""
    try:
        return sheets.read_sheet(path, is_header=_names_the_name_column)
    except sheets.NoHeader:
        raise ValidationError(t("{path} has no header row (it is empty); the columns accepted are: {headers}",
                                path=path.name, headers=accepted_headers())) from None


def map_columns(sheet: Sheet) -> tuple[dict[str, int], dict[str, str], list[int], list[str]]:
    """field → column index, field → header as written, the indexes of headerless columns, and the headers
    of the columns juwei does not import (备注, 民族, …: their cells are not read)."""
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    unknown: list[str] = []
    unnamed: list[int] = []
    for i, header in enumerate(sheet.headers):
        key = header_key(header)
        if not key:
            unnamed.append(i)
            continue
        if key in IGNORED:
            continue
        found = HEADERS.get(key)
        if found is None:
            unknown.append(safe_echo(header.strip())[:40])
        elif found in index:
            raise ValidationError(t("columns '{a}' and '{b}' both hold {field}; keep one",
                                    a=written[found], b=safe_echo(header.strip())[:40], field=found))
        else:
            index[found] = i
            written[found] = safe_echo(header.strip())[:40]
    missing = [f for f in REQUIRED if f not in index]
    if missing:
        raise ValidationError(t("missing required column(s) {columns} in the header (row {row}); the columns "
                                "accepted are: {headers}", columns=", ".join(f"{m} ({CHINESE[m]})" for m in missing),
                                row=sheet.header_row, headers=accepted_headers()))
    return index, written, unnamed, unknown


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
    """What validation found: the valid rows (when no sink took them), households and groups named."""
    entries: list[Entry] = field(default_factory=list)
    households: dict[str, HouseholdSpec] = field(default_factory=dict)
    groups: dict[str, None] = field(default_factory=dict)  # in first-seen order
    columns: frozenset[str] = frozenset()
    rows: int = 0
    warnings: list[RowProblem] = field(default_factory=list)  # accepted rows a clerk should look at
    ignored_columns: list[str] = field(default_factory=list)  # headers of the columns not imported
    footer_rows: list[int] = field(default_factory=list)  # lines under the table, not residents
    written: dict[str, str] = field(default_factory=dict)  # field -> its column's header as written


_rights = functools.lru_cache(maxsize=512)(political_rights)  # the column is nearly always 正常


@dataclass
class _Layout:
    """Where each field sits in the sheet, worked out once from its header row."""
    sheet: Sheet
    index: dict[str, int]  # field -> column index
    written: dict[str, str]  # field -> header as written
    unnamed: list[int]  # headerless columns
    ignored: list[str]  # headers of the columns not imported
    skipped: frozenset[int]  # their indexes (and 序号's): cells never read, not even for formulas
    width: int
    member_idx: list[tuple[str, int]]
    label_idx: list[tuple[str, int]]
    rights_i: int | None

    @classmethod
    def of(cls, sheet: Sheet) -> _Layout:
        index, written, unnamed, ignored = map_columns(sheet)
        read = set(index.values())
        skipped = frozenset(i for i, h in enumerate(sheet.headers) if header_key(h) and i not in read)
        return cls(sheet, index, written, unnamed, ignored, skipped, len(sheet.headers),
                   [(k, index[k]) for k in MEMBER_KEYS if k in index],
                   [(k, index[k]) for k in ("household", "group", "address") if k in index],
                   index.get("political_rights"))

    def column(self, field_name: str) -> str:
        """The column a field's problem is reported in, as headed in the file."""
        return self.written.get(field_name, field_name)

    def column_at(self, i: int) -> str:
        for key, j in self.index.items():
            if j == i:
                return self.written[key]
        return str(i + 1)


_NONE: tuple = ()  # what a check returns when the row passes it


def _row_text(cells: Sequence[Any], all_text: bool) -> str | None:
    """The row's text cells joined (what the formula check looks in), or None for a blank row."""
    if all_text:  # csv.reader yields only strings
        joined = "".join(cells)
        return None if not joined or joined.isspace() else joined
    joined = "".join(c for c in cells if type(c) is str)
    if (not joined or joined.isspace()) and all(c is None or type(c) is str for c in cells):
        return None
    return joined


# Each check takes one row and returns its problems (an empty tuple when it passes).

def _formulas(layout: _Layout, number: int, cells: Sequence[Any], joined: str) -> Sequence[RowProblem]:
    """Cells holding a spreadsheet formula: their text means nothing, so the row is checked no further."""
    if "=" not in joined:
        return _NONE
    return [RowProblem(number, layout.column_at(i), t("holds a spreadsheet formula; import values, not formulas"))
            for i, cell in enumerate(cells)
            if type(cell) is str and cell.lstrip()[:1] == "=" and i not in layout.skipped]


def _headerless(layout: _Layout, number: int, cells: Sequence[Any]) -> Sequence[RowProblem]:
    """Values in columns without a header (a headerless column, or cells past the last header)."""
    n = len(cells)
    if n <= layout.width and not layout.unnamed:
        return _NONE
    return [RowProblem(number, str(i + 1), t("has a value but no header; name the column or clear it"))
            for i in (*layout.unnamed, *range(layout.width, n)) if i < n and not blank(cells[i])]


def _field_values(layout: _Layout, labels_seen: dict[str, dict[Any, str | None]], number: int,
                  cells: Sequence[Any], today: dt.date) -> tuple[dict[str, Any], dict[str, str | None],
                                                                 list[RowProblem]]:
    """Each value cleaned by its rule (``juwei.rules.records``): the member's values, the household, group
    and address, and a problem for each value that is not allowed."""
    errors: list[FieldError] = []
    member = clean_member({k: cells[i] for k, i in layout.member_idx}, problems=errors, today=today)
    labels: dict[str, str | None] = {}
    for key, i in layout.label_idx:
        cell, memo = cells[i], labels_seen[key]
        if cell in memo:  # households, groups and addresses repeat from row to row
            labels[key] = memo[cell]
            continue
        try:
            labels[key] = memo[cell] = clean_label(key, cell, LIMITS[key])
        except FieldError as exc:
            errors.append(exc)
    if layout.rights_i is not None:
        cell = cells[layout.rights_i]
        try:
            deprived, start, until = _rights(cell) if type(cell) is str or cell is None else political_rights(cell)
            member["rights_deprived_from"] = start if deprived else None
            member["rights_deprived_until"] = until if deprived else None
        except FieldError as exc:
            errors.append(exc)
    if not errors:
        return member, labels, []
    return member, labels, [RowProblem(number, layout.column(_base(exc.field)), safe_echo(exc.reason))
                            for exc in errors]


def _household_given(layout: _Layout, number: int, household: str | None, group: str | None,
                     address: str | None) -> Sequence[RowProblem]:
    """A group or an address belongs to a household: a row naming one names its household too."""
    if household is not None or not (group or address):
        return _NONE
    where = "household" if "household" in layout.index else ("group" if group else "address")
    return [RowProblem(number, layout.column(where), t("a group or address belongs to a household: give the "
                                                       "household number (户号) too"))]


def _duplicate(layout: _Layout, first_row_of: dict[Any, int], number: int, member: dict[str, Any],
               household: str | None) -> Sequence[RowProblem]:
    """One person, one row: the same ID number twice (or, without one, the same name, household and birth)."""
    if "id_number" not in member and "name" not in member:
        return _NONE
    key = (member["id_number"] if member.get("id_number")
           else ("name", member.get("name"), household, member.get("birth_date")))
    earlier = first_row_of.get(key)
    if earlier is None:
        first_row_of[key] = number
        return _NONE
    what = t("the same ID number as row {row}", row=earlier) if type(key) is str else \
        t("the same name, household and birth date as row {row}, and no ID number", row=earlier)
    return [RowProblem(number, layout.column("id_number"), what)]


def _same_household(layout: _Layout, households: dict[str, HouseholdSpec], number: int, household: str | None,
                    group: str | None, address: str | None) -> Sequence[RowProblem]:
    """A household has one group and one address, however many rows name it (the first row naming each
    sets it)."""
    if household is None:
        return _NONE
    spec = households.get(household)
    if spec is None:
        households[household] = HouseholdSpec(household, group, address, number,
                                              number if group else 0, number if address else 0)
        return _NONE
    problems: list[RowProblem] = []
    for field, value in (("group", group), ("address", address)):
        if not value:
            continue
        first = getattr(spec, field)
        if first is None:  # the first row that names it sets it
            setattr(spec, field, value)
            setattr(spec, f"{field}_row", number)
        elif first != value:
            row = getattr(spec, f"{field}_row")
            message = t("household {household} is in group '{group}' at row {row}", household=household,
                        group=first, row=row) if field == "group" else \
                t("household {household} has another address at row {row}", household=household, row=row)
            problems.append(RowProblem(number, layout.column(field), message))
    return problems


def _party_age(layout: _Layout, number: int, member: dict[str, Any], today: dt.date) -> Sequence[RowProblem]:
    """A warning, not a problem: a party member younger than the Party Constitution allows."""
    if not (member.get("party_member") and too_young_for_party(member.get("birth_date"), today)):
        return _NONE
    return [RowProblem(number, layout.column("party_member"), t(
        "a party member must be at least {age} (Party Constitution, Article 1), but was born {born} "
        "(aged {years} on {today}); check the row", age=PARTY_MEMBERSHIP_AGE, born=member["birth_date"],
        years=age_on(member["birth_date"], today), today=today))]


def validate(sheet: Sheet, progress: Progress | None = None, *, sink: Callable[[Entry], None] | None = None,
             state: Validated | None = None, today: dt.date | None = None) -> Validated:
    """Validate every row; raise :class:`ImportRefused` listing every problem.

    Valid rows go to ``sink`` as they are read, while no problem has been found (the writer streams them
    into the open transaction), else into ``state.entries``. ``state`` fills as the rows are read.
    Births are checked against ``today`` (no birth in the future), and a party member younger than
    :data:`PARTY_MEMBERSHIP_AGE` on ``today`` is a warning in ``state.warnings``.
    """
    state = state if state is not None else Validated()
    today = today or dt.date.today()
    layout = _Layout.of(sheet)
    state.columns = frozenset(layout.index)
    state.ignored_columns, state.written = layout.ignored, layout.written
    width = layout.width
    problems: list[RowProblem] = []
    take = sink if sink is not None else state.entries.append
    first_row_of: dict[Any, int] = {}  # ID number (or name, household, birth) → first row
    labels_seen: dict[str, dict[Any, str | None]] = {key: {} for key, _ in layout.label_idx}
    all_text = sheet.format == "csv"
    households, groups, warnings = state.households, state.groups, state.warnings
    done = 0
    pending: list[tuple[int, Sequence[Any]]] = []  # rows of one filled cell: footer lines if nothing follows
    name_i = layout.index.get("name")

    def check(number: int, cells: Sequence[Any], joined: str) -> None:
        nonlocal problems
        formulas, headerless = _formulas(layout, number, cells, joined), _headerless(layout, number, cells)
        if formulas or headerless:  # the cells' text means nothing: do not validate it further
            problems += formulas
            problems += headerless
            return
        if len(cells) < width:
            cells = (*cells, *(None,) * (width - len(cells)))
        member, labels, row_problems = _field_values(layout, labels_seen, number, cells, today)
        household, group, address = labels.get("household"), labels.get("group"), labels.get("address")
        row_problems += _household_given(layout, number, household, group, address)
        row_problems += _duplicate(layout, first_row_of, number, member, household)
        row_problems += _same_household(layout, households, number, household, group, address)
        if group:
            groups[group] = None
        warnings.extend(_party_age(layout, number, member, today))
        if row_problems:
            problems.extend(row_problems)
        elif not problems:  # once anything is wrong, only problems are collected
            take(Entry(number, member, household))
        state.rows += 1

    for number, cells in sheet.rows:
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress("validate", done, sheet.total)
        joined = _row_text(cells, all_text)
        if joined is None:
            continue  # a blank row
        if joined and footer_label(cells):  # 制表人：…, 审核人：…, 合计…: never a resident
            state.footer_rows.append(number)
            continue
        if filled_cells(cells) == 1 and not (name_i is not None and name_i < len(cells)
                                             and looks_like_name(cells[name_i])):
            pending.append((number, cells))  # a lone cell, not a name: a resident only if a resident follows it
            continue
        for early, lone in pending:
            check(early, lone, _row_text(lone, all_text) or "")
        pending.clear()
        check(number, cells, joined)
    state.footer_rows.extend(number for number, _ in pending)
    state.footer_rows.sort()
    if problems:
        rows = len({p.row for p in problems})
        raise ImportRefused(t("{file}: {rows} row(s) have problems; nothing was imported",
                              file=sheet.path.name, rows=rows), problems)
    if progress is not None:
        progress("validate", done, done)
    return state


def _base(field_name: str) -> str:
    return "political_rights" if field_name.startswith("rights_deprived") else field_name


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
    warnings: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # headers of the columns not imported
    footer_rows: list[int] = field(default_factory=list)  # lines under the table skipped (row numbers)
    skipped_voided: int = 0  # rows naming a resident voided as entered by mistake, skipped
    missing: int = 0  # residents on the roster the file does not name (moved out?)
    # A dry run's details (at most DETAIL_LIMIT of each): who would be added, what would change, who is missing.
    new_members: list[dict[str, Any]] = field(default_factory=list)
    changed_members: list[dict[str, Any]] = field(default_factory=list)
    missing_members: list[dict[str, Any]] = field(default_factory=list)


def sensitive_columns(headers: Sequence[str]) -> list[str]:
    """The ignored columns that hold sensitive personal information (民族, 宗教信仰): never kept."""
    return [h for h in headers if header_key(h) in SENSITIVE]


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while hundreds of thousands of rows are alive: it would
    traverse them all again and again and find nothing (the rows hold no reference cycles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_file(path: str | Path, progress: Progress | None = None, *,
              today: dt.date | None = None) -> tuple[Sheet, Validated]:
    """Read and validate the whole file without a database (tests, previews): every valid row is kept
    in ``entries``; refuses with every bad row listed."""
    sheet = read_sheet(Path(path))
    try:
        with _no_cycle_collection():
            return sheet, validate(sheet, progress, today=today)
    finally:
        sheet.close()


def import_members(scope: Any, path: str | Path, *, dry_run: bool = False,
                   progress: Progress | None = None) -> ImportReport:
    """Import the file in the scope's one transaction: rows are validated as they stream in and written
    in chunks while every row so far is valid; the first bad row stops the writing, the rest are only
    checked, and the refusal (listing every bad row) rolls the whole transaction back. Memory stays
    flat as the file grows. With ``dry_run`` nothing is written; the counts say what would be."""
    sheet = read_sheet(Path(path))
    try:
        with _no_cycle_collection():
            state = Validated()
            writer = _Writer(scope, sheet, state, dry_run=dry_run)
            validate(sheet, progress, sink=writer.add, state=state, today=scope.today)
            writer.flush()
            writer.missing()
            writer.finish()
    finally:
        sheet.close()
    return writer.report()


class _Writer:
    """Writes valid rows in chunks: groups and households as needed, then members (bulk). Updated rows get
    one audit event each, with their before and after (``audit.record_many``); the rows the import added
    get one event per table at the end, holding each new row's fingerprint (``audit.record_set``)."""

    CHUNK = 5000
    LOOKUP = 500  # ID numbers per `IN (…)` query

    def __init__(self, scope: Any, sheet: Sheet, state: Validated, *, dry_run: bool):
        from sqlalchemy import func, select

        from juwei.storage.models import Household, Member, ResidentsGroup
        from juwei.storage.models.base import utcnow

        self.scope, self.sheet, self.state, self.dry_run = scope, sheet, state, dry_run
        self.session, self.cid = scope.session, scope.community_id
        self.now = utcnow()
        self.buffer: list[Entry] = []
        self.groups: dict[str, int] = dict(self.session.execute(select(ResidentsGroup.name, ResidentsGroup.id)
                                                                .where(ResidentsGroup.community_id == self.cid)).all())
        # 户号 → (id, group id, address) for the community's households (thousands, not members).
        self.households: dict[str, tuple[int | None, int | None, str | None]] = {
            number: (hid, gid, address) for hid, number, gid, address in self.session.execute(
                select(Household.id, Household.number, Household.group_id, Household.address)
                .where(Household.community_id == self.cid)).all()}
        self.created_households: set[str] = set()
        # 户号 → the day it was voided: a file naming a voided household is refused (its number stays taken).
        self.voided_households: dict[str, dt.date] = dict(self.session.execute(
            select(Household.number, Household.voided_on).execution_options(include_voided=True)
            .where(Household.community_id == self.cid, Household.voided_on.is_not(None))).all())
        self.refusals: list[RowProblem] = []
        self.matched: set[int] = set()  # members on the roster the file names
        self.placeholders = 0  # a dry run's ids for the households it would add
        self.details: dict[str, list[dict[str, Any]]] = {"new_members": [], "changed_members": [],
                                                         "missing_members": []}
        # Rows above these ids are the ones this import adds (the transaction holds the write lock).
        self.max_ids = {table: self.session.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()
                        for table, model in (("household", Household), ("member", Member))}
        self.counts = dict(added=0, updated=0, unchanged=0, groups_added=0, households_added=0,
                           households_updated=0, skipped_voided=0, missing=0)

    def add(self, entry: Entry) -> None:
        self.buffer.append(entry)
        if len(self.buffer) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        chunk, self.buffer = self.buffer, []
        self._groups()
        self._households(chunk)
        self._members(chunk)

    def _groups(self) -> None:
        new = [g for g in self.state.groups if g not in self.groups]
        if not new:
            return
        self.counts["groups_added"] += len(new)
        if self.dry_run:
            self.groups.update({g: -1 for g in new})  # a placeholder id: counts only
            return
        from juwei.services.roster import add_group

        for name in new:  # a handful per roster; each through the roster service, audited
            self.groups[name] = add_group(self.scope, name).id

    def _households(self, chunk: list[Entry]) -> None:
        from juwei.services import audit
        from juwei.storage import bulk
        from juwei.storage.models import Household

        new: list[dict[str, Any]] = []
        changed: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for number in dict.fromkeys(e.household for e in chunk if e.household):
            spec = self.state.households[number]
            if number in self.voided_households:
                if number not in self.households:
                    self.households[number] = (None, None, None)
                    self.refusals.append(RowProblem(spec.row, self._column("household"), t(
                        "household {household} was voided on {day} as entered by mistake; its number cannot be "
                        "used again", household=number, day=self.voided_households[number])))
                continue
            gid = self.groups.get(spec.group) if spec.group else None
            known = self.households.get(number)
            if known is None:
                new.append({"community_id": self.cid, "number": number, "address": spec.address,
                            "group_id": gid, "representative_id": None, "created_at": self.now})
                continue
            hid, old_gid, old_address = known
            if (spec.group and gid != old_gid) or (spec.address and spec.address != old_address):
                # The file is the roster: a household that moved group or address is updated. (One created
                # earlier in this import whose group only a later row names is completed the same way.)
                before = {"id": hid, "number": number, "group_id": old_gid, "address": old_address}
                after = {"id": hid, "number": number, "group_id": gid if spec.group else old_gid,
                         "address": spec.address or old_address}
                changed.append((before, after))
                self.households[number] = (hid, after["group_id"], after["address"])
                if number not in self.created_households:
                    self.counts["households_updated"] += 1
        self.counts["households_added"] += len(new)
        if self.dry_run or self.refusals:
            for row in new:  # a placeholder id each, so members compare households as they would
                self.placeholders -= 1
                self.households[row["number"]] = (self.placeholders, row["group_id"], row["address"])
            return
        ids = bulk.insert_rows(self.session, Household, new)
        for new_id, row in zip(ids, new):
            self.households[row["number"]] = (new_id, row["group_id"], row["address"])
            self.created_households.add(row["number"])
        changed = [(b, a) for b, a in changed if a["id"] is not None]
        bulk.update_rows(self.session, Household, [{"id": a["id"], "group_id": a["group_id"],
                                                    "address": a["address"]} for _, a in changed])
        # Households this import created are recorded with their final state when it finishes.
        changed = [(b, a) for b, a in changed if a["number"] not in self.created_households]
        audit.record_many(self.scope, "household.update", "household", [a for _, a in changed],
                          before=[b for b, _ in changed])

    def _existing(self, chunk: list[Entry]) -> tuple[dict[str, Any], dict[tuple, Any]]:
        """The chunk's members already on the roll: by ID number, and (without one) by name, household
        and birth date."""
        from sqlalchemy import select

        from juwei.storage.models import Member

        table = Member.__table__
        wanted = [table.c[c] for c in ("id", "voided_on", *MEMBER_COLUMNS)]
        by_id: dict[str, Any] = {}
        by_name: dict[tuple, Any] = {}
        numbers = [e.member["id_number"] for e in chunk if e.member.get("id_number")]
        for i in range(0, len(numbers), self.LOOKUP):
            for row in self.session.execute(select(*wanted).where(
                    table.c.community_id == self.cid, table.c.id_number.in_(numbers[i:i + self.LOOKUP]))):
                by_id[row.id_number] = row._mapping
        names = list({e.member.get("name") for e in chunk if not e.member.get("id_number")})
        for i in range(0, len(names), self.LOOKUP):
            for row in self.session.execute(select(*wanted).where(
                    table.c.community_id == self.cid, table.c.id_number.is_(None),
                    table.c.name.in_(names[i:i + self.LOOKUP]))):
                by_name[(row.name, row.household_id, row.birth_date)] = row._mapping
        return by_id, by_name

    def _members(self, chunk: list[Entry]) -> None:
        from juwei.services import audit
        from juwei.storage import bulk
        from juwei.storage.models import Member

        fields = self.state.columns
        columns = [c for c in MEMBER_COLUMNS
                   if c in fields or c == "name"
                   or (c in ("birth_date", "gender") and "id_number" in fields)
                   or (c == "household_id" and "household" in fields)
                   or (c.startswith("rights_deprived") and "political_rights" in fields)]
        by_id, by_name = self._existing(chunk)
        to_add: list[dict[str, Any]] = []
        to_update: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for entry in chunk:
            values = entry.member
            values["household_id"] = self.households[entry.household][0] if entry.household else None
            number = values.get("id_number")
            found = by_id.get(number) if number else by_name.get((values.get("name"), values["household_id"],
                                                                  values.get("birth_date")))
            if found is not None and found["voided_on"] is not None:
                # The row names a resident voided as entered by mistake: not brought back by an import.
                self.counts["skipped_voided"] += 1
                self.state.warnings.append(RowProblem(entry.row, self._column("id_number" if number else "name"), t(
                    "names member {id}, voided on {day} as entered by mistake; the row is skipped",
                    id=found["id"], day=found["voided_on"])))
                continue
            if found is None:
                row = {c: values.get(c) for c in MEMBER_COLUMNS}
                row["party_member"] = bool(row["party_member"])
                to_add.append(row)
                self._detail("new_members", {"row": entry.row, "name": row["name"], "household": entry.household})
                continue
            self.matched.add(found["id"])
            changes = {c: values[c] for c in columns if c in values and values[c] != found[c]}
            if "party_member" in changes and bool(changes["party_member"]) == bool(found["party_member"]):
                del changes["party_member"]
            if not changes:
                self.counts["unchanged"] += 1
                continue
            before = {c: found[c] for c in ("id", *MEMBER_COLUMNS)}
            to_update.append((before, {**before, **changes}))
            self._detail("changed_members", {"row": entry.row, "id": found["id"], "name": found["name"],
                                             "changes": self._changes(found, changes, entry.household)})
        self.counts["added"] += len(to_add)
        self.counts["updated"] += len(to_update)
        if self.dry_run or self.refusals:
            return
        for row in to_add:
            row.update(community_id=self.cid, created_at=self.now, updated_at=self.now)
        bulk.insert_rows(self.session, Member, to_add)
        bulk.update_rows(self.session, Member, [{**{c: a[c] for c in columns}, "id": a["id"],
                                                 "updated_at": self.now} for _, a in to_update])
        audit.record_many(self.scope, "member.import_update", "member", [a for _, a in to_update],
                          before=[b for b, _ in to_update])

    def _column(self, field_name: str) -> str:
        return self.state.written.get(field_name, field_name)

    def _detail(self, part: str, item: dict[str, Any]) -> None:
        """A dry run names who would be added, changed or missed (the first DETAIL_LIMIT of each)."""
        if self.dry_run and len(self.details[part]) < DETAIL_LIMIT:
            self.details[part].append(item)

    def _changes(self, found: Any, changes: dict[str, Any], household: str | None) -> dict[str, list[Any]]:
        """field → [before, after], with households by their number, for a dry run's report."""
        if not self.dry_run:
            return {}
        out: dict[str, list[Any]] = {}
        for key, value in changes.items():
            if key == "household_id":
                numbers = {hid: number for number, (hid, _, _) in self.households.items()}
                out["household"] = [numbers.get(found[key]) if found[key] is not None else None, household]
            else:
                out[key] = [found[key], value]
        return out

    def missing(self) -> None:
        """Residents on the roster today whom the file does not name: a hint they may have moved out."""
        from sqlalchemy import or_, select

        from juwei.storage.models import Household, Member

        rows = self.session.execute(
            select(Member.id, Member.name, Household.number)
            .join(Household, Member.household_id == Household.id, isouter=True)
            .where(Member.community_id == self.cid, Member.id <= self.max_ids["member"],  # not the ones added
                   or_(Member.moved_out.is_(None), Member.moved_out > self.scope.today))
            .order_by(Household.number, Member.name, Member.id)).all()
        for member_id, name, number in rows:
            if member_id in self.matched:
                continue
            self.counts["missing"] += 1
            self._detail("missing_members", {"id": member_id, "name": name, "household": number})

    def finish(self) -> None:
        """One audit event per table for the rows this import added (see :func:`audit.record_set`); a file
        naming a voided household is refused here, the whole transaction rolled back."""
        if self.refusals:
            raise ImportRefused(t("{file}: {rows} row(s) have problems; nothing was imported",
                                  file=self.sheet.path.name, rows=len({p.row for p in self.refusals})),
                                self.refusals)
        if self.dry_run:
            return
        from juwei.services import audit

        source = self.sheet.path.name
        if self.counts["households_added"]:
            audit.record_set(self.scope, "household.import", "household", self.max_ids["household"], source=source)
        if self.counts["added"]:
            audit.record_set(self.scope, "member.import", "member", self.max_ids["member"], source=source)

    def report(self) -> ImportReport:
        sheet = self.sheet
        return ImportReport(file=sheet.path.name, format=sheet.format, encoding=sheet.encoding,
                            sheet=sheet.sheet, rows=self.state.rows, dry_run=self.dry_run,
                            warnings=self.state.warnings, ignored_columns=self.state.ignored_columns,
                            footer_rows=self.state.footer_rows, **self.counts, **self.details)
