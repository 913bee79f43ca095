"""The bodies juwei writes into disclosures, from templates: ``templates/{zh_CN,en}/bodies/<name>.md.j2``.

A service gathers one of the contexts below (plain dataclasses; the privacy rules already applied: masked
descriptions, public names) and :func:`markdown_source` renders it in the sandboxed source environment
(:func:`juwei.render.environment.source_environment`). The result is the disclosure's stored body, Markdown
in juwei's subset (:mod:`juwei.render.markdown`); the printouts escape it when they show it.

| context | template | rule |
|---|---|---|
| :class:`FinanceBody` | ``bodies/finance.md.j2`` | S20 |
| :class:`WelfareBody` | ``bodies/welfare.md.j2`` | S23 |
| :class:`PersonnelBody` | ``bodies/personnel.md.j2`` | S24 |
| :class:`DutiesBody` | ``bodies/duties.md.j2`` | S26 |
| :class:`EvaluationBody` | ``bodies/evaluation.md.j2`` | S19 |
| :class:`GiftsBody` | ``bodies/gifts.md.j2`` | S27 |
| :class:`MeetingNoticeBody` | ``bodies/meeting_notice.md.j2`` | S25 |
| :class:`MeetingResultsBody` | ``bodies/meeting_results.md.j2`` | S21, S25 |
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, ClassVar

from juwei.rules.disclosure import Account, format_fen


def cell(value: object) -> str:
    """A value safe inside a Markdown table cell: no line breaks, no column separators."""
    return str(value).replace("\r", " ").replace("\n", " ").replace("|", "｜")


def minute(value: dt.datetime) -> str:
    """``2026-10-28 14:30``: the moment as the board's bodies write it."""
    return value.strftime("%Y-%m-%d %H:%M")


SOURCE_FILTERS = {
    "cell": cell,
    "yuan": format_fen,  # fen → 1,234.56
    "minute": minute,
}


@dataclass(frozen=True)
class FinanceBody:
    """S20: a period's account (itemised descriptions already masked of personal numbers)."""

    TEMPLATE: ClassVar[str] = "finance"
    account: Account


@dataclass(frozen=True)
class WelfareRow:
    name: str  # public name: a minor is not named
    household_size: int | None
    benefit: str
    amount: str  # formatted yuan


@dataclass(frozen=True)
class WelfareBody:
    """S23: a welfare publicity list with its objection window."""

    TEMPLATE: ClassVar[str] = "welfare"
    benefit: str
    objection_days: int
    post_by: dt.date
    last_objection: dt.date
    starts: dt.date
    rows: list[WelfareRow]
    total_fen: int
    contact: str | None


@dataclass(frozen=True)
class StaffChange:
    name: str
    change: str
    reason: str
    effective: dt.date


@dataclass(frozen=True)
class PersonnelBody:
    """S24: the staff changes not yet disclosed."""

    TEMPLATE: ClassVar[str] = "personnel"
    changes: list[StaffChange]


@dataclass(frozen=True)
class DutyLine:
    name: str
    posts: str
    duties: str


@dataclass(frozen=True)
class DutiesBody:
    """S26: the division of work in force: who holds which post and is responsible for what (no personal data;
    the office's public phone is the disclosure's contact)."""

    TEMPLATE: ClassVar[str] = "duties"
    on: dt.date
    term: int | None
    people: list[DutyLine]


@dataclass(frozen=True)
class EvaluationLine:
    name: str
    post: str
    excellent: int
    competent: int
    basic: int
    incompetent: int
    grade: str  # the final grade's code (rules.evaluation.Grade): the template words it


@dataclass(frozen=True)
class EvaluationBody:
    """S19: a democratic evaluation's results: the ballots, each subject's counts and grade, the committee as a
    whole, the commendation list (优秀) and the objection window in working days. Names and posts only."""

    TEMPLATE: ClassVar[str] = "evaluation"
    held_on: dt.date
    issued: int
    returned: int
    void: int
    valid: int
    whole: list[tuple[str, int]] | None  # (WholeGrade code, ballots) for the committee as a whole
    whole_grade: str | None
    lines: list[EvaluationLine]
    commended: list[str]
    objection_days: int
    window_first: dt.date
    window_last: dt.date


@dataclass(frozen=True)
class GiftLine:
    day: dt.date
    name: str  # the cadre offered it (a public name)
    offered_by: str  # scrubbed of personal data
    what: str
    value: str  # formatted yuan, or empty when not estimated
    handled: str  # the handling's label in the body's language


@dataclass(frozen=True)
class GiftsBody:
    """S27 (reading): the gift register of a period — what was offered to whom and how it was handled."""

    TEMPLATE: ClassVar[str] = "gifts"
    period: str
    start: dt.date
    end: dt.date
    gifts: list[GiftLine]
    total: str  # formatted yuan of the estimated values


@dataclass(frozen=True)
class MeetingNoticeBody:
    """S25: a representatives' meeting's notice."""

    TEMPLATE: ClassVar[str] = "meeting_notice"
    kind: str  # the meeting's kind code
    kind_name: str  # its name in the body's language
    at: dt.datetime
    place: str
    topics: list[str]


@dataclass(frozen=True)
class VotedMotion:
    number: int
    title: str
    text: str | None
    present: int | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    required: int | None
    passed: bool


@dataclass(frozen=True)
class MeetingResultsBody:
    """S21, S25: what a closed meeting decided (motions not voted on are left out)."""

    TEMPLATE: ClassVar[str] = "meeting_results"
    kind: str
    kind_name: str
    at: dt.datetime
    place: str
    body_size: int | None
    voted: list[VotedMotion]
    summary: str | None


BODIES = (FinanceBody, WelfareBody, PersonnelBody, MeetingNoticeBody, MeetingResultsBody)


def template_name(body: Any, lang: str) -> str:
    return f"{lang}/bodies/{body.TEMPLATE}.md.j2"


def markdown_source(body: Any, lang: str) -> str:
    """The body's Markdown in ``lang`` (zh_CN or en), from its packaged template."""
    from juwei.render.environment import render_template, source_environment

    context = {"lang": lang, **{f.name: getattr(body, f.name) for f in fields(body)}}
    return render_template(source_environment(), template_name(body, lang), context)
