"""Democratic evaluation (民主评议, S16–S19) and admonition (诫勉, S29), as pure rules.

Twice a year (S17) the representatives grade each committee member and each professional staff member on an
anonymous ballot (S19): 优秀 / 合格 / 基本合格 / 不合格, judged on 德、能、勤、绩、廉 (S18); the committee as a
whole is graded 满意 / 基本满意 / 不满意 (LAW.md "Elections and evaluations as they are run"). A ballot is
recorded as counts only. The grade is the one with the highest share; a tie is reported, never guessed.
Working days follow the State Council's holiday calendar, as the ``chinese-calendar`` package keeps it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable, Mapping, Sequence

from juwei.errors import ValidationError, named
from juwei.i18n import t


class Grade(StrEnum):  # S19; labels: kind "evaluation grade"
    EXCELLENT = "excellent"  # 优秀
    COMPETENT = "competent"  # 合格 (称职)
    BASIC = "basic"  # 基本合格 (基本称职)
    INCOMPETENT = "incompetent"  # 不合格 (不称职)


# What street offices' forms also write for the grades (LAW.md): 称职 / 基本称职 / 不称职
GRADE_ALIASES = {"称职": "competent", "基本称职": "basic", "不称职": "incompetent"}


class WholeGrade(StrEnum):  # the committee as a whole (LAW.md); labels: kind "committee grade"
    SATISFIED = "satisfied"  # 满意
    BASIC = "basic"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意


class Aspect(StrEnum):  # S18: what a subject is judged on (the review form words them)
    INTEGRITY = "integrity"  # 德
    ABILITY = "ability"  # 能
    DILIGENCE = "diligence"  # 勤
    RESULTS = "results"  # 绩
    HONESTY = "honesty"  # 廉


GRADES = tuple(Grade)
WHOLE_GRADES = tuple(WholeGrade)
ASPECTS = tuple(Aspect)
EVALUATION_MONTHS = (6, 12)  # S17: June and December


# ---------------------------------------------------------------- ballots and counts (S19)

@dataclass(frozen=True)
class Ballots:
    """The ballot totals announced at the count: issued, returned, void; valid = returned − void."""
    issued: int
    returned: int
    void: int

    @property
    def valid(self) -> int:
        return self.returned - self.void


def check_ballots(issued: int, returned: int, void: int) -> Ballots:
    """S19 / LAW.md: no count may be negative, no more ballots returned than issued (such a count is void),
    no more void ballots than returned."""
    for name, value in (("issued", issued), ("returned", returned), ("void", void)):
        if value < 0:
            raise ValidationError(t("{field} cannot be negative", field=named(name)))
    if returned > issued:
        raise ValidationError(t("{returned} ballots returned is more than the {issued} issued: the count is "
                                "void (LAW.md)", returned=returned, issued=issued))
    if void > returned:
        raise ValidationError(t("{void} void ballots is more than the {returned} returned", void=void,
                                returned=returned))
    return Ballots(issued, returned, void)


def check_counts(counts: Mapping[str, int], valid: int, subject: str = "") -> None:
    """One subject's marks: none negative, and together no more than the valid ballots (a ballot left blank
    for a subject counts for none of its grades)."""
    for code, value in counts.items():
        if value < 0:
            raise ValidationError(t("{field} cannot be negative", field=named(code)))
    total = sum(counts.values())
    if total > valid:
        raise ValidationError(t("{subject}: the grades add up to {total}, more than the {valid} valid ballots",
                                subject=subject, total=total, valid=valid))


@dataclass(frozen=True)
class Outcome:
    """The grade with the highest share, or None with ``tied`` naming the grades that share it."""
    grade: str | None
    tied: tuple[str, ...]

    @property
    def is_tie(self) -> bool:
        return len(self.tied) > 1


def highest_share(counts: Mapping[str, int], order: Sequence[str]) -> Outcome:
    """LAW.md: the grade with the highest share of the ballots. Every grade's share has the same base (the
    valid ballots), so the highest count decides; two or more grades with that count are a tie the meeting
    decides (``tied`` lists them, in ``order``). No marks at all: no grade, no tie."""
    top = max((counts.get(code, 0) for code in order), default=0)
    if top <= 0:
        return Outcome(None, ())
    leaders = tuple(code for code in order if counts.get(code, 0) == top)
    return Outcome(leaders[0] if len(leaders) == 1 else None, leaders if len(leaders) > 1 else ())


def grade_of(counts: Mapping[str, int]) -> Outcome:
    """S19: a subject's grade from its counts (by :class:`Grade` code)."""
    return highest_share(counts, [g.value for g in GRADES])


def whole_grade_of(counts: Mapping[str, int]) -> Outcome:
    """The committee as a whole: 满意 / 基本满意 / 不满意 by the same rule."""
    return highest_share(counts, [g.value for g in WHOLE_GRADES])


def ends_office(grades: Sequence[str | None], rule_applies: bool) -> bool:
    """LAW.md (village organic law): two consecutive evaluations of 不合格 (不称职) end the office, where the
    profile says so. ``grades`` are one person's final grades, oldest first, the latest last."""
    return rule_applies and len(grades) >= 2 and grades[-1] == grades[-2] == Grade.INCOMPETENT


# ---------------------------------------------------------------- working days (LAW.md)

def _calendar():
    import chinese_calendar

    return chinese_calendar


def calendar_covers(day: dt.date) -> bool:
    """Whether the installed holiday calendar holds ``day``'s year (the State Council publishes each year's
    schedule late in the year before; the ``chinese-calendar`` package follows it)."""
    try:
        _calendar().is_workday(day)
    except NotImplementedError:
        return False
    return True


def is_working_day(day: dt.date) -> bool:
    """A working day on the State Council's calendar: weekdays, less public holidays, plus the weekend days
    worked in exchange (调休). **Reading:** a year the calendar does not hold yet counts Monday to Friday, and a
    window that reaches into it is provisional (:func:`window_provisional`): the clerk is told to check it once
    the year's schedule is out, rather than being refused a publication that is due."""
    if calendar_covers(day):
        return bool(_calendar().is_workday(day))
    return day.weekday() < 5


def window_provisional(first: dt.date, last: dt.date) -> bool:
    """A window counted partly on Monday-to-Friday because the calendar does not hold its years yet."""
    return not (calendar_covers(first) and calendar_covers(last))


def working_days_window(first_posted: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """The objection window of ``days`` working days for results posted on ``first_posted``: the first and last
    working day of it. **Reading:** the day of posting counts when it is a working day (公示期 …至… 共五个工作日
    as boards write it); otherwise the window opens on the next working day."""
    if days < 1:
        raise ValidationError(t("a window is at least one working day"))
    day = first_posted
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    first, counted = day, 1
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return first, day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie from ``start`` to ``end``, both included (0 when ``end`` is before)."""
    count, day = 0, start
    while day <= end:
        count += is_working_day(day)
        day += dt.timedelta(days=1)
    return count


# ---------------------------------------------------------------- when it is due (S17, S19, S29)

def half_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar half-year ``day`` falls in."""
    if day.month <= 6:
        return dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)


def evaluation_month(day: dt.date) -> tuple[dt.date, dt.date]:
    """S17: the month the half-year's evaluation is held in (June or December)."""
    month = EVALUATION_MONTHS[0] if day.month <= 6 else EVALUATION_MONTHS[1]
    last = 30 if month == 6 else 31
    return dt.date(day.year, month, 1), dt.date(day.year, month, last)


@dataclass(frozen=True)
class HalfDue:
    first: dt.date  # the first day of the evaluation month
    due: dt.date  # its last day
    overdue: bool


def evaluations_due(today: dt.date, held: Iterable[dt.date], since: dt.date) -> list[HalfDue]:
    """S17: each half-year from ``since`` (the register's first post) whose evaluation month has begun by
    ``today`` and which holds no evaluation. **Reading:** an evaluation held in the half-year answers it (one
    slipped into May still counts); only the current half and the one before are reported."""
    held_halves = {half_of(day) for day in held}
    out = []
    current = half_of(today)
    previous = half_of(current[0] - dt.timedelta(days=1))
    for half in (previous, current):
        first, last = evaluation_month(half[1])
        if today < first or half[1] < since or half in held_halves:
            continue
        out.append(HalfDue(first, last, today > last))
    return out


def notify_by(held_on: dt.date, notify_days: int) -> dt.date:
    """S19 / LAW.md: each subject is told the result within the profile's days of the evaluation."""
    return held_on + dt.timedelta(days=notify_days)


def month_end(day: dt.date) -> dt.date:
    nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def followup_due(opened_on: dt.date, noted: Iterable[dt.date], today: dt.date) -> dt.date | None:
    """S29: an open admonition asks for a follow-up note every month until it is closed. The month it opens
    in needs none (opening it is that month's record); each later month needs a note dated in it. Returns
    the month's last day when this month's note is missing, else None."""
    if (today.year, today.month) <= (opened_on.year, opened_on.month):
        return None
    if any((d.year, d.month) == (today.year, today.month) for d in noted):
        return None
    return month_end(today)
