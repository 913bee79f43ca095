"""juwei disclose: the disclosure board (居务公开, S20–S26)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import (JSON_OPTION, REVEAL_OPTION, cell, created, emit_json, info, key_values,
                               parse_date_option, plain, private, scope, table)
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.disclosure import DisclosureCategory, DisclosureStatus

app = typer.Typer(no_args_is_help=True)

POST_ON = typer.Option(None, "--post-on", help="Planned first day on the board.")
TEMPLATES = typer.Option(None, "--templates", metavar="DIR",
                         help="Your own templates folder (same layout as the packaged one), tried first.")
CONTACT = typer.Option(None, "--contact", help="Who to ask or object to (the committee's office contact).")


def _body(body: Optional[str], body_file: Optional[str]) -> str:
    from juwei.errors import ValidationError

    if (body is None) == (body_file is None):
        raise ValidationError(t("give exactly one of --body TEXT or --body-file FILE.md"))
    if body_file is not None:
        from juwei.services.files import read_text

        return read_text(body_file, option="--body-file")
    return body or ""


@app.command()
def add(
    ctx: typer.Context,
    category: DisclosureCategory = code_option(
        DisclosureCategory, "disclosure category", ..., "--category",
        help="finance|resolution|decision|welfare|personnel|assembly|duties|gifts|other."),
    title: str = typer.Option(..., "--title"),
    body: Optional[str] = typer.Option(None, "--body", help="The text (Markdown)."),
    body_file: Optional[str] = typer.Option(None, "--body-file", help="The text from a Markdown file."),
    period: Optional[str] = typer.Option(None, "--period", help="2026-Q3, 2026-H1, 2026-07 or 2026."),
    from_meeting: Optional[int] = typer.Option(None, "--from-meeting", help="The meeting it comes from."),
    from_motion: Optional[int] = typer.Option(None, "--from-motion", help="The motion it comes from."),
    post_on: Optional[str] = POST_ON,
    until: Optional[str] = typer.Option(None, "--until", help="Last day on the board."),
    supersedes: Optional[int] = typer.Option(None, "--supersedes",
                                             help="This is a correction of disclosure D (both stay on record)."),
    contact: Optional[str] = CONTACT,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a disclosure (a draft until `post`); prints its id."""
    from juwei.services.disclosure import add_disclosure

    text = _body(body, body_file)
    start, end = parse_date_option(post_on, "--post-on"), parse_date_option(until, "--until")
    with scope(ctx, write=True) as sc:
        meeting_id, motion_id = from_meeting, from_motion
        if from_meeting is not None or from_motion is not None:
            from juwei.services.disclosure import check_meeting_refs

            meeting_id, motion_id = check_meeting_refs(sc, from_meeting, from_motion)
        row = add_disclosure(sc, category=category, title=title, body=text, period=period, post_on=start,
                             until=end, supersedes=supersedes, contact=contact, meeting_id=meeting_id,
                             motion_id=motion_id)
    created(row.id, as_json)


def _table(title: str, rows) -> None:
    table(title, [t("id"), t("category"), t("title"), t("period"), t("status"), t("posted"), t("until"),
                  t("supersedes"), t("superseded by")],
          [(r.id, label("disclosure category", r.category), r.title, r.period, label("disclosure status", r.status),
            r.posted_on, r.until, r.supersedes, r.superseded_by)
           for r in rows])


@app.command("list")
def list_(
    ctx: typer.Context,
    category: Optional[DisclosureCategory] = code_option(DisclosureCategory, "disclosure category", None,
                                                         "--category"),
    posted_on: Optional[str] = typer.Option(None, "--posted-on", help="Only those posted on this day."),
    on_board: Optional[str] = typer.Option(None, "--on-board", help="Only those on the board on this day."),
    status: Optional[DisclosureStatus] = code_option(DisclosureStatus, "disclosure status", None, "--status",
                                                     help="Only disclosures in this state."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """The register: every disclosure, with its posting record."""
    from juwei.services.disclosure import list_disclosures

    with scope(ctx) as sc:
        rows = list_disclosures(sc, category=category, posted_on=parse_date_option(posted_on, "--posted-on"),
                                on_board_day=parse_date_option(on_board, "--on-board"), status=status)
    rows = private(rows, reveal)
    if as_json:
        emit_json(rows)
        return
    _table(t("disclosures"), rows)


@app.command("show")
def show_(
    ctx: typer.Context,
    disclosure: int = typer.Argument(..., help="Disclosure id."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """One disclosure with its text; ID numbers and phones in it masked unless --reveal."""
    from juwei.services.disclosure import show

    with scope(ctx) as sc:
        row, body = show(sc, disclosure)
    if not reveal:  # the committee's own contact is printed as it is, as on the printout
        from dataclasses import replace

        row, body = replace(private(row, reveal), contact=row.contact), private(body, reveal)
    if as_json:
        emit_json({**plain(row), "body": body})
        return
    shown = {"category": lambda v: label("disclosure category", v), "status": lambda v: label("disclosure status", v)}
    key_values(t("disclosure {id}", id=row.id),
               [(label("disclosure field", k), shown.get(k, cell)(v)) for k, v in plain(row).items()])
    info(body)


@app.command("post")
def post_(
    ctx: typer.Context,
    disclosure: int = typer.Argument(...),
    on: Optional[str] = typer.Option(None, "--on", help="The day it went up (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the day a disclosure went up on the board."""
    from juwei.services.disclosure import post

    with scope(ctx, write=True) as sc:
        row = post(sc, disclosure, parse_date_option(on, "--on"))
    if as_json:
        emit_json({"id": row.id, "posted_on": row.posted_on})
    else:
        info(t("disclosure {id} posted on {day}", id=row.id, day=row.posted_on))


@app.command("withdraw")
def withdraw_(
    ctx: typer.Context,
    disclosure: int = typer.Argument(...),
    reason: str = typer.Option(..., "--reason", help="Why it comes down."),
    on: Optional[str] = typer.Option(None, "--on", help="The day it came down (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Take a disclosure down (or cancel a draft); it stays in the register."""
    from juwei.services.disclosure import withdraw

    with scope(ctx, write=True) as sc:
        row = withdraw(sc, disclosure, reason, parse_date_option(on, "--on"))
    if as_json:
        emit_json({"id": row.id, "withdrawn_on": row.withdrawn_on})
    else:
        info(t("disclosure {id} withdrawn on {day}", id=row.id, day=row.withdrawn_on))


@app.command()
def due(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="As on this date (default today)."),
    include_met: bool = typer.Option(False, "--all", help="Also obligations already met (on time or late)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Every obligation to the board that is open or overdue, with its rule (S20–S25)."""
    from juwei.services.disclosure import obligations

    with scope(ctx) as sc:
        rows = obligations(sc, parse_date_option(on, "--on"), include_met=include_met)
    if as_json:
        emit_json(rows)
        return
    table(t("due to the board"), [t("rule"), t("subject"), t("what"), t("period"), t("due"), t("status"),
                                  t("posted")],
          [(o.rule, o.subject, o.title, o.period, o.due, label("obligation status", o.status), o.posted_on) for o in rows])


@app.command()
def finance(
    ctx: typer.Context,
    period: str = typer.Option(..., "--period", help="2026-Q3 (quarter) or 2026 (full year)."),
    post_on: Optional[str] = POST_ON,
    supersedes: Optional[int] = typer.Option(None, "--supersedes", help="Correct an earlier account."),
    contact: Optional[str] = CONTACT,
    as_json: bool = JSON_OPTION,
) -> None:
    """S20: a finance account disclosure for an ended period, filled from the ledger; prints its id."""
    from juwei.services.disclosure import finance_disclosure

    with scope(ctx, write=True) as sc:
        row, _ = finance_disclosure(sc, period, post_on=parse_date_option(post_on, "--post-on"),
                                    supersedes=supersedes, contact=contact)
    created(row.id, as_json)


@app.command()
def welfare(
    ctx: typer.Context,
    list_file: str = typer.Option(..., "--list", help=".csv/.xlsx: name, household_size, benefit, amount, "
                                                      "id_number, note (姓名, 家庭人口, 救助类别, 金额, 身份证号, 备注)."),
    benefit: str = typer.Option(..., "--benefit", help="The benefit (低保, 临时救助 …)."),
    starts: str = typer.Option(..., "--starts", help="The day the benefit starts."),
    contact: Optional[str] = CONTACT,
    post_on: Optional[str] = POST_ON,
    as_json: bool = JSON_OPTION,
) -> None:
    """S23: a welfare publicity list (names, household size, benefit, amount; nothing else); prints its id."""
    from juwei.services.disclosure import welfare_disclosure

    start = parse_date_option(starts, "--starts")
    with scope(ctx, write=True) as sc:
        row, _ = welfare_disclosure(sc, list_file, benefit=benefit, starts=start, contact=contact,
                                    post_on=parse_date_option(post_on, "--post-on"))
    created(row.id, as_json)


@app.command("staff-change")
def staff_change(
    ctx: typer.Context,
    name: str = typer.Option(..., "--name"),
    change: str = typer.Option(..., "--change", help="What changed (appointed, duties, left …)."),
    reason: str = typer.Option(..., "--reason"),
    on: str = typer.Option(..., "--on", help="Effective date."),
    as_json: bool = JSON_OPTION,
) -> None:
    """S24: record a staff change or change of duties (disclose it with `juwei disclose personnel`)."""
    from juwei.services.disclosure import record_staff_change

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        row = record_staff_change(sc, name=name, change=change, reason=reason, effective=day)
    created(row.id, as_json)


@app.command("staff-changes")
def staff_changes(ctx: typer.Context, as_json: bool = JSON_OPTION, reveal: bool = REVEAL_OPTION) -> None:
    """S24: the recorded staff changes and the disclosure that announced each."""
    from juwei.services.disclosure import list_staff_changes

    with scope(ctx) as sc:
        rows = [{"id": c.id, "name": c.name, "change": c.change, "reason": c.reason, "effective": c.effective,
                 "disclosure_id": c.disclosure_id, "post_id": c.post_id} for c in list_staff_changes(sc)]
    rows = private(rows, reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("staff changes"), [t("id"), t("name"), t("change"), t("reason"), t("effective"), t("disclosure")],
          [(r["id"], r["name"], r["change"], r["reason"], r["effective"], r["disclosure_id"]) for r in rows])


@app.command()
def personnel(
    ctx: typer.Context,
    post_on: Optional[str] = POST_ON,
    contact: Optional[str] = CONTACT,
    as_json: bool = JSON_OPTION,
) -> None:
    """S24: one disclosure announcing every recorded staff change not yet disclosed; prints its id."""
    from juwei.services.disclosure import personnel_disclosure

    with scope(ctx, write=True) as sc:
        row, _ = personnel_disclosure(sc, post_on=parse_date_option(post_on, "--post-on"), contact=contact)
    created(row.id, as_json)


@app.command()
def duties(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="The division of work in force on this date (default today)."),
    post_on: Optional[str] = POST_ON,
    contact: Optional[str] = typer.Option(None, "--contact", help="The office's public phone, printed on the sheet."),
    as_json: bool = JSON_OPTION,
) -> None:
    """S26: a disclosure of the division of work — names, posts, duties; prints its id (print it with render)."""
    from juwei.services.committee import duties_disclosure

    with scope(ctx, write=True) as sc:
        row = duties_disclosure(sc, on=parse_date_option(on, "--on"), post_on=parse_date_option(post_on, "--post-on"),
                                contact=contact)
    created(row.id, as_json)


@app.command()
def gifts(
    ctx: typer.Context,
    period: str = typer.Option(..., "--period", help="The quarter (or half year, month, year) ended: 2026-Q3."),
    post_on: Optional[str] = POST_ON,
    contact: Optional[str] = typer.Option(None, "--contact", help="The office's public phone, printed on the sheet."),
    as_json: bool = JSON_OPTION,
) -> None:
    """S27: a disclosure of the gift register for a period, when the committee chooses to post it; prints its id."""
    from juwei.services.staffwork import gifts_disclosure

    with scope(ctx, write=True) as sc:
        row = gifts_disclosure(sc, period, post_on=parse_date_option(post_on, "--post-on"), contact=contact)
    created(row.id, as_json)


@app.command("from-meeting")
def from_meeting(
    ctx: typer.Context,
    meeting: int = typer.Argument(..., help="Meeting id."),
    post_on: Optional[str] = POST_ON,
    contact: Optional[str] = CONTACT,
    as_json: bool = JSON_OPTION,
) -> None:
    """S21/S25: the pre-meeting notice of a convened meeting, or the results of a closed one; prints its id."""
    from juwei.services.disclosure import meeting_disclosure

    with scope(ctx, write=True) as sc:
        row = meeting_disclosure(sc, meeting, post_on=parse_date_option(post_on, "--post-on"), contact=contact)
    created(row.id, as_json)


@app.command()
def render(
    ctx: typer.Context,
    disclosure: int = typer.Argument(...),
    fmt: str = typer.Option("html", "--format", metavar="md|html|pdf",
                            help="md, html (print-ready A4), or pdf (printed from the HTML with headless Chromium; "
                                 "needs --out)."),
    out: Optional[str] = typer.Option(None, "--out", help="Write to this file (default: standard output)."),
    templates: Optional[str] = TEMPLATES,
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
) -> None:
    """A printout of one disclosure, with its posting period and the committee."""
    from juwei.cli._export import pdf_wanted, write_pdfs
    from juwei.errors import ValidationError
    from juwei.render.disclosure import render_one
    from juwei.services import files as outputs
    from juwei.services.disclosure import printable

    if fmt not in ("md", "html", "pdf"):
        raise ValidationError(t("--format '{fmt}' is not allowed; use md, html or pdf", fmt=fmt))
    chromium = pdf_wanted(ctx, out) if fmt == "pdf" else None
    target = outputs.out_file(out, force=force) if out is not None else None
    with scope(ctx) as sc:
        page = printable(sc, disclosure)
        locale = sc.community.locale
        text = render_one(page, "html" if chromium else fmt, locale, templates)
    if chromium is not None:
        write_pdfs([(text, target)], lang=locale, force=force, chromium=chromium)
    elif target is None:
        typer.echo(text, nl=False)
        return
    else:
        outputs.write_text(target, text, force=force)
    info(t("written to {path}", path=out))


@app.command("board")
def board_(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="The day (default today)."),
    out_dir: str = typer.Option(..., "--out-dir", help="Directory for the printouts and index.html."),
    fmt: str = typer.Option("html", "--format", help="md or html."),
    templates: Optional[str] = TEMPLATES,
    as_json: bool = JSON_OPTION,
) -> None:
    """Everything that should be on the board on a day, one printout each, plus an index page."""
    from juwei.render.disclosure import board_files
    from juwei.services import files as outputs
    from juwei.services.disclosure import board_pages

    folder = outputs.out_dir(out_dir)
    with scope(ctx) as sc:
        day = parse_date_option(on, "--on") or sc.today
        pages = board_pages(sc, day)
        rendered = board_files(pages, day, fmt, sc.community.locale, sc.community.name, templates)
    outputs.make_dir(folder)
    files = [outputs.out_file(folder / name, force=True, option="--out-dir") for name, _ in rendered]
    for (_, text), path in zip(rendered, files):  # stable names: a board written again replaces its pages
        outputs.write_text(path, text, force=True)
    if as_json:
        emit_json({"on": day, "files": [str(f) for f in files], "disclosures": [p.id for p in pages]})
        return
    info(t("{n} disclosure(s) on the board on {day}; written to {dir}", n=len(pages), day=day, dir=out_dir))
