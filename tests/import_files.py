"""Writing roster files the way clerks' spreadsheets hold them (for the import tests)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Sequence

EN = ("name", "id_number", "birth_date", "gender", "household", "group", "address", "phone",
      "political_rights", "party_member")
ZH = ("姓名", "身份证号", "出生日期", "性别", "户号", "居民小组", "住址", "电话", "政治权利", "党员")

# Three residents of two households; every ID number valid (GB 11643).
ROWS = [
    ("张伟", "11010519491231002X", "1949-12-31", "女", "01001", "第一居民小组", "和平里1号楼101", "13800001111",
     "正常", "是"),
    ("李强", "110105198001010016", "1980/1/1", "男", "01001", "第一居民小组", "和平里1号楼101", "", "正常", "否"),
    ("王芳", "320102199503150021", "1995年3月15日", "女", "01002", "第二居民小组", "和平里2号楼202", "13900002222",
     "剥夺 2024-01-01~2027-12-31", "否"),
]


def csv_bytes(rows: Sequence[Sequence[Any]], headers: Sequence[str] = EN, *, encoding: str = "utf-8",
              newline: str = "\r\n") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def write_csv(path: Path, rows: Sequence[Sequence[Any]] = ROWS, headers: Sequence[str] = EN, **kw) -> Path:
    path.write_bytes(csv_bytes(rows, headers, **kw))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]] = ROWS, headers: Sequence[str] = ZH, *,
               title: str | None = None, text_ids: bool = True) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    if title:
        sheet.append([title])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    if text_ids:
        for cell in sheet["B"]:
            cell.number_format = "@"
    book.save(path)
    return path
