"""Chinese for the committee register: the committee, its staff, the standing bodies, the division of work."""

_MESSAGES = {
    "The residents' committee (居民委员会): posts, terms, what ends them (S9).":
        "居民委员会：成员职务、届期、离任（S9）。",
    "Committee": "居委会",
    "Professional staff (社区专职工作者): positions, list, end (S28).":
        "社区专职工作者：岗位、名单、离岗（S28）。",
    "Standing bodies: party organisation, sub-committees, group leaders, collectors.":
        "其他组织：社区党组织、各下属委员会、居民小组长、民情信息员。",
    "The division of work (分工, S26): set and list each person's duties.":
        "分工（S26）：登记和列出每人的职责。",
    "term {n}: {start} – {end}": "第{n}届：{start} 至 {end}",
    "no term of the committee is recorded; `juwei committee add` records one, or "
    "`juwei committee term --start DATE --number N`":
        "尚未登记居委会届期；`juwei committee add` 会自动登记，或用 `juwei committee term --start DATE --number N` 登记",
    "Term {n} of the residents' committee": "第{n}届居民委员会",
    "general election due by": "换届选举最迟日期",
    "serving members": "在任成员",
    "{n} (the rules ask for {lo}–{hi})": "{n} 人（规定 {lo}–{hi} 人）",
    "director": "主任",
    "vacant": "空缺",
    "{day} (overdue)": "{day}（已逾期）",
    "duties": "职责",
    "post": "职务",
    "posts": "职务",
    "post {id} held until {day} ({reason})": "职务 {id} 任职至 {day}（{reason}）",
    "the change is recorded for the disclosure board (S24): `juwei disclose personnel`":
        "人事变动已登记，须在公开栏公布（S24）：`juwei disclose personnel`",
    "term {n} of the committee recorded: {start} – {end} (correct it with `juwei committee term`)":
        "已登记居委会第{n}届：{start} 至 {end}（如有误，用 `juwei committee term` 更正）",
    "{post} from {start} to {end}": "{post}，{start} 至 {end}",
    "duties from {day}": "职责自 {day} 起",
    "Division of work ({n})": "分工（{n} 人）",
    "{body}: from {start}": "{body}：自 {start} 起",
    "{post} from {start}": "{post}，自 {start} 起",
    "Posts held ({n})": "任职记录（{n}）",
    "Residents' committee ({n})": "居民委员会（{n} 人）",
    "Professional staff ({n})": "社区专职工作者（{n} 人）",
    "{body} ({n})": "{body}（{n} 人）",
    "the note is longer than {n} characters": "备注超过 {n} 个字",
    "a name is 1 to {n} characters": "姓名应为 1 至 {n} 个字",
    "give either a member (id or ID number) or a name, not both": "请给出居民（编号或身份证号）或姓名，二者只给一个",
    "member {id} ({name}) already serves on the committee on {day}": "居民 {id}（{name}）在 {day} 已是居委会成员",
    "the committee has a director on {day}: {name} (member {id}); end that post first with `juwei committee end`":
        "{day} 居委会已有主任：{name}（居民 {id}）；请先用 `juwei committee end` 结束其职务",
    "the committee has {n} serving member(s) on {day}; the rules ask for {lo}–{hi} (Organic Law Art. 7)":
        "{day} 居委会在任成员 {n} 人；规定为 {lo}–{hi} 人（居民委员会组织法第七条）",
    "{names} serve on the committee and live in one household (member ids {ids}): close relatives may not serve "
    "on the committee together (the avoidance rule)":
        "{names} 同为居委会成员且同住一户（居民编号 {ids}）：近亲属不得同时担任居委会成员（回避规定）",
    "{name} already serves on the staff on {day}": "{name} 在 {day} 已在社区专职工作者岗位上",
    "a residents' group leader leads a group: name the group": "居民小组长须指明所在居民小组",
    "group '{group}' has a leader on {day}: {name}; end that post first":
        "居民小组“{group}”在 {day} 已有组长：{name}；请先结束其职务",
    "only a residents' group leader is tied to a group": "只有居民小组长才对应居民小组",
    "{name} already serves on {body} on {day}": "{name} 在 {day} 已是{body}成员",
    "{body} has a chair on {day}: {name}; end that post first": "{body}在 {day} 已有负责人：{name}；请先结束其职务",
    "no one '{ref}' holds a post in {body}; see `juwei {command} list --all`":
        "{body}中没有“{ref}”的任职记录；见 `juwei {command} list --all`",
    "member {id} ({name}) holds no post in {body}": "居民 {id}（{name}）在{body}中没有任职记录",
    "that post already ended on {day}": "该职务已于 {day} 结束",
    "the last day served ({day}) is before the post started ({start})": "最后任职日（{day}）早于任职开始日（{start}）",
    "the term already ended on {end}; a post cannot end after its term": "届期已于 {end} 结束；职务不能在届期之后结束",
    "left the post: {post}": "离任：{post}",
    "took up the post: {post}": "任职：{post}",
    "appointed": "聘用",
    "the duties are 1 to {n} characters": "职责应为 1 至 {n} 个字",
    "member {id} ({name}) holds no post on {day}: duties are divided among the committee, its staff and standing "
    "bodies":
        "居民 {id}（{name}）在 {day} 没有任职：分工只在居委会成员、专职工作者和各组织成员之间进行",
    "staff ({position})": "社区专职工作者（{position}）",
    "leader of group '{group}'": "{group}组长",
    "{body} {role}": "{body}{role}",
    "the committee has {n} serving member(s); it needs at least {lo}: fill the vacancies by a by-election":
        "居委会在任成员 {n} 人，至少应有 {lo} 人：应补选",
    "the committee has no director": "居委会主任空缺",
    "general election of the committee (term {n} ends {end})": "居委会换届选举（第{n}届于 {end} 届满）",
    "a term number is a whole number from 1 to 1000": "届次应为 1 至 1000 的整数",
    "term {n} is already recorded; see `juwei committee term`": "第{n}届已登记；见 `juwei committee term`",
    "a term starting on {day} is already recorded": "已登记一个自 {day} 开始的届期",
}

CODES = {
    "audit action": {
        "committee.term": "登记居委会届期",
        "committee.add": "登记居委会成员",
        "committee.end": "居委会成员离任",
        "staff.add": "登记社区专职工作者",
        "staff.end": "社区专职工作者离岗",
        "org.add": "登记组织成员",
        "org.end": "组织成员离任",
        "duty.set": "登记分工",
    },
    "table": {
        "committee_term": "居委会届期",
        "post": "任职",
        "duty": "分工",
    },
    "committee post": {
        "director": "居委会主任",
        "deputy": "居委会副主任",
        "member": "居委会委员",
    },
    "staff position": {
        "health": "卫生计生",
        "services": "社区服务",
        "security-mediation": "治安调解",
        "welfare": "社会救助",
        "social-affairs": "社会事务",
        "labour": "劳动保障",
        "other": "其他岗位",
    },
    "post body": {
        "committee": "居民委员会",
        "staff": "社区专职工作者",
        "party": "社区党组织",
        "deliberation": "议事委员会",
        "supervision": "居务监督委员会",
        "mediation": "人民调解委员会",
        "security": "治安保卫委员会",
        "health": "公共卫生委员会",
        "elderly-women-children": "老年人和妇女儿童工作委员会",
        "group-leaders": "居民小组长",
        "collectors": "民情信息员",
    },
    "org role": {
        "chair": "负责人",
        "member": "成员",
    },
    "end reason": {
        "resigned": "辞职",
        "recalled": "罢免",
        "died": "去世",
        "moved-out": "迁出",
        "term-ended": "任期届满",
        "other": "其他",
    },
}

MESSAGES = {**_MESSAGES,
            **{f"{kind}\x04{code}": words for kind, table in CODES.items() for code, words in table.items()}}

MESSAGES.update({
    "the division of work changed on {day}": "{day} 分工已调整",
    "nobody holds a post on {day}: record the committee first (`juwei committee add`)":
        "{day} 无人任职：请先登记居委会成员（`juwei committee add`）",
    "{community}: division of work": "{community}分工公开",
})
MESSAGES["the committee has {n} serving member(s) on {day}"] = "{day} 居委会在任成员 {n} 人"
MESSAGES.update({
    "the committee register: the residents' committee of the current term, its staff and standing bodies":
        "居委会名册：本届居民委员会、社区专职工作者和其他组织",
    "the division of work goes on the board (S26), and the committee's office meeting seats the committee":
        "分工在公开栏公布（S26）；居委会办公会议的应到人员即居委会成员",
})

# help texts of the register's commands
MESSAGES.update({
    "Record a committee post (S9); it ends with the committee's term (S3).":
        "登记居委会成员职务（S9）；任期随本届居委会届满（S3）。",
    "Member id or ID number (a resident on the roster).": "居民编号或身份证号（须为花名册上的居民）。",
    "Director (主任), deputy (副主任) or member (委员).": "director（主任）、deputy（副主任）或 member（委员）。",
    "First day in the post.": "任职第一天。",
    "The election that filled it.": "产生该职务的选举。",
    "A note kept on the record.": "记入档案的备注。",
    "The committee on a date: director, deputies, members, with their duties (S26).":
        "某日的居委会：主任、副主任、委员及其分工（S26）。",
    "Include posts that ended.": "包括已结束的职务。",
    "Every committee post one person has held.": "某人担任过的全部居委会职务。",
    "End a committee post; the staff change is owed to the board (S24) and a vacancy shows on the agenda.":
        "结束居委会职务；人事变动须公开（S24），空缺列入待办。",
    "Why the post ends.": "职务结束的原因。",
    "The committee's current term (届次, start, end) and when the next general election is due.":
        "本届居委会（届次、起止日期）及下次换届选举的最迟日期。",
    "Record a term starting on this date.": "登记自该日起的一届。",
    "Its number (届次); default the next.": "届次；默认下一届。",
    "Show the term on this date (default today).": "查看该日所在的一届（默认今天）。",
    "Record a staff member taking up a position; the change is owed to the board (S24).":
        "登记社区专职工作者上岗；人事变动须公开（S24）。",
    "Member id or ID number, when the person is on the roster.": "居民编号或身份证号（本人在花名册上时）。",
    "The person's name, when not on the roster.": "姓名（本人不在花名册上时）。",
    "The position (S28).": "岗位（S28）。",
    "First day in the position.": "上岗第一天。",
    "The hire was announced on the board before juwei kept the register: record no S24 change.":
        "此次聘用在使用 juwei 登记之前已经公开：不再登记 S24 人事变动。",
    "The staff on a date, with their positions and duties.": "某日的社区专职工作者及其岗位和分工。",
    "Every staff position one person has held.": "某人担任过的全部专职岗位。",
    "Member id, ID number, or the name of staff not on the roster.": "居民编号、身份证号，或不在花名册上的工作者姓名。",
    "End a staff position; the change is owed to the board (S24).": "结束专职岗位；人事变动须公开（S24）。",
    "Record a seat on a standing body.": "登记其他组织的成员。",
    "Which body: party, deliberation, supervision, mediation, security, health, elderly-women-children, "
    "group-leaders, collectors.":
        "哪个组织：party（社区党组织）、deliberation（议事委员会）、supervision（居务监督委员会）、"
        "mediation（人民调解委员会）、security（治安保卫委员会）、health（公共卫生委员会）、"
        "elderly-women-children（老年人和妇女儿童工作委员会）、group-leaders（居民小组长）、collectors（民情信息员）。",
    "Chair or member.": "chair（负责人）或 member（成员）。",
    "The residents' group a group leader leads.": "居民小组长所在的居民小组。",
    "The members of one standing body on a date.": "某日某一组织的成员。",
    "Every seat on one body a person has held.": "某人在某一组织担任过的全部职务。",
    "Member id, ID number, or the name of someone not on the roster.": "居民编号、身份证号，或不在花名册上的人的姓名。",
    "End a seat on a standing body.": "结束其他组织中的职务。",
    "Set one person's duties; the duties sheet on the board is then due again (S26).":
        "登记某人的分工；随后须重新公开分工（S26）。",
    "Member id, ID number, or the name of a post holder not on the roster.":
        "居民编号、身份证号，或不在花名册上的任职人员姓名。",
    "What the person is responsible for.": "此人负责的工作。",
    "From this date (default today).": "自该日起（默认今天）。",
    "The division of work: everyone holding a post, their posts and duties.": "分工：所有任职人员及其职务和分工。",
    "On this date (default today).": "该日（默认今天）。",
    "S26: a disclosure of the division of work — names, posts, duties; prints its id (print it with render).":
        "S26：分工公开——姓名、职务、分工；显示其编号（用 render 打印）。",
    "The division of work in force on this date (default today).": "该日执行的分工（默认今天）。",
    "The office's public phone, printed on the sheet.": "居委会办公室的公开电话，印在公开件上。",
})
