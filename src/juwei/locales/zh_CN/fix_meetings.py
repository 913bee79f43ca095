"""Chinese for meetings held on their day, closed minutes and addenda, missed notices, and the community's
time zone."""

MESSAGES = {
    # the community's settings and its clock
    "The community's settings: show them; set its time zone.": "社区设置：查看；设置时区。",
    "Community {name}": "社区 {name}",
    "community name": "社区名称",
    "code": "代码",
    "document language": "文书语言",
    "rules profile": "规则基础方案",
    "time zone": "时区",
    "today": "今天",
    "{key} of {name} is now {value}": "{name}的 {key} 已改为 {value}",
    "time zone '{zone}' is not known; give an IANA zone name like {example}":
        "未知的时区“{zone}”；请填写 IANA 时区名称，例如 {example}",
    "'{key}' is not a community setting; use one of {allowed}": "“{key}”不是社区设置项；可用：{allowed}",
    # a meeting is held on its day
    "meeting {id} is held on {day} and today is {today}: sign-in, votes, minutes and closing wait for that day; "
    "if it was moved, `juwei meeting reschedule {id} --at 'YYYY-MM-DD HH:MM'`":
        "会议 {id} 定于 {day} 召开，今天是 {today}：签到、表决、记录和闭会须待当天进行；如会议改期，请用 "
        "`juwei meeting reschedule {id} --at 'YYYY-MM-DD HH:MM'`",
    "--noticed-on {noticed} is after today ({today}): a notice cannot have been posted in the future; give the "
    "day it went up, or convene once it has":
        "--noticed-on {noticed} 晚于今天（{today}）：通知不能在将来发出；请填写实际张贴通知的日期，或待通知发出后再召集会议",
    "{day}, the meeting day: sign-in, votes, minutes and closing happen on the day the notice gave":
        "{day}，会议当天：签到、表决、记录和闭会均在通知所定的日期进行",
    "the results go on the disclosure board (S25); nothing the meeting owed the board is left open":
        "会议结果在公开栏公开（S25）；会议应公开的事项均已办结",
    # closed minutes and addenda
    "meeting {id} is closed and its minutes are final; record a correction as a dated addendum: "
    "`juwei meeting minutes {id} --addendum TEXT`":
        "会议 {id} 已闭会，会议记录不再更改；更正请另作注明日期的补正：`juwei meeting minutes {id} --addendum 文字`",
    "meeting {id} is not closed yet; while it is held, add to its minutes with `juwei meeting minutes {id} "
    "--add TEXT`":
        "会议 {id} 尚未闭会；会议进行中请用 `juwei meeting minutes {id} --add 文字` 记录",
    "--addendum needs the text of the correction": "--addendum 需要填写补正内容",
    "--addendum corrects a closed meeting's minutes; it does not go with --add or --summary":
        "--addendum 用于补正已闭会的会议记录，不能与 --add 或 --summary 同用",
    "addendum to the minutes of meeting {id} recorded": "会议 {id} 的记录补正已登记",
    "Addendum of {day} ({clerk}), after the meeting closed: {text}": "闭会后补正（{day}，{clerk}）：{text}",
    "a meeting that decides also gets a summary (S15), and this one closed without it; record it as a dated "
    "addendum: `juwei meeting minutes {id} --addendum TEXT`":
        "作出决定的会议还应有会议纪要（S15），本次会议闭会时未录入；请作为注明日期的补正录入："
        "`juwei meeting minutes {id} --addendum 文字`",
    "meeting {id} closed without a summary, so there is none to print; a correction to its minutes is a dated "
    "addendum (`juwei meeting minutes {id} --addendum TEXT`)":
        "会议 {id} 闭会时没有会议纪要，无可打印；会议记录的更正请作注明日期的补正"
        "（`juwei meeting minutes {id} --addendum 文字`）",
    # sign-in, representatives
    "seat {seat} (household {household}) is already signed in at meeting {id}":
        "座号 {seat}（{household} 户）已在会议 {id} 签到",
    "seat {seat} is already signed in at meeting {id}": "座号 {seat} 已在会议 {id} 签到",
    "serving from {start}, with no fixed term (ex officio)": "自 {start} 起任职，当然代表，无固定任期",
    # the board: the status word, plain and as a stored code's label (message context "obligation status")
    "obligation status\x04missed": "未公开（已错过）",
}
