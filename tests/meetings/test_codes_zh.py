"""Under --lang zh_CN the human-readable outputs show labels, never stored codes or True/False.

A small community holds a representatives' meeting with votes both ways, keeps a ledger, posts its
disclosures and takes a petition; then every main listing, show, tally, due list, report and document is
read as a Chinese clerk reads it. A code of any kind (the label tables' codes) or a Python boolean as a
whole word is a failure. Not words: what the clerk types (`juwei …` commands, `--options`), and
references of the form ``table:id`` (an audit entity, an obligation's subject), which are identifiers.
"""

from __future__ import annotations

import re

import pytest

from juwei import i18n
from tests.meetings.conftest import MEETING_DAY, convene, held

# kinds whose codes are keys rather than stored values, and words that are also ordinary column names
_NOT_VALUES = {"member field", "disclosure field", "roll column", "community setting"}


def known_codes() -> set[str]:
    codes = set()
    for key in i18n.catalog("zh_CN"):
        kind, sep, code = key.partition(i18n.CONTEXT_SEPARATOR)
        if sep and kind not in _NOT_VALUES:
            codes.add(code)
    return codes | {"True", "False", "None"}


def leaks(text: str) -> list[str]:
    text = re.sub(r"`[^`]*`", " ", text)  # commands quoted in a message
    text = re.sub(r"juwei [^│\n]*", " ", text)  # a command column or a hint
    text = re.sub(r"--[a-z-]+", " ", text)
    text = re.sub(r"\b[a-z_]+:[\w:.+-]+", " ", text)  # meeting:1, finance:2026-Q1, personnel:1
    text = re.sub(r"^ +[a-z_]+:", " ", text, flags=re.M)  # the audit log's recorded field names
    found = []
    for code in known_codes():
        for line in text.splitlines():
            if re.search(rf"(?<![\w./-]){re.escape(code)}(?![\w/-])", line):
                found.append(f"{code} in «{line.strip()[:80]}»")
    return sorted(found)


@pytest.fixture
def zh(town, monkeypatch):
    """``zh.ok(…)`` runs a command with --lang zh_CN."""
    cli = town
    monkeypatch.setenv("COLUMNS", "250")  # a table row on one line: a command in a cell is not broken up

    class Zh:
        ids = cli.ids

        @staticmethod
        def ok(*args: str) -> str:
            return cli.ok("--lang", "zh_CN", *args)

    yield Zh
    i18n.set_language("en")


@pytest.fixture
def record(town, zh):
    """A held and closed representatives' meeting (one motion passed by count, one failed by roll call), a
    cancelled one, an office meeting, a ledger with its posted account, a staff change, a petition."""
    cli = town
    ids = cli.ids
    meeting = convene(cli)
    cancelled = convene(cli, "--reason", "report", at="2026-06-20 09:00")
    cli.ok("meeting", "cancel", str(cancelled), "--reason", "下雨")
    cli.json("petition", "open", "--topic", "增设电梯")
    cli.ok("petition", "sign", "1", str(ids["A1"]), str(ids["B1"]))
    for day, amount, direction, category, voucher in [
            ("2026-01-05", "5000", "income", "上级拨款", "V1"), ("2026-01-10", "1200", "expense", "wages", "V2"),
            ("2026-02-01", "300", "expense", "office", "V3"), ("2026-03-01", "80", "expense", "activities", "V4")]:
        cli.ok("ledger", "add", "--date", day, "--amount", amount, "--direction", direction, "--category",
               category, "--voucher", voucher, "--description", "摘要")
    finance = cli.json("disclose", "finance", "--period", "2026-Q1")["id"]
    cli.ok("disclose", "post", str(finance))
    cli.ok("disclose", "staff-change", "--name", "王芳", "--change", "新任委员", "--reason", "补选", "--on",
           "2026-06-01")
    cli.ok("disclose", "from-meeting", str(meeting))
    held(cli)
    cli.ok("meeting", "checkin", str(meeting), "--all")
    cli.ok("motion", "add", str(meeting), "--title", "工作报告", "--kind", "work-report")
    cli.ok("motion", "add", str(meeting), "--title", "停车方案", "--kind", "plan")
    cli.ok("vote", "count", "1", "--for", "3", "--against", "0")
    cli.ok("vote", "cast", "2", "1", "--choice", "for")
    cli.ok("vote", "cast", "2", "2", "--choice", "against")
    cli.ok("vote", "cast", "2", "3", "--choice", "abstain")
    cli.ok("meeting", "minutes", str(meeting), "--add", "会议有效。", "--summary", "纪要。")
    cli.ok("meeting", "close", str(meeting), "--chair", "甲一", "--recorder", "丙三")
    office = convene(cli, "--noticed-on", MEETING_DAY, kind="office", at=f"{MEETING_DAY} 16:00")
    cli.ok("rules", "set", "quorum", ">=2/3", "--from", MEETING_DAY)
    return {"meeting": meeting, "cancelled": cancelled, "office": office, "finance": finance}


OUTPUTS = [
    ("community", "show"), ("rules", "show"), ("rules", "history"), ("db", "check"), ("roster",),
    ("member", "list", "--all"), ("member", "show", "{A2}"), ("rep", "list", "--all"), ("household", "list"),
    ("agenda",), ("meeting", "list"), ("meeting", "show", "{meeting}"), ("meeting", "show", "{cancelled}"),
    ("meeting", "show", "{office}"), ("meeting", "roll", "{meeting}"), ("meeting", "quorum", "{meeting}"),
    ("meeting", "minutes", "{meeting}"), ("meeting", "due"), ("motion", "list", "{meeting}"),
    ("vote", "tally", "1"), ("vote", "tally", "2"), ("vote", "ballots", "2"), ("petition", "list"),
    ("petition", "show", "1"), ("disclose", "list"), ("disclose", "show", "{finance}"), ("disclose", "due", "--all"),
    ("disclose", "staff-changes"), ("disclose", "render", "{finance}", "--format", "md"), ("ledger", "list"),
    ("ledger", "accounts", "--period", "2026-Q1"),
    *[("notice", "render", "{meeting}", "--doc", doc) for doc in ("notice", "signin", "result", "resolution",
                                                                 "minutes", "summary")],
]


def test_no_code_in_chinese_outputs(zh, record):
    values = {**record, **{k: str(v) for k, v in zh.ids.items()}}
    problems = {}
    for command in OUTPUTS:
        args = [a.format(**values) for a in command]
        text = zh.ok(*args)
        found = leaks(text)
        if found:
            problems[" ".join(args)] = found
    log = zh.ok("audit", "log")  # a record of stored values: its headers name each event in words
    problems["audit log"] = leaks("\n".join(line for line in log.splitlines() if line.startswith("#")))
    assert not any(problems.values()), problems


def test_the_issues_examples(zh, record):
    """支出:wages, 事由 regular, >=2/3 of present, representatives 会议, False: each now in words."""
    accounts = zh.ok("ledger", "accounts", "--period", "2026-Q1")
    assert "工资" in accounts and "办公及公务" in accounts and "wages" not in accounts
    shown = zh.ok("meeting", "show", str(record["meeting"]))
    assert "例行召开" in shown and "regular" not in shown
    assert "报告工作" in zh.ok("meeting", "show", str(record["cancelled"]))
    tally = zh.ok("vote", "tally", "1")
    assert "出席人数的三分之二以上" in tally and "of present" not in tally
    due = zh.ok("disclose", "due", "--all")
    assert "居民代表会议（编号" in due and "会议 会议" not in due and "representatives" not in due
    member = zh.ok("member", "show", str(zh.ids["A2"]))
    assert "False" not in member and "True" not in member and "党员" in member
    log = zh.ok("audit", "log")
    assert "召集会议" in log and "meeting.convene" not in log and "False" not in log


def test_rules_show_in_chinese(zh, record):
    out = zh.ok("rules", "show")
    assert "三分之二以上" in out and ">=2/3" not in out and "每半年" in out and "half-yearly" not in out
    assert re.search(r"notice_days\s+│ 3 天", out)
    assert "社区民主管理制度范本" in out  # the profile's name in the title, not `seed`


def test_the_roll_names_an_ex_officio_seat_by_its_basis(zh, record):
    out = zh.ok("meeting", "roll", str(record["meeting"]))
    assert "当然代表（居委会成员）" in out and "committee" not in out and "ex_officio" not in out


def test_english_output_keeps_the_codes_the_clerk_types(town, record):
    """English shows the code itself, which is what the clerk types back."""
    assert ">=2/3 of present" in town.ok("vote", "tally", "1")
    assert "regular" in town.ok("meeting", "show", str(record["meeting"]))
    accounts = town.ok("ledger", "accounts", "--period", "2026-Q1")
    assert "expense: wages" in accounts


def test_the_demo_stays_in_the_clerks_language(tmp_path, monkeypatch):
    """`juwei --lang zh_CN demo`: the clerk's commands it runs print in Chinese too, with labels."""
    from typer.testing import CliRunner

    from juwei.cli import app

    monkeypatch.setenv("JUWEI_TODAY", "2026-11-25")
    try:
        result = CliRunner().invoke(app, ["--lang", "zh_CN", "demo", "--out", str(tmp_path / "d"),
                                          "--households", "12"])
    finally:
        i18n.set_language("en")
    assert result.exit_code == 0, (result.output, result.exception)
    assert "会议 1 已闭会" in result.stdout and "meeting 1 closed" not in result.stdout
    assert "当然代表" in result.stdout and "出席人数的三分之二以上" in result.stdout
