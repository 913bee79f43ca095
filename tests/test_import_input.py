"""What a clerk's roster file holds that looks right and is not: full-width numbers, year-last dates,
births in the future, under-age party members, a workbook that under-states its size, foreign encodings,
a quote left open. Each is read correctly, or refused naming the row and column, with nothing written."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from import_files import EN, ROWS, ZH, write_csv, write_xlsx
from juwei.rules.idnumber import make_id

pytestmark = pytest.mark.storage

TODAY = "2026-11-20"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", TODAY)


def _members(cli):
    return {m["name"]: m for m in cli.json("member", "list", "--all", "--reveal")}


def shrink_dimension(path: Path, ref: str = "A1:B2") -> Path:
    """Rewrite the worksheet's ``<dimension ref=…>`` (the size the file claims) without touching its rows,
    as some generators and hand-edited files leave it."""
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    shrunk = path.with_name("shrunk-" + path.name)
    with zipfile.ZipFile(shrunk, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            if info.filename.startswith("xl/worksheets/sheet"):
                data, n = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="%s"' % ref.encode(), data)
                assert n == 1
            out.writestr(info, data)
    return shrunk


# ---------------------------------------------------------------- issue 11 item 4: <dimension>

def test_a_workbook_under_stating_its_size_is_read_to_the_last_row(community, tmp_path):
    path = shrink_dimension(write_xlsx(tmp_path / "roster.xlsx"))
    report = community.json("member", "import", str(path))
    assert (report["rows"], report["added"]) == (3, 3)
    members = _members(community)
    assert set(members) == {"张伟", "李强", "王芳"}
    assert members["王芳"]["household"] == "01002" and members["王芳"]["group"] == "第二居民小组"


# ---------------------------------------------------------------- issue 10 item 11: full-width digits

def test_full_width_household_and_phone_are_the_same_as_plain_ones(community, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][4] = "０１００１"  # the same household as row 2's 01001
    rows[2][7] = "１３９－０００２－２２２２"
    report = community.json("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert report["households_added"] == 2  # not 3
    members = _members(community)
    assert members["李强"]["household"] == "01001"
    assert members["王芳"]["phone"] == "139-0002-2222"
    # options too: a full-width household number names the same household
    new = community.json("member", "add", "--name", "赵六", "--household", "０１００２")["id"]
    assert community.json("member", "show", str(new))["household"] == "01002"
    community.fails("household", "add", "０１００１")  # already exists


def test_digits_that_only_look_like_digits_are_not_a_phone(community, tmp_path, unchanged):
    rows = [list(ROWS[0])]
    rows[0][7] = "138²"
    with unchanged():
        err = community.fails("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert "row 2, column phone" in err


# ---------------------------------------------------------------- issue 10 item 10: year-last dates

@pytest.mark.parametrize("cell,readings", [("01/02/1980", ("1980-01-02", "1980-02-01")),
                                           ("05.12.1980", ("1980-05-12", "1980-12-05"))])
def test_a_year_last_date_cell_is_refused_with_both_readings(community, tmp_path, unchanged, cell, readings):
    rows = [list(ROWS[1])]
    rows[0][1], rows[0][2] = "", cell  # no ID number: the date is the clerk's only word
    with unchanged():
        err = community.fails("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert "row 2, column birth_date" in err and all(r in err for r in readings)


@pytest.mark.parametrize("command", [
    ("rules", "show", "--on", "{d}"),
    ("member", "list", "--on", "{d}"),
    ("rep", "list", "--on", "{d}"),
])
def test_a_year_last_date_option_is_refused_with_both_readings(community, unchanged, command):
    with unchanged():
        err = community.fails(*[part.format(d="01/02/2026") for part in command])
    assert "--on" in err and "2026-01-02" in err and "2026-02-01" in err


# ---------------------------------------------------------------- issue 11 item 13: implausible dates

@pytest.mark.parametrize("column,cell,reason", [
    ("birth_date", "2099-01-01", "after today"),
    ("birth_date", "1850-06-01", "before 1900-01-01"),
    ("birth_date", "-5", "not a whole date"),
    ("birth_date", "1999-12", "not a whole date"),
    ("id_number", make_id("110105", dt.date(3000, 1, 1), 12), "after today"),
    ("id_number", make_id("110105", dt.date(1899, 12, 31), 12), "before 1900-01-01"),
    ("political_rights", "剥夺 1800-01-01~2027-12-31", "before 1900-01-01"),
])
def test_implausible_dates_are_refused_naming_row_and_column(community, tmp_path, unchanged, column, cell, reason):
    rows = [list(ROWS[1])]
    rows[0][EN.index(column)] = cell
    if column != "id_number":
        rows[0][1] = ""  # the ID number would decide the birth date
    with unchanged():
        err = community.fails("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert f"row 2, column {column}" in err and reason in err


def test_implausible_dates_typed_as_options_are_refused(community, unchanged):
    member = community.json("member", "add", "--name", "张三", "--birth-date", "1980-01-01")["id"]
    with unchanged():
        assert "after today" in community.fails("member", "add", "--name", "李四", "--birth-date", "2099-01-01")
        assert "before 1900-01-01" in community.fails("member", "update", str(member), "--moved-in", "1800-01-01")
        assert "before 1900-01-01" in community.fails("member", "leave", str(member), "--on", "1800-01-01")
        assert "after today" in community.fails("member", "leave", str(member), "--on", "2027-01-01")
        assert "not a whole date" in community.fails("member", "update", str(member), "--birth-date", "1999-12")


# ---------------------------------------------------------------- issue 10 item 9: party members under 18

def test_a_party_member_under_18_is_warned_about_per_row(community, tmp_path):
    child = make_id("110105", dt.date(2013, 5, 1), 13)
    seventeen = make_id("110105", dt.date(2008, 11, 21), 15)  # 18 on 2026-11-21, the day after "today"
    eighteen = make_id("110105", dt.date(2008, 11, 20), 17)  # 18 today
    rows = [("小明", child, "", "", "01003", "", "", "", "", "是"),
            ("小红", seventeen, "", "", "01003", "", "", "", "", "党员"),
            ("小刚", eighteen, "", "", "01003", "", "", "", "", "是"),
            ("小华", make_id("110105", dt.date(2013, 6, 1), 19), "", "", "01003", "", "", "", "", "否")]
    path = str(write_csv(tmp_path / "roster.csv", rows, headers=ZH))
    result = community("member", "import", path)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "party member" in line]
    assert len(warnings) == 2, result.stderr
    assert "row 2, column 党员" in warnings[0] and "2013-05-01" in warnings[0] and "18" in warnings[0]
    assert "row 3, column 党员" in warnings[1]
    report = community.json("member", "import", path)  # the same rows again: still warned, in JSON too
    assert [(w["row"], w["column"]) for w in report["warnings"]] == [(2, "党员"), (3, "党员")]


# ---------------------------------------------------------------- issue 11 item 13: encodings and quotes

BIG5 = ("姓名,身份證號,性別,戶號\n陳大文,110105194912310021,男,0301\n林美玲,11010519491231002X,女,0302\n", "big5")
SJIS = ("氏名,身分証番号,性別,世帯番号\n山田太郎,110105194912310021,男,0301\n佐藤花子,11010519491231002X,女,0302\n",
        "shift_jis")


@pytest.mark.parametrize("text,encoding,named", [(*BIG5, "Big5"), (*SJIS, "Shift-JIS")])
def test_big5_and_shift_jis_files_are_refused_naming_the_encoding(community, tmp_path, unchanged, text, encoding,
                                                                   named):
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode(encoding))
    with unchanged():
        err = community.fails("member", "import", str(path))
    assert "not UTF-8 or GB18030" in err and named in err


def test_gb18030_with_rare_name_characters_is_still_read(community, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][0], rows[1][0] = "张喆", "李堃"  # GBK-only characters, common in names
    report = community.json("member", "import", str(write_csv(tmp_path / "r.csv", rows, headers=ZH,
                                                                encoding="gb18030")))
    assert report["encoding"] == "gb18030" and report["added"] == 3


@pytest.mark.parametrize("tail", ["", "李四,110105194912310021,0302\n", '李四,110105194912310021,"0302"\n'])
def test_an_unclosed_quote_is_refused_naming_its_row(community, tmp_path, unchanged, tail):
    path = tmp_path / "roster.csv"
    path.write_text("姓名,身份证号,户号\n王五,11010519491231002X,0300\n\"张三,110105198001010016,0301\n" + tail,
                    encoding="utf-8")
    with unchanged():
        err = community.fails("member", "import", str(path))
    assert "row 3" in err and "quote" in err
    assert "110105198001010016" not in err


def test_well_formed_quotes_are_still_read(community, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text('姓名,身份证号,户号,住址\n"张三",11010519491231002X,0301,"和平里1号楼,""东""101"\n',
                    encoding="utf-8")
    assert community.json("member", "import", str(path))["added"] == 1
    assert community.json("household", "list")[0]["address"] == '和平里1号楼,"东"101'


def test_groups_and_households_typed_full_width_are_the_ones_a_file_names(community, tmp_path):
    community.ok("group", "add", "第１居民小组")
    community.ok("household", "add", "０１００１", "--group", "第1居民小组")
    rows = [list(r) for r in ROWS[:2]]
    rows[0][5], rows[1][5] = "第１居民小组", "第1居民小组"
    report = community.json("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert (report["groups_added"], report["households_added"]) == (0, 0)
    assert [g["name"] for g in community.json("group", "list")] == ["第1居民小组"]
