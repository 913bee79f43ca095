"""juwei sentiment: residents' concerns (民情) — collect, handle, analyse monthly, report (S10–S12)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from juwei.cli._common import (JSON_OPTION, REVEAL_OPTION, created, emit_json, info, key_values, parse_date_option,
                               private, scope, table, warn)
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.sentiment import CATEGORY_NUMBERS, HANDLING, Category, SentimentDoc, Source, Status

app = typer.Typer(no_args_is_help=True)

CATEGORY_HELP = "1–7 as the rules number them (S10), or the category's name; 6 is urgent."


def _month(value: Optional[str]):
    from juwei.rules.sentiment import parse_month

    return parse_month(value) if value is not None else None


@app.command()
def add(
    ctx: typer.Context,
    category: Category = code_option(Category, "sentiment category", ..., "--category", aliases=CATEGORY_NUMBERS,
                                     metavar="1-7", help=CATEGORY_HELP),
    source: Source = code_option(Source, "sentiment source", ..., "--source", help="How it reached the committee."),
    text: str = typer.Option(..., "--text", help="What was raised, as complete and accurate as it was told."),
    household: Optional[str] = typer.Option(None, "--household", metavar="H", help="The household it concerns."),
    from_name: Optional[str] = typer.Option(None, "--from", metavar="NAME",
                                            help="Who raised it (kept only if you type it)."),
    by: Optional[str] = typer.Option(None, "--by", metavar="PERSON",
                                     help="Who collected it: a committee member, staff or information collector."),
    received: Optional[str] = typer.Option(None, "--received", metavar="DATE", help="When (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a concern collected (民情日记); category 6 must be reported at once (S10)."""
    from juwei.services.sentiment import add_item

    day = parse_date_option(received, "--received")
    with scope(ctx, write=True) as sc:
        done = add_item(sc, category=category, source=source, text=text, household=household,
                        from_name=from_name, by=by, received=day)
    created(done.item.id, as_json, t("{category} received {day}", category=label("sentiment category", category),
                                     day=done.item.received))
    if done.urgent_due is not None:
        warn(t("category 6 may affect stability and must be reported at once, by {day}: report it to the street "
               "office, then record it with `juwei sentiment reported {id} --to TEXT --on DATE`; "
               "`juwei sentiment render {id} --doc urgent-report` prints the report sheet",
               day=done.urgent_due, id=done.item.id))


@app.command()
def reported(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., metavar="ID", help="The item's id (see `juwei sentiment list`)."),
    to: str = typer.Option(..., "--to", metavar="TEXT", help="Who it was reported to (e.g. the street office)."),
    on: str = typer.Option(..., "--on", metavar="DATE", help="When it was reported."),
) -> None:
    """Record that an item (an urgent one above all) was reported, and to whom (S10)."""
    from juwei.services.sentiment import record_reported

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        item = record_reported(sc, item_id, to=to, on=day)
    info(t("sentiment item {id} reported to {to} on {day}", id=item.id, to=item.reported_to, day=item.reported_on))


@app.command()
def update(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., metavar="ID", help="The item's id (see `juwei sentiment list`)."),
    status: Status = code_option(Status, "sentiment status", ..., "--status",
                                 metavar="|".join(s.value for s in HANDLING),
                                 help="Where its handling stands."),
    note: str = typer.Option(..., "--note", metavar="TEXT", help="What was done."),
    on: Optional[str] = typer.Option(None, "--on", metavar="DATE", help="When (default today)."),
) -> None:
    """Record a step of an item's handling: analysed, referred, resolved, replied."""
    from juwei.services.sentiment import update_item

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        step = update_item(sc, item_id, status=status, note=note, on=day)
    info(t("sentiment item {id}: {status} on {day}", id=item_id, status=label("sentiment status", step.status),
           day=step.on))


@app.command("list")
def list_(
    ctx: typer.Context,
    month: Optional[str] = typer.Option(None, "--month", metavar="YYYY-MM", help="Only items received that month."),
    category: Optional[Category] = code_option(Category, "sentiment category", None, "--category",
                                               aliases=CATEGORY_NUMBERS, metavar="N", help=CATEGORY_HELP),
    open_only: bool = typer.Option(False, "--open", help="Only items not yet resolved or replied to."),
    reveal: bool = REVEAL_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The sentiment diary and archive (民情日记, 民情档案): items, oldest first."""
    from juwei.services.sentiment import list_items

    wanted = _month(month)
    with scope(ctx) as sc:
        rows = private(list_items(sc, month=wanted, category=category, open_only=open_only), reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("Sentiment items ({n})", n=len(rows)),
          [t("id"), t("received"), t("category"), t("source"), t("what"), t("household"), t("status"),
           t("reported")],
          [(r.id, r.received, f"{r.number} {label('sentiment category', r.category)}",
            label("sentiment source", r.source), r.text[:40], r.household or "", label("sentiment status", r.status),
            _reported(r)) for r in rows])


def _reported(row) -> str:
    if row.reported_on is not None:
        return t("{day} to {to}", day=row.reported_on, to=row.reported_to)
    if row.urgent:
        return t("{day} (overdue)", day=row.report_due) if row.overdue else t("due by {day}", day=row.report_due)
    return ""


@app.command()
def show(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., metavar="ID", help="The item's id."),
    reveal: bool = REVEAL_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """One item and every step of its handling."""
    from juwei.services.sentiment import item_detail

    with scope(ctx) as sc:
        row = private(item_detail(sc, item_id), reveal)
    if as_json:
        emit_json(row)
        return
    key_values(t("Sentiment item {id}", id=row.id), [
        (t("category"), f"{row.number} {label('sentiment category', row.category)}"),
        (t("source"), label("sentiment source", row.source)), (t("received"), row.received),
        (t("what"), row.text), (t("household"), row.household or ""), (t("raised by"), row.from_name or ""),
        (t("collected by"), row.by or ""), (t("status"), label("sentiment status", row.status)),
        (t("reported"), _reported(row)),
        *((f"{step.on} {label('sentiment status', step.status)}", step.note) for step in row.steps),
    ])


@app.command()
def analyse(
    ctx: typer.Context,
    meeting: int = typer.Option(..., "--meeting", metavar="M",
                                help="The sentiment analysis meeting (`juwei meeting convene --kind sentiment`)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The monthly analysis meeting discussed the items waiting (S12): link them to it, mark them analysed."""
    from juwei.services.sentiment import analyse as run

    with scope(ctx, write=True) as sc:
        done = run(sc, meeting)
    if as_json:
        emit_json(done)
        return
    info(t("{n} sentiment item(s) discussed at meeting {id} on {day}", n=len(done.items), id=done.meeting_id,
           day=done.on))


@app.command()
def categories(as_json: bool = JSON_OPTION) -> None:
    """The seven categories sentiment items are collected in (S10)."""
    from juwei.rules.sentiment import category_number, category_words, is_urgent

    rows = [{"number": category_number(c), "category": c.value, "label": label("sentiment category", c),
             "words": category_words(c), "urgent": is_urgent(c)} for c in Category]
    if as_json:
        emit_json(rows)
        return
    table(t("Sentiment categories (S10)"), [t("category"), t("what it covers"), t("report at once")],
          [(f"{r['number']} {r['label']}", r["words"], r["urgent"]) for r in rows])


REPORT_FORMATS = ("md", "html", "xlsx")


@app.command()
def report(
    ctx: typer.Context,
    month: str = typer.Option(..., "--month", metavar="YYYY-MM", help="The month reported on."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="md|html|xlsx",
                                      help="Markdown, print-ready HTML or a spreadsheet (default: from --out's "
                                           "extension, else md)."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="zh_CN|en",
                                       help="The document's language (default: the community's locale)."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Write here instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
    sent: Optional[str] = typer.Option(None, "--sent", metavar="DATE",
                                       help="Record that the report went to the street office on this day."),
) -> None:
    """The monthly report to the street office (S12): counts by category and source, each item's handling."""
    from juwei import render as documents
    from juwei.cli._common import format_for
    from juwei.services import documents as service
    from juwei.services import files as outputs
    from juwei.services.sentiment import record_report_sent
    from juwei.services.sentiment_report import monthly_report

    wanted = _month(month)
    kind = fmt or ("xlsx" if out is not None and out.suffix.lower() == ".xlsx" else format_for(out, None))
    service.check_choice(kind, REPORT_FORMATS, "fmt")
    if lang is not None:
        service.check_choice(lang, documents.LANGUAGES, "lang")
    if kind == "xlsx" and out is None:
        from juwei.errors import ValidationError

        raise ValidationError(t("a spreadsheet needs a file: give --out FILE"))
    sent_on = parse_date_option(sent, "--sent")
    if out is not None:
        out = outputs.out_file(out, force=force, make_folder=True)
    with scope(ctx, write=sent_on is not None) as sc:
        data = monthly_report(sc, wanted, lang)
        if sent_on is not None:
            record_report_sent(sc, wanted, sent_on)
    if kind == "xlsx":
        from juwei.render.sentiment import write_workbook

        with outputs.private_file(out, force=force) as scratch:
            write_workbook(data, scratch)
    else:
        text = documents.document("sentiment-report", data["lang"], kind, data)
        if out is None:
            sys.stdout.write(text)
        else:
            outputs.write_text(out, text, force=force)
    if out is not None:
        typer.echo(str(out))
    if sent_on is not None:
        info(t("the report on {month} is recorded as sent on {day}", month=str(wanted), day=sent_on))


@app.command()
def render(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., metavar="ID", help="The item's id."),
    doc: SentimentDoc = code_option(SentimentDoc, "sentiment document", ..., "--doc", help="Which sheet."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="md|html|pdf",
                                      help="Markdown, print-ready HTML, or a PDF printed from it with headless "
                                           "Chromium (default: from --out's extension, else md)."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="zh_CN|en",
                                       help="The document's language (default: the community's locale)."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Write here instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
) -> None:
    """Print an item's sheet: the urgent report to the street office (S10)."""
    from juwei import render as documents
    from juwei.cli._common import format_for
    from juwei.cli._export import emit_document, pdf_wanted
    from juwei.services import documents as service
    from juwei.services import files as outputs
    from juwei.services.sentiment_report import urgent_report

    kind = format_for(out, fmt)
    service.check_choice(kind, (*documents.FORMATS, "pdf"), "fmt")
    if lang is not None:
        service.check_choice(lang, documents.LANGUAGES, "lang")
    chromium = pdf_wanted(ctx, out) if kind == "pdf" else None
    if out is not None:
        out = outputs.out_file(out, force=force, make_folder=True)
    with scope(ctx) as sc:
        data = urgent_report(sc, item_id, lang)
    text = documents.document("sentiment-urgent", data["lang"], "html" if kind == "pdf" else kind, data)
    emit_document(text, out, lang=data["lang"], force=force, chromium=chromium, as_json=False)
