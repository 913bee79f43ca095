"""juwei eval: democratic evaluation (民主评议) of the committee and its staff (S16–S19)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, created, emit_json, info, key_values, parse_date_option, scope, table, warn
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.evaluation import GRADE_ALIASES, Grade

try:  # typer ≥ 0.29 carries its own copy of click
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover - older typer depends on click
    from click.exceptions import UsageError

app = typer.Typer(no_args_is_help=True)

EVALUATION = typer.Argument(..., metavar="E", help="The evaluation's id.")
PERSON = typer.Argument(..., help="The subject: member id, ID number or name.")
DOCS = "ballot | review-form"


@app.command("open")
def open_(
    ctx: typer.Context,
    on: str = typer.Option(..., "--on", help="The day it is held (S17: in June or December)."),
    meeting: Optional[int] = typer.Option(None, "--meeting", metavar="M",
                                          help="The representatives' meeting it is held at; its attendance is the "
                                               "quorum."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Open an evaluation: its subjects are the committee and staff serving that day (S16)."""
    from juwei.services.evaluation import open_evaluation

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        done = open_evaluation(sc, on=day, meeting_id=meeting)
    for message in done.warnings:
        warn(message)
    created(done.evaluation.id, as_json, t("evaluation on {day}: {n} subject(s); see `juwei eval subjects {id}`",
                                           day=day, n=done.subjects, id=done.evaluation.id))


@app.command()
def subjects(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    add: Optional[str] = typer.Option(None, "--add", metavar="PERSON",
                                      help="Put someone holding a post that day on the ballot."),
    remove: Optional[str] = typer.Option(None, "--remove", metavar="PERSON", help="Take a subject off the ballot."),
    reason: Optional[str] = typer.Option(None, "--reason", help="Why a subject is taken off (required with --remove)."),
    include_removed: bool = typer.Option(False, "--all", help="Include subjects taken off, with the reason."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The subjects on the ballot: committee members by post, then staff."""
    from juwei.services import evaluation as service

    if add is not None and remove is not None:
        raise UsageError(t("give either --add or --remove"), ctx)
    if add is not None or remove is not None:
        with scope(ctx, write=True) as sc:
            if add is not None:
                row = service.add_subject(sc, evaluation, add)
                info(t("{name} is on the ballot of evaluation {id}", name=row.name, id=evaluation))
            else:
                row = service.remove_subject(sc, evaluation, remove, reason)
                info(t("{name} is taken off the ballot of evaluation {id}", name=row.name, id=evaluation))
        return
    with scope(ctx) as sc:
        rows = service.subjects(sc, evaluation, include_removed=include_removed)
    if as_json:
        emit_json(rows)
        return
    table(t("Subjects of evaluation {id} ({n})", id=evaluation, n=len(rows)),
          [t("no."), t("member"), t("name"), t("post"), t("self-review"), t("taken off")],
          [(r.position, r.member_id or "", r.name, r.post, r.reported_on or "", r.removed_reason or "")
           for r in rows])


@app.command()
def report(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    person: str = PERSON,
    file: Path = typer.Option(..., "--file", metavar="REVIEW.md", help="The written self-review (述职), UTF-8."),
) -> None:
    """Record a subject's written self-review (述职, S19)."""
    from juwei.services.evaluation import record_report
    from juwei.services.files import read_text

    text = read_text(file, option="--file")
    with scope(ctx, write=True) as sc:
        row = record_report(sc, evaluation, person, text)
    info(t("self-review of {name} recorded", name=row.name))


@app.command()
def count(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    person: Optional[str] = typer.Argument(None, help="One subject's counts (member id, ID number or name)."),
    issued: Optional[int] = typer.Option(None, "--issued", metavar="N", help="Ballots issued."),
    returned: Optional[int] = typer.Option(None, "--returned", metavar="N", help="Ballots returned."),
    void: Optional[int] = typer.Option(None, "--void", metavar="N", help="Void ballots among those returned."),
    file: Optional[Path] = typer.Option(None, "--file", metavar="counts.csv",
                                        help="Every subject's counts: subject, excellent, competent, basic, "
                                             "incompetent (or 评议对象, 优秀, 合格, 基本合格, 不合格)."),
    satisfied: Optional[int] = typer.Option(None, "--satisfied", metavar="N",
                                            help="The committee as a whole: ballots 满意."),
    basically_satisfied: Optional[int] = typer.Option(None, "--basically-satisfied", metavar="N",
                                                      help="The committee as a whole: ballots 基本满意."),
    unsatisfied: Optional[int] = typer.Option(None, "--unsatisfied", metavar="N",
                                              help="The committee as a whole: ballots 不满意."),
    excellent: Optional[int] = typer.Option(None, "--excellent", metavar="N", help="With PERSON: ballots 优秀."),
    competent: Optional[int] = typer.Option(None, "--competent", metavar="N", help="With PERSON: ballots 合格."),
    basic: Optional[int] = typer.Option(None, "--basic", metavar="N", help="With PERSON: ballots 基本合格."),
    incompetent: Optional[int] = typer.Option(None, "--incompetent", metavar="N", help="With PERSON: ballots 不合格."),
) -> None:
    """Record the count (S19): ballot totals and a sheet of counts, or one subject's counts. Counts only."""
    from juwei.rules.evaluation import WholeGrade
    from juwei.services import evaluation_count as service

    grades = {"excellent": excellent, "competent": competent, "basic": basic, "incompetent": incompetent}
    whole = {WholeGrade.SATISFIED: satisfied, WholeGrade.BASIC: basically_satisfied,
             WholeGrade.UNSATISFIED: unsatisfied}
    totals = (issued, returned, void)
    if person is not None:
        if any(v is not None for v in (*totals, file, *whole.values())):
            raise UsageError(t("with PERSON give only --excellent, --competent, --basic, --incompetent"), ctx)
        if all(v is None for v in grades.values()):
            raise UsageError(t("give the subject's counts: --excellent N --competent N --basic N --incompetent N"),
                             ctx)
        with scope(ctx, write=True) as sc:
            row = service.record_subject_count(sc, evaluation, person, {k: v or 0 for k, v in grades.items()})
        info(t("counts of {name} recorded", name=row.name))
        return
    if any(v is not None for v in grades.values()):
        raise UsageError(t("--excellent, --competent, --basic and --incompetent go with PERSON"), ctx)
    if any(v is None for v in totals):
        raise UsageError(t("give the ballot totals: --issued N --returned N --void N"), ctx)
    given_whole = {code: n for code, n in whole.items() if n is not None}
    with scope(ctx, write=True) as sc:
        done = service.record_count(sc, evaluation, issued=issued, returned=returned, void=void,
                                    whole=given_whole or None, path=file)
    for message in done.warnings:
        warn(message)
    info(t("ballots issued {issued}, returned {returned}, void {void}: {valid} valid", issued=issued,
           returned=returned, void=void, valid=done.valid))
    if file is not None:
        info(t("counts of {n} subject(s) recorded", n=done.subjects))


def _counts_text(counts: dict | None) -> str:
    if counts is None:
        return t("not counted")
    return " / ".join(str(counts[g.value]) for g in Grade)


@app.command()
def result(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Each subject's counts and grade: the highest share; a tie is shown for the meeting to decide."""
    from juwei.services.evaluation_count import result as get_result

    with scope(ctx) as sc:
        r = get_result(sc, evaluation)
    if as_json:
        emit_json(r.subjects)
        return
    _print_result(r)


def _grade_text(line) -> str:
    if line.grade is None and line.tied:
        return t("tie: {grades}", grades=t(", ").join(label("evaluation grade", g) for g in line.tied))
    text = label("evaluation grade", line.grade)
    if line.decided:
        text = t("{grade} (decided by the meeting)", grade=text)
    return text


def _print_result(r) -> None:
    if r.issued is not None:
        info(t("ballots issued {issued}, returned {returned}, void {void}: {valid} valid", issued=r.issued,
               returned=r.returned, void=r.void, valid=r.valid))
    if r.present is not None:
        info(t("representatives present {present} of {size}", present=r.present, size=r.body_size))
    table(t("Result of evaluation {id} ({day})", id=r.id, day=r.held_on),
          [t("name"), t("post"), " / ".join(label("evaluation grade", g.value) for g in Grade), t("grade")],
          [(line.subject, line.post, _counts_text(line.counts), _grade_text(line)) for line in r.subjects])
    if r.whole is not None:
        from juwei.rules.evaluation import WholeGrade

        words = t(", ").join(f"{label('committee grade', g.value)} {r.whole[g.value]}" for g in WholeGrade)
        grade = label("committee grade", r.whole_grade) if r.whole_grade else \
            t("tie: {grades}", grades=t(", ").join(label("committee grade", g) for g in r.whole_tied))
        info(t("the committee as a whole: {counts} → {grade}", counts=words, grade=grade))
    for line in r.subjects:
        if line.ends_office:
            warn(t("{name}: a second consecutive incompetent (不合格); under the rules this ends the office",
                   name=line.subject))


@app.command()
def decide(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    person: str = PERSON,
    grade: Grade = code_option(Grade, "evaluation grade", ..., "--grade", aliases=GRADE_ALIASES,
                               help="The grade the meeting decided on a tie."),
    note: str = typer.Option(..., "--note", help="How the meeting decided (kept on the record)."),
) -> None:
    """Record what the meeting decided on a tie (the rules settle none)."""
    from juwei.services.evaluation_count import decide as record_decision

    with scope(ctx, write=True) as sc:
        row = record_decision(sc, evaluation, person, grade, note)
    info(t("{name}: {grade}, as the meeting decided", name=row.name, grade=label("evaluation grade", grade)))


@app.command()
def publish(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    on: Optional[str] = typer.Option(None, "--on", help="The day the results go up (default today)."),
    contact: Optional[str] = typer.Option(None, "--contact", metavar="TEXT",
                                          help="Where objections go (the office's public phone)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Publish the results on the board (S19): objection window in working days, commendations; each 基本合格
    opens an admonition (S29)."""
    from juwei.services.evaluation_count import publish as publish_results

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        done = publish_results(sc, evaluation, on=day, contact=contact)
    if as_json:
        emit_json({"disclosure": done.disclosure_id, "posted": done.posted, "objection_from": done.window[0],
                   "objection_until": done.window[1], "commended": done.commended,
                   "admonitions": [{"id": i, "name": n} for i, n in done.admonitions],
                   "recall": done.recall, "ends_office": done.ends_office,
                   "window_provisional": done.provisional})
        return
    if done.posted:
        info(t("disclosure {id} posted: objections from {first} to {last} ({n} working days)",
               id=done.disclosure_id, first=done.window[0], last=done.window[1], n=done.days))
    else:
        info(t("disclosure {id} drafted to go up on {day}: `juwei disclose post {id}` that day",
               id=done.disclosure_id, day=done.evaluation.published_on))
    if done.provisional:
        warn(t("the official holiday calendar installed does not hold {year} yet, so the window counts Monday to "
               "Friday there: check its last day once the year's holidays are published (update chinese-calendar)",
               year=done.window[1].year))
    if done.commended:
        info(t("commended (优秀): {names}", names=t(", ").join(done.commended)))
    for admonition_id, name in done.admonitions:
        info(t("admonition {id} opened for {name} (基本合格, S29): follow it up monthly with "
               "`juwei admonish note {id} --text TEXT`", id=admonition_id, name=name))
    for name in done.already_admonished:
        info(t("{name} is already under an open admonition", name=name))
    for name in done.recall:
        warn(t("{name} was graded incompetent (不合格): a recall may be started with `juwei recall open`", name=name))
    for name in done.ends_office:
        warn(t("{name}: a second consecutive incompetent (不合格); under the rules this ends the office", name=name))


@app.command()
def notified(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    person: str = PERSON,
    on: str = typer.Option(..., "--on", help="The day the subject was told the result."),
) -> None:
    """Record that a subject was told the result (within the profile's days)."""
    from juwei.services.evaluation_count import notified as record_notified

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        row = record_notified(sc, evaluation, person, day)
    info(t("{name} was told the result on {day}", name=row.name, day=day))


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: bool = JSON_OPTION,
) -> None:
    """Every evaluation: its day, meeting, subjects, whether counted and published."""
    from juwei.cli._common import yes_no
    from juwei.services.evaluation import list_evaluations

    with scope(ctx) as sc:
        rows = list_evaluations(sc)
    if as_json:
        emit_json(rows)
        return
    table(t("Evaluations ({n})", n=len(rows)),
          [t("id"), t("held on"), t("meeting"), t("subjects"), t("tallied"), t("published"), t("objections until")],
          [(r.id, r.held_on, r.meeting_id or "", r.subjects, yes_no(r.counted), r.published_on or "",
            r.objection_until or "") for r in rows])


@app.command()
def show(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    as_json: bool = JSON_OPTION,
) -> None:
    """One evaluation: ballots, quorum, the committee as a whole, each subject's result, publication."""
    from juwei.services.evaluation_count import result as get_result

    with scope(ctx) as sc:
        r = get_result(sc, evaluation)
    if as_json:
        emit_json(r)
        return
    key_values(t("Evaluation {id}", id=r.id), [
        (t("held on"), r.held_on), (t("meeting"), r.meeting_id or ""),
        (t("published"), r.published_on or ""), (t("objections until"), r.objection_until or ""),
        (t("disclosure"), r.disclosure_id or ""),
    ])
    _print_result(r)


@app.command()
def render(
    ctx: typer.Context,
    evaluation: int = EVALUATION,
    doc: str = typer.Option(..., "--doc", metavar="DOC", help=f"Which document: {DOCS}."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="md|html|pdf",
                                      help="Markdown, print-ready HTML, or a PDF printed from it with headless "
                                           "Chromium (default: from --out's extension, else md)."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="zh_CN|en",
                                       help="The document's language (default: the community's locale)."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Write here instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
) -> None:
    """Print the anonymous ballot or the self-review form (德、能、勤、绩、廉) as Markdown, A4 HTML or PDF."""
    from juwei import render as documents
    from juwei.cli._common import format_for
    from juwei.cli._export import emit_document, pdf_wanted
    from juwei.services import documents as service
    from juwei.services import files as outputs
    from juwei.services.evaluation import document_context

    service.check_choice(doc, documents.EVALUATION_DOCUMENTS, "doc")
    if fmt is not None:
        service.check_choice(fmt, (*documents.FORMATS, "pdf"), "fmt")
    if lang is not None:
        service.check_choice(lang, documents.LANGUAGES, "lang")
    kind = format_for(out, fmt)
    chromium = pdf_wanted(ctx, out) if kind == "pdf" else None
    if out is not None:
        out = outputs.out_file(out, force=force, make_folder=True)
    with scope(ctx) as sc:
        data = document_context(sc, evaluation, doc, lang)
    text = documents.document(documents.EVALUATION_TEMPLATES[doc], data["lang"], "html" if kind == "pdf" else kind,
                              data)
    emit_document(text, out, lang=data["lang"], force=force, chromium=chromium, as_json=False)
