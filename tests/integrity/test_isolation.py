"""Many communities in one database (a street office's PostgreSQL server, or one SQLite file): none sees
another's residents, groups, households or history."""

from __future__ import annotations


def _two(cli):
    cli.ok("init", "--name", "东城社区", "--code", "dc")
    cli.ok("init", "--name", "西城社区", "--code", "xc")
    ids = {}
    for code, name in (("dc", "东城居民"), ("xc", "西城居民")):
        cli.ok("--community", code, "group", "add", "第一居民小组")  # same group name in both: allowed
        cli.ok("--community", code, "household", "add", "01001")
        ids[code] = cli.json("--community", code, "member", "add", "--name", name, "--household", "01001",
                             "--id-number", "11010519491231002X")["id"]  # the same person may be on both rolls
    return ids


def test_each_community_sees_only_its_own(cli, unchanged):
    ids = _two(cli)
    for code, other in (("dc", "xc"), ("xc", "dc")):
        members = cli.json("--community", code, "member", "list")
        assert [m["id"] for m in members] == [ids[code]]
        assert len(cli.json("--community", code, "group", "list")) == 1
        assert len(cli.json("--community", code, "household", "list")) == 1
        with unchanged():
            assert "no member" in cli.fails("--community", code, "member", "show", str(ids[other]))
            cli.fails("--community", code, "member", "update", str(ids[other]), "--phone", "13800000000")
            cli.fails("--community", code, "member", "leave", str(ids[other]), "--on", "2026-01-01")
        events = cli.json("--community", code, "audit", "log")
        assert events and all(f"member:{ids[other]}" != e["entity"] for e in events)
        sealed = cli.json("--community", code, "audit", "seal")
        assert sealed["rows"]["member"] == 1 and sealed["community_events"] < sealed["database_events"]
    # a member found by ID number is the one in the chosen community
    shown = cli.json("--community", "xc", "member", "show", "11010519491231002X")
    assert shown["id"] == ids["xc"]
    with unchanged():
        assert "several communities" in cli.fails("member", "list")
    report = cli.json("audit", "verify")  # one chain for the whole database
    assert report["ok"]


def test_meetings_stay_within_their_community(cli, unchanged):
    ids = _two(cli)
    env = {"JUWEI_TODAY": "2026-06-10"}
    cli.ok("--community", "dc", "member", "update", str(ids["dc"]), "--note", "成年", env=env)
    meeting = cli.json("--community", "dc", "meeting", "convene", "--kind", "residents", "--at", "2026-06-15 14:30",
                       "--place", "会议室", "--topic", "议题", env=env)["id"]
    motion = cli.json("--community", "dc", "motion", "add", str(meeting), "--title", "议案", env=env)["id"]
    assert [m["id"] for m in cli.json("--community", "dc", "meeting", "list", env=env)] == [meeting]
    assert cli.json("--community", "xc", "meeting", "list", env=env) == []
    with unchanged():
        cli.fails("--community", "xc", "meeting", "show", str(meeting), env=env)
        cli.fails("--community", "xc", "meeting", "checkin", str(meeting), "1", env={"JUWEI_TODAY": "2026-06-15"})
        cli.fails("--community", "xc", "vote", "count", str(motion), "--for", "1", "--against", "0",
                  env={"JUWEI_TODAY": "2026-06-15"})
        cli.fails("--community", "xc", "meeting", "close", str(meeting), env={"JUWEI_TODAY": "2026-06-15"})
    xc_events = cli.json("--community", "xc", "audit", "log")
    assert not any(e["entity"] in (f"meeting:{meeting}", f"motion:{motion}") for e in xc_events)
