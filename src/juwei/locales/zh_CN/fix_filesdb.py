"""Chinese for files juwei writes and reads, the database file itself, restores and parameters."""

MESSAGES = {
    "{param}: {value} is too large; no id or count goes above {largest}":
        "{param}:{value} 太大;编号和数量都不超过 {largest}",
    "removed {path}, left by an interrupted backup or restore":
        "已删除 {path}(中断的备份或恢复留下的文件)",
    "the upgrade from {old} failed and nothing was changed: {reason}; the schema revision recorded in the "
    "database may not match its tables (restore a backup)":
        "从 {old} 升级失败,未做任何更改:{reason};数据库记录的结构版本可能与其数据表不符(请恢复备份)",
    "{option}: {value} is not a plausible meeting time (the year must be {first}–{last})":
        "{option}:{value} 不是合理的会议时间(年份须在 {first}–{last} 之间)",
    "{option}: give a file name": "{option}:请给出文件名",
    "{option}: {path} is in a system folder ({folder}); write into a folder of your own":
        "{option}:{path} 位于系统目录({folder});请写到您自己的目录中",
    "{option}: the folder {folder} does not exist": "{option}:目录 {folder} 不存在",
    "{option}: cannot write into {folder}: permission denied": "{option}:无法写入 {folder}:没有权限",
    "{option}: give a folder name": "{option}:请给出目录名",
    "{option}: {path} is a system folder; choose a folder of your own": "{option}:{path} 是系统目录;请选择您自己的目录",
    "{option}: {path} exists and is not a folder": "{option}:{path} 已存在且不是目录",
    "{option}: {path} is larger than {mb} MB; this is for text, not data":
        "{option}:{path} 超过 {mb} MB;这里只接受文字,不接受数据文件",
    "{option}: cannot use {path}: {reason}": "{option}:无法使用 {path}:{reason}",
    "{option}: {path} is a folder; give a file name (for example {example})":
        "{option}:{path} 是目录;请给出文件名(例如 {example})",
    "{option}: {path} is not a regular file (a device, pipe or socket); juwei writes only ordinary files":
        "{option}:{path} 不是普通文件(设备、管道或套接字);juwei 只写普通文件",
    "{option}: {path} already exists; add --force to replace it, or choose another name":
        "{option}:{path} 已存在;如要替换请加 --force,或另选文件名",
    "{option}: no file {path}": "{option}:没有文件 {path}",
    "{option}: cannot read {path}: {reason}": "{option}:无法读取 {path}:{reason}",
    "{option}: {path} is not UTF-8 text": "{option}:{path} 不是 UTF-8 文本",
    "{option}: {path} is a folder; give a file": "{option}:{path} 是目录;请给出文件",
    "{option}: {path} is not an ordinary file": "{option}:{path} 不是普通文件",
    "{path} already exists; add --force to replace it, or choose another name":
        "{path} 已存在;如要替换请加 --force,或另选文件名",
    "the backup holds {backup}, the database it replaced held {current}: another community's database?":
        "备份中是 {backup},被替换的数据库中是 {current}:是否是另一个社区的数据库?",
    "the backup's audit trail is not an earlier state of the replaced database's (they differ by event {seq}): "
    "a rewritten chain or another database's history; check it against a posted seal with --seal FILE":
        "备份的审计记录不是被替换数据库的早先状态(到第 {seq} 条事件时已不同):审计链被改写,或是另一个数据库的历史;"
        "请用 --seal 文件 与张贴的封存核对",
    "the backup is older than the database it replaced: its audit trail ends at event {old}, the replaced one's "
    "at {new}; events {first}–{new} are only in {kept}":
        "备份比被替换的数据库旧:备份的审计记录止于第 {old} 条事件,被替换的止于第 {new} 条;第 {first}–{new} 条只保存在 {kept}",
    "--db: {path} is a folder; give a database file name (for example {example})":
        "--db:{path} 是目录;请给出数据库文件名(例如 {example})",
    "--db: give a database file path or a URL": "--db:请给出数据库文件路径或 URL",
    "{db} already holds tables that are not juwei's ({tables}); init creates a new database or adds a community "
    "to a juwei database: choose another --db":
        "{db} 中已有不属于 juwei 的数据表({tables});init 只新建数据库或向 juwei 数据库添加社区:请另选 --db",
    "--db: {path} is not an ordinary file": "--db:{path} 不是普通文件",
    "{db} is not a juwei database (not an SQLite file); choose another --db":
        "{db} 不是 juwei 数据库(不是 SQLite 文件);请另选 --db",
    "--db: {path} is not a folder": "--db:{path} 不是目录",
}
