"""`juwei notice render`: what each state of a meeting allows, --all, options, and the numbers printed."""

from __future__ import annotations

import json
import re

import pytest

from documents_sample import MEETING_DAY, close_sample, vote_sample


def refused(clerk, unchanged, *args) -> str:
    with unchanged():
        result = clerk(*args)
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_before_any_vote_there_is_no_result_resolution_minutes_or_summary(convened, unchanged):
    clerk, m = convened
    for doc in ("notice", "signin", "ballot"):
        for fmt in ("md", "html"):
            clerk.ok("notice", "render", m, "--doc", doc, "--format", fmt)
    assert "has no tally yet" in refused(clerk, unchanged, "notice", "render", m, "--doc", "result")
    assert "has no tally yet" in refused(clerk, unchanged, "notice", "render", m, "--doc", "resolution")
    assert "is not closed yet" in refused(clerk, unchanged, "notice", "render", m, "--doc", "minutes")
    assert "`juwei meeting close 1`" in refused(clerk, unchanged, "notice", "render", m, "--doc", "summary")


def test_after_the_votes_and_after_closing(convened, unchanged):
    clerk, m = convened
    vote_sample(clerk, m)
    clerk.ok("notice", "render", m, "--doc", "result")
    clerk.ok("notice", "render", m, "--doc", "resolution")
    assert "is not closed yet" in refused(clerk, unchanged, "notice", "render", m, "--doc", "minutes")
    clerk.ok("meeting", "close", m, "--chair", "周明")
    assert "closed without a summary" in refused(clerk, unchanged, "notice", "render", m, "--doc", "summary")
    assert "votes are final" in refused(clerk, unchanged, "notice", "render", m, "--doc", "ballot")
    minutes = clerk.ok("notice", "render", m, "--doc", "minutes")
    assert "主持人：周明" in minutes and "记录人：（未记录）" in minutes


def test_no_resolution_when_nothing_passed(convened, unchanged):
    clerk, m = convened
    clerk.env["JUWEI_TODAY"] = MEETING_DAY
    clerk.ok("meeting", "checkin", m, "1-7")
    first = clerk.json("motion", "list", m)[0]["id"]
    clerk.ok("vote", "count", first, "--for", 4, "--against", 3)
    assert "no motion of meeting 1 has passed" in refused(clerk, unchanged, "notice", "render", m, "--doc",
                                                          "resolution")
    result = clerk.ok("notice", "render", m, "--doc", "result")
    assert "| 1 | 社区居民委员会2026年下半年工作报告 | 7 | 4 | 3 | 0 | 0 | 5 | 未通过 |" in result
    assert "和平里小区加装电梯资金筹集方案" not in result  # not voted: not on the announcement


def test_ballots_need_motions_and_a_roll(convened, unchanged):
    clerk, _ = convened
    bare = clerk.json("meeting", "convene", "--kind", "representatives", "--at", "2026-12-01 09:00",
                      "--place", "活动室", "--topic", "议题")["id"]
    assert "has no motions yet" in refused(clerk, unchanged, "notice", "render", bare, "--doc", "ballot")
    office = clerk.json("meeting", "convene", "--kind", "office", "--at", "2026-12-02 09:00",
                        "--place", "办公室", "--topic", "月度工作安排")["id"]
    assert "has no roll" in refused(clerk, unchanged, "notice", "render", office, "--doc", "signin")
    notice = clerk.ok("notice", "render", office, "--doc", "notice")
    assert "关于召开东城社区居委会办公会议的通知" in notice and "法定" not in notice  # no quorum (S14)


def test_a_cancelled_meeting_has_no_documents(convened, unchanged):
    clerk, m = convened
    clerk.ok("meeting", "cancel", m, "--reason", "场地临时维修")
    assert "was cancelled (场地临时维修)" in refused(clerk, unchanged, "notice", "render", m, "--doc", "notice")


def test_bad_input_and_usage(convened, unchanged):
    clerk, m = convened
    assert "no meeting 99" in refused(clerk, unchanged, "notice", "render", 99, "--doc", "notice")
    assert "--doc 'poster' is not allowed" in refused(clerk, unchanged, "notice", "render", m, "--doc", "poster")
    assert "--format 'docx'" in refused(clerk, unchanged, "notice", "render", m, "--doc", "notice", "--format", "docx")
    assert "--lang 'fr'" in refused(clerk, unchanged, "notice", "render", m, "--doc", "notice", "--lang", "fr")
    for args in ((), ("--doc", "notice", "--all", "--out-dir", "x"), ("--all",), ("--all", "--out", "x"),
                 ("--doc", "notice", "--out-dir", "x")):
        result = clerk("notice", "render", m, *args)
        assert result.exit_code == 2, (args, result.output)


def test_all_writes_what_the_state_allows_with_stable_names(convened, tmp_path):
    clerk, m = convened
    out = tmp_path / "out"
    result = clerk("notice", "render", m, "--all", "--out-dir", out)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"meeting-1-{doc}.zh_CN.{fmt}" for doc in ("notice", "signin", "seat-cards", "ballot")
                           for fmt in ("md", "html"))
    assert "result not written: meeting 1 has no tally yet" in result.stderr
    vote_sample(clerk, m)
    close_sample(clerk, m)
    report = clerk.json("notice", "render", m, "--all", "--out-dir", out, "--format", "html", "--lang", "en")
    assert [w["doc"] for w in report["written"]] == ["notice", "signin", "result", "resolution", "minutes",
                                                      "summary"]
    assert report["skipped"][0]["doc"] == "seat-cards" and "nobody signs in" in report["skipped"][0]["reason"]
    assert report["skipped"][1]["doc"] == "ballot" and "votes are final" in report["skipped"][1]["reason"]
    assert all(skipped["past"] for skipped in report["skipped"])  # not news: nothing warned
    assert (out / "meeting-1-minutes.en.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not any(name.startswith(".") for name in (p.name for p in out.iterdir()))  # no temp files left


def test_out_file_and_format_from_its_extension(convened, tmp_path):
    clerk, m = convened
    target = tmp_path / "board" / "通知.html"
    assert clerk.ok("notice", "render", m, "--doc", "notice", "--out", target).strip() == str(target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert clerk.json("notice", "render", m, "--doc", "notice", "--out", tmp_path / "n.md") == \
        {"path": str(tmp_path / "n.md")}
    assert (tmp_path / "n.md").read_text(encoding="utf-8").startswith("# 关于召开")


def test_the_language_defaults_to_the_community_locale(tmp_path):
    from documents_sample import Clerk

    clerk = Clerk(str(tmp_path / "juwei.db"))
    clerk.ok("init", "--name", "Elm Street", "--code", "elm", "--locale", "en")
    clerk.ok("group", "add", "Group 1")
    clerk.ok("household", "add", "1", "--group", "Group 1")
    member = clerk.json("member", "add", "--name", "Ann Lee", "--birth-date", "1970-01-01", "--household", "1")["id"]
    clerk.ok("rep", "add", member, "--group", "Group 1", "--from", "2024-01-01")
    m = clerk.json("meeting", "convene", "--kind", "representatives", "--at", "2026-11-24 14:30",
                   "--place", "Hall", "--topic", "Budget")["id"]
    notice = clerk.ok("notice", "render", m, "--doc", "notice")
    assert notice.startswith("# Notice of the representatives' meeting of Elm Street")
    assert "Tuesday, 24 November 2026, at 14:30" in notice
    assert clerk.ok("notice", "render", m, "--doc", "notice", "--lang", "zh_CN").startswith("# 关于召开")


def test_secret_ballots_carry_no_names(convened):
    clerk, m = convened
    open_ballots = clerk.ok("notice", "render", m, "--doc", "ballot")
    assert open_ballots.count("## 东城社区居民代表会议表决票") == 9  # nobody signed in yet: the whole roll
    assert "姓名：王建国" in open_ballots
    clerk.env["JUWEI_TODAY"] = MEETING_DAY
    clerk.ok("meeting", "checkin", m, "1-7")
    secret = clerk.ok("notice", "render", m, "--doc", "ballot", "--secret", "--format", "html")
    assert secret.count('<section class="ballot">') == 7  # one per person in the room
    assert "无记名投票" in secret
    for name in ("王建国", "李秀英", "张伟", "座号："):
        assert name not in secret


def test_the_result_prints_the_numbers_of_vote_tally(convened):
    clerk, m = convened
    vote_sample(clerk, m)
    page = clerk.ok("notice", "render", m, "--doc", "result", "--format", "html")
    cells = [re.findall(r"<td[^>]*>([^<]*)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", page)[1:]]
    for motion, row in zip(clerk.json("motion", "list", m), cells):
        tally = clerk.json("vote", "tally", motion["id"])
        assert row[0] == str(motion["number"]) and row[1] == motion["title"]
        assert [int(v) for v in row[2:8]] == [tally[k] for k in ("present", "for", "against", "abstain",
                                                                   "not_voting", "required")]
        assert row[8] == ("通过" if tally["passed"] else "未通过")


def test_an_urgent_meeting_says_so_and_why(convened):
    clerk, _ = convened
    m = clerk.json("meeting", "convene", "--kind", "representatives", "--at", "2026-11-21 19:00",
                   "--place", "活动室", "--topic", "防汛抢险", "--urgent", "暴雨预警需紧急部署防汛工作")["id"]
    notice = clerk.ok("notice", "render", m, "--doc", "notice", "--format", "html")
    assert '<div class="urgency">紧急</div>' in notice
    assert "关于紧急召开东城社区居民代表会议的通知" in notice
    assert "因暴雨预警需紧急部署防汛工作" in notice and "通知未满会前三日的期限" in notice
    english = clerk.ok("notice", "render", m, "--doc", "notice", "--lang", "en")
    assert english.startswith("**URGENT**") and "Reason: 暴雨预警需紧急部署防汛工作." in english


def test_the_notice_states_the_latest_notice_date(convened):
    clerk, m = convened
    notice = clerk.ok("notice", "render", m, "--doc", "notice")
    assert "本通知应于会前三日、即2026年11月21日（含当日）前发出；本通知发出日期为2026年11月20日" in notice


def test_help_lists_notice_under_documents():
    from typer.testing import CliRunner

    from juwei.cli import app

    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0 and "notice" in result.output and "Documents" in result.output


def test_every_message_of_the_documents_modules_has_a_chinese_translation():
    import ast
    from pathlib import Path

    import juwei
    from juwei.i18n import catalog

    MESSAGES = catalog("zh_CN")  # documents.py and the modules that extend it (fix_*.py)

    root = Path(juwei.__file__).parent
    for module in ("services/documents.py", "cli/notice.py", "render/environment.py", "render/filters.py",
                   "render/__init__.py"):
        for node in ast.walk(ast.parse((root / module).read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                english = node.args[0].value
                assert english in MESSAGES, (module, english)
                assert sorted(re.findall(r"{\w+}", english)) == sorted(re.findall(r"{\w+}", MESSAGES[english]))


def test_minutes_tell_a_vote_without_result_from_no_vote(convened):
    from juwei import render
    from juwei.services import documents
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    clerk, m = convened
    vote_sample(clerk, m)
    close_sample(clerk, m)
    store = open_store(clerk.db)
    try:
        with open_scope(store, None, write=False) as sc:
            data = documents.context(sc, m, "minutes", "zh_CN")
    finally:
        store.dispose()
    assert [motion["voted"] for motion in data["motions"]] == [True, True]
    data["motions"][1]["tally"] = None  # votes on the record but no valid result (no quorum, S7)
    data["motions"].append({**data["motions"][1], "number": 3, "voted": False})
    page = render.document("minutes", "zh_CN", "md", data)
    assert "表决时出席人数未达到法定人数，表决无效。" in page and "未付表决。" in page


@pytest.mark.parametrize("init_options,title", [
    ((), "地坛北里社区民主管理制度"),
    (("--rules-title", "《地坛北里社区居民自治章程》"), "地坛北里社区居民自治章程"),
])
def test_documents_cite_this_communitys_own_rules(db, init_options, title):
    """A community created from the seed profile cited Dongcheng's rules on its notice and result."""
    from documents_sample import build_sample, vote_sample

    clerk, m = build_sample(db, "地坛北里社区", *init_options)
    rows = {r["key"]: r["value"] for r in clerk.json("rules", "show")}
    assert rows["rules_title"] == title and "东城" not in rows["source"]
    vote_sample(clerk, m)
    for doc in ("notice", "result"):
        for lang in ("zh_CN", "en"):
            text = clerk.ok("notice", "render", m, "--doc", doc, "--lang", lang)
            assert title in text and "东城社区民主管理制度" not in text, (doc, lang)
    assert f"《{title}》" in clerk.ok("notice", "render", m, "--doc", "notice", "--lang", "zh_CN")


def test_a_corrected_title_applies_to_meetings_convened_after_it(convened):
    """`rules set rules_title` from a date: meetings convened earlier keep the title they were convened
    under (their rules snapshot); the next meeting cites the corrected one."""
    clerk, m = convened
    clerk.ok("rules", "set", "rules_title", "《东城社区居民自治章程》", "--from", "2026-11-20")
    assert "《东城社区民主管理制度》" in clerk.ok("notice", "render", m, "--doc", "notice")
    later = clerk.json("meeting", "convene", "--kind", "representatives", "--at", "2026-11-30 14:30",
                       "--place", "会议室", "--topic", "议题")["id"]
    assert "《东城社区居民自治章程》" in clerk.ok("notice", "render", later, "--doc", "notice")
