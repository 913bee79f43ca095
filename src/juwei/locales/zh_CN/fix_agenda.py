"""Chinese for the agenda (待办): what is due from every domain, and its calendar file."""

MESSAGES = {
    "Everything the clerk must do, soonest first, with the command that settles each.":
        "待办：各项应办事项，逾期和最近到期的在前，并给出办理命令。",
    "Agenda on {day}: {n} to do": "{day} 待办：{n} 项",
    "command": "办理命令",
    "now": "即办",
    "{n} dated item(s) written to {path}": "已将 {n} 项有期限的待办写入 {path}",
    "juwei agenda ({community})": "居委待办（{community}）",
    "overdue: {what}": "逾期：{what}",
    "Rule {rule}. To settle it: {command}": "依据 {rule}。办理：{command}",
    "{kind} meeting ({cadence})": "{kind}（{cadence}）",
    "petition {id} ({topic}) has its signatures: convene the meeting":
        "提议 {id}（{topic}）联名人数已够：应召集会议",
    "term of representative {name} ({group}) ends on {day}": "居民代表 {name}（{group}）任期于 {day} 届满",
    "what the clerk must do next, from every part of the record, each with the command that settles it":
        "接下来要办的事：来自记录的各个部分，每项附办理命令",
    "--on {day}: the year must be {first}–{last}": "--on {day}：年份须在 {first}–{last} 之间",
}
