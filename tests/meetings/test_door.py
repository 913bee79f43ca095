"""Signing in at the door: `meeting checkin M --scan` (seat codes, ID numbers, seat numbers, a line at a time)
and `meeting checkin M SEATS --at HH:MM` (sign-ins copied from the paper sheet afterwards).

The town (tests/meetings/conftest.py) holds a residents' meeting on 2026-06-15 at 14:30: five adults on the
roll, quorum 3. 甲一 and 丙三 carry ID numbers for the ID-card reader.
"""

from __future__ import annotations

import datetime as dt
import os
import select
import signal
import subprocess
import sys

import pytest

from juwei.rules.idnumber import make_id
from tests.meetings.conftest import MEETING_DAY, audit_actions, convene, held

ID_A1 = make_id("110105", dt.date(1970, 1, 1), 11)
ID_B1 = make_id("110105", dt.date(1975, 5, 5), 13)
ID_K2 = make_id("110105", dt.date(2008, 6, 16), 22)  # a minor: not on the roll
ID_STRANGER = make_id("310101", dt.date(1960, 2, 2), 31)  # nobody in this community


@pytest.fixture
def door(town):
    """The residents' meeting convened and its day come; returns (cli, meeting id, seat of each member)."""
    town.ok("member", "update", town.ids["A1"], "--id-number", ID_A1)
    town.ok("member", "update", town.ids["B1"], "--id-number", ID_B1)
    town.ok("member", "update", town.ids["K2"], "--id-number", ID_K2)
    m = convene(town, kind="residents")
    held(town)
    seats = {row["name"]: row["seat"] for row in town.json("meeting", "roll", m)}
    return town, m, seats


def _present(cli, m) -> dict[int, str | None]:
    return {row["seat"]: row["checked_in_at"] for row in cli.json("meeting", "roll", m) if row["present"]}


# ---------------------------------------------------------------- the loop, through the CLI runner

def test_a_line_each_way_and_refusals_that_do_not_stop_the_loop(door):
    cli, m, seats = door
    lines = [f"JW1:dc:{m}:{seats['甲二']}",  # a seat card
             ID_B1,  # an ID-card reader
             str(seats["乙成年"]),  # a seat number typed by hand
             f"JW1:dc:{m}:{seats['甲二']}",  # the same card again
             f"JW1:dc:{m + 1}:1",  # another meeting's card
             f"JW1:xc:{m}:1",  # another community's card
             ID_STRANGER,  # nobody here
             ID_K2,  # a resident, but not on the roll (a minor)
             ID_A1[:-1] + ("0" if ID_A1[-1] != "0" else "1"),  # a mistyped ID number
             "99",  # no such seat
             "JW9:dc:1:1",  # a code of a form juwei does not read
             "hello",
             f"jw1:DC:{m}:{seats['甲一']}"]  # Caps Lock on: still this community
    result = cli("meeting", "checkin", m, "--scan", input="\n".join(lines) + "\n\nJW1:dc:1:5\n")
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert len(out) == len(lines) + 1  # one answer a line, then the summary; after the empty line, nothing read
    assert out[0] == f"seat {seats['甲二']} 甲二 signed in: present 1 of 5, quorum needs 3"
    assert out[1] == f"seat {seats['丙三']} 丙三 signed in: present 2 of 5, quorum needs 3"
    assert out[2] == f"seat {seats['乙成年']} 乙成年 signed in: present 3 of 5, quorum needs 3"
    assert out[3] == f"refused: seat {seats['甲二']} (甲二) is already signed in at meeting {m}"
    assert out[4] == f"refused: this seat code is for meeting {m + 1}, not meeting {m}"
    assert out[5] == "refused: this seat code is for another community (xc), not this one"
    assert out[6].startswith("refused: no member '310101…' in this community")
    assert out[7].startswith("refused: member ") and f"is not on the roll of meeting {m}" in out[7]
    assert out[8] == "refused: ID number check digit is wrong (GB 11643): a digit was mistyped"
    assert out[9] == "refused: seat 99 is not on the roll (seats 1–5)"
    assert "a seat code of a form this juwei does not read" in out[10]
    assert out[11] == "refused: 'hello' is not a seat code, an ID number or a seat number"
    assert out[12] == f"seat {seats['甲一']} 甲一 signed in: present 4 of 5, quorum needs 3"
    assert out[13] == "4 signed in at the door, 9 refused: present 4 of 5, quorum needs 3"
    assert "an empty line ends" in result.stderr
    for number in (ID_A1, ID_B1, ID_K2, ID_STRANGER):  # never echoed whole
        assert number not in result.output and number[6:14] not in result.output
    assert set(_present(cli, m)) == {seats["甲二"], seats["丙三"], seats["乙成年"], seats["甲一"]}
    assert audit_actions(cli.db).count("meeting.checkin") == 4  # one committed write per sign-in


def test_end_of_input_ends_the_loop_and_an_empty_input_signs_nobody_in(door, unchanged):
    cli, m, seats = door
    result = cli("meeting", "checkin", m, "--scan", input="1\n2")  # no newline after the last scan
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "2 signed in at the door, 0 refused: present 2 of 5, quorum needs 3"
    with unchanged():
        result = cli("meeting", "checkin", m, "--scan", input="")
        assert result.exit_code == 0
        assert result.stdout == "0 signed in at the door, 0 refused: present 2 of 5, quorum needs 3\n"


def test_a_meeting_that_cannot_take_sign_ins_is_refused_before_the_loop(town, unchanged):
    m = convene(town, kind="residents")
    with unchanged():  # the meeting's day has not come
        assert "sign-in, votes, minutes and closing wait for that day" in town.fails(
            "meeting", "checkin", m, "--scan", input="1\n")
        assert "no meeting 99" in town.fails("meeting", "checkin", 99, "--scan", input="1\n")
        assert "--scan" in town.fails("meeting", "checkin", m, "1", "--scan", code=2)


def test_at_a_households_meeting_an_id_card_signs_in_the_holders_household(door):
    cli, _, _ = door
    m = convene(cli, "--body", "households", kind="residents")  # H1 (甲一 designated), H2, H3
    roll = {row["household"]: row for row in cli.json("meeting", "roll", m)}
    out = cli.ok("meeting", "checkin", m, "--scan", input=f"{ID_B1}\n{roll['H2']['seat']}\n").splitlines()
    assert out[0] == f"seat {roll['H3']['seat']} 丙三 signed in: present 1 of 3, quorum needs 2"  # for H3
    assert out[1] == f"seat {roll['H2']['seat']} household H2 signed in: present 2 of 3, quorum needs 2"
    signed = {row["seat"]: row["signed_in_by"] for row in cli.json("meeting", "roll", m)}
    assert signed[roll["H3"]["seat"]] == cli.ids["B1"] and signed[roll["H2"]["seat"]] is None


def test_a_routine_meeting_needs_no_quorum_and_says_so(town):
    town.ok("committee", "add", town.ids["A1"], "--role", "director", "--from", "2025-01-01")
    m = convene(town, kind="office")
    held(town)
    out = town.ok("meeting", "checkin", m, "--scan", input="1\n").splitlines()
    assert out[0] == "seat 1 甲一 signed in: present 1 of 1"


def test_the_door_in_chinese(door):
    from tests.meetings.test_codes_zh import leaks

    cli, m, seats = door
    result = cli("--lang", "zh_CN", "meeting", "checkin", m, "--scan",
                 input=f"JW1:dc:{m}:{seats['甲二']}\n{ID_B1}\n{seats['甲二']}\n{ID_STRANGER}\nabc\n")
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == f"座号 {seats['甲二']} 甲二 已签到：应到 5，实到 1，法定出席需 3 人"
    assert out[1] == f"座号 {seats['丙三']} 丙三 已签到：应到 5，实到 2，法定出席需 3 人"
    assert out[2] == f"未签到：座号 {seats['甲二']}（甲二）已在会议 {m} 签到"
    assert out[3].startswith("未签到：") and "310101…" in out[3]
    assert out[4] == "未签到：“abc”不是签到码、身份证号或座号"
    assert out[5] == "现场签到 2 人，拒绝 3 次：应到 5，实到 2，法定出席需 3 人"
    assert "输入空行结束" in result.stderr
    assert not leaks(result.output), leaks(result.output)
    assert ID_B1 not in result.output and ID_STRANGER not in result.output


# ---------------------------------------------------------------- a real process, and pulling the plug

def _answer(proc, timeout: float = 60.0) -> str:
    """The next line the process says, waiting for it (a guard against hanging, not a timing check)."""
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "the process said nothing back to a scan"
    return proc.stdout.readline().decode("utf-8").rstrip("\n")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and select on a pipe are POSIX")
def test_each_scan_is_answered_at_once_and_survives_a_kill(door):
    from tests.integrity.helpers import juwei_env, raw

    cli, m, seats = door
    proc = subprocess.Popen([sys.executable, "-m", "juwei", "--db", cli.db, "meeting", "checkin", str(m), "--scan"],
                            env=juwei_env(JUWEI_TODAY=MEETING_DAY), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        said = []
        for line in (f"JW1:dc:{m}:{seats['甲二']}", ID_B1, f"JW1:dc:{m}:{seats['甲二']}", str(seats["甲一"])):
            proc.stdin.write((line + "\n").encode())
            proc.stdin.flush()
            said.append(_answer(proc))  # answered before the next line is typed
        assert said[0].startswith(f"seat {seats['甲二']} 甲二 signed in")
        assert said[1].startswith(f"seat {seats['丙三']} 丙三 signed in")
        assert said[2].startswith("refused: ")
        assert said[3] == f"seat {seats['甲一']} 甲一 signed in: present 3 of 5, quorum needs 3"
        proc.send_signal(signal.SIGKILL)  # the plug pulled after the third sign-in
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            stream.close()
    assert proc.returncode == -signal.SIGKILL
    rows = raw(cli.db, "SELECT seat FROM attendance WHERE meeting_id = :m AND checked_out_at IS NULL ORDER BY seat",
               m=m)
    assert [r[0] for r in rows] == sorted([seats["甲二"], seats["丙三"], seats["甲一"]])
    assert audit_actions(cli.db).count("meeting.checkin") == 3
    assert "the audit trail is intact" in cli.ok("audit", "verify")  # nothing half-written


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pipe")
def test_the_console_script_ends_at_the_end_of_input_with_a_summary(door):
    from tests.integrity.helpers import juwei_env

    cli, m, _ = door
    done = subprocess.run([sys.executable, "-m", "juwei", "--db", cli.db, "meeting", "checkin", str(m), "--scan"],
                          input="1\n2\n2\n", env=juwei_env(JUWEI_TODAY=MEETING_DAY), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "2 signed in at the door, 1 refused: present 2 of 5, quorum needs 3"
    assert "Traceback" not in done.stderr


# ---------------------------------------------------------------- from the paper sheet: --at

def test_sign_ins_copied_from_the_sheet_keep_their_time(door):
    from juwei.rules.clock import local_text

    cli, m, seats = door
    out = cli.ok("meeting", "checkin", m, "1", "3-4", "--at", "14:05")
    assert out.strip() == "signed in 3 at 14:05 from the sheet: present 3 of 5, quorum needs 3"
    present = _present(cli, m)
    assert set(present) == {1, 3, 4}
    assert {local_text(present[s], None, "%Y-%m-%d %H:%M") for s in present} == {f"{MEETING_DAY} 14:05"}
    assert cli.ok("meeting", "checkin", m, "5", "--at", "１２：３０")  # full-width, as an IME types it
    assert "12:30" in cli.ok("meeting", "roll", m)


def test_the_sheet_time_is_refused_outside_the_meeting_day(door, unchanged):
    cli, m, _ = door
    with unchanged():
        err = cli.fails("meeting", "checkin", m, "1", "--at", "12:29")
        assert "--at 12:29 is before the doors opened: the meeting began at 14:30" in err and "12:30" in err
        assert "is not a time of day" in cli.fails("meeting", "checkin", m, "1", "--at", "25:00")
        assert "is not a time of day" in cli.fails("meeting", "checkin", m, "1", "--at", "2pm")
        assert "--at goes with SEATS" in cli.fails("meeting", "checkin", m, "--at", "14:00", code=2)
        assert "--at goes with SEATS" in cli.fails("meeting", "checkin", m, "--all", "--at", "14:00", code=2)
    cli.ok("meeting", "checkin", m, "1", "--at", "14:00")
    with unchanged():
        assert "already signed in" in cli.fails("meeting", "checkin", m, "1", "--at", "14:10")
    cli.ok("meeting", "checkout", m, "1")  # leaves now, after the day's sign-ins
    with unchanged():
        assert "signed out of meeting" in cli.fails("meeting", "checkin", m, "1", "--at", "15:00")


def test_the_sheet_waits_for_the_meeting_day_and_stops_at_its_close(town, unchanged):
    m = convene(town, kind="residents")
    with unchanged():
        assert "wait for that day" in town.fails("meeting", "checkin", m, "1", "--at", "14:00")
    held(town)
    town.ok("meeting", "checkin", m, "1-3", "--at", "14:00")
    town.ok("meeting", "close", m)
    with unchanged():
        assert "is closed" in town.fails("meeting", "checkin", m, "4", "--at", "14:00")


def test_the_sheet_in_chinese(door):
    cli, m, _ = door
    out = cli.ok("--lang", "zh_CN", "meeting", "checkin", m, "1-2", "--at", "14:05")
    assert out.strip() == "按签到表补录签到 2 人，时间 14:05：应到 5，实到 2，法定出席需 3 人"
    err = cli.fails("--lang", "zh_CN", "meeting", "checkin", m, "3", "--at", "08:00")
    assert "--at 08:00 早于入场时间" in err


def test_a_day_after_the_meeting_any_time_that_day_from_the_doors_on_is_taken(door):
    cli, m, _ = door
    cli.monkeypatch.setenv("JUWEI_TODAY", "2026-06-16")
    assert "at 23:59 from the sheet" in cli.ok("meeting", "checkin", m, "1", "--at", "23:59")
