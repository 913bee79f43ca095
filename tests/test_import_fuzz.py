"""Random and adversarial spreadsheets: every file ends in a successful import or a clear refusal (exit 1,
one `error:` line and row-numbered problems), never a traceback."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from import_files import EN, ROWS, ZH, csv_bytes

from juwei.errors import ValidationError
from juwei.rules.idnumber import make_id

valid_ids = st.builds(make_id, st.sampled_from(("110105", "320102", "440106")),
                      st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2025, 12, 31)),
                      st.integers(min_value=0, max_value=999))
adversarial = st.sampled_from([
    "", " ", "\x00", "张\x00三", "=HYPERLINK(\"http://example.com\",\"点我\")", "=1+1", "@SUM(A1)", "+86 138",
    "１１０１０５１９４９１２３１００２Ｘ", "1.10105E+17", "110105194912310000", "11010519491231002x",
    "2026/3/5", "2026年3月5日", "2026-02-30", "20260305", "45000", "0", "-1", "男", "女", "F", "是", "否",
    "剥夺", "剥夺 2024-01-01~2027-12-31", "剥夺 2027-01-01~2024-01-01", "\r\n", "\n\n", "\r", "\"", "\"\"\"",
    "x" * 5000, "户" * 70, "\ufeff姓名", "\u202e反转", "🙂", "NULL", "#N/A", "None",
])
cells = st.one_of(adversarial, valid_ids, st.text(max_size=40), st.text(alphabet="0123456789-/年月日", max_size=12))
headers = st.one_of(st.just(EN), st.just(ZH), st.permutations(EN), st.lists(st.sampled_from(EN + ZH + ("宠物", "")),
                                                                            min_size=1, max_size=11))


files = st.builds(
    lambda hdr, rows, encoding, newline, cut: (hdr, rows, encoding, newline, cut),
    headers,
    st.lists(st.lists(cells, min_size=0, max_size=12), max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
)


def _bytes(hdr, rows, encoding, newline, cut):
    good = []
    for row in rows:
        try:  # gb18030 encodes every code point; NUL-free surrogates are the only misfits
            "".join(map(str, row)).encode(encoding)
            good.append(row)
        except UnicodeEncodeError:
            continue
    data = csv_bytes(good, hdr, encoding=encoding, newline=newline)
    return data[:cut] if cut is not None else data


@settings(max_examples=250, deadline=None)
@given(files)
def test_reading_and_validating_refuses_clearly_or_succeeds(tmp_path_factory, case):
    from juwei.services.importer import load_file

    path = tmp_path_factory.mktemp("fuzz") / "roster.csv"
    path.write_bytes(_bytes(*case))
    try:
        sheet, valid = load_file(path)
    except ValidationError as exc:
        assert exc.message
        for line in [exc.message, *exc.problems]:
            assert "\x00" not in line and "\n" not in line and "\r" not in line
            assert len(line) < 2000
    else:
        assert all(entry.member["name"] for entry in valid.entries)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files)
def test_the_command_never_shows_a_traceback(community, tmp_path, case):
    path = tmp_path / "roster.csv"
    path.write_bytes(_bytes(*case))
    result = community("member", "import", path)
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.startswith("error: ")
        assert "unexpected error" not in result.stderr


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=3), st.integers(min_value=0, max_value=9), cells),
                max_size=6), st.one_of(st.none(), st.integers(min_value=0, max_value=3000)))
def test_adversarial_xlsx_cells(community, tmp_path, edits, cut):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(ZH))
    rows = [list(r) for r in ROWS]
    for row, column, value in edits:
        if row < len(rows):
            rows[row][column] = value
    for row in rows:
        try:
            sheet.append(row)
        except Exception:  # openpyxl refuses some control characters outright; so would Excel
            sheet.append([str(v).encode("unicode_escape").decode() for v in row])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    if cut is not None:
        path.write_bytes(path.read_bytes()[:cut])
    result = community("member", "import", path)
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    assert "Traceback" not in result.output and "unexpected error" not in result.output


def test_huge_cells_and_many_bad_rows_are_reported_compactly(community, tmp_path, unchanged):
    rows = [["x" * 100_000, "１" * 18, "2026-13-45", "?", "户" * 100, "", "", "", "", ""] for _ in range(50)]
    path = tmp_path / "huge.csv"
    path.write_bytes(csv_bytes(rows))
    with unchanged():
        err = community.fails("member", "import", path)
    lines = err.splitlines()
    assert lines[0] == "error: huge.csv: 50 row(s) have problems; nothing was imported"
    assert len(lines) == 1 + 50 * 5 and max(map(len, lines)) < 300


def test_mixed_line_endings(community, tmp_path):
    data = csv_bytes(ROWS[:1]) + csv_bytes(ROWS[1:2], newline="\n")[len(csv_bytes([], newline="\n")):] + \
        csv_bytes(ROWS[2:], newline="\r")[len(csv_bytes([], newline="\r")):]
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    assert community.json("member", "import", path)["added"] == 3
    assert len(community.json("member", "list")) == 3
