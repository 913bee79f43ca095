"""The ledger's input: what `ledger export` writes, `ledger import` reads back as the same ledger (a
property test over CSV and XLSX); dates outside the profile's window, amounts in digits that only look
like digits, and workbooks under-stating their size are handled as the docs say."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

TODAY = dt.date(2026, 10, 20)  # the disclosure tests' pinned day (conftest `today`)


# ---------------------------------------------------------------- issue 11 item 12: export → import

def test_an_exported_ledger_imports_back(community, today, tmp_path):
    for i, (category, direction) in enumerate([("office", "expense"), ("welfare", "expense"),
                                               ("activities", "expense"), ("上级拨款", "income")]):
        community.ok("ledger", "add", "--date", f"2026-09-0{i + 1}", "--amount", "100", "--direction", direction,
                     "--category", category, "--voucher", f"V{i}", "--description", "=1+1" if i == 0 else "")
    before = community.json("ledger", "list")
    for suffix in ("csv", "xlsx"):
        out = str(tmp_path / f"ledger.{suffix}")
        community.ok("ledger", "export", "--out", out)
        other = type(community)(str(tmp_path / f"other-{suffix}.db"))
        other.ok("init", "--name", "西城社区", "--code", "xc")
        other.ok("ledger", "import", out)
        after = other.json("ledger", "list")
        assert [{k: v for k, v in e.items() if k != "id"} for e in after] == \
            [{k: v for k, v in e.items() if k != "id"} for e in before]


@pytest.mark.parametrize("label", ["办公及公务", "福利救助", "活动经费", "office", "Office", "wages", "工资"])
def test_expense_categories_are_read_as_code_or_label_in_either_language(community, today, label):
    new = community.json("ledger", "add", "--date", "2026-09-01", "--amount", "5", "--direction", "支出",
                         "--category", label, "--voucher", "V1")["id"]
    assert community.json("ledger", "list")[0]["id"] == new


@pytest.fixture(scope="module")
def two_ledgers(tmp_path_factory):
    from juwei.services.community import create_community
    from juwei.storage.engine import create_store

    base = tmp_path_factory.mktemp("roundtrip")
    stores = []
    for name in ("a", "b"):
        store = create_store(str(base / f"{name}.db"))
        with store.write() as session:
            create_community(session, name=f"{name}社区", code=name, profile="seed")
        stores.append(store)
    yield base, stores
    for store in stores:
        store.dispose()


texts = st.text(max_size=40)
ENTRY = st.tuples(
    st.dates(min_value=dt.date(1996, 10, 21), max_value=TODAY),
    st.integers(min_value=1, max_value=10 ** 15),
    st.sampled_from(["income", "expense"]),
    st.one_of(st.sampled_from(["wages", "welfare", "construction", "activities", "office", "other"]), texts),
    texts,
    texts,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.filter_too_much])
@given(st.lists(ENTRY, min_size=1, max_size=12), st.sampled_from(["csv", "xlsx"]))
def test_every_export_imports_back_to_the_same_ledger(two_ledgers, entries, suffix):
    from sqlmodel import delete

    from juwei.errors import ValidationError
    from juwei.services import ledger
    from juwei.services.scope import open_scope
    from juwei.storage.models import AuditEvent, LedgerEntry

    base, (source, target) = two_ledgers
    for store in (source, target):
        with store.write() as session:
            session.exec(delete(LedgerEntry))
            session.exec(delete(AuditEvent).where(AuditEvent.action.like("ledger%")))
    accepted = 0
    with open_scope(source, None, write=True) as sc:
        sc.today = TODAY
        for i, (day, fen, direction, category, description, voucher) in enumerate(entries):
            try:  # whatever `ledger add` accepts must survive the round trip
                ledger.add_entry(sc, {"date": day, "amount": f"{fen // 100}.{fen % 100:02d}",
                                      "direction": direction, "category": category,
                                      "voucher": f"{voucher}{i}", "description": description})
                accepted += 1
            except ValidationError:
                continue
    assume(accepted)
    out = base / f"export.{suffix}"
    with open_scope(source, None, write=False) as sc:
        assert ledger.export_ledger(sc, out, force=True) == accepted  # one file, every example
        written = [(e.date, e.direction, e.category, e.amount_fen, e.description, e.voucher)
                   for e in ledger.list_entries(sc)]
    with open_scope(target, None, write=True) as sc:
        sc.today = TODAY
        ledger.import_ledger(sc, out)
        read = [(e.date, e.direction, e.category, e.amount_fen, e.description, e.voucher)
                for e in ledger.list_entries(sc)]
    assert sorted(read) == sorted(written)


# ---------------------------------------------------------------- issue 11 item 13: dates and amounts

@pytest.mark.parametrize("day,message", [("1900-01-01", "1996-10-20"), ("9999-12-31", "today (2026-10-20)"),
                                         ("2026-10-21", "today (2026-10-20)"), ("10/01/2026", "2026-10-01")])
def test_a_ledger_date_outside_the_window_is_refused(community, today, unchanged, day, message):
    with unchanged():
        err = community.fails("ledger", "add", "--date", day, "--amount", "5", "--direction", "支出",
                              "--category", "其他", "--voucher", "V1")
    assert message in err
    community.ok("ledger", "add", "--date", "1996-10-20", "--amount", "5", "--direction", "支出",
                 "--category", "其他", "--voucher", "V1")  # 30 years back: the edge is inside


def test_the_window_is_the_profiles(community, today, unchanged):
    community.ok("rules", "set", "ledger_history_years", "5", "--from", "2026-01-01")
    with unchanged():
        assert "2021-10-20" in community.fails("ledger", "add", "--date", "2020-01-01", "--amount", "5",
                                               "--direction", "支出", "--category", "其他", "--voucher", "V1")


def test_ledger_file_dates_outside_the_window_name_their_rows(community, today, ledger_file, unchanged):
    path = ledger_file("日期,金额,收支,类别,摘要,凭证号\n"
                       "1900-01-01,5,支出,其他,,V1\n2026-07-01,5,支出,其他,,V2\n9999-12-31,5,支出,其他,,V3\n")
    with unchanged():
        err = community.fails("ledger", "import", path)
    assert "row 2: date" in err and "row 4: date" in err and "row 3" not in err


@pytest.mark.parametrize("amount", ["²", "1²", "①", "٣"])
def test_amounts_in_characters_that_only_look_like_digits_are_refused(community, today, unchanged, amount):
    with unchanged():
        community.fails("ledger", "add", "--date", "2026-09-01", "--amount", amount, "--direction", "支出",
                        "--category", "其他", "--voucher", "V1")


def test_full_width_amounts_are_still_read(community, today):
    community.ok("ledger", "add", "--date", "2026-09-01", "--amount", "１２３４．５６", "--direction", "支出",
                 "--category", "其他", "--voucher", "V1")
    assert community.json("ledger", "list")[0]["amount_fen"] == 123456


# ---------------------------------------------------------------- issue 11 item 4: ledger and welfare xlsx

def _shrunk_xlsx(path: Path, rows: list[list]) -> str:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w") as out:
        for info, data in items:
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', data)
            out.writestr(info, data)
    return str(path)


def test_a_ledger_workbook_under_stating_its_size_is_read_whole(community, today, tmp_path):
    rows = [["日期", "金额", "收支", "类别", "摘要", "凭证号"]] + \
        [[f"2026-07-0{i}", 100 * i, "支出", "其他", f"第{i}笔", f"V{i}"] for i in range(1, 6)]
    result = community.json("ledger", "import", _shrunk_xlsx(tmp_path / "ledger.xlsx", rows))
    assert result["imported"] == 5 and result["expense_fen"] == 150000


def test_a_welfare_workbook_under_stating_its_size_is_read_whole(community, today, tmp_path):
    rows = [["姓名", "家庭人口", "救助类别", "金额"]] + [[f"居民{i}", 2, "低保", 500] for i in range(1, 6)]
    d = community.json("disclose", "welfare", "--list", _shrunk_xlsx(tmp_path / "welfare.xlsx", rows),
                       "--benefit", "低保", "--starts", "2026-11-01")["id"]
    body = community.json("disclose", "show", str(d))["body"]
    assert all(f"居民{i}" in body for i in range(1, 6))


@pytest.mark.parametrize("size", ["²", "②", "２"])
def test_a_welfare_household_size_is_plain_or_full_width_digits(community, today, tmp_path, unchanged, size):
    path = tmp_path / "welfare.csv"
    path.write_text(f"姓名,家庭人口,救助类别,金额\n张三,{size},低保,500\n", encoding="utf-8")
    args = ("disclose", "welfare", "--list", str(path), "--benefit", "低保", "--starts", "2026-11-01")
    if size == "２":
        assert "| 2 |" in community.json("disclose", "show", str(community.json(*args)["id"]))["body"]
        return
    with unchanged():
        assert "row 2" in community.fails(*args)


def test_a_direction_is_typed_in_either_language_and_a_wrong_one_is_a_usage_error(community, today, unchanged):
    community.ok("ledger", "add", "--date", "2026-09-01", "--amount", "5", "--direction", "收入",
                 "--category", "捐赠", "--voucher", "V1")
    community.ok("ledger", "add", "--date", "2026-09-02", "--amount", "3", "--direction", "支",
                 "--category", "活动经费", "--voucher", "V2")
    assert [r["direction"] for r in community.json("ledger", "list", "--direction", "支出")] == ["expense"]
    assert [r["category"] for r in community.json("ledger", "list", "--direction", "income")] == ["捐赠"]
    with unchanged():
        err = " ".join(community.fails("ledger", "add", "--date", "2026-09-01", "--amount", "5", "--direction",
                                       "转账", "--category", "x", "--voucher", "V3", code=2).replace("│", " ").split())
        assert "'--direction'" in err and "'转账' is not one of income, expense" in err
        err = community.fails("--lang", "zh_CN", "ledger", "list", "--direction", "转账", code=2)
        assert "收入、支出" in err
