"""One scrub at every listing that is not --reveal (LAW.md "Privacy"): numbers typed into names, addresses,
ledger descriptions and disclosures are masked on screen and in --json, and shown as entered with --reveal."""

from __future__ import annotations

import re

import pytest

PHONE = "138.1234.5678"
ID_NUMBER = "110105 1949 1231 002X"
NAME = f"张三{PHONE}"


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", "2026-10-20")


def _hidden(out: str) -> bool:
    """Neither number is on screen, in any typing: the phone's middle four and the ID's birth date. Line by
    line (a number is printed on one line): across lines, unrelated figures such as the rules snapshot's
    values (…3, 4, 5…) can run together into the digits looked for."""
    for line in out.splitlines():
        digits = re.sub(r"[^0-9*]", "", line)
        if "1234" in digits or "19491231" in digits:
            return False
    return "****" in out


def _shown(out: str) -> bool:
    return PHONE in out or ID_NUMBER in out


def _meeting(cli) -> tuple[int, int]:
    """A representatives' meeting whose only representative is named with a phone, voted by roll call."""
    cli.ok("group", "add", "第一居民小组", env={"JUWEI_TODAY": "2026-11-20"})
    cli.ok("household", "add", "01001", "--group", "第一居民小组", "--address", f"和平里 身份证{ID_NUMBER}",
           env={"JUWEI_TODAY": "2026-11-20"})
    member = cli.json("member", "add", "--name", NAME, "--birth-date", "1970-01-01", "--household", "01001",
                      env={"JUWEI_TODAY": "2026-11-20"})["id"]
    cli.ok("rep", "add", member, "--group", "第一居民小组", "--from", "2024-01-01", env={"JUWEI_TODAY": "2026-11-20"})
    meeting = cli.json("meeting", "convene", "--kind", "representatives", "--at", "2026-11-24 14:30", "--place",
                       f"活动室 电话{PHONE}", "--topic", "议题", env={"JUWEI_TODAY": "2026-11-20"})["id"]
    motion = cli.json("motion", "add", meeting, "--title", f"动议 {ID_NUMBER}", env={"JUWEI_TODAY": "2026-11-20"})["id"]
    cli.ok("meeting", "checkin", meeting, "1", env={"JUWEI_TODAY": "2026-11-24"})
    cli.ok("vote", "cast", motion, "1", "--choice", "for", env={"JUWEI_TODAY": "2026-11-24"})
    return meeting, motion


def test_roster_and_meeting_listings_mask_numbers_in_names_and_addresses(community):
    meeting, motion = _meeting(community)
    for args in (("member", "list"), ("member", "show", "1"), ("household", "list"), ("household", "show", "01001"),
                 ("rep", "list"), ("meeting", "roll", meeting), ("vote", "ballots", motion), ("meeting", "list"),
                 ("meeting", "show", meeting), ("motion", "list", meeting), ("meeting", "minutes", meeting)):
        screen = community.ok(*args, env={"JUWEI_TODAY": "2026-11-24", "COLUMNS": "300"})
        data = community.ok(*args, "--json", env={"JUWEI_TODAY": "2026-11-24"})
        for out in (screen, data):
            assert any(word in out for word in ("张三", "和平里", "活动室", "动议")) and _hidden(out), (args, out)
        revealed = community.ok(*args, "--json", "--reveal", env={"JUWEI_TODAY": "2026-11-24"})
        assert _shown(revealed), args
    for doc in ("signin", "ballot"):  # printouts have no --reveal: always masked
        for fmt in ("md", "html"):
            out = community.ok("notice", "render", meeting, "--doc", doc, "--format", fmt,
                               env={"JUWEI_TODAY": "2026-11-24"})
            assert "张三" in out and _hidden(out.replace("\\", "")), (doc, fmt)


def test_ledger_listings_mask_descriptions_and_reveal_them_on_request(community, today):
    community.ok("ledger", "add", "--date", "2026-07-05", "--amount", "5000", "--direction", "expense",
                 "--category", "welfare", "--voucher", "V1", "--description", f"慰问 联系{PHONE} 身份证{ID_NUMBER}")
    for args in (("ledger", "list"), ("ledger", "accounts", "--period", "2026-Q3")):
        for out in (community.ok(*args, env={"COLUMNS": "300"}), community.ok(*args, "--json")):
            assert "慰问" in out and _hidden(out), (args, out)
        assert _shown(community.ok(*args, "--json", "--reveal")), args
        assert _shown(community.ok(*args, "--reveal", env={"COLUMNS": "300"})), args


def test_disclose_show_masks_the_body_but_not_the_committees_contact(community, today):
    d = community.json("disclose", "add", "--category", "other", "--title", f"通知 {PHONE}",
                       "--body", f"联系人身份证 {ID_NUMBER}", "--contact", "居委会 010-6598 7766")["id"]
    for out in (community.ok("disclose", "show", str(d), env={"COLUMNS": "300"}),
                community.ok("disclose", "show", str(d), "--json")):
        assert _hidden(out) and "010-6598 7766" in out, out
    community.ok("disclose", "staff-change", "--name", f"王五 {PHONE}", "--change", "任职", "--reason", "换届",
                 "--on", "2026-10-01")
    for args in (("disclose", "list"), ("disclose", "staff-changes")):
        for out in (community.ok(*args, env={"COLUMNS": "300"}), community.ok(*args, "--json")):
            assert _hidden(out), (args, out)
        assert _shown(community.ok(*args, "--json", "--reveal")), args
    revealed = community.json("disclose", "show", str(d), "--reveal")
    assert revealed["body"] == f"联系人身份证 {ID_NUMBER}" and revealed["title"] == f"通知 {PHONE}"
