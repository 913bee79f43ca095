"""Shared table conventions: constraint names stable across SQLite and PostgreSQL, UTC timestamps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = SQLModel.metadata

# A table class builds its pydantic validator and serializer when first used (model_dump, as the audit
# trail does on a write), not when it is defined: a command that only reads never needs them, and
# defining the roster's seven tables costs about a fifth less (docs/performance.md, "Start-up").
SQLModel.model_config["defer_build"] = True


def utcnow() -> dt.datetime:
    """Aware UTC, second precision: what every ``*_at`` column stores."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Timestamp(TypeDecorator):
    """A UTC instant: stored as UTC (SQLite keeps no offset), always read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.utcoffset() is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.utcoffset() is None else value.astimezone(dt.UTC)


def timestamp():
    """A ``*_at`` column defaulting to now (``x_at: dt.datetime = timestamp()``)."""
    return Field(default_factory=utcnow, sa_type=Timestamp)
