"""What meetings owe the board: S25 notice before and resolutions after a representatives' meeting, S21
results of every closed deliberation-committee meeting, and `disclose from-meeting`."""

import datetime as dt

import pytest

pytest.importorskip("juwei.storage.models.meetings")

AT = "2026-06-15 14:30"


@pytest.fixture
def reps(community, monkeypatch):
    """Three serving representatives; today is 2026-06-10."""
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-10")
    from juwei.services import roster
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    store = open_store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            roster.ensure_groups(sc, ["第一组"])
            roster.add_household(sc, "H1", group="第一组")
            for name, born in (("甲一", "1970-01-01"), ("甲二", "1971-01-01"), ("甲三", "1972-01-01")):
                member = roster.add_member(sc, {"name": name, "birth_date": born}, household="H1")
                roster.add_representative(sc, str(member.id), start=dt.date(2025, 1, 1), group="第一组")
    finally:
        store.dispose()
    return community


def _convene(cli, kind="representatives", at=AT):
    return cli.json("meeting", "convene", "--kind", kind, "--at", at, "--place", "社区会议室",
                    "--topic", "审议年度工作计划", "--topic", "增设停车位")["id"]


def test_representatives_meeting_notice_then_resolutions(reps, monkeypatch, unchanged):
    m = _convene(reps)
    due = reps.json("disclose", "due")
    assert [(o["rule"], o["subject"], o["due"], o["overdue"]) for o in due] == [
        ("S25", f"meeting:{m}:notice:2026-06-15T14:30", "2026-06-12", False)]  # 3 days' notice before 06-15
    assert reps.json("disclose", "due", "--on", "2026-06-13")[0]["overdue"] is True
    with unchanged():
        reps.fails("disclose", "from-meeting", "999")
    notice = reps.json("disclose", "from-meeting", str(m))["id"]
    shown = reps.json("disclose", "show", str(notice))
    assert shown["category"] == "assembly" and shown["until"] == "2026-06-15" and shown["meeting_id"] == m
    assert "社区会议室" in shown["body"] and "增设停车位" in shown["body"] and "2026-06-15 14:30" in shown["body"]
    reps.ok("disclose", "post", str(notice), "--on", "2026-06-10")
    assert reps.json("disclose", "due") == []

    monkeypatch.setenv("JUWEI_TODAY", "2026-06-15")
    reps.ok("meeting", "checkin", str(m), "--all")
    motion = reps.json("motion", "add", str(m), "--title", "年度工作计划", "--kind", "plan")["id"]
    lost = reps.json("motion", "add", str(m), "--title", "增设停车位")["id"]
    reps.ok("vote", "count", str(motion), "--for", "3", "--against", "0")
    reps.ok("vote", "count", str(lost), "--for", "1", "--against", "2")
    reps.ok("meeting", "close", str(m))
    due = reps.json("disclose", "due")
    assert [(o["rule"], o["subject"], o["due"]) for o in due] == [("S25", f"meeting:{m}:results", "2026-06-22")]
    results = reps.json("disclose", "from-meeting", str(m))["id"]
    body = reps.json("disclose", "show", str(results))["body"]
    assert "| 1 | 年度工作计划 | 3 | 3 | 0 | 0 |" in body and "| 通过 |" in body and "未通过" in body
    assert "会议形成决议如下" in body and "- 年度工作计划" in body
    with unchanged():
        err = reps.fails("disclose", "from-meeting", str(m))
        assert f"--supersedes {results}" in err
        reps.fails("disclose", "add", "--category", "resolution", "--title", "x", "--body", "x",
                   "--from-meeting", str(m + 1), "--from-motion", str(motion))
    reps.ok("disclose", "post", str(results), "--on", "2026-06-15")
    assert reps.json("disclose", "due") == []
    row = reps.json("disclose", "add", "--category", "resolution", "--title", "决议解读", "--body", "x",
                    "--from-motion", str(motion))["id"]
    assert reps.json("disclose", "show", str(row))["meeting_id"] == m


def test_deliberation_committee_results_s21_and_cancelled(reps, monkeypatch, unchanged):
    d = _convene(reps, kind="deliberation", at="2026-06-11 09:00")
    assert reps.json("disclose", "due") == []  # a routine meeting gives no pre-meeting notice obligation
    with unchanged():
        assert "not closed yet" in reps.fails("disclose", "from-meeting", str(d))
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-11")
    reps.ok("meeting", "minutes", str(d), "--summary", "议定:6月底前完成楼道清理")
    reps.ok("meeting", "close", str(d))
    due = reps.json("disclose", "due", "--on", "2026-06-19")
    assert [(o["rule"], o["due"], o["overdue"]) for o in due] == [("S21", "2026-06-18", True)]
    rid = reps.json("disclose", "from-meeting", str(d))["id"]
    assert "楼道清理" in reps.json("disclose", "show", str(rid))["body"]
    reps.ok("disclose", "post", str(rid), "--on", "2026-06-11")
    assert reps.json("disclose", "due", "--on", "2026-06-19") == []
    c = _convene(reps, at="2026-06-20 09:00")
    reps.ok("meeting", "cancel", str(c), "--reason", "改期")
    with unchanged():
        assert "cancelled" in reps.fails("disclose", "from-meeting", str(c))
    assert reps.json("disclose", "due") == []  # a cancelled meeting owes nothing


def test_a_rescheduled_meeting_needs_a_new_notice(reps, unchanged):
    m = _convene(reps)
    old = reps.json("disclose", "from-meeting", str(m))["id"]
    reps.ok("disclose", "post", str(old), "--on", "2026-06-10")
    with unchanged():
        assert f"--supersedes {old}" in reps.fails("disclose", "from-meeting", str(m))
    reps.ok("meeting", "reschedule", str(m), "--at", "2026-06-20 09:00")
    due = reps.json("disclose", "due")
    assert [(o["subject"], o["due"]) for o in due] == [(f"meeting:{m}:notice:2026-06-20T09:00", "2026-06-17")]
    new = reps.json("disclose", "from-meeting", str(m))["id"]
    row = reps.json("disclose", "show", str(new))
    assert row["supersedes"] == old and row["until"] == "2026-06-20" and "2026-06-20 09:00" in row["body"]
    reps.ok("disclose", "post", str(new), "--on", "2026-06-10")
    assert reps.json("disclose", "due") == []
    assert reps.json("disclose", "show", str(old))["status"] == "superseded"
