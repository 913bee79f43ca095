"""姓氏笔画为序: candidates in the stroke order of their names (LAW.md "Elections and evaluations as they are
run"), pinned on real surnames."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juwei.rules.strokes import char_key, in_table, stroke_key, stroke_sorted

# The hundred-odd most common surnames, in the order an official list prints them, with their strokes and
# their strokes in writing order (1 横, 2 竖, 3 撇, 4 点, 5 折) from the national stroke-order standard.
IN_ORDER = ("丁于万马王韦毛方尹孔邓石龙卢叶田史付白冯司吕朱任向刘闫江汤许孙严苏杜李杨肖吴邱何余邹汪沈宋张陆陈邵武范林"
            "欧罗金周郑孟赵郝胡钟段侯姜姚贺秦袁莫贾夏顾钱徐高郭唐陶黄曹龚崔梁彭董蒋韩覃程曾谢雷蔡廖谭熊黎潘薛戴魏")
STROKES = {"丁": 2, "于": 3, "万": 3, "马": 3, "王": 4, "韦": 4, "毛": 4, "方": 4, "尹": 4, "孔": 4, "邓": 4,
           "石": 5, "叶": 5, "田": 5, "白": 5, "冯": 5, "刘": 6, "许": 6, "孙": 6, "李": 7, "张": 7, "陈": 7,
           "吴": 7, "何": 7, "汪": 7, "林": 8, "周": 8, "赵": 9, "胡": 9, "徐": 10, "高": 10, "黄": 11,
           "梁": 11, "曾": 12, "谢": 12, "雷": 13, "蔡": 14, "黎": 15, "潘": 15, "薛": 16, "戴": 17, "魏": 17}


def test_common_surnames_fall_in_the_order_of_official_lists():
    shuffled = list(IN_ORDER)
    random.Random(15).shuffle(shuffled)
    assert "".join(stroke_sorted(shuffled)) == IN_ORDER
    assert all(in_table(c) for c in IN_ORDER)


def test_fewer_strokes_come_first():
    ordered = [c for c in IN_ORDER if c in STROKES]
    assert [STROKES[c] for c in ordered] == sorted(STROKES[c] for c in ordered)


def test_the_issues_surnames():
    assert "".join(stroke_sorted("陈李张刘白王马于万丁")) == "丁于万马王白刘李张陈"


def test_the_order_of_an_official_list_not_icus_stroke_collation():
    """The 19th Central Committee's list (按姓氏笔画为序) opens with the surnames 丁 于 万 习 马 王; ICU's
    zh@collation=stroke would put 万 before 于 and count 阝 as three strokes and 艹 as four."""
    assert "".join(stroke_sorted("王马习万于丁")) == "丁于万习马王"
    assert "".join(stroke_sorted("林苏陈石邓")) == "邓石苏陈林"  # 邓 4, 石 5, 苏 7 (横), 陈 7 (折), 林 8


@pytest.mark.parametrize("same_strokes,in_order", [
    ("孔方毛王", "王毛方孔"),  # 4 strokes: first stroke 横 王, 撇 毛, 点 方, 折 孔
    ("冯白田叶石", "石叶田白冯"),  # 5: 横 石; 竖 叶 田 (25112 before 25121); 撇 白; 点 冯
    ("陈张汪何吴李", "李吴何汪张陈"),  # 7: 横 李, 竖 吴, 撇 何, 点 汪, 折 张 陈 (second stroke: 1 before 2)
    ("万于", "于万"),  # 3: both 横 first; second stroke 横 (于) before 折 (万)
    ("魏戴", "戴魏"),  # 17: 横 戴, 撇 魏
])
def test_equal_strokes_go_by_the_strokes_in_writing_order(same_strokes, in_order):
    assert "".join(stroke_sorted(same_strokes)) == in_order


def test_the_given_name_decides_between_equal_surnames():
    names = ["王芳", "王一", "王", "王小红", "王一鸣"]
    assert stroke_sorted(names) == ["王", "王一", "王一鸣", "王小红", "王芳"]


def test_two_character_surnames_go_by_their_first_character_then_their_second():
    names = ["欧阳明", "欧伟", "欧小红", "司徒雷", "司马光", "王五", "诸葛亮", "林"]
    # 王 (4) < 司 (5) < 林, 欧 (8, both 横 first; second stroke 竖 before 撇) < 诸 (10); 司马 (马 3) before
    # 司徒 (徒 10); 欧小红 (小 3) before 欧伟 (伟 6, 撇 first) before 欧阳明 (阳 6, 折 first)
    assert stroke_sorted(names) == ["王五", "司马光", "司徒雷", "林", "欧小红", "欧伟", "欧阳明", "诸葛亮"]


def test_items_are_sorted_by_the_name_given():
    rows = [(3, "陈红"), (1, "丁一"), (2, "王强")]
    assert [i for i, _ in stroke_sorted(rows, name=lambda r: r[1])] == [1, 2, 3]


def test_spaces_and_composed_forms_do_not_change_the_place():
    assert stroke_key("王 芳") == stroke_key("王芳") == stroke_key("王\u3000芳")


def test_characters_outside_the_table_come_last_by_code_point():
    assert stroke_sorted(["John", "丁一", "阿卜杜·热"]) == ["丁一", "阿卜杜·热", "John"]
    assert char_key("A") == (1, ord("A")) and not in_table("A")
    assert char_key("丁")[0] == 0


@given(st.lists(st.text(alphabet=IN_ORDER + "一二三小明红伟芳 ·A", max_size=4), max_size=20))
def test_the_order_is_total_and_stable(names):
    once = stroke_sorted(names)
    assert stroke_sorted(once) == once
    assert stroke_sorted(list(reversed(names))) == sorted(reversed(names), key=stroke_key)
    assert sorted(once) == sorted(names)
