"""Chinese for the messages about what a clerk types or imports: dates, digits, spreadsheets, the ledger."""

MESSAGES = {
    # dates
    "'{text}' is ambiguous: {month_first} (month first) or {day_first} (day first); type the date year first, "
    "as {month_first} or {day_first}":
        "“{text}”有歧义：可能是 {month_first}（月在前）或 {day_first}（日在前）；请按年、月、日的顺序输入，"
        "如 {month_first} 或 {day_first}",
    "'{text}' is not a date: '{char}' is not a digit 0-9; use {forms}":
        "“{text}”不是日期：“{char}”不是数字 0-9；请使用 {forms}",
    "'{text}' does not say which number is the year; type the date year first with four digits, e.g. 2026-03-05":
        "“{text}”看不出哪个数是年份；请先写四位年份，如 2026-03-05",
    "'{text}' has the year last; type the date year first: {iso}":
        "“{text}”把年份写在最后；请按年、月、日的顺序输入：{iso}",
    "'{text}' is not a whole date: give year, month and day, e.g. 2026-03-05":
        "“{text}”不是完整的日期：请写出年、月、日，如 2026-03-05",
    # members
    "{day} is before {earliest}: not a plausible date for a resident":
        "{day} 早于 {earliest}，不是居民可能有的日期",
    "{day} is after today ({today}): a birth or a move cannot be in the future":
        "{day} 晚于今天（{today}）：出生和迁入迁出不会发生在将来",
    "holds a birth date that is not plausible: {reason}":
        "其中的出生日期不合理：{reason}",
    "a party member must be at least {age} (Party Constitution, Article 1), but was born {born} "
    "(aged {years} on {today}); check the row":
        "党员须年满{age}周岁（《中国共产党章程》第一条），此人出生于 {born}（{today} 时{years}周岁）；请核对此行",
    # ledger
    "{day} is not between {first} and today ({last}): a ledger entry records money that has moved, at most "
    "{years} years ago (rules key ledger_history_years)":
        "{day} 不在 {first} 至今天（{last}）之间：账目记录已发生的收支，最早可追溯 {years} 年"
        "（规则项 ledger_history_years）",
    "at most 300 characters, without control characters": "最多 300 个字符，且不含控制字符",
    # spreadsheets
    "an unknown encoding": "未知编码",
    "the file's text is not UTF-8 or GB18030: it reads as gibberish ({encoding}?); in Excel use Save As → CSV UTF-8":
        "文件的文字编码不是 UTF-8 或 GB18030，读出来是乱码（可能是 {encoding}）；请在 Excel 中另存为“CSV UTF-8”",
    "{path}, row {row}: a quote (\") opened in this row is not closed where its cell ends, so the cells after it "
    "would run together; close the quote or remove it":
        "{path} 第 {row} 行：此行有一个引号（\"）没有在单元格结尾处闭合，其后的单元格会连成一片；请补上或删去该引号",
}
