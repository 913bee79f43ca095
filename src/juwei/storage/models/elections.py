"""Elections of the residents' committee (S9): the election, its election committee (居民选举委员会), the voter
register frozen for polling day, what was published and when, proxies, candidates, and each round's count.

Ballots are counts. A round keeps how many ballots were issued, returned and void, and a tally keeps how
many votes one person received for one post: no table links a voter to a choice, and nothing records who
voted. The register is a snapshot (``election_voter``, numbered like a meeting's roll) taken once for the
polling day; an objection adds or removes a row with its reason, never rebuilds it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import juwei.storage.models.roster  # noqa: F401  (the community and member tables referred to)
from juwei.storage.models.base import timestamp


class Election(SQLModel, table=True):  # 选举 / 补选
    __tablename__ = "election"
    __table_args__ = (Index("ix_election_community_day", "community_id", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    kind: str = Field(max_length=16)  # rules.elections.ElectionKind
    method: str = Field(max_length=16)  # rules.elections.ElectionMethod
    day: dt.date  # polling day (选举日)
    seats_director: int = 0
    seats_deputy: int = 0
    seats_member: int = 0
    status: str = Field(default="open", max_length=16)  # rules.elections.ElectionStatus
    rules: str = Field(sa_column=Column(Text, nullable=False))  # JSON: the rules in force on polling day
    urgent_reason: str | None = Field(default=None, sa_column=Column(Text))  # a voter list published late
    closed_on: dt.date | None = None  # the elected took their posts from this day
    vacant_reason: str | None = Field(default=None, sa_column=Column(Text))  # closed with seats left vacant
    created_at: dt.datetime = timestamp()


class ElectionCandidate(SQLModel, table=True):  # 候选人: one person for one post
    __tablename__ = "election_candidate"
    __table_args__ = (UniqueConstraint("election_id", "member_id", "post"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    election_id: int = Field(foreign_key="election.id")
    member_id: int = Field(foreign_key="member.id")
    post: str = Field(max_length=16)  # rules.committee.CommitteeRole
    created_at: dt.datetime = timestamp()


class ElectionOfficer(SQLModel, table=True):  # a member of the election committee (居民选举委员会)
    __tablename__ = "election_officer"
    __table_args__ = (Index("ix_election_officer_election", "election_id"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    election_id: int = Field(foreign_key="election.id")
    member_id: int = Field(foreign_key="member.id")
    role: str = Field(max_length=16)  # rules.committee.OrgRole: chair | member
    left_on: dt.date | None = None  # left the election committee (LAW.md: on becoming a candidate)
    candidate_id: int | None = Field(default=None, foreign_key="election_candidate.id")  # the candidacy why
    created_at: dt.datetime = timestamp()


class ElectionVoter(SQLModel, table=True):  # 选民名单: one row per voter (or household) on polling day
    __tablename__ = "election_voter"
    __table_args__ = (UniqueConstraint("election_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    election_id: int = Field(foreign_key="election.id")
    number: int  # 1…N in roll order; objections that add a voter take the next numbers
    # copied from the roster as it was on polling day, as a meeting's roll is (no foreign key)
    member_id: int | None = None  # None: a household with no 户代表 (method households)
    name: str = Field(max_length=100)
    group_name: str | None = Field(default=None, max_length=100)
    household_id: int | None = None
    household_number: str | None = Field(default=None, max_length=64)
    added_reason: str | None = Field(default=None, sa_column=Column(Text))  # added on an objection
    removed_reason: str | None = Field(default=None, sa_column=Column(Text))  # removed on an objection
    changed_on: dt.date | None = None  # the day the objection was decided


class ElectionPublication(SQLModel, table=True):  # a document of the election put on the board, and when
    __tablename__ = "election_publication"
    __table_args__ = (Index("ix_election_publication_election", "election_id"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    election_id: int = Field(foreign_key="election.id")
    doc: str = Field(max_length=16)  # rules.elections.ElectionDoc
    published_on: dt.date
    created_at: dt.datetime = timestamp()


class ElectionProxy(SQLModel, table=True):  # 委托投票: a voter's written proxy to another voter
    __tablename__ = "election_proxy"
    __table_args__ = (UniqueConstraint("election_id", "giver_id"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    election_id: int = Field(foreign_key="election.id")
    giver_id: int = Field(foreign_key="member.id")
    holder_id: int = Field(foreign_key="member.id")
    created_at: dt.datetime = timestamp()


class ElectionRound(SQLModel, table=True):  # one round: what it fills, then its count as figures only (计票结果)
    __tablename__ = "election_round"
    __table_args__ = (UniqueConstraint("election_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    election_id: int = Field(foreign_key="election.id")
    number: int  # 1, then each further round
    kind: str = Field(max_length=16)  # rules.elections.RoundKind: further when any post needs the run-off share
    # JSON {post: {"seats": n, "rule": RoundKind, "why": NextKind | null, "candidates": [member ids] | null}}:
    # the seats this round fills, the share their winners need, and, in a further round, who stands (null:
    # the election's candidates)
    plan: str = Field(sa_column=Column(Text, nullable=False))
    opened_on: dt.date
    registered: int | None = None  # on the register when counted; the figures are null until the count
    issued: int | None = None
    returned: int | None = None
    void: int | None = None
    counted_on: dt.date | None = None
    created_at: dt.datetime = timestamp()


class ElectionTally(SQLModel, table=True):  # the votes one person received for one post in one round
    __tablename__ = "election_tally"
    __table_args__ = (UniqueConstraint("round_id", "post", "member_id"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    round_id: int = Field(foreign_key="election_round.id")
    post: str = Field(max_length=16)  # rules.committee.CommitteeRole
    member_id: int = Field(foreign_key="member.id")
    votes: int
