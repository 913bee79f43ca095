"""Welfare publicity lists (S23) and printouts: nothing personal beyond what S23 needs is ever printed."""

import re

ID_ADULT = "11010519491231002X"
ID_MINOR = "110105201503070013"  # born 2015-03-07


def _welfare_csv(tmp_path, rows, name="welfare.csv", encoding="utf-8-sig"):
    text = "姓名,家庭人口,救助类别,金额,身份证号,备注\n" + "".join(rows)
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_welfare_list_prints_only_public_fields(community, today, tmp_path, unchanged):
    path = _welfare_csv(tmp_path, [
        f"张三,3,低保,\"1,200.00\",{ID_ADULT},糖尿病 电话13812345678\n",
        f"李小明,1,临时救助,500,{ID_MINOR},\n",
        f"王五 {ID_ADULT},２人,低保,800.5,,住和平里12号楼3单元402室\n",
    ], encoding="gb18030")
    d = community.json("disclose", "welfare", "--list", path, "--benefit", "2026年11月低保", "--starts",
                       "2026-11-01", "--contact", "居委会 010-6512 3456")["id"]
    row = community.json("disclose", "show", str(d))
    body = row["body"]
    assert "张三" in body and "1,200.00" in body and "| 3 |" in body
    assert "李小明" not in body and "未成年人" in body  # minors are not named
    for secret in (ID_ADULT, "19491231", ID_MINOR, "13812345678", "糖尿病", "402", "和平里"):
        assert secret not in body, secret
    assert row["until"] == "2026-10-31"
    due = community.json("disclose", "due")
    assert [(o["rule"], o["subject"], o["due"]) for o in due] == [("S23", "welfare:1", "2026-10-25")]
    for fmt in ("md", "html"):
        out = community.ok("disclose", "render", str(d), "--format", fmt)
        for secret in (ID_ADULT, "19491231", "13812345678", "糖尿病", "402"):
            assert secret not in out, (fmt, secret)
        assert "010-6512 3456" in out  # the committee's contact is printed
    community.ok("disclose", "post", str(d), "--on", "2026-10-20")
    assert community.json("disclose", "due") == []


def test_welfare_refusals_change_nothing(community, today, tmp_path, unchanged):
    good = _welfare_csv(tmp_path, ["张三,3,低保,100,,\n"])
    bad = _welfare_csv(tmp_path, ["张三,three,低保,100,,\n", "李四,2,低保,-1,,\n", ",2,低保,1,,\n",
                                  "赵六,2,低保,1,110105194912310021,\n"], name="bad.csv")
    with unchanged():
        err = community.fails("disclose", "welfare", "--list", bad, "--benefit", "低保", "--starts", "2026-11-01")
        assert "row 2: household_size" in err and "row 3: amount" in err and "row 4: name" in err
        assert "row 5: id_number" in err and "110105194912310021" not in err
        # too late: the objection window (7 days) cannot run before 10-25
        err = community.fails("disclose", "welfare", "--list", good, "--benefit", "低保", "--starts", "2026-10-26")
        assert "2026-10-19" in err
        community.fails("disclose", "welfare", "--list", str(tmp_path / "none.csv"), "--benefit", "低保",
                        "--starts", "2026-11-01")


def test_render_escapes_and_carries_period_and_committee(community, today, tmp_path, unchanged):
    d = community.json("disclose", "add", "--category", "other", "--title", "<script>alert(1)</script>13812345678",
                       "--body", "**注意** <b>x</b>\n\n| a | b |\n|---|---:|\n| 1 | 2 |", "--until", "2026-12-31",
                       "--period", "2026-Q4")["id"]
    community.ok("disclose", "post", str(d), "--on", "2026-10-20")
    html = community.ok("disclose", "render", str(d))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<strong>注意</strong>" in html
    assert "13812345678" not in html and "138****5678" in html
    assert "&lt;b&gt;" in html and "<table>" in html and "@page" in html and "size: A4" in html
    assert "东城社区居民委员会" in html and "2026年10月20日" in html and "2026年12月31日" in html
    assert "2026年第四季度" in html and not re.search(r"(src|href)=\"https?:", html)  # the period in words
    md = community.ok("disclose", "render", str(d), "--format", "md")
    assert "期间 2026年第四季度" in md and "2026-Q4" not in md and "东城社区居民委员会" in md
    out = tmp_path / "one.html"
    community.ok("disclose", "render", str(d), "--out", str(out))
    assert out.read_text(encoding="utf-8") == html
    with unchanged():
        community.fails("disclose", "render", str(d), "--format", "docx")
        community.fails("disclose", "render", "99")


def test_board_on_a_day(community, today, tmp_path):
    a = community.json("disclose", "add", "--category", "duties", "--title", "分工", "--body", "x")["id"]
    b = community.json("disclose", "add", "--category", "other", "--title", "旧通知", "--body", "y",
                       "--until", "2026-10-05")["id"]
    c = community.json("disclose", "add", "--category", "other", "--title", "草稿", "--body", "z")["id"]
    planned = community.json("disclose", "add", "--category", "other", "--title", "计划张贴", "--body", "p",
                             "--post-on", "2026-10-04")["id"]
    community.ok("disclose", "post", str(a), "--on", "2026-10-01")
    community.ok("disclose", "post", str(b), "--on", "2026-10-01")
    out = community.json("disclose", "board", "--on", "2026-10-03", "--out-dir", str(tmp_path / "b"))
    assert out["disclosures"] == [a, b] and (tmp_path / "b" / "index.html").exists()
    index = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert "分工" in index and "旧通知" in index and "草稿" not in index
    out = community.json("disclose", "board", "--on", "2026-10-06", "--out-dir", str(tmp_path / "c"), "--format",
                         "md")
    assert out["disclosures"] == [a, planned] and (tmp_path / "c" / "index.md").exists()
    assert c not in out["disclosures"]
    assert "待张贴(2026年10月4日)" in (tmp_path / "c" / "index.md").read_text(encoding="utf-8")
    # a planned correction replaces what it corrects on the day it is due up
    fix = community.json("disclose", "add", "--category", "duties", "--title", "分工(更正)", "--body", "x2",
                         "--supersedes", str(a), "--post-on", "2026-10-07")["id"]
    out = community.json("disclose", "board", "--on", "2026-10-07", "--out-dir", str(tmp_path / "d"))
    assert out["disclosures"] == [fix, planned]


def test_welfare_list_from_xlsx(community, today, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["name", "household_size", "benefit", "amount"])
    sheet.append(["张三", 3.0, "低保", 1200.5])
    sheet.append(["李四", 1, "临时救助", "¥800"])
    path = tmp_path / "w.xlsx"
    book.save(path)
    d = community.json("disclose", "welfare", "--list", str(path), "--benefit", "低保", "--starts", "2026-11-01")["id"]
    body = community.json("disclose", "show", str(d))["body"]
    assert "| 1 | 张三 | 3 | 低保 | 1,200.50 |" in body and "| 2 | 李四 | 1 | 临时救助 | 800.00 |" in body
    assert "共 2 户,合计 2,000.50 元" in body


def test_table_cells_cannot_break_the_table(community, today, tmp_path):
    path = _welfare_csv(tmp_path, ['"张|三",3,"低保|x",100,,\n'])
    d = community.json("disclose", "welfare", "--list", path, "--benefit", "低保", "--starts", "2026-11-01")["id"]
    html = community.ok("disclose", "render", str(d))
    assert "张｜三" in html and html.count("<td") == 5
