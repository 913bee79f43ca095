"""Chinese messages for meetings, motions, votes and petitions (居民会议、议案、表决、提议)."""

MESSAGES = {
    # rules/meetings.py
    "--kind '{kind}' is not allowed; use one of {allowed}": "--kind '{kind}' 不可用;可选:{allowed}",
    "--body '{body}' is not allowed; use one of {allowed}": "--body '{body}' 不可用;可选:{allowed}",
    "{total} votes counted ({votes_for} for, {against} against, {abstain} abstain) but only {present} present; "
    "the count may not exceed those present":
        "共计 {total} 票(赞成 {votes_for},反对 {against},弃权 {abstain}),但出席只有 {present} 人;票数不得超过出席人数",
    "pass base '{base}' is not allowed; use one of {allowed}": "通过基数 '{base}' 不可用;可选:{allowed}",
    "no seats given; write seat numbers and ranges like 1 2 5-9": "未给出座号;请写座号或范围,如 1 2 5-9",
    "'{cadence}' is not a cadence": "'{cadence}' 不是有效周期",
    "a representatives' meeting is formed by the serving representatives (S1): use --body representatives, "
    "not '{body}'": "居民代表会议由在任居民代表组成(S1):请用 --body representatives,而不是 '{body}'",
    "a residents' meeting is formed by adults, households or groups (S1), not by '{body}'; use --kind "
    "representatives for a representatives' meeting":
        "居民会议由成年居民、户代表或居民小组代表组成(S1),不能由 '{body}' 组成;居民代表会议请用 --kind representatives",
    "{option} must be 0 or more, not {value}": "{option} 必须不小于 0,而不是 {value}",
    "seat {seat} is not on the roll (seats 1–{n})": "座号 {seat} 不在名册上(座号 1–{n})",
    "seat range '{text}' runs backwards; write it low to high, e.g. {low}-{high}":
        "座号范围 '{text}' 写反了;请从小到大写,如 {low}-{high}",
    "'{text}' is not a seat number or range; write seats like 1 2 5-9": "'{text}' 不是座号或范围;请写成 1 2 5-9 这样",
    "seat {seat} is not on the roll: this meeting's roll is empty": "座号 {seat} 不在名册上:本次会议名册为空",
    "seat {seat} is given twice": "座号 {seat} 重复给出",
    # services/meetings.py
    "--reason '{reason}' is not allowed; use regular, report or petition:ID":
        "--reason '{reason}' 不可用;可选 regular、report 或 petition:编号",
    "no meeting {id} in this community; see `juwei meeting list`": "本社区没有编号为 {id} 的会议;见 `juwei meeting list`",
    "meeting {id} is closed; its record and tallies are final": "会议 {id} 已闭会;记录和表决结果为最终结果",
    "meeting {id} was cancelled ({reason})": "会议 {id} 已取消({reason})",
    "the {body} body is empty on {day}: nobody could attend; check the roster":
        "{day} 时 {body} 组成人员为空:无人可以出席;请检查名册",
    "the notice date {noticed} is after the meeting date {day}": "通知日期 {noticed} 晚于会议日期 {day}",
    "notice too short (S6): noticed on {noticed}, the meeting on {day} needs {days} days' notice; the earliest "
    "allowed meeting date is {earliest} (or give --urgent REASON)":
        "通知时间不足(S6):{noticed} 通知,{day} 开会需提前 {days} 天通知;最早可于 {earliest} 开会(或用 --urgent 说明紧急原因)",
    "--place is required: the notice must say where the meeting is": "必须给出 --place:通知须写明会议地点",
    "give at least one --topic: the notice must tell the topics (S6)": "请至少给出一个 --topic:通知须告知议题(S6)",
    "meeting {id} has already started (people signed in); it cannot be moved": "会议 {id} 已开始(已有人签到),不能改期",
    "--reason must say why the meeting is cancelled": "--reason 须写明取消会议的原因",
    "give seats (like 1 2 5-9), or --member ID, or --all": "请给出座号(如 1 2 5-9)、--member 编号或 --all",
    "--except goes with --all": "--except 须与 --all 一起使用",
    "give seats (like 1 2 5-9) or --member ID": "请给出座号(如 1 2 5-9)或 --member 编号",
    "a {kind} meeting keeps minutes (S15): add them with `juwei meeting minutes {id} --add TEXT` before closing":
        "{kind}须有会议记录(S15):闭会前请用 `juwei meeting minutes {id} --add 内容` 添加",
    "a meeting that decides also gets a summary (S15): `juwei meeting minutes {id} --summary TEXT`":
        "作出决定的会议还须有会议纪要(S15):`juwei meeting minutes {id} --summary 内容`",
    "--add needs the text of the minutes": "--add 须给出会议记录内容",
    "--summary needs the text of the meeting summary": "--summary 须给出会议纪要内容",
    "--urgent needs a reason; it is printed on the minutes": "--urgent 须写明原因;原因将记入会议记录",
    "petition {id} has {n} of the {required} signatures needed (S5); it does not force a meeting yet":
        "提议 {id} 已有 {n} 人联名,需要 {required} 人(S5);尚不足以提请召开会议",
    "member {id} ({name}) is not on the roll of meeting {meeting}": "居民 {id}({name})不在会议 {meeting} 的名册上",
    "everyone on the roll of meeting {id} is already signed in": "会议 {id} 名册上的人员均已签到",
    "seat {seat} is not signed in at meeting {id}": "座号 {seat} 未在会议 {id} 签到",
    "motion {number} ({title}) was not voted on": "议案 {number}({title})未表决",
    "member {id} ({name}) may not sign in for a household at meeting {meeting}: only an adult of a household on "
    "the roll may": "居民 {id}({name})不能在会议 {meeting} 代表本户签到:只有名册上某户的成年人可以",
    "seat {seat} ({name}) is already signed in at meeting {id}": "座号 {seat}({name})已在会议 {id} 签到",
    "some of these seats were signed in by someone else at the same moment; run `juwei meeting roll {id}` and "
    "try again": "其中有座号刚刚已被他人签到;请运行 `juwei meeting roll {id}` 查看后重试",
    # services/voting.py
    "no motion {id} in this community; see `juwei motion list MEETING`":
        "本社区没有编号为 {id} 的议案;见 `juwei motion list 会议编号`",
    "--title is required (at most 300 characters)": "必须给出 --title(不超过 300 字)",
    "motion {id} is being voted by {method}; one motion is voted one way": "议案 {id} 正以 {method} 方式表决;一项议案只用一种表决方式",
    "meeting {id} has no quorum (S7): {present} present of {size}, {required} needed; it cannot vote":
        "会议 {id} 出席人数不足(S7):应到 {size} 人,实到 {present} 人,需 {required} 人;不能表决",
    "--choice '{choice}' is not allowed; use one of {allowed}": "--choice '{choice}' 不可用;可选:{allowed}",
    "{n} ballots would exceed the {present} present when the vote on motion {motion} opened":
        "{n} 票将超过议案 {motion} 开始表决时的出席人数 {present}",
    "no votes are recorded on motion {id} yet; use `juwei vote count` or `juwei vote cast`":
        "议案 {id} 尚无表决记录;请用 `juwei vote count` 或 `juwei vote cast`",
    "meeting {id} had no quorum when motion {motion} was voted (S7): {present} present of {size}, {required} needed":
        "议案 {motion} 表决时会议 {id} 出席人数不足(S7):应到 {size} 人,实到 {present} 人,需 {required} 人",
    "seat {seat} is not present at meeting {id}; only seats signed in may vote": "座号 {seat} 未出席会议 {id};只有已签到的人可以表决",
    "seat {seat} has already voted on motion {motion}": "座号 {seat} 已对议案 {motion} 投票",
    "some of these seats were recorded as voting by someone else at the same moment; run `juwei vote tally "
    "{motion}` and try again": "其中有座号的投票刚刚已被他人录入;请运行 `juwei vote tally {motion}` 查看后重试",
    # services/petitions.py
    "no petition {id} in this community; see `juwei petition list`": "本社区没有编号为 {id} 的提议;见 `juwei petition list`",
    "--topic must say what the meeting should decide": "--topic 须写明会议要决定的事项",
    "give the members who sign (id or ID number)": "请给出联名的居民(编号或身份证号)",
    "member {id} ({name}) is not in the petition's base ({base}) on {day}": "居民 {id}({name})在 {day} 不属于提议的基数({base})",
    "member {id} ({name}) has already signed petition {petition}": "居民 {id}({name})已在提议 {petition} 上联名",
    "member {id} ({name}) is not a serving representative on {day}; only they may sign (S5)":
        "居民 {id}({name})在 {day} 不是在任居民代表;只有居民代表可以联名(S5)",
    # cli/meeting.py
    "{kind} meeting on {at} at {place}: {n} seats on the roll": "{kind}:{at},{place};名册 {n} 个座位",
    "Meetings ({n})": "会议({n})",
    "Meeting {id}": "会议 {id}",
    "Motions ({n})": "议案({n})",
    "not voted": "未表决",
    "passed": "通过",
    "failed": "未通过",
    "Roll of meeting {id} ({n} seats, {present} present)": "会议 {id} 名册(应到 {n},实到 {present})",
    "signed in {n}: now {present} present of {size}": "签到 {n} 人:应到 {size},现到 {present}",
    "signed out {n}: now {present} present of {size}": "离会 {n} 人:应到 {size},现到 {present}",
    "meeting {id} moved to {at}: {n} seats on the roll": "会议 {id} 改期至 {at}:名册 {n} 个座位",
    "meeting {id} cancelled": "会议 {id} 已取消",
    "meeting {id} closed": "会议 {id} 已闭会",
    "Minutes of meeting {id}: {kind}, {at}, {place}": "会议 {id} 记录:{kind},{at},{place}",
    "Topics: {topics}": "议题:{topics}",
    "Attendance: {present} present of {size} ({absent} absent)": "出席:应到 {size},实到 {present}(缺席 {absent})",
    "Meetings due on {day}": "{day} 应召开的会议",
    "id": "编号",
    "body": "组成",
    "at": "时间",
    "place": "地点",
    "status": "状态",
    "seats": "座位",
    "present": "出席",
    "motions": "议案",
    "title": "标题",
    "vote": "表决方式",
    "for/against/abstain": "赞成/反对/弃权",
    "needed": "需要",
    "pass rule": "通过规则",
    "result": "结果",
    " (provisional)": "(暂定)",
    "seat": "座号",
    "name": "姓名",
    "group": "小组",
    "household": "户",
    "in": "签到",
    "out": "离会",
    "{present} present of {size}; this kind of meeting needs no quorum": "应到 {size},实到 {present};此类会议不要求法定人数",
    "Held on short notice: {reason}": "紧急召开:{reason}",
    "Summary: {text}": "会议纪要:{text}",
    "meeting": "会议",
    "cadence": "周期",
    "last held": "上次召开",
    "this period": "本期",
    "due by": "最迟",
    "overdue": "逾期",
    "petition {id} ({topic}) has {n} signatures, {required} needed: a meeting must be convened (S5)":
        "提议 {id}({topic})已有 {n} 人联名,需要 {required} 人:应召开会议(S5)",
    "topics": "议题",
    "noticed on": "通知日期",
    "reason": "事由",
    "urgent": "紧急原因",
    "seats on the roll": "应到人数",
    "quorum": "法定人数",
    "{required} needed, {state}": "需 {required} 人,{state}",
    "chair": "主持人",
    "recorder": "记录人",
    "cancelled because": "取消原因",
    "quorate: {present} present of {size}; {required} needed ({rule})":
        "符合法定人数:应到 {size},实到 {present};需 {required} 人({rule})",
    "not quorate: {present} present of {size}; {required} needed ({rule}) — {short} more must sign in":
        "不足法定人数:应到 {size},实到 {present};需 {required} 人({rule}),还差 {short} 人",
    "(any adult of the household)": "(本户任一成年人)",
    "summary of meeting {id} recorded": "会议 {id} 的纪要已记录",
    "convened": "已召集",
    "quorate": "符合法定人数",
    "not quorate": "不足法定人数",
    # cli/motion.py, cli/vote.py
    "motion {number} of meeting {meeting}": "会议 {meeting} 第 {number} 项议案",
    "meeting {id} has no motions yet": "会议 {id} 尚无议案",
    "motion {id}: {votes_for} for, {against} against, {abstain} abstain, {present} present":
        "议案 {id}:赞成 {votes_for},反对 {against},弃权 {abstain},出席 {present}",
    "motion {id}: {n} seat(s) voted {choice}": "议案 {id}:{n} 人投{choice}票",
    "Motion {id}: {title}": "议案 {id}:{title}",
    "Ballots on motion {id} ({n})": "议案 {id} 的投票({n})",
    "for": "赞成",
    "against": "反对",
    "abstain": "弃权",
    "not voting": "未投票",
    "PASSED: {votes_for} for, {required} needed": "通过:赞成 {votes_for} 票,需要 {required} 票",
    "FAILED: {votes_for} for, {required} needed": "未通过:赞成 {votes_for} 票,需要 {required} 票",
    "choice": "意见",
    # cli/petition.py
    "{n} signed; petition {id} has {count} of {required} needed ({state})":
        "{n} 人联名;提议 {id} 已有 {count} 人,需要 {required} 人({state})",
    "Petition {id}": "提议 {id}",
    "Petitions ({n})": "提议({n})",
    "Signatures": "联名",
    "topic": "事项",
    "signatures": "联名人数",
    "met": "已达到",
    "meeting convened": "已召集的会议",
    "opened on": "发起日期",
    "base": "基数",
    "{base}: {n}": "{base}:{n}",
    "threshold": "比例",
    "member": "居民",
    "signed on": "联名日期",
    "counts": "有效",
    "not met": "未达到",
    # cli/demo.py
    "juwei init --db {db} --name 东城社区 --rules seed": "juwei init --db {db} --name 东城社区 --rules seed",
    "a representatives' meeting, noticed today ({today}); the rules ask for {days} days' notice (S6)":
        "居民代表会议,今天({today})通知;规则要求提前 {days} 天通知(S6)",
    "(the commands below run with --db {db})": "(以下命令均使用 --db {db})",
    "motion 1 by a show of hands counted by the tellers; motion 2 by roll call": "议案 1 举手表决由计票人清点;议案 2 逐一唱名表决",
    "demo step failed: juwei {command}": "演示步骤失败:juwei {command}",
}
