"""Recall (罢免 / 撤换) of a committee member (S9): who is recalled from which post, on what basis, by how
many proposers of how large a base, the member's statement (申辩), and the vote as figures only.

The vote is counts: ballots issued, returned, for, against and void. No table names a proposer or a voter,
and nothing records who voted or how.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

import juwei.storage.models.committee  # noqa: F401  (the post table referred to)
import juwei.storage.models.roster  # noqa: F401  (the community and member tables referred to)
from juwei.storage.models.base import timestamp


class Recall(SQLModel, table=True):  # 罢免: one recall of one committee member
    __tablename__ = "recall"
    __table_args__ = (Index("ix_recall_community_member", "community_id", "member_id"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    member_id: int = Field(foreign_key="member.id")
    post_id: int = Field(foreign_key="post.id")  # the committee post it targets
    basis: str = Field(max_length=16)  # rules.recall.RecallBasis
    proposers: int  # how many proposed it (联名人数): a count, no names
    base: int  # voters on the roll, or representatives serving, on the day it was opened
    reason: str = Field(sa_column=Column(Text, nullable=False))
    opened_on: dt.date
    reply: str | None = Field(default=None, sa_column=Column(Text))  # the member's statement (申辩)
    replied_on: dt.date | None = None
    # the vote, as figures only (计票结果)
    registered: int | None = None  # on the register on the count day
    issued: int | None = None
    returned: int | None = None
    votes_for: int | None = None
    against: int | None = None
    void: int | None = None
    counted_on: dt.date | None = None
    outcome: str | None = Field(default=None, max_length=16)  # rules.recall.RecallOutcome; None: not counted
    post_ended_on: dt.date | None = None  # the post ended by the recall (the count day)
    created_at: dt.datetime = timestamp()
