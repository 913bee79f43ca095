"""The unit of work every service function takes: a session, the community, the clerk, today."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
from dataclasses import dataclass, field
from typing import Iterator

from sqlmodel import Session, select

from juwei.errors import JuweiError, NotFound
from juwei.i18n import t
from juwei.storage.engine import Store
from juwei.storage.models import Community


def clerk_name() -> str:
    """Who is writing: ``JUWEI_CLERK``, else the operating-system user."""
    name = os.environ.get("JUWEI_CLERK", "").strip()
    if name:
        return name[:100]
    try:
        return getpass.getuser()[:100]
    except Exception:  # no user database entry (containers)
        return "unknown"


def today(timezone: str | None = None) -> dt.date:
    """Today's date in the community's time zone (None: the default zone); ``JUWEI_TODAY`` pins it (for
    reproducible demos and tests)."""
    pinned = os.environ.get("JUWEI_TODAY")
    if pinned:
        from juwei.rules.dates import parse_date

        return parse_date(pinned)
    from juwei.rules.clock import local_today

    return local_today(timezone)


@dataclass
class Scope:
    session: Session
    community: Community
    clerk: str = field(default_factory=clerk_name)
    today: dt.date = None  # type: ignore[assignment]  # set from the community's zone when not given

    def __post_init__(self) -> None:
        if self.today is None:
            self.today = today(self.community.timezone)

    @property
    def timezone(self) -> str | None:
        """The community's time zone (None: the default, Asia/Shanghai); see :mod:`juwei.rules.clock`."""
        return self.community.timezone

    @property
    def community_id(self) -> int:
        assert self.community.id is not None
        return self.community.id


def find_community(session: Session, code: str | None) -> Community:
    """The community named by ``--community CODE``, or the only one in the database."""
    if code:
        found = session.exec(select(Community).where(Community.code == code)).first()
        if found is None:
            codes = session.exec(select(Community.code).order_by(Community.code)).all()
            raise NotFound(t("no community with code '{code}' in this database; there are: {codes}",
                             code=code, codes=", ".join(codes) or "-"))
        return found
    communities = session.exec(select(Community).order_by(Community.id).limit(2)).all()
    if not communities:
        raise JuweiError(t("this database has no community yet; run `juwei init --name NAME`"))
    if len(communities) > 1:
        codes = session.exec(select(Community.code).order_by(Community.code)).all()
        raise JuweiError(t("this database holds several communities ({codes}); choose one with --community CODE",
                           codes=", ".join(codes)))
    return communities[0]


@contextlib.contextmanager
def open_scope(store: Store, community: str | None, *, write: bool) -> Iterator[Scope]:
    """A Scope on ``store``: with ``write`` everything done in it is one transaction."""
    import juwei.services.audit  # noqa: F401  (its commit-time check covers every write transaction)

    opener = store.write if write else store.read
    with opener() as session:
        yield Scope(session=session, community=find_community(session, community))
