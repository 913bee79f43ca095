"""Seals: the chain's head with the date and counts, to post on the board or print on a meeting's minutes.
A later ``juwei audit verify --seal FILE`` that finds event ``head_seq`` with hash ``head_hash`` proves
nothing before it changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import select

from juwei.services.audit.chain import GENESIS
from juwei.services.audit.kinds import SEAL_SUFFIX
from juwei.services.audit.verify import audited_tables
from juwei.services.scope import Scope
from juwei.storage.models import AuditEvent

@dataclass
class Seal:
    """What can be posted on the board: the chain head with the date and counts. A later verify that
    finds event ``head_seq`` with hash ``head_hash`` proves nothing before it changed."""
    database_events: int
    head_seq: int
    head_hash: str
    at: str
    community: str | None
    community_events: int | None
    rows: dict[str, int]
    entities: list[str]
    entities_digest: str | None
    # A meeting's seal (recorded at its close) also commits to its final record, recomputed by
    # `verify --seal` from the rows. Seals recorded before this have neither field.
    meeting_id: int | None = None
    record_digest: str | None = None

    def as_dict(self) -> dict:
        from dataclasses import asdict

        return asdict(self)

    def text(self) -> str:
        from juwei.i18n import label, t

        lines = [f"juwei-seal: {self.head_seq} {self.head_hash}",
                 t("juwei audit seal"),
                 t("sealed at: {at}", at=self.at),
                 t("head event: {seq}", seq=self.head_seq),
                 t("head hash: {hash}", hash=self.head_hash),
                 t("events in this database: {n}", n=self.database_events)]
        if self.community is not None:
            lines.append(t("community: {name}; its events: {n}", name=self.community, n=self.community_events))
        for table, n in sorted(self.rows.items()):
            lines.append(t("rows in {table}: {n}", table=label("table", table), n=n))
        if self.entities_digest:
            lines.append(t("sealed records: {n}; their digest: {digest}", n=len(self.entities),
                           digest=self.entities_digest))
        if self.record_digest:
            lines.append(f"juwei-record: meeting:{self.meeting_id} {self.record_digest}")
        lines.append(t("this seal protects the trail up to event {seq}: a later `juwei audit verify --seal` "
                       "fails if that event is changed or missing, so events removed from the end are caught "
                       "only with a posted seal", seq=self.head_seq))
        return "\n".join(lines) + "\n"


def read_seal(text: str) -> tuple[int, str] | None:
    """The (seq, hash) on a seal's ``juwei-seal:`` line, or None."""
    import re

    found = re.search(r"juwei-seal:\s*(\d+)\s+([0-9a-f]{64})", text)
    return (int(found.group(1)), found.group(2)) if found else None


def read_records(text: str) -> list[tuple[int, str]]:
    """The (meeting id, digest) of every ``juwei-record: meeting:N DIGEST`` line (printed on minutes)."""
    import re

    return [(int(m.group(1)), m.group(2))
            for m in re.finditer(r"juwei-record:\s*meeting:(\d+)\s+([0-9a-f]{64})", text)]


def sealed_on(scope: Scope, entity: str) -> Seal | None:
    """The latest seal recorded on a record (``meeting:12`` when it was closed), for its minutes."""
    cols = AuditEvent.__table__.c
    found = scope.session.execute(select(cols.after).where(
        cols.community_id == scope.community_id, cols.entity == entity, cols.action.like(f"%{SEAL_SUFFIX}"),
        cols.seq.is_not(None)).order_by(cols.seq.desc()).limit(1)).scalar()
    if not found:
        return None
    try:
        content = json.loads(found)
        return Seal(**{k: v for k, v in content.items() if k in Seal.__dataclass_fields__})
    except (TypeError, ValueError):
        return None


def seal(scope: Scope, entities: Iterable[str] = (), *, meeting_id: int | None = None) -> Seal:
    """Seal the chain as this transaction sees it (events recorded in it included). With ``entities``
    (e.g. a meeting's tallies, ``["tally:3", "tally:4"]``) the seal also carries a digest over each one's
    latest event hash; with ``meeting_id`` (a meeting being closed), the digest of its final record
    (``juwei.services.audit.closed.record_digest``), so the minutes carry proof of exactly that record."""
    from sqlalchemy import func

    from juwei.storage.models.base import utcnow

    session = scope.session
    session.flush()
    cols = AuditEvent.__table__.c
    head = session.execute(select(cols.seq, cols.hash).where(cols.seq.is_not(None))
                           .order_by(cols.seq.desc()).limit(1)).first()
    head_seq, head_hash = (head[0], head[1]) if head else (0, GENESIS)
    total = session.execute(select(func.count()).select_from(AuditEvent.__table__)).scalar_one()
    community_events = session.execute(select(func.count()).select_from(AuditEvent.__table__)
                                       .where(cols.community_id == scope.community_id)).scalar_one()
    rows: dict[str, int] = {}
    for table in audited_tables(session):
        if "community_id" in table.c:
            rows[table.name] = session.execute(select(func.count()).select_from(table)
                                               .where(table.c.community_id == scope.community_id)).scalar_one()
    wanted = sorted(set(entities))
    digest = None
    if wanted:
        latest: dict[str, tuple[int, str]] = {}
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            for seq, entity, hash_ in session.execute(select(cols.seq, cols.entity, cols.hash)
                                                      .where(cols.entity.in_(part), cols.seq.is_not(None))):
                if entity not in latest or seq > latest[entity][0]:
                    latest[entity] = (seq, hash_)
        lines = [f"{e} {latest[e][0]} {latest[e][1]}" if e in latest else f"{e} - -" for e in wanted]
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    record = None
    if meeting_id is not None:
        from juwei.services.audit.closed import record_digest

        record = record_digest(session, meeting_id)
    return Seal(database_events=total, head_seq=head_seq, head_hash=head_hash, at=utcnow().isoformat(),
                community=scope.community.name, community_events=community_events, rows=rows,
                entities=wanted, entities_digest=digest, meeting_id=meeting_id, record_digest=record)
