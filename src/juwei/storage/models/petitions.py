"""The signatures of petitions that force a meeting to be convened (提议召开会议, S5). The petition itself
is defined with the meetings (a meeting refers to the petition that forced it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

import juwei.storage.models.meetings  # noqa: F401  (the petition and member tables referred to)
from juwei.storage.models.base import timestamp


class PetitionSignature(SQLModel, table=True):
    __tablename__ = "petition_signature"
    __table_args__ = (UniqueConstraint("petition_id", "member_id"),)
    id: int | None = Field(default=None, primary_key=True)
    petition_id: int = Field(foreign_key="petition.id")
    member_id: int = Field(foreign_key="member.id")
    signed_on: dt.date
    created_at: dt.datetime = timestamp()
