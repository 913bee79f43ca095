"""The bodies juwei writes into disclosures (finance account, welfare list, staff changes, a meeting's notice
and results) are stored byte for byte as they were first written, for the same data.

Each body kind is made through the CLI in both languages, with ordinary and awkward values (pipes,
markup, line breaks, empty sections), and compared with the text captured in ``bodies/`` before the bodies
moved into templates. Set ``JUWEI_WRITE_BODIES=1`` to rewrite the captured text (only for a deliberate
change of wording, explained in the commit).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("juwei.storage.models.meetings")

BODIES = Path(__file__).parent / "bodies"
LEDGER = ("日期,金额,收支,类别,摘要,凭证号\n"
          "2026-07-03,\"¥10,000.00\",收入,上级拨款,三季度经费,V001\n"
          "2026-07-04,250,收入,捐赠|个人,爱心捐款,V002\n"
          "2026-07-10,1500,支出,活动,\"中秋活动 <b>月饼</b> | 慰问\",V003\n"
          "2026-08-01,200.50,支出,办公,文具,V004\n"
          "2026-08-20,3200,支出,工资,网格员补贴 身份证110105194912310021,V|005\n"
          "2026-09-02,80,支出,活动,茶歇,V006\n")
WELFARE = ("姓名,家庭人口,救助类别,金额,身份证号,备注\n"
           "张三,3,低保,\"1,200.00\",11010519491231002X,糖尿病\n"
           "李小明,1,临时救助,500,110105201503070013,\n"
           "\"王|五\",2,\"低保|特困\",800.5,,\n")


class Clerk:
    """`juwei --db DB …` with the day pinned in ``env``; ``ok`` asserts exit 0."""

    def __init__(self, db: str, today: str):
        self.db = db
        self.env = {"JUWEI_TODAY": today, "JUWEI_LANG": "en", "JUWEI_CLERK": "test-clerk"}

    def ok(self, *args) -> str:
        from juwei.cli import app

        result = CliRunner().invoke(app, ["--db", self.db, *map(str, args)], env=self.env)
        assert result.exit_code == 0, (args, result.output, result.exception)
        return result.stdout

    def json(self, *args):
        return json.loads(self.ok(*args, "--json"))


def _bodies(tmp: Path, locale: str) -> dict[str, str]:
    clerk = Clerk(str(tmp / "juwei.db"), today="2026-10-20")
    clerk.ok("init", "--name", "东城社区", "--code", "dc", "--locale", locale)
    clerk.ok("group", "add", "第一组")
    for n, name in enumerate(("甲一", "甲二", "甲三"), 1):
        clerk.ok("household", "add", f"H{n}", "--group", "第一组")
        member = clerk.json("member", "add", "--name", name, "--birth-date", f"197{n}-01-01", "--household",
                            f"H{n}")["id"]
        clerk.ok("rep", "add", member, "--group", "第一组", "--from", "2025-01-01")

    (tmp / "ledger.csv").write_text(LEDGER, encoding="utf-8")
    clerk.ok("ledger", "import", str(tmp / "ledger.csv"))
    clerk.ok("disclose", "finance", "--period", "2026-Q3")
    clerk.ok("disclose", "finance", "--period", "2026-09", "--contact", "居委会 010-6512 3456")
    clerk.ok("disclose", "finance", "--period", "2026-Q2")  # no entries at all

    (tmp / "welfare.csv").write_text(WELFARE, encoding="utf-8")
    clerk.ok("disclose", "welfare", "--list", str(tmp / "welfare.csv"), "--benefit", "2026年11月低保 <i>x</i>",
             "--starts", "2026-11-15", "--contact", "居委会 010-6512 3456")
    clerk.ok("disclose", "welfare", "--list", str(tmp / "welfare.csv"), "--benefit", "临时救助",
             "--starts", "2026-11-20")

    clerk.ok("disclose", "staff-change", "--name", "王五", "--change", "任网格员", "--reason", "换届|补选",
             "--on", "2026-10-01")
    clerk.ok("disclose", "staff-change", "--name", "赵六 13812345678", "--change", "离任 **主任**",
             "--reason", "退休", "--on", "2026-10-10")
    clerk.ok("disclose", "personnel")

    reps = clerk.json("meeting", "convene", "--kind", "representatives", "--at", "2026-10-28 14:30",
                      "--place", "社区会议室", "--topic", "审议年度工作计划", "--topic", "修缮 | 3号楼 **屋顶**",
                      "--topic", "1. 增设 <b>停车位</b>")["id"]
    clerk.ok("disclose", "from-meeting", reps)
    talk = clerk.json("meeting", "convene", "--kind", "deliberation", "--at", "2026-10-21 09:00",
                      "--place", "活动室", "--topic", "楼道清理")["id"]
    clerk.env["JUWEI_TODAY"] = "2026-10-21"
    clerk.ok("meeting", "minutes", talk, "--add", "到会 3 人")
    clerk.ok("meeting", "close", talk)
    clerk.ok("disclose", "from-meeting", talk)  # no motions, no summary

    clerk.env["JUWEI_TODAY"] = "2026-10-28"
    clerk.ok("meeting", "checkin", reps, "--all")
    plan = clerk.json("motion", "add", reps, "--title", "年度工作计划", "--kind", "plan",
                      "--text", "第一段\n第二段 | 附表")["id"]
    lot = clerk.json("motion", "add", reps, "--title", "增设|停车位")["id"]
    roof = clerk.json("motion", "add", reps, "--title", "修缮屋顶")["id"]
    clerk.json("motion", "add", reps, "--title", "未表决的议题")
    clerk.ok("vote", "count", plan, "--for", "3", "--against", "0")
    clerk.ok("vote", "count", lot, "--for", "1", "--against", "2")
    clerk.ok("vote", "count", roof, "--for", "2", "--against", "0", "--abstain", "1")
    clerk.ok("meeting", "minutes", reps, "--summary", "议定:年底前完成\n**修缮** <script>x</script>")
    clerk.ok("meeting", "close", reps)
    clerk.ok("disclose", "from-meeting", reps)

    clerk.ok("committee", "add", member, "--role", "director", "--from", "2024-06-01")
    clerk.ok("staff", "add", "--name", "孙丽 | 网格", "--position", "welfare", "--from", "2025-01-01")
    clerk.ok("duty", "set", member, "--text", "主持全面工作 | **党建**\n电话13812345678", "--from", "2026-10-01")
    clerk.ok("disclose", "duties", "--contact", "居委会 010-6512 3456")

    return {f"{locale}-{row['id']:02d}-{row['category']}.md": clerk.json("disclose", "show", row["id"])["body"]
            for row in clerk.json("disclose", "list")}


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_generated_bodies_are_unchanged(tmp_path, locale):
    bodies = _bodies(tmp_path, locale)
    assert {name.split("-")[2] for name in bodies} == {"finance.md", "welfare.md", "personnel.md",
                                                       "assembly.md", "resolution.md", "duties.md"}
    if os.environ.get("JUWEI_WRITE_BODIES"):
        BODIES.mkdir(exist_ok=True)
        for name, body in bodies.items():
            (BODIES / name).write_bytes(body.encode("utf-8"))
    captured = {p.name: p.read_bytes().decode("utf-8") for p in sorted(BODIES.glob(f"{locale}-*.md"))}
    assert sorted(bodies) == sorted(captured)
    for name, body in bodies.items():
        assert body == captured[name], name
