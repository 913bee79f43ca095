"""Tamper evidence: every kind of change made behind juwei's back is named by `juwei audit verify`."""

from __future__ import annotations

import json

import pytest

from tests.integrity.helpers import PG, raw, roster


def _verify(cli) -> dict:
    result = cli("audit", "verify", "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == (0 if report["ok"] else 1), result.output
    return report


@pytest.fixture
def filled(community):
    community.ids = roster(community)
    return community


def test_clean_database_verifies(filled):
    report = _verify(filled)
    assert report["ok"] and report["problems"] == []
    assert report["events"] >= 6 and report["rows"] >= report["events"] - 2
    assert "intact" in filled.ok("audit", "verify")
    out = filled.ok("db", "check")
    assert "integrity_check" in out or "audit_verify" in out


def test_update_with_sql_shell_is_named(filled):
    raw(filled.db, "UPDATE member SET name = '王五' WHERE id = :id", id=filled.ids["li"])
    report = _verify(filled)
    assert not report["ok"]
    first = report["problems"][0]
    assert first["kind"] == "row_changed" and first["entity"] == f"member:{filled.ids['li']}"
    assert first["columns"] == ["name"]
    err = filled.fails("audit", "verify")
    assert f"member:{filled.ids['li']}" in err and "Traceback" not in err
    filled.fails("db", "check")


def test_boolean_and_date_changes_are_seen(filled):
    raw(filled.db, "UPDATE member SET party_member = :v, birth_date = :d WHERE id = :id", v=True,
        d="1980-03-01", id=filled.ids["li"])
    first = _verify(filled)["problems"][0]
    assert sorted(first["columns"]) == ["birth_date", "party_member"]


def test_deleted_row_is_named(filled):
    raw(filled.db, "DELETE FROM member WHERE id = :id", id=filled.ids["li"])
    first = _verify(filled)["problems"][0]
    assert first["kind"] == "row_deleted" and first["entity"] == f"member:{filled.ids['li']}"


def test_row_inserted_outside_juwei_is_named(filled):
    raw(filled.db, "INSERT INTO residents_group (id, community_id, name, created_at) "
                   "VALUES (99, 1, '黑户小组', '2026-01-01 00:00:00')")
    first = _verify(filled)["problems"][0]
    assert first["kind"] == "row_unrecorded" and first["entity"] == "residents_group:99"


def test_edited_event_is_named(filled):
    seq = raw(filled.db, "SELECT seq FROM audit_event WHERE entity = :e ORDER BY seq DESC",
              e=f"member:{filled.ids['li']}")[0][0]
    after = raw(filled.db, "SELECT after FROM audit_event WHERE seq = :s", s=seq)[0][0]
    raw(filled.db, "UPDATE audit_event SET after = :a WHERE seq = :s", a=after.replace("李四", "王五"), s=seq)
    first = _verify(filled)["problems"][0]
    assert first["kind"] == "event_edited" and first["seq"] == seq


def test_edited_event_with_rows_to_match_is_still_named(filled):
    """Changing both the row and its event (the careful forger) still breaks the chain at that event."""
    seq = raw(filled.db, "SELECT seq FROM audit_event WHERE entity = :e ORDER BY seq DESC",
              e=f"member:{filled.ids['li']}")[0][0]
    after = raw(filled.db, "SELECT after FROM audit_event WHERE seq = :s", s=seq)[0][0]
    raw(filled.db, "UPDATE audit_event SET after = :a WHERE seq = :s", a=after.replace("李四", "王五"), s=seq)
    raw(filled.db, "UPDATE member SET name = '王五' WHERE id = :id", id=filled.ids["li"])
    report = _verify(filled)
    assert [p["kind"] for p in report["problems"]] == ["event_edited"]


def test_deleted_event_is_named(filled):
    raw(filled.db, "DELETE FROM audit_event WHERE seq = 3")
    kinds = [(p["kind"], p["seq"]) for p in _verify(filled)["problems"]]
    assert kinds[0] == ("event_missing", 3)


def test_deleted_last_event_is_named_through_its_row(filled):
    head = raw(filled.db, "SELECT max(seq) FROM audit_event")[0][0]
    raw(filled.db, "DELETE FROM audit_event WHERE seq = :s", s=head)
    first = _verify(filled)["problems"][0]
    assert first["kind"] == "row_changed" and first["entity"] == f"member:{filled.ids['li']}"


def test_reordered_events_are_named(filled):
    raw(filled.db, "UPDATE audit_event SET seq = -1 WHERE seq = 4")
    raw(filled.db, "UPDATE audit_event SET seq = 4 WHERE seq = 5")
    raw(filled.db, "UPDATE audit_event SET seq = 5 WHERE seq = -1")
    first = _verify(filled)["problems"][0]
    assert first["seq"] == 4 and first["kind"] in ("event_edited", "event_out_of_order")


def test_forged_unchained_event_is_named(filled):
    raw(filled.db, "INSERT INTO audit_event (community_id, at, clerk, action, entity, before, after) "
                   "VALUES (1, '2026-01-01 00:00:00', 'x', 'member.add', 'member:77', NULL, '{}')")
    first = _verify(filled)["problems"][0]
    assert first["kind"] == "event_unchained"


def test_rewritten_history_fails_against_the_posted_seal(filled, tmp_path):
    """Someone who recomputes every hash makes a self-consistent chain; the posted seal still catches it."""
    from juwei.services.audit import GENESIS, event_digest

    seal_file = tmp_path / "seal.txt"
    filled.ok("audit", "seal", "--out", str(seal_file))
    assert "juwei-seal:" in seal_file.read_text(encoding="utf-8")
    filled.ok("audit", "verify", "--seal", str(seal_file))

    raw(filled.db, "UPDATE member SET name = '王五' WHERE id = :id", id=filled.ids["zhang"])
    rows = raw(filled.db, "SELECT id, seq, community_id, at, clerk, action, entity, before, after "
                          "FROM audit_event ORDER BY seq")
    from juwei.storage.engine import Store

    store = Store(filled.db)  # read `at` through the model's type, as verify does
    from sqlalchemy import select

    from juwei.storage.models import AuditEvent

    with store.read() as session:
        ats = dict(session.execute(select(AuditEvent.id, AuditEvent.at)).all())
    store.dispose()
    prev = GENESIS
    for id_, seq, cid, _at, clerk, action, entity, before, after in rows:
        if entity == f"member:{filled.ids['zhang']}" and after:
            after = after.replace("张三", "王五")
        digest = event_digest(seq, cid, ats[id_], clerk, action, entity, before, after, prev)
        raw(filled.db, "UPDATE audit_event SET after = :a, prev_hash = :p, hash = :h WHERE id = :i",
            a=after, p=prev, h=digest, i=id_)
        prev = digest
    assert _verify(filled)["ok"]  # self-consistent …
    err = filled.fails("audit", "verify", "--seal", str(seal_file))  # … but not what was posted
    assert "seal" in err


def test_log_masks_personal_data_and_filters(filled):
    out = filled.ok("audit", "log", "--entity", f"member:{filled.ids['zhang']}")
    assert "member.add" in out and "11010519491231002X" not in out and "13812345678" not in out
    assert "110105********002X" in out
    entries = filled.json("audit", "log", "--entity", f"member:{filled.ids['li']}")
    assert [e["action"] for e in entries] == ["member.add", "member.update"]
    assert entries[1]["after"]["phone"] == "139****1111"
    revealed = filled.json("audit", "log", "--entity", f"member:{filled.ids['li']}", "--reveal")
    assert revealed[1]["after"]["phone"] == "13900001111"
    assert filled.json("audit", "log", "--since", "2999-01-01") == []
    assert len(filled.json("audit", "log", "--limit", "2")) == 2
    filled.fails("audit", "log", "--since", "not-a-date")


def test_seal_counts(filled):
    sealed = filled.json("audit", "seal")
    assert sealed["rows"]["member"] == 2 and sealed["head_seq"] == sealed["database_events"]
    assert len(sealed["head_hash"]) == 64


def test_seal_of_entities_for_minutes(filled):
    """The service the meetings code calls: a digest over the latest events of the given records."""
    from juwei.services.audit import seal as audit_seal
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    store = open_store(filled.db)
    try:
        with open_scope(store, None, write=False) as sc:
            one = audit_seal.seal(sc, [f"member:{filled.ids['zhang']}", f"member:{filled.ids['li']}"])
            again = audit_seal.seal(sc, [f"member:{filled.ids['li']}", f"member:{filled.ids['zhang']}"])
    finally:
        store.dispose()
    assert one.entities_digest == again.entities_digest and one.entities_digest
    assert "juwei-seal:" in one.text()
    filled.ok("member", "update", str(filled.ids["li"]), "--phone", "13900002222")
    store = open_store(filled.db)
    try:
        with open_scope(store, None, write=False) as sc:
            later = audit_seal.seal(sc, [f"member:{filled.ids['zhang']}", f"member:{filled.ids['li']}"])
    finally:
        store.dispose()
    assert later.entities_digest != one.entities_digest


def test_rows_written_without_an_event_are_recorded_at_commit(community):
    """The safety net: a service that forgets record_row still leaves a verifiable trail."""
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store
    from juwei.storage.models import ResidentsGroup

    store = open_store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            group = ResidentsGroup(community_id=sc.community_id, name="无记录小组")
            sc.session.add(group)
            sc.session.flush()
            group.name = "改过名的小组"
        with open_scope(store, None, write=True) as sc:
            sc.session.delete(sc.session.get(ResidentsGroup, group.id))
    finally:
        store.dispose()
    entries = community.json("audit", "log", "--entity", f"residents_group:{group.id}")
    assert [e["action"] for e in entries] == ["db.insert", "db.delete"]
    assert entries[0]["after"]["name"] == "改过名的小组" and entries[1]["after"] is None
    assert _verify(community)["ok"]


def test_core_and_raw_bulk_writes_are_recorded_at_commit(community):
    """Bulk writes that bypass the ORM (Core insert/update/delete, a raw DBAPI executemany) are covered
    too: every row they touched ends with an event, so verify passes and later tampering is still named."""
    from sqlalchemy import delete, insert, update

    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store
    from juwei.storage.models import ResidentsGroup
    from juwei.storage.models.base import utcnow

    store = open_store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            now = utcnow()
            sc.session.execute(insert(ResidentsGroup.__table__), [
                {"community_id": sc.community_id, "name": f"批量{i}", "created_at": now} for i in range(30)])
            conn = sc.session.connection()
            mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
            conn.exec_driver_sql(f"INSERT INTO residents_group (community_id, name, created_at) "
                                 f"VALUES ({mark}, {mark}, {mark})",
                                 [(sc.community_id, f"原始{i}", now) for i in range(5)])
        with open_scope(store, None, write=True) as sc:
            sc.session.execute(update(ResidentsGroup.__table__).where(ResidentsGroup.name.like("批量1%"))
                               .values(name=ResidentsGroup.name + "改"))
            sc.session.execute(delete(ResidentsGroup.__table__).where(ResidentsGroup.name.like("原始%")))
    finally:
        store.dispose()
    assert _verify(community)["ok"]
    actions = [e["action"] for e in community.json("audit", "log") if e["entity"].startswith("residents_group:")]
    assert actions.count("db.insert") == 35
    assert actions.count("db.update") == 11  # 批量1, 批量10 … 批量19
    assert actions.count("db.delete") == 5
    gid = raw(community.db, "SELECT id FROM residents_group WHERE name = '批量3'")[0][0]
    raw(community.db, "UPDATE residents_group SET name = '篡改' WHERE id = :i", i=gid)
    assert _verify(community)["problems"][0]["entity"] == f"residents_group:{gid}"


@pytest.fixture
def voted(meeting):
    env = {"JUWEI_TODAY": "2026-06-15"}
    meeting.ok("meeting", "checkin", str(meeting.meeting), "--all", env=env)
    meeting.ok("vote", "cast", str(meeting.motion), "1-10", "--choice", "for", env=env)
    meeting.ok("vote", "cast", str(meeting.motion), "11-14", "--choice", "against", env=env)
    meeting.ok("meeting", "close", str(meeting.meeting), env=env)
    assert _verify(meeting)["ok"]
    return meeting


def test_a_vote_changed_with_the_sql_shell_is_named(voted):
    ballot = raw(voted.db, "SELECT id FROM ballot WHERE seat = 12")[0][0]
    raw(voted.db, "UPDATE ballot SET choice = 'for' WHERE id = :i", i=ballot)
    first = _verify(voted)["problems"][0]
    assert (first["kind"], first["entity"], first["columns"]) == ("row_changed", f"ballot:{ballot}", ["choice"])


def test_a_changed_tally_is_named(voted):
    raw(voted.db, "UPDATE motion SET votes_for = 14, votes_against = 0 WHERE id = :i", i=voted.motion)
    first = _verify(voted)["problems"][0]
    assert first["entity"] == f"motion:{voted.motion}"
    assert sorted(first["columns"]) == ["votes_against", "votes_for"]


def test_a_deleted_attendance_row_is_named(voted):
    row = raw(voted.db, "SELECT id FROM attendance WHERE seat = 3")[0][0]
    raw(voted.db, "DELETE FROM attendance WHERE id = :i", i=row)
    first = _verify(voted)["problems"][0]
    assert (first["kind"], first["entity"]) == ("row_deleted", f"attendance:{row}")


def test_the_seal_recorded_at_close_matches_the_trail(voted, tmp_path):
    from juwei.services.audit import seal as audit_seal
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    store = open_store(voted.db)
    try:
        with open_scope(store, None, write=False) as sc:
            sealed = audit_seal.sealed_on(sc, f"meeting:{voted.meeting}")
    finally:
        store.dispose()
    assert sealed is not None and f"motion:{voted.motion}" in sealed.entities
    seal_file = tmp_path / "minutes-seal.txt"
    seal_file.write_text(sealed.text(), encoding="utf-8")
    voted.ok("audit", "verify", "--seal", str(seal_file))
    raw(voted.db, "UPDATE audit_event SET after = replace(after, 'entities_digest', 'entities_digesT') "
                  "WHERE action = 'meeting.seal'")
    assert _verify(voted)["problems"][0]["kind"] == "event_edited"


def test_large_bulk_writes_are_covered_by_one_set_event(community):
    """Hundreds of rows written in bulk with no events of their own get one set event holding each row's
    fingerprint: cheap to write, and still precise — one changed or deleted row is named."""
    from sqlalchemy import insert

    from juwei.services.audit import SET_THRESHOLD
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store
    from juwei.storage.models import ResidentsGroup
    from juwei.storage.models.base import utcnow

    store = open_store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            sc.session.execute(insert(ResidentsGroup.__table__), [
                {"community_id": sc.community_id, "name": f"批量{i}", "created_at": utcnow()}
                for i in range(SET_THRESHOLD * 3)])
        with open_scope(store, None, write=True) as sc:  # later, legitimate changes to covered rows
            first = sc.session.get(ResidentsGroup, 1)
            first.name = "改名"
            sc.session.delete(sc.session.get(ResidentsGroup, 2))
    finally:
        store.dispose()
    entries = community.json("audit", "log")
    bulk = [e for e in entries if e["entity"].startswith("residents_group:") and ".." in e["entity"]]
    assert len(bulk) == 1 and bulk[0]["after"] == {"table": "residents_group", "rows": SET_THRESHOLD * 3}
    assert _verify(community)["ok"]
    gid = raw(community.db, "SELECT id FROM residents_group WHERE name = '批量77'")[0][0]
    raw(community.db, "UPDATE residents_group SET name = '篡改' WHERE id = :i", i=gid)
    first = _verify(community)["problems"][0]
    assert (first["kind"], first["entity"]) == ("row_changed", f"residents_group:{gid}")
    raw(community.db, "UPDATE residents_group SET name = '批量77' WHERE id = :i", i=gid)
    assert _verify(community)["ok"]
    raw(community.db, "DELETE FROM residents_group WHERE name = '批量100'")
    first = _verify(community)["problems"][0]
    assert first["kind"] == "row_deleted"


# ---------------------------------------------------------------- a closed meeting's record (issue 11, item 1)

def _typed_engine(db):
    from sqlalchemy import create_engine

    from juwei.storage.engine import database_url

    return create_engine(database_url(db))


def _event(db, seq: int) -> dict:
    """One event read through the model's types (its time as verify reads it)."""
    from sqlalchemy import select

    from juwei.storage.models import AuditEvent

    engine = _typed_engine(db)
    try:
        with engine.connect() as conn:
            return dict(conn.execute(select(AuditEvent.__table__).where(AuditEvent.seq == seq)).one()._mapping)
    finally:
        engine.dispose()


def _append_forged_event(db, *, action: str, entity: str, before: str | None, after: dict, at, clerk: str,
                         community_id: int = 1) -> int:
    """What a careful forger appends: the next seq, the head's hash as prev_hash, a correct hash."""
    from juwei.services.audit import _ENCODER, event_digest
    from juwei.storage.models import AuditEvent

    seq, prev = raw(db, "SELECT seq, hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC")[0]
    after_text = _ENCODER.encode(after)
    values = {"seq": seq + 1, "prev_hash": prev, "community_id": community_id, "at": at, "clerk": clerk,
              "action": action, "entity": entity, "before": before, "after": after_text}
    values["hash"] = event_digest(seq + 1, community_id, at, clerk, action, entity, before, after_text, prev)
    engine = _typed_engine(db)
    try:
        with engine.begin() as conn:
            conn.execute(AuditEvent.__table__.insert(), values)
    finally:
        engine.dispose()
    return seq + 1


def _forge_final_tally(voted) -> int:
    """Issue 11 item 1: a motion.final appended after the seal, backdated to the close, by the original
    clerk, with the motion row set to match it."""
    entity = f"motion:{voted.motion}"
    final_seq = raw(voted.db, "SELECT max(seq) FROM audit_event WHERE entity = :e AND action = 'motion.final'",
                    e=entity)[0][0]
    final = _event(voted.db, final_seq)
    state = json.loads(final["after"])
    forged = dict(state, votes_for=11, votes_against=2, passed=True)
    seq = _append_forged_event(voted.db, action="motion.final", entity=entity, before=final["after"], after=forged,
                               at=final["at"], clerk=final["clerk"])
    raw(voted.db, "UPDATE motion SET votes_for = 11, votes_against = 2, passed = :p WHERE id = :i", p=True,
        i=voted.motion)
    return seq


def _minutes(cli, meeting: int, tmp_path):
    text = cli.ok("notice", "render", str(meeting), "--doc", "minutes", "--format", "md", "--lang", "en")
    path = tmp_path / "minutes.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_forged_final_tally_after_the_seal_is_named(voted, tmp_path):
    minutes = _minutes(voted, voted.meeting, tmp_path)
    assert "juwei-record: meeting:" in minutes.read_text(encoding="utf-8")
    seq = _forge_final_tally(voted)
    kinds = {(p["kind"], p["entity"]) for p in _verify(voted)["problems"]}
    assert ("closed_record_changed", f"motion:{voted.motion}") in kinds
    assert ("tally_mismatch", f"motion:{voted.motion}") in kinds
    assert str(seq) in voted.fails("audit", "verify")
    err = voted.fails("audit", "verify", "--seal", str(minutes), "--json")
    report = json.loads(voted("audit", "verify", "--seal", str(minutes), "--json").stdout)
    assert ("record_mismatch", f"meeting:{voted.meeting}") in {(p["kind"], p["entity"]) for p in report["problems"]}
    assert "Traceback" not in err
    voted.fails("db", "check")


def test_the_final_record_on_the_minutes_is_recomputed_from_the_rows(voted, tmp_path):
    """A careful forger who rewrites the whole chain (every hash) to fit changed attendance still fails
    against the record printed on the minutes."""
    minutes = _minutes(voted, voted.meeting, tmp_path)
    voted.ok("audit", "verify", "--seal", str(minutes))
    from juwei.services.audit.closed import record_digest
    from juwei.storage.engine import open_store

    raw(voted.db, "UPDATE attendance SET checked_out_at = checked_in_at WHERE seat = 2")
    store = open_store(voted.db)
    try:
        with store.read() as session:
            now = record_digest(session, voted.meeting)
    finally:
        store.dispose()
    assert now not in minutes.read_text(encoding="utf-8")
    report = json.loads(voted("audit", "verify", "--seal", str(minutes), "--json").stdout)
    assert "record_mismatch" in {p["kind"] for p in report["problems"]}


def test_an_addendum_after_close_is_not_tampering(voted, tmp_path):
    """A closed meeting's minutes are final; a correction is a dated addendum, outside the sealed record."""
    minutes = _minutes(voted, voted.meeting, tmp_path)
    voted.ok("meeting", "minutes", str(voted.meeting), "--addendum", "更正：第3号座位签到时间有误")
    assert _verify(voted)["ok"]  # the addendum is not a change to the record …
    voted.ok("audit", "verify", "--seal", str(minutes))
    raw(voted.db, "UPDATE meeting_note SET kind = NULL")
    assert _verify(voted)["ok"] is False  # … but turning it into a note of the meeting with SQL is named


def test_event_times_never_run_backwards(filled):
    first = _event(filled.db, 1)
    member = f"member:{filled.ids['li']}"
    last = raw(filled.db, "SELECT after FROM audit_event WHERE entity = :e ORDER BY seq DESC", e=member)[0][0]
    import datetime as dt

    seq = _append_forged_event(filled.db, action="member.update", entity=member, before=last,
                               after=json.loads(last), at=first["at"] - dt.timedelta(days=400),
                               clerk=first["clerk"])
    first_problem = _verify(filled)["problems"][0]
    assert (first_problem["kind"], first_problem["seq"]) == ("event_time_backwards", seq)


def test_tallies_agree_with_the_stored_ballots(voted):
    """A ballot deleted together with its event-free record (the row and its event both gone) still
    leaves the tally disagreeing with the ballots."""
    ballot = raw(voted.db, "SELECT id FROM ballot WHERE seat = 1")[0][0]
    raw(voted.db, "DELETE FROM ballot WHERE id = :i", i=ballot)
    kinds = {p["kind"] for p in _verify(voted)["problems"]}
    assert {"row_deleted", "tally_mismatch"} <= kinds


# ---------------------------------------------------------------- the schema is part of the record (item 3)

def _plant_trigger(db) -> None:
    if PG:
        raw(db, "CREATE FUNCTION drop_against() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.choice = 'against' THEN RETURN NULL; END IF; RETURN NEW; END $$")
        raw(db, "CREATE TRIGGER drop_against BEFORE INSERT ON ballot FOR EACH ROW EXECUTE FUNCTION drop_against()")
    else:
        raw(db, "CREATE TRIGGER drop_against BEFORE INSERT ON ballot WHEN NEW.choice = 'against' "
                "BEGIN SELECT RAISE(IGNORE); END")


def test_a_planted_trigger_is_named_and_refused(meeting, unchanged):
    env = {"JUWEI_TODAY": "2026-06-15"}
    meeting.ok("meeting", "checkin", str(meeting.meeting), "--all", env=env)
    _plant_trigger(meeting.db)
    report = _verify(meeting)
    assert ("schema_changed", "trigger:drop_against") in {(p["kind"], p["entity"]) for p in report["problems"]}
    checked = meeting("db", "check")
    assert checked.exit_code == 1 and "drop_against" in checked.output
    with unchanged():
        err = meeting.fails("vote", "cast", str(meeting.motion), "1-7", "--choice", "against", env=env)
    assert "drop_against" in err and len(err.strip().splitlines()) == 1


def test_a_planted_view_and_index_are_named(filled):
    raw(filled.db, "CREATE VIEW everyone AS SELECT name FROM member")
    raw(filled.db, "CREATE INDEX ix_spy ON member (name)")
    raw(filled.db, "DROP INDEX ix_household_group_id")
    entities = {p["entity"] for p in _verify(filled)["problems"] if p["kind"] == "schema_changed"}
    assert {"view:everyone", "index:ix_spy", "index:ix_household_group_id"} <= entities


def test_a_roll_call_checks_what_was_stored(meeting, monkeypatch):
    """Defence in depth: a trigger planted after the store was trusted still cannot make a roll call report
    ballots that were not stored."""
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-15")  # the meeting's day: votes wait for it
    from juwei.errors import JuweiError
    from juwei.rules.meetings import VoteChoice
    from juwei.services import voting
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    meeting.ok("meeting", "checkin", str(meeting.meeting), "--all", env={"JUWEI_TODAY": "2026-06-15"})
    store = open_store(meeting.db)
    try:
        store._schema_trusted = True
        _plant_trigger(meeting.db)
        with pytest.raises(JuweiError, match="7"):
            with open_scope(store, None, write=True) as sc:
                voting.cast_votes(sc, meeting.motion, list(range(1, 8)), VoteChoice.AGAINST)
    finally:
        store.dispose()
    assert raw(meeting.db, "SELECT count(*) FROM ballot")[0][0] == 0


# ---------------------------------------------------------------- text compared as text (item 5)

def test_numerically_equal_text_is_a_change(filled):
    from juwei.rules.idnumber import check_char

    first17 = "11010519930314974"
    id_number = first17 + check_char(first17)
    assert id_number.isdigit()
    wang = filled.json("member", "add", "--name", "王五", "--id-number", id_number, "--household", "01001",
                       "--phone", "01062345678")["id"]
    assert _verify(filled)["ok"]
    cases = [("member", wang, "phone", "1062345678"), ("household", None, "number", "1001")]
    if not PG:  # VARCHAR(18) on PostgreSQL refuses these longer spellings itself
        cases += [("member", wang, "id_number", "1.10105199303149747E17"), ("member", wang, "id_number", id_number + ".0")]
    for table, row, column, value in cases:
        key = row if row is not None else raw(filled.db, "SELECT id FROM household WHERE number = '01001'")[0][0]
        before = raw(filled.db, f"SELECT {column} FROM {table} WHERE id = :i", i=key)[0][0]
        raw(filled.db, f"UPDATE {table} SET {column} = :v WHERE id = :i", v=value, i=key)
        first = _verify(filled)["problems"][0]
        assert (first["entity"], first["columns"]) == (f"{table}:{key}", [column]), value
        raw(filled.db, f"UPDATE {table} SET {column} = :v WHERE id = :i", v=before, i=key)
    assert _verify(filled)["ok"]


# ---------------------------------------------------------------- wrong types (item 6), SQLite only

needs_sqlite = pytest.mark.skipif(PG, reason="PostgreSQL refuses a value of the wrong type itself")


@needs_sqlite
@pytest.mark.parametrize("value", ["garbage", "1993-03-14 12:00"])
def test_a_value_of_the_wrong_type_is_named_not_a_crash(filled, value):
    raw(filled.db, "UPDATE member SET birth_date = :v WHERE id = :i", v=value, i=filled.ids["li"])
    report = _verify(filled)
    first = report["problems"][0]
    assert (first["kind"], first["entity"], first["columns"]) == \
        ("value_wrong_type", f"member:{filled.ids['li']}", ["birth_date"])
    out = filled("db", "check")
    assert out.exit_code == 1 and "unexpected" not in out.output and "birth_date" in out.output


@needs_sqlite
def test_wrong_types_in_events_and_attendance_are_named(voted):
    raw(voted.db, "UPDATE audit_event SET at = 'garbage' WHERE seq = 3")
    raw(voted.db, "UPDATE audit_event SET seq = 'x5' WHERE seq = 5")
    raw(voted.db, "UPDATE attendance SET checked_in_at = 'garbage' WHERE seat = 4")
    report = _verify(voted)
    named = {(p["kind"], p["seq"], tuple(p["columns"])) for p in report["problems"]}
    assert ("value_wrong_type", 3, ("at",)) in named
    assert ("value_wrong_type", None, ("seq",)) in named
    assert ("event_missing", 5, ()) in named
    row = raw(voted.db, "SELECT id FROM attendance WHERE seat = 4")[0][0]
    assert ("value_wrong_type", f"attendance:{row}") in {(p["kind"], p["entity"]) for p in report["problems"]}
    assert voted("db", "check").exit_code == 1


# ---------------------------------------------------------------- the tail of the trail (item 7)

def test_a_closed_meeting_without_its_seal_event_is_named(voted):
    raw(voted.db, "DELETE FROM audit_event WHERE action = 'meeting.seal'")
    problems = _verify(voted)["problems"]
    assert [(p["kind"], p["entity"]) for p in problems] == [("seal_missing", f"meeting:{voted.meeting}")]


def test_a_reopened_meeting_is_caught_by_the_posted_seal(voted, tmp_path):
    """The last events deleted and the rows put back as before the close: self-consistent, so only a
    posted seal (the minutes, or `audit seal`) catches it."""
    posted = tmp_path / "seal.txt"
    out = voted.ok("audit", "seal", "--out", str(posted))
    head = voted.json("audit", "seal")
    assert f"{head['head_seq']}" in out and head["head_hash"] in out
    minutes = _minutes(voted, voted.meeting, tmp_path)
    close_seq = raw(voted.db, "SELECT seq FROM audit_event WHERE action = 'meeting.close'")[0][0]
    befores = {entity: before for entity, before in raw(
        voted.db, "SELECT entity, before FROM audit_event WHERE seq >= :s - 1 AND before IS NOT NULL", s=close_seq)}
    raw(voted.db, "DELETE FROM audit_event WHERE seq >= :s - 1", s=close_seq)  # motion.final, close, seal
    motion = json.loads(befores[f"motion:{voted.motion}"])
    raw(voted.db, "UPDATE motion SET votes_for = NULL, votes_against = NULL, votes_abstain = NULL, required = NULL, "
                  "passed = NULL, rule = NULL WHERE id = :i", i=voted.motion)
    assert motion["votes_for"] is None
    raw(voted.db, "UPDATE meeting SET status = 'convened', closed_at = NULL WHERE id = :i", i=voted.meeting)
    assert _verify(voted)["ok"]  # nothing on file contradicts it …
    assert "seal" in voted.fails("audit", "verify", "--seal", str(posted))  # … but the posted seal does
    assert "seal" in voted.fails("audit", "verify", "--seal", str(minutes))


# ---------------------------------------------------------------- rows covered by a fingerprint (item 8)

def test_a_row_changed_since_its_import_names_the_column(community):
    from sqlalchemy import insert

    from juwei.services.audit import SET_THRESHOLD, changed_columns, row_digest
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store
    from juwei.storage.models import ResidentsGroup
    from juwei.storage.models.base import utcnow

    store = open_store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            sc.session.execute(insert(ResidentsGroup.__table__), [
                {"community_id": sc.community_id, "name": f"批量{i}", "created_at": utcnow()}
                for i in range(SET_THRESHOLD * 2)])
    finally:
        store.dispose()
    gid = raw(community.db, "SELECT id FROM residents_group WHERE name = '批量7'")[0][0]
    raw(community.db, "UPDATE residents_group SET name = '篡改' WHERE id = :i", i=gid)
    first = _verify(community)["problems"][0]
    assert (first["kind"], first["entity"], first["columns"]) == ("row_changed", f"residents_group:{gid}", ["name"])
    assert "?" not in first["message"]
    # A fingerprint written before the column bytes existed cannot say where: it says so.
    old = row_digest([1, "a"])
    assert changed_columns(old, [1, "b"], ["id", "name"]) == [] and changed_columns(old, [1, "a"], ["id", "name"]) is None


@pytest.mark.skipif(PG, reason="db restore is SQLite-only (pg_restore on PostgreSQL)")
def test_a_backup_with_a_planted_trigger_is_not_restored(filled, tmp_path, unchanged):
    backup = tmp_path / "backup.db"
    filled.ok("db", "backup", str(backup))
    raw(str(backup), "CREATE TRIGGER keep_quiet BEFORE INSERT ON ballot BEGIN SELECT RAISE(IGNORE); END")
    with unchanged():
        err = filled.fails("db", "restore", str(backup))
    assert "keep_quiet" in err and len(err.strip().splitlines()) == 1


def test_minutes_printed_before_the_record_digest_still_verify(voted, tmp_path):
    """Old minutes carry only `juwei-seal: SEQ HASH`: they verify as before, and a forged tally after the
    close is still named (by the chain walk, not by the minutes)."""
    import re

    minutes = _minutes(voted, voted.meeting, tmp_path)
    old = tmp_path / "old-minutes.md"
    old.write_text(re.sub(r"juwei-record: meeting:\d+ [0-9a-f]{64}", "", minutes.read_text(encoding="utf-8")),
                   encoding="utf-8")
    assert "intact" in voted.ok("audit", "verify", "--seal", str(old))
    _forge_final_tally(voted)
    report = json.loads(voted("audit", "verify", "--seal", str(old), "--json").stdout)
    assert "closed_record_changed" in {p["kind"] for p in report["problems"]}
    assert "record_mismatch" not in {p["kind"] for p in report["problems"]}
