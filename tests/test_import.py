"""`juwei member import`: encodings, xlsx, validation, all-or-nothing, re-import, dry run."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from import_files import EN, ROWS, ZH, write_csv, write_xlsx

pytestmark = pytest.mark.storage


def _members(cli):
    return {m["name"]: m for m in cli.json("member", "list", "--all", "--reveal")}


def _audit(cli, action):
    from sqlalchemy import create_engine, text

    from juwei.storage.engine import database_url

    engine = create_engine(database_url(cli.db))
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                text("SELECT * FROM audit_event WHERE action = :a ORDER BY id"), {"a": action})]
    finally:
        engine.dispose()


@pytest.mark.parametrize("encoding,headers", [("utf-8", EN), ("utf-8-sig", ZH), ("gb18030", ZH)])
def test_csv_encodings(community, tmp_path, encoding, headers):
    path = write_csv(tmp_path / "roster.csv", headers=headers, encoding=encoding)
    report = community.json("member", "import", path)
    assert report["encoding"] == encoding
    assert (report["added"], report["updated"], report["unchanged"]) == (3, 0, 0)
    assert (report["groups_added"], report["households_added"]) == (2, 2)
    members = _members(community)
    assert members["王芳"]["birth_date"] == "1995-03-15" and members["王芳"]["gender"] == "F"
    assert members["张伟"]["household"] == "01001" and members["张伟"]["group"] == "第一居民小组"
    shown = community.json("member", "show", members["王芳"]["id"], "--reveal")
    assert shown["rights_deprived_from"] == "2024-01-01" and shown["rights_deprived_until"] == "2027-12-31"
    assert shown["party_member"] is False and community.json("member", "show", members["张伟"]["id"])["party_member"]
    households = {h["number"]: h for h in community.json("household", "list")}
    assert households["01002"]["address"] == "和平里2号楼202"
    # Every write is audited: each group, and one event for the new households and one for the new members
    # holding each row's fingerprint; a member's history shows the import that added it.
    (imported,) = _audit(community, "member.import")
    assert imported["entity"] == f"member:{min(m['id'] for m in members.values())}..{max(m['id'] for m in members.values())}"
    assert len(_audit(community, "household.import")) == 1
    assert len(_audit(community, "group.add")) == 2
    (shown,) = community.json("audit", "log", "--entity", f"member:{members['王芳']['id']}")
    assert shown["action"] == "member.import" and shown["after"] == {"table": "member", "rows": 3, "source": "roster.csv"}
    assert community.json("audit", "verify")["ok"]


def test_xlsx_with_title_row_date_cells_and_plain_text(community, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][2] = dt.datetime(1949, 12, 31)  # an Excel date cell
    rows[1][2] = None
    rows[1][7] = 13700001234  # a phone typed as a number
    rows[2][9] = True
    path = write_xlsx(tmp_path / "roster.xlsx", rows, title="东城社区居民花名册")
    report = community.json("member", "import", path)
    assert report["format"] == "xlsx" and report["sheet"] == "花名册" and report["added"] == 3
    members = _members(community)
    assert members["张伟"]["birth_date"] == "1949-12-31"
    assert members["李强"]["birth_date"] == "1980-01-01"  # from the ID number
    assert members["李强"]["phone"] == "13700001234"


def test_plain_output_and_dry_run_writes_nothing(community, tmp_path, unchanged):
    path = write_csv(tmp_path / "roster.csv")
    with unchanged():
        out = community.ok("member", "import", path, "--dry-run")
    assert "dry run" in out and "added 3" in out
    assert community.json("member", "list") == []
    out = community.ok("member", "import", path)
    assert out.startswith("added 3, updated 0, unchanged 0")


def test_reimport_updates_by_id_number(community, tmp_path):
    path = write_csv(tmp_path / "roster.csv")
    community.ok("member", "import", path)
    before = _members(community)
    again = community.json("member", "import", path)
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 3)
    rows = [list(r) for r in ROWS]
    rows[1][7] = "13600003333"  # a new phone
    rows[2][5] = "第三居民小组"  # the household moved to another group
    rows.append(("赵敏", "110105200001010000"[:17] + _check("110105200001010000"[:17]), "", "", "01003", "", "", "",
                 "", ""))
    write_csv(path, rows)
    report = community.json("member", "import", path)
    assert (report["added"], report["updated"], report["unchanged"]) == (1, 1, 2)
    assert (report["groups_added"], report["households_added"], report["households_updated"]) == (1, 1, 1)
    after = _members(community)
    assert after["李强"]["id"] == before["李强"]["id"] and after["李强"]["phone"] == "13600003333"
    assert after["王芳"]["group"] == "第三居民小组"
    assert len(after) == 4
    event = _audit(community, "member.import_update")[-1]
    assert json.loads(event["before"])["phone"] is None and json.loads(event["after"])["phone"] == "13600003333"
    assert len(_audit(community, "household.update")) == 1


def _check(first17):
    from juwei.rules.idnumber import check_char

    return check_char(first17)


def test_every_bad_row_is_listed_and_nothing_is_written(community, tmp_path, unchanged):
    rows = [list(r) for r in ROWS]
    good = rows[0]
    bad_check = list(good); bad_check[0], bad_check[1] = "甲", "110105194912310021"
    wrong_birth = list(rows[1]); wrong_birth[0], wrong_birth[2] = "乙", "1980-01-02"
    wrong_gender = list(rows[2]); wrong_gender[0], wrong_gender[3] = "丙", "男"
    bad_date = ["丁", "", "2026-02-30", "女", "01009", "", "", "", "", ""]
    vague_date = ["戊", "", "next tuesday-ish", "女", "01009", "", "", "", "", ""]
    several = ["", "12345", "", "X", "01009", "", "", "phone?", "maybe", "perhaps"]
    path = write_csv(tmp_path / "bad.csv", [good, bad_check, wrong_birth, wrong_gender, bad_date, vague_date, several])
    with unchanged():
        err = community.fails("member", "import", path)
    lines = err.splitlines()
    assert lines[0] == "error: bad.csv: 6 row(s) have problems; nothing was imported"
    assert "row 3, column id_number: ID number check digit is wrong (GB 11643): a digit was mistyped" in err
    assert "row 4, column birth_date: 1980-01-02 does not match the birth date in the ID number (1980-01-01)" in err
    assert "row 5, column gender: does not match the ID number, which is a woman's" in err
    assert "row 6, column birth_date: '2026-02-30' is not a real date" in err
    assert "row 7, column birth_date: 'next tuesday-ish' is not a date" in err
    for column in ("name", "id_number", "gender", "phone", "political_rights", "party_member"):
        assert f"row 8, column {column}:" in err
    assert "row 2," not in err
    assert "110105194912310021" not in err  # never echo an ID number


def test_excel_mangled_id_numbers_are_explained(community, tmp_path, unchanged):
    rows = [list(r) for r in ROWS]
    rows[0][1] = "1.10105E+17"
    rows[1][1] = "110105198001010000"  # Excel kept 15 digits and padded with zeros
    rows[2][1] = "３２０１０２１９９５０３１５００２１"  # full-width digits
    path = write_csv(tmp_path / "mangled.csv", rows)
    with unchanged():
        err = community.fails("member", "import", path)
    assert "row 2, column id_number: ID number looks like 1.10105E+17" in err
    assert "row 3, column id_number: ID number check digit is wrong; its last digits are zeros" in err
    assert "row 4, column id_number: ID number contains full-width characters" in err
    # In an xlsx the cell itself is a number.
    xrows = [list(r) for r in ROWS]
    xrows[0][1] = 110105194912310000
    xrows[1][1] = 1.10105198001010e17
    xlsx = write_xlsx(tmp_path / "mangled.xlsx", xrows, text_ids=False)
    with unchanged():
        err = community.fails("member", "import", xlsx)
    assert "row 2, column 身份证号: ID number was stored as a number by the spreadsheet" in err
    assert "row 3, column 身份证号: ID number was stored as a number" in err


def test_duplicate_id_numbers_in_the_file_name_both_rows(community, tmp_path, unchanged):
    rows = [ROWS[0], ROWS[1], list(ROWS[0])]
    rows[2][0] = "张伟二"
    path = write_csv(tmp_path / "dup.csv", rows)
    with unchanged():
        err = community.fails("member", "import", path)
    assert "row 4, column id_number: the same ID number as row 2" in err


def test_household_facts_must_agree_between_rows(community, tmp_path, unchanged):
    rows = [list(r) for r in ROWS]
    rows[1][5] = "第九居民小组"
    rows[1][6] = "别处"
    path = write_csv(tmp_path / "h.csv", rows)
    with unchanged():
        err = community.fails("member", "import", path)
    assert "row 3, column group: household 01001 is in group '第一居民小组' at row 2" in err
    assert "row 3, column address: household 01001 has another address at row 2" in err


def test_columns_missing_and_duplicated(community, tmp_path, unchanged):
    with unchanged():
        err = community.fails("member", "import", write_csv(tmp_path / "b.csv", [("张三",)], headers=("姓名",)))
        assert "missing required column(s) id_number (身份证号)" in err
        err = community.fails("member", "import", write_csv(tmp_path / "c.csv", [("张三", "", "")],
                                                            headers=("姓名", "身份证号", "身份证号码")))
        assert "columns '身份证号' and '身份证号码' both hold id_number" in err


def test_formula_cells_and_headerless_values_are_refused(community, tmp_path, unchanged):
    rows = [list(r) for r in ROWS]
    rows[0][0] = '=HYPERLINK("http://example.com","张伟")'
    rows[1] = rows[1] + ["extra"]
    path = write_csv(tmp_path / "f.csv", rows)
    with unchanged():
        err = community.fails("member", "import", path)
    assert "row 2, column name: holds a spreadsheet formula; import values, not formulas" in err
    assert "row 3, column 11: has a value but no header" in err


def test_group_without_household_is_refused(community, tmp_path, unchanged):
    path = write_csv(tmp_path / "g.csv", [("张三", "", "", "", "", "第一居民小组", "", "", "", "")])
    with unchanged():
        err = community.fails("member", "import", path)
    assert "row 2, column household: a group or address belongs to a household" in err


def test_members_without_id_numbers_match_by_name_household_and_birth(community, tmp_path):
    path = write_csv(tmp_path / "n.csv", [("张三", "", "1950-01-01", "男", "01001", "", "", "", "", "")])
    assert community.json("member", "import", path)["added"] == 1
    assert community.json("member", "import", path)["unchanged"] == 1


@pytest.mark.parametrize("name,content,message", [
    ("old.xls", b"\xd0\xcf\x11\xe0", "the old Excel format (.xls) is not read"),
    ("notes.txt", b"x", "only .csv and .xlsx files can be imported"),
    ("empty.csv", b"", "has no header row (it is empty)"),
    ("broken.xlsx", b"PK\x03\x04garbage", "is not a readable .xlsx workbook"),
    ("latin1.csv", "name,id_number\nJos\xe9,\n".encode("latin-1") + b"\xff\xfe\x80", "cannot tell the file's text"),
    ("cut.csv", "姓名,身份证号\n张".encode() + "三".encode()[:2], "looks truncated"),
    ("utf16.csv", "姓名\n".encode("utf-16"), "UTF-16"),
])
def test_unreadable_files_are_refused_clearly(community, tmp_path, unchanged, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with unchanged():
        err = community.fails("member", "import", path)
    assert message in err


def test_missing_file_and_missing_database(cli, community, tmp_path):
    err = community.fails("member", "import", tmp_path / "nope.csv")
    assert "no such file" in err
    other = type(cli)(str(tmp_path / "none.db"))
    err = other.fails("member", "import", write_csv(tmp_path / "r.csv"))
    assert "no juwei database at" in err


def test_truncated_xlsx_is_refused(community, tmp_path, unchanged):
    good = write_xlsx(tmp_path / "full.xlsx")
    data = good.read_bytes()
    for cut in (len(data) // 3, len(data) - 200):
        path = tmp_path / f"cut{cut}.xlsx"
        path.write_bytes(data[:cut])
        with unchanged():
            err = community.fails("member", "import", path)
        assert "xlsx" in err


def test_json_failure_lists_problems(community, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][3] = "?"
    result = community("member", "import", write_csv(tmp_path / "j.csv", rows), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["problems"] == [{"row": 3, "column": "gender", "reason": "'?' is not a gender; use M/F or 男/女"}]


def test_progress_is_reported_for_large_files(tmp_path):
    from juwei.services import importer

    rows = _sample(5000)
    path = write_csv(tmp_path / "big.csv", rows)
    calls = []
    sheet, valid = importer.load_file(path, lambda phase, done, total: calls.append((phase, done, total)))
    assert len(valid.entries) == 5000
    assert calls[-1] == ("validate", 5000, 5000) and len(calls) >= 3


def _sample(n):
    from juwei.services.demo import sample_rows

    out = []
    for row in sample_rows(dt.date(2026, 3, 1), households=n // 2 + 10):
        out.append([row[k] for k in EN])
        if len(out) == n:
            return out
    return out


def test_a_realistic_roster_round_trips(community, tmp_path):
    rows = _sample(400)
    path = write_csv(tmp_path / "r.csv", rows, encoding="gb18030", newline="\n")
    first = community.json("member", "import", path)
    assert first["added"] == 400 and first["encoding"] == "gb18030"
    assert community.json("member", "import", path)["unchanged"] == 400
    db = community.db
    if "://" not in db:  # the member table has exactly the file's residents, once each
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(DISTINCT id_number), count(*) FROM member").fetchone() == (400, 400)
            assert conn.execute("SELECT count(*) FROM audit_event WHERE action='member.import'").fetchone() == (1,)
    assert community.json("audit", "verify")["ok"]


def test_an_imported_row_changed_behind_juwei_is_named_by_verify(community, tmp_path):
    """One event covers an import's new rows, yet a single row edited outside juwei is still found."""
    from sqlalchemy import create_engine, text

    from juwei.storage.engine import database_url

    path = write_csv(tmp_path / "r.csv", _sample(200))
    community.json("member", "import", path)
    victim = _members(community)
    victim = sorted(victim.values(), key=lambda m: m["id"])[117]
    engine = create_engine(database_url(community.db))
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE member SET name = '改名' WHERE id = :id"), {"id": victim["id"]})
    finally:
        engine.dispose()
    result = community("audit", "verify", "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(p["kind"], p["entity"]) for p in report["problems"]] == [("row_changed", f"member:{victim['id']}")]


def test_chunked_writes_roll_back_when_a_late_row_is_bad(community, tmp_path, unchanged, monkeypatch):
    from juwei.services import importer

    monkeypatch.setattr(importer._Writer, "CHUNK", 2)
    rows = _sample(9)
    rows[8][3] = "?"  # the last row is bad, after four chunks were written in the transaction
    path = write_csv(tmp_path / "late.csv", rows)
    with unchanged():
        err = community.fails("member", "import", path)
    assert "row 10, column gender:" in err
    rows[8][3] = ""
    write_csv(path, rows)
    assert community.json("member", "import", path)["added"] == 9


def test_chunked_household_completed_by_a_later_row(community, tmp_path, monkeypatch):
    from juwei.services import importer

    monkeypatch.setattr(importer._Writer, "CHUNK", 1)
    rows = [list(r) for r in ROWS]
    rows[0][5] = rows[0][6] = ""  # the household's group and address come with the next row
    path = write_csv(tmp_path / "late.csv", rows)
    report = community.json("member", "import", path)
    assert (report["added"], report["households_added"], report["households_updated"]) == (3, 2, 0)
    households = {h["number"]: h for h in community.json("household", "list")}
    assert households["01001"]["group"] == "第一居民小组" and households["01001"]["address"] == "和平里1号楼101"
    again = community.json("member", "import", path, "--dry-run")
    assert (again["unchanged"], again["households_updated"]) == (3, 0)


def test_rows_written_again_after_their_import_event_get_their_own(community, tmp_path):
    """In one transaction: an import (one fingerprint event), then one imported row changed and one deleted.
    The commit-time check records both, so the trail still verifies."""
    from sqlalchemy import text

    from juwei.services import importer
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    path = write_csv(tmp_path / "r.csv", _sample(100))
    store = open_store(community.db)
    try:
        with open_scope(store, None, write=True) as sc:
            importer.import_members(sc, path)
            first, second = sc.session.execute(text("SELECT id FROM member ORDER BY id LIMIT 2")).scalars()
            sc.session.execute(text("UPDATE member SET phone = '13800000000' WHERE id = :id"), {"id": first})
            sc.session.execute(text("DELETE FROM member WHERE id = :id"), {"id": second})
    finally:
        store.dispose()
    actions = {e["entity"]: e["action"] for e in community.json("audit", "log")
               if e["action"].startswith("db.") and e["entity"].startswith("member:")}
    assert actions == {f"member:{first}": "db.insert", f"member:{second}": "db.delete"}
    assert community.json("audit", "verify")["ok"]
