"""Every packaged template, in both formats and languages, prints hostile database values as text.

A community is filled with values holding HTML and Markdown (names, a meeting's place and topics, motions,
notes, ledger descriptions, a welfare list, staff changes, a disclosure typed by the clerk) and every document
is rendered through the CLI. The templates are listed from the templates folder, so a new template fails here
until it is rendered with hostile values too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from documents_sample import Clerk
from juwei.render.environment import packaged_templates

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
IFRAME = "<iframe src=javascript:alert(1)>"
LINK = "[点我](javascript:alert(1)) ![图](x.png) <http://evil.example>"
# Tags a rendered printout may hold: the templates' own layout, and what Markdown makes of the subset.
FORBIDDEN_TAGS = {"script", "img", "iframe", "object", "embed", "svg", "form", "input", "link", "base"}
LOCAL_LINK = re.compile(r'^disclosure-\d{5}-[a-z]+\.(md|html)$')

TEMPLATES = sorted(p.relative_to(packaged_templates()).as_posix() for p in packaged_templates().rglob("*.j2"))
# The bodies juwei writes into disclosures (templates/<lang>/bodies/), by the disclosure's category.
BODY_TEMPLATES = {"finance": "finance", "welfare": "welfare", "personnel": "personnel",
                  "assembly": "meeting_notice", "resolution": "meeting_results", "duties": "duties",
                  "evaluation": "evaluation", "gifts": "gifts"}
MEETING_DOCS = {"notice": "convened", "signin": "convened", "seat-cards": "convened", "ballot": "voted", "result": "voted",
                "resolution": "voted", "minutes": "closed", "summary": "closed"}


def _community(db: str, locale: str, tmp: Path) -> dict[tuple[str, str], list[str]]:
    """One community full of hostile values; every document it prints, by (doc, fmt)."""
    clerk = Clerk(db, today="2026-11-20")
    out: dict[tuple[str, str], list[str]] = {}
    clerk.ok("init", "--name", "东城社区", "--code", "dc", "--locale", locale)
    clerk.ok("group", "add", "第一居民小组")
    members = []
    for n, name in enumerate([IMG + "王*建国*", SCRIPT + "李四", "张三 | 管道", "# 赵六", "- 孙七"], 1):
        clerk.ok("household", "add", f"0100{n}", "--group", "第一居民小组", "--address", IFRAME + f"{n}号楼")
        member = clerk.json("member", "add", "--name", name, "--birth-date", "1970-01-01", "--household",
                            f"0100{n}")["id"]
        clerk.ok("rep", "add", member, "--group", "第一居民小组", "--from", "2024-01-01")
        members.append(member)
    meeting = clerk.json("meeting", "convene", "--kind", "representatives", "--at", "2026-11-24 14:30",
                         "--place", IFRAME + "活动室", "--topic", SCRIPT + "议题", "--topic", LINK)["id"]
    clerk.ok("motion", "add", meeting, "--title", IMG + "加装电梯", "--text", LINK + "\n" + SCRIPT)

    def documents(stage: str) -> None:
        for doc, when in MEETING_DOCS.items():
            if when == stage:
                for lang in ("zh_CN", "en"):
                    for fmt in ("md", "html"):
                        out.setdefault((f"{lang}/{doc}", fmt), []).append(
                            clerk.ok("notice", "render", meeting, "--doc", doc, "--format", fmt, "--lang", lang))

    def post(disclosure: int) -> None:
        clerk.ok("disclose", "post", disclosure, "--on", clerk.env["JUWEI_TODAY"])

    documents("convened")
    post(clerk.json("disclose", "from-meeting", meeting, "--contact", SCRIPT)["id"])
    ledger = tmp / f"ledger-{locale}.csv"
    ledger.write_text("日期,金额,收支,类别,摘要,凭证号\n"
                      f"2026-07-03,20000,收入,{IFRAME},三季度经费,V001\n"
                      f"2026-07-10,5000,支出,社区建设,\"{IMG} {LINK}\",V002\n", encoding="utf-8")
    clerk.ok("ledger", "import", str(ledger))
    post(clerk.json("disclose", "finance", "--period", "2026-Q3")["id"])
    welfare = tmp / f"welfare-{locale}.csv"
    welfare.write_text(f"姓名,家庭人口,救助类别,金额\n{SCRIPT}张三,3,{IMG},1200\n\"{LINK}\",2,低保,800\n",
                       encoding="utf-8")
    post(clerk.json("disclose", "welfare", "--list", str(welfare), "--benefit", IFRAME + "低保",
                    "--starts", "2026-12-20", "--contact", IMG)["id"])
    clerk.ok("disclose", "staff-change", "--name", SCRIPT + "王五", "--change", IMG, "--reason", LINK,
             "--on", "2026-11-01")
    post(clerk.json("disclose", "personnel")["id"])
    clerk.ok("committee", "add", members[0], "--role", "director", "--from", "2024-01-01")
    clerk.ok("staff", "add", "--name", SCRIPT + "孙丽", "--position", "welfare", "--from", "2024-01-01",
             "--disclosed")
    clerk.ok("duty", "set", members[0], "--text", IMG + LINK, "--from", "2026-11-01")
    post(clerk.json("disclose", "duties", "--contact", IFRAME)["id"])
    evaluation = clerk.json("eval", "open", "--on", "2026-11-20")["id"]
    for doc, template in (("ballot", "evaluation_ballot"), ("review-form", "evaluation_review")):
        for lang in ("zh_CN", "en"):
            for fmt in ("md", "html"):
                out.setdefault((f"{lang}/{template}", fmt), []).append(
                    clerk.ok("eval", "render", evaluation, "--doc", doc, "--format", fmt, "--lang", lang))
    clerk.ok("eval", "count", evaluation, "--issued", 5, "--returned", 5, "--void", 0)
    clerk.ok("eval", "count", evaluation, members[0], "--excellent", 5)
    clerk.ok("eval", "count", evaluation, SCRIPT + "孙丽", "--competent", 5)
    clerk.ok("eval", "publish", evaluation, "--contact", IMG)  # posted on the day: a body of its own
    clerk.ok("gift", "add", "--to", members[0], "--offered-by", SCRIPT + LINK, "--what", IMG + "购物卡", "--value", "200",
             "--on", "2026-08-01", "--handled", "returned", "--note", IFRAME)
    post(clerk.json("disclose", "gifts", "--period", "2026-Q3")["id"])
    clerk.ok("grid", "assign", members[0], "--group", "第一居民小组")
    clerk.ok("community", "set", "office_phone", "010-6401 2345")
    for lang in ("zh_CN", "en"):
        for fmt in ("md", "html"):
            out.setdefault((f"{lang}/grid_board", fmt), []).append(
                clerk.ok("grid", "render", "--doc", "board", "--format", fmt, "--lang", lang))
    post(clerk.json("disclose", "add", "--category", "other", "--title", SCRIPT + "通知",
                    "--body", f"**注意** {SCRIPT}\n\n{IMG}\n\n- {LINK}\n\n| a | b |\n|---|---|\n| {IFRAME} | x |\n\n"
                              "<div onclick=alert(1)>\n\n1. 不是列表\n| 不是表格",
                    "--contact", IFRAME)["id"])
    clerk.env["JUWEI_TODAY"] = "2026-11-24"  # the meeting is held on its day
    clerk.ok("meeting", "checkin", meeting, "1-5")
    motion = clerk.json("motion", "list", meeting)[0]["id"]
    clerk.ok("vote", "count", motion, "--for", 5, "--against", 0, "--abstain", 0)
    documents("voted")
    clerk.ok("meeting", "minutes", meeting, "--add", SCRIPT + LINK)
    clerk.ok("meeting", "minutes", meeting, "--summary", IMG + "\n" + LINK)
    clerk.ok("meeting", "close", meeting, "--chair", "周明", "--recorder", "吴静")
    documents("closed")
    post(clerk.json("disclose", "from-meeting", meeting)["id"])
    clerk.ok("org", "add", "collectors", "--name", SCRIPT + "钱七", "--from", "2026-01-01")
    urgent = clerk.json("sentiment", "add", "--category", "6", "--source", "visit", "--text", LINK + "\n" + SCRIPT,
                        "--household", "01001", "--from", IMG + "张三", "--by", SCRIPT + "钱七")["id"]
    clerk.ok("sentiment", "reported", urgent, "--to", IFRAME + "街道", "--on", "2026-11-24")
    clerk.ok("sentiment", "update", urgent, "--status", "referred", "--note", LINK + IMG)
    for fmt in ("md", "html"):
        out.setdefault((f"{locale}/sentiment-report", fmt), []).append(
            clerk.ok("sentiment", "report", "--month", "2026-11", "--format", fmt))
        out.setdefault((f"{locale}/sentiment-urgent", fmt), []).append(
            clerk.ok("sentiment", "render", urgent, "--doc", "urgent-report", "--format", fmt))
    lang = locale
    for row in clerk.json("disclose", "list"):
        for fmt in ("md", "html"):
            printed = clerk.ok("disclose", "render", row["id"], "--format", fmt)
            out.setdefault((f"{lang}/disclosure", fmt), []).append(printed)
            if row["category"] in BODY_TEMPLATES:  # a body juwei wrote is checked as it is printed
                out.setdefault((f"{lang}/bodies/{BODY_TEMPLATES[row['category']]}", fmt), []).append(printed)
    for fmt in ("md", "html"):
        folder = tmp / f"board-{locale}-{fmt}"
        clerk.ok("disclose", "board", "--on", "2026-11-24", "--out-dir", str(folder), "--format", fmt)
        out[(f"{lang}/board_index", fmt)] = [(folder / f"index.{fmt}").read_text(encoding="utf-8")]
        out[(f"{lang}/disclosure", fmt)] += [page.read_text(encoding="utf-8")
                                            for page in sorted(folder.glob(f"disclosure-*.{fmt}"))]
    return out


def _election(db: str, locale: str) -> dict[tuple[str, str], list[str]]:
    """The sample election (tests/elections/election_sample.py) with hostile names and groups; every document
    of the election committee it prints, by (doc, fmt)."""
    from juwei.render import ELECTION_DOCUMENTS, election_template
    from tests.elections.election_sample import build_election

    clerk = Clerk(db)
    names = {"王建国": IMG + "王*建国*", "陈志强": SCRIPT + "陈志强", "刘芳": "刘 | 芳", "马超": "# 马超",
             "吴静": LINK, "郑华": IFRAME + "郑华", "李秀英": "- 李秀英", "杨丽": SCRIPT + "杨丽"}
    election = build_election(clerk, names=names, groups=(IFRAME + "一组", "**二组**"), init=("--locale", locale))
    # the ballot twice: the further round the sample has opened, and the first round's again
    return {(f"{locale}/{election_template(doc)}", fmt): [
        clerk.ok("election", "render", election, "--doc", doc, "--format", fmt, *extra)
        for extra in ([(), ("--round", 1)] if doc == "ballot" else [()])]
        for doc in ELECTION_DOCUMENTS for fmt in ("md", "html")}


@pytest.fixture(scope="module")
def hostile_documents(tmp_path_factory) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for locale in ("zh_CN", "en"):
        tmp = tmp_path_factory.mktemp(f"hostile-{locale}")
        for key, texts in _community(str(tmp / "juwei.db"), locale, tmp).items():
            out.setdefault(key, []).extend(texts)
        for key, texts in _election(str(tmp / "election.db"), locale).items():
            out.setdefault(key, []).extend(texts)
    return out


def _as_html(text: str, fmt: str) -> str:
    if fmt == "html":
        return text
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(text)  # raw HTML allowed, as a viewer would


# The one drawing a printout holds: a seat's QR code as the qr_svg filter draws it (one path of modules).
QR_CODE = re.compile(r'<svg role="img" aria-label="[^"<>]*" viewBox="0 0 \d+ \d+" class="qr">'
                     r'<path stroke="#000" d="[Mmhv0-9. -]+"/></svg>')


def _check(html: str, where: str) -> None:
    html = QR_CODE.sub("", html)
    tags = re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", html)
    for name, attributes in tags:
        assert name.lower() not in FORBIDDEN_TAGS, (where, name, attributes)
        assert not re.search(r"\bon[a-z]+\s*=", attributes), (where, name, attributes)
        if name.lower() == "a":
            href = re.search(r'href="([^"]*)"', attributes)
            assert href and LOCAL_LINK.match(href.group(1)), (where, attributes)
    assert "&lt;" in html, f"{where}: no hostile value was printed, so nothing was tested"


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_prints_hostile_values_as_text(hostile_documents, template):
    name = Path(template).name
    if name.startswith("_") or "/" not in template:  # partials and the shared base: printed through others
        stem = name.split(".")[0]
        includers = [t for t in TEMPLATES if stem in (packaged_templates() / t).read_text(encoding="utf-8")
                     and t != template]
        assert includers, f"{template} is used by no template"
        return
    lang_doc, fmt = template.rsplit(".", 2)[0], template.rsplit(".", 2)[1]
    # A stored body is Markdown source, not a printout: what must be escaped is each printout of it.
    formats = ("md", "html") if "/bodies/" in template else (fmt,)
    for shown in formats:
        texts = hostile_documents.get((lang_doc, shown))
        assert texts, f"{template} is rendered by no hostile case ({shown}): add it to _community"
        for n, text in enumerate(texts):
            _check(_as_html(text, shown), f"{template} {shown} #{n}")
    if fmt == "md":
        rendered = "".join(_as_html(text, fmt) for text in texts)
        assert "<script" not in rendered and "<img" not in rendered and "<iframe" not in rendered
