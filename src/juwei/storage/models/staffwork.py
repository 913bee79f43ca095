"""Staff work (S28): work logs and monthly summaries; the gift register (S27).

A person is a ``member_id`` when on the roster, else the ``name`` their post carries, as in the register.
Money is integer fen.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

import juwei.storage.models.roster  # noqa: F401  (the community and member tables referred to)
from juwei.storage.models.base import timestamp


class StaffLog(SQLModel, table=True):  # 工作日志: one day's entry
    __tablename__ = "staff_log"
    __table_args__ = (Index("ix_staff_log_community_day", "community_id", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str | None = Field(default=None, max_length=100)
    day: dt.date
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = timestamp()


class StaffSummary(SQLModel, table=True):  # 月度工作小结
    __tablename__ = "staff_summary"
    __table_args__ = (Index("ix_staff_summary_community_month", "community_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str | None = Field(default=None, max_length=100)
    month: str = Field(max_length=7)  # 2026-07
    file_name: str = Field(max_length=200)  # the file it was read from
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = timestamp()


class Gift(SQLModel, table=True):  # S27: a gift offered to a cadre and how it was handled
    __tablename__ = "gift"
    __table_args__ = (Index("ix_gift_community_day", "community_id", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str | None = Field(default=None, max_length=100)
    offered_by: str = Field(max_length=200)
    what: str = Field(max_length=300)
    value_fen: int | None = None  # estimated value; None: not estimated
    day: dt.date
    handled: str = Field(max_length=16)  # rules.staffwork.GiftHandling
    note: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = timestamp()
