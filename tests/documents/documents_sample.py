"""A fixed sample meeting, built through the CLI as a clerk would, and rendered at each stage of its life.

东城社区 (seed rules) with two residents' groups, five households and nine serving representatives (seven
elected, two ex officio) convenes a representatives' meeting on Tuesday 2026-11-24 at 14:30 with notice
given on 2026-11-20. Seven sign in; two motions are counted (one passes 6 of 7, one fails 4 of 7); the
meeting closes with a chair, a recorder, a note and a summary.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

SNAPSHOTS = Path(__file__).parent / "snapshots"

PEOPLE = [  # name, birth date, gender, household, group (elected) or ex officio basis
    ("王建国", "1961-03-08", "M", "01001", "第一居民小组"),
    ("李秀英", "1966-07-19", "F", "01001", None),
    ("张伟", "1975-11-02", "M", "01002", "第一居民小组"),
    ("刘芳", "1982-05-27", "F", "01003", "第一居民小组"),
    ("陈志强", "1958-01-15", "M", "02001", "第二居民小组"),
    ("杨丽", "1979-09-30", "F", "02001", "第二居民小组"),
    ("赵磊", "1988-12-12", "M", "02002", "第二居民小组"),
    ("孙红梅", "1970-04-04", "F", "02002", "第二居民小组"),
    ("周明", "1965-06-06", "M", "01003", "committee"),
    ("吴静", "1972-02-20", "F", "02002", "party_org"),
]


class Clerk:
    """`juwei --db DB …` in-process with the day pinned; ``ok`` asserts exit 0."""

    def __init__(self, db: str, today: str = "2026-11-20"):
        self.db = db
        self.env = {"JUWEI_TODAY": today, "JUWEI_LANG": "en", "JUWEI_CLERK": "test-clerk"}
        self.runner = CliRunner()

    def __call__(self, *args: str):
        from juwei.cli import app

        return self.runner.invoke(app, ["--db", self.db, *map(str, args)], env=self.env)

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 0, (args, result.exit_code, result.output, result.exception)
        return result.stdout

    def json(self, *args: str):
        return json.loads(self.ok(*args, "--json"))


def build_sample(db: str, name: str = "东城社区", *init_options: str) -> tuple[Clerk, int]:
    """Roster and a convened meeting with its motions (not yet voted). Returns (clerk, meeting id)."""
    clerk = Clerk(db)
    clerk.ok("init", "--name", name, "--code", "dc", *init_options)
    for group in ("第一居民小组", "第二居民小组"):
        clerk.ok("group", "add", group)
    for number, group, address in (("01001", "第一居民小组", "和平里1号楼101"), ("01002", "第一居民小组", "和平里1号楼102"),
                                   ("01003", "第一居民小组", "和平里2号楼201"), ("02001", "第二居民小组", "和平里5号楼301"),
                                   ("02002", "第二居民小组", "和平里6号楼402")):
        clerk.ok("household", "add", number, "--group", group, "--address", address)
    for name, born, gender, household, rep in PEOPLE:
        member = clerk.json("member", "add", "--name", name, "--birth-date", born, "--gender", gender,
                            "--household", household, "--phone", "13912345678")["id"]
        if rep in ("第一居民小组", "第二居民小组"):
            clerk.ok("rep", "add", member, "--group", rep, "--from", "2024-01-01")
        elif rep:
            clerk.ok("rep", "add", member, "--ex-officio", rep, "--from", "2024-01-01")
    meeting = clerk.json("meeting", "convene", "--kind", "representatives", "--at", "2026-11-24 14:30",
                         "--place", "东城社区党群服务中心二楼会议室",
                         "--topic", "听取和审议社区居民委员会2026年下半年工作报告",
                         "--topic", "讨论决定和平里小区加装电梯资金筹集方案",
                         "--topic", "讨论社区停车管理办法（试行）")["id"]
    clerk.ok("motion", "add", meeting, "--title", "社区居民委员会2026年下半年工作报告",
             "--text", "同意社区居民委员会2026年下半年工作报告。\n请社区居民委员会认真落实2027年工作计划。")
    clerk.ok("motion", "add", meeting, "--title", "和平里小区加装电梯资金筹集方案")
    return clerk, meeting


MEETING_DAY = "2026-11-24"


def vote_sample(clerk: Clerk, meeting: int) -> None:
    """On the meeting day, seven of nine sign in; motion 1 passes (6 of 7 ≥ 2/3), motion 2 fails (4 of 7 <
    2/3)."""
    clerk.env["JUWEI_TODAY"] = MEETING_DAY  # sign-in and all after it happen on the meeting's day
    clerk.ok("meeting", "checkin", meeting, "1-7")
    motions = clerk.json("motion", "list", meeting)
    clerk.ok("vote", "count", motions[0]["id"], "--for", 6, "--against", 0, "--abstain", 1)
    clerk.ok("vote", "count", motions[1]["id"], "--for", 4, "--against", 2, "--abstain", 1)


def close_sample(clerk: Clerk, meeting: int) -> None:
    clerk.ok("meeting", "minutes", meeting, "--add", "居民代表张伟建议在和平里小区增设电动自行车充电桩，会议同意交社区居民委员会研究。")
    clerk.ok("meeting", "minutes", meeting, "--summary",
             "会议听取并审议了社区居民委员会2026年下半年工作报告，讨论了和平里小区加装电梯资金筹集方案。\n"
             "会议要求社区居民委员会抓紧落实已通过的决议，继续听取居民对加装电梯方案的意见。")
    clerk.ok("meeting", "close", meeting, "--chair", "周明", "--recorder", "吴静")


# A democratic evaluation's documents (`juwei eval render`), rendered after the meeting closes: name → --doc
EVALUATION_DOCS = {"evaluation_ballot": "ballot", "evaluation_review": "review-form"}


def evaluation_sample(clerk: Clerk) -> int:
    """The committee (周明 director, 王建国 deputy, 刘芳 member) and one hired staff member (孙丽, not on the
    roster), evaluated on 2026-12-15. Returns the evaluation's id."""
    members = {m["name"]: m["id"] for m in clerk.json("member", "list")}
    for name, role in (("周明", "director"), ("王建国", "deputy"), ("刘芳", "member")):
        clerk.ok("committee", "add", members[name], "--role", role, "--from", "2024-01-01")
    clerk.ok("staff", "add", "--name", "孙丽", "--position", "welfare", "--from", "2024-03-01")
    return clerk.json("eval", "open", "--on", "2026-12-15")["id"]


STAGES = {  # the stage at which each document is rendered for the snapshots
    "notice": "convened", "signin": "convened", "seat-cards": "convened", "ballot": "voted", "result": "voted",
    "resolution": "voted", "minutes": "closed", "summary": "closed",
}


def regenerate() -> bool:
    """``JUWEI_UPDATE_SNAPSHOTS=1 pytest tests/documents`` rewrites the expected documents."""
    return os.environ.get("JUWEI_UPDATE_SNAPSHOTS") == "1"


SENTIMENT_DOCS = ("sentiment-report", "sentiment-urgent")


def build_sentiment(clerk: Clerk) -> dict[tuple[str, str, str], str]:
    """A month of sentiment work (S10–S12) in the sample community, and its documents in both languages and
    formats: four items of November 2026 (one urgent, reported the next day), handled, analysed at the
    monthly meeting on 2026-11-27; the report is printed on 2026-12-02."""
    clerk.ok("org", "add", "collectors", "--name", "钱玉兰", "--from", "2026-01-01")
    items = [
        ("1", "collector", "和平里小区停车位紧张，晚间车辆占用消防通道", "01001", None, "钱玉兰", "2026-11-03"),
        ("2", "visit", "独居老人希望社区提供助餐服务，联系电话13912345678", "01003", "刘芳", "钱玉兰", "2026-11-06"),
        ("6", "reception", "部分居民因加装电梯费用分摊意见分歧，有聚集反映的苗头", "02001", None, "钱玉兰", "2026-11-12"),
        ("5", "mailbox", "居民张伟义务为楼道更换照明灯", None, None, None, "2026-11-16"),
    ]
    ids = []
    for category, source, text, household, raised, by, day in items:
        args = ["sentiment", "add", "--category", category, "--source", source, "--text", text, "--received", day]
        if household:
            args += ["--household", household]
        if raised:
            args += ["--from", raised]
        if by:
            args += ["--by", by]
        ids.append(clerk.json(*args)["id"])
    clerk.ok("sentiment", "reported", ids[2], "--to", "街道党工办", "--on", "2026-11-13")
    clerk.ok("sentiment", "update", ids[1], "--status", "referred", "--note", "转社区养老服务站", "--on", "2026-11-07")
    clerk.ok("sentiment", "update", ids[2], "--status", "replied", "--note", "召开协调会，向居民说明分摊方案",
             "--on", "2026-11-18")
    meeting = clerk.json("meeting", "convene", "--kind", "sentiment", "--at", "2026-11-27 09:00", "--place",
                         "社区党群服务中心会议室", "--topic", "十一月社情民意分析")["id"]
    clerk.env["JUWEI_TODAY"] = "2026-12-02"
    clerk.ok("sentiment", "analyse", "--meeting", meeting)
    out = {}
    for lang in ("zh_CN", "en"):
        for fmt in ("md", "html"):
            out["sentiment-report", lang, fmt] = clerk.ok("sentiment", "report", "--month", "2026-11",
                                                          "--format", fmt, "--lang", lang)
            out["sentiment-urgent", lang, fmt] = clerk.ok("sentiment", "render", ids[2], "--doc", "urgent-report",
                                                          "--format", fmt, "--lang", lang)
    return out
