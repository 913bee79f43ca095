"""The grid board sheet (S13) and the gift register's disclosure body (S27), in both languages and both formats,
against their snapshots. ``JUWEI_UPDATE_SNAPSHOTS=1`` rewrites them (review the diff)."""

from __future__ import annotations

import pytest

from documents_sample import SNAPSHOTS, Clerk, regenerate

CASES = [(lang, fmt) for lang in ("zh_CN", "en") for fmt in ("md", "html")]


def grid_sample(db: str, locale: str = "zh_CN") -> Clerk:
    """东城社区: two groups, five households; the director covers the first group, a staff member part of the
    second, the office phone set; one gift returned in the third quarter."""
    clerk = Clerk(db)
    clerk.ok("init", "--name", "东城社区", "--code", "dc", "--locale", locale)
    for group, numbers in (("第一居民小组", ("01001", "01002")), ("第二居民小组", ("02001", "02002", "02003"))):
        clerk.ok("group", "add", group)
        for number in numbers:
            clerk.ok("household", "add", number, "--group", group, "--address", f"和平里{number[-1]}号楼")
    director = clerk.json("member", "add", "--name", "王建国", "--birth-date", "1961-03-08", "--household", "01001",
                          "--phone", "13912345678")["id"]
    clerk.ok("committee", "add", director, "--role", "director", "--from", "2024-06-01")
    clerk.ok("staff", "add", "--name", "孙丽", "--position", "welfare", "--from", "2024-06-01", "--disclosed")
    clerk.ok("grid", "assign", director, "--group", "第一居民小组")
    clerk.ok("grid", "assign", "孙丽", "--household", "02001", "--household", "02002")
    clerk.ok("community", "set", "office_phone", "010-6401 2345")
    clerk.ok("gift", "add", "--to", director, "--offered-by", "某装修公司", "--what", "购物卡", "--value", "500",
             "--on", "2026-08-12", "--handled", "returned", "--note", "当日退回")
    clerk.ok("gift", "add", "--to", "孙丽", "--offered-by", "一位居民", "--what", "自制点心", "--on", "2026-09-03",
             "--handled", "declined", "--note", "当场婉拒")
    clerk.ok("disclose", "gifts", "--period", "2026-Q3")
    return clerk


@pytest.fixture(scope="module")
def sheets(tmp_path_factory) -> dict[tuple[str, str], str]:
    out = {}
    for locale in ("zh_CN", "en"):
        clerk = grid_sample(str(tmp_path_factory.mktemp(f"grid-{locale}") / "juwei.db"), locale)
        for fmt in ("md", "html"):
            out["grid_board", locale, fmt] = clerk.ok("grid", "render", "--doc", "board", "--lang", locale,
                                                      "--format", fmt)
        out["gifts_body", locale, "md"] = clerk.json("disclose", "show", 1)["body"] + "\n"
    return out


def _check(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if regenerate():
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no snapshot {path.name}; run with JUWEI_UPDATE_SNAPSHOTS=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs from its snapshot"


@pytest.mark.parametrize("lang,fmt", CASES, ids=["-".join(case) for case in CASES])
def test_grid_board_matches_snapshot(sheets, lang, fmt):
    _check(f"grid_board.{lang}.{fmt}", sheets["grid_board", lang, fmt])


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_gifts_body_matches_snapshot(sheets, lang):
    _check(f"gifts_body.{lang}.md", sheets["gifts_body", lang, "md"])


def test_no_resident_data_on_the_board_sheet(sheets):
    for key, text in sheets.items():
        assert "13912345678" not in text and "号楼" not in text, key
        if key[0] == "grid_board":
            assert "01001" not in text and "010-6401 2345" in text, key
