"""The disclosure board (居务公开, S20–S26): the register of disclosures, the finance ledger, welfare
publicity lists and staff changes.

A disclosure, once posted, is never edited: a correction is a new row whose ``supersedes_id`` points at
the old one, and both stay. Money is integer fen (分).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import juwei.storage.models.roster  # noqa: F401  (the community and member tables referred to)
from juwei.storage.models.base import timestamp


class Disclosure(SQLModel, table=True):  # 公开事项
    __tablename__ = "disclosure"
    __table_args__ = (
        Index("ix_disclosure_community_subject", "community_id", "subject"),
        Index("ix_disclosure_community_posted", "community_id", "posted_on"),
    )
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    category: str = Field(max_length=16)  # finance | resolution | decision | welfare | personnel | assembly | duties | evaluation | other
    title: str = Field(max_length=200)
    body: str = Field(sa_column=Column(Text, nullable=False))  # Markdown
    contact: str | None = Field(default=None, max_length=200)  # the committee's contact for questions/objections
    period: str | None = Field(default=None, max_length=16)  # 2026-Q3, 2026
    # What obligation it answers (finance:2026-Q3, meeting:4:results, welfare:2, personnel:5,6); see rules.disclosure.
    subject: str | None = Field(default=None, max_length=200)
    meeting_id: int | None = None  # the meeting it comes from (S21/S25), when any
    motion_id: int | None = None
    post_on: dt.date | None = None  # planned first day on the board
    until: dt.date | None = None  # last day on the board (inclusive); None: until taken down or superseded
    posted_on: dt.date | None = None  # the day it actually went up (`disclose post`)
    posted_by: str | None = Field(default=None, max_length=100)
    withdrawn_on: dt.date | None = None
    withdraw_reason: str | None = Field(default=None, max_length=300)
    supersedes_id: int | None = Field(default=None, foreign_key="disclosure.id", index=True)
    created_by: str = Field(max_length=100)
    created_at: dt.datetime = timestamp()


class LedgerEntry(SQLModel, table=True):  # 收支明细 (S20)
    __tablename__ = "ledger_entry"
    __table_args__ = (
        UniqueConstraint("community_id", "voucher"),
        # Covering the accounts' sums: a period's totals are read from the index alone.
        Index("ix_ledger_entry_community_day", "community_id", "day", "direction", "category", "amount_fen"),
    )
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    day: dt.date
    direction: str = Field(max_length=8)  # income | expense
    category: str = Field(max_length=50)  # expense: an S20 category key; income: its source
    amount_fen: int = Field(sa_column=Column(BigInteger, nullable=False))  # always positive; direction signs it
    description: str = Field(default="", max_length=300)
    voucher: str = Field(max_length=64)  # 凭证号, unique in the community
    created_at: dt.datetime = timestamp()


class WelfareList(SQLModel, table=True):  # 救助公示名单 (S23)
    __tablename__ = "welfare_list"
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    benefit: str = Field(max_length=100)  # 低保, 临时救助, 慈善救助 …
    starts: dt.date  # the benefit's first day: the objection window must have run out before it
    objection_days: int  # the rules value in force when the list was made (a snapshot)
    contact: str | None = Field(default=None, max_length=200)
    source_file: str | None = Field(default=None, max_length=300)
    disclosure_id: int | None = Field(default=None, foreign_key="disclosure.id")
    created_at: dt.datetime = timestamp()


class WelfareEntry(SQLModel, table=True):  # one recipient household on a list
    __tablename__ = "welfare_entry"
    id: int | None = Field(default=None, primary_key=True)
    list_id: int = Field(foreign_key="welfare_list.id", index=True)
    row: int  # its row in the clerk's file
    name: str = Field(max_length=100)
    household_size: int
    benefit: str = Field(max_length=100)
    amount_fen: int = Field(sa_column=Column(BigInteger, nullable=False))
    id_number: str | None = Field(default=None, max_length=18)  # kept for the file; never printed
    minor: bool = False  # under 18 on the start date (from the ID number): never named
    note: str | None = Field(default=None, sa_column=Column(Text))  # never printed


class PersonnelChange(SQLModel, table=True):  # 人事变动 (S24)
    __tablename__ = "personnel_change"
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    name: str = Field(max_length=100)
    change: str = Field(max_length=200)  # 任命为居委会委员, 分工调整为 …, 离任
    reason: str = Field(max_length=300)
    effective: dt.date
    disclosure_id: int | None = Field(default=None, foreign_key="disclosure.id")
    created_at: dt.datetime = timestamp()
    # the post whose start or end this change records (``juwei committee end``, ``staff add``): a plain
    # column added in place by migration 0006, so no foreign key constraint
    post_id: int | None = None
