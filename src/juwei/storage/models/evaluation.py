"""Democratic evaluation (民主评议, S16–S19) and admonition (诫勉, S29).

An evaluation keeps its subjects as they were on its day (copied from the committee register), each
subject's written self-review (述职), and the count as figures only: ballots issued, returned and void, and
per subject how many ballots gave each grade. No table links a representative to a grade. An admonition
is followed up by dated notes until it is closed as corrected.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

import juwei.storage.models.roster  # noqa: F401  (the community and member tables referred to)
from juwei.storage.models.base import timestamp


class Evaluation(SQLModel, table=True):  # 民主评议: one sitting of the evaluation (S17)
    __tablename__ = "evaluation"
    __table_args__ = (Index("ix_evaluation_community_held", "community_id", "held_on"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    held_on: dt.date
    meeting_id: int | None = None  # the representatives' meeting (no key: a record of another domain)
    rules: str = Field(sa_column=Column(Text, nullable=False))  # JSON: the rules in force on held_on
    issued: int | None = None  # ballots issued / returned / void, once counted
    returned: int | None = None
    void: int | None = None
    present: int | None = None  # representatives present at the count (the quorum checked)
    body_size: int | None = None
    whole_satisfied: int | None = None  # the committee as a whole: 满意 / 基本满意 / 不满意
    whole_basic: int | None = None
    whole_unsatisfied: int | None = None
    published_on: dt.date | None = None  # the results went up on the board (S19)
    objection_until: dt.date | None = None  # the last working day of the objection window
    disclosure_id: int | None = None  # the results' disclosure
    created_at: dt.datetime = timestamp()


class EvaluationSubject(SQLModel, table=True):  # 评议对象 (S16), with its counts
    __tablename__ = "evaluation_subject"
    __table_args__ = (Index("ix_evaluation_subject_evaluation", "evaluation_id", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    evaluation_id: int = Field(foreign_key="evaluation.id")
    position: int  # the order on the ballot: committee members by post, then staff
    body: str = Field(max_length=32)  # rules.committee.PostBody: committee | staff
    role: str = Field(max_length=32)  # CommitteeRole | StaffPosition
    post_id: int | None = None  # the post it was taken from (the register's)
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str = Field(max_length=100)
    added: bool = False  # added by the clerk rather than taken from the register
    removed_reason: str | None = Field(default=None, sa_column=Column(Text))  # taken off, with the reason
    report: str | None = Field(default=None, sa_column=Column(Text))  # 述职: the written self-review
    reported_on: dt.date | None = None
    excellent: int | None = None  # ballots per grade (S19); None until counted
    competent: int | None = None
    basic: int | None = None
    incompetent: int | None = None
    decided_grade: str | None = Field(default=None, max_length=16)  # what the meeting decided on a tie
    decided_note: str | None = Field(default=None, sa_column=Column(Text))
    notified_on: dt.date | None = None  # the subject was told the result


class Admonition(SQLModel, table=True):  # 诫勉 (S29)
    __tablename__ = "admonition"
    __table_args__ = (Index("ix_admonition_community_opened", "community_id", "opened_on"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    member_id: int | None = Field(default=None, foreign_key="member.id")
    name: str = Field(max_length=100)
    reason: str = Field(sa_column=Column(Text, nullable=False))
    evaluation_id: int | None = Field(default=None, foreign_key="evaluation.id")
    opened_on: dt.date
    corrected_on: dt.date | None = None
    created_at: dt.datetime = timestamp()


class AdmonitionNote(SQLModel, table=True):  # a follow-up (跟踪) of an admonition
    __tablename__ = "admonition_note"
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    admonition_id: int = Field(foreign_key="admonition.id", index=True)
    noted_on: dt.date
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = timestamp()
