"""Chinese messages of the integrity domain: audit trail, seals, backups, restores, checks."""

MESSAGES = {
    # juwei audit
    "The audit trail: verify it, read its history, seal it for the board.": "审计记录:校验、查看历史、生成可公示的封存凭证。",
    "no audit events match": "没有符合条件的审计记录",
    "the audit trail is intact: {events} events (head {seq} {hash}); {rows} rows in {tables} tables match their latest events":
        "审计记录完整:共 {events} 条记录(最新 {seq} {hash});{tables} 张表中的 {rows} 行均与其最新记录一致",
    "… and {n} more": "……另有 {n} 处",
    "audit verify found {n} problem(s); the first: {first}": "审计校验发现 {n} 处问题;第一处:{first}",
    "cannot write {path}: {reason}": "无法写入 {path}:{reason}",
    "cannot read {path}: {reason}": "无法读取 {path}:{reason}",
    "audit event id {id} ({entity}) is not in the chain: it was inserted outside juwei":
        "审计记录 id {id}({entity})不在哈希链中:它是在 juwei 之外插入的",
    "audit events {first}–{last} are missing (deleted) before event {seq}": "第 {seq} 条记录之前的第 {first}–{last} 条审计记录缺失(已被删除)",
    "audit event {seq} appears twice": "第 {seq} 条审计记录出现了两次",
    "audit event {seq} ({action} {entity}) was changed after it was written: its hash does not match its content":
        "第 {seq} 条审计记录({action} {entity})写入后被改动:哈希值与内容不符",
    "audit event {seq} ({action} {entity}) does not follow the event before it: events were reordered, removed or replaced":
        "第 {seq} 条审计记录({action} {entity})与前一条接不上:记录被调换顺序、删除或替换",
    "audit event {seq} no longer has the hash the seal recorded: the history up to the seal was rewritten":
        "第 {seq} 条审计记录的哈希值与封存凭证不符:封存之前的历史被改写",
    "the seal covers event {seq} but the chain ends at {head}: sealed events were removed":
        "封存凭证覆盖到第 {seq} 条记录,但哈希链只到第 {head} 条:已封存的记录被删除",
    "row {entity} has no audit event: it was inserted outside juwei": "数据行 {entity} 没有审计记录:它是在 juwei 之外插入的",
    "row {entity} was recorded as deleted but exists again": "数据行 {entity} 记录为已删除,却又出现了",
    "row {entity} no longer matches its latest audit event (changed: {columns})":
        "数据行 {entity} 与其最新审计记录不符(被改动的字段:{columns})",
    "row {entity} was deleted outside juwei (its latest audit event says it exists)":
        "数据行 {entity} 在 juwei 之外被删除(其最新审计记录表明它应当存在)",
    "juwei audit seal": "juwei 审计封存凭证",
    "sealed at: {at}": "封存时间:{at}",
    "head event: {seq}": "最新记录序号:{seq}",
    "head hash: {hash}": "最新哈希值:{hash}",
    "events in this database: {n}": "本数据库审计记录数:{n}",
    "community: {name}; its events: {n}": "社区:{name};其审计记录数:{n}",
    "rows in {table}: {n}": "{table} 表行数:{n}",
    "sealed records: {n}; their digest: {digest}": "封存的记录:{n} 条;摘要:{digest}",
    "{path} is not a juwei seal (no 'juwei-seal:' line)": "{path} 不是 juwei 封存凭证(没有 'juwei-seal:' 行)",
    # juwei db backup / restore / check
    "backed up to {path}: {events} audit events, head {hash}": "已备份到 {path}:{events} 条审计记录,最新哈希 {hash}",
    "restored from {path}: {events} audit events, head {hash}": "已从 {path} 恢复:{events} 条审计记录,最新哈希 {hash}",
    "the replaced database is kept at {path}": "被替换的数据库保留在 {path}",
    "database check failed: {checks}": "数据库检查未通过:{checks}",
    "ok": "正常",
    "FAILED": "未通过",
    "{what} works on SQLite files; for PostgreSQL ({db}) use pg_dump and pg_restore (see docs/deploy-postgresql.md)":
        "{what} 只用于 SQLite 文件;PostgreSQL({db})请用 pg_dump 和 pg_restore(见 docs/deploy-postgresql.md)",
    "{path} already exists; choose a new file name for the backup": "{path} 已存在;请为备份另选一个文件名",
    "the backup must go to another file than the database itself": "备份不能写到数据库文件本身",
    "the directory {path} does not exist": "目录 {path} 不存在",
    "the backup failed: {reason}": "备份失败:{reason}",
    "no backup file at {path}": "{path} 没有备份文件",
    "{path} is not a juwei database (not an SQLite file)": "{path} 不是 juwei 数据库(不是 SQLite 文件)",
    "{path} cannot be read as a database: {reason}": "{path} 无法作为数据库读取:{reason}",
    "{path} is the database itself; nothing to restore": "{path} 就是数据库本身;无需恢复",
    "{path} is damaged (integrity check: {problem}); not restored": "{path} 已损坏(完整性检查:{problem});未恢复",
    "{path} fails audit verify ({problem}); not restored": "{path} 未通过审计校验({problem});未恢复",
    "{path} already exists; try again in a second": "{path} 已存在;请稍后再试",
    "the restore failed: {reason}": "恢复失败:{reason}",
    # storage
    "the database refused the change (nothing was written): {reason}": "数据库拒绝了这次修改(未写入任何内容):{reason}",
}
