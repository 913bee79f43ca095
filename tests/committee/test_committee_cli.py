"""The committee register through the CLI: committee posts and terms, staff, standing bodies, duties; every
refusal leaves the database unchanged; ending a post records the S24 change; the agenda shows vacancies."""

import datetime as dt

import pytest

from juwei.rules.idnumber import make_id


def _member(cli, name, birth, seq, household):
    return cli.json("member", "add", "--name", name, "--id-number", make_id("110101", birth, seq),
                    "--household", household)["id"]


def said(cli, *args):
    """Everything a successful command printed, warnings (stderr) included."""
    result = cli(*args)
    assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
    return result.output


TODAY = "2025-02-01"  # the clerk's day in these tests: terms below start 2024-06-01


@pytest.fixture
def people(community, monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", TODAY)
    community.ok("group", "add", "第一居民小组")
    for number in ("01001", "01002", "01003", "01004", "01005", "01006"):
        community.ok("household", "add", number, "--group", "第一居民小组")
    ids = [_member(community, name, dt.date(1960 + i, 3, 1), 10 + i, f"0100{i + 1}")
           for i, name in enumerate(["王芳", "李强", "张伟", "刘洋", "陈静", "杨磊"])]
    ids.append(_member(community, "王小明", dt.date(2015, 1, 1), 40, "01001"))  # a child in 王芳's household
    ids.append(_member(community, "王建国", dt.date(1958, 1, 1), 41, "01001"))  # an adult in 王芳's household
    community.people = ids
    return community


def test_committee_add_records_a_term_and_lists_the_committee(people):
    a, b, c, d, e, f, child, spouse = people.people
    out = said(people, "committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    assert "term 1" in out and "2027-05-31" in out and "1 serving member(s)" in out
    for member, role in ((b, "deputy"), (c, "member"), (d, "member")):
        people.ok("committee", "add", str(member), "--role", role, "--from", "2024-06-01")
    out = said(people, "committee", "add", str(e), "--role", "member", "--from", "2024-06-01")
    assert "warning" not in out  # five members: inside 5–9
    rows = people.json("committee", "list", "--on", "2025-01-01")
    assert [r["role"] for r in rows] == ["director", "deputy", "member", "member", "member"]
    assert rows[0]["name"] == "王芳" and rows[0]["term"] == 1 and rows[0]["term_end"] == "2027-05-31"
    term = people.json("committee", "term", "--on", "2025-01-01")
    assert term["number"] == 1 and term["election_due"] == "2027-06-01" and term["serving"] == 5
    assert term["director"] == "王芳"
    assert people.json("committee", "list", "--on", "2027-06-01") == []  # the term is over


def test_committee_refusals_leave_the_database_unchanged(people, unchanged):
    a, b, c, d, e, f, child, spouse = people.people
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    with unchanged():
        assert "has a director" in people.fails("committee", "add", str(b), "--role", "director",
                                                "--from", "2024-07-01")
        assert "already serves" in people.fails("committee", "add", str(a), "--role", "member",
                                                "--from", "2024-07-01")
        assert "not an adult" in people.fails("committee", "add", str(child), "--role", "member",
                                              "--from", "2024-07-01")
        assert "no member" in people.fails("committee", "add", "999", "--role", "member", "--from", "2024-07-01")
        people.fails("committee", "add", str(b), "--role", "chief", "--from", "2024-07-01", code=2)
        assert "before the post started" in people.fails("committee", "end", str(a), "--on", "2024-01-01",
                                                         "--reason", "resigned")
        assert "after its term" in people.fails("committee", "end", str(a), "--on", "2030-01-01",
                                                "--reason", "resigned")
        people.fails("committee", "end", str(a), "--on", "2025-01-01", "--reason", "bored", code=2)
        assert "holds no post" in people.fails("committee", "end", str(b), "--on", "2025-01-01",
                                               "--reason", "resigned")
        assert "already recorded" in people.fails("committee", "term", "--start", "2024-06-01")


def test_two_members_of_one_household_are_warned_about(people):
    a, *_, spouse = people.people
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    out = said(people, "committee", "add", str(spouse), "--role", "member", "--from", "2024-06-01")
    assert "one household" in out and "王芳" in out and "王建国" in out
    zh = said(people, "--lang", "zh_CN", "committee", "list", "--on", "2025-01-01")
    assert "回避" in zh and "居委会主任" in zh and "居委会委员" in zh


def test_ending_a_committee_post_records_the_staff_change_and_shows_a_vacancy(people):
    a, b, c, d, e, *_ = people.people
    for member, role in ((a, "director"), (b, "deputy"), (c, "member"), (d, "member"), (e, "member")):
        people.ok("committee", "add", str(member), "--role", role, "--from", "2024-06-01")
    out = said(people, "committee", "end", str(b), "--on", "2025-03-31", "--reason", "moved-out", "--note", "迁往外省")
    assert "2025-03-31" in out and "S24" in out and "4 serving member(s)" in out
    changes = people.json("disclose", "staff-changes")
    assert len(changes) == 1 and changes[0]["name"] == "李强" and changes[0]["reason"] == "迁往外省"
    assert changes[0]["change"] == "离任：居委会副主任" and changes[0]["effective"] == "2025-03-31"  # zh community
    assert changes[0]["post_id"] is not None
    history = people.json("committee", "show", str(b))
    assert history[0]["ended_on"] == "2025-03-31" and history[0]["end_reason"] == "moved-out"
    agenda = people.json("agenda", "--on", "2025-04-01")
    subjects = {item["subject"] for item in agenda["items"]}
    assert "committee:vacancies" in subjects
    assert any(item["rule"] == "S24" for item in agenda["items"])


def test_staff_with_and_without_a_roster_entry(people, unchanged):
    a, *_ = people.people
    people.ok("staff", "add", "--name", "赵敏", "--position", "welfare", "--from", "2025-01-01")
    people.ok("staff", "add", str(a), "--position", "services", "--from", "2025-01-01")
    rows = people.json("staff", "list", "--on", "2025-02-01")
    assert {(r["name"], r["role"], r["member_id"]) for r in rows} == {("赵敏", "welfare", None),
                                                                      ("王芳", "services", a)}
    with unchanged():
        assert "already serves" in people.fails("staff", "add", "--name", "赵敏", "--position", "labour",
                                                "--from", "2025-02-01")
        assert "not both" in people.fails("staff", "add", str(a), "--name", "赵敏", "--position", "labour",
                                          "--from", "2025-02-01")
        assert "not both" in people.fails("staff", "add", "--position", "labour", "--from", "2025-02-01")
    people.ok("staff", "end", "赵敏", "--on", "2025-06-30", "--reason", "resigned")
    assert [r["name"] for r in people.json("staff", "list", "--on", "2025-07-01")] == ["王芳"]
    changes = people.json("disclose", "staff-changes")
    assert [c["change"] for c in changes] == ["任职：社会救助", "任职：社区服务", "离任：社会救助"]
    assert changes[-1]["reason"] == "辞职"  # the board's text is in the community's language, not the clerk's


def test_standing_bodies_group_leaders_and_collectors(people, unchanged):
    a, b, c, *_ = people.people
    people.ok("org", "add", "group-leaders", str(a), "--group", "第一居民小组", "--from", "2025-01-01")
    people.ok("org", "add", "deliberation", str(b), "--role", "chair", "--from", "2025-01-01")
    people.ok("org", "add", "collectors", "--name", "孙丽", "--from", "2025-01-01")
    with unchanged():
        assert "has a leader" in people.fails("org", "add", "group-leaders", str(c), "--group", "第一居民小组",
                                              "--from", "2025-02-01")
        assert "name the group" in people.fails("org", "add", "group-leaders", str(c), "--from", "2025-02-01")
        assert "tied to a group" in people.fails("org", "add", "party", str(c), "--group", "第一居民小组",
                                                 "--from", "2025-02-01")
        assert "has a chair" in people.fails("org", "add", "deliberation", str(c), "--role", "chair",
                                             "--from", "2025-02-01")
        people.fails("org", "add", "choir", str(c), "--from", "2025-02-01", code=2)
    assert people.json("org", "list", "group-leaders", "--on", "2025-02-01")[0]["group"] == "第一居民小组"
    assert people.json("org", "list", "collectors", "--on", "2025-02-01")[0]["name"] == "孙丽"
    people.ok("org", "end", "collectors", "孙丽", "--on", "2025-03-01", "--reason", "other")
    assert people.json("org", "list", "collectors", "--on", "2025-03-02") == []
    assert people.json("disclose", "staff-changes") == []  # standing bodies are not staff changes


def test_the_division_of_work(people, unchanged):
    a, b, *_ = people.people
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    people.ok("staff", "add", "--name", "赵敏", "--position", "welfare", "--from", "2024-06-01")
    people.ok("duty", "set", str(a), "--text", "主持全面工作", "--from", "2024-06-01")
    people.ok("duty", "set", "赵敏", "--text", "低保、临时救助", "--from", "2024-06-01")
    people.ok("duty", "set", str(a), "--text", "主持全面工作，分管党建", "--from", "2025-01-01")
    rows = people.json("duty", "list", "--on", "2025-02-01")
    assert [(r["name"], r["duty"]) for r in rows] == [("王芳", "主持全面工作，分管党建"), ("赵敏", "低保、临时救助")]
    assert people.json("duty", "list", "--on", "2024-12-31")[0]["duty"] == "主持全面工作"
    assert people.json("committee", "list", "--on", "2025-02-01")[0]["duty"] == "主持全面工作，分管党建"
    with unchanged():
        assert "holds no post" in people.fails("duty", "set", str(b), "--text", "x", "--from", "2025-01-01")
        assert "1 to" in people.fails("duty", "set", str(a), "--text", " ", "--from", "2025-01-01")


def test_register_writes_are_audited_and_verify(people):
    a, *_ = people.people
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    people.ok("committee", "end", str(a), "--on", "2025-01-01", "--reason", "resigned")
    people.ok("duty", "set", str(a), "--text", "主持全面工作", "--from", "2024-06-01")
    log = people.ok("audit", "log")
    for action in ("committee.term", "committee.add", "committee.end", "personnel.add", "duty.set"):
        assert action in log
    people.ok("audit", "verify")


def test_routine_meetings_are_convened_with_the_register_as_their_roll(people):
    a, b, c, d, e, f, *_ = people.people
    people.ok("committee", "add", str(b), "--role", "deputy", "--from", "2024-06-01")
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    people.ok("org", "add", "party", str(a), "--role", "chair", "--from", "2024-06-01")  # sits once
    people.ok("org", "add", "party", str(c), "--from", "2024-06-01")
    people.ok("staff", "add", "--name", "赵敏", "--position", "welfare", "--from", "2024-06-01")
    people.ok("org", "add", "deliberation", str(d), "--role", "chair", "--from", "2024-06-01")
    people.ok("org", "add", "deliberation", str(e), "--from", "2024-06-01")

    def roll(kind):
        mid = people.json("meeting", "convene", "--kind", kind, "--at", "2025-02-20 09:00", "--place", "居委会",
                          "--topic", "工作")["id"]
        return [(seat["seat"], seat["name"]) for seat in people.json("meeting", "roll", str(mid))]

    assert roll("office") == [(1, "王芳"), (2, "李强")]  # the director first
    assert roll("two-committees") == [(1, "王芳"), (2, "李强"), (3, "张伟")]
    assert roll("heart-to-heart") == [(1, "王芳"), (2, "李强"), (3, "赵敏")]
    assert roll("deliberation") == [(1, "刘洋"), (2, "陈静")]
    assert roll("group-leaders") == []  # nobody leads a group yet: an empty roll, as before


def test_committee_and_party_members_sit_ex_officio_in_the_representatives_meeting(people):
    a, b, c, *_ = people.people
    people.ok("rep", "add", str(c), "--group", "第一居民小组", "--from", "2024-06-01")
    people.ok("rep", "add", str(a), "--group", "第一居民小组", "--from", "2024-06-01")
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")  # elected and ex officio
    people.ok("org", "add", "party", str(b), "--from", "2024-06-01")
    reps = people.json("rep", "list", "--on", "2025-01-01")
    assert sorted((r["name"], r["kind"], r["basis"]) for r in reps) == [
        ("张伟", "elected", None), ("李强", "ex_officio", "party_org"), ("王芳", "elected", None),
        ("王芳", "ex_officio", "committee")]
    mid = people.json("meeting", "convene", "--kind", "representatives", "--at", "2025-02-20 09:00",
                      "--place", "居委会", "--topic", "工作")["id"]
    seats = people.json("meeting", "roll", str(mid))
    assert sorted(s["name"] for s in seats) == ["张伟", "李强", "王芳"]  # 王芳 sits once
    assert people.json("roster")["representatives_ex_officio"] == 2


def test_the_duties_sheet_is_owed_after_a_change_and_posted_from_the_register(people):
    a, *_ = people.people
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    people.ok("staff", "add", "--name", "赵敏", "--position", "welfare", "--from", "2024-06-01")
    people.ok("duty", "set", str(a), "--text", "主持全面工作 电话13812345678", "--from", "2025-01-20")
    due = [o for o in people.json("disclose", "due") if o["rule"] == "S26"]
    assert len(due) == 1 and due[0]["due"] == "2025-01-27" and due[0]["status"] == "overdue"
    agenda = people.json("agenda")["items"]
    assert any(i["rule"] == "S26" and i["command"] == "juwei disclose duties" for i in agenda)
    did = people.json("disclose", "duties", "--contact", "居委会办公室 010-6401 2345")["id"]
    page = people.json("disclose", "show", str(did))
    assert page["category"] == "duties" and page["contact"] == "居委会办公室 010-6401 2345"
    assert "| 王芳 | 居委会主任 | 主持全面工作 电话138****5678 |" in page["body"]  # a phone is personal data
    assert "| 赵敏 | 社区专职工作者（社会救助） |  |" in page["body"]
    people.ok("disclose", "post", str(did))
    assert [o for o in people.json("disclose", "due") if o["rule"] == "S26"] == []
    people.ok("duty", "set", str(a), "--text", "主持全面工作", "--from", "2025-02-01")
    assert [o["subject"] for o in people.json("disclose", "due") if o["rule"] == "S26"] != []


def test_a_member_who_moves_away_leaves_the_committee_but_not_a_staff_post(people):
    a, b, *_ = people.people
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    people.ok("staff", "add", str(a), "--position", "services", "--from", "2024-06-01")
    people.ok("member", "leave", str(a), "--on", "2025-01-15", "--reason", "迁往外区")
    post = people.json("committee", "show", str(a))[0]
    assert post["ended_on"] == "2025-01-15" and post["end_reason"] == "moved-out"
    assert [r["member_id"] for r in people.json("staff", "list", "--on", "2025-01-20")] == [a]
    assert [c["change"] for c in people.json("disclose", "staff-changes")][-1] == "离任：居委会主任"


def test_a_hire_announced_before_the_register_owes_nothing(people):
    people.ok("staff", "add", "--name", "赵敏", "--position", "welfare", "--from", "2020-01-01", "--disclosed")
    assert people.json("disclose", "staff-changes") == []
    assert [r["name"] for r in people.json("staff", "list")] == ["赵敏"]


def test_a_routine_meetings_documents_name_who_the_register_seats(people):
    a, b, *_ = people.people
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    people.ok("committee", "add", str(b), "--role", "deputy", "--from", "2024-06-01")
    mid = people.json("meeting", "convene", "--kind", "office", "--at", "2025-02-20 09:00", "--place", "居委会",
                      "--topic", "工作")["id"]
    zh = people.ok("notice", "render", str(mid), "--doc", "notice", "--format", "md", "--lang", "zh_CN")
    en = people.ok("notice", "render", str(mid), "--doc", "notice", "--format", "md", "--lang", "en")
    assert "居委会全体成员" in zh and "The members of the residents' committee" in en


def test_posts_and_roles_typed_as_a_clerk_says_them(people):
    a, b, c, *_ = people.people
    people.ok("--lang", "zh_CN", "committee", "add", str(a), "--role", "主任", "--from", "2024-06-01")
    people.ok("committee", "add", str(b), "--role", "居委会副主任", "--from", "2024-06-01")
    people.ok("org", "add", "社区党组织", str(c), "--role", "书记", "--from", "2024-06-01")
    people.ok("staff", "add", "--name", "赵敏", "--position", "社会救助", "--from", "2024-06-01")
    people.ok("committee", "end", str(b), "--on", "2024-12-31", "--reason", "辞职")
    assert [r["role"] for r in people.json("committee", "list", "--all")] == ["director", "deputy"]
    assert people.json("org", "list", "party")[0]["role"] == "chair"
    assert people.json("staff", "list")[0]["role"] == "welfare"
    assert people.json("committee", "show", str(b))[0]["end_reason"] == "resigned"
    wrong = people.fails("--lang", "zh_CN", "committee", "add", str(c), "--role", "组长", "--from", "2024-06-01",
                         code=2)
    assert "居委会主任、居委会副主任、居委会委员" in wrong


def test_duties_that_mention_welfare_or_disability_are_printed_whole(people):
    a, *_ = people.people
    people.ok("committee", "add", str(a), "--role", "director", "--from", "2024-06-01")
    people.ok("duty", "set", str(a), "--text", "低保、临时救助和残疾人服务，电话13812345678", "--from", "2025-01-20")
    body = people.json("disclose", "show", str(people.json("disclose", "duties")["id"]))["body"]
    assert "低保、临时救助和残疾人服务，电话138****5678" in body  # public work, a phone still masked


def test_the_audit_log_prints_a_meetings_time_as_the_notice_gave_it(people):
    mid = people.json("meeting", "convene", "--kind", "office", "--at", "2025-02-20 09:00", "--place", "居委会",
                      "--topic", "工作")["id"]
    log = people.ok("audit", "log", "--entity", f"meeting:{mid}")
    assert "at: 2025-02-20 09:00" in log and "17:00" not in log
