"""Chinese messages of `juwei notice` (documents)."""

MESSAGES = {
    "Documents: notices, sign-in sheets, ballots, results, resolutions, minutes, summaries.":
        "文书：会议通知、签到表、表决票、表决结果公告、决议、会议记录、会议纪要。",
    "meeting {id} was cancelled ({reason}); it has no documents": "会议 {id} 已取消（{reason}），没有可打印的文书",
    "meeting {id} has no roll (it was convened without --body), so there is no sign-in sheet":
        "会议 {id} 没有出席名单（召集时未指定 --body），因此没有签到表",
    "meeting {id} has no tally yet: record votes with `juwei vote count` or `juwei vote cast` first":
        "会议 {id} 尚无表决结果：请先用 `juwei vote count` 或 `juwei vote cast` 记录表决",
    "no motion of meeting {id} has passed, so there is no resolution to print":
        "会议 {id} 没有获得通过的议案，因此没有决议可打印",
    "meeting {id} is not closed yet; its minutes are generated from the record when it closes "
    "(`juwei meeting close {id}`)":
        "会议 {id} 尚未结束；会议记录在会议结束后根据记录生成（`juwei meeting close {id}`）",
    "meeting {id} is not closed yet; its summary is printed once it closes (`juwei meeting close {id}`)":
        "会议 {id} 尚未结束；会议纪要在会议结束后方可打印（`juwei meeting close {id}`）",
    "meeting {id} has no summary recorded; add one with `juwei meeting minutes {id} --summary TEXT`":
        "会议 {id} 未录入会议纪要；请用 `juwei meeting minutes {id} --summary TEXT` 录入",
    "meeting {id} is closed and its votes are final; there are no ballots to print":
        "会议 {id} 已结束，表决结果已确定，不再打印表决票",
    "meeting {id} has no motions yet; add them with `juwei motion add {id} --title TEXT` before printing ballots":
        "会议 {id} 还没有议案；打印表决票前请先用 `juwei motion add {id} --title TEXT` 添加",
    "meeting {id} has no roll (it was convened without --body), so there is no one to give ballots to":
        "会议 {id} 没有出席名单（召集时未指定 --body），无人可发表决票",
    "{option} '{value}' is not allowed; use one of {allowed}": "{option} 不允许取值“{value}”；可用：{allowed}",
    "give either --doc DOC or --all": "请指定 --doc DOC 或 --all（二者选一）",
    "--all writes several files: use --out-dir DIR, not --out": "--all 会写出多个文件：请用 --out-dir DIR，而不是 --out",
    "--all needs --out-dir DIR": "--all 需要 --out-dir DIR",
    "--out-dir goes with --all; for one document use --out FILE": "--out-dir 与 --all 配合使用；单个文书请用 --out FILE",
    "{doc} not written: {reason}": "未写出 {doc}：{reason}",
    "the document templates are missing from this installation (looked in {a} and {b}); reinstall juwei":
        "本安装缺少文书模板（已查找 {a} 和 {b}）；请重新安装 juwei",
    "unknown format '{fmt}'; allowed: {allowed}": "未知格式“{fmt}”；可用：{allowed}",
    "--templates {path} is not a folder": "--templates {path} 不是文件夹",
    "template {name} not found (wanted by {wanted})": "找不到模板 {name}（{wanted} 需要它）",
    "template {name}, line {line}: {reason}": "模板 {name} 第 {line} 行：{reason}",
}
