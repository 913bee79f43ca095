"""The monthly report to the street office (S12) as a file: Markdown, HTML and a spreadsheet read back with
openpyxl; no phone or ID number in any of them; a resident's name only where the clerk entered one."""

from __future__ import annotations

import pytest


@pytest.fixture
def month(community, monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", "2026-04-02")
    community.ok("group", "add", "第一居民小组")
    community.ok("household", "add", "01001", "--group", "第一居民小组")
    community.ok("member", "add", "--name", "王五", "--id-number", "11010519491231002X", "--household", "01001",
                 "--phone", "13812345678")
    community.ok("sentiment", "add", "--category", "6", "--source", "visit", "--text", "=SUM(A1) 聚集苗头",
                 "--household", "01001", "--received", "2026-03-05")
    community.ok("sentiment", "add", "--category", "2", "--source", "phone", "--text",
                 "求助，身份证11010519491231002X，电话13812345678", "--from", "李四", "--received", "2026-03-09")
    community.ok("sentiment", "reported", "1", "--to", "街道党工办", "--on", "2026-03-05")
    community.ok("sentiment", "update", "2", "--status", "resolved", "--note", "已上门帮扶", "--on", "2026-03-10")
    return community


def test_the_spreadsheet_opens_with_counts_and_items(month, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "report.xlsx"
    assert month.ok("sentiment", "report", "--month", "2026-03", "--out", str(path), "--lang", "en").strip() == \
        str(path)
    book = load_workbook(path)
    counts, items = book.worksheets
    values = [[c for c in row] for row in counts.iter_rows(values_only=True)]
    assert ["6 stability", 1] in [list(r[:2]) for r in values]
    assert ["phone", 1] in [list(r[:2]) for r in values]
    rows = list(items.iter_rows(values_only=True))
    assert rows[0][:3] == ("id", "received", "category") and len(rows) == 3
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    assert "13812345678" not in text and "11010519491231002X" not in text and "王五" not in text
    assert "李四" in text and "已上门帮扶" in text
    assert rows[1][6].startswith("'=")  # a formula typed as text stays text
    zh = tmp_path / "report-zh.xlsx"
    month.ok("sentiment", "report", "--month", "2026-03", "--out", str(zh))  # the community's language
    book = load_workbook(zh)
    assert book.sheetnames == ["统计", "逐条"]
    assert book.worksheets[0]["A1"].value == "东城社区2026年3月社情民意报告"
    assert list(book.worksheets[1].iter_rows(values_only=True))[1][2] == "影响稳定问题"


def test_markdown_and_html_files_and_the_refusals(month, tmp_path, unchanged):
    out = tmp_path / "report.html"
    month.ok("sentiment", "report", "--month", "2026-03", "--out", str(out))
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "13812345678" not in html and "李四" in html
    md = month.ok("sentiment", "report", "--month", "2026-03", "--lang", "zh_CN")
    assert "2026年3月社情民意报告" in md and "王五" not in md
    with unchanged():
        assert "--out" in month.fails("sentiment", "report", "--month", "2026-03", "--format", "xlsx")
        assert "--format" in month.fails("sentiment", "report", "--month", "2026-03", "--format", "pdf")
        assert "--month" in month.fails("sentiment", "report", "--month", "2026-3x")
        assert "--out" in month.fails("sentiment", "report", "--month", "2026-03", "--out", str(out))
        assert "--sent" in month.fails("sentiment", "report", "--month", "2026-03", "--sent", "2026-02-01")
        assert "no sentiment item 9" in month.fails("sentiment", "render", "9", "--doc", "urgent-report")
        assert "usage" in month.fails("sentiment", "render", "1", "--doc", "minutes", code=2).lower()
    sheet = month.ok("sentiment", "render", "1", "--doc", "urgent-report", "--lang", "zh_CN")
    assert "紧急民情报告单" in sheet and "街道党工办" in sheet
