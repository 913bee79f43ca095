"""The minutes' notes of a meeting (会议记录, S15): lines the clerk adds while it runs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

import juwei.storage.models.meetings  # noqa: F401  (the meeting table referred to)
from juwei.storage.models.base import timestamp


class MeetingNote(SQLModel, table=True):  # a line of the minutes (会议记录, S15)
    __tablename__ = "meeting_note"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    added_by: str = Field(max_length=100)
    added_at: dt.datetime = timestamp()
    # None: a note taken while the meeting ran; "addendum": a dated correction after the meeting closed
    kind: str | None = Field(default=None, max_length=16)
