"""A June democratic evaluation through the CLI, as a clerk runs it: open it at the representatives' meeting,
self-reviews, the ballot, the count (a sheet with Chinese headers naming subjects by member id, ID number and
name), the result with a tie the meeting decides, publication on the board with its working-day objection
window, the admonition a 基本合格 opens, followed up and closed. Every refusal leaves the database unchanged;
everything is audited."""

import datetime as dt
import json

import pytest

from juwei.rules.idnumber import make_id

PEOPLE = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨磊", "周明", "吴静", "孙红"]


def said(cli, *args):
    """Everything a successful command printed, warnings (stderr) included."""
    result = cli(*args)
    assert result.exit_code == 0, (result.exit_code, result.output, result.exception)
    return result.output


def _id_number(i):
    return make_id("110101", dt.date(1960 + i, 3, 1), 10 + i)


@pytest.fixture
def town(community, monkeypatch):
    """东城社区: a committee of three (all ex officio representatives), one hired staff member not on the
    roster, six elected representatives in two groups: nine representatives. Their meeting of 2026-06-20 is
    convened on 2026-06-15."""
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-15")
    for group in ("一组", "二组"):
        community.ok("group", "add", group)
    ids = []
    for i, name in enumerate(PEOPLE):
        number = f"0{i + 1:02d}"
        community.ok("household", "add", number, "--group", "一组" if i < 6 else "二组")
        ids.append(community.json("member", "add", "--name", name, "--id-number", _id_number(i),
                                  "--household", number)["id"])
    for member, role in zip(ids[:3], ("director", "deputy", "member")):
        community.ok("committee", "add", str(member), "--role", role, "--from", "2024-06-01")
        community.ok("rep", "add", str(member), "--ex-officio", "committee", "--from", "2024-06-01")
    for member, group in zip(ids[3:], ("一组", "一组", "一组", "二组", "二组", "二组")):
        community.ok("rep", "add", str(member), "--group", group, "--from", "2024-06-01")
    community.ok("staff", "add", "--name", "赵敏", "--position", "welfare", "--from", "2025-01-01")
    community.meeting = community.json("meeting", "convene", "--kind", "representatives", "--at",
                                       "2026-06-20 09:00", "--place", "社区会议室", "--topic", "民主评议")["id"]
    community.ids = ids
    return community


def _counts_file(tmp_path, rows, header=("评议对象", "优秀", "合格", "基本合格", "不合格")):
    path = tmp_path / "counts.csv"
    lines = [",".join(header)] + [",".join(map(str, row)) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_june_evaluation_from_opening_to_the_closed_admonition(town, tmp_path, monkeypatch, unchanged):
    cli, ids, meeting = town, town.ids, town.meeting
    e = cli.json("eval", "open", "--on", "2026-06-20", "--meeting", meeting)["id"]
    subjects = cli.json("eval", "subjects", e)
    assert [s["name"] for s in subjects] == ["王芳", "李强", "张伟", "赵敏"]  # committee by post, then staff
    assert [s["role"] for s in subjects] == ["director", "deputy", "member", "welfare"]

    review = tmp_path / "review.md"
    review.write_text("# 述职\n\n德：……\n", encoding="utf-8")
    assert "王芳" in said(cli, "eval", "report", e, "王芳", "--file", review)
    cli.ok("eval", "report", e, _id_number(1), "--file", review)  # by ID number

    ballot = cli.ok("eval", "render", e, "--doc", "ballot", "--lang", "zh_CN")
    assert "无记名" in ballot and "座号" not in ballot and "| 4 | 赵敏 | 社区专职工作者（社会救助） | □ | □ | □ | □ |" in ballot
    assert "满意 □" in ballot and ballot.index("王芳") < ballot.index("李强") < ballot.index("赵敏")
    form = cli.ok("eval", "render", e, "--doc", "review-form", "--lang", "zh_CN")
    for aspect in ("德", "能", "勤", "绩", "廉"):
        assert f"、{aspect}（" in form
    assert _id_number(0) not in ballot + form

    monkeypatch.setenv("JUWEI_TODAY", "2026-06-20")
    cli.ok("meeting", "checkin", meeting, "1-5")  # 5 of 9: two thirds is 6
    counts = _counts_file(tmp_path, [(ids[0], 20, 5, 0, 0), (_id_number(1), 3, 6, 15, 0), ("张伟", 10, 10, 3, 1),
                                     ("赵敏", 1, 4, 5, 14)])
    with unchanged():
        err = cli.fails("eval", "count", e, "--issued", 25, "--returned", 25, "--void", 1, "--file", counts)
        assert "needs 6 of the 9 representatives" in err and "5 are signed in" in err
    cli.ok("meeting", "checkin", meeting, "6")
    with unchanged():
        assert "more than the 25 issued" in cli.fails("eval", "count", e, "--issued", 25, "--returned", 26,
                                                      "--void", 0, "--file", counts)
        over = _counts_file(tmp_path, [("王芳", 20, 5, 0, 0)])
        err = cli.fails("eval", "count", e, "--issued", 25, "--returned", 25, "--void", 2, "--file", over)
        assert "row 2" in err and "more than the 23 valid ballots" in err
        bad = _counts_file(tmp_path, [("王五", 1, 0, 0, 0)])
        assert "not a subject" in cli.fails("eval", "count", e, "--issued", 25, "--returned", 25, "--void", 0,
                                            "--file", bad)
        assert "record the ballot totals" in cli.fails("eval", "count", e, "王芳", "--excellent", 3)
        cli.fails("eval", "count", e, "王芳", "--issued", 3, "--excellent", 3, code=2)
    counts = _counts_file(tmp_path, [(ids[0], 20, 4, 0, 0), (_id_number(1), 3, 6, 15, 0), ("张伟", 10, 10, 3, 1),
                                     ("赵敏", 1, 4, 5, 14)])
    out = said(cli, "eval", "count", e, "--issued", 25, "--returned", 25, "--void", 1, "--file", counts,
               "--satisfied", 18, "--basically-satisfied", 5, "--unsatisfied", 1)
    assert "24 valid" in out and "counts of 4 subject(s)" in out

    result = {r["subject"]: r for r in cli.json("eval", "result", e)}
    assert set(result["王芳"]) >= {"subject", "counts", "grade", "tied"}
    assert result["王芳"]["grade"] == "excellent" and result["李强"]["grade"] == "basic"
    assert result["张伟"]["grade"] is None and result["张伟"]["tied"] == ["excellent", "competent"]
    assert result["赵敏"]["grade"] == "incompetent"
    assert result["王芳"]["counts"] == {"excellent": 20, "competent": 4, "basic": 0, "incompetent": 0}

    [owed] = [o for o in cli.json("disclose", "due") if o["subject"] == f"evaluation:{e}"]
    assert owed["rule"] == "S19" and owed["due"] == "2026-06-30"  # within eval_notify_days of the evaluation
    [item] = [i for i in cli.json("agenda")["items"] if i["subject"] == f"evaluation:{e}"]
    assert item["command"] == f"juwei eval publish {e}"
    with unchanged():
        assert "is counted" in cli.fails("eval", "subjects", e, "--remove", "赵敏", "--reason", "调离")
        assert "tie is undecided" in cli.fails("eval", "publish", e)
        assert "not tied" in cli.fails("eval", "decide", e, "王芳", "--grade", "competent", "--note", "x")
        assert "between" in cli.fails("eval", "decide", e, "张伟", "--grade", "basic", "--note", "x")
        assert "--note" in cli.fails("eval", "decide", e, "张伟", "--grade", "competent", "--note", " ")
    cli.ok("eval", "decide", e, "张伟", "--grade", "合格", "--note", "会议举手表决确定为合格")
    assert {r["subject"]: r for r in cli.json("eval", "result", e)}["张伟"]["grade"] == "competent"

    out = said(cli, "eval", "publish", e)
    assert "objections from 2026-06-22 to 2026-06-26 (5 working days)" in out  # 20th is a Saturday
    assert "drafted" not in out and "holiday calendar" not in out  # posted today, on a year the calendar holds
    assert "commended (优秀): 王芳" in out and "admonition 1 opened for 李强" in out
    assert "赵敏 was graded incompetent" in out and "juwei recall open" in out
    assert not [o for o in cli.json("disclose", "due") if o["subject"] == f"evaluation:{e}"]
    shown = cli.json("eval", "show", e)
    assert shown["published_on"] == "2026-06-20" and shown["objection_until"] == "2026-06-26"
    board = cli.json("disclose", "list")
    [posted] = [d for d in board if d["category"] == "evaluation"]
    assert posted["posted_on"] == "2026-06-20" and posted["until"] == "2026-06-26"
    body = cli.ok("disclose", "show", posted["id"])
    assert "5 个工作日" in body and "评议为优秀、予以表彰的：王芳" in body and "基本合格" in body
    assert _id_number(0) not in body
    with unchanged():
        assert "was published" in cli.fails("eval", "publish", e)
        assert "was published" in cli.fails("eval", "count", e, "王芳", "--excellent", 1)
        assert "was published" in cli.fails("eval", "subjects", e, "--remove", "赵敏", "--reason", "调离")

    agenda = cli.json("agenda")
    items = agenda["items"]
    told = [i for i in items if i["rule"] == "S19"]
    assert len(told) == 4 and all(i["due"] == "2026-06-30" for i in told)
    cli.ok("eval", "notified", e, "王芳", "--on", "2026-06-20")
    with unchanged():
        assert "already told" in cli.fails("eval", "notified", e, "王芳", "--on", "2026-06-20")
        assert "must fall" in cli.fails("eval", "notified", e, "李强", "--on", "2026-06-19")

    [adm] = cli.json("admonish", "list", "--open")
    assert adm["name"] == "李强" and adm["evaluation_id"] == e and adm["followup_due"] is None
    monkeypatch.setenv("JUWEI_TODAY", "2026-07-03")
    items = cli.json("agenda")
    items = items["items"]
    assert [i["due"] for i in items if i["rule"] == "S29"] == ["2026-07-31"]
    with unchanged():
        assert "is open since" in cli.fails("admonish", "open", ids[1], "--reason", "again")
        assert "--text" in cli.fails("admonish", "note", 1, "--text", "")
        assert "before the admonition was opened" in cli.fails("admonish", "close", 1, "--corrected-on",
                                                                "2026-06-01")
        assert "no admonition 9" in cli.fails("admonish", "note", 9, "--text", "x")
    cli.ok("admonish", "note", 1, "--text", "谈心谈话，制定整改计划")
    items = cli.json("agenda")
    items = items["items"]
    assert not [i for i in items if i["rule"] == "S29"]
    assert "closed" in cli.ok("admonish", "close", 1, "--corrected-on", "2026-07-03")
    assert cli.json("admonish", "list", "--open") == []
    with unchanged():
        assert "was closed" in cli.fails("admonish", "note", 1, "--text", "x")

    log = cli.ok("audit", "log")
    for action in ("evaluation.open", "evaluation.report", "evaluation.count", "evaluation.tally",
                   "evaluation.decide", "evaluation.publish", "evaluation.notified", "admonition.open",
                   "admonition.note", "admonition.close"):
        assert action in log, action
    assert cli.json("audit", "verify")["ok"]


def test_counts_one_subject_at_a_time_with_english_headers_and_subjects_added_or_removed(town, tmp_path,
                                                                                          monkeypatch, unchanged):
    cli, ids = town, town.ids
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-20")
    e = cli.json("eval", "open", "--on", "2026-06-20")["id"]
    with unchanged():
        assert "already held" in cli.fails("eval", "open", "--on", "2026-06-20")
        assert "is held on 2026-06-20, not on 2026-06-21" in cli.fails("eval", "open", "--on", "2026-06-21",
                                                                       "--meeting", town.meeting)
        assert "no meeting 99" in cli.fails("eval", "open", "--on", "2026-06-21", "--meeting", 99)
        assert "holds no post on" in cli.fails("admonish", "open", ids[5], "--reason", "x")
        assert "no evaluation 99" in cli.fails("eval", "result", 99)
        cli.fails("eval", "render", e, "--doc", "minutes", code=1)
        assert "--reason is required" in cli.fails("eval", "subjects", e, "--remove", "赵敏")
        assert "already a subject" in cli.fails("eval", "subjects", e, "--add", ids[0])
        assert "holds no post" in cli.fails("eval", "subjects", e, "--add", ids[5])
    cli.ok("eval", "subjects", e, "--remove", "赵敏", "--reason", "病假")
    assert [s["name"] for s in cli.json("eval", "subjects", e)] == ["王芳", "李强", "张伟"]
    assert [s["removed_reason"] for s in cli.json("eval", "subjects", e, "--all")][-1] == "病假"
    cli.ok("eval", "subjects", e, "--add", "赵敏")
    counts = _counts_file(tmp_path, [("王芳", 5, 2, 0, 0)],
                          header=("subject", "excellent", "competent", "basic", "incompetent"))
    out = said(cli, "eval", "count", e, "--issued", 8, "--returned", 7, "--void", 0, "--file", counts)
    assert "quorum of representatives was not checked" in out
    with unchanged():
        assert "more than the 7 valid" in cli.fails("eval", "count", e, "李强", "--excellent", 4, "--competent", 4)
        assert "--excellent cannot be negative" in cli.fails("eval", "count", e, "李强", "--excellent", -1)
        assert "more than the 5 valid" in cli.fails("eval", "count", e, "--issued", 8, "--returned", 7,
                                                    "--void", 2)  # 王芳's 7 marks no longer fit
    for person, marks in ((ids[1], ("4", "3", "0", "0")), (_id_number(2), ("0", "6", "1", "0"))):
        cli.ok("eval", "count", e, str(person), "--excellent", marks[0], "--competent", marks[1], "--basic",
               marks[2], "--incompetent", marks[3])
    with unchanged():
        assert "not counted yet: 赵敏" in cli.fails("eval", "publish", e)
    cli.ok("eval", "count", e, "赵敏", "--competent", 7)
    out = said(cli, "eval", "publish", e, "--on", "2026-06-25")
    assert "drafted to go up on 2026-06-25" in out
    rows = cli.json("eval", "list")
    assert rows[0]["published_on"] == "2026-06-25" and rows[0]["objection_until"] == "2026-07-01"
    assert cli.json("admonish", "list") == []


def test_two_consecutive_incompetent_grades_are_flagged(town, monkeypatch):
    cli = town
    for day, today in (("2025-12-20", "2025-12-20"), ("2026-06-20", "2026-06-20")):
        monkeypatch.setenv("JUWEI_TODAY", today)
        e = cli.json("eval", "open", "--on", day)["id"]
        cli.ok("eval", "count", e, "--issued", 9, "--returned", 9, "--void", 0)
        for person in ("王芳", "李强", "张伟"):
            cli.ok("eval", "count", e, person, "--competent", 9)
        cli.ok("eval", "count", e, "赵敏", "--incompetent", 6, "--basic", 3)
    result = {r["subject"]: r for r in cli.json("eval", "result", e)}
    assert result["赵敏"]["ends_office"] and not result["王芳"]["ends_office"]
    out = said(cli, "eval", "publish", e)
    assert "second consecutive incompetent" in out


def test_the_june_evaluation_is_due_and_shows_in_chinese(town, monkeypatch):
    cli = town
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-02")
    due = {i["due"]: i for i in cli.json("agenda")["items"] if i["rule"] == "S17"}
    assert set(due) == {"2025-12-31", "2026-06-30"}  # the register began in 2024: December was missed
    assert due["2025-12-31"]["overdue"] and not due["2026-06-30"]["overdue"]
    out = said(cli, "--lang", "zh_CN", "eval", "open", "--on", "2026-06-20")
    assert "民主评议：评议对象 4 人" in out
    due = [i["due"] for i in cli.json("agenda")["items"] if i["rule"] == "S17"]
    assert due == ["2025-12-31"]
    table = said(cli, "--lang", "zh_CN", "eval", "subjects", "1")
    assert "居委会主任" in table and "director" not in table
    err = cli.fails("--lang", "zh_CN", "eval", "decide", "1", "王芳", "--grade", "优秀", "--note", "x")
    assert "王芳尚未计票" in err
    assert "无记名" in said(cli, "--lang", "zh_CN", "eval", "render", "1", "--doc", "ballot")
