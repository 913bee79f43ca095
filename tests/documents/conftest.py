"""Fixtures for the document tests: the sample meeting rendered at each stage (see documents_sample)."""

from __future__ import annotations

import pytest

import shutil

from documents_sample import (EVALUATION_DOCS, STAGES, Clerk, build_sample, build_sentiment, close_sample,
                              evaluation_sample, vote_sample)


@pytest.fixture(scope="session")
def sample_documents(tmp_path_factory) -> dict[tuple[str, str, str], str]:
    """Every document in both languages and formats, rendered through `juwei notice render`."""
    db = str(tmp_path_factory.mktemp("sample") / "juwei.db")
    clerk, meeting = build_sample(db)
    out: dict[tuple[str, str, str], str] = {}

    def render_stage(stage: str) -> None:
        for doc, when in STAGES.items():
            if when != stage:
                continue
            for lang in ("zh_CN", "en"):
                for fmt in ("md", "html"):
                    out[doc, lang, fmt] = clerk.ok("notice", "render", meeting, "--doc", doc, "--format", fmt,
                                                   "--lang", lang)

    render_stage("convened")
    vote_sample(clerk, meeting)
    render_stage("voted")
    close_sample(clerk, meeting)
    render_stage("closed")
    evaluation = evaluation_sample(clerk)
    for doc, option in EVALUATION_DOCS.items():
        for lang in ("zh_CN", "en"):
            for fmt in ("md", "html"):
                out[doc, lang, fmt] = clerk.ok("eval", "render", evaluation, "--doc", option, "--format", fmt,
                                               "--lang", lang)
    return out


@pytest.fixture(scope="session")
def sentiment_documents(tmp_path_factory) -> dict[tuple[str, str, str], str]:
    """The sentiment documents (S10, S12) of a month's work in the sample community, in both languages and
    formats, rendered through `juwei sentiment report` and `juwei sentiment render`."""
    db = str(tmp_path_factory.mktemp("sentiment") / "juwei.db")
    clerk, _ = build_sample(db)
    return build_sentiment(clerk)


@pytest.fixture(scope="session")
def _convened_db(tmp_path_factory) -> tuple[str, int]:
    db = str(tmp_path_factory.mktemp("convened") / "juwei.db")
    _, meeting = build_sample(db)
    return db, meeting


@pytest.fixture
def convened(_convened_db, tmp_path, db) -> tuple[Clerk, int]:
    """The sample meeting just convened (roster, roll, two motions, no votes) in this test's database ``db``
    (so the root ``unchanged`` fixture can watch it): a copy of one built once for SQLite, built afresh on
    PostgreSQL (JUWEI_TEST_DATABASE_URL)."""
    if "://" in db:
        return build_sample(db)
    source, meeting = _convened_db
    shutil.copyfile(source, db)
    return Clerk(db), meeting
