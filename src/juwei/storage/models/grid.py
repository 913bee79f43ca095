"""Grid responsibility (包片联户, S11, S13): who is responsible for which household, and the visits made.

A responsible person holds a post (committee, staff or a standing body): a ``member_id`` when on the roster,
else only the ``name`` their post carries (hired staff). An assignment is never deleted: ``unassign`` ends it
(``ended_on``), so the history of who covered a household stays. One open assignment per household.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

import juwei.storage.models.roster  # noqa: F401  (the community, household and member tables referred to)
from juwei.storage.models.base import timestamp


class GridAssignment(SQLModel, table=True):  # 包户: one household under one responsible person, from a date
    __tablename__ = "grid_assignment"
    __table_args__ = (Index("ix_grid_assignment_open", "community_id", "ended_on"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    household_id: int = Field(foreign_key="household.id", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str | None = Field(default=None, max_length=100)  # a post holder not on the roster
    start: dt.date
    ended_on: dt.date | None = None  # the last day, once unassigned
    created_at: dt.datetime = timestamp()


class HouseholdVisit(SQLModel, table=True):  # 入户走访
    __tablename__ = "household_visit"
    __table_args__ = (Index("ix_household_visit_household_day", "community_id", "household_id", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    household_id: int = Field(foreign_key="household.id")
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str | None = Field(default=None, max_length=100)
    day: dt.date
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_at: dt.datetime = timestamp()
