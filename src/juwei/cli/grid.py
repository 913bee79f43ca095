"""juwei grid: grid responsibility (包片联户, 网格, S11, S13) — who is responsible for which household, the blind
spots, household visits, and the board sheet."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from juwei.cli._common import JSON_OPTION, created, emit_json, info, parse_date_option, scope, table, warn
from juwei.i18n import t

app = typer.Typer(no_args_is_help=True)

PERSON = typer.Argument(..., help="Member id, ID number, or the name of a post holder not on the roster.")
GROUP = typer.Option(None, "--group", help="Every household of this residents' group.")
HOUSEHOLDS = typer.Option(None, "--household", help="A household number (repeat for several).")


@app.command()
def assign(
    ctx: typer.Context,
    person: str = PERSON,
    group: Optional[str] = GROUP,
    household: Optional[List[str]] = HOUSEHOLDS,
    on: Optional[str] = typer.Option(None, "--from", help="From this date (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Put households under a responsible person (one per household, S11, S13)."""
    from juwei.services.grid import assign as assign_households

    day = parse_date_option(on, "--from")
    with scope(ctx, write=True) as sc:
        done = assign_households(sc, person, group=group, households=household or [], on=day)
    if as_json:
        emit_json({"person": done.person, "assigned": [a.household_id for a in done.added], "already": done.already})
        return
    info(t("{n} household(s) now under {name}", n=len(done.added), name=done.person))
    if done.already:
        info(t("{n} household(s) were already under {name}", n=done.already, name=done.person))


@app.command()
def unassign(
    ctx: typer.Context,
    person: Optional[str] = typer.Argument(None, help="Only this person's households (all of them when nothing "
                                                      "else is named)."),
    group: Optional[str] = GROUP,
    household: Optional[List[str]] = HOUSEHOLDS,
    on: Optional[str] = typer.Option(None, "--on", help="The last day of the responsibility (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """End responsibility for households; they are blind spots until someone else takes them."""
    from juwei.services.grid import unassign as unassign_households

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        rows = unassign_households(sc, person, group=group, households=household or [], on=day)
    if as_json:
        emit_json({"unassigned": [a.household_id for a in rows]})
        return
    info(t("{n} household(s) no longer under a responsible person", n=len(rows)))


@app.command("list")
def list_(
    ctx: typer.Context,
    person: Optional[str] = typer.Argument(None, help="Only this person's households."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Who is responsible for which household, by group and household number."""
    from juwei.services.grid import list_grid

    with scope(ctx) as sc:
        rows = list_grid(sc, person)
    if as_json:
        emit_json(rows)
        return
    table(t("Grid responsibility ({n})", n=len(rows)),
          [t("household"), t("group"), t("member"), t("responsible"), t("responsible from")],
          [(r.household, r.group, r.member_id, r.name, r.since) for r in rows])


@app.command()
def check(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="On this date (default today)."),
    unvisited: Optional[str] = typer.Option(None, "--unvisited", metavar="DAYS",
                                            help="Also the households without a visit in this time, e.g. 90d."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Blind spots: households nobody is responsible for, and committee members and staff responsible for none."""
    from juwei.rules.grid import parse_days
    from juwei.services.grid import check as check_grid

    day = parse_date_option(on, "--on")
    days = None
    if unvisited is not None:
        from juwei.errors import ValidationError

        try:
            days = parse_days(unvisited)
        except ValidationError as exc:
            raise ValidationError(f"--unvisited: {exc.message}") from None
    with scope(ctx) as sc:
        found = check_grid(sc, day, unvisited_days=days)
    if as_json:
        def plain(households):  # tens of thousands of rows: dicts made here, not through dataclasses.asdict
            return [{"id": h.id, "number": h.number, "group": h.group} for h in households]

        data = {"on": found.on, "households": plain(found.households), "people": found.people}
        if days is not None:
            data.update(unvisited_days=days, unvisited=plain(found.unvisited))
        emit_json(data)
        return
    if not found.households and not found.people:
        info(t("no blind spots on {day}: every household has a responsible person (不留盲区)", day=found.on))
    if found.households:
        table(t("Households with no responsible person ({n})", n=len(found.households)),
              [t("household"), t("group")], [(h.number, h.group) for h in found.households])
    if found.people:
        table(t("Committee members and staff responsible for no household ({n})", n=len(found.people)),
              [t("member"), t("name"), t("posts")], [(p.member_id, p.name, "、".join(p.posts)) for p in found.people])
    if days is not None:
        table(t("Households not visited in {n} days ({count})", n=days, count=len(found.unvisited)),
              [t("household"), t("group")], [(h.number, h.group) for h in found.unvisited])


@app.command()
def visit(
    ctx: typer.Context,
    household: str = typer.Argument(..., help="The household's number."),
    by: str = typer.Option(..., "--by", help="Who visited: member id, ID number, or a post holder's name."),
    on: str = typer.Option(..., "--on", help="The day of the visit."),
    note: Optional[str] = typer.Option(None, "--note", help="What was found or asked for."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a household visit (入户走访)."""
    from juwei.services.grid import visit as record_visit

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        row = record_visit(sc, household, by, on=day, note=note)
    created(row.id, as_json, t("visit on {day}", day=row.day))


@app.command()
def render(
    ctx: typer.Context,
    doc: str = typer.Option(..., "--doc", metavar="DOC", help="Which document: board."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="md|html|pdf",
                                      help="Markdown, print-ready HTML, or a PDF printed from it with headless "
                                           "Chromium (default: from --out's extension, else md)."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="zh_CN|en",
                                       help="The document's language (default: the community's locale)."),
    on: Optional[str] = typer.Option(None, "--on", help="On this date (default today)."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Write here instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
) -> None:
    """The board sheet: who is responsible for which groups, with the office phone (no residents' data)."""
    from juwei import render as documents
    from juwei.cli._common import format_for
    from juwei.cli._export import emit_document, pdf_wanted
    from juwei.i18n import speaking
    from juwei.render.grid import render_board
    from juwei.services import files as outputs
    from juwei.services.documents import check_choice
    from juwei.services.grid import board

    check_choice(doc, ("board",), "doc")
    if fmt is not None:
        check_choice(fmt, (*documents.FORMATS, "pdf"), "fmt")
    if lang is not None:
        check_choice(lang, documents.LANGUAGES, "lang")
    kind = format_for(out, fmt)
    chromium = pdf_wanted(ctx, out) if kind == "pdf" else None
    if out is not None:
        out = outputs.out_file(out, force=force, make_folder=True)
    day = parse_date_option(on, "--on")
    with scope(ctx) as sc:
        language = lang or sc.community.locale
        with speaking(language):
            sheet = board(sc, day)
    if sheet.office_phone is None:
        warn(t("no office phone is set: `juwei community set office_phone NUMBER`"))
    text = render_board(sheet, language, "html" if kind == "pdf" else kind)
    emit_document(text, out, lang=language, force=force, chromium=chromium, as_json=False)
