"""Chinese for typed codes and for messages that name fields rather than command-line options."""

CODES: dict[str, dict[str, str]] = {
    "ledger direction": {
        "income": "收入",
        "expense": "支出",
    },
    "expense category": {  # S20, as the finance account prints them
        "wages": "工资",
        "welfare": "福利救助",
        "construction": "社区建设",
        "activities": "活动经费",
        "office": "办公及公务",
        "other": "其他",
    },
    "disclosure category": {  # as the board's printouts head them
        "finance": "财务公开",
        "resolution": "决议公开",
        "decision": "重大事项",
        "welfare": "救助公示",
        "personnel": "人事变动",
        "assembly": "代表会议",
        "duties": "职责分工",
        "other": "其他",
    },
    "disclosure status": {
        "draft": "草稿",
        "posted": "已张贴",
        "expired": "已到期",
        "superseded": "已更正",
        "withdrawn": "已撤下",
    },
    "motion kind": {  # S9
        "ordinary": "一般事项",
        "work-report": "工作报告",
        "plan": "计划方案",
        "budget": "预算",
        "other": "其他",
    },
    "meeting reason": {  # S4, S5
        "regular": "例行召开",
        "report": "报告工作",
        "petition": "联名提议",
    },
    "ex officio basis": {  # S2
        "party_org": "社区党组织成员",
        "committee": "居委会成员",
        "npc_deputy": "人大代表",
        "cppcc_member": "政协委员",
    },
}

MESSAGES = {
    **{f"{kind}\x04{code}": words for kind, table in CODES.items() for code, words in table.items()},
    # what a clerk types wrong on the command line (a usage error)
    "'{value}' is not one of {allowed}": "“{value}”不是可用的值；可用：{allowed}",
    "'{value}' is not regular, report or petition:ID": "“{value}”不是 regular（例行召开）、report（报告工作）或 petition:编号（联名提议）",
    # messages naming a field; the command line writes the field as its option
    "a representatives' meeting is formed by the serving representatives (S1): use {option} representatives, "
    "not '{body}'": "居民代表会议由在任居民代表组成（S1）：请用 {option} representatives，而不是“{body}”",
    "a residents' meeting is formed by adults, households or groups (S1), not by '{body}'; use {option} "
    "representatives for a representatives' meeting":
        "居民会议由成年居民、户代表或居民小组代表组成（S1），不能由“{body}”组成；居民代表会议请用 {option} representatives",
    "{rules_title} must name the community's rules (at most 200 characters)":
        "{rules_title} 须写明本社区制度的名称（不超过 200 字）",
    "{option} '{code}' may hold only letters, digits, - and _ (at most 64)":
        "{option}“{code}”只能包含字母、数字、- 和 _（最多 64 个）",
    "the body is empty; give {body} TEXT or {body_file} FILE.md": "正文为空；请用 {body} 文字 或 {body_file} 文件.md",
    "{until_field} {until} is before {post_on_field} {post_on}": "{until_field} {until} 早于 {post_on_field} {post_on}",
    "{on} {day} is in the future; record a posting on the day it happens (plan it with {post_on})":
        "{on} {day} 是将来的日期；请在实际张贴当天登记（计划日期请用 {post_on}）",
    "{on} {day} is after the disclosure's last day ({until})": "{on} {day} 晚于该公开事项的截止日（{until}）",
    "{on} {day} is before the disclosure was posted ({posted})": "{on} {day} 早于该事项的张贴日（{posted}）",
    "{on} {day} is in the future": "{on} {day} 是将来的日期",
    "{on} {day} is before the disclosure it corrects ({id}) was posted ({posted})":
        "{on} {day} 早于被更正事项 {id} 的张贴日（{posted}）",
    "{noticed_on} {noticed} is after today ({today}): a notice cannot have been posted in the future; give the day "
    "it went up, or convene once it has":
        "{noticed_on} {noticed} 晚于今天（{today}）：通知不能在将来发出；请填写实际张贴通知的日期，或待通知发出后再召集会议",
    "notice too short (S6): noticed on {noticed}, the meeting on {day} needs {days} days' notice; the earliest "
    "allowed meeting date is {earliest} (or give {urgent} REASON)":
        "通知时间不足(S6)：{noticed} 通知，{day} 开会需提前 {days} 天通知；最早可于 {earliest} 开会（或用 {urgent} 说明紧急原因）",
    "{reason}: a meeting held on a petition names the petition, and only then":
        "{reason}：因联名提议召开的会议须写明提议编号，其他会议不写",
    "{place} is required: the notice must say where the meeting is": "必须给出 {place}：通知须写明会议地点",
    "give at least one {topic}: the notice must tell the topics (S6)": "请至少给出一个 {topic}：通知须告知议题（S6）",
    "{reason} must say why the meeting is cancelled": "{reason} 须写明取消会议的原因",
    "give seats (like 1 2 5-9), or {member} ID, or {everyone}": "请给出座号（如 1 2 5-9）、{member} 编号或 {everyone}",
    "{except_seats} goes with {everyone}": "{except_seats} 须与 {everyone} 一起使用",
    "give seats (like 1 2 5-9) or {member} ID": "请给出座号（如 1 2 5-9）或 {member} 编号",
    "{add} needs the text of the minutes": "{add} 须给出会议记录内容",
    "{summary} needs the text of the meeting summary": "{summary} 须给出会议纪要内容",
    "{addendum} needs the text of the correction": "{addendum} 需要填写补正内容",
    "{urgent} needs a reason; it is printed on the minutes": "{urgent} 须写明原因；原因将记入会议记录",
    "{topic} must say what the meeting should decide": "{topic} 须写明会议要决定的事项",
    "{on} {day} is before the member moved in ({moved_in})": "{on} {day} 早于该居民迁入日期（{moved_in}）",
    "give exactly one of {group} GROUP (elected) or {ex_officio} BASIS":
        "请在 {group} 小组（选举产生）和 {ex_officio} 依据（当然代表）中选且只选一项",
    "{on} {day} is before the term started ({start})": "{on} {day} 早于任期开始（{start}）",
    "{reason} must say why the term ends": "{reason} 须写明任期终止的原因",
    "member {id} ({name}) lives in {home}, not in group '{group}': a group elects its own residents (S1); if this "
    "is right, give {other_group_reason} REASON":
        "居民 {id}（{name}）住在{home}，不在“{group}”：居民小组推选本组居民为代表（S1）；确需如此，请用 {other_group_reason} 写明原因",
    "member {id} lives in group '{group}': {other_group_reason} is only for a representative of another group":
        "居民 {id} 住在“{group}”：{other_group_reason} 只用于推选为其他小组代表的情况",
    "{title} is required (at most 300 characters)": "必须给出 {title}（不超过 300 字）",
}
