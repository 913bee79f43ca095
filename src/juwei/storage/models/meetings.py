"""Meetings (居民会议 / 居民代表会议 / routine meetings), their roll, attendance, motions and ballots, and the
petitions that force a meeting (S5): what convening, signing in, voting and tallying need. The minutes'
notes and the petitions' signatures, which no other table refers to, are defined in ``minutes`` and
``petitions`` beside this module, so a tally does not build their classes.

A meeting keeps what it was convened with: ``rules`` (the profile's values on the meeting date, JSON text)
and its ``meeting_seat`` rows (the numbered roll). Quorum and tallies read only these snapshots.
Unique constraints make a double sign-in or a double ballot impossible even from two processes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import juwei.storage.models.roster  # noqa: F401  (the community and member tables referred to)
from juwei.storage.models.base import Timestamp, timestamp


class Meeting(SQLModel, table=True):  # 会议
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_community_at", "community_id", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    kind: str = Field(max_length=32)  # residents | representatives | office | heart-to-heart | …
    body: str | None = Field(default=None, max_length=32)  # adults | households | groups | representatives
    # local wall-clock time of the meeting, as the notice gives it (naive, not an instant)
    at: dt.datetime = Field(sa_column=Column(DateTime(timezone=False), nullable=False))
    place: str = Field(max_length=300)
    topics: str = Field(sa_column=Column(Text, nullable=False))  # JSON list of strings (S6: notice gives topics)
    noticed_on: dt.date
    reason: str = Field(default="regular", max_length=32)  # regular | report | petition:ID (S4, S5)
    petition_id: int | None = Field(default=None, foreign_key="petition.id")
    urgent_reason: str | None = Field(default=None, sa_column=Column(Text))  # overrides S6; on the minutes
    status: str = Field(default="convened", max_length=16)  # convened | closed | cancelled
    rules: str = Field(sa_column=Column(Text, nullable=False))  # JSON: the rules in force on the meeting date
    body_size: int = 0  # seats on the roll
    chair: str | None = Field(default=None, max_length=100)
    recorder: str | None = Field(default=None, max_length=100)
    summary: str | None = Field(default=None, sa_column=Column(Text))  # 会议纪要 (S15)
    cancel_reason: str | None = Field(default=None, sa_column=Column(Text))
    closed_at: dt.datetime | None = Field(default=None, sa_type=Timestamp)
    created_at: dt.datetime = timestamp()


class MeetingSeat(SQLModel, table=True):  # the roll: seat 1…N, copied at convening
    __tablename__ = "meeting_seat"
    # Only the (meeting, seat) index: a lookup by member scans one meeting's seats, and each extra index
    # would slow the 100,000-row snapshot.
    __table_args__ = (UniqueConstraint("meeting_id", "seat"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id")
    seat: int
    # member_id and household_id copy the roster's ids without a foreign key: the roll is a record kept
    # as it was (roster rows are never hard-deleted anyway), and two key checks per seat would double the
    # cost of a 100,000-seat snapshot.
    member_id: int | None = None  # None: a household seat with no 户代表
    name: str = Field(max_length=100)
    group_name: str | None = Field(default=None, max_length=100)
    household_id: int | None = None
    household_number: str | None = Field(default=None, max_length=64)
    rep_kind: str | None = Field(default=None, max_length=32)  # elected | ex_officio | elected+ex_officio
    rep_basis: str | None = Field(default=None, max_length=100)


class Attendance(SQLModel, table=True):  # 签到: one row per seat; leaving sets checked_out_at
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "seat"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id")
    seat: int
    member_id: int | None = Field(default=None, foreign_key="member.id")  # who actually signed in
    checked_in_at: dt.datetime = timestamp()
    checked_out_at: dt.datetime | None = Field(default=None, sa_type=Timestamp)


class Motion(SQLModel, table=True):  # 议案 / 决议事项
    __tablename__ = "motion"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    meeting_id: int = Field(foreign_key="meeting.id")
    number: int  # 1, 2, … within the meeting
    title: str = Field(max_length=300)
    text: str | None = Field(default=None, sa_column=Column(Text))
    kind: str = Field(default="ordinary", max_length=32)  # ordinary | work-report | plan | budget | other
    method: str | None = Field(default=None, max_length=16)  # count | roll-call, fixed by the first vote
    present: int | None = None  # those present when the vote opened: the base of S8
    votes_for: int | None = None  # counted votes; for roll calls, written at close
    votes_against: int | None = None
    votes_abstain: int | None = None
    required: int | None = None  # the final tally, written when the meeting closes
    passed: bool | None = None
    rule: str | None = Field(default=None, max_length=64)
    voted_at: dt.datetime | None = Field(default=None, sa_type=Timestamp)
    created_at: dt.datetime = timestamp()


class Ballot(SQLModel, table=True):  # a roll-call vote: one per seat per motion
    __tablename__ = "ballot"
    __table_args__ = (UniqueConstraint("motion_id", "seat"),)
    id: int | None = Field(default=None, primary_key=True)
    motion_id: int = Field(foreign_key="motion.id")
    seat: int
    member_id: int | None = Field(default=None, foreign_key="member.id")
    choice: str = Field(max_length=8)  # for | against | abstain
    cast_at: dt.datetime = timestamp()


class Petition(SQLModel, table=True):  # 提议召开会议 (S5)
    __tablename__ = "petition"
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    topic: str = Field(sa_column=Column(Text, nullable=False))
    opened_on: dt.date
    created_at: dt.datetime = timestamp()
