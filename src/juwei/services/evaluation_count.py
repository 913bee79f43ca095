"""The democratic evaluation's count and what follows it (S19): ballots as figures only — issued, returned,
void, and per subject how many ballots gave each grade; nothing links a representative to a grade —, the
quorum of representatives at the evaluation's meeting, the result by highest share with ties decided by the
meeting, publication on the board with its objection window in working days and the commendation list,
an admonition (S29, :mod:`juwei.services.admonition`) for each 基本合格, and telling each subject the result.
Every write is one audited row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from sqlmodel import select

from juwei.errors import JuweiError, ValidationError, named
from juwei.i18n import label, speaking, t
from juwei.rules import evaluation as rules
from juwei.rules.evaluation import Grade, WholeGrade
from juwei.services import audit
from juwei.services.evaluation import (clean_note, evaluation_rules, find_evaluation, find_subject, is_counted,
                                       person_key, require_not_published, subject_rows)
from juwei.services.scope import Scope
from juwei.storage.models.evaluation import Evaluation, EvaluationSubject

GRADE_FIELDS = tuple(g.value for g in rules.GRADES)  # the subject's count columns, in the ballot's order
WHOLE_FIELDS = {WholeGrade.SATISFIED: "whole_satisfied", WholeGrade.BASIC: "whole_basic",
                WholeGrade.UNSATISFIED: "whole_unsatisfied"}
# the count file's columns: English and Chinese headers (评议对象, 优秀, 合格, 基本合格, 不合格)
COUNT_COLUMNS = {
    "subject": ("评议对象", "对象", "姓名", "name", "person"),
    "excellent": ("优秀",),
    "competent": ("合格", "称职"),
    "basic": ("基本合格", "基本称职"),
    "incompetent": ("不合格", "不称职"),
}


# ---------------------------------------------------------------- the count (S19)

@dataclass
class Counted:
    evaluation: Evaluation
    valid: int
    subjects: int  # subjects whose counts this call recorded
    warnings: list[str] = field(default_factory=list)


def _quorum(scope: Scope, row: Evaluation) -> tuple[int, int, bool, int] | None:
    """The representatives present at the evaluation's meeting against the profile's quorum:
    (present, body size, met, required), or None without a meeting."""
    from juwei.services.meetings import find_meeting, present_count

    if row.meeting_id is None:
        return None
    meeting = find_meeting(scope, row.meeting_id)
    rule = evaluation_rules(row).eval_quorum
    present = present_count(scope, meeting.id)
    return present, meeting.body_size, meeting.body_size > 0 and rule.met(present, meeting.body_size), \
        rule.minimum(meeting.body_size)


def record_count(scope: Scope, evaluation_id: int, *, issued: int, returned: int, void: int,
                 whole: Mapping[WholeGrade, int] | None = None, path: str | Path | None = None) -> Counted:
    """The ballot totals (and the committee as a whole's marks), and with ``path`` every subject's counts from
    a sheet (columns subject, excellent, competent, basic, incompetent, or 评议对象, 优秀, 合格, 基本合格,
    不合格). Refused, with nothing written: returned > issued, void > returned, a subject's grades adding up to
    more than the valid ballots, the quorum of representatives not present at the meeting."""
    row = find_evaluation(scope, evaluation_id)
    require_not_published(row)
    ballots = rules.check_ballots(issued, returned, void)
    warnings: list[str] = []
    quorum = _quorum(scope, row)
    if quorum is not None:
        present, size, met, required = quorum
        if not met:
            raise JuweiError(t("the evaluation needs {required} of the {size} representatives present ({rule}); "
                               "{present} are signed in at meeting {meeting}", required=required, size=size,
                               rule=evaluation_rules(row).eval_quorum.words(_lang()), present=present,
                               meeting=row.meeting_id))
    else:
        warnings.append(t("evaluation {id} names no meeting: the quorum of representatives was not checked",
                          id=row.id))
    whole_counts = {code.value: int(n) for code, n in (whole or {}).items()}
    rules.check_counts(whole_counts, ballots.valid, t("the committee as a whole"))
    before = audit.row_state(row)
    row.issued, row.returned, row.void = issued, returned, void
    if quorum is not None:
        row.present, row.body_size = quorum[0], quorum[1]
    for code, column in WHOLE_FIELDS.items():
        if code.value in whole_counts:
            setattr(row, column, whole_counts[code.value])
    for subject in subject_rows(scope, row.id):  # counts already recorded must still fit the valid ballots
        counts = _counts(subject)
        if counts is not None:
            rules.check_counts(counts, ballots.valid, subject.name)
    scope.session.add(row)
    audit.record_row(scope, "evaluation.count", "evaluation", row, before=before)
    done = 0
    if path is not None:
        for subject, counts in _read_counts(scope, row, path, ballots.valid):
            _set_counts(scope, subject, counts)
            done += 1
    return Counted(row, ballots.valid, done, warnings)


def _lang() -> str:
    from juwei.i18n import language

    return language()


def _counts(subject: EvaluationSubject) -> dict[str, int] | None:
    values = {code: getattr(subject, code) for code in GRADE_FIELDS}
    return None if any(v is None for v in values.values()) else values


def _set_counts(scope: Scope, subject: EvaluationSubject, counts: Mapping[str, int]) -> None:
    before = audit.row_state(subject)
    for code in GRADE_FIELDS:
        setattr(subject, code, int(counts.get(code, 0)))
    subject.decided_grade = subject.decided_note = None  # a new count undoes a decision on the old one
    scope.session.add(subject)
    audit.record_row(scope, "evaluation.tally", "evaluation_subject", subject, before=before)


def record_subject_count(scope: Scope, evaluation_id: int, ref: str, counts: Mapping[str, int]) -> EvaluationSubject:
    """One subject's counts, once the ballot totals are recorded."""
    row = find_evaluation(scope, evaluation_id)
    require_not_published(row)
    if not is_counted(row):
        raise JuweiError(t("record the ballot totals of evaluation {id} first: `juwei eval count {id} --issued N "
                           "--returned N --void N`", id=row.id))
    subject = find_subject(scope, row, ref)
    rules.check_counts(dict(counts), row.returned - row.void, subject.name)
    _set_counts(scope, subject, counts)
    return subject


def _whole_number(value: Any, where: str, column: str) -> int:
    """A count cell: blank is 0; a whole number otherwise (a spreadsheet may store 12 as 12.0)."""
    from juwei.services.sheets import blank

    if blank(value):
        return 0
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        raise ValidationError(t("{where}: {column} '{value}' is not a whole number", where=where, column=column,
                                value=text[:20]))
    return int(text)


def _read_counts(scope: Scope, row: Evaluation, path: str | Path, valid: int) -> list[tuple[EvaluationSubject, dict]]:
    from juwei.services.sheets import read_table

    name = Path(path).name
    out: list[tuple[EvaluationSubject, dict]] = []
    seen: dict[int, int] = {}
    for number, values in read_table(path, COUNT_COLUMNS, tuple(COUNT_COLUMNS)):
        where = t("{file} row {n}", file=name, n=number)
        ref = values["subject"]
        if isinstance(ref, float) and ref.is_integer():  # a member id a spreadsheet stored as a number
            ref = int(ref)
        try:
            subject = find_subject(scope, row, str(ref if ref is not None else ""))
        except JuweiError as exc:
            raise ValidationError(f"{where}: {exc.message}") from None
        if subject.id in seen:
            raise ValidationError(t("{where}: {name} is already counted on row {row}", where=where,
                                    name=subject.name, row=seen[subject.id]))
        seen[subject.id] = number
        counts = {code: _whole_number(values[code], where, code) for code in GRADE_FIELDS}
        try:
            rules.check_counts(counts, valid, subject.name)
        except ValidationError as exc:
            raise ValidationError(f"{where}: {exc.message}") from None
        out.append((subject, counts))
    if not out:
        raise ValidationError(t("{file} has no counts", file=name))
    return out


# ---------------------------------------------------------------- the result

@dataclass
class SubjectResult:
    subject: str
    member_id: int | None
    post: str
    counts: dict[str, int] | None
    grade: str | None  # the final grade: the highest share, or what the meeting decided on a tie
    tied: list[str]
    decided: bool
    note: str | None
    ends_office: bool  # a second consecutive 不合格, where the profile says it ends the office
    notified_on: dt.date | None


@dataclass
class Result:
    id: int
    held_on: dt.date
    meeting_id: int | None
    issued: int | None
    returned: int | None
    void: int | None
    valid: int | None
    present: int | None
    body_size: int | None
    whole: dict[str, int] | None
    whole_grade: str | None
    whole_tied: list[str]
    subjects: list[SubjectResult]
    complete: bool  # every subject counted and no tie left undecided
    published_on: dt.date | None
    objection_until: dt.date | None
    disclosure_id: int | None


def _final(subject: EvaluationSubject) -> tuple[str | None, list[str]]:
    counts = _counts(subject)
    if counts is None:
        return None, []
    outcome = rules.grade_of(counts)
    if outcome.is_tie:
        return subject.decided_grade, list(outcome.tied)
    return outcome.grade, []


def _history(scope: Scope, row: Evaluation) -> dict[str, list[str | None]]:
    """Each person's final grades in the evaluations before ``row``, oldest first."""
    earlier = scope.session.exec(select(Evaluation).where(Evaluation.community_id == scope.community_id,
                                                          Evaluation.held_on < row.held_on)
                                 .order_by(Evaluation.held_on, Evaluation.id)).all()
    grades: dict[str, list[str | None]] = {}
    for other in earlier:
        for subject in subject_rows(scope, other.id):
            grades.setdefault(person_key(subject.member_id, subject.name), []).append(_final(subject)[0])
    return grades


def result(scope: Scope, evaluation_id: int) -> Result:
    from juwei.services.committee import post_title

    row = find_evaluation(scope, evaluation_id)
    profile = evaluation_rules(row)
    history = _history(scope, row)
    lines = []
    for subject in subject_rows(scope, row.id):
        grade, tied = _final(subject)
        past = history.get(person_key(subject.member_id, subject.name), [])
        lines.append(SubjectResult(subject.name, subject.member_id, post_title(subject.body, subject.role),
                                   _counts(subject), grade, tied, subject.decided_grade is not None and bool(tied),
                                   subject.decided_note, rules.ends_office([*past, grade],
                                                                           profile.eval_two_incompetent_end_office),
                                   subject.notified_on))
    whole = None
    whole_outcome = rules.Outcome(None, ())
    if any(getattr(row, column) is not None for column in WHOLE_FIELDS.values()):
        whole = {code.value: getattr(row, column) or 0 for code, column in WHOLE_FIELDS.items()}
        whole_outcome = rules.whole_grade_of(whole)
    complete = is_counted(row) and bool(lines) and all(line.counts is not None and line.grade is not None
                                                      for line in lines)
    return Result(row.id, row.held_on, row.meeting_id, row.issued, row.returned, row.void,
                  row.returned - row.void if is_counted(row) else None, row.present, row.body_size, whole,
                  whole_outcome.grade, list(whole_outcome.tied), lines, complete, row.published_on,
                  row.objection_until, row.disclosure_id)


def decide(scope: Scope, evaluation_id: int, ref: str, grade: Grade, note: str | None) -> EvaluationSubject:
    """A tie is not guessed (LAW.md): the meeting decides, and its decision is recorded with a note."""
    row = find_evaluation(scope, evaluation_id)
    require_not_published(row)
    why = clean_note(note, "note", required=True)
    subject = find_subject(scope, row, ref)
    counts = _counts(subject)
    if counts is None:
        raise JuweiError(t("{name} is not counted yet", name=subject.name))
    outcome = rules.grade_of(counts)
    if not outcome.is_tie:
        raise JuweiError(t("{name}'s grade is not tied: it is {grade}, by the highest share", name=subject.name,
                           grade=label("evaluation grade", outcome.grade) if outcome.grade else "—"))
    if grade not in outcome.tied:
        raise ValidationError(t("the tie is between {grades}: the meeting decides one of them",
                                grades=t(", ").join(label("evaluation grade", g) for g in outcome.tied)))
    before = audit.row_state(subject)
    subject.decided_grade, subject.decided_note = grade, why
    scope.session.add(subject)
    audit.record_row(scope, "evaluation.decide", "evaluation_subject", subject, before=before)
    return subject


# ---------------------------------------------------------------- publication and consequences (S19, S29)

@dataclass
class Published:
    evaluation: Evaluation
    disclosure_id: int
    posted: bool  # posted today or earlier; False: a draft planned for a later day
    window: tuple[dt.date, dt.date]
    commended: list[str]
    admonitions: list[tuple[int, str]]  # (admonition id, name) opened for 基本合格
    already_admonished: list[str]
    recall: list[str]  # 不合格: a recall may be started
    ends_office: list[str]
    days: int  # the objection window's working days
    provisional: bool = False  # the window reaches a year the holiday calendar does not hold yet


def publish(scope: Scope, evaluation_id: int, *, on: dt.date | None = None, contact: str | None = None) -> Published:
    """S19: the results on the board, with the objection window in working days and the commendation list;
    each 基本合格 opens an admonition (S29); each 不合格 is named for a possible recall."""
    from juwei.render.bodies import EvaluationBody, EvaluationLine, markdown_source
    from juwei.rules.privacy import public_text
    from juwei.services import admonition
    from juwei.services.disclosure import add_disclosure, post

    row = find_evaluation(scope, evaluation_id)
    require_not_published(row)
    day = on or scope.today
    if day < row.held_on:
        raise ValidationError(t("{field} {day} is before the evaluation was held ({held})", field=named("on"),
                                day=day, held=row.held_on))
    outcome = result(scope, row.id)
    if not is_counted(row):
        raise JuweiError(t("evaluation {id} is not counted yet: `juwei eval count {id}`", id=row.id))
    missing = [line.subject for line in outcome.subjects if line.counts is None]
    if missing:
        raise JuweiError(t("not counted yet: {names}", names=t(", ").join(missing)))
    ties = [line.subject for line in outcome.subjects if line.grade is None and line.tied]
    if ties:
        raise JuweiError(t("a tie is undecided for {names}: record the meeting's decision with "
                           "`juwei eval decide {id} PERSON --grade G --note TEXT`", names=t(", ").join(ties), id=row.id))
    blank = [line.subject for line in outcome.subjects if line.grade is None]
    if blank:
        raise JuweiError(t("no ballot graded {names}: there is no result to publish", names=t(", ").join(blank)))
    profile = evaluation_rules(row)
    days = profile.eval_objection_working_days
    first, last = rules.working_days_window(day, days)
    with speaking(scope.community.locale) as lang:
        lines = [EvaluationLine(public_text(line.subject, limit=100), line.post,  # posts in the board's language
                                *(line.counts[code] for code in GRADE_FIELDS), line.grade)
                 for line in result(scope, row.id).subjects]
        whole = None
        if outcome.whole is not None:
            whole = [(code.value, outcome.whole[code.value]) for code in WholeGrade]
        body = EvaluationBody(row.held_on, row.issued, row.returned, row.void, row.returned - row.void, whole,
                              outcome.whole_grade, lines, [line.name for line, r in zip(lines, outcome.subjects)
                                      if r.grade == Grade.EXCELLENT],
                              days, first, last)
        title = t("{community}: results of the democratic evaluation of {day}", community=scope.community.name,
                  day=row.held_on)
        disclosure = add_disclosure(scope, category="evaluation", title=title[:200],
                                    body=markdown_source(body, lang), post_on=day, until=last, contact=contact,
                                    subject=f"evaluation:{row.id}")
    posted = day <= scope.today
    if posted:
        post(scope, disclosure.id, day)
    before = audit.row_state(row)
    row.published_on, row.objection_until, row.disclosure_id = day, last, disclosure.id
    scope.session.add(row)
    audit.record_row(scope, "evaluation.publish", "evaluation", row, before=before)
    opened, already = [], []
    subjects = {s.name: s for s in subject_rows(scope, row.id)}
    for line in outcome.subjects:
        if line.grade != Grade.BASIC:
            continue
        subject = subjects[line.subject]
        with speaking(scope.community.locale):
            reason = t("graded basically competent (基本合格) at the democratic evaluation of {day}", day=row.held_on)
        made = admonition.open_for_evaluation(scope, subject.member_id, subject.name, reason, row.id, day)
        (opened.append((made.id, subject.name)) if made else already.append(subject.name))
    return Published(row, disclosure.id, posted, (first, last),
                     [line.subject for line in outcome.subjects if line.grade == Grade.EXCELLENT], opened, already,
                     [line.subject for line in outcome.subjects if line.grade == Grade.INCOMPETENT],
                     [line.subject for line in outcome.subjects if line.ends_office], days,
                     rules.window_provisional(first, last))


def notified(scope: Scope, evaluation_id: int, ref: str, on: dt.date) -> EvaluationSubject:
    """S19: the subject was told the result on ``on`` (within the profile's days of the evaluation)."""
    row = find_evaluation(scope, evaluation_id)
    subject = find_subject(scope, row, ref)
    if _final(subject)[0] is None:
        raise JuweiError(t("{name} has no result yet to be told", name=subject.name))
    if on < row.held_on or on > scope.today:
        raise ValidationError(t("{field} {day} must fall from the evaluation ({held}) to today ({today})",
                                field=named("on"), day=on, held=row.held_on, today=scope.today))
    if subject.notified_on is not None:
        raise JuweiError(t("{name} was already told on {day}", name=subject.name, day=subject.notified_on))
    before = audit.row_state(subject)
    subject.notified_on = on
    scope.session.add(subject)
    audit.record_row(scope, "evaluation.notified", "evaluation_subject", subject, before=before)
    return subject
