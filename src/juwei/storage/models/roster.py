"""Community, its rules versions, the roster (groups, households, members, representatives), audit.

Every row belongs to a community (``community_id``) so one PostgreSQL database can hold a whole
street office's communities without one seeing another's residents.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from juwei.storage.models.base import timestamp


class Community(SQLModel, table=True):  # 社区
    __tablename__ = "community"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    locale: str = Field(default="zh_CN", max_length=16)
    rules_profile: str = Field(max_length=32)  # the base profile: seed | organic-law
    created_at: dt.datetime = timestamp()
    # IANA time zone of the community's clock; None: Asia/Shanghai (rules.clock.DEFAULT_TIMEZONE)
    timezone: str | None = Field(default=None, max_length=64)
    # the office's public phone, printed on the grid board (S13); None: not set
    office_phone: str | None = Field(default=None, max_length=32)


class RulesVersion(SQLModel, table=True):  # 规则版本: one key's value from a date on
    __tablename__ = "rules_version"
    __table_args__ = (Index("ix_rules_version_lookup", "community_id", "key", "effective_from"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    key: str = Field(max_length=64)
    value: str = Field(max_length=200)
    effective_from: dt.date | None = None  # None: from the beginning (the profile chosen at init)
    recorded_at: dt.datetime = timestamp()
    recorded_by: str = Field(max_length=100)
    note: str | None = Field(default=None, sa_column=Column(Text))


class ResidentsGroup(SQLModel, table=True):  # 居民小组
    __tablename__ = "residents_group"
    __table_args__ = (UniqueConstraint("community_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    name: str = Field(max_length=100)
    created_at: dt.datetime = timestamp()


class Household(SQLModel, table=True):  # 户
    __tablename__ = "household"
    __table_args__ = (UniqueConstraint("community_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id", index=True)
    number: str = Field(max_length=64)  # 户号, as the clerk writes it
    address: str | None = Field(default=None, max_length=300)
    group_id: int | None = Field(default=None, foreign_key="residents_group.id", index=True)
    # 户代表: the member who attends a households' meeting for this household.
    representative_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("member.id", use_alter=True,
                                             name="fk_household_representative_id_member")),
    )
    created_at: dt.datetime = timestamp()
    # Voided (作废): entered by mistake. The row stays for the audit trail and is left out of every query
    # (juwei.storage.voided); last, as migration 0011 added them.
    voided_on: dt.date | None = None
    void_reason: str | None = Field(default=None, sa_column=Column(Text))


class Member(SQLModel, table=True):  # 居民 — never hard-deleted once in a meeting; see moved_out
    __tablename__ = "member"
    __table_args__ = (
        UniqueConstraint("community_id", "id_number"),
        Index("ix_member_community_household", "community_id", "household_id"),
        Index("ix_member_community_name", "community_id", "name"),
    )
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    name: str = Field(max_length=100)
    gender: str | None = Field(default=None, max_length=1)  # M | F
    id_number: str | None = Field(default=None, max_length=18)  # 身份证号, optional
    birth_date: dt.date | None = None
    household_id: int | None = Field(default=None, foreign_key="household.id")
    phone: str | None = Field(default=None, max_length=32)
    party_member: bool = False  # 党员
    rights_deprived_from: dt.date | None = None  # 剥夺政治权利 from … until, both inclusive
    rights_deprived_until: dt.date | None = None
    moved_in: dt.date | None = None
    moved_out: dt.date | None = None
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_at: dt.datetime = timestamp()
    updated_at: dt.datetime = timestamp()
    # 与户主关系 as the household register writes it (户主, 配偶, 子, 女, …); last, as migration 0011 added it
    relationship: str | None = Field(default=None, max_length=32)
    # Voided (作废): entered by mistake; see Household.voided_on
    voided_on: dt.date | None = None
    void_reason: str | None = Field(default=None, sa_column=Column(Text))


class Representative(SQLModel, table=True):  # 居民代表 (elected by a group) or 当然代表 (ex officio)
    __tablename__ = "representative"
    __table_args__ = (Index("ix_representative_community_term", "community_id", "term_start"),)
    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="community.id")
    member_id: int = Field(foreign_key="member.id", index=True)
    kind: str = Field(max_length=16)  # elected | ex_officio
    group_id: int | None = Field(default=None, foreign_key="residents_group.id")
    basis: str | None = Field(default=None, max_length=32)  # party_org | committee | npc_deputy | cppcc_member
    term_start: dt.date
    term_end: dt.date | None = None  # elected: start + the profile's term years
    ended_on: dt.date | None = None  # last day served, when ended early
    end_reason: str | None = Field(default=None, max_length=300)
    created_at: dt.datetime = timestamp()
    # why an elected representative serves a group other than the one they live in (kept on the record)
    other_group_reason: str | None = Field(default=None, sa_column=Column(Text))


class AuditEvent(SQLModel, table=True):  # every write appends one row, chained to the one before
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "community_id", "entity"),
                      Index("ix_audit_event_entity_seq", "entity", "seq"),
                      UniqueConstraint("seq", name="uq_audit_event_seq"))
    id: int | None = Field(default=None, primary_key=True)
    community_id: int | None = Field(default=None, foreign_key="community.id")
    at: dt.datetime = timestamp()
    clerk: str = Field(max_length=100)
    action: str = Field(max_length=64)  # e.g. member.add
    entity: str = Field(max_length=100)  # e.g. member:12
    before: str | None = Field(default=None, sa_column=Column(Text))  # JSON
    after: str | None = Field(default=None, sa_column=Column(Text))  # JSON
    # The hash chain (juwei.services.audit): position, the previous event's hash, this event's hash
    # (SHA-256 hex over the canonical content above plus prev_hash). A unique seq means two writers can
    # never both append event n. Last, as migration 0004 added them.
    seq: int | None = None
    prev_hash: str | None = Field(default=None, max_length=64)
    hash: str | None = Field(default=None, max_length=64)


from juwei.storage import voided as _voided  # noqa: E402  (the filter names the classes above)

_voided.install()
