"""Each document of the fixed sample meeting, in both languages and both formats, against its snapshot.

A change to a template shows up here as a diff a reviewer can read. To accept changes on purpose:
``JUWEI_UPDATE_SNAPSHOTS=1 python -m pytest tests/documents/test_snapshots.py`` and review the diff.
"""

from __future__ import annotations

import re

import pytest

from documents_sample import EVALUATION_DOCS, SENTIMENT_DOCS, SNAPSHOTS, STAGES, regenerate

CASES = [(doc, lang, fmt) for doc in (*STAGES, *EVALUATION_DOCS) for lang in ("zh_CN", "en") for fmt in ("md", "html")]


@pytest.mark.parametrize("doc,lang,fmt", CASES, ids=["-".join(case) for case in CASES])
def test_document_matches_snapshot(sample_documents, doc, lang, fmt):
    # The minutes carry the seal of the tallies: SHA-256 values that change with every run's timestamps.
    text = re.sub(r"\b[0-9a-f]{64}\b", "<sha256>", sample_documents[doc, lang, fmt])
    path = SNAPSHOTS / f"{doc}.{lang}.{fmt}"
    if regenerate():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no snapshot {path.name}; run with JUWEI_UPDATE_SNAPSHOTS=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs from its snapshot"


def test_no_phone_or_id_number_reaches_any_document(sample_documents):
    # every sample resident has the phone 13912345678 on the roster (LAW.md "Privacy")
    for key, text in sample_documents.items():
        assert "13912345678" not in text, key
        assert "12345678" not in text, key


def test_markdown_is_commonmark_with_tables(sample_documents):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    for (doc, lang, fmt), text in sample_documents.items():
        if fmt != "md":
            continue
        html = md.render(text)
        assert "<h1>" in html or "<h2>" in html, (doc, lang)
        if doc in ("signin", "ballot", "result"):
            assert "<table>" in html, (doc, lang)
        assert "<script" not in html


def test_html_is_self_contained(sample_documents):
    for (doc, lang, fmt), text in sample_documents.items():
        if fmt != "html":
            continue
        assert text.startswith("<!DOCTYPE html>"), doc
        assert "size: A4" in text and "margin: 37mm 26mm 35mm 28mm" in text
        for remote in ("http://", "https://", "//fonts.", "<script", "<link", "@import", "url("):
            assert remote not in text, (doc, lang, remote)


SENTIMENT_CASES = [(doc, lang, fmt) for doc in SENTIMENT_DOCS for lang in ("zh_CN", "en") for fmt in ("md", "html")]


@pytest.mark.parametrize("doc,lang,fmt", SENTIMENT_CASES, ids=["-".join(case) for case in SENTIMENT_CASES])
def test_sentiment_document_matches_snapshot(sentiment_documents, doc, lang, fmt):
    text = sentiment_documents[doc, lang, fmt]
    path = SNAPSHOTS / f"{doc}.{lang}.{fmt}"
    if regenerate():
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no snapshot {path.name}; run with JUWEI_UPDATE_SNAPSHOTS=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs from its snapshot"


def test_sentiment_documents_hold_no_phone_or_id_number_and_are_a4(sentiment_documents):
    for (doc, lang, fmt), text in sentiment_documents.items():
        assert "13912345678" not in text and "12345678" not in text, (doc, lang, fmt)
        if fmt == "html":
            assert text.startswith("<!DOCTYPE html>") and "size: A4" in text
            for remote in ("http://", "https://", "<script", "<link", "@import", "url("):
                assert remote not in text, (doc, lang, remote)
    report = sentiment_documents["sentiment-report", "zh_CN", "md"]
    for expected in ("东城社区2026年11月社情民意报告", "街道党工办", "（六）影响稳定问题 | 1", "民情信箱 | 1",
                     "2026年11月13日", "反映人刘芳", "2026年11月27日"):
        assert expected in report, expected
    assert "张伟义务" in report  # a resident named in the text the clerk wrote is the clerk's words
