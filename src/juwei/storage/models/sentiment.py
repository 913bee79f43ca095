"""Sentiment work (民情, S10–S12): the items collected (the sentiment diary and archive, 民情日记 / 民情档案),
each step of their handling, and the monthly reports sent to the street office.

An item is never deleted: its status moves on, and each move is a step with its note. A resident's name is
kept only where the clerk typed one (``from_name``); no ID number or phone is kept here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import juwei.storage.models.meetings  # noqa: F401  (the meeting an item was analysed at)
import juwei.storage.models.roster  # noqa: F401  (the community, household and member tables referred to)
from juwei.storage.models.base import timestamp


class SentimentItem(SQLModel, table=True):  # 民情信息: one concern collected
    __tablename__ = "sentiment_item"
    __table_args__ = (Index("ix_sentiment_item_community_received", "community_id", "received"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    category: str = Field(max_length=16)  # rules.sentiment.Category (S10)
    source: str = Field(max_length=16)  # rules.sentiment.Source
    text: str = Field(sa_column=Column(Text, nullable=False))
    household_id: int | None = Field(default=None, foreign_key="household.id")
    from_name: str | None = Field(default=None, max_length=100)  # who raised it, only where the clerk typed it
    by_member_id: int | None = Field(default=None, foreign_key="member.id")  # who collected it, if on the roster
    by_name: str | None = Field(default=None, max_length=100)  # who collected it, as the register names them
    received: dt.date
    status: str = Field(default="recorded", max_length=16)  # rules.sentiment.Status
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id")  # the analysis meeting (S12)
    reported_on: dt.date | None = None  # an urgent item (S10 category 6): when it was reported
    reported_to: str | None = Field(default=None, max_length=200)  # … and to whom
    created_at: dt.datetime = timestamp()


class SentimentStep(SQLModel, table=True):  # one step of an item's handling: analysed, referred, resolved …
    __tablename__ = "sentiment_step"
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    item_id: int = Field(foreign_key="sentiment_item.id", index=True)
    status: str = Field(max_length=16)  # rules.sentiment.Status
    note: str = Field(sa_column=Column(Text, nullable=False))
    on: dt.date
    created_at: dt.datetime = timestamp()


class SentimentReport(SQLModel, table=True):  # 民情月报: the month's report sent to the street office (S12)
    __tablename__ = "sentiment_report"
    __table_args__ = (UniqueConstraint("community_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    month: str = Field(max_length=7)  # YYYY-MM
    sent_on: dt.date
    created_at: dt.datetime = timestamp()
