"""Democratic evaluation (民主评议, S16–S19): open it for a day, its subjects from the committee register,
their self-reviews (述职), the count as figures only, the result, ties decided by the meeting, publication
on the board with its objection window in working days, and telling each subject the result.

The subjects are the committee members and the professional staff serving on the day (S16), copied when the
evaluation opens and changed only with a reason. Ballots are counts: issued, returned, void, and per subject
how many ballots gave each grade — nothing links a representative to a grade. The quorum of representatives
is checked at the evaluation's meeting when the count is recorded. Publishing opens an admonition (S29,
:mod:`juwei.services.admonition`) for each 基本合格. Every write is one audited row.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, speaking, t
from juwei.rules import evaluation as rules
from juwei.rules.committee import PostBody
from juwei.rules.due import DueItem
from juwei.rules.evaluation import Grade, WholeGrade
from juwei.rules.profiles import Rules
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models.evaluation import Evaluation, EvaluationSubject

NOTE_LIMIT = 1000
REPORT_LIMIT = 100_000
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


# ---------------------------------------------------------------- looking things up

def find_evaluation(scope: Scope, evaluation_id: int) -> Evaluation:
    row = scope.session.get(Evaluation, evaluation_id)
    if row is None or row.community_id != scope.community_id:
        raise NotFound(t("no evaluation {id} in this community; see `juwei eval list`", id=evaluation_id))
    return row


def evaluation_rules(row: Evaluation) -> Rules:
    """The rules in force on the evaluation's day, as kept when it opened."""
    return Rules(json.loads(row.rules))


def _subjects(scope: Scope, evaluation_id: int, *, include_removed: bool = False) -> list[EvaluationSubject]:
    query = select(EvaluationSubject).where(EvaluationSubject.evaluation_id == evaluation_id,
                                            EvaluationSubject.community_id == scope.community_id)
    rows = list(scope.session.exec(query.order_by(EvaluationSubject.position, EvaluationSubject.id)).all())
    return rows if include_removed else [r for r in rows if r.removed_reason is None]


def _person(member_id: int | None, name: str) -> str:
    return f"member:{member_id}" if member_id is not None else f"name:{name}"


def find_subject(scope: Scope, row: Evaluation, ref: str, *, include_removed: bool = False) -> EvaluationSubject:
    """A subject by member id, ID number or name (LAW.md: the count sheet names people as the ballot does)."""
    from juwei.services.roster import find_member

    text = " ".join(str(ref).split())
    subjects = _subjects(scope, row.id, include_removed=include_removed)
    by_name = [s for s in subjects if s.name == text]
    if len(by_name) > 1:
        raise ValidationError(t("two subjects are called {name}: give the member id instead", name=text))
    if by_name:
        return by_name[0]
    try:
        member = find_member(scope, text)
    except NotFound:
        member = None
    found = next((s for s in subjects if member is not None and s.member_id == member.id), None)
    if found is None:
        raise NotFound(t("'{ref}' is not a subject of evaluation {id}; see `juwei eval subjects {id}`",
                         ref=text[:40], id=row.id))
    return found


def _require_not_published(row: Evaluation) -> None:
    if row.published_on is not None:
        raise JuweiError(t("evaluation {id} was published on {day}; its record is final", id=row.id,
                           day=row.published_on))


def _counted(row: Evaluation) -> bool:
    return row.issued is not None


def _note(text: str | None, name: str, *, required: bool) -> str | None:
    clean = (text or "").strip()
    if required and not clean:
        raise ValidationError(t("{field} is required", field=named(name)))
    if len(clean) > NOTE_LIMIT:
        raise ValidationError(t("{field} is longer than {n} characters", field=named(name), n=NOTE_LIMIT))
    return clean or None


# ---------------------------------------------------------------- opening and subjects (S16, S17)

@dataclass
class Opened:
    evaluation: Evaluation
    subjects: int
    warnings: list[str]


def open_evaluation(scope: Scope, *, on: dt.date, meeting_id: int | None = None) -> Opened:
    """S17: an evaluation held on ``on``, at the representatives' meeting ``meeting_id`` when given; its
    subjects are the committee members (by post) and then the staff serving that day (S16)."""
    from juwei.services.committee import serving_posts

    warnings: list[str] = []
    if meeting_id is not None:
        _check_meeting(scope, meeting_id, on)
    same_day = scope.session.exec(select(Evaluation.id).where(Evaluation.community_id == scope.community_id,
                                                              Evaluation.held_on == on)).first()
    if same_day is not None:
        raise JuweiError(t("evaluation {id} is already held on {day}; see `juwei eval show {id}`", id=same_day,
                           day=on))
    posts = serving_posts(scope, PostBody.COMMITTEE, on) + serving_posts(scope, PostBody.STAFF, on)
    if not posts:
        raise JuweiError(t("nobody serves on the committee or the staff on {day}: record them first "
                           "(`juwei committee add`, `juwei staff add`)", day=on))
    if on.month not in rules.EVALUATION_MONTHS:
        warnings.append(t("the rules hold the evaluation in June and December (S17); {day} is not in either",
                          day=on))
    row = Evaluation(community_id=scope.community_id, held_on=on, meeting_id=meeting_id,
                     rules=json.dumps(rules_on(scope, on).snapshot(), ensure_ascii=False, sort_keys=True))
    scope.session.add(row)
    audit.record_row(scope, "evaluation.open", "evaluation", row)
    seen: set[str] = set()
    for post in posts:
        person = _person(post.member_id, post.name)
        if person in seen:  # one who is both a committee member and staff is graded once, by the first post
            continue
        seen.add(person)
        _add_subject_row(scope, row, post, added=False)
    return Opened(row, len(seen), warnings)


def _check_meeting(scope: Scope, meeting_id: int, on: dt.date):
    """The evaluation is held at a representatives' meeting (S17, S19) on its own day."""
    from juwei.rules.meetings import Body
    from juwei.services.meetings import find_meeting

    meeting = find_meeting(scope, meeting_id)
    if meeting.body != Body.REPRESENTATIVES:
        raise ValidationError(t("meeting {id} is not a meeting of the representatives: the representatives "
                                "evaluate (S17)", id=meeting_id))
    if meeting.status == "cancelled":
        raise JuweiError(t("meeting {id} was cancelled ({reason})", id=meeting.id, reason=meeting.cancel_reason))
    if meeting.at.date() != on:
        raise ValidationError(t("meeting {id} is held on {day}, not on {on}: the evaluation is held at its "
                                "meeting", id=meeting_id, day=meeting.at.date(), on=on))
    return meeting


def _add_subject_row(scope: Scope, row: Evaluation, post: Any, *, added: bool) -> EvaluationSubject:
    last = max((s.position for s in _subjects(scope, row.id, include_removed=True)), default=0)
    subject = EvaluationSubject(community_id=scope.community_id, evaluation_id=row.id, position=last + 1,
                                body=post.body, role=post.role, post_id=post.id, member_id=post.member_id,
                                name=post.name[:100], added=added)
    scope.session.add(subject)
    audit.record_row(scope, "evaluation.subject", "evaluation_subject", subject)
    return subject


def _require_subjects_open(row: Evaluation) -> None:
    _require_not_published(row)
    if _counted(row):
        raise JuweiError(t("evaluation {id} is counted: its subjects are those on the ballot", id=row.id))


def add_subject(scope: Scope, evaluation_id: int, ref: str) -> EvaluationSubject:
    """Put someone holding a post on the evaluation's day on the ballot (a removed subject comes back)."""
    from juwei.services.committee import holder_on

    row = find_evaluation(scope, evaluation_id)
    _require_subjects_open(row)
    post = holder_on(scope, ref, row.held_on)
    for subject in _subjects(scope, row.id, include_removed=True):
        if _person(subject.member_id, subject.name) == _person(post.member_id, post.name):
            if subject.removed_reason is None:
                raise JuweiError(t("{name} is already a subject of evaluation {id}", name=subject.name, id=row.id))
            before = audit.row_state(subject)
            subject.removed_reason = None
            scope.session.add(subject)
            audit.record_row(scope, "evaluation.subject", "evaluation_subject", subject, before=before)
            return subject
    return _add_subject_row(scope, row, post, added=True)


def remove_subject(scope: Scope, evaluation_id: int, ref: str, reason: str | None) -> EvaluationSubject:
    """Take a subject off the ballot, with the reason (kept on the record)."""
    row = find_evaluation(scope, evaluation_id)
    _require_subjects_open(row)
    why = _note(reason, "reason", required=True)
    subject = find_subject(scope, row, ref)
    before = audit.row_state(subject)
    subject.removed_reason = why
    scope.session.add(subject)
    audit.record_row(scope, "evaluation.subject", "evaluation_subject", subject, before=before)
    return subject


@dataclass
class SubjectRow:
    id: int
    position: int
    member_id: int | None
    name: str
    body: str
    role: str
    post: str
    added: bool
    removed_reason: str | None
    reported_on: dt.date | None
    notified_on: dt.date | None


def subjects(scope: Scope, evaluation_id: int, *, include_removed: bool = False) -> list[SubjectRow]:
    from juwei.services.committee import post_title

    row = find_evaluation(scope, evaluation_id)
    return [SubjectRow(s.id, s.position, s.member_id, s.name, s.body, s.role, post_title(s.body, s.role),
                       s.added, s.removed_reason, s.reported_on, s.notified_on)
            for s in _subjects(scope, row.id, include_removed=include_removed)]


def record_report(scope: Scope, evaluation_id: int, ref: str, text: str) -> EvaluationSubject:
    """S19: the subject's written self-review (述职), as Markdown text; a later one replaces it."""
    row = find_evaluation(scope, evaluation_id)
    _require_not_published(row)
    body = (text or "").replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError(t("the self-review is empty"))
    if len(body) > REPORT_LIMIT:
        raise ValidationError(t("the self-review is longer than {n} characters", n=REPORT_LIMIT))
    subject = find_subject(scope, row, ref)
    before = audit.row_state(subject)
    subject.report, subject.reported_on = body, scope.today
    scope.session.add(subject)
    audit.record_row(scope, "evaluation.report", "evaluation_subject", subject, before=before)
    return subject


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
    _require_not_published(row)
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
    for subject in _subjects(scope, row.id):  # counts already recorded must still fit the valid ballots
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
    _require_not_published(row)
    if not _counted(row):
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
        for subject in _subjects(scope, other.id):
            grades.setdefault(_person(subject.member_id, subject.name), []).append(_final(subject)[0])
    return grades


def result(scope: Scope, evaluation_id: int) -> Result:
    from juwei.services.committee import post_title

    row = find_evaluation(scope, evaluation_id)
    profile = evaluation_rules(row)
    history = _history(scope, row)
    lines = []
    for subject in _subjects(scope, row.id):
        grade, tied = _final(subject)
        past = history.get(_person(subject.member_id, subject.name), [])
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
    complete = _counted(row) and bool(lines) and all(line.counts is not None and line.grade is not None
                                                      for line in lines)
    return Result(row.id, row.held_on, row.meeting_id, row.issued, row.returned, row.void,
                  row.returned - row.void if _counted(row) else None, row.present, row.body_size, whole,
                  whole_outcome.grade, list(whole_outcome.tied), lines, complete, row.published_on,
                  row.objection_until, row.disclosure_id)


def decide(scope: Scope, evaluation_id: int, ref: str, grade: Grade, note: str | None) -> EvaluationSubject:
    """A tie is not guessed (LAW.md): the meeting decides, and its decision is recorded with a note."""
    row = find_evaluation(scope, evaluation_id)
    _require_not_published(row)
    why = _note(note, "note", required=True)
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


def publish(scope: Scope, evaluation_id: int, *, on: dt.date | None = None, contact: str | None = None) -> Published:
    """S19: the results on the board, with the objection window in working days and the commendation list;
    each 基本合格 opens an admonition (S29); each 不合格 is named for a possible recall."""
    from juwei.render.bodies import EvaluationBody, EvaluationLine, markdown_source
    from juwei.rules.privacy import public_text
    from juwei.services import admonition
    from juwei.services.disclosure import add_disclosure, post

    row = find_evaluation(scope, evaluation_id)
    _require_not_published(row)
    day = on or scope.today
    if day < row.held_on:
        raise ValidationError(t("{field} {day} is before the evaluation was held ({held})", field=named("on"),
                                day=day, held=row.held_on))
    outcome = result(scope, row.id)
    if not _counted(row):
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
    subjects = {s.name: s for s in _subjects(scope, row.id)}
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
                     [line.subject for line in outcome.subjects if line.ends_office], days)


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


# ---------------------------------------------------------------- listing

@dataclass
class EvaluationRow:
    id: int
    held_on: dt.date
    meeting_id: int | None
    subjects: int
    counted: bool
    published_on: dt.date | None
    objection_until: dt.date | None


def list_evaluations(scope: Scope) -> list[EvaluationRow]:
    rows = scope.session.exec(select(Evaluation).where(Evaluation.community_id == scope.community_id)
                              .order_by(Evaluation.held_on, Evaluation.id)).all()
    return [EvaluationRow(r.id, r.held_on, r.meeting_id, len(_subjects(scope, r.id)), _counted(r), r.published_on,
                          r.objection_until) for r in rows]


def document_context(scope: Scope, evaluation_id: int, doc: str, lang: str | None) -> dict[str, Any]:
    """What the anonymous ballot and the self-review form print (``juwei eval render``): plain values only,
    names and posts in the document's language, no ID number, no seat, nothing that marks a ballot.
    Fields: ``doc``, ``lang``, ``community`` {name, committee}, ``rules_title``, ``evaluation`` {id, held_on},
    ``committee`` and ``staff`` [{number, name, post}] in ballot order, ``grades``, ``whole_grades``,
    ``aspects`` (codes; the templates word them)."""
    from juwei.render import LANGUAGES
    from juwei.rules.privacy import public_text
    from juwei.services.committee import post_title
    from juwei.services.documents import check_choice, committee_name

    row = find_evaluation(scope, evaluation_id)
    lang = check_choice(lang or scope.community.locale, LANGUAGES, "lang")
    with speaking(lang):
        people = [{"name": public_text(s.name, limit=100), "post": post_title(s.body, s.role), "body": s.body}
                  for s in _subjects(scope, row.id)]
    committee = [p for p in people if p["body"] == PostBody.COMMITTEE]
    others = [p for p in people if p["body"] != PostBody.COMMITTEE]
    for number, person in enumerate(committee + others, start=1):
        person["number"] = number
    return {"doc": doc, "lang": lang,
            "community": {"name": scope.community.name, "committee": committee_name(scope.community.name, lang)},
            "rules_title": evaluation_rules(row).rules_title,
            "evaluation": {"id": row.id, "held_on": row.held_on},
            "committee": committee, "staff": others,
            "grades": [g.value for g in rules.GRADES], "whole_grades": [g.value for g in rules.WHOLE_GRADES],
            "aspects": [a.value for a in rules.ASPECTS]}


def report_text(scope: Scope, evaluation_id: int, ref: str) -> tuple[str, str | None]:
    row = find_evaluation(scope, evaluation_id)
    subject = find_subject(scope, row, ref)
    return subject.name, subject.report


# ---------------------------------------------------------------- what is due (S17, S19)

def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """An evaluation in each June and December (S17) once anyone serves; subjects not yet told their result
    within the profile's days (S19). Unpublished results are owed to the board (:func:`obligations`)."""
    from juwei.storage.models import Post

    items: list[DueItem] = []
    first = scope.session.exec(select(Post.start).where(Post.community_id == scope.community_id,
                                                        Post.body.in_([PostBody.COMMITTEE, PostBody.STAFF]))
                               .order_by(Post.start)).first()
    evaluations = scope.session.exec(select(Evaluation).where(Evaluation.community_id == scope.community_id)
                                     .order_by(Evaluation.held_on, Evaluation.id)).all()
    if first is not None:
        for half in rules.evaluations_due(on, [e.held_on for e in evaluations], first):
            items.append(DueItem("S17", "evaluation", f"evaluation:due:{half.first:%Y-%m}",
                                 t("democratic evaluation of the committee and staff ({month:%Y-%m})",
                                   month=half.first), half.due, half.overdue, "juwei eval open --on DATE --meeting M"))
    for row in evaluations:
        if row.published_on is None or row.held_on > on:
            continue
        by = rules.notify_by(row.held_on, evaluation_rules(row).eval_notify_days)
        for subject in _subjects(scope, row.id):
            if subject.notified_on is None:
                items.append(DueItem("S19", "evaluation", f"evaluation:{row.id}:notify:{subject.id}",
                                     t("tell {name} the result of evaluation {id}", name=subject.name, id=row.id),
                                     by, by < on, f"juwei eval notified {row.id} {subject.member_id or subject.name} "
                                                  f"--on DATE"))
    return items


def obligations(scope: Scope, day: dt.date) -> list:
    """S19: each evaluation's results are published promptly — within the profile's days for telling the
    subjects (a reading: the rules give no separate figure)."""
    from juwei.rules.disclosure import Obligation

    rows = scope.session.exec(select(Evaluation).where(Evaluation.community_id == scope.community_id,
                                                       Evaluation.held_on <= day)
                              .order_by(Evaluation.id)).all()
    return [Obligation("S19", f"evaluation:{row.id}", t("results of the democratic evaluation of {day}",
                                                         day=row.held_on),
                       rules.notify_by(row.held_on, evaluation_rules(row).eval_notify_days)) for row in rows]
