"""Escaping, privacy, the clerk's own templates (sandboxed), and clear errors for broken templates."""

from __future__ import annotations

from pathlib import Path

import pytest


HOSTILE_TOPIC = "<script>alert('x')</script> **加粗** [链接](http://example.com) | 管道 # 标题"
HOSTILE_PLACE = "<b>社区</b>活动室 & 会议室"


@pytest.fixture
def hostile(convened):
    """A meeting whose topic and place hold HTML and Markdown, and whose roll holds a hostile name."""
    clerk, _ = convened
    member = clerk.json("member", "add", "--name", "<img src=x onerror=alert(1)>*王*", "--birth-date",
                        "1970-01-01", "--household", "01001")["id"]
    clerk.ok("rep", "add", member, "--group", "第一居民小组", "--from", "2024-01-01")
    meeting = clerk.json("meeting", "convene", "--kind", "representatives", "--at", "2026-11-25 09:00",
                         "--place", HOSTILE_PLACE, "--topic", HOSTILE_TOPIC,
                         "--topic", "联系电话13812345678，身份证11010519491231002X")["id"]
    return clerk, meeting


def test_html_prints_hostile_text_literally(hostile):
    clerk, meeting = hostile
    for doc in ("notice", "signin"):
        page = clerk.ok("notice", "render", meeting, "--doc", doc, "--format", "html")
        assert "<script>" not in page and "<img" not in page and "<b>社区" not in page
        assert "&lt;b&gt;社区&lt;/b&gt;活动室 &amp; 会议室" in page
    notice = clerk.ok("notice", "render", meeting, "--doc", "notice", "--format", "html")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; **加粗**" in notice
    signin = clerk.ok("notice", "render", meeting, "--doc", "signin", "--format", "html")
    assert "&lt;img src=x onerror=alert(1)&gt;*王*" in signin


def test_markdown_prints_hostile_text_literally(hostile):
    from markdown_it import MarkdownIt

    clerk, meeting = hostile
    md = MarkdownIt("commonmark").enable("table")
    notice = md.render(clerk.ok("notice", "render", meeting, "--doc", "notice", "--format", "md"))
    assert "<script>" not in notice and "<strong>加粗" not in notice and "<a href" not in notice
    assert "&lt;script&gt;alert('x')&lt;/script&gt; **加粗** [链接](http://example.com) | 管道 # 标题" in notice
    assert "&lt;b&gt;社区&lt;/b&gt;活动室 &amp; 会议室" in notice
    signin = md.render(clerk.ok("notice", "render", meeting, "--doc", "signin", "--format", "md"))
    assert "<img" not in signin and "<em>" not in signin
    assert "<td>&lt;img src=x onerror=alert(1)&gt;*王*</td>" in signin  # one cell: the pipe table holds


def test_phones_and_id_numbers_typed_into_a_topic_are_masked(hostile):
    clerk, meeting = hostile
    for fmt in ("md", "html"):
        page = clerk.ok("notice", "render", meeting, "--doc", "notice", "--format", fmt)
        assert "13812345678" not in page and "11010519491231002X" not in page
        shown = page.replace("\\*", "*")  # Markdown escapes the mask's stars
        assert "138****5678" in shown and "110105********002X" in shown


def _templates(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "letterhead"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_a_custom_template_overrides_one_document_only(tmp_path, convened):
    clerk, meeting = convened
    root = _templates(tmp_path, {"zh_CN/notice.md.j2": "# {{ community.committee }}（自定义抬头）\n\n{{ meeting.place }}\n"})
    notice = clerk.ok("notice", "render", meeting, "--doc", "notice", "--templates", root)
    assert notice == "# 东城社区居民委员会（自定义抬头）\n\n东城社区党群服务中心二楼会议室\n"
    signin = clerk.ok("notice", "render", meeting, "--doc", "signin", "--templates", root)
    assert signin.startswith("# 东城社区居民代表会议签到表")  # still the packaged one


def test_a_custom_html_template_may_extend_the_packaged_base(tmp_path, convened):
    clerk, meeting = convened
    root = _templates(tmp_path, {"zh_CN/notice.html.j2": (
        '{% extends "base.html.j2" %}{% block body %}<h1 class="title">{{ meeting.topics[0] }}</h1>'
        '{% endblock %}')})
    page = clerk.ok("notice", "render", meeting, "--doc", "notice", "--format", "html", "--templates", root)
    assert "size: A4" in page and '<h1 class="title">听取和审议社区居民委员会2026年下半年工作报告</h1>' in page


@pytest.mark.parametrize("body,expected", [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "zh_CN/notice.md.j2, line 1"),
    ("line one\n{{ cycler.__init__.__globals__.os.system('true') }}", "zh_CN/notice.md.j2, line 2"),
    ("ok\n\n{{ meeting.topics.append('x') }}\n", "zh_CN/notice.md.j2, line 3"),
])
def test_the_sandbox_refuses_unsafe_templates(tmp_path, convened, unchanged, body, expected):
    clerk, meeting = convened
    root = _templates(tmp_path, {"zh_CN/notice.md.j2": body})
    with unchanged():
        result = clerk("notice", "render", meeting, "--doc", "notice", "--templates", root)
    assert result.exit_code == 1, result.output
    assert expected in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("body,expected", [
    ("# {{ meeting.place }\n", "line 1"),
    ("ok\nok\n{% for topic in meeting.topics %}\n{{ topic }}\n", "line 4"),
    ("ok\n{{ meeting.no_such_field }}\n", "line 2"),
    ("ok\n\n{{ meeting.place|no_such_filter }}\n", "line 3"),
    ("{% include 'zh_CN/missing.md.j2' %}", "zh_CN/missing.md.j2"),
    ("{% extends 'zh_CN/notice.md.j2' %}", "RecursionError"),
])
def test_a_broken_custom_template_names_its_file_and_line(tmp_path, convened, body, expected):
    clerk, meeting = convened
    root = _templates(tmp_path, {"zh_CN/notice.md.j2": body})
    result = clerk("notice", "render", meeting, "--doc", "notice", "--templates", root)
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert message.startswith("error: template ") and expected in message, message
    assert "notice.md.j2" in message and "Traceback" not in result.output


def test_a_missing_templates_folder_is_refused(tmp_path, convened):
    clerk, meeting = convened
    result = clerk("notice", "render", meeting, "--doc", "notice", "--templates", tmp_path / "nowhere")
    assert result.exit_code == 1 and "is not a folder" in result.stderr


def test_packaged_templates_are_found_and_complete():
    from juwei.render import DOCUMENTS, FORMATS, LANGUAGES
    from juwei.render.environment import packaged_templates, template_name

    root = packaged_templates()
    assert (root / "base.html.j2").is_file()
    for doc in DOCUMENTS:
        for lang in LANGUAGES:
            for fmt in FORMATS:
                assert (root / template_name(doc, lang, fmt)).is_file(), (doc, lang, fmt)


def test_templates_come_from_the_package_when_installed(tmp_path, monkeypatch):
    """In a wheel the templates are juwei/templates (force-included); editable installs use the repository's."""
    import importlib.resources

    from juwei.render import environment

    package = tmp_path / "juwei"
    (package / "templates").mkdir(parents=True)
    monkeypatch.setattr(importlib.resources, "files", lambda name: package)
    environment.packaged_templates.cache_clear()
    try:
        assert environment.packaged_templates() == package / "templates"
    finally:
        monkeypatch.undo()
        environment.packaged_templates.cache_clear()
    assert environment.packaged_templates().name == "templates"
    assert (environment.packaged_templates() / "zh_CN" / "notice.html.j2").is_file()


def test_a_community_keeps_its_own_letterhead(tmp_path, convened):
    clerk, meeting = convened
    root = _templates(tmp_path, {"zh_CN/_letterhead.html.j2": (
        '<div class="letterhead" style="color: #1a4fa0">{{ community.committee }}<br>'
        '<small>和平里街道</small></div>\n<hr class="red">\n')})
    page = clerk.ok("notice", "render", meeting, "--doc", "notice", "--format", "html", "--templates", root)
    assert '<div class="letterhead" style="color: #1a4fa0">东城社区居民委员会<br><small>和平里街道</small></div>' in page
    assert "关于召开东城社区居民代表会议的通知" in page  # the rest of the packaged notice is unchanged
