"""`juwei election render`: the election committee's six documents of the sample election (election_sample),
in both languages and formats, against their snapshots; what they must never print; the ballot's shape;
refusals that name the reason and write nothing; --out.

To accept changes on purpose: ``JUWEI_UPDATE_SNAPSHOTS=1 python -m pytest tests/elections/test_election_docs.py``
and review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.elections.election_sample import CANDIDATES, PEOPLE, REMOVED, Clerk, build_election

SNAPSHOTS = Path(__file__).parent / "snapshots"
DOCS = ("voters", "proxies", "candidates", "ballot", "report", "announcement")
CASES = [(doc, lang, fmt) for doc in DOCS for lang in ("zh_CN", "en") for fmt in ("md", "html")]


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[str, int]:
    db = str(tmp_path_factory.mktemp("election") / "juwei.db")
    return db, build_election(Clerk(db))


@pytest.fixture(scope="module")
def documents(sample) -> dict[tuple[str, str, str], str]:
    db, election = sample
    clerk = Clerk(db, today="2026-07-01")
    return {(doc, lang, fmt): clerk.ok("election", "render", election, "--doc", doc, "--lang", lang, "--format", fmt)
            for doc, lang, fmt in CASES}


@pytest.fixture(scope="module")
def first_ballot(sample) -> dict[str, str]:
    """The first round's ballot, printed again (`--round 1`)."""
    db, election = sample
    clerk = Clerk(db, today="2026-07-01")
    return {lang: clerk.ok("election", "render", election, "--doc", "ballot", "--round", 1, "--lang", lang)
            for lang in ("zh_CN", "en")}


@pytest.fixture
def counted(sample, db) -> tuple[Clerk, int]:
    """The sample election, counted, in this test's database (watched by ``unchanged``)."""
    if "://" in db:  # PostgreSQL: built afresh in this test's database
        clerk = Clerk(db)
        election = build_election(clerk)
        clerk.env["JUWEI_TODAY"] = "2026-07-01"
        return clerk, election
    source, election = sample
    shutil.copyfile(source, db)
    return Clerk(db, today="2026-07-01"), election


@pytest.mark.parametrize("doc,lang,fmt", CASES, ids=["-".join(case) for case in CASES])
def test_document_matches_snapshot(documents, doc, lang, fmt):
    text = documents[doc, lang, fmt]
    path = SNAPSHOTS / f"election_{doc}.{lang}.{fmt}"
    if os.environ.get("JUWEI_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no snapshot {path.name}; run with JUWEI_UPDATE_SNAPSHOTS=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs from its snapshot"


def test_every_document_names_the_community_the_election_and_its_rule(documents):
    for (doc, lang, fmt), text in documents.items():
        flat = re.sub(r"<style>.*?</style>|<[^>]+>|\s+", "", text, flags=re.S)
        assert "东城社区" in flat and "S9" in flat and "东城社区民主管理制度" in flat, (doc, lang, fmt)
        if lang == "zh_CN":
            assert "换届选举" in flat and "2026年7月1日" in flat and "选民直接选举" in flat, (doc, fmt)
            assert "general" not in flat and "voters" not in flat, (doc, fmt)  # codes only through labels
        else:
            assert "1July2026" in flat and "ElectionCommitteeof东城社区" in flat, (doc, fmt)


def test_no_personal_data_and_no_objection_reason(documents):
    for key, text in documents.items():
        assert "13912345678" not in text and "1970" not in text, key  # phones, birth dates
        assert "和平里" not in text and "01001" not in text, key  # addresses, household numbers
        assert REMOVED[1] not in text, key  # an objection shows as the list it left


def test_the_register_is_the_list_as_it_stands_by_group_in_number_order(documents):
    text = documents["voters", "zh_CN", "md"]
    assert REMOVED[0] not in text
    numbers = [int(n) for n in re.findall(r"\| (\d+) \| \S", text)]
    assert numbers == sorted(numbers) and len(numbers) == len(PEOPLE) - 1
    assert text.index("## 第一居民小组（4名）") < text.index("## 第二居民小组（7名）")
    assert "选举日20日前公布" in text and "共11名" in text


def test_candidates_and_ballot_are_in_stroke_order(documents, first_ballot):
    for doc, text in (("candidates", documents["candidates", "zh_CN", "md"]), ("ballot", first_ballot["zh_CN"])):
        assert "按姓氏笔画为序" in text
        members = ["刘芳", "孙红梅", "张伟", "赵磊"]  # 刘 孙 6 strokes, 张 7, 赵 9
        assert [text.index(name) for name in members] == sorted(text.index(name) for name in members), doc
        assert text.index("王建国") < text.index("陈志强")


def test_the_ballot_has_a_blank_line_per_seat_and_no_voter(first_ballot):
    text = first_ballot["zh_CN"]
    assert text.count("另选他人：") == 1 + 1 + 3
    assert "多于应选名额的，本张选票无效" in text and "划“○”" in text
    standing = {name for names in CANDIDATES.values() for name in names}
    for name, _, _ in PEOPLE:
        if name not in standing:
            assert name not in text, name  # no voter's name, nor a number, on a ballot
    assert not re.search(r"编号：\s*\d", text)
    english = first_ballot["en"]
    assert english.count("Another person:") == 5 and "is void" in english


def test_the_further_rounds_ballot_holds_what_the_first_round_left(documents):
    """另行选举 for the deputy (the two not elected, a line for another person), and a vote between the three
    tied for the last two members' seats (no one else may be written in); the director elected is not on it."""
    text = documents["ballot", "zh_CN", "md"]
    assert "选票（第 2 轮）" in text and "王建国" not in text and "张伟" not in text
    assert text.count("另选他人：") == 1 and "李秀英" in text and "杨丽" in text
    assert all(name in text for name in ("刘芳", "孙红梅", "赵磊"))
    english = documents["ballot", "en", "md"]
    assert "(round 2)" in english and english.count("Another person:") == 1


def test_the_report_shows_the_count_ties_unfilled_seats_and_write_ins(documents):
    text = documents["report", "zh_CN", "md"]
    assert "| 11 | 11 | 10 | 1 | 9 |" in text
    assert "过半数（本轮至少6人）" in text and "选举有效" in text
    assert "郑华（另选他人） | 1 |" in text
    assert "刘芳、孙红梅、赵磊得票相等，争2个名额" in text
    assert "尚有1个名额未选出" in text and "后续：另行选举" in text and "三分之一以上" in text


def test_the_announcement_lists_the_elected_with_votes_and_the_term(documents):
    text = documents["announcement", "zh_CN", "md"]
    assert "| 居委会主任 | 王建国 | 7 |" in text and "| 居委会委员 | 张伟 | 8 |" in text
    assert "刘芳" not in text and "新一届居民委员会任期3年" in text and "特此公告" in text


def test_markdown_and_html_are_well_formed(documents):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    for (doc, lang, fmt), text in documents.items():
        if fmt == "md":
            html = md.render(text)
            assert "<h1>" in html and "<script" not in html, (doc, lang)
            if doc != "candidates":
                assert "<table>" in html, (doc, lang)
        else:
            assert text.startswith("<!DOCTYPE html>") and "size: A4" in text, (doc, lang)
            for remote in ("http://", "https://", "<script", "<link", "@import", "url("):
                assert remote not in text, (doc, lang, remote)


def test_out_writes_the_file_and_html_follows_its_extension(counted, tmp_path):
    clerk, election = counted
    out = tmp_path / "board" / "ballot.html"
    assert clerk.ok("election", "render", election, "--doc", "ballot", "--out", out).strip() == str(out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = clerk("election", "render", election, "--doc", "ballot", "--out", out)
    assert again.exit_code == 1 and "--force" in again.stderr
    assert clerk.json("election", "render", election, "--doc", "voters", "--out", out, "--force") == {"path": str(out)}
    assert "选民名单" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,expected", [
    (("--doc", "minutes"), "--doc 'minutes' is not allowed; use one of voters, proxies, candidates, ballot, report, "
                           "announcement"),
    (("--doc", "ballot", "--format", "docx"), "--format 'docx' is not allowed"),
    (("--doc", "ballot", "--lang", "fr"), "--lang 'fr' is not allowed"),
])
def test_an_unknown_document_format_or_language_is_refused(counted, unchanged, args, expected):
    clerk, election = counted
    with unchanged():
        result = clerk("election", "render", election, *args)
    assert result.exit_code == 1 and expected in result.stderr, result.output
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_election_is_refused(counted, unchanged, tmp_path):
    clerk, _ = counted
    with unchanged():
        result = clerk("election", "render", 99, "--doc", "voters", "--out", tmp_path / "x.md")
    assert result.exit_code == 1 and "no election 99 in this community" in result.stderr
    assert not (tmp_path / "x.md").exists()


def test_documents_the_election_cannot_have_yet_are_refused(db, unchanged):
    clerk = Clerk(db, today="2026-06-01")
    clerk.ok("init", "--name", "东城社区", "--code", "dc")
    clerk.ok("group", "add", "一组")
    clerk.ok("household", "add", "101", "--group", "一组")
    ids = [clerk.json("member", "add", "--name", name, "--birth-date", "1970-01-01", "--household", "101")["id"]
           for name in ("丁一", "万二", "于三")]
    e = clerk.json("election", "open", "--kind", "general", "--day", "2026-07-01", "--method", "voters")["id"]

    def refused(doc: str) -> str:
        with unchanged():
            result = clerk("election", "render", e, "--doc", doc)
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        return result.stderr

    assert "no voter register yet" in refused("voters")
    assert "no candidates yet" in refused("ballot")
    assert "no counted round yet" in refused("report")
    assert "no counted round yet" in refused("announcement")
    assert "尚未计票" in clerk("--lang", "zh_CN", "election", "render", e, "--doc", "report").stderr
    assert "本次选举无委托投票" in clerk.ok("election", "render", e, "--doc", "proxies")
    clerk.ok("election", "voters", e)
    clerk.ok("election", "candidate", e, ids[0], "--post", "director")
    assert "差额" in refused("ballot")
    assert "丁一" in clerk.ok("election", "render", e, "--doc", "candidates")


def test_a_by_election_whose_first_round_failed_turnout(db):
    """A by-election for the director's seat by the households: round 1 fails turnout and is held again
    (重新选举); round 2 elects; the announcement gives the term the elected serve out."""
    clerk = Clerk(db, today="2026-06-01")
    clerk.ok("init", "--name", "东城社区", "--code", "dc")
    clerk.ok("committee", "term", "--start", "2024-06-01")
    clerk.ok("group", "add", "一组")
    ids = {}
    for n, name in enumerate(("丁一", "万二", "于三")):
        clerk.ok("household", "add", f"10{n}", "--group", "一组")
        ids[name] = clerk.json("member", "add", "--name", name, "--birth-date", "1970-01-01", "--household",
                               f"10{n}")["id"]
    clerk.ok("household", "add", "109", "--group", "一组")
    clerk.ok("member", "add", "--name", "王五", "--birth-date", "1970-01-01", "--household", "109")
    clerk.ok("household", "set-rep", "100", ids["丁一"])
    e = clerk.json("election", "open", "--kind", "by-election", "--day", "2026-07-01", "--method", "households",
                   "--director", 1)["id"]
    voters = clerk.ok("election", "voters", e)
    clerk.ok("election", "publish", e, "--doc", "voters", "--on", "2026-06-01")
    assert "| 丁一 |" in clerk.ok("election", "render", e, "--doc", "voters")
    assert "（户代表）" in clerk.ok("election", "render", e, "--doc", "voters") and "王五" not in voters
    for name in ("于三", "万二"):
        clerk.ok("election", "candidate", e, ids[name], "--post", "director")
    clerk.env["JUWEI_TODAY"] = "2026-07-01"
    clerk.ok("election", "count", e, "--issued", 4, "--returned", 2, "--void", 0, "--votes", "万二=2")
    report = clerk.ok("election", "render", e, "--doc", "report")
    assert "补选" in report and "户代表选举" in report
    assert "未达到，本轮选举无效，须重新选举" in report and "后续：重新选举" in report
    assert "no one has been elected" in clerk("election", "render", e, "--doc", "announcement").stderr
    clerk.ok("election", "count", e, "--issued", 4, "--returned", 4, "--void", 0, "--votes", "万二=3",
             "--votes", "于三=1")
    report = clerk.ok("election", "render", e, "--doc", "report", "--lang", "en")
    assert "## Round 2" in report and "| 万二 | 3 | elected |" in report
    announcement = clerk.ok("election", "render", e, "--doc", "announcement")
    assert "| 居委会主任 | 万二 | 3（第2轮） |" in announcement
    assert "补选产生的成员任期至本届居民委员会任期届满（2027年5月31日）时止" in announcement


def test_refusals_speak_chinese(counted):
    clerk, election = counted
    result = clerk("--lang", "zh_CN", "election", "render", 99, "--doc", "voters")
    assert result.exit_code == 1 and "99" in result.stderr and "Traceback" not in result.output
    assert not re.search(r"[A-Za-z]{4,}", result.stderr.replace("error", "").replace("错误", "")), result.stderr


def test_a_further_rounds_ballot_is_built_from_its_seats_and_candidates():
    from juwei.rules.committee import CommitteeRole
    from juwei.services.election_docs import ballot_posts

    posts = ballot_posts({CommitteeRole.MEMBER: 2, CommitteeRole.DEPUTY: 0},
                         {CommitteeRole.MEMBER: ["赵磊", "刘芳", "孙红梅"]})
    assert posts == [{"post": "member", "seats": 2, "candidates": ["刘芳", "孙红梅", "赵磊"], "blanks": 2}]


def test_every_document_has_a_builder():
    from juwei.render import ELECTION_DOCUMENTS
    from juwei.rules.elections import ElectionDoc
    from juwei.services.election_docs import BUILDERS

    assert tuple(BUILDERS) == ELECTION_DOCUMENTS
    assert {str(doc) for doc in ElectionDoc} <= set(ELECTION_DOCUMENTS)  # what the board shows is printable
