"""A roster as clerks' spreadsheets really are: columns juwei does not keep (备注, 民族, 与户主关系), lines under
the table (制表人：…, 合计), full-width numbers; the dry run that says what would change; voided residents and
households in a file."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from import_files import ROWS, ZH, write_csv, write_xlsx
from juwei.rules.records import clean_label, clean_phone, filled_cells, footer_label, looks_like_name
from tests.conftest import table_snapshot

pytestmark = pytest.mark.storage

TODAY = "2026-11-20"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("JUWEI_TODAY", TODAY)


def _members(cli):
    return {m["name"]: m for m in cli.json("member", "list", "--all", "--reveal")}


def _run(cli, *args):
    """stdout and stderr of a command that succeeds."""
    result = cli(*args)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout, result.stderr


# ---------------------------------------------------------------- columns juwei does not keep

def test_unknown_columns_are_ignored_with_one_warning_and_ethnicity_is_never_kept(community, tmp_path):
    headers = ("序号", *ZH, "民族", "与户主关系", "备注")
    rows = [(i + 1, *row, "汉族", relation, "低保") for i, (row, relation) in enumerate(zip(ROWS, ("户主", "配偶", "户主")))]
    path = write_xlsx(tmp_path / "roster.xlsx", rows, headers=headers, text_ids=False)
    out, err = _run(community, "member", "import", str(path))
    assert out.startswith("added 3")
    (line,) = [w for w in err.splitlines() if "not imported" in w]
    assert "'民族', '备注'" in line and "民族: sensitive personal information, never kept" in line
    members = _members(community)
    assert community.json("member", "show", str(members["李强"]["id"]))["relationship"] == "配偶"
    stored = repr(table_snapshot(community.db))
    assert "汉族" not in stored and "低保" not in stored
    report = community.json("member", "import", str(path), "--dry-run")
    assert report["ignored_columns"] == ["民族", "备注"] and report["unchanged"] == 3


def test_an_ignored_column_is_not_read_even_for_a_formula(community, tmp_path):
    rows = [(*ROWS[0], "=HYPERLINK(\"http://example.com\")")]
    report = community.json("member", "import", str(write_csv(tmp_path / "a.csv", rows, headers=(*ZH, "备注"))))
    assert report["added"] == 1 and report["ignored_columns"] == ["备注"]


def test_a_file_without_relationship_leaves_the_recorded_one(community, tmp_path):
    rows = [(*ROWS[0], "户主")]
    community.ok("member", "import", str(write_csv(tmp_path / "a.csv", rows, headers=(*ZH, "与户主关系"))))
    community.ok("member", "import", str(write_csv(tmp_path / "b.csv", [ROWS[0]], headers=ZH)))
    (member,) = community.json("member", "list")
    assert community.json("member", "show", str(member["id"]))["relationship"] == "户主"
    community.ok("member", "update", str(member["id"]), "--relationship", "")
    assert community.json("member", "show", str(member["id"]))["relationship"] is None


# ---------------------------------------------------------------- lines under the table

def test_lines_under_the_table_are_skipped_as_footers(community, tmp_path):
    rows = [list(r) for r in ROWS] + [
        [None] * 10,
        ["制表人：赵敏", None, None, None, None, None, "审核人：钱七", None, None, None],
        ["合计：2户3人"],
        ["填表日期：2026年11月1日"],
        ["=COUNTA(A2:A4)"],
        [None, None, None, None, None, None, None, None, None, None, None, "东城社区居委会（盖章）"],
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", rows, title="东城社区居民花名册")
    out, err = _run(community, "member", "import", str(path))
    assert out.startswith("added 3") and "(3 rows from roster.xlsx)" in out
    assert "row(s) 7, 8, 9, 11 under the table are not residents" in err  # row 10's formula reads as blank
    assert "not in the file" not in err
    assert set(_members(community)) == {"张伟", "李强", "王芳"}


def test_a_lone_name_followed_by_residents_is_a_resident(community, tmp_path):
    rows = [list(ROWS[0]), ["赵六"] + [""] * 9, list(ROWS[1]), ["合计"], ["=COUNTA(A2:A4)"]]
    report = community.json("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert report["added"] == 3 and report["footer_rows"] == [5, 6]
    assert "赵六" in _members(community)


def test_a_name_alone_on_the_last_row_is_a_resident(community, tmp_path):
    rows = [list(ROWS[0]), ["赵六"] + [""] * 9, [""] * 9 + ["东城社区居委会（盖章）"], ["2026年11月20日"]]
    report = community.json("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert report["added"] == 2 and report["footer_rows"] == [4, 5]


@given(name=st.text(alphabet="王李张刘陈杨伟芳娜敏阿依古丽买提", min_size=1, max_size=6))
def test_a_name_alone_looks_like_a_name_and_a_footer_line_does_not(name):
    assert looks_like_name(name) and looks_like_name(name[:1] + "·" + name)
    for line in (name + "（盖章）", "2026年11月20日", "=COUNTA(A2:A9)", name + "：" + name, "共计" + name, "3户"):
        assert not looks_like_name(line)


def test_a_total_row_in_the_middle_is_not_a_resident_and_a_bad_row_still_refuses(community, tmp_path, unchanged):
    rows = [list(ROWS[0]), ["小计", "1"], list(ROWS[1]), ["乙", "110105194912310021"]]
    with unchanged():
        err = community.fails("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert "row 5, column id_number" in err and "row 3" not in err


_LABELS = ("制表人", "审核人", "填表日期", "合计", "制表", "说明", "负责人")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌海"


@given(label=st.sampled_from(_LABELS), separator=st.sampled_from(("：", ":", " ", "： ", "")),
       rest=st.text(alphabet="张李王一二三0123456789年月日户人", max_size=12),
       position=st.integers(0, 5))
def test_a_footer_label_is_recognised_wherever_its_cell_stands(label, separator, rest, position):
    text = label + separator + rest if separator or label in ("合计",) or not rest else label + "：" + rest
    cells = [None] * position + [text] + [None, "", "  "]
    assert footer_label(cells)


@given(surname=st.sampled_from(_SURNAMES), given_name=st.text(alphabet=_GIVEN, min_size=1, max_size=2),
       extra=st.lists(st.one_of(st.none(), st.text(alphabet="0123456789-男女是否", max_size=18)), max_size=9))
def test_a_resident_row_is_never_a_footer(surname, given_name, extra):
    cells = [surname + given_name, *extra]
    assert not footer_label(cells)
    assert filled_cells(cells) == 1 + sum(1 for c in extra if c and c.strip())


# ---------------------------------------------------------------- full-width digits

_FULL = str.maketrans("0123456789-", "０１２３４５６７８９－")


@given(number=st.text(alphabet="0123456789", min_size=1, max_size=8))
def test_a_full_width_household_number_is_the_plain_one(number):
    assert clean_label("household", number.translate(_FULL), 64) == number
    assert clean_label("household", "　" + number.translate(_FULL) + " ", 64) == number


@given(phone=st.from_regex(r"1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-[0-9]{7,8}", fullmatch=True))
def test_a_full_width_phone_is_the_plain_one(phone):
    assert clean_phone(phone.translate(_FULL)) == phone


def test_full_width_household_in_a_file_is_the_household(community, tmp_path):
    community.ok("household", "add", "0303")
    rows = [list(ROWS[0])]
    rows[0][4], rows[0][7] = "０３０３", "１３８００００１１１１"
    report = community.json("member", "import", str(write_csv(tmp_path / "roster.csv", rows)))
    assert report["households_added"] == 0
    member = _members(community)["张伟"]
    assert member["household"] == "0303" and member["phone"] == "13800001111"


# ---------------------------------------------------------------- the dry run

def _changed_file(path):
    rows = [list(r) for r in ROWS[:2]]
    rows[1][7] = "13600003333"  # 李强: a new phone
    rows[1][4], rows[1][5], rows[1][6] = "01002", "第二居民小组", "和平里2号楼202"  # and another household
    rows.append(["赵敏", "110105200001010016", "", "", "01003", "", "", "", "", ""])  # new; 王芳 not in the file
    return write_csv(path, rows)


def test_the_dry_run_names_what_would_change_and_writes_nothing(community, tmp_path, unchanged):
    community.ok("member", "import", str(write_csv(tmp_path / "roster.csv")))
    path = _changed_file(tmp_path / "new.csv")
    with unchanged():
        out, err = _run(community, "member", "import", str(path), "--dry-run")
    assert "would have added 1, updated 1, unchanged 1" in out
    assert "new residents (1):\n  row 4: 赵敏, household 01003" in out
    assert "updated residents (1):" in out
    changed = next(line for line in out.splitlines() if "李强" in line)
    assert "row 3: 李强" in changed and "household 01001 → 01002" in changed
    assert "phone - → 136****3333" in changed and "13600003333" not in out
    assert "on the roster but not in the file (1)" in out and "王芳, household 01002" in out
    with unchanged():
        report = community.json("member", "import", str(path), "--dry-run")
    assert [m["name"] for m in report["new_members"]] == ["赵敏"]
    (change,) = report["changed_members"]
    assert change["changes"]["household"] == ["01001", "01002"]
    assert change["changes"]["phone"] == [None, "136****3333"]
    assert [m["name"] for m in report["missing_members"]] == ["王芳"] and report["missing"] == 1
    # the real import does what the dry run said, and hints at who is missing
    out, err = _run(community, "member", "import", str(path))
    assert out.startswith("added 1, updated 1, unchanged 1")
    assert "1 resident(s) on the roster are not in the file" in err
    assert _members(community)["李强"]["household"] == "01002"


def test_the_dry_run_in_chinese_shows_labels_not_codes(community, tmp_path):
    community.ok("member", "import", str(write_csv(tmp_path / "roster.csv")))
    path = _changed_file(tmp_path / "new.csv")
    out, err = _run(community, "--lang", "zh_CN", "member", "import", str(path), "--dry-run")
    assert "新增居民（1）" in out and "电话" in out and "户号 01001 → 01002" in out
    for code in ("phone", "household_id", "household ", "row "):
        assert code not in out


# ---------------------------------------------------------------- voided residents and households in a file

def test_a_voided_resident_in_the_file_is_skipped_and_a_voided_household_refused(community, tmp_path, unchanged):
    path = write_csv(tmp_path / "roster.csv")
    community.ok("member", "import", str(path))
    wang = _members(community)["王芳"]["id"]
    community.ok("member", "void", str(wang), "--reason", "不是本社区居民")
    out, err = _run(community, "member", "import", str(path))
    assert out.startswith("added 0, updated 0, unchanged 2")
    assert f"row 4, column id_number: names member {wang}, voided on {TODAY}" in err
    assert "王芳" not in _members(community)
    community.ok("member", "update", str(_members(community)["张伟"]["id"]), "--household", "01002")
    community.ok("member", "update", str(_members(community)["李强"]["id"]), "--household", "01002")
    community.ok("household", "void", "01001", "--reason", "户号录错")
    with unchanged():
        err = community.fails("member", "import", str(path))
    assert "row 2, column household: household 01001 was voided on" in err
