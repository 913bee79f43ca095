import datetime as dt

import pytest

from juwei.rules.idnumber import make_id
from juwei.rules.records import FieldError, clean_member, political_rights

ID = "11010519491231002X"  # LAW.md's example: born 1949-12-31, female


def test_id_number_decides_birth_date_and_gender():
    clean = clean_member({"name": " 张三 ", "id_number": ID.lower()})
    assert clean == {"name": "张三", "id_number": ID, "birth_date": dt.date(1949, 12, 31), "gender": "F"}


@pytest.mark.parametrize("values,field", [
    ({"name": "a", "id_number": ID, "birth_date": "1950-01-01"}, "birth_date"),
    ({"name": "a", "id_number": ID, "gender": "男"}, "gender"),
    ({"name": "a", "id_number": "110105194912310021"}, "id_number"),
    ({"name": "a", "id_number": "1.10105E+17"}, "id_number"),
    ({"name": "a", "id_number": "１１０１０５１９４９１２３１００２X"}, "id_number"),
    ({"name": "", "id_number": ID}, "name"),
    ({"name": "a", "gender": "x"}, "gender"),
    ({"name": "a", "birth_date": "2026-02-30"}, "birth_date"),
    ({"name": "a", "phone": "call me"}, "phone"),
    ({"name": "a", "party_member": "perhaps"}, "party_member"),
    ({"name": "a", "rights_deprived_from": "2026-01-01", "rights_deprived_until": "2025-01-01"},
     "rights_deprived_until"),
])
def test_bad_fields_are_named(values, field):
    with pytest.raises(FieldError) as err:
        clean_member(values)
    assert err.value.field == field
    assert ID not in err.value.message  # never echo a whole ID number


def test_id_stored_as_number_is_explained():
    with pytest.raises(FieldError) as err:
        clean_member({"name": "a", "id_number": 110105194912310000})
    assert "text" in err.value.message


def test_dates_in_the_forms_clerks_use():
    for text in ("2026-03-05", "2026/3/5", "2026年3月5日", "2026.3.5", "20260305"):
        assert clean_member({"name": "a", "moved_in": text})["moved_in"] == dt.date(2026, 3, 5)


@pytest.mark.parametrize("cell,expected", [
    ("", (False, None, None)), ("正常", (False, None, None)),
    ("剥夺", (True, dt.date.min, None)),
    ("剥夺 2024-01-01~2027-12-31", (True, dt.date(2024, 1, 1), dt.date(2027, 12, 31))),
    ("deprived 2024/1/1..2027/12/31", (True, dt.date(2024, 1, 1), dt.date(2027, 12, 31))),
])
def test_political_rights_cell(cell, expected):
    assert political_rights(cell) == expected


def test_political_rights_nonsense_is_refused():
    with pytest.raises(FieldError):
        political_rights("maybe")


def test_make_id_is_valid():
    number = make_id("110101", dt.date(2008, 11, 24), 123)
    assert clean_member({"name": "a", "id_number": number})["gender"] == "M"
