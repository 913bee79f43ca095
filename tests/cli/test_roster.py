"""The roster through the CLI: groups, households, members, representatives."""

import datetime as dt

import pytest

from juwei.rules.idnumber import make_id

ID = "11010519491231002X"


@pytest.fixture
def roster(community):
    community.ok("group", "add", "第一居民小组")
    community.ok("group", "add", "第二居民小组")
    community.ok("household", "add", "01001", "--group", "第一居民小组", "--address", "和平里1号楼101")
    community.ok("household", "add", "02001", "--group", "第二居民小组")
    return community


def add(cli, name, birth, seq, household="01001", **extra):
    args = ["member", "add", "--name", name, "--id-number", make_id("110101", birth, seq), "--household", household]
    for key, value in extra.items():
        args += [f"--{key.replace('_', '-')}", value]
    return cli.json(*args)["id"]


def test_member_add_list_show_masks_personal_data(roster):
    mid = roster.json("member", "add", "--name", "王芳", "--id-number", ID, "--household", "01001",
                      "--phone", "13812345678", "--party-member")["id"]
    row = roster.json("member", "list")[0]
    assert row["id"] == mid and row["group"] == "第一居民小组" and row["household"] == "01001"
    assert row["id_number"] == "110105********002X" and row["phone"] == "138****5678"
    assert row["gender"] == "F" and row["birth_date"] == "1949-12-31" and row["party_member"] is True
    assert roster.json("member", "list", "--reveal")[0]["id_number"] == ID
    shown = roster.json("member", "show", ID)  # by ID number
    assert shown["id"] == mid and shown["id_number"] == "110105********002X" and shown["household"] == "01001"
    assert ID not in roster.ok("member", "list")


def test_member_refusals_leave_the_database_unchanged(roster, unchanged):
    roster.ok("member", "add", "--name", "王芳", "--id-number", ID)
    with unchanged():
        assert "already on the roll" in roster.fails("member", "add", "--name", "李四", "--id-number", ID)
        assert "check digit" in roster.fails("member", "add", "--name", "李四", "--id-number", "110105194912310021")
        assert "--birth-date: 1981-01-01" in roster.fails("member", "add", "--name", "李四", "--id-number",
                                            make_id("110101", dt.date(1980, 1, 1), 3), "--birth-date", "1981-01-01")
        assert "no household" in roster.fails("member", "add", "--name", "李四", "--household", "99999")
        assert "gender" in roster.fails("member", "add", "--name", "李四", "--gender", "unknown")
        assert "no member" in roster.fails("member", "show", "999")
        assert "nothing to change" in roster.fails("member", "update", "1")
        assert "--birth-date: does not match" in roster.fails("member", "update", "1", "--birth-date", "1950-01-01")
        assert "--on" in roster.fails("member", "leave", "1", "--on", "someday")


def test_member_update_and_leave_keep_the_record(roster):
    mid = add(roster, "赵六", dt.date(1970, 5, 5), 11)
    roster.ok("member", "update", str(mid), "--phone", "010-12345678", "--household", "02001")
    assert roster.json("member", "show", str(mid), "--reveal")["phone"] == "010-12345678"
    roster.ok("member", "leave", str(mid), "--on", "2026-06-30", "--reason", "迁出")
    assert roster.json("member", "list") == []
    assert roster.json("member", "list", "--on", "2026-06-29")[0]["id"] == mid
    left = roster.json("member", "list", "--all")[0]
    assert left["moved_out"] == "2026-06-30"
    assert "already left" in roster.fails("member", "leave", str(mid), "--on", "2026-07-01")


def test_household_representative_and_show(roster):
    mid = add(roster, "钱七", dt.date(1960, 1, 1), 21)
    other = add(roster, "孙八", dt.date(1961, 1, 1), 31, household="02001")
    roster.ok("household", "set-rep", "01001", str(mid))
    assert "does not belong" in roster.fails("household", "set-rep", "01001", str(other))
    shown = roster.json("household", "show", "01001")
    assert shown["representative"] == "钱七" and shown["member_count"] == 1
    assert shown["address"] == "和平里1号楼101" and [m["name"] for m in shown["members"]] == ["钱七"]
    assert [h["number"] for h in roster.json("household", "list")] == ["01001", "02001"]
    assert [h["number"] for h in roster.json("household", "list", "--group", "第二居民小组")] == ["02001"]
    assert "already exists" in roster.fails("household", "add", "01001")


def test_groups_list_counts(roster):
    add(roster, "周一", dt.date(1960, 1, 1), 41)
    groups = roster.json("group", "list")
    assert [(g["name"], g["households"], g["members"]) for g in groups] == [("第一居民小组", 1, 1), ("第二居民小组", 1, 0)]
    assert "already exists" in roster.fails("group", "add", "第一居民小组")


def test_representative_terms_follow_the_rules(roster, unchanged):
    ids = [add(roster, f"代表{i}", dt.date(1970, 1, 1 + i), 51 + 2 * i, household="02001" if i == 1 else "01001")
           for i in range(5)]
    first = roster.json("rep", "add", str(ids[0]), "--group", "第一居民小组", "--from", "2026-01-01")
    result = roster(*["rep", "add", str(ids[0]), "--group", "第一居民小组", "--from", "2026-01-01"])
    assert result.exit_code == 1 and "already serves" in result.stderr
    reps = roster.json("rep", "list", "--on", "2026-06-01")
    assert reps[0]["id"] == first["id"] and reps[0]["term_end"] == "2028-12-31"  # S3: three years
    # fewer than two serving elected representatives in the group: a warning, not a refusal
    assert "S1" in roster(*["rep", "add", str(ids[1]), "--group", "第二居民小组", "--from", "2026-01-01"]).stderr
    roster.ok("rep", "add", str(ids[2]), "--group", "第一居民小组", "--from", "2026-01-01")
    roster.ok("rep", "add", str(ids[3]), "--group", "第一居民小组", "--from", "2026-01-01")
    too_many = roster(*["rep", "add", str(ids[4]), "--group", "第一居民小组", "--from", "2026-01-01"])
    assert too_many.exit_code == 0 and "4 serving" in too_many.stderr
    roster.ok("rep", "add", str(ids[4]), "--ex-officio", "npc_deputy", "--from", "2026-01-01")
    with unchanged():
        assert "give exactly one" in roster.fails("rep", "add", str(ids[4]), "--from", "2026-01-01")
        assert "is not one of" in roster.fails("rep", "add", str(ids[4]), "--ex-officio", "mayor", "--from", "2026-01-01",
                                               code=2)
        assert "no representative" in roster.fails("rep", "end", "999", "--on", "2026-02-01", "--reason", "x")
    assert len(roster.json("rep", "list", "--on", "2026-06-01")) == 6
    assert roster.json("rep", "list", "--on", "2028-12-01", "--expiring", "90d")[0]["term_end"] == "2028-12-31"
    assert roster.json("rep", "list", "--on", "2028-06-01", "--expiring", "90d") == []
    roster.ok("rep", "end", str(first["id"]), "--on", "2026-03-31", "--reason", "辞职")
    assert len(roster.json("rep", "list", "--on", "2026-04-01")) == 5
    assert "already ended" in roster.fails("rep", "end", str(first["id"]), "--on", "2026-04-30", "--reason", "x")


def test_minors_and_deprived_cannot_be_representatives(roster):
    child = add(roster, "小明", dt.date(2015, 1, 1), 61)
    assert "not an adult" in roster.fails("rep", "add", str(child), "--group", "第一居民小组", "--from", "2026-01-01")
    deprived = add(roster, "某某", dt.date(1970, 1, 1), 63, rights_deprived_from="2025-01-01")
    assert "deprived" in roster.fails("rep", "add", str(deprived), "--group", "第一居民小组", "--from", "2026-01-01")


def test_roster_summary(roster):
    add(roster, "成年", dt.date(1980, 1, 1), 71)
    add(roster, "未成年", dt.date(2015, 1, 1), 73)
    summary = roster.json("roster", "--on", "2026-11-25")
    assert summary["members"] == 2 and summary["adults"] == 1 and summary["groups"] == 2


def test_every_write_is_audited(roster, db):
    from sqlalchemy import create_engine, text

    from juwei.storage.engine import database_url

    add(roster, "审计", dt.date(1980, 1, 1), 81)
    engine = create_engine(database_url(db))
    with engine.connect() as conn:
        actions = [r[0] for r in conn.execute(text("SELECT action FROM audit_event ORDER BY id"))]
        clerks = {r[0] for r in conn.execute(text("SELECT clerk FROM audit_event"))}
    engine.dispose()
    # init's rules versions are recorded by the audit trail's commit-time safety net (db.insert)
    actions = [a for a in actions if a != "db.insert"]
    assert actions == ["community.init", "group.add", "group.add", "household.add", "household.add", "member.add"]
    assert clerks == {"test-clerk"}


def test_chinese_roster_and_group_labels_mean_the_roster_words(roster):
    """`households` is 户数 in the roster and 每户代表 only as a meeting's body: the Chinese roster and
    group list used the meeting words (居民会议, 每户代表, 居民代表会议) for their columns."""
    add(roster, "王芳", dt.date(1980, 1, 1), 1)
    summary = roster.ok("--lang", "zh_CN", "roster")
    groups = roster.ok("--lang", "zh_CN", "group", "list")
    for text in (summary, groups):
        assert "居民会议" not in text and "每户代表" not in text and "居民代表会议" not in text
    assert "户数" in summary and "居民" in summary
    assert "户数" in groups and "小组名称" in groups and "姓名" not in groups


def test_a_group_elects_its_own_residents(roster, unchanged):
    """S1: a representative added for a group they do not live in was accepted without a word. Refused,
    naming the group they live in; --allow-other-group REASON for the rare legitimate case, on the record."""
    lives_in_first = add(roster, "李明", dt.date(1970, 1, 1), 81)
    with unchanged():
        err = roster.fails("rep", "add", str(lives_in_first), "--group", "第二居民小组", "--from", "2026-01-01")
        assert "第一居民小组" in err and "--allow-other-group" in err
        assert "only for a representative of another group" in roster.fails(
            "rep", "add", str(lives_in_first), "--group", "第一居民小组", "--from", "2026-01-01",
            "--allow-other-group", "x")
    zh = roster("--lang", "zh_CN", "rep", "add", str(lives_in_first), "--group", "第二居民小组", "--from", "2026-01-01")
    assert zh.exit_code == 1 and "住在“第一居民小组”" in zh.stderr
    reason = "原第二居民小组组长,2026年随子女迁入第一居民小组,经第二居民小组会议推选"
    rep = roster.json("rep", "add", str(lives_in_first), "--group", "第二居民小组", "--from", "2026-01-01",
                      "--allow-other-group", reason)["id"]
    listed = roster.json("rep", "list", "--on", "2026-02-01")
    assert [(r["id"], r["group"], r["other_group_reason"]) for r in listed] == [(rep, "第二居民小组", reason)]
    event = [e for e in roster.json("audit", "log") if e["action"] == "rep.add"][-1]
    assert event["after"]["other_group_reason"] == reason
