"""juwei member: residents (居民)."""

from __future__ import annotations

import contextlib
from typing import Any, Optional

import typer

from juwei.cli._common import (JSON_OPTION, REVEAL_OPTION, cell, created, emit_json, info, key_values,
                               parse_date_option, plain, private, scope, table, warn, yes_no)
from juwei.cli._export import FORCE, SHEET_FORMAT, SHEET_OUT, sheet_out, write_sheet
from juwei.i18n import label, t

app = typer.Typer(no_args_is_help=True)


def _mask(row, reveal: bool) -> tuple[str, str]:
    from juwei.rules.privacy import mask_id, mask_phone

    if reveal:
        return row.id_number or "", row.phone or ""
    return mask_id(row.id_number), mask_phone(row.phone)


def member_json(rows, reveal: bool) -> list[dict[str, Any]]:
    out = []
    for row in private(rows, reveal):
        data = plain(row)
        data["id_number"], data["phone"] = _mask(row, reveal)
        out.append(data)
    return out


def member_table(title: str, rows, reveal: bool) -> None:
    table(title, member_headers(), member_rows(rows, reveal))


def member_headers() -> list[str]:
    return [t("id"), t("name"), t("gender"), t("born"), t("ID number"), t("phone"), t("group"), t("household"),
            t("party"), t("status")]


def member_rows(rows, reveal: bool) -> list[tuple]:
    """What the table shows of each resident (a spreadsheet gets the same, its dates as dates)."""
    return [(r.id, r.name, label("gender", r.gender), r.birth_date, *_mask(r, reveal), r.group, r.household,
             yes_no(r.party_member), _status(r)) for r in private(rows, reveal)]


def _status(row) -> str:
    if row.moved_out:
        return t("left {day}", day=row.moved_out)
    if row.rights_deprived:
        return t("rights deprived")
    return ""


def _values(**given: Any) -> dict[str, Any]:
    """The fields the clerk actually gave (None means not given)."""
    return {k: v for k, v in given.items() if v is not None}


@app.command()
def add(
    ctx: typer.Context,
    name: str = typer.Option(..., "--name", help="Full name (姓名)."),
    id_number: Optional[str] = typer.Option(None, "--id-number", help="18-character ID number (身份证号)."),
    birth_date: Optional[str] = typer.Option(None, "--birth-date", help="Birth date (derived from the ID number)."),
    gender: Optional[str] = typer.Option(None, "--gender", help="M/F or 男/女 (derived from the ID number)."),
    household: Optional[str] = typer.Option(None, "--household", help="Household number (户号)."),
    phone: Optional[str] = typer.Option(None, "--phone", help="Phone (电话)."),
    party_member: Optional[bool] = typer.Option(None, "--party-member/--not-party-member", help="党员."),
    moved_in: Optional[str] = typer.Option(None, "--moved-in", help="Date moved in."),
    rights_deprived_from: Optional[str] = typer.Option(None, "--rights-deprived-from",
                                                       help="Political rights deprived from (inclusive)."),
    rights_deprived_until: Optional[str] = typer.Option(None, "--rights-deprived-until",
                                                        help="… until (inclusive)."),
    note: Optional[str] = typer.Option(None, "--note"),
    relationship: Optional[str] = typer.Option(None, "--relationship",
                                               help="Relationship to the head of household (与户主关系): 户主, 配偶, 子…"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Add a resident; prints the new member id."""
    from juwei.services.roster import add_member

    values = _values(name=name, id_number=id_number, birth_date=birth_date, gender=gender, phone=phone,
                     party_member=party_member, moved_in=moved_in, rights_deprived_from=rights_deprived_from,
                     rights_deprived_until=rights_deprived_until, note=note, relationship=relationship)
    with scope(ctx, write=True) as sc:
        member = add_member(sc, values, household=household)
    created(member.id, as_json)


@app.command()
def update(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="Member id or ID number."),
    name: Optional[str] = typer.Option(None, "--name"),
    id_number: Optional[str] = typer.Option(None, "--id-number"),
    birth_date: Optional[str] = typer.Option(None, "--birth-date"),
    gender: Optional[str] = typer.Option(None, "--gender"),
    household: Optional[str] = typer.Option(None, "--household", help="Household number; '' to clear."),
    phone: Optional[str] = typer.Option(None, "--phone"),
    party_member: Optional[bool] = typer.Option(None, "--party-member/--not-party-member"),
    moved_in: Optional[str] = typer.Option(None, "--moved-in"),
    rights_deprived_from: Optional[str] = typer.Option(None, "--rights-deprived-from"),
    rights_deprived_until: Optional[str] = typer.Option(None, "--rights-deprived-until"),
    note: Optional[str] = typer.Option(None, "--note"),
    relationship: Optional[str] = typer.Option(None, "--relationship",
                                               help="Relationship to the head of household (与户主关系); '' to clear."),
) -> None:
    """Change a resident's recorded facts (only the options given)."""
    from juwei.errors import ValidationError
    from juwei.services.roster import update_member

    values = _values(name=name, id_number=id_number, birth_date=birth_date, gender=gender, phone=phone,
                     party_member=party_member, moved_in=moved_in, rights_deprived_from=rights_deprived_from,
                     rights_deprived_until=rights_deprived_until, note=note, relationship=relationship)
    if not values and household is None:
        raise ValidationError(t("nothing to change: give at least one option (see --help)"))
    with scope(ctx, write=True) as sc:
        row = update_member(sc, member, values, household=household)
    info(t("updated member {id}", id=row.id))


@app.command()
def leave(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="Member id or ID number."),
    on: str = typer.Option(..., "--on", help="Date the member moved out (or died)."),
    reason: Optional[str] = typer.Option(None, "--reason", help="e.g. 迁出, 去世."),
) -> None:
    """Record that a resident left. The record stays: past meetings still show them."""
    from juwei.services.roster import member_leaves

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        row = member_leaves(sc, member, day, reason)
    info(t("member {id} left on {day}", id=row.id, day=day))


@app.command()
def void(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="Member id or ID number."),
    reason: str = typer.Option(..., "--reason", help="Why the entry was a mistake (kept in the audit trail)."),
) -> None:
    """Void a resident entered by mistake (作废): kept in the audit trail, gone from every list, body, roll and
    count. Refused once they sit on a meeting's roll or hold a post; a resident who moved away is `leave`."""
    from juwei.services.roster import void_member

    with scope(ctx, write=True) as sc:
        row = void_member(sc, member, reason)
    info(t("member {id} voided on {day}: {reason}", id=row.id, day=row.voided_on, reason=row.void_reason))


@app.command("list")
def list_(
    ctx: typer.Context,
    group: Optional[str] = typer.Option(None, "--group"),
    household: Optional[str] = typer.Option(None, "--household"),
    name: Optional[str] = typer.Option(None, "--name", help="Names containing this text."),
    include_left: bool = typer.Option(False, "--all", help="Include members who have left."),
    on: Optional[str] = typer.Option(None, "--on", help="Residents on this date (default today)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    fmt: Optional[str] = SHEET_FORMAT,
    out: Optional[str] = SHEET_OUT,
    force: bool = FORCE,
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """Residents, by group and household; ID numbers and phones masked unless --reveal."""
    from juwei.services.roster import list_members

    sheet = sheet_out(ctx, fmt, out, force, as_json)
    day = parse_date_option(on, "--on")
    with scope(ctx) as sc:
        rows = list_members(sc, group=group, household=household, name=name, include_left=include_left,
                            on=day, limit=limit)
    if as_json:
        emit_json(member_json(rows, reveal))
        return
    if sheet is not None:
        write_sheet(sheet, t("residents"), member_headers(), member_rows(rows, reveal))
        return
    member_table(t("Members ({n})", n=len(rows)), rows, reveal)


@app.command()
def show(ctx: typer.Context, member: str = typer.Argument(..., help="Member id or ID number."),
         as_json: bool = JSON_OPTION, reveal: bool = REVEAL_OPTION) -> None:
    """One resident, with household, group and representative terms."""
    from juwei.rules.privacy import mask_id, mask_phone
    from juwei.services.roster import member_detail

    with scope(ctx) as sc:
        row, household, group, reps = member_detail(sc, member)
    data = plain(row)
    for key in ("community_id", "voided_on", "void_reason"):  # a voided member is not found, so never shown
        data.pop(key, None)
    if not reveal:
        data["id_number"], data["phone"] = mask_id(row.id_number), mask_phone(row.phone)
    data["household"] = household.number if household else None
    data["group"] = group.name if group else None
    data["representative_terms"] = [plain(r) for r in reps]
    data = private(data, reveal)  # a number typed into a name or a note
    if as_json:
        emit_json(data)
        return
    shown = {"gender": lambda v: label("gender", v)}
    key_values(t("Member {id}", id=row.id), [(label("member field", k), shown.get(k, cell)(v))
                                              for k, v in data.items() if k != "representative_terms"])
    if reps:
        table(t("Representative terms"), [t("id"), t("kind"), t("basis"), t("from"), t("to"), t("ended")],
              [(r.id, label("representative kind", r.kind), label("ex officio basis", r.basis), r.term_start,
                r.term_end, r.ended_on) for r in reps])


@app.command("import")
def import_(
    ctx: typer.Context,
    file: str = typer.Argument(..., metavar="FILE", help="A .csv (UTF-8 or GB18030) or .xlsx roster."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Validate and report; write nothing."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Import residents from a spreadsheet: all rows or none. Columns: name, id_number, birth_date,
    gender, household, group, address, phone, political_rights, party_member, relationship (or 姓名, 身份证号,
    出生日期, 性别, 户号, 居民小组, 住址, 电话, 政治权利, 党员, 与户主关系); other columns are ignored with a
    warning, and the lines under the table (制表人, 合计, …) skipped. Re-importing updates members by ID
    number; --dry-run says who would be added, what would change and who is not in the file."""
    from juwei.services.importer import ImportRefused, import_members

    try:
        with _progress_bar(file) as progress, scope(ctx, write=not dry_run) as sc:
            report = import_members(sc, file, dry_run=dry_run, progress=progress)
    except ImportRefused as exc:
        if as_json:
            emit_json({"error": exc.message, "problems": exc.rows})
        raise
    _mask_changes(report)
    if as_json:
        emit_json(report)
        return
    from juwei.services.importer import sensitive_columns

    if report.ignored_columns:
        columns = t(", ").join(t("'{column}'", column=c) for c in report.ignored_columns)
        sensitive = sensitive_columns(report.ignored_columns)
        if sensitive:
            warn(t("columns not imported (juwei has no field for them): {columns}; {sensitive}: sensitive personal "
                   "information, never kept", columns=columns, sensitive=t(", ").join(sensitive)))
        else:
            warn(t("columns not imported (juwei has no field for them): {columns}", columns=columns))
    if report.footer_rows:
        warn(t("row(s) {rows} under the table are not residents (制表人, 审核人, 合计, a line of one cell) and "
               "were skipped", rows=t(", ").join(map(str, report.footer_rows))))
    for warning in report.warnings:
        warn(str(warning))
    counts = t("added {added}, updated {updated}, unchanged {unchanged}", added=report.added,
               updated=report.updated, unchanged=report.unchanged)
    source = t("{rows} rows from {file}", rows=report.rows, file=report.file)
    made = t("groups added {groups}, households added {households}, households updated {changed}",
             groups=report.groups_added, households=report.households_added, changed=report.households_updated)
    if dry_run:
        info(t("dry run, nothing written: would have {counts} ({source}); {made}", counts=counts,
               source=source, made=made))
        _dry_run_details(report)
    else:
        info(t("{counts} ({source}); {made}", counts=counts, source=source, made=made))
        if report.missing:
            warn(t("{n} resident(s) on the roster are not in the file: they may have moved out; "
                   "`juwei member import FILE --dry-run` names them", n=report.missing))


def _mask_changes(report) -> None:
    """ID numbers and phones in a dry run's changes are masked, as every list masks them."""
    from juwei.rules.privacy import mask_id, mask_phone

    masks = {"id_number": mask_id, "phone": mask_phone}
    for item in report.changed_members:
        for key, mask in masks.items():
            if key in item["changes"]:
                item["changes"][key] = [mask(v) if v else v for v in item["changes"][key]]


def _dry_run_details(report) -> None:
    """Who would be added, what would change for whom, and who on the roster the file does not name."""
    def more(shown: int, total: int) -> None:
        if total > shown:
            info(t("  … and {n} more", n=total - shown))

    def household(number) -> str:
        return t("household {number}", number=number) if number else t("no household")

    if report.new_members:
        info(t("new residents ({n}):", n=report.added))
        for m in report.new_members:
            info(t("  row {row}: {name}, {household}", row=m["row"], name=m["name"], household=household(m["household"])))
        more(len(report.new_members), report.added)
    if report.changed_members:
        info(t("updated residents ({n}):", n=report.updated))
        for m in report.changed_members:
            changes = t("; ").join(t("{field} {before} → {after}", field=label("member field", key),
                                     before=cell(before) if before not in (None, "") else "-",
                                     after=cell(after) if after not in (None, "") else "-")
                                   for key, (before, after) in m["changes"].items())
            info(t("  row {row}: {name} (member {id}): {changes}", row=m["row"], name=m["name"], id=m["id"],
                   changes=changes))
        more(len(report.changed_members), report.updated)
    if report.missing_members:
        info(t("on the roster but not in the file ({n}), perhaps moved out (`juwei member leave`):",
               n=report.missing))
        for m in report.missing_members:
            info(t("  member {id}: {name}, {household}", id=m["id"], name=m["name"],
                   household=household(m["household"])))
        more(len(report.missing_members), report.missing)


@contextlib.contextmanager
def _progress_bar(file: str):
    """A Rich progress bar on stderr for large files, only when stderr is a terminal."""
    import os
    import sys

    try:
        large = os.path.getsize(file) > 512 * 1024
    except OSError:
        large = False
    if not (large and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    labels = {"validate": t("importing rows")}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, Any] = {}

        def update(phase: str, done: int, total: int | None) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(labels.get(phase, phase), total=total)
            bar.update(tasks[phase], completed=done, total=max(total or 0, done) or None)

        yield update
