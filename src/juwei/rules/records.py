"""Validating one resident's record, field by field (for `member add`, `member update` and imports).

Pure: takes what the clerk typed or the spreadsheet held, returns clean values or raises
:class:`FieldError` naming the field. The ID number, when present, decides birth date and gender
(GB 11643); a typed birth date or gender that disagrees with it is an error, not a silent overwrite.

Every value but a name and a note is folded (:func:`juwei.rules.text.fold`) here, the one place values
are cleaned, so ``０３０３`` and ``0303`` are one household and ``１３８…`` is a phone number.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping

from juwei.errors import ValidationError, named
from juwei.i18n import t
from juwei.rules.dates import parse_date
from juwei.rules.idnumber import parse_id
from juwei.rules.text import fold, odd_digit

GENDERS = {"m": "M", "male": "M", "男": "M", "f": "F", "female": "F", "女": "F"}
_TRUE = {"yes", "y", "true", "1", "是", "党员", "中共党员", "√", "x"}
_FALSE = {"no", "n", "false", "0", "否", "", "群众", "非党员"}
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{2,30}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DATE_FIELDS = ("birth_date", "moved_in", "moved_out", "rights_deprived_from", "rights_deprived_until")
RIGHTS_NORMAL = {"", "正常", "有", "yes", "normal", "享有", "有政治权利"}
# The earliest plausible birth, move or deprivation date. The longest verified human life is 122 years:
# someone born before 1900 would be over 126 in 2026, so an earlier date is a typo (1800 for 2000, a
# year read as 0001), not a resident. Births and moves are facts, so none is after today either.
EARLIEST_PLAUSIBLE_DATE = dt.date(1900, 1, 1)
_PAST_ONLY = ("birth_date", "moved_in", "moved_out")
MEMBER_FIELDS = ("name", "id_number", "birth_date", "gender", "phone", "party_member",
                 "rights_deprived_from", "rights_deprived_until", "moved_in", "moved_out", "note", "relationship")
RELATIONSHIP_LIMIT = 32  # 与户主关系: 户主, 配偶, 长子, 孙女, 儿媳, …


class FieldError(ValidationError):
    """A bad value in one named field: ``field`` names it (a column of an import, an option of a command)
    and ``reason`` is what is wrong with it."""

    def __init__(self, field: str, message: str):
        super().__init__(t("{field}: {message}", field=named(field), message=message), field=field)
        self.reason = message


def _text(value: Any) -> str:
    """A cell or option as folded text: full-width digits and letters become plain ones."""
    if type(value) is str:  # the common case first: imports call this ~500,000 times
        return (value if value.isascii() else fold(value)).strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return fold(str(value)).strip()


def _as_typed(value: Any) -> str:
    """Free text (a name, a note) as the clerk typed it, only trimmed."""
    return value.strip() if type(value) is str else _text(value)


def clean_name(value: Any) -> str:
    name = _as_typed(value)
    if not name:
        raise FieldError("name", t("a name is required"))
    if len(name) > 100 or _CONTROL.search(name):
        raise FieldError("name", t("a name is at most 100 characters, without control characters"))
    return name


def clean_gender(value: Any) -> str | None:
    raw = _text(value).lower()
    if not raw:
        return None
    if raw not in GENDERS:
        raise FieldError("gender", t("'{value}' is not a gender; use M/F or 男/女", value=_text(value)[:20]))
    return GENDERS[raw]


def clean_bool(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raw = _text(value).lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise FieldError(field, t("'{value}' is not yes/no (是/否)", value=_text(value)[:20]))


def clean_date(field: str, value: Any) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_date(value)
    except ValidationError as exc:
        raise FieldError(field, exc.message) from None


def check_plausible(field: str, day: dt.date, today: dt.date | None = None) -> dt.date:
    """A member's date on or after :data:`EARLIEST_PLAUSIBLE_DATE`; a birth or move also not after
    ``today`` (when given). Raises :class:`FieldError` naming the field and the allowed range."""
    if day < EARLIEST_PLAUSIBLE_DATE:
        raise FieldError(field, t("{day} is before {earliest}: not a plausible date for a resident",
                                  day=day, earliest=EARLIEST_PLAUSIBLE_DATE))
    if today is not None and field in _PAST_ONLY and day > today:
        raise FieldError(field, t("{day} is after today ({today}): a birth or a move cannot be in the future",
                                  day=day, today=today))
    return day


def clean_phone(value: Any) -> str | None:
    raw = _text(value)
    if not raw:
        return None
    if not _PHONE.match(raw) or (type(value) is str and odd_digit(value)):
        raise FieldError("phone", t("a phone number has digits, spaces, - and an optional leading +"))
    return raw


def clean_relationship(value: Any) -> str | None:
    """与户主关系 as the household register writes it (户主, 配偶, 子, 女, …): free text, at most
    :data:`RELATIONSHIP_LIMIT` characters; blank is not recorded."""
    text = _as_typed(value)
    if not text:
        return None
    if len(text) > RELATIONSHIP_LIMIT or _CONTROL.search(text):
        raise FieldError("relationship", t("at most {limit} characters, without control characters",
                                           limit=RELATIONSHIP_LIMIT))
    return text


def clean_member(values: Mapping[str, Any], *, partial: bool = False,
                 problems: list[FieldError] | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """Validate the member fields present in ``values``; with ``partial`` only those given are checked.

    Returns a dict of clean values. ``id_number`` fills ``birth_date`` and ``gender`` when they are
    absent and must agree with them when present. Every date is checked by :func:`check_plausible`
    (births and moves against ``today`` when given). Raises the first :class:`FieldError`; given a
    ``problems`` list instead, appends every bad field to it (imports report them all) and leaves
    those fields out of the result.
    """
    out: dict[str, Any] = {}

    def fail(error: FieldError) -> None:
        if problems is None:
            raise error
        problems.append(error)

    # Written out field by field (no helper per field): imports call this for every row.
    if "name" in values or not partial:
        try:
            out["name"] = clean_name(values.get("name"))
        except FieldError as exc:
            fail(exc)
    if "gender" in values:
        try:
            out["gender"] = clean_gender(values["gender"])
        except FieldError as exc:
            fail(exc)
    for key in _DATE_FIELDS:
        if key in values:
            try:
                day = out[key] = clean_date(key, values[key])
                if day is not None and day != dt.date.min:  # date.min: deprived since an unknown day
                    check_plausible(key, day, today)
            except FieldError as exc:
                out.pop(key, None)
                fail(exc)
    if "phone" in values:
        try:
            out["phone"] = clean_phone(values["phone"])
        except FieldError as exc:
            fail(exc)
    if "party_member" in values:
        try:
            out["party_member"] = clean_bool("party_member", values["party_member"])
        except FieldError as exc:
            fail(exc)
    if "note" in values:
        out["note"] = _as_typed(values["note"]) or None
    if "relationship" in values:
        try:
            out["relationship"] = clean_relationship(values["relationship"])
        except FieldError as exc:
            fail(exc)
    raw_id = values.get("id_number")
    if "id_number" in values:
        if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
            out["id_number"] = None
        else:
            try:
                info = parse_id(raw_id)
            except ValidationError as exc:
                fail(FieldError("id_number", exc.message))
                info = None
            if info is not None and out.get("birth_date") != info.birth_date:
                try:
                    check_plausible("birth_date", info.birth_date, today)
                except FieldError as exc:
                    fail(FieldError("id_number", t("holds a birth date that is not plausible: {reason}",
                                                   reason=exc.reason)))
                    info = None
            if info is not None:
                out["id_number"] = info.number
                if out.get("birth_date") and out["birth_date"] != info.birth_date:
                    fail(FieldError("birth_date", t("{given} does not match the birth date in the ID number "
                                                    "({derived})", given=out["birth_date"], derived=info.birth_date)))
                if out.get("gender") and out["gender"] != info.gender:
                    fail(FieldError("gender", t("does not match the ID number, which is a {gender}'s",
                                                gender=t("man") if info.gender == "M" else t("woman"))))
                out["birth_date"] = info.birth_date
                out["gender"] = info.gender
    frm, until = out.get("rights_deprived_from"), out.get("rights_deprived_until")
    if frm and until and until < frm:
        fail(FieldError("rights_deprived_until", t("ends before the deprivation starts ({start})", start=frm)))
    if out.get("moved_in") and out.get("moved_out") and out["moved_out"] < out["moved_in"]:
        fail(FieldError("moved_out", t("is before moved_in ({day})", day=out["moved_in"])))
    return out


def political_rights(value: Any) -> tuple[bool, dt.date | None, dt.date | None]:
    # Returns (deprived, from, until); an unknown start is ``date.min`` so the deprivation is in force.
    """Read a spreadsheet's political_rights cell: blank/正常/有 → not deprived; 剥夺/deprived → deprived
    (open-ended); ``剥夺 2024-01-01~2027-12-31`` or ``deprived 2024-01-01..2027-12-31`` → with dates."""
    raw = _text(value)
    if raw.lower() in RIGHTS_NORMAL:
        return False, None, None
    match = re.match(r"^(剥夺|被剥夺|deprived|no|无)\s*(.*)$", raw, re.IGNORECASE)
    if not match:
        raise FieldError("political_rights", t("'{value}' is not understood; use 正常 (normal), 剥夺 (deprived), "
                                               "or 剥夺 2024-01-01~2027-12-31", value=raw[:40]))
    rest = match.group(2).strip()
    if not rest:
        return True, dt.date.min, None  # deprived, dates unknown: from the beginning, open-ended
    parts = re.split(r"\s*(?:~|～|至|到|\.\.|--)\s*", rest)
    start = clean_date("political_rights", parts[0]) if parts[0] else dt.date.min
    end = clean_date("political_rights", parts[1]) if len(parts) > 1 and parts[1] else None
    for day in (start, end):
        if day is not None and day != dt.date.min:
            check_plausible("political_rights", day)
    if len(parts) > 2 or (start and end and end < start):
        raise FieldError("political_rights", t("the deprivation period '{value}' is not a valid range", value=rest[:40]))
    return True, start, end


def clean_label(field: str, value: Any, limit: int) -> str | None:
    """A short free-text cell (household number, group name, address): blank → None; at most ``limit``
    characters, without control characters."""
    text = _text(value)
    if not text:
        return None
    if len(text) > limit or _CONTROL.search(text):
        raise FieldError(field, t("at most {limit} characters, without control characters", limit=limit))
    return text


# ---------------------------------------------------------------- the lines under a roster's table

# What the lines under a clerk's table begin with: who drew it up and checked it, when, totals, notes. A
# resident's name is never one of these alone or followed by a colon or a space (totals: followed by anything).
_FOOTER_LABELS = ("制表人", "制表单位", "制表", "填表人", "填报人", "填报单位", "填表单位", "审核人", "审核",
                  "审批人", "复核人", "负责人", "经办人", "联系人", "统计人", "填表日期", "制表日期", "统计日期",
                  "填报日期", "日期", "说明", "注", "备注", "单位", "盖章")
_TOTALS = ("合计", "总计", "小计", "共计", "总数", "总人数")
_FOOTER = re.compile(r"^\s*(?:(?:%s)(?:\s*[:：]|\s|$)|(?:%s))" % ("|".join(_FOOTER_LABELS), "|".join(_TOTALS)))


def footer_label(cells: Any) -> bool:
    """A row whose first filled cell begins like the lines under a table (制表人：…, 审核人：…, 合计…,
    填表日期：…): never a resident, wherever it stands."""
    for cell in cells:
        if cell is None or (type(cell) is str and not cell.strip()):
            continue
        return type(cell) is str and _FOOTER.match(fold(cell)) is not None
    return False


_NAME_LIKE = re.compile(r"^[^\W\d_]+(?:[·・•．.][^\W\d_]+)*$")


def looks_like_name(value: Any) -> bool:
    """A cell that could be a resident's name alone (张三, 阿依古丽·买买提): letters only, at most 20 of them —
    never a date, a count, a formula or a line with a colon or brackets (东城社区居委会（盖章）)."""
    if type(value) is not str:
        return False
    text = value.strip()
    return 0 < len(text) <= 20 and _NAME_LIKE.match(text) is not None and not _FOOTER.match(text)


def filled_cells(cells: Any) -> int:
    """How many cells of the row hold something (a row of one is a footer line when nothing follows it)."""
    return sum(1 for c in cells if not (c is None or (type(c) is str and not c.strip())))
