"""Grid responsibility (包片联户, 网格, S11, S13): each household under one responsible person who holds a post
(the committee, its staff or a standing body), the blind spots nobody covers, household visits (入户走访), and
the board sheet of who is responsible for which buildings or groups.

Every write is one audited row. An assignment is never deleted: unassigning ends it, so who covered a
household when stays on record.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import t
from juwei.rules import grid as rules
from juwei.rules.committee import ROLE_ORDER, PostBody
from juwei.rules.due import DueItem
from juwei.services import audit
from juwei.services.committee import PostRow, held_by, person_key, post_title, serving_posts
from juwei.services.roster import find_group, find_household
from juwei.services.scope import Scope
from juwei.storage.models import GridAssignment, Household, HouseholdVisit, ResidentsGroup

NOTE_LIMIT = 1000
# Who is expected to cover households (S11: each committee cadre; S13: the community's staff work the grid).
# Members of the other standing bodies may be given households too, but are not listed as idle.
EXPECTED = (PostBody.COMMITTEE, PostBody.STAFF)


def responsible_on(scope: Scope, ref: str, day: dt.date) -> PostRow:
    """The person ``ref`` names (a member id or ID number, or the name of a post holder not on the roster),
    holding a post on ``day``: only the committee, its staff and the standing bodies take households."""
    try:
        member, found = held_by(scope, serving_posts(scope, None, day), ref)
    except NotFound:  # not a member: a post holder not on the roster whose post has ended, or nobody
        name = " ".join(ref.split())
        if not any(row.member_id is None and row.name == name for row in serving_posts_ever(scope)):
            raise
        raise JuweiError(t("{name} holds no post on {day}: households are given to the committee, its staff and "
                           "standing bodies (S11)", name=name, day=day)) from None
    if not found:
        raise JuweiError(t("member {id} ({name}) holds no post on {day}: households are given to the committee, "
                           "its staff and standing bodies (S11)", id=member.id, name=member.name, day=day))
    return found[0]


def serving_posts_ever(scope: Scope) -> list[PostRow]:
    """Every post of every body, ended ones included."""
    from juwei.services.committee import list_posts

    return list_posts(scope, None, include_ended=True)  # type: ignore[arg-type]  (None: every body)


def _targets(scope: Scope, group: str | None, households: list[str]) -> list[Household]:
    if (group is None) == (not households):
        raise ValidationError(t("give either {group} or one or more {household}, not both",
                                group=named("group"), household=named("household")))
    if group is not None:
        row = find_group(scope, group)
        found = list(scope.session.exec(select(Household).where(Household.community_id == scope.community_id,
                                                                Household.group_id == row.id)
                                        .order_by(Household.number)).all())
        if not found:
            raise JuweiError(t("group '{group}' has no households", group=row.name))
        return found
    unique: dict[int, Household] = {}
    for ref in households:
        household = find_household(scope, ref)
        unique.setdefault(household.id, household)
    return list(unique.values())


def _open(scope: Scope, household_ids: list[int] | None = None) -> list[GridAssignment]:
    query = select(GridAssignment).where(GridAssignment.community_id == scope.community_id,
                                         GridAssignment.ended_on.is_(None))
    if household_ids is not None:
        query = query.where(GridAssignment.household_id.in_(household_ids))
    return list(scope.session.exec(query).all())


def _name(row: GridAssignment | HouseholdVisit, names: dict[int, str]) -> str:
    return names.get(row.member_id, "") if row.member_id is not None else (row.name or "")


@dataclass
class Assigned:
    person: str  # the responsible person's name
    added: list[GridAssignment]
    already: int  # households this person already covered


def assign(scope: Scope, ref: str, *, group: str | None = None, households: list[str] | None = None,
           on: dt.date | None = None) -> Assigned:
    """S11, S13: put households (a whole group's, or the numbers given) under ``ref`` from ``on``. One
    responsible person per household: a household someone else covers is refused, naming them."""
    day = on or scope.today
    holder = responsible_on(scope, ref, day)
    targets = _targets(scope, group, list(households or []))
    current = {a.household_id: a for a in _open(scope, [h.id for h in targets])}
    taken = [(h, current[h.id]) for h in targets
             if h.id in current and not rules.assignable(person_key(current[h.id].member_id, current[h.id].name),
                                                         holder.person)]
    if taken:
        names = _names(scope, [a for _, a in taken])
        household, other = taken[0]
        raise JuweiError(t("household {number} already has a responsible person: {name}; unassign it first "
                           "(`juwei grid unassign --household {number}`)", number=household.number,
                           name=_name(other, names)) + (t(" (and {n} more)", n=len(taken) - 1) if len(taken) > 1 else ""))
    added = []
    for household in targets:
        if household.id in current:
            continue
        row = GridAssignment(community_id=scope.community_id, household_id=household.id,
                             member_id=holder.member_id, name=None if holder.member_id is not None else holder.name,
                             start=day)
        scope.session.add(row)
        audit.record_row(scope, "grid.assign", "grid_assignment", row)
        added.append(row)
    return Assigned(holder.name, added, len(targets) - len(added))


def unassign(scope: Scope, ref: str | None = None, *, group: str | None = None,
             households: list[str] | None = None, on: dt.date | None = None) -> list[GridAssignment]:
    """End the open assignments of the households named (a group's, or numbers), or every one ``ref`` holds;
    ``on`` is the last day of the responsibility. With both, only that person's among those households."""
    day = on or scope.today
    ids = None
    if group is not None or households:
        ids = [h.id for h in _targets(scope, group, list(households or []))]
    elif ref is None:
        raise ValidationError(t("name the person, a {group} or one or more {household}",
                                group=named("group"), household=named("household")))
    rows = _open(scope, ids)
    if ref is not None:
        keys = _person_keys(scope, rows, ref)
        rows = [a for a in rows if person_key(a.member_id, a.name) in keys]
    if not rows:
        raise JuweiError(t("nothing to unassign: no household named is under a responsible person"))
    for row in rows:
        if day < row.start:
            raise ValidationError(t("the last day ({day}) is before the responsibility started ({start})",
                                    day=day, start=row.start))
    for row in rows:
        before = audit.row_state(row)
        row.ended_on = day
        scope.session.add(row)
        audit.record_row(scope, "grid.unassign", "grid_assignment", row, before=before)
    return rows


def _person_keys(scope: Scope, rows: list[GridAssignment], ref: str) -> set[str]:
    """Who ``ref`` names among the people of ``rows``: a holder not on the roster by name, else a member by
    id or ID number (:class:`NotFound` when there is no such member)."""
    holders = [PostRow(0, "", "", a.member_id, a.name or "", None, None, a.start, None, None, None, None, None)
               for a in rows]
    member, found = held_by(scope, holders, ref)
    return {person_key(member.id, None)} if member is not None else {r.person for r in found}


def _names(scope: Scope, rows) -> dict[int, str]:
    from juwei.storage.models import Member

    ids = {r.member_id for r in rows if r.member_id is not None}
    if not ids:
        return {}
    return dict(scope.session.exec(select(Member.id, Member.name).where(Member.id.in_(ids))).all())


# ---------------------------------------------------------------- reading

@dataclass
class GridRow:
    household_id: int
    household: str  # 户号
    group: str | None
    member_id: int | None
    name: str
    since: dt.date


def _households(scope: Scope) -> list[tuple[int, str, str | None]]:
    """Every household: (id, number, group name), by number."""
    query = (select(Household.id, Household.number, ResidentsGroup.name)
             .outerjoin(ResidentsGroup, Household.group_id == ResidentsGroup.id)
             .where(Household.community_id == scope.community_id).order_by(Household.number))
    return [tuple(r) for r in scope.session.exec(query).all()]


def list_grid(scope: Scope, ref: str | None = None) -> list[GridRow]:
    """Who is responsible for which household now, by group and household number; with ``ref``, that
    person's households only."""
    rows = _open(scope)
    if ref is not None:
        keys = _person_keys(scope, rows, ref)
        rows = [a for a in rows if person_key(a.member_id, a.name) in keys]
    names = _names(scope, rows)
    homes = {h: (number, group) for h, number, group in _households(scope)}
    out = [GridRow(a.household_id, homes[a.household_id][0], homes[a.household_id][1], a.member_id,
                   _name(a, names), a.start) for a in rows]
    return sorted(out, key=lambda r: (r.group is None, r.group or "", r.household))


@dataclass
class Blind:
    id: int
    number: str
    group: str | None


@dataclass
class Idle:
    member_id: int | None
    name: str
    posts: list[str]


@dataclass
class GridCheck:
    on: dt.date
    households: list[Blind]  # nobody is responsible (盲区)
    people: list[Idle]  # committee members and staff responsible for none
    unvisited_days: int | None = None
    unvisited: list[Blind] = field(default_factory=list)


def _read(scope: Scope, query) -> list:
    """Rows of a column query through SQLAlchemy Core on the session's connection: tuples, no ORM loading."""
    return scope.session.connection().execute(query).all()


def _households_where(scope: Scope, *conditions) -> list[Blind]:
    """The community's households meeting ``conditions``, by number, with their groups."""
    return [Blind(h, number, group) for h, number, group in _read(
        scope, select(Household.id, Household.number, ResidentsGroup.name)
        .outerjoin(ResidentsGroup, Household.group_id == ResidentsGroup.id)
        .where(Household.community_id == scope.community_id, *conditions).order_by(Household.number))]


def check(scope: Scope, on: dt.date | None = None, *, unvisited_days: int | None = None) -> GridCheck:
    """S11, S13: the households nobody serving on ``on`` is responsible for, and the committee members and
    staff responsible for none; with ``unvisited_days``, the households without a visit in that many days.

    The database does the narrowing (``rules.grid.blind_spots`` and ``unvisited`` say what it must find, and
    ``tests/grid/test_grid_check_matches_rules.py`` checks it against them): a household is a blind spot when
    no open assignment of it is held by someone serving on the day, so 50,000 households are never loaded
    (docs/performance.md, "Grid responsibility")."""
    day = on or scope.today
    serving = serving_posts(scope, None, day)
    members = {r.member_id for r in serving if r.member_id is not None}
    names = {r.name for r in serving if r.member_id is None}
    held = (GridAssignment.household_id == Household.id) & GridAssignment.ended_on.is_(None) \
        & (GridAssignment.start <= day) \
        & (GridAssignment.member_id.in_(members) | (GridAssignment.member_id.is_(None) & GridAssignment.name.in_(names)))
    covered = select(GridAssignment.id).where(held).exists()
    expected: dict[str, Idle] = {}
    for row in serving:
        if row.body in EXPECTED:
            entry = expected.setdefault(row.person, Idle(row.member_id, row.name, []))
            entry.posts.append(post_title(row.body, row.role, row.group))
    covering = {person_key(m, n): person_key(m, n) for m, n in _read(
        scope, select(GridAssignment.member_id, GridAssignment.name).distinct()
        .where(GridAssignment.community_id == scope.community_id, GridAssignment.ended_on.is_(None),
               GridAssignment.start <= day))}
    idle = rules.idle_people(list(expected), covering)
    result = GridCheck(day, _households_where(scope, ~covered), [expected[p] for p in idle])
    if unvisited_days is not None:
        since = rules.unvisited_since(day, unvisited_days)
        seen = select(HouseholdVisit.id).where(HouseholdVisit.community_id == scope.community_id,
                                               HouseholdVisit.household_id == Household.id,
                                               HouseholdVisit.day >= since, HouseholdVisit.day <= day).exists()
        result.unvisited_days = unvisited_days
        result.unvisited = _households_where(scope, ~seen)
    return result


# ---------------------------------------------------------------- visits (入户走访)

def visit(scope: Scope, household_ref: str, by: str, *, on: dt.date, note: str | None = None) -> HouseholdVisit:
    """S13: a household visit by someone holding a post on the day."""
    household = find_household(scope, household_ref)
    if on > scope.today:
        raise ValidationError(t("{field} {day} is after today ({today}): record a visit once made",
                                field=named("on"), day=on, today=scope.today))
    holder = responsible_on(scope, by, on)
    text = (note or "").strip()
    if len(text) > NOTE_LIMIT:
        raise ValidationError(t("the note is longer than {n} characters", n=NOTE_LIMIT))
    row = HouseholdVisit(community_id=scope.community_id, household_id=household.id, member_id=holder.member_id,
                         name=None if holder.member_id is not None else holder.name, day=on, note=text or None)
    scope.session.add(row)
    audit.record_row(scope, "grid.visit", "household_visit", row)
    return row


# ---------------------------------------------------------------- the board sheet

@dataclass
class BoardLine:
    name: str
    posts: str
    groups: list[str]  # the residents' groups covered (a part of one said so); households by count only
    households: int


@dataclass
class GridBoard:
    community: str
    rules_title: str
    on: dt.date
    office_phone: str | None
    lines: list[BoardLine]
    households: int
    covered: int


def board(scope: Scope, on: dt.date | None = None) -> GridBoard:
    """S13: the sheet for the board — each responsible person, their posts, the residents' groups they cover
    (whole groups by name; households by count only) and the office's public phone. No resident is named."""
    from juwei.rules.privacy import public_text
    from juwei.services.community import rules_on

    day = on or scope.today
    serving = serving_posts(scope, None, day)
    titles: dict[str, list[str]] = defaultdict(list)
    for row in sorted(serving, key=lambda r: (list(PostBody).index(PostBody(r.body)), ROLE_ORDER.get(r.role, 3))):
        titles[row.person].append(post_title(row.body, row.role, row.group))
    households = _households(scope)
    group_of = {h: g for h, _, g in households}
    per_group: dict[str | None, int] = defaultdict(int)
    for _, _, g in households:
        per_group[g] += 1
    rows = [a for a in _open(scope) if a.start <= day and person_key(a.member_id, a.name) in titles]
    names = _names(scope, rows)
    people: dict[str, tuple[str, dict[str | None, int]]] = {}
    for a in rows:
        key = person_key(a.member_id, a.name)
        entry = people.setdefault(key, (_name(a, names), defaultdict(int)))
        entry[1][group_of[a.household_id]] += 1
    lines = []
    for key, (name, groups) in people.items():
        named_groups = [g if n == per_group[g] else t("{group} (some households)", group=g)
                        for g, n in sorted(groups.items(), key=lambda item: item[0] or "") if g is not None]
        if None in groups:
            named_groups.append(t("households in no group"))
        lines.append(BoardLine(public_text(name, limit=100), "、".join(titles[key]), named_groups,
                               sum(groups.values())))
    lines.sort(key=lambda line: (-line.households, line.name))
    phone = scope.community.office_phone
    return GridBoard(scope.community.name, rules_on(scope, day).rules_title, day, phone, lines, len(households),
                     len(rows))


# ---------------------------------------------------------------- what is due

def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """S13: households nobody is responsible for (不留盲区), and S11: committee members and staff who cover no
    household. Nothing until the grid is started (no assignment ever made)."""
    started = scope.session.exec(select(GridAssignment.id).where(
        GridAssignment.community_id == scope.community_id).limit(1)).first()
    if started is None:
        return []
    found = check(scope, on)
    items = []
    if found.households:
        items.append(DueItem("S13", "grid", "grid:blind-spots",
                             t("{n} household(s) have no responsible person (blind spots)", n=len(found.households)),
                             None, False, "juwei grid check"))
    if found.people:
        items.append(DueItem("S11", "grid", "grid:idle",
                             t("{n} committee member(s) or staff are responsible for no household",
                               n=len(found.people)), None, False, "juwei grid check"))
    return items
