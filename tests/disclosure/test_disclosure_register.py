"""The register: add, post, withdraw, supersede; what falls due (S20, S23, S24); refusals change nothing."""


def _add(cli, *extra):
    return cli.json("disclose", "add", "--category", "decision", "--title", "年度工作目标", "--body", "正文",
                    *extra)["id"]


def test_post_once_and_correct_by_superseding(community, today, unchanged):
    first = _add(community)
    assert community.json("disclose", "show", str(first))["status"] == "draft"
    community.ok("disclose", "post", str(first), "--on", "2026-10-01")
    with unchanged():
        err = community.fails("disclose", "post", str(first), "--on", "2026-10-02")
        assert "already posted" in err and "--supersedes" in err
        community.fails("disclose", "post", "999")
        community.fails("disclose", "post", str(first), "--on", "2027-01-01")  # a future day
    fix = community.json("disclose", "add", "--category", "decision", "--title", "年度工作目标(更正)",
                         "--body", "更正后的正文", "--supersedes", str(first))["id"]
    with unchanged():
        community.fails("disclose", "add", "--category", "decision", "--title", "again", "--body", "x",
                        "--supersedes", str(first))  # already superseded: correct the correction
        community.fails("disclose", "add", "--category", "finance", "--title", "x", "--body", "x",
                        "--supersedes", str(fix))  # a correction keeps the category
        community.fails("disclose", "post", str(fix), "--on", "2026-09-30")  # before the original went up
    community.ok("disclose", "post", str(fix), "--on", "2026-10-10")
    rows = {r["id"]: r for r in community.json("disclose", "list")}
    assert rows[first]["status"] == "superseded" and rows[first]["superseded_by"] == fix
    assert rows[fix]["status"] == "posted" and rows[fix]["supersedes"] == first
    # both stay: the original's text is untouched
    assert community.json("disclose", "show", str(first))["body"] == "正文"
    on_board = [r["id"] for r in community.json("disclose", "list", "--on-board", "2026-10-05")]
    assert on_board == [first]
    assert [r["id"] for r in community.json("disclose", "list", "--on-board", "2026-10-10")] == [fix]
    assert [r["id"] for r in community.json("disclose", "list", "--posted-on", "2026-10-10")] == [fix]


def test_withdraw(community, today, unchanged):
    d = _add(community)
    community.ok("disclose", "post", str(d), "--on", "2026-10-01")
    with unchanged():
        community.fails("disclose", "withdraw", str(d), "--reason", "  ")
        community.fails("disclose", "withdraw", str(d), "--reason", "错误", "--on", "2026-09-01")
    community.ok("disclose", "withdraw", str(d), "--reason", "内容有误", "--on", "2026-10-05")
    with unchanged():
        community.fails("disclose", "withdraw", str(d), "--reason", "again")
        community.fails("disclose", "add", "--category", "decision", "--title", "x", "--body", "x",
                        "--supersedes", str(d))
    row = community.json("disclose", "show", str(d))
    assert row["status"] == "withdrawn" and row["withdraw_reason"] == "内容有误"
    assert [r["id"] for r in community.json("disclose", "list", "--on-board", "2026-10-03")] == [d]
    assert community.json("disclose", "list", "--on-board", "2026-10-05") == []


def test_add_refusals_change_nothing(community, today, unchanged, tmp_path):
    with unchanged():
        community.fails("disclose", "add", "--category", "gossip", "--title", "x", "--body", "x", code=2)
        community.fails("disclose", "add", "--category", "other", "--title", " ", "--body", "x")
        community.fails("disclose", "add", "--category", "other", "--title", "x", "--body", "  ")
        community.fails("disclose", "add", "--category", "other", "--title", "x")
        community.fails("disclose", "add", "--category", "other", "--title", "x", "--body", "x",
                        "--body-file", "y.md")
        community.fails("disclose", "add", "--category", "other", "--title", "x", "--body-file",
                        str(tmp_path / "missing.md"))
        community.fails("disclose", "add", "--category", "finance", "--title", "x", "--body", "x",
                        "--period", "2026-Q9")
        community.fails("disclose", "add", "--category", "other", "--title", "x", "--body", "x",
                        "--post-on", "2026-10-10", "--until", "2026-10-01")
        community.fails("disclose", "add", "--category", "other", "--title", "x", "--body", "x",
                        "--supersedes", "42")
        community.fails("disclose", "list", "--category", "gossip", code=2)
        community.fails("disclose", "show", "7")
    body = tmp_path / "body.md"
    body.write_text("# 标题\n\n- 一\n- 二\n", encoding="utf-8")
    d = community.json("disclose", "add", "--category", "duties", "--title", "分工", "--body-file", str(body))["id"]
    assert community.json("disclose", "show", str(d))["body"].startswith("# 标题")


def test_due_finance_quarter_late_posting_and_superseded(community, today, ledger_file, unchanged):
    community.ok("ledger", "import", ledger_file())
    today("2026-10-15")
    due = community.json("disclose", "due")
    assert due == [{"rule": "S20", "subject": "finance:2026-Q3", "title": "finance account 2026-Q3",
                    "due": "2026-10-15", "period": "2026-Q3", "posted_on": None, "disclosure_id": None,
                    "overdue": False, "late": False, "status": "open", "meeting_id": None, "lapses": None}]
    today("2026-10-16")
    assert community.json("disclose", "due")[0]["overdue"] is True
    with unchanged():
        community.fails("disclose", "finance", "--period", "2026-Q4")  # not ended yet
    today("2026-10-20")
    d = community.json("disclose", "finance", "--period", "2026-Q3")["id"]
    with unchanged():
        err = community.fails("disclose", "finance", "--period", "2026-Q3")
        assert f"--supersedes {d}" in err
    assert community.json("disclose", "due")[0]["overdue"] is True  # a draft meets nothing
    community.ok("disclose", "post", str(d), "--on", "2026-10-18")
    assert community.json("disclose", "due") == []
    met = community.json("disclose", "due", "--all")
    assert met[0]["status"] == "late" and met[0]["posted_on"] == "2026-10-18"
    # a correction supersedes it; the obligation stays met from the first posting
    fix = community.json("disclose", "finance", "--period", "2026-Q3", "--supersedes", str(d))["id"]
    community.ok("disclose", "post", str(fix), "--on", "2026-10-20")
    met = community.json("disclose", "due", "--all")
    assert met[0]["disclosure_id"] == d and met[0]["status"] == "late"
    # seen from before the posting, it was overdue
    assert community.json("disclose", "due", "--on", "2026-10-17")[0]["status"] == "overdue"


def test_due_year_boundary(community, today, ledger_file):
    community.ok("ledger", "import", ledger_file())
    today("2027-01-02")
    due = community.json("disclose", "due")
    assert [(o["rule"], o["period"], o["due"], o["overdue"]) for o in due] == [
        ("S20", "2026-Q3", "2026-10-15", True),
        ("S20", "2026", "2027-01-15", False),
        ("S20", "2026-Q4", "2027-01-15", False),
    ]
    for o in due:
        assert set(o) >= {"rule", "subject", "period", "due", "overdue"}
    d = community.json("disclose", "finance", "--period", "2026")["id"]
    body = community.json("disclose", "show", str(d))["body"]
    assert "| 期末余额 | 7,999.50 |" in body  # the year: 10,000 − 1,500 − 200.50 − 300


def test_due_follows_the_rules_profile(community, today, ledger_file):
    community.ok("ledger", "import", ledger_file())
    community.ok("rules", "set", "disclosure_finance_deadline_days", "30", "--from", "2026-01-01")
    assert community.json("disclose", "due", "--on", "2026-10-20")[0]["due"] == "2026-10-30"


def test_staff_changes_s24(community, today, unchanged):
    community.ok("disclose", "staff-change", "--name", "李四", "--change", "任居委会委员", "--reason", "补选",
                 "--on", "2026-10-10")
    due = community.json("disclose", "due")
    assert [(o["rule"], o["due"], o["overdue"]) for o in due] == [("S24", "2026-10-17", True)]
    d = community.json("disclose", "personnel")["id"]
    with unchanged():
        community.fails("disclose", "personnel")  # nothing left to disclose
        community.fails("disclose", "staff-change", "--name", "", "--change", "x", "--reason", "y", "--on",
                        "2026-10-10")
    community.ok("disclose", "post", str(d), "--on", "2026-10-16")
    assert community.json("disclose", "due") == []
    assert community.json("disclose", "staff-changes")[0]["disclosure_id"] == d
    assert community.json("disclose", "due", "--all")[0]["status"] == "done"


def test_due_in_chinese(community, today, ledger_file):
    community.ok("ledger", "import", ledger_file())
    out = community.ok("--lang", "zh_CN", "disclose", "due")
    assert "应公开事项" in out and "逾期" in out
