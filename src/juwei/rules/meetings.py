"""Meetings as pure arithmetic: who sits on the roll, notice, quorum, passing, seats, cadences.

Nothing here touches a database. The services hand in plain records (tuples and dataclasses) and a
:class:`~juwei.rules.profiles.Rules` snapshot; every number comes from that snapshot (S1–S8, S14).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable, NamedTuple, Sequence

from juwei.errors import ValidationError, named
from juwei.i18n import label, language, t
from juwei.rules import people
from juwei.rules.codes import read_code
from juwei.rules.profiles import Cadence
from juwei.rules.thresholds import Threshold, threshold_words

# Formal meetings decide (S1–S9); routine meetings (S12, S14) only need minutes (S15).
FORMAL_KINDS = ("residents", "representatives")
ROUTINE_KINDS: dict[str, str] = {  # kind → the profile key holding its cadence
    "office": "cadence_office",  # S14a 居委会办公会议
    "heart-to-heart": "cadence_heart_to_heart",  # S14b 交心通气会
    "group-leaders": "cadence_group_leaders",  # S14d 居民小组长会议
    "deliberation": "cadence_deliberation",  # S14e 议事委员会
    "two-committees": "cadence_two_committees",  # S14f 两委会办公会
    "sentiment": "cadence_sentiment",  # S12 民情分析会
}


class MeetingKind(StrEnum):  # a meeting's kind: the two formal ones, then the routine ones
    RESIDENTS = "residents"  # 居民会议
    REPRESENTATIVES = "representatives"  # 居民代表会议
    OFFICE = "office"
    HEART_TO_HEART = "heart-to-heart"
    GROUP_LEADERS = "group-leaders"
    DELIBERATION = "deliberation"
    TWO_COMMITTEES = "two-committees"
    SENTIMENT = "sentiment"


class Body(StrEnum):  # who attends: S1 (a) (b) (c), and the representatives' meeting
    ADULTS = "adults"
    HOUSEHOLDS = "households"
    GROUPS = "groups"
    REPRESENTATIVES = "representatives"


class MeetingStatus(StrEnum):
    CONVENED = "convened"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class MotionKind(StrEnum):  # S9
    ORDINARY = "ordinary"
    WORK_REPORT = "work-report"
    PLAN = "plan"
    BUDGET = "budget"
    OTHER = "other"


class VoteChoice(StrEnum):  # a roll-call ballot (S8); labels: kind "choice"
    FOR = "for"  # 赞成
    AGAINST = "against"  # 反对
    ABSTAIN = "abstain"  # 弃权


class VoteMethod(StrEnum):  # how a motion was voted; labels: kind "vote method"
    COUNT = "count"  # counted by tellers: a show of hands, paper ballots
    ROLL_CALL = "roll-call"  # 唱名表决: seat by seat


class PassBase(StrEnum):  # S8: what a passing share is a share of
    PRESENT = "present"
    CAST = "cast"


class MeetingReason(StrEnum):  # why a formal meeting is held (S4, S5); labels: kind "meeting reason"
    REGULAR = "regular"
    REPORT = "report"  # S14c: the committee reports its work
    PETITION = "petition"  # S5: residents or representatives asked for it; stored as petition:ID


class PetitionBase(StrEnum):  # S5: who a petition's share is counted among; labels: kind "petition base"
    REPRESENTATIVES = "representatives"
    ADULTS = "adults"
    HOUSEHOLDS = "households"


class RepresentativeKind(StrEnum):  # S1, S2; labels: kind "representative kind"
    ELECTED = "elected"  # 推选代表, by a residents' group
    EX_OFFICIO = "ex_officio"  # 当然代表


class ExOfficioBasis(StrEnum):  # S2: the office that makes someone a representative ex officio
    PARTY_ORG = "party_org"
    COMMITTEE = "committee"
    NPC_DEPUTY = "npc_deputy"
    CPPCC_MEMBER = "cppcc_member"


KINDS = tuple(MeetingKind)
BODIES = tuple(Body)
RESIDENTS_BODIES = (Body.ADULTS, Body.HOUSEHOLDS, Body.GROUPS)
MOTION_KINDS = tuple(MotionKind)
CHOICES = tuple(VoteChoice)
PASS_BASES = tuple(PassBase)


# ---------------------------------------------------------------- kind and body (S1)

def check_kind_body(kind: str, body: str | None) -> str | None:
    """The body a meeting of ``kind`` is formed by: a representatives' meeting by the serving
    representatives; a residents' meeting by adults, households or group representatives (S1). Routine
    meetings may name a body (to sign people in) or none."""
    kind = read_code(MeetingKind, "meeting kind", kind, "kind")
    if body is not None:
        body = read_code(Body, "body", body, "body")
    if kind == MeetingKind.REPRESENTATIVES:
        if body not in (None, Body.REPRESENTATIVES):
            raise ValidationError(t("a representatives' meeting is formed by the serving representatives "
                                    "(S1): use {option} representatives, not '{body}'", option=named("body"),
                                    body=body))
        return Body.REPRESENTATIVES
    if kind == MeetingKind.RESIDENTS:
        if body not in (None, *RESIDENTS_BODIES):
            raise ValidationError(t("a residents' meeting is formed by adults, households or groups (S1), "
                                    "not by '{body}'; use {option} representatives for a representatives' meeting",
                                    option=named("kind"), body=body))
        return body or Body.ADULTS
    return body


def needs_quorum(kind: str) -> bool:
    """S7 binds the deciding meetings; routine meetings (S14) have no quorum."""
    return kind in FORMAL_KINDS


# ---------------------------------------------------------------- the roll

class Candidate(NamedTuple):
    """One person (or household) who may sit on a meeting's roll, as the roster describes them.
    A tuple, so that an adults' body of 100,000 is cheap to build."""

    member_id: int | None
    name: str
    group_id: int | None
    group_name: str | None
    household_id: int | None
    household_number: str | None
    rep_kind: str | None = None  # elected | ex_officio | elected+ex_officio
    rep_basis: str | None = None  # party_org | committee | … (S2)


def roll_order(c: Candidate) -> tuple:
    """Seats run by group (in the order groups were created), household number, name (issue 4). The
    services sort large bodies in SQL by the same keys (code-point order of names, as SQLite compares)."""
    return (c.group_id is None, c.group_id or 0, c.household_number is None, c.household_number or "",
            c.name, c.member_id or 0)


def adult_on(birth: dt.date | None, moved_in: dt.date | None, moved_out: dt.date | None,
             deprived_from: dt.date | None, deprived_until: dt.date | None, day: dt.date,
             adult_age: int, birthday_counts: bool) -> bool:
    """S1(a): resident on ``day``, aged ``adult_age`` or more, political rights not deprived that day."""
    return people.may_take_part(birth=birth, moved_in=moved_in, moved_out=moved_out,
                                deprived_from=deprived_from, deprived_until=deprived_until, day=day,
                                adult_age=adult_age, birthday_counts=birthday_counts)


def household_seats(adults: Iterable[Candidate], designated: dict[int, int | None]) -> list[Candidate]:
    """S1(b): one seat per household that has an adult on the day. The seat names the household's
    designated representative (户代表) when that person is one of its adults; otherwise the seat has no
    member and any adult of the household may sign in for it."""
    by_household: dict[int, list[Candidate]] = {}
    for c in adults:
        if c.household_id is not None:
            by_household.setdefault(c.household_id, []).append(c)
    seats = []
    for household_id, members in by_household.items():
        chosen = next((m for m in members if m.member_id == designated.get(household_id)), None)
        first = members[0]
        seats.append(Candidate(chosen.member_id if chosen else None, chosen.name if chosen else "",
                               first.group_id, first.group_name, household_id, first.household_number))
    return seats


def rep_kinds(text: str | None) -> frozenset[RepresentativeKind]:
    """The kinds a seat on a roll holds, from the roll's text (``elected+ex_officio``)."""
    return frozenset(RepresentativeKind(k) for k in (text or "").split("+") if k)


def rep_kinds_text(kinds: Iterable[RepresentativeKind]) -> str | None:
    """The roll's text for a seat's kinds: the codes in order, joined by ``+``; None for none."""
    return "+".join(sorted(RepresentativeKind(k) for k in set(kinds))) or None


def representative_seats(reps: Iterable[tuple[Candidate, str, str | None]]) -> list[Candidate]:
    """S1(c)/S2: one seat per serving representative; a member who is both elected and ex officio sits
    once, with both kinds noted. ``reps`` are (person, kind, basis)."""
    seats: dict[int, Candidate] = {}
    for person, kind, basis in reps:
        key = person.member_id or 0
        old = seats.get(key)
        if old is not None:
            kinds = rep_kinds_text({*rep_kinds(old.rep_kind), RepresentativeKind(kind)})
            bases = ",".join(b for b in dict.fromkeys((*(old.rep_basis or "").split(","), basis or "")) if b)
            seats[key] = old._replace(rep_kind=kinds, rep_basis=bases or None)
        else:
            seats[key] = person._replace(rep_kind=rep_kinds_text([kind]), rep_basis=basis)
    return list(seats.values())


def number_roll(candidates: Iterable[Candidate]) -> list[tuple[int, Candidate]]:
    """Seat numbers 1…N in roll order."""
    return list(enumerate(sorted(candidates, key=roll_order), start=1))


# ---------------------------------------------------------------- notice (S6)

def earliest_meeting_date(noticed_on: dt.date, notice_days: int) -> dt.date:
    """S6 (reading): meeting date − notice date ≥ notice days."""
    return noticed_on + dt.timedelta(days=notice_days)


def notice_ok(noticed_on: dt.date, meeting_day: dt.date, notice_days: int) -> bool:
    return meeting_day >= earliest_meeting_date(noticed_on, notice_days)


# ---------------------------------------------------------------- quorum (S7) and passing (S8)

@dataclass(frozen=True)
class Quorum:
    body_size: int
    present: int
    required: int
    quorate: bool

    @property
    def short(self) -> int:
        """How many more must sign in."""
        return max(0, self.required - self.present)


def quorum(body_size: int, present: int, rule: Threshold | None) -> Quorum:
    """S7: ``present`` of ``body_size`` meets the quorum rule. No rule (routine meetings): always met.
    An empty body is never quorate."""
    if rule is None:
        return Quorum(body_size, present, 0, True)
    required = rule.minimum(body_size)
    return Quorum(body_size, present, required, body_size > 0 and rule.met(present, body_size))


@dataclass(frozen=True)
class Tally:
    """The result of one motion; the field names are `vote tally --json`'s."""

    present: int
    votes_for: int
    against: int
    abstain: int
    not_voting: int
    required: int
    passed: bool
    rule: str

    def as_json(self) -> dict:
        return {"present": self.present, "for": self.votes_for, "against": self.against,
                "abstain": self.abstain, "not_voting": self.not_voting, "required": self.required,
                "passed": self.passed, "rule": self.rule}


def rule_text(threshold: Threshold, base: str) -> str:
    """``>=2/3 of present`` / ``>1/2 of cast``: the rule as stored with a result."""
    return f"{threshold} of {base}"


def rule_words(rule: str | None) -> str:
    """A stored pass rule as the clerk reads it: ``>=2/3 of present`` → 出席人数的三分之二以上. English keeps
    the stored form."""
    threshold, of, base = (rule or "").partition(" of ")
    if not of or language() == "en":
        return rule or ""
    return t("{threshold} of {base}", threshold=threshold_words(threshold), base=label("pass base", base))


def reason_words(reason: str | None) -> str:
    """Why a meeting was convened, in words: ``regular``, ``report``, ``petition:3`` (S4, S14c, S5)."""
    code, _, petition_id = (reason or "").partition(":")
    if petition_id:
        return t("{reason} (petition {id})", reason=label("meeting reason", code), id=petition_id)
    return label("meeting reason", code)


def check_counts(present: int, votes_for: int, against: int, abstain: int) -> None:
    """Counted votes (show of hands, paper ballots) may not exceed those present (LAW.md: a round with more
    ballots than issued is void)."""
    for name, value in (("votes_for", votes_for), ("against", against), ("abstain", abstain)):
        if value < 0:
            raise ValidationError(t("{option} must be 0 or more, not {value}", option=named(name), value=value))
    total = votes_for + against + abstain
    if total > present:
        raise ValidationError(t("{total} votes counted ({votes_for} for, {against} against, {abstain} abstain) "
                                "but only {present} present; the count may not exceed those present",
                                total=total, votes_for=votes_for, against=against, abstain=abstain,
                                present=present))


def tally(present: int, votes_for: int, against: int, abstain: int, threshold: Threshold,
          base: str) -> Tally:
    """S8, LAW.md "threshold words": base ``present`` counts abstentions and silent members against;
    base ``cast`` counts only for and against (abstentions are not votes cast). A motion needs at least
    one vote in favour, so an empty base never passes."""
    check_counts(present, votes_for, against, abstain)
    if base not in PASS_BASES:
        raise ValidationError(t("pass base '{base}' is not allowed; use one of {allowed}",
                                base=base, allowed=", ".join(PASS_BASES)))
    denominator = present if base == PassBase.PRESENT else votes_for + against
    required = max(1, threshold.minimum(denominator))
    passed = votes_for >= 1 and threshold.met(votes_for, denominator)
    return Tally(present, votes_for, against, abstain, present - votes_for - against - abstain, required,
                 passed, rule_text(threshold, base))


# ---------------------------------------------------------------- seats

def check_seats(seats: Sequence[int], roll_size: int) -> list[int]:
    """Seats named for a sign-in or a roll call: every one on the roll (1…roll_size), each given once.
    (What the clerk types, ``1 2 5-9``, the command line reads into numbers.)"""
    if not seats:
        raise ValidationError(t("no seats given; write seat numbers and ranges like 1 2 5-9"), field="seats")
    seen: set[int] = set()
    for seat in seats:
        if not isinstance(seat, int) or isinstance(seat, bool):  # a caller handing on what the clerk typed
            raise ValidationError(t("'{text}' is not a seat number or range; write seats like 1 2 5-9",
                                    text=str(seat)[:30]), field="seats")
        if seat < 1 or seat > roll_size:
            if roll_size == 0:
                raise ValidationError(t("seat {seat} is not on the roll: this meeting's roll is empty", seat=seat),
                                      field="seats")
            raise ValidationError(t("seat {seat} is not on the roll (seats 1–{n})", seat=seat, n=roll_size),
                                  field="seats")
        if seat in seen:
            raise ValidationError(t("seat {seat} is given twice", seat=seat), field="seats")
        seen.add(seat)
    return list(seats)


# ---------------------------------------------------------------- calendar periods (S4, S12, S14)

def period_of(day: dt.date, cadence: str) -> tuple[dt.date, dt.date] | None:
    """The calendar period holding ``day``: ISO week (Mon–Sun), month, quarter, half-year (Jan–Jun,
    Jul–Dec, S4 reading), year. ``none`` has no period."""
    if cadence == Cadence.NONE:
        return None
    if cadence == Cadence.WEEKLY:
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if cadence == Cadence.YEARLY:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    months = {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6}.get(cadence)
    if months is None:
        raise ValidationError(t("'{cadence}' is not a cadence", cadence=cadence))
    first_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, first_month, 1)
    return start, next_period_start(start, months) - dt.timedelta(days=1)


def next_period_start(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def previous_period(day: dt.date, cadence: str) -> tuple[dt.date, dt.date] | None:
    current = period_of(day, cadence)
    if current is None:
        return None
    return period_of(current[0] - dt.timedelta(days=1), cadence)


@dataclass(frozen=True)
class Due:
    """Whether a meeting with this cadence is held for the period holding ``today``."""

    cadence: str
    period_start: dt.date | None
    period_end: dt.date | None
    last: dt.date | None
    convened_this_period: bool
    due_by: dt.date | None  # None: nothing due (no cadence, or already held)
    overdue: bool  # the previous period, which the community lived through, had no meeting


def meeting_due(cadence: str, today: dt.date, held: Iterable[dt.date], since: dt.date | None = None) -> Due:
    """``held`` are the dates of meetings that count (not cancelled); ``since`` is when the community's
    records begin, so a new community is not overdue for periods before it existed."""
    dates = sorted(held)
    last = max((d for d in dates if d <= today), default=None)
    period = period_of(today, cadence)
    if period is None:
        return Due(cadence, None, None, last, False, None, False)
    start, end = period
    held_now = any(start <= d <= end for d in dates)
    prev = previous_period(today, cadence)
    overdue = False
    if prev is not None and not held_now and (since is None or since <= prev[0]):
        overdue = not any(prev[0] <= d <= prev[1] for d in dates)
    return Due(cadence, start, end, last, held_now, None if held_now else end, overdue)


def format_seats(seats: Iterable[int]) -> str:
    """[1, 2, 3, 5, 7, 8] → ``1-3 5 7-8``: how a clerk writes seats (the command line reads it back)."""
    out: list[str] = []
    ordered = sorted(set(seats))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        out.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return " ".join(out)


def latest_adult_birth(day: dt.date, adult_age: int, birthday_counts: bool) -> dt.date:
    """The latest birth date of someone who is an adult on ``day`` (S1): ``birth <= this`` is exactly
    :func:`juwei.rules.people.is_adult`, so a database can filter a large roster by one comparison.
    (Being an adult only gets likelier the earlier one was born; 29 February needs the search below.)"""
    try:
        naive = day.replace(year=day.year - adult_age)
    except ValueError:  # day is 29 February
        naive = day.replace(year=day.year - adult_age, day=28)
    best = naive - dt.timedelta(days=3)
    for offset in range(-2, 4):
        candidate = naive + dt.timedelta(days=offset)
        if people.is_adult(candidate, day, adult_age, birthday_counts):
            best = candidate
    return best
