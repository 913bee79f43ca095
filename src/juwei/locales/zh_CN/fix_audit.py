"""Chinese messages of the tamper-evident record: closed meetings' final records, the schema, wrong types."""

MESSAGES = {
    "audit event {seq} ({action} {entity}) changes the final record of meeting {meeting} after it was closed "
    "(event {closed}): a closed meeting's tallies, roll and attendance are final":
        "审计记录第{seq}条（{action} {entity}）在会议 {meeting} 闭会（第{closed}条）之后改动了其最终记录："
        "已闭会会议的计票、名册和签到不可再改",
    "meeting {meeting} is closed but the seal event its close recorded is missing: events were removed from the "
    "trail (a posted seal shows how many)":
        "会议 {meeting} 已闭会，但闭会时记录的封存事件不见了：审计记录被删去了一部分（张贴的封存可查明删去多少）",
    "the final record of meeting {meeting} (tallies, roll, attendance, ballots) is no longer the one sealed on "
    "its minutes":
        "会议 {meeting} 的最终记录（计票、名册、签到、表决票）已不是会议记录上封存的那一份",
    "motion {motion}'s tally {tally} does not agree with its stored ballots {ballots} (for/against/abstain)":
        "议案 {motion} 的计票结果 {tally} 与所存表决票 {ballots} 不符（赞成/反对/弃权）",
    "this seal protects the trail up to event {seq}: a later `juwei audit verify --seal` fails if that event is "
    "changed or missing, so events removed from the end are caught only with a posted seal":
        "本封存保护截至第{seq}条的审计记录：该条被改动或缺失时，日后的 `juwei audit verify --seal` 会报错；"
        "从末尾删去的记录只有凭张贴的封存才能发现",
    "the database holds a {kind} juwei does not create: {name}":
        "数据库中有一个 juwei 不会创建的 {kind}：{name}",
    "the database lacks the {kind} {name} that juwei creates":
        "数据库缺少 juwei 应创建的 {kind} {name}",
    "audit event id {id} ({entity}): its seq is not a whole number; it was written outside juwei":
        "审计记录 id {id}（{entity}）：其序号不是整数，是在 juwei 之外写入的",
    "audit event {seq} ({action} {entity}): {columns} holds a value that is not of the column's type; it was "
    "written outside juwei":
        "审计记录第{seq}条（{action} {entity}）：{columns} 的值与该列类型不符，是在 juwei 之外写入的",
    "row {entity}: {columns} holds a value that is not of the column's type; it was written outside juwei":
        "记录 {entity}：{columns} 的值与该列类型不符，是在 juwei 之外写入的",
    "row {entity} was changed since its import (fingerprint): which columns cannot be told from it":
        "记录 {entity} 自导入以来已被改动（指纹不符）：无法从指纹判断改了哪些列",
    "audit event {seq} ({action} {entity}) is dated {at}, before event {before} ({before_at}): event times never "
    "run backwards; it was backdated or inserted":
        "审计记录第{seq}条（{action} {entity}）的时间 {at} 早于第{before}条（{before_at}）：记录时间不会倒退，"
        "此条被倒签或插入",
    "{stored} ballots were stored for the {n} cast: something in the database changes what is written (see "
    "`juwei db check`); nothing was recorded":
        "投出 {n} 张表决票，却存下了 {stored} 张：数据库中有东西在改变写入的内容（见 `juwei db check`）；本次未记录任何内容",
    "only {stored} of the {n} rows were stored: something in the database changes what is written (see "
    "`juwei db check`); nothing was recorded":
        "{n} 行只存下了 {stored} 行：数据库中有东西在改变写入的内容（见 `juwei db check`）；本次未记录任何内容",
    "the database {db} holds a {kind} juwei did not create ({name}), which can change what is written; nothing "
    "is written until it is removed (see `juwei db check`)":
        "数据库 {db} 中有一个不是 juwei 创建的 {kind}（{name}），它可能改变写入的内容；在删除它之前不写入任何内容"
        "（见 `juwei db check`）",
}
