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
