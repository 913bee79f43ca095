"""The demo walks a representatives' meeting end to end, as a clerk would.

(The migration-equals-models and translation checks cover every domain in tests/test_migrations.py and
tests/test_i18n.py.)"""

from __future__ import annotations

import pytest


@pytest.mark.storage
def test_demo_walks_a_meeting(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from juwei.cli import app

    monkeypatch.setenv("JUWEI_TODAY", "2026-11-25")
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path / "d"), "--households", "40"])
    assert result.exit_code == 0, (result.output, result.exception)
    out = result.stdout
    for command in ("meeting convene --kind representatives --at '2026-11-28 14:30'", "meeting checkin 1 --all",
                    "meeting quorum 1", "vote count 1", "vote cast 2", "vote tally 2 --json", "meeting close 1"):
        assert "$ juwei " + command in out
    assert "PASSED" in out and '"passed": false' in out and "meeting 1 closed" in out
    # noticed on the 25th, held on the 28th (sign-in is refused before the meeting day), and it ends clean
    assert "2026-11-28, the meeting day" in out
    # the one warning is the vacancy a resignation leaves, which the demo's by-election then fills
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert [w.split(" on ")[0] for w in warnings] == ["warning: the committee has 4 serving member(s)"]
    assert "error" not in result.stderr, result.stderr
    assert "$ juwei election close 1" in out and "Elected (1)" in out
    assert "# 关于召开东城社区居民代表会议的通知" in out  # the notice, printed after convening
    # a month of sentiment work (S10–S12), its report written beside the meeting's documents
    assert "$ juwei sentiment list --month 2026-10" in out and "10 items recorded in 2026-10, 1 of them urgent" in out
    # at the end: the grid without blind spots (S11, S13), staff work (S28), a gift returned (S27)
    assert "$ juwei grid check\nno blind spots on 2026-11-25" in out and "# 东城社区网格责任公示" in out
    for command in ("staff log '孙丽'", "staff summary '孙丽' --month 2026-10", "gift add --to"):
        assert "$ juwei " + command in out
    documents = sorted(p.name for p in (tmp_path / "d" / "documents").iterdir())
    assert "sentiment-2026-10.zh_CN.html" in documents
    assert "meeting-1-minutes.zh_CN.html" in documents and "meeting-1-notice.zh_CN.md" in documents
