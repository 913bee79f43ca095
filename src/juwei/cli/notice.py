"""juwei notice: documents for the notice board and the meeting table (通知, 签到表, 座位卡, 表决票, 公告, 决议, 记录, 纪要)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, emit_json, format_for, scope, warn
from juwei.i18n import label, t

try:  # typer ≥ 0.29 carries its own copy of click
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover - older typer depends on click
    from click.exceptions import UsageError

app = typer.Typer(no_args_is_help=True)

DOCS = "notice | signin | seat-cards | ballot | result | resolution | minutes | summary"


@app.callback()
def _group() -> None:
    """Documents for the notice board and the meeting table."""


@app.command()
def render(
    ctx: typer.Context,
    meeting_id: int = typer.Argument(..., metavar="MEETING", help="The meeting's id (see `juwei meeting list`)."),
    doc: Optional[str] = typer.Option(None, "--doc", metavar="DOC", help=f"Which document: {DOCS}."),
    every: bool = typer.Option(False, "--all", help="Every document the meeting's state allows, into --out-dir."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="md|html|pdf",
                                      help="Markdown, print-ready HTML, or a PDF printed from it with headless "
                                           "Chromium (default: from --out's extension, else md; with --all md "
                                           "and html)."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="zh_CN|en",
                                       help="The document's language (default: the community's locale)."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Write here instead of stdout."),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", metavar="DIR",
                                           help="With --all: the folder to write into (stable file names)."),
    templates: Optional[Path] = typer.Option(None, "--templates", metavar="DIR",
                                             help="Your own templates (same layout as the packaged ones, e.g. "
                                                  "zh_CN/notice.html.j2); each overrides the packaged one."),
    contact: Optional[str] = typer.Option(None, "--contact", metavar="TEXT",
                                          help="Who to contact, printed on the notice (default: the committee's "
                                               "office)."),
    secret: bool = typer.Option(False, "--secret", help="Ballots carry no name and no seat (无记名投票)."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Render a meeting's document as Markdown, print-ready HTML (A4, GB/T 9704 layout) or PDF."""
    from juwei import render as documents
    from juwei.cli._export import emit_document, pdf_wanted, write_pdfs
    from juwei.services import documents as service
    from juwei.services import files as outputs

    if every == (doc is not None):
        raise UsageError(t("give either --doc DOC or --all"), ctx)
    if every and out is not None:
        raise UsageError(t("--all writes several files: use --out-dir DIR, not --out"), ctx)
    if every and out_dir is None:
        raise UsageError(t("--all needs --out-dir DIR"), ctx)
    if not every and out_dir is not None:
        raise UsageError(t("--out-dir goes with --all; for one document use --out FILE"), ctx)
    if fmt is not None:
        service.check_choice(fmt, (*documents.FORMATS, "pdf"), "fmt")
    if lang is not None:
        service.check_choice(lang, documents.LANGUAGES, "lang")
    kind = format_for(out, fmt) if not every else fmt
    chromium = pdf_wanted(ctx, out, out_dir=out_dir) if kind == "pdf" else None
    if out is not None:
        out = outputs.out_file(out, force=force, make_folder=True)
    if out_dir is not None:
        out_dir = outputs.out_dir(out_dir)

    if not every:
        with scope(ctx) as sc:
            data = service.context(sc, meeting_id, doc, lang, contact=contact, secret=secret)
        text = documents.document(doc, data["lang"], "html" if kind == "pdf" else kind, data, templates)
        emit_document(text, out, lang=data["lang"], force=force, chromium=chromium, as_json=as_json)
        return

    formats = (fmt,) if fmt else documents.FORMATS
    with scope(ctx) as sc:
        language, contexts, skipped = service.every_context(sc, meeting_id, lang, contact=contact, secret=secret)
    rendered = [(name, kind, documents.document(name, language, "html" if kind == "pdf" else kind, data, templates))
                for name, data in contexts for kind in formats]  # every template renders before any file
    written = []
    outputs.make_dir(out_dir)
    paths = [outputs.out_file(out_dir / documents.file_name(meeting_id, name, language, kind), force=True,
                              option="--out-dir") for name, kind, _ in rendered]  # stable names: replaced
    if chromium is not None:
        write_pdfs([(text, path) for (_, _, text), path in zip(rendered, paths)], lang=language, force=True,
                   chromium=chromium)
    for (name, kind, text), path in zip(rendered, paths):
        if chromium is None:
            outputs.write_text(path, text, force=True)
        written.append({"doc": name, "lang": language, "format": kind, "path": str(path)})
    if as_json:
        emit_json({"written": written, "skipped": [{"doc": name, "reason": why, "past": past}
                                                    for name, why, past in skipped]})
        return
    for row in written:
        typer.echo(row["path"])
    for name, why, past in skipped:
        if not past:  # a document not possible yet; one whose moment has passed (ballots after close) is not news
            warn(t("{doc} not written: {reason}", doc=label("document", name), reason=why))
