"""juwei's Markdown subset (render.markdown): one reading, two printouts that show the same text."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from juwei.render.markdown import to_html, to_markdown


def _text(rendered: str) -> str:
    """What a reader sees: tags dropped, entities read, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def _commonmark(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(text)


def test_a_line_starting_with_a_pipe_that_is_no_table_is_text():
    # this body once sent `disclose render` into an endless loop
    assert to_html("| 不是表格") == "<p>| 不是表格</p>"
    assert to_html("前言\n| a | b |") == "<p>前言</p>\n<p>| a | b |</p>"
    assert _text(_commonmark(to_markdown("| 不是表格"))) == "| 不是表格"


def test_the_subset_keeps_its_structure_in_both_printouts():
    body = "## 标题\n\n**注意** <b>x</b>\n\n- 一 [链接](javascript:x)\n- 二\n\n| a | b |\n|---|---:|\n| 1 | <i>2</i> |\n"
    md = to_markdown(body)
    assert "|---|---:|" in md and "## 标题" in md and "**注意**" in md and "- 一" in md
    rendered = _commonmark(md)
    assert "<strong>注意</strong>" in rendered and "<table>" in rendered and "<li>" in rendered
    assert "<b>" not in rendered and "<i>" not in rendered and "<a " not in rendered
    assert _text(rendered) == _text(to_html(body))


@given(st.text(alphabet="张三 ab<>[]()!`#_&|-+=.~\\{}1\n", max_size=60))
def test_markdown_and_html_printouts_show_the_same_text(body):
    rendered = _commonmark(to_markdown(body))
    assert not re.search(r"<(?!/?(p|h[1-6]|ul|li|table|thead|tbody|tr|th|td|strong|br)\b)", rendered), rendered
    assert _text(rendered) == _text(to_html(body))


def test_html_is_markdown_it_rendering_the_markdown_printout():
    body = "## 标题\n\n第一行\n第二行 'q' & <b>x</b>\n\n- 一\n- 二\n\n| a | b |\n|---|---:|\n| 1 | 2 |"
    assert to_html(body) == (
        "<h3>标题</h3>\n<p>第一行<br>第二行 &#x27;q&#x27; &amp; &lt;b&gt;x&lt;/b&gt;</p>\n"
        "<ul><li>一</li><li>二</li></ul>\n"
        '<table><thead><tr><th style="text-align:left">a</th><th style="text-align:right">b</th></tr></thead>'
        '<tbody><tr><td style="text-align:left">1</td><td style="text-align:right">2</td></tr></tbody></table>')


def test_a_masked_number_keeps_every_star_in_both_printouts():
    body = "身份证110105********0021,电话 138****5678,**注意**"
    assert "110105\\*\\*\\*\\*\\*\\*\\*\\*0021" in to_markdown(body)
    rendered = to_html(body)
    assert "110105********0021" in rendered and "138****5678" in rendered and "<strong>注意</strong>" in rendered
