"""Chinese messages of the roster import (`juwei member import`)."""

MESSAGES = {
    "row {row}, column {column}: {reason}": "第 {row} 行，{column} 列：{reason}",
    "{path}: only .csv and .xlsx files can be imported": "{path}：只能导入 .csv 和 .xlsx 文件",
    "no such file: {path}": "找不到文件：{path}",
    "{path}: the old Excel format (.xls) is not read; in Excel use Save As → Excel Workbook (.xlsx) or CSV UTF-8":
        "{path}：不能读取旧版 Excel 格式（.xls）；请在 Excel 中“另存为”Excel 工作簿（.xlsx）或 CSV UTF-8",
    "{path} has no header row (it is empty); the columns accepted are: {headers}":
        "{path} 没有表头行（文件是空的）；可用的列为：{headers}",
    "unknown column(s) {columns} in the header (row {row}); the columns accepted are: {headers}":
        "表头（第 {row} 行）中有无法识别的列 {columns}；可用的列为：{headers}",
    "missing required column(s) {columns} in the header (row {row}); the columns accepted are: {headers}":
        "表头（第 {row} 行）缺少必需的列 {columns}；可用的列为：{headers}",
    "{file}: {rows} row(s) have problems; nothing was imported": "{file}：有 {rows} 行存在问题，未导入任何数据",
    "the file is UTF-16 (Excel's \"Unicode Text\"); save it as CSV UTF-8 instead":
        "文件是 UTF-16 编码（Excel 的“Unicode 文本”）；请改存为 CSV UTF-8",
    "cannot tell the file's text encoding (tried UTF-8 and GB18030); in Excel use Save As → CSV UTF-8":
        "无法识别文件的文字编码（已尝试 UTF-8 和 GB18030）；请在 Excel 中“另存为”CSV UTF-8",
    "{path} is not a readable .xlsx workbook ({reason}); it may be damaged or truncated: save it again from Excel":
        "{path} 不是可读取的 .xlsx 工作簿（{reason}）；文件可能已损坏或不完整，请用 Excel 重新保存",
    "{path} could not be read to the end ({reason}); it may be damaged or truncated: save it again":
        "{path} 无法完整读取（{reason}）；文件可能已损坏或不完整，请重新保存",
    "the file ends in the middle of a character: it looks truncated; save or copy it again":
        "文件在一个字符中间结束，看来不完整；请重新保存或复制",
    "columns '{a}' and '{b}' both hold {field}; keep one": "“{a}”和“{b}”两列都是 {field}；请只保留一列",
    "a group or address belongs to a household: give the household number (户号) too":
        "居民小组和住址属于户：请同时填写户号",
    "the same ID number as row {row}": "与第 {row} 行的身份证号相同",
    "the same name, household and birth date as row {row}, and no ID number":
        "与第 {row} 行姓名、户号、出生日期都相同，且没有身份证号",
    "has a value but no header; name the column or clear it": "有内容但没有表头；请填写列名或清空该列",
    "holds a spreadsheet formula; import values, not formulas": "是电子表格公式；请导入数值而不是公式",
    "household {household} is in group '{group}' at row {row}": "第 {row} 行中户 {household} 属于“{group}”",
    "household {household} has another address at row {row}": "第 {row} 行中户 {household} 的住址不同",
    "added {added}, updated {updated}, unchanged {unchanged}": "新增 {added}，更新 {updated}，未变 {unchanged}",
    "{rows} rows from {file}": "来自 {file} 的 {rows} 行",
    "groups added {groups}, households added {households}, households updated {changed}":
        "新增居民小组 {groups}，新增户 {households}，更新户 {changed}",
    "dry run, nothing written: would have {counts} ({source}); {made}":
        "试运行，未写入任何数据：将会{counts}（{source}）；{made}",
    "{counts} ({source}); {made}": "{counts}（{source}）；{made}",
    "importing rows": "正在导入",
    "at most {limit} characters, without control characters": "最多 {limit} 个字符，不能含控制字符",
}
