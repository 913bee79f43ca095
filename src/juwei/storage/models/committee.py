"""The committee and its people: terms of the committee (届), every post held (committee, staff, standing
bodies), and the division of work (S26).

A post is never deleted, only ended (``ended_on``, ``end_reason``). A person on the roster is a
``member_id``; hired staff and outside members of a standing body need not live in the community, so a post
may instead carry only a ``name``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import juwei.storage.models.roster  # noqa: F401  (the community, member and group tables referred to)
from juwei.storage.models.base import timestamp


class CommitteeTerm(SQLModel, table=True):  # 届: one term of the residents' committee
    __tablename__ = "committee_term"
    __table_args__ = (UniqueConstraint("community_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    number: int  # 第N届
    start: dt.date
    end: dt.date  # the last day of the term (start + the profile's committee_term_years, less a day)
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_at: dt.datetime = timestamp()


class Post(SQLModel, table=True):  # 职务: a committee post, a staff position, a seat on a standing body
    __tablename__ = "post"
    __table_args__ = (Index("ix_post_community_body", "community_id", "body", "start"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    body: str = Field(max_length=32)  # rules.committee.PostBody
    role: str = Field(max_length=32)  # CommitteeRole | OrgRole | StaffPosition
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    name: str | None = Field(default=None, max_length=100)  # someone not on the roster (hired staff)
    group_id: int | None = Field(default=None, foreign_key="residents_group.id")  # group leaders
    term_id: int | None = Field(default=None, foreign_key="committee_term.id")  # committee posts
    start: dt.date
    term_end: dt.date | None = None  # the last day of the term, when the post has one
    ended_on: dt.date | None = None  # the last day served, when ended before the term's end
    end_reason: str | None = Field(default=None, max_length=16)  # rules.committee.EndReason
    end_note: str | None = Field(default=None, sa_column=Column(Text))
    election_id: int | None = None  # the election that filled it (S9), when `juwei election` recorded one
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_at: dt.datetime = timestamp()


class Duty(SQLModel, table=True):  # 分工 (S26): what one person is responsible for, from a date
    __tablename__ = "duty"
    __table_args__ = (Index("ix_duty_community_from", "community_id", "effective_from"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str | None = Field(default=None, max_length=100)  # a post holder not on the roster
    text: str = Field(sa_column=Column(Text, nullable=False))
    effective_from: dt.date
    created_at: dt.datetime = timestamp()
