"""The real-browser test: print every HTML document with headless Chromium and read the PDF back.

This is what a clerk gets from the browser's print dialog. Checked with poppler-utils: A4 pages, the
Chinese title, place and topics in the PDF's text (CJK fonts installed, so no boxes), a 300-seat sign-in
sheet's page count, every seat printed once, and the table header repeated on page 2.

Needs ``chromium``, ``fonts-noto-cjk`` and ``poppler-utils`` (Debian). Outside CI a missing tool skips
these tests with a loud reason; with ``CI=true`` it fails.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from pathlib import Path

import pytest

from documents_sample import Clerk

IN_CI = os.environ.get("CI", "").lower() == "true"
INSTALL = "apt-get install -y chromium fonts-noto-cjk poppler-utils"


@pytest.fixture(scope="session")
def printer():
    from juwei.render import printing

    missing = printing.missing_tools()
    if not printing.cjk_font_families():
        missing.append("fonts-noto-cjk (no font covers Chinese)")
    if missing:
        message = (f"REAL-BROWSER PRINT TESTS NOT RUN: missing {', '.join(missing)}. Install them with "
                   f"`{INSTALL}`")
        if IN_CI:
            pytest.fail(message + " (CI=true: these tests must run in CI)")
        pytest.skip(message)
    return printing


@pytest.fixture(scope="session")
def browser(printer):
    """One Chromium for the whole session: starting it is the slow part."""
    with printer.Browser() as running:
        yield running


@pytest.fixture(scope="session")
def printed(sample_documents, browser, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every HTML document of the sample meeting, printed to PDF: (doc, lang) → pdf."""
    folder = tmp_path_factory.mktemp("printed")
    out = {}
    for (doc, lang, fmt), text in sorted(sample_documents.items()):
        if fmt != "html":
            continue
        html = folder / f"{doc}.{lang}.html"
        html.write_text(text, encoding="utf-8")
        out[doc, lang] = browser.print(html, folder / f"{doc}.{lang}.pdf")
    return out


def test_every_document_prints_on_a4(printed, printer):
    assert len(printed) == 20  # eight meeting documents and the evaluation's two, in two languages
    for key, pdf in printed.items():
        info = printer.pdf_info(pdf)
        assert info.is_a4, (key, info.page_size)
        assert info.pages >= 1


def test_chinese_notice_pdf_holds_title_place_and_topics(printed, printer):
    text = printer.pdf_text(printed["notice", "zh_CN"])
    flat = re.sub(r"\s+", "", text)
    for expected in ("东城社区居民委员会", "关于召开东城社区居民代表会议的通知", "东城社区党群服务中心二楼会议室",
                     "听取和审议社区居民委员会2026年下半年工作报告", "讨论决定和平里小区加装电梯资金筹集方案",
                     "讨论社区停车管理办法（试行）", "2026年11月24日（星期二）下午2时30分", "特此通知",
                     "2026年11月21日"):
        assert expected in flat, expected
    assert "—1—" in flat  # GB/T 9704 page number "— 1 —", printed by Chromium in the page margin


def test_every_chinese_document_prints_its_title(printed, printer):
    titles = {"signin": "东城社区居民代表会议签到表", "ballot": "东城社区居民代表会议表决票",
              "result": "表决结果公告", "resolution": "东城社区居民代表会议决议",
              "minutes": "东城社区居民代表会议记录", "summary": "东城社区居民代表会议纪要"}
    for doc, title in titles.items():
        flat = re.sub(r"\s+", "", printer.pdf_text(printed[doc, "zh_CN"]))
        assert title in flat, doc
    result = re.sub(r"\s+", "", printer.pdf_text(printed["result", "zh_CN"]))
    assert "760105通过" in result and "742105未通过" in result  # present, for, against, abstain, not voting, needed


@pytest.mark.parametrize("lang,seat", [("zh_CN", "座号1"), ("en", "Seat1")])
def test_seat_cards_print_eight_to_a_page_with_their_seat_codes(printed, printer, lang, seat):
    pdf = printed["seat-cards", lang]
    info = printer.pdf_info(pdf)
    assert info.is_a4 and info.pages == 2  # nine seats: eight cards on the first sheet, one on the second
    first = re.sub(r"\s+", "", printer.pdf_text(pdf, 1, 1))
    assert seat in first and "王建国" in first and "第一居民小组" in first
    assert all(f"JW1:dc:1:{n}" in first for n in range(1, 9)), first  # the code's text under each QR code
    assert "JW1:dc:1:9" not in first


def test_the_sign_in_sheet_carries_a_qr_code_per_seat(sample_documents):
    from juwei.render.filters import qr_svg

    html = sample_documents["signin", "zh_CN", "html"]
    assert html.count('<svg role="img" aria-label="座号') == 9 and "签到码" in html
    for seat in range(1, 10):  # each seat's code, drawn for that seat of this meeting of this community
        assert qr_svg(f"JW1:dc:1:{seat}", f"座号 {seat}") in html
    cards = sample_documents["seat-cards", "en", "html"]
    assert all(qr_svg(f"JW1:dc:1:{seat}", f"Seat {seat}") in cards for seat in range(1, 10))
    assert "JW1:dc:1:9" in sample_documents["seat-cards", "zh_CN", "md"]  # Markdown: the code as text
    assert "<svg" not in sample_documents["seat-cards", "zh_CN", "md"]
    assert "<svg" not in sample_documents["signin", "zh_CN", "md"]


def test_the_evaluation_ballot_and_review_form_print(printed, printer):
    """S19: the anonymous ballot fits one page, names every subject with the four grade boxes and the committee
    as a whole; the self-review form gives each subject a page headed by the five aspects (S18)."""
    ballot = printed["evaluation_ballot", "zh_CN"]
    assert printer.pdf_info(ballot).pages == 1
    flat = re.sub(r"\s+", "", printer.pdf_text(ballot))
    for expected in ("东城社区民主评议票", "无记名投票，请勿填写姓名", "周明", "王建国", "刘芳", "孙丽", "优秀", "合格",
                     "基本合格", "不合格", "满意", "基本满意", "不满意"):
        assert expected in flat, expected
    assert flat.index("周明") < flat.index("王建国") < flat.index("刘芳") < flat.index("孙丽")
    form = printed["evaluation_review", "zh_CN"]
    assert printer.pdf_info(form).pages == 4
    first = re.sub(r"\s+", "", printer.pdf_text(form, 1, 1))
    for aspect in ("一、德", "二、能", "三、勤", "四、绩", "五、廉"):
        assert aspect in first, aspect


def test_ballots_share_a_page_with_cut_lines(printed, printer):
    first_page = printer.pdf_text(printed["ballot", "zh_CN"], 1, 1)
    assert first_page.count("表决票") >= 3
    assert "沿此线剪开" in first_page


@pytest.fixture(scope="session")
def election_printed(browser, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every document of the sample election (tests/elections/election_sample.py) as HTML, printed to PDF."""
    from juwei.render import ELECTION_DOCUMENTS
    from tests.elections.election_sample import Clerk as ElectionClerk
    from tests.elections.election_sample import build_election

    folder = tmp_path_factory.mktemp("election-printed")
    clerk = ElectionClerk(str(folder / "juwei.db"))
    election = build_election(clerk)
    out = {}
    for doc in ELECTION_DOCUMENTS:
        for lang in ("zh_CN", "en"):
            html = folder / f"{doc}.{lang}.html"
            clerk.ok("election", "render", election, "--doc", doc, "--lang", lang, "--out", html)
            out[doc, lang] = browser.print(html, folder / f"{doc}.{lang}.pdf")
    first = folder / "ballot-round-1.zh_CN.html"  # the sample has opened its further round: the first, again
    clerk.ok("election", "render", election, "--doc", "ballot", "--round", 1, "--lang", "zh_CN", "--out", first)
    out["ballot-round-1", "zh_CN"] = browser.print(first, folder / "ballot-round-1.zh_CN.pdf")
    return out


def test_every_election_document_prints_on_a4_with_its_title(election_printed, printer):
    titles = {"voters": "选民名单", "proxies": "委托投票名单", "candidates": "候选人名单", "ballot": "选票",
              "report": "选举结果报告单", "announcement": "当选公告"}
    assert len(election_printed) == 2 * len(titles) + 1
    for (doc, lang), pdf in election_printed.items():
        doc = doc.split("-")[0]
        info = printer.pdf_info(pdf)
        assert info.is_a4 and info.pages >= 1, (doc, lang, info.page_size)
        flat = re.sub(r"\s+", "", printer.pdf_text(pdf))
        if lang == "zh_CN":
            assert "东城社区居民委员会换届选举" + titles[doc] in flat, doc
            assert "东城社区居民选举委员会" in flat and "13912345678" not in flat, doc
        else:
            assert "ElectionCommitteeof东城社区" in flat, doc


def test_the_election_ballot_fits_one_page_with_a_blank_line_per_seat(election_printed, printer):
    further = re.sub(r"\s+", "", printer.pdf_text(election_printed["ballot", "zh_CN"]))
    assert printer.pdf_info(election_printed["ballot", "zh_CN"]).pages == 1 and "（第2轮）" in further
    assert further.count("另选他人：") == 1 and "王建国" not in further
    pdf = election_printed["ballot-round-1", "zh_CN"]
    assert printer.pdf_info(pdf).pages == 1
    flat = re.sub(r"\s+", "", printer.pdf_text(pdf))
    assert flat.count("另选他人：") == 5 and "按姓氏笔画为序" in flat and "本张选票无效" in flat
    assert flat.index("刘芳") < flat.index("孙红梅") < flat.index("张伟") < flat.index("赵磊")
    report = printer.pdf_text(election_printed["report", "zh_CN"], layout=True)
    assert re.search(r"11\s+11\s+10\s+1\s+9", report)  # registered, issued, returned, void, valid
    assert re.search(r"郑华（另选他人）\s+1", report)


def test_a_300_seat_sign_in_sheet_repeats_its_header_and_numbers_its_pages(printer, browser, tmp_path):
    from juwei.services import roster
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    db = str(tmp_path / "juwei.db")
    clerk = Clerk(db)
    clerk.ok("init", "--name", "东城社区", "--code", "dc")
    store = open_store(db)
    try:
        with open_scope(store, None, write=True) as sc:
            sc.today = dt.date(2026, 11, 20)
            for g in range(1, 6):
                roster.add_group(sc, f"第{g}居民小组")
            for h in range(150):
                number = f"{h // 30 + 1:02d}{h % 30 + 1:03d}"
                roster.add_household(sc, number, group=f"第{h // 30 + 1}居民小组")
                for k in range(2):
                    roster.add_member(sc, {"name": f"居民{2 * h + k + 1:03d}", "birth_date": "1970-01-01",
                                           "phone": "13912345678"}, household=number)
    finally:
        store.dispose()
    meeting = clerk.json("meeting", "convene", "--kind", "residents", "--body", "adults", "--at", "2026-11-24 09:00",
                         "--place", "东城社区文化广场", "--topic", "讨论社区停车管理办法")["id"]
    html = tmp_path / "signin.html"
    clerk.ok("notice", "render", meeting, "--doc", "signin", "--format", "html", "--out", html)
    pdf = browser.print(html, tmp_path / "signin.pdf")

    info = printer.pdf_info(pdf)
    assert info.is_a4
    pages = [printer.pdf_text(pdf, n, n, layout=True) for n in range(1, info.pages + 1)]
    seats_per_page = [[int(s) for s in re.findall(r"^\s*(\d{1,3})\s+居民\d{3}", page, re.M)] for page in pages]
    printed_seats = [seat for page in seats_per_page for seat in page]
    assert printed_seats == list(range(1, 301))  # every seat once, in order: nothing cut off
    rows = len(seats_per_page[0])
    assert 15 <= rows <= 25, rows  # 9 mm rows in a 225 mm text block, under a three-row header
    assert info.pages in (math.ceil(300 / rows), math.ceil(300 / rows) + 1)  # + a page for the totals
    second = re.sub(r"\s+", "", pages[1])
    assert "东城社区居民会议签到表" in second and "座号姓名居民小组户号签名" in second  # the header repeats
    assert f"第2页共{info.pages}页" in second
    last = re.sub(r"\s+", "", pages[-1])
    assert "应到人数：300人" in last and "至少151人" in last
    assert "13912345678" not in "".join(pages)


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_duties_sheet_prints_names_posts_duties_and_the_office_phone(printer, browser, tmp_path, locale):
    """S26: the division of work as it goes on the board, from the committee register, in both languages."""
    clerk = Clerk(str(tmp_path / "juwei.db"))
    clerk.ok("init", "--name", "东城社区", "--code", "dc", "--locale", locale)
    clerk.ok("group", "add", "第一居民小组")
    clerk.ok("household", "add", "01001", "--group", "第一居民小组")
    director = clerk.json("member", "add", "--name", "王建国", "--birth-date", "1961-03-08", "--household", "01001",
                          "--phone", "13912345678")["id"]
    clerk.ok("committee", "add", director, "--role", "director", "--from", "2024-06-01")
    clerk.ok("staff", "add", "--name", "孙丽", "--position", "welfare", "--from", "2024-06-01", "--disclosed")
    clerk.ok("duty", "set", director, "--text", "主持全面工作，分管党建", "--from", "2026-11-01")
    clerk.ok("duty", "set", "孙丽", "--text", "低保、临时救助", "--from", "2026-11-01")
    disclosure = clerk.json("disclose", "duties", "--contact", "居委会办公室 010-6401 2345")["id"]
    html = tmp_path / "duties.html"
    html.write_text(clerk.ok("disclose", "render", disclosure, "--format", "html"), encoding="utf-8")
    pdf = browser.print(html, tmp_path / "duties.pdf")
    assert printer.pdf_info(pdf).is_a4
    flat = re.sub(r"\s+", "", printer.pdf_text(pdf))
    post = "居委会主任" if locale == "zh_CN" else "director"
    for expected in ("王建国", post, "主持全面工作，分管党建", "孙丽", "低保、临时救助", "010-64012345"):
        assert expected in flat, expected
    assert "13912345678" not in flat and "1391234" not in flat


def test_the_sentiment_documents_print_on_a4_with_their_titles(sentiment_documents, browser, printer, tmp_path):
    """The monthly report to the street office (S12) and the urgent report sheet (S10), both languages."""
    titles = {("sentiment-report", "zh_CN"): "东城社区2026年11月社情民意报告",
              ("sentiment-urgent", "zh_CN"): "东城社区紧急民情报告单",
              ("sentiment-report", "en"): "Reportonresidents'concerns",
              ("sentiment-urgent", "en"): "Urgentreportonaresidents'concern"}
    for (doc, lang), title in titles.items():
        html = tmp_path / f"{doc}.{lang}.html"
        html.write_text(sentiment_documents[doc, lang, "html"], encoding="utf-8")
        pdf = browser.print(html, tmp_path / f"{doc}.{lang}.pdf")
        info = printer.pdf_info(pdf)
        assert info.is_a4 and info.pages >= 1, (doc, lang, info.page_size)
        flat = re.sub(r"\s+", "", printer.pdf_text(pdf))
        assert title in flat, (doc, lang)
        assert "13912345678" not in flat
    flat = re.sub(r"\s+", "", printer.pdf_text(tmp_path / "sentiment-report.zh_CN.pdf"))
    for expected in ("（六）影响稳定问题", "街道党工办", "民情信箱"):
        assert expected in flat, expected


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_grid_board_prints_people_groups_and_the_office_phone(printer, browser, tmp_path, locale):
    """S13: the grid responsibility sheet as it goes on the board, in both languages; no resident's data."""
    from test_grid_snapshots import grid_sample

    clerk = grid_sample(str(tmp_path / "juwei.db"), locale)
    html = tmp_path / "grid.html"
    html.write_text(clerk.ok("grid", "render", "--doc", "board", "--format", "html"), encoding="utf-8")
    pdf = browser.print(html, tmp_path / "grid.pdf")
    assert printer.pdf_info(pdf).is_a4
    flat = re.sub(r"\s+", "", printer.pdf_text(pdf))
    title = "东城社区网格责任公示" if locale == "zh_CN" else "东城社区:gridresponsibility"
    for expected in (title, "王建国", "孙丽", "第一居民小组", "第二居民小组", "010-64012345"):
        assert expected in flat, expected
    assert "13912345678" not in flat and "01001" not in flat
