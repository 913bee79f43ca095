"""Petitions that force a meeting to be convened (提议召开会议, S5) and their signatures."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import juwei.storage.models.roster  # noqa: F401  (the community and member tables referred to)
from juwei.storage.models.base import timestamp


class Petition(SQLModel, table=True):  # 提议召开会议 (S5)
    __tablename__ = "petition"
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    topic: str = Field(sa_column=Column(Text, nullable=False))
    opened_on: dt.date
    created_at: dt.datetime = timestamp()


class PetitionSignature(SQLModel, table=True):
    __tablename__ = "petition_signature"
    __table_args__ = (UniqueConstraint("petition_id", "member_id"),)
    id: int | None = Field(default=None, primary_key=True)
    petition_id: int = Field(foreign_key="petition.id")
    member_id: int = Field(foreign_key="member.id")
    signed_on: dt.date
    created_at: dt.datetime = timestamp()
