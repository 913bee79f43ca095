"""Democratic evaluation (民主评议, S16–S19), up to the count: open it for a day at its representatives'
meeting, its subjects from the committee register, their self-reviews (述职), what the ballot and the
self-review form print, and what is due (an evaluation each June and December, telling the subjects).

The subjects are the committee members and the professional staff serving on the day (S16), copied when the
evaluation opens and changed only with a reason, until the count. The count, the result, ties decided by the
meeting and publication are :mod:`juwei.services.evaluation_count`. Every write is one audited row.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import speaking, t
from juwei.rules import evaluation as rules
from juwei.rules.committee import PostBody
from juwei.rules.due import DueItem
from juwei.rules.profiles import Rules
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models.evaluation import Evaluation, EvaluationSubject

NOTE_LIMIT = 1000
REPORT_LIMIT = 100_000


# ---------------------------------------------------------------- looking things up

def find_evaluation(scope: Scope, evaluation_id: int) -> Evaluation:
    row = scope.session.get(Evaluation, evaluation_id)
    if row is None or row.community_id != scope.community_id:
        raise NotFound(t("no evaluation {id} in this community; see `juwei eval list`", id=evaluation_id))
    return row


def evaluation_rules(row: Evaluation) -> Rules:
    """The rules in force on the evaluation's day, as kept when it opened."""
    return Rules(json.loads(row.rules))


def subject_rows(scope: Scope, evaluation_id: int, *, include_removed: bool = False) -> list[EvaluationSubject]:
    query = select(EvaluationSubject).where(EvaluationSubject.evaluation_id == evaluation_id,
                                            EvaluationSubject.community_id == scope.community_id)
    rows = list(scope.session.exec(query.order_by(EvaluationSubject.position, EvaluationSubject.id)).all())
    return rows if include_removed else [r for r in rows if r.removed_reason is None]


def person_key(member_id: int | None, name: str) -> str:
    return f"member:{member_id}" if member_id is not None else f"name:{name}"


def find_subject(scope: Scope, row: Evaluation, ref: str, *, include_removed: bool = False) -> EvaluationSubject:
    """A subject by member id, ID number or name (LAW.md: the count sheet names people as the ballot does)."""
    from juwei.services.roster import find_member

    text = " ".join(str(ref).split())
    subjects = subject_rows(scope, row.id, include_removed=include_removed)
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


def require_not_published(row: Evaluation) -> None:
    if row.published_on is not None:
        raise JuweiError(t("evaluation {id} was published on {day}; its record is final", id=row.id,
                           day=row.published_on))


def is_counted(row: Evaluation) -> bool:
    return row.issued is not None


def clean_note(text: str | None, name: str, *, required: bool) -> str | None:
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
        person = person_key(post.member_id, post.name)
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
    last = max((s.position for s in subject_rows(scope, row.id, include_removed=True)), default=0)
    subject = EvaluationSubject(community_id=scope.community_id, evaluation_id=row.id, position=last + 1,
                                body=post.body, role=post.role, post_id=post.id, member_id=post.member_id,
                                name=post.name[:100], added=added)
    scope.session.add(subject)
    audit.record_row(scope, "evaluation.subject", "evaluation_subject", subject)
    return subject


def _require_subjects_open(row: Evaluation) -> None:
    require_not_published(row)
    if is_counted(row):
        raise JuweiError(t("evaluation {id} is counted: its subjects are those on the ballot", id=row.id))


def add_subject(scope: Scope, evaluation_id: int, ref: str) -> EvaluationSubject:
    """Put someone holding a post on the evaluation's day on the ballot (a removed subject comes back)."""
    from juwei.services.committee import holder_on

    row = find_evaluation(scope, evaluation_id)
    _require_subjects_open(row)
    post = holder_on(scope, ref, row.held_on)
    for subject in subject_rows(scope, row.id, include_removed=True):
        if person_key(subject.member_id, subject.name) == person_key(post.member_id, post.name):
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
    why = clean_note(reason, "reason", required=True)
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
            for s in subject_rows(scope, row.id, include_removed=include_removed)]


def record_report(scope: Scope, evaluation_id: int, ref: str, text: str) -> EvaluationSubject:
    """S19: the subject's written self-review (述职), as Markdown text; a later one replaces it."""
    row = find_evaluation(scope, evaluation_id)
    require_not_published(row)
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
    return [EvaluationRow(r.id, r.held_on, r.meeting_id, len(subject_rows(scope, r.id)), is_counted(r), r.published_on,
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
                  for s in subject_rows(scope, row.id)]
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
        for subject in subject_rows(scope, row.id):
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
