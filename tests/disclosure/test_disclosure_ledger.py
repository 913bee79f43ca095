"""The finance ledger: imports (all or nothing), accounts that reconcile with the ledger (S20)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def test_import_chinese_headers_and_accounts(community, today, ledger_file):
    out = community.json("ledger", "import", ledger_file())
    assert out["imported"] == 4 and out["income_fen"] == 1_000_000 and out["expense_fen"] == 200_050
    acc = community.json("ledger", "accounts", "--period", "2026-Q3")
    assert acc["opening_fen"] == 0 and acc["income_fen"] == 1_000_000 and acc["expense_fen"] == 170_050
    assert acc["closing_fen"] == 829_950 and acc["closing_yuan"] == "8,299.50"
    assert {line["category"]: line["fen"] for line in acc["expense"]}["activities"] == 150_000
    assert [e["voucher"] for e in acc["itemised"]] == ["V002"]  # only the expense above 1,000.00
    q4 = community.json("ledger", "accounts", "--period", "2026-Q4")
    assert q4["opening_fen"] == acc["closing_fen"] and q4["closing_fen"] == 829_950 - 30_000
    year = community.json("ledger", "accounts", "--period", "2026")
    assert year["closing_fen"] == q4["closing_fen"] and year["entries"] == 4
    # one audit event holds the four new rows' fingerprints, and verify checks each row against it
    (event,) = [e for e in community.json("audit", "log") if e["action"] == "ledger.import"]
    assert event["after"]["rows"] == 4 and event["after"]["table"] == "ledger_entry"
    assert community.json("audit", "verify")["ok"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-8"])
def test_import_encodings(community, today, ledger_file, encoding):
    assert community.json("ledger", "import", ledger_file(encoding=encoding))["imported"] == 4
    assert community.json("ledger", "list")[0]["category"] == "上级拨款"


def test_import_xlsx_with_number_and_date_cells(community, today, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["date", "amount", "direction", "category", "description", "voucher"])
    sheet.append([dt.datetime(2026, 7, 1), 1234.56, "income", "donation", "gift", 1001])
    sheet.append([dt.date(2026, 7, 2), 0.1, "expense", "other", "=HYPERLINK(\"x\")", "A-2"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    community.ok("ledger", "import", str(path))
    rows = community.json("ledger", "list")
    assert [(r["voucher"], r["amount_fen"]) for r in rows] == [("1001", 123456), ("A-2", 10)]


def test_import_refusals_are_row_numbered_and_change_nothing(community, today, ledger_file, unchanged):
    community.ok("ledger", "import", ledger_file())
    bad = ("date,amount,direction,category,description,voucher\n"
           "2026-09-01,12.345,expense,other,x,N1\n"      # row 2: three decimals
           "2026-09-02,10,sideways,other,x,N2\n"          # row 3: direction
           "2026-13-02,10,expense,other,x,N3\n"           # row 4: date
           "2026-09-04,10,expense,food,x,N4\n"            # row 5: category
           "2026-09-05,10,expense,other,x,N5\n"
           "2026-09-06,10,expense,other,x,N5\n"           # row 7: duplicate in file
           "2026-09-07,10,expense,other,x,V001\n")        # row 8: already in the ledger
    with unchanged():
        err = community.fails("ledger", "import", ledger_file(bad, "bad.csv"))
    for row in ("row 2: amount", "row 3: direction", "row 4: date", "row 5: category", "row 7: voucher",
                "row 8: voucher: 'V001' is already"):
        assert row in err, err
    assert "nothing was imported" in err
    dup = "日期,金额,收支,类别,摘要,凭证号\n2026-09-01,1,收入,捐赠,x,NEW1\n2026-09-01,1,收入,捐赠,x,V003\n"
    with unchanged():
        err = community.fails("ledger", "import", ledger_file(dup, "dup.csv"))
    assert "row 3: voucher: 'V003' is already in the ledger" in err
    with unchanged():
        community.fails("ledger", "import", ledger_file("date,amount\n2026-01-01,1\n", "cols.csv"))
        community.fails("ledger", "import", ledger_file(b"\xff\xfe\x00".decode("latin-1"), "x.txt"))
        community.fails("ledger", "import", "/nonexistent.csv")
        community.fails("ledger", "add", "--date", "2026-09-01", "--amount", "5", "--direction", "expense",
                        "--category", "other", "--voucher", "V001")
        community.fails("ledger", "add", "--date", "2026-09-01", "--amount", "-5", "--direction", "expense",
                        "--category", "other", "--voucher", "Z9")


def test_add_entry_and_audit(community, today):
    new = community.json("ledger", "add", "--date", "2026-09-01", "--amount", "¥1,000.01", "--direction", "支出",
                         "--category", "福利", "--voucher", "Z1", "--description", "慰问")["id"]
    assert community.json("ledger", "list", "--period", "2026-Q3")[0]["id"] == new
    from tests.conftest import table_snapshot

    events = [row for row in table_snapshot(community.db)["audit_event"] if "ledger" in row[4]]
    assert len(events) == 1


# ---------------------------------------------------------------- reconciliation (property test)

ENTRY = st.tuples(
    st.dates(min_value=dt.date(2025, 10, 1), max_value=dt.date(2027, 3, 31)),
    st.integers(min_value=1, max_value=5_000_000_00),
    st.sampled_from(["income", "expense"]),
    st.sampled_from(["wages", "welfare", "construction", "activities", "office", "other", "拨款", "捐赠"]),
)


@pytest.fixture(scope="module")
def ledger_scope(tmp_path_factory):
    from juwei.services.community import create_community
    from juwei.storage.engine import create_store

    store = create_store(str(tmp_path_factory.mktemp("recon") / "r.db"))
    with store.write() as session:
        create_community(session, name="对账社区", code="r", profile="seed")
    yield store
    store.dispose()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ENTRY, max_size=40), st.sampled_from(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026",
                                                      "2026-H1", "2026-02"]))
def test_accounts_reconcile_exactly_with_the_ledger(ledger_scope, entries, period):
    from juwei.rules.disclosure import parse_period
    from juwei.services import ledger
    from juwei.services.scope import open_scope
    from juwei.storage.models import AuditEvent, LedgerEntry
    from sqlmodel import delete

    with ledger_scope.write() as session:
        session.exec(delete(LedgerEntry))
        session.exec(delete(AuditEvent).where(AuditEvent.action.like("ledger%")))
    with open_scope(ledger_scope, None, write=True) as sc:
        sc.today = dt.date(2027, 3, 31)  # every generated entry is in the past: the ledger holds no future
        for i, (day, fen, direction, category) in enumerate(entries):
            cat = category if direction == "expense" or category in ("拨款", "捐赠") else "拨款"
            if direction == "expense" and cat in ("拨款", "捐赠"):
                cat = "other"
            ledger.add_entry(sc, {"date": day, "amount": f"{fen // 100}.{fen % 100:02d}", "direction": direction,
                                  "category": cat, "voucher": f"P{i}"})
        p = parse_period(period)
        acc = ledger.account(sc, period)
        prev = ledger.account(sc, f"{p.start.year - 1}")
    signed = lambda e: e[1] if e[2] == "income" else -e[1]  # noqa: E731
    before = sum(signed(e) for e in entries if e[0] < p.start)
    inside = [e for e in entries if p.start <= e[0] <= p.end]
    assert acc.opening_fen == before
    assert acc.income_fen == sum(e[1] for e in inside if e[2] == "income")
    assert acc.expense_fen == sum(e[1] for e in inside if e[2] == "expense")
    assert sum(line.fen for line in acc.income) == acc.income_fen
    assert sum(line.fen for line in acc.expense) == acc.expense_fen
    assert acc.closing_fen == acc.opening_fen + acc.income_fen - acc.expense_fen
    assert acc.entries == len(inside)
    assert sorted(e.fen for e in acc.itemised) == sorted(e[1] for e in inside
                                                        if e[2] == "expense" and e[1] > 100_000)
    # periods chain: last year's closing is this year's opening
    if period == "2026":
        assert prev.closing_fen == acc.opening_fen


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_neutralises_formulas_and_round_trips(community, today, ledger_file, tmp_path, suffix):
    hostile = ("日期,金额,收支,类别,摘要,凭证号\n"
               "2026-09-01,1,支出,其他,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",F1\n"
               "2026-09-02,2,支出,其他,+1+2,F2\n"
               "2026-09-03,3,收入,@SUM(A1),-5,F3\n")
    community.ok("ledger", "import", ledger_file(hostile))
    out = tmp_path / f"export{suffix}"
    assert community.json("ledger", "export", "--out", str(out))["entries"] == 3
    if suffix == ".csv":
        text = out.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in text and "'+1+2" in text and "'@SUM(A1)" in text and "'-5" in text
    else:
        from openpyxl import load_workbook

        cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
        assert not any(isinstance(c, str) and c[:1] in "=+-@" for c in cells)
        assert 1 in cells or 1.0 in cells  # amounts stay numbers
    # the export imports into a fresh community with the same totals
    from tests.conftest import Cli

    other = Cli(str(tmp_path / "other.db"))
    other.ok("init", "--name", "西城社区", "--code", "xc")
    assert other.json("ledger", "import", str(out))["imported"] == 3
    assert other.json("ledger", "accounts", "--period", "2026")["closing_fen"] == \
        community.json("ledger", "accounts", "--period", "2026")["closing_fen"]
