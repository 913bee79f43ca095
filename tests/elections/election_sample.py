"""A fixed sample election, built through the CLI as a clerk would, for the election documents' tests.

东城社区 (seed rules), two residents' groups, twelve adults (phones and addresses on the roster) and a minor.
A general election on Wednesday 2026-07-01 by the voters fills a director, a deputy and three members. On
2026-06-01 the register is taken and one voter is removed on an objection, the register is published, the
election committee is recorded, eight candidates stand and one proxy is given. On polling day 11 ballots are
issued, 10 returned, 1 void: the director is elected, the deputy's seat is left unfilled (另行选举), one
member is elected and three tie for the last two seats; a voter written in receives one vote. The further
round is opened: its ballot is the one to print next (`--round 1` prints the first round's again).
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

OPENED = "2026-06-01"
POLLING = "2026-07-01"
GROUPS = ("第一居民小组", "第二居民小组")
PEOPLE = [  # name, household, group
    ("王建国", "01001", 0), ("李秀英", "01001", 0), ("张伟", "01002", 0), ("刘芳", "01003", 0), ("周明", "01003", 0),
    ("陈志强", "02001", 1), ("杨丽", "02001", 1), ("赵磊", "02002", 1), ("孙红梅", "02002", 1), ("吴静", "02003", 1),
    ("马超", "02003", 1), ("郑华", "02003", 1),
]
CANDIDATES = {"director": ("王建国", "陈志强"), "deputy": ("李秀英", "杨丽"),
              "member": ("张伟", "刘芳", "赵磊", "孙红梅")}
VOTES = {"王建国": 7, "陈志强": 2, "李秀英": 5, "杨丽": 4, "张伟": 8, "刘芳": 6, "赵磊": 6, "孙红梅": 6}
REMOVED = ("周明", "已迁往外区居住")  # an objection upheld: its reason is never printed
WRITTEN_IN = ("member", "郑华", 1)


class Clerk:
    """`juwei --db DB …` in-process with the day pinned in ``env``; ``ok`` asserts exit 0."""

    def __init__(self, db: str, today: str = OPENED):
        self.db = db
        self.env = {"JUWEI_TODAY": today, "JUWEI_LANG": "en", "JUWEI_CLERK": "test-clerk"}
        self.runner = CliRunner()

    def __call__(self, *args):
        from juwei.cli import app

        return self.runner.invoke(app, ["--db", self.db, *map(str, args)], env=self.env)

    def ok(self, *args) -> str:
        result = self(*args)
        assert result.exit_code == 0, (args, result.exit_code, result.output, result.exception)
        return result.stdout

    def json(self, *args):
        return json.loads(self.ok(*args, "--json"))


def build_election(clerk, names: dict[str, str] | None = None, groups: tuple[str, ...] = GROUPS,
                   init: tuple[str, ...] = ()) -> int:
    """The sample election through the CLI, counted; returns its id. ``names`` renames the sample's people
    (hostile values); the clerk's ``env`` is moved to polling day for the count."""
    names = names or {}

    def who(name: str) -> str:
        return names.get(name, name)

    clerk.env["JUWEI_TODAY"] = OPENED
    clerk.ok("init", "--name", "东城社区", "--code", "dc", *init)
    for group in groups:
        clerk.ok("group", "add", group)
    for number in sorted({h for _, h, _ in PEOPLE}):
        group = groups[next(g for _, h, g in PEOPLE if h == number)]
        clerk.ok("household", "add", number, "--group", group, "--address", f"和平里{number[-1]}号楼{number}")
    ids = {}
    for name, household, _ in PEOPLE:
        ids[name] = clerk.json("member", "add", "--name", who(name), "--birth-date", "1970-01-01", "--household",
                               household, "--phone", "13912345678")["id"]
    clerk.ok("member", "add", "--name", "王小明", "--birth-date", "2015-01-01", "--household", "01001")
    election = clerk.json("election", "open", "--kind", "general", "--day", POLLING, "--method", "voters",
                          "--director", 1, "--deputy", 1, "--member", 3)["id"]
    clerk.ok("election", "voters", election)
    clerk.ok("election", "voters", election, "--remove", ids[REMOVED[0]], "--reason", REMOVED[1])
    clerk.ok("election", "publish", election, "--doc", "voters", "--on", OPENED)
    clerk.ok("election", "officer", election, ids["吴静"], "--role", "chair")
    clerk.ok("election", "officer", election, ids["马超"], "--role", "member")
    for post, people in CANDIDATES.items():
        for name in people:
            clerk.ok("election", "candidate", election, ids[name], "--post", post)
    clerk.ok("election", "proxy", election, ids["马超"], ids["吴静"])
    clerk.env["JUWEI_TODAY"] = POLLING
    post, name, n = WRITTEN_IN
    clerk.ok("election", "count", election, "--issued", 11, "--returned", 10, "--void", 1,
             *[arg for person, votes in VOTES.items() for arg in ("--votes", f"{ids[person]}={votes}")],
             "--votes", f"{post}:{ids[name]}={n}")
    # the further round: 另行选举 for the deputy, a vote between the three tied for the last two members' seats
    clerk.ok("election", "round", election)
    return election
