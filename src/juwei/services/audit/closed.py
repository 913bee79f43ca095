"""A closed meeting's final record: its tallies, its roll, its attendance and its ballots, as they stood
when it closed. Nothing may change them afterwards — an addendum to the minutes is a separate record
(``meeting_note`` with ``kind = 'addendum'``) and is not part of this one.

Three checks follow from that, all made by ``juwei audit verify``:

- along the chain, an event after a meeting's close that changes its final record is tampering, however
  well it is chained, dated and signed (:class:`ClosedMeetings`);
- a closed meeting has the seal event its close recorded, and its roll-call tallies agree with the
  ballots stored for them;
- the seal printed on the minutes carries :func:`record_digest` of this record (``juwei-record: meeting:N
  DIGEST``); ``verify --seal MINUTES`` recomputes it from the current rows.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Callable

from sqlalchemy import select
from sqlmodel import Session

from juwei.i18n import t
from juwei.services.audit.states import _plain

# The columns of each table that make up a meeting's final record. The meeting's own prose (summary,
# chair, recorder) and its notes are the minutes, not the record sealed at close.
FINAL_COLUMNS: dict[str, tuple[str, ...] | None] = {
    "meeting": ("id", "community_id", "kind", "body", "at", "status", "body_size", "closed_at"),
    "meeting_seat": None,  # every column: the roll as convened
    "attendance": None,
    "motion": ("id", "meeting_id", "number", "method", "present", "votes_for", "votes_against", "votes_abstain",
               "required", "passed", "rule"),
    "ballot": None,
}


def _final_columns(table) -> list:
    wanted = FINAL_COLUMNS[table.name]
    return [c for c in table.columns if wanted is None or c.name in wanted]


def record_digest(session: Session, meeting_id: int) -> str:
    """SHA-256 (hex) of the meeting's final record as the rows hold it now: each table's final columns,
    rows by id, as canonical JSON. A value that cannot be read at all makes a digest nothing matches."""
    from sqlmodel import SQLModel

    from juwei.storage.models import load_all

    load_all()
    tables = SQLModel.metadata.tables
    meeting, motion, ballot = tables["meeting"], tables["motion"], tables["ballot"]
    motions = select(motion.c.id).where(motion.c.meeting_id == meeting_id)
    where = {"meeting": meeting.c.id == meeting_id, "motion": motion.c.meeting_id == meeting_id,
             "ballot": ballot.c.motion_id.in_(motions)}
    record = []
    try:
        for name in FINAL_COLUMNS:
            table = tables[name]
            condition = where.get(name, table.c.get("meeting_id") == meeting_id)
            columns = _final_columns(table)
            rows = session.execute(select(*columns).where(condition).order_by(table.c.id)).all()
            record.append([name, [c.name for c in columns], [[_plain(v) for v in row] for row in rows]])
    except (ValueError, TypeError, OverflowError):
        return "unreadable"
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _meeting_of(entity: str) -> int | None:
    try:
        return int(entity.partition(":")[2])
    except ValueError:
        return None


class ClosedMeetings:
    """Follows the chain (``verify`` calls :meth:`event` for each row-state event in order): which
    meetings closed at which event, which motions belong to which meeting, and any later event that
    changes a closed meeting's final record."""

    def __init__(self, problem: Callable, problem_type: type):
        self.problem, self.Problem = problem, problem_type
        self.closed_at: dict[int, int] = {}  # meeting id -> seq of the event that closed it
        self.sealed_at: dict[int, int] = {}  # meeting id -> seq of its latest meeting.seal event
        self.motion_meeting: dict[int, int] = {}

    def _meeting(self, table: str, state: dict) -> int | None:
        if table == "meeting":
            return state.get("id")
        if table == "ballot":
            return self.motion_meeting.get(state.get("motion_id"))
        return state.get("meeting_id")

    def event(self, seq: int, action: str, entity: str, before: Any, after: dict | None) -> None:
        table = entity.partition(":")[0]
        if table not in FINAL_COLUMNS:
            return
        state = after if after is not None else before
        if not isinstance(state, dict):
            return
        if table == "motion" and isinstance(state.get("meeting_id"), int):
            self.motion_meeting[state["id"]] = state["meeting_id"]
        meeting = self._meeting(table, state)
        closed = self.closed_at.get(meeting)
        if closed is not None and seq > closed and self._changes_record(table, before, after):
            self.problem(self.Problem("closed_record_changed", t(
                "audit event {seq} ({action} {entity}) changes the final record of meeting {meeting} after it "
                "was closed (event {closed}): a closed meeting's tallies, roll and attendance are final",
                seq=seq, action=action, entity=entity, meeting=meeting, closed=closed), seq=seq, entity=entity))
        if table == "meeting" and isinstance(after, dict) and after.get("status") == "closed" \
                and not (isinstance(before, dict) and before.get("status") == "closed"):
            self.closed_at[meeting] = seq

    @staticmethod
    def _changes_record(table: str, before: Any, after: dict | None) -> bool:
        if not isinstance(before, dict) or after is None:
            return True  # a row added to, or removed from, the record
        wanted = FINAL_COLUMNS[table]
        keys = (set(before) | set(after)) if wanted is None else set(wanted)
        return any(before.get(k) != after.get(k) for k in keys if k not in ("created_at", "updated_at"))

    def sealed(self, seq: int, entity: str) -> None:
        meeting = _meeting_of(entity)
        if meeting is not None:
            self.sealed_at[meeting] = seq

    def finish(self, session: Session, latest: dict[str, Any], records: list[tuple[int, str]]) -> None:
        """After the walk: closed meetings without their seal event, tallies that disagree with their
        ballots, and the final records printed on minutes (``records``) against the rows."""
        for entity, state in latest.items():
            if not entity.startswith("meeting:") or not isinstance(state, dict) or state.get("status") != "closed":
                continue
            meeting = state.get("id")
            if self.sealed_at.get(meeting, -1) < self.closed_at.get(meeting, 0):
                self.problem(self.Problem("seal_missing", t(
                    "meeting {meeting} is closed but the seal event its close recorded is missing: events were "
                    "removed from the trail (a posted seal shows how many)", meeting=meeting), entity=entity))
        self._tallies(session)
        for meeting, digest in records:
            if record_digest(session, meeting) != digest:
                self.problem(self.Problem("record_mismatch", t(
                    "the final record of meeting {meeting} (tallies, roll, attendance, ballots) is no longer the "
                    "one sealed on its minutes", meeting=meeting), entity=f"meeting:{meeting}"))

    def _tallies(self, session: Session) -> None:
        """Every roll-call motion with a final tally: for, against and abstain equal its stored ballots."""
        # Untyped columns: values are compared as stored, so a value of the wrong type is named, not fatal.
        from sqlalchemy import column, func, table

        conn = session.connection()
        ballot = table("ballot", column("motion_id"), column("choice"))
        motion = table("motion", column("id"), column("votes_for"), column("votes_against"), column("votes_abstain"),
                       column("method"))
        counts: dict[Any, dict[Any, int]] = {}
        for motion_id, choice, n in conn.execute(select(ballot.c.motion_id, ballot.c.choice, func.count())
                                                 .group_by(ballot.c.motion_id, ballot.c.choice)):
            counts.setdefault(motion_id, {})[choice] = n
        for row in conn.execute(select(motion.c.id, motion.c.votes_for, motion.c.votes_against,
                                       motion.c.votes_abstain)
                                .where(motion.c.method == "roll-call", motion.c.votes_for.is_not(None))):
            stored = counts.get(row[0], {})
            ballots = (stored.get("for", 0), stored.get("against", 0), stored.get("abstain", 0))
            if tuple(row[1:]) != ballots:
                self.problem(self.Problem("tally_mismatch", t(
                    "motion {motion}'s tally {tally} does not agree with its stored ballots {ballots} "
                    "(for/against/abstain)", motion=row[0], tally="/".join(map(str, row[1:])),
                    ballots="/".join(map(str, ballots))), entity=f"motion:{row[0]}"))
