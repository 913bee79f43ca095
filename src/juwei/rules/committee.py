"""The committee and its people, as pure rules: posts, terms, who serves on a date, and what to warn about.

One idea covers every post a person can hold in the community's own organisation: a residents' committee
post (主任 / 副主任 / 委员, S9), a professional staff position (S28), a seat on a standing body (the party
organisation, the deliberation and supervision committees, the sub-committees, the residents' group leaders,
the information collectors of S11). A post starts on a day, may carry a term end, and is never deleted:
it ends, with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Hashable, Iterable, Sequence

from juwei.rules.dates import add_years
from juwei.rules.people import serving_on


class PostBody(StrEnum):
    """Where a post is held. ``committee`` and ``staff`` have their own commands; the rest are ``org`` kinds."""
    COMMITTEE = "committee"  # 居民委员会 (S9)
    STAFF = "staff"  # 社区专职工作者 (S28)
    PARTY = "party"  # 社区党组织 (S2)
    DELIBERATION = "deliberation"  # 议事委员会 (S14e, S21)
    SUPERVISION = "supervision"  # 居务监督委员会 (LAW.md, 2025 revision)
    MEDIATION = "mediation"  # 人民调解委员会
    SECURITY = "security"  # 治安保卫委员会
    HEALTH = "health"  # 公共卫生委员会
    ELDERLY_WOMEN_CHILDREN = "elderly-women-children"  # 老年人和妇女儿童工作委员会
    GROUP_LEADERS = "group-leaders"  # 居民小组长 (S14d)
    COLLECTORS = "collectors"  # 民情信息员 (S11)


class OrgKind(StrEnum):
    """The standing bodies ``juwei org`` keeps (every ``PostBody`` but the committee and the staff)."""
    PARTY = "party"
    DELIBERATION = "deliberation"
    SUPERVISION = "supervision"
    MEDIATION = "mediation"
    SECURITY = "security"
    HEALTH = "health"
    ELDERLY_WOMEN_CHILDREN = "elderly-women-children"
    GROUP_LEADERS = "group-leaders"
    COLLECTORS = "collectors"


class CommitteeRole(StrEnum):  # S9
    DIRECTOR = "director"  # 主任
    DEPUTY = "deputy"  # 副主任
    MEMBER = "member"  # 委员


# What a clerk also writes for a committee post (the labels are 居委会主任 …, the posts 主任 / 副主任 / 委员)
ROLE_ALIASES = {"主任": "director", "副主任": "deputy", "委员": "member"}


class OrgRole(StrEnum):
    CHAIR = "chair"  # 主任 / 组长 / 书记
    MEMBER = "member"  # 成员


# A body's chair is its 主任 (committees), 组长 or 书记 (the party organisation); its members 成员 or 委员
ORG_ROLE_ALIASES = {"主任": "chair", "组长": "chair", "书记": "chair", "委员": "member"}


class StaffPosition(StrEnum):  # S28: the six positions, and any other the community has
    HEALTH = "health"  # 卫生计生
    SERVICES = "services"  # 社区服务
    SECURITY_MEDIATION = "security-mediation"  # 治安调解
    WELFARE = "welfare"  # 社会救助
    SOCIAL_AFFAIRS = "social-affairs"  # 社会事务
    LABOUR = "labour"  # 劳动保障
    OTHER = "other"


class EndReason(StrEnum):
    RESIGNED = "resigned"  # 辞职
    RECALLED = "recalled"  # 罢免 / 撤换 (S9)
    DIED = "died"  # 去世
    MOVED_OUT = "moved-out"  # 迁出
    TERM_ENDED = "term-ended"  # 任期届满
    OTHER = "other"


# S14: who a routine meeting convened without a body is for, from the register (office: the committee;
# two-committees: the committee and the party organisation; heart-to-heart: the committee and its staff; …)
MEETING_ROLLS: dict[str, tuple[PostBody, ...]] = {
    "office": (PostBody.COMMITTEE,),
    "two-committees": (PostBody.COMMITTEE, PostBody.PARTY),
    "group-leaders": (PostBody.GROUP_LEADERS,),
    "deliberation": (PostBody.DELIBERATION,),
    "heart-to-heart": (PostBody.COMMITTEE, PostBody.STAFF),
    "sentiment": (PostBody.COMMITTEE, PostBody.STAFF, PostBody.COLLECTORS),
}

# The order a list of the committee is printed in: director, deputies, members.
ROLE_ORDER = {CommitteeRole.DIRECTOR: 0, CommitteeRole.DEPUTY: 1, CommitteeRole.MEMBER: 2,
              OrgRole.CHAIR: 0}


def term_last_day(start: dt.date, years: int) -> dt.date:
    """S3 / LAW.md: a term of ``years`` from ``start``; the end is the last day served."""
    return add_years(start, years) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """When one post is held: from ``start``, to ``term_end`` (last day of the term, if any) or ``ended_on``."""
    start: dt.date
    term_end: dt.date | None = None
    ended_on: dt.date | None = None

    def serving(self, day: dt.date) -> bool:
        return serving_on(self.start, self.term_end, self.ended_on, day)

    def last_day(self) -> dt.date | None:
        """The last day served, or None while open-ended."""
        days = [d for d in (self.term_end, self.ended_on) if d is not None]
        return min(days) if days else None


def size_problem(serving: int, lowest: int, highest: int) -> str | None:
    """LAW.md (Art. 7): the committee has ``lowest``–``highest`` members. Outside the range is a warning, never
    a refusal (a vacancy is legal until it is filled): ``"below"``, ``"above"`` or None."""
    if serving < lowest:
        return "below"
    if serving > highest:
        return "above"
    return None


def shared_households(holders: Iterable[tuple[int, Hashable | None]]) -> dict[Hashable, list[int]]:
    """The households with more than one serving holder: ``{household: [member ids]}`` from
    ``(member id, household)`` pairs (no household: never shared). Close relatives may not serve on the
    committee together (provincial election measures, LAW.md); one household is the roster's sign of it."""
    members: dict[Hashable, list[int]] = defaultdict(list)
    for member_id, household in holders:
        if household is not None and member_id not in members[household]:
            members[household].append(member_id)
    return {household: ids for household, ids in members.items() if len(ids) > 1}


def roll_people(posts: Iterable[tuple[PostBody, str, Hashable]], bodies: Sequence[PostBody]) -> list[Hashable]:
    """The people a routine meeting of ``bodies`` is for, each once, in the order of ``bodies`` and, within a
    body, of ``ROLE_ORDER`` (the director first): from ``(body, role, person)`` of the posts held that day."""
    ranked = sorted((bodies.index(body), ROLE_ORDER.get(role, 3), n, person)
                    for n, (body, role, person) in enumerate(posts) if body in bodies)
    return list(dict.fromkeys(person for *_, person in ranked))


def next_election_due(term_end: dt.date | None) -> dt.date | None:
    """A general election is due by the day after the term's last day (the new committee takes over then)."""
    return term_end + dt.timedelta(days=1) if term_end else None
