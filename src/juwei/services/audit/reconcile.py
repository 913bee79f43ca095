"""The commit-time check: just before a write transaction commits, every row it wrote (through the ORM,
Core or a raw executemany; see ``juwei.storage.capture``) must end with an event holding its final state.
Rows a service did not record get one here, so every table, including ones added later, is covered."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlmodel import Session, SQLModel

from juwei.services.audit.chain import _BY_SET, _CLERK, _COVERED, _LAST, _chain, _insert_events
from juwei.services.audit.fingerprints import SET_THRESHOLD, _set_event
from juwei.services.audit.kinds import EventKind, classify
from juwei.services.audit.states import _dumps, _plain, differences
from juwei.services.scope import clerk_name
from juwei.storage import engine as storage_engine
from juwei.storage.models import AuditEvent


def _reconcile(session: Session) -> None:
    """Just before commit: every row this transaction wrote (through the ORM, Core or a raw executemany;
    see ``juwei.storage.capture``) must end with an event holding its final state. Rows a service did not
    record, or changed after recording (or recorded in part), get an event here: ``db.insert|update|delete``."""
    from juwei.storage import capture
    from juwei.storage.models.base import utcnow

    writes = capture.taken(session.connection())
    writes.pop("?", None)
    if not writes:
        return
    from juwei.storage.models import load_all

    load_all()  # every table's typed columns (models load lazily per domain)
    last = session.info.setdefault(_LAST, {})
    covered_by_set = session.info.get(_COVERED, {})
    clerk = session.info.get(_CLERK) or clerk_name()
    now = utcnow()
    events = []
    for name in sorted(writes):
        table = SQLModel.metadata.tables[name]
        tw = writes[name]
        states: dict[int, dict] = {}
        new_ids: set[int] = set()
        by_set = {i: cid for cid, ids in covered_by_set.get(name, {}).items() for i in ids}  # id -> community
        if tw.max_id_before is not None:
            fresh = session.execute(select(table.c.id).where(table.c.id > tw.max_id_before)).scalars().all()
            new_ids = set(fresh)
            unrecorded = [i for i in fresh
                          if i in tw.ids or not (i in by_set or isinstance(last.get(f"{name}:{i}"), str))]
            plain_new = [i for i in unrecorded if i not in tw.ids]
            if len(plain_new) >= SET_THRESHOLD:  # many rows written in bulk: one set event for them
                made = _set_event(session, table, tw.max_id_before, set(plain_new))
                if made is not None:
                    values = made[0]
                    values.update(at=now, clerk=clerk)
                    events.append(_chain(session, values, holds_row=False))
                    covered = set(plain_new)
                    unrecorded = [i for i in unrecorded if i not in covered]
            if len(unrecorded) > 500:
                for row in session.execute(select(table).where(table.c.id > tw.max_id_before)).mappings():
                    states[row["id"]] = {c.name: _plain(row[c.name]) for c in table.columns}
                wanted = set(unrecorded)
            else:
                wanted = set(unrecorded)
        else:
            wanted = set()
        wanted |= tw.ids
        missing = sorted(i for i in wanted if i not in states)
        for chunk in range(0, len(missing), 500):
            part = missing[chunk:chunk + 500]
            for row in session.execute(select(table).where(table.c.id.in_(part))).mappings():
                states[row["id"]] = {c.name: _plain(row[c.name]) for c in table.columns}
        gone = [f"{name}:{i}" for i in sorted(wanted) if i not in states and f"{name}:{i}" not in last]
        previous = _latest_events(session, gone)
        for row_id in sorted(wanted):
            entity = f"{name}:{row_id}"
            recorded = last.get(entity, _BY_SET if row_id in by_set else ...)
            state = states.get(row_id)
            if state is None and recorded is ... and entity in previous:
                recorded = previous[entity][1]  # its state before this transaction, from the trail
            if state is None:
                if recorded is None or (recorded is ... and row_id > (tw.max_id_before or row_id)):
                    continue  # deletion already recorded, or inserted and deleted within this transaction
                action, after = "db.delete", None
            else:
                if isinstance(recorded, str):
                    try:
                        if not differences(json.loads(recorded), state):
                            continue
                    except ValueError:
                        pass
                action = "db.insert" if row_id in new_ids and not isinstance(recorded, str) else "db.update"
                after = _dumps(state)
            community_id = (state or {}).get("community_id")
            if state is None and entity in previous:
                community_id = previous[entity][0]
            elif state is None and row_id in by_set:
                community_id = by_set[row_id]
            if name == "community":
                community_id = row_id
            before = recorded if isinstance(recorded, str) else None
            if after is None and before is None:
                before = _dumps({"id": row_id})  # a deletion names the row it removed
            events.append(_chain(session, {"community_id": community_id, "at": now, "clerk": clerk,
                                           "action": action, "entity": entity, "before": before,
                                           "after": after}))
    if events:
        _insert_events(session, events)


def _latest_events(session: Session, entities: list[str]) -> dict[str, tuple[int | None, str | None]]:
    """(community_id, after) of each entity's latest row-state event, from the trail."""
    cols = AuditEvent.__table__.c
    found: dict[str, tuple[int, int | None, str | None]] = {}
    for chunk in range(0, len(entities), 500):
        part = entities[chunk:chunk + 500]
        for seq, action, entity, community_id, before, after in session.execute(
                select(cols.seq, cols.action, cols.entity, cols.community_id, cols.before, cols.after)
                .where(cols.entity.in_(part), cols.seq.is_not(None))):
            if classify(action, entity, before, after).kind is not EventKind.ROW_STATE:
                continue
            if entity not in found or seq > found[entity][0]:
                found[entity] = (seq, community_id, after)
    return {entity: (cid, after) for entity, (_seq, cid, after) in found.items()}


if _reconcile not in storage_engine.PRE_COMMIT_HOOKS:
    storage_engine.PRE_COMMIT_HOOKS.append(_reconcile)
