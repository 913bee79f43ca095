"""Chinese help: every help text of the command line (the app, each command, each option and argument)
and the words Click and Typer print around them (panels, usage line, usage errors). Keys are the English
texts exactly as written (docstrings cleaned as Click does); ``juwei.cli._help.help_texts`` lists them."""

MESSAGES = {
    # the app and its own options
    "juwei (居委): the residents' committee clerk's toolkit — roster, meetings, votes, minutes, disclosure board.":
        "juwei（居委）：居委会工作人员的工具箱——花名册、会议、表决、会议记录、居务公开栏。",
    "Database: a SQLite file path, or a SQLAlchemy URL such as postgresql+psycopg://user@host/db.":
        "数据库：SQLite 文件路径，或 SQLAlchemy URL，如 postgresql+psycopg://user@host/db。",
    "Which community, when the database holds several.": "数据库中有多个社区时，指定哪一个。",
    "Language of messages (default: from the environment).": "提示信息的语言（默认：取自系统环境）。",
    "Show tracebacks for unexpected errors.": "出现意外错误时显示详细的出错位置（traceback）。",
    "Print the version and exit.": "显示版本号后退出。",
    # Click's and Typer's words around the help
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
    "Usage: ": "用法：",
    "Show this message and exit.": "显示本帮助后退出。",
    "(deprecated) ": "（已停用）",
    "[default: {}]": "[默认：{}]",
    "[env var: {}]": "[环境变量：{}]",
    "[required]": "[必填]",
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "Error": "错误",
    "Aborted.": "已中止。",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。",
    # usage errors (Click's and Typer's templates; juwei.cli._speak.ERRORS)
    "Missing option {name}. Choose from:{choices}": "缺少选项 {name}。可选：{choices}",
    "Missing option {name}.": "缺少选项 {name}。",
    "Missing argument {name}. Choose from:{choices}": "缺少参数 {name}。可选：{choices}",
    "Missing argument {name}.": "缺少参数 {name}。",
    "Missing parameter {name}.": "缺少参数 {name}。",
    "Missing parameter: {name}": "缺少参数：{name}",
    "Missing command.": "缺少命令。",
    "No such command {name}. Did you mean {suggestions}?": "没有命令 {name}。您是不是要用 {suggestions}？",
    "No such command {name}.": "没有命令 {name}。",
    "No such option: {name} (Possible options: {options})": "没有选项：{name}（可能是：{options}）",
    "No such option: {name}": "没有选项：{name}",
    "Option {name} requires an argument.": "选项 {name} 后面需要给出一个值。",
    "Option {name} requires {n} arguments.": "选项 {name} 后面需要给出 {n} 个值。",
    "Option {name} does not take a value.": "选项 {name} 不带值。",
    "Argument {name} takes {n} values.": "参数 {name} 需要 {n} 个值。",
    "Got unexpected extra argument(s) ({arguments})": "多出了无法识别的参数（{arguments}）",
    "Invalid value for {name}: {reason}": "{name} 的值无效：{reason}",
    "Invalid value: {reason}": "值无效：{reason}",
    "Value error, {reason}": "{reason}",
    "{value} is not one of {choices}.": "{value} 不在可选范围内：{choices}。",
    "Value {value} is not a valid {kind}.": "{value} 不是有效的 {kind}。",
    "Input should be a valid integer, unable to parse string as an integer": "应为整数，无法把所填内容识别为整数",
    "Input should be a valid integer, got a number with a fractional part": "应为整数，所填的数带有小数部分",
    "Input should be a valid integer": "应为整数",
    "Input should be a valid number, unable to parse string as a number": "应为数字，无法把所填内容识别为数字",
    "Input should be a valid boolean, unable to interpret input": "应为是或否，无法识别所填内容",
    # init
    "Create a juwei database and a community with its rules profile (the only command that creates one).":
        "创建 juwei 数据库和社区，并选定规则方案（只有这条命令会新建数据库）。",
    "The community's name, e.g. 东城社区.": "社区名称，如 东城社区。",
    "Short code used by --community (default: the name).": "社区代码，供 --community 使用（默认：社区名称）。",
    "Rules profile: seed or organic-law (docs/rules.md, docs/law.md).":
        "规则方案：seed 或 organic-law（见 docs/rules.md 和 docs/law.md）。",
    "Language of documents: zh_CN or en.": "文书的语言：zh_CN 或 en。",
    "Title of the community's own rules, cited on its documents (default: 《NAME民主管理制度》).":
        "本社区制度的名称，文书中引用（默认：《NAME民主管理制度》）。",
    "The community's time zone, an IANA name (default Asia/Shanghai); change it later with `juwei community set "
    "timezone ZONE`.": "社区所在时区，IANA 名称（默认 Asia/Shanghai）；以后可用 `juwei community set timezone ZONE` 修改。",
    "Print JSON (field names documented in docs/cli.md).": "输出 JSON（字段名见 docs/cli.md）。",
    # community
    "The community's name, code, document language, rules profile and time zone.":
        "社区的名称、代码、文书语言、规则方案和时区。",
    'Change a setting. timezone: the zone every time is shown in and "today" is taken in (times already\n'
    "recorded are kept as instants, so they are shown anew, never changed).":
        "修改一项设置。timezone：显示所有时间、确定“今天”所用的时区（已记录的时间按时刻保存，"
        "改时区后只是换算显示，不会被改动）。",
    "timezone": "timezone（时区）",
    "The new value, e.g. an IANA zone name: Asia/Shanghai.": "新的值，如 IANA 时区名称：Asia/Shanghai。",
    # rules
    "Print every rule value in force, with the rule id (S1…S29, LAW.md) it implements.":
        "列出现行的每项规则取值及其依据的条款编号（S1…S29，LAW.md）。",
    "The rules in force on this date (default today).": "查看这一天施行的规则（默认今天）。",
    "Record a new version of one rule, in force from a date; past meetings keep the rules they had.":
        "记录某项规则的新版本，自某日起施行；以往的会议仍按当时的规则。",
    "The rule's key, as `juwei rules show` lists it.": "规则的键，与 `juwei rules show` 所列一致。",
    "The new value: 2/3 or >=2/3 (inclusive), >1/2 (strict), a number, …":
        "新的值：2/3 或 >=2/3（含本数），>1/2（须超过），或一个数，……",
    "The date from which the new value is in force.": "新值开始施行的日期。",
    "Why (e.g. the resolution that adopted it).": "原因（如通过该修改的决议）。",
    "Every rule version recorded after the community was created.": "社区创建以来记录的每个规则版本。",
    # db
    "Bring the database's schema up to this version of juwei (Alembic migrations).":
        "把数据库结构升级到本版本 juwei 所需的结构（Alembic 迁移）。",
    "Print the database's schema revision and the one this juwei writes.":
        "显示数据库的结构版本，以及本版本 juwei 使用的结构版本。",
    "Copy the database to FILE (owner-only), consistent even while another clerk writes; SQLite only.":
        "把数据库复制到 FILE（仅本人可读写），其他工作人员正在写入时也能得到完整副本；仅限 SQLite。",
    "The new backup file (must not exist).": "新的备份文件（不能已存在）。",
    "Replace FILE if it already exists.": "FILE 已存在时覆盖它。",
    "Replace the database with FILE after checking it is a sound juwei database whose audit trail verifies;\n"
    "the replaced database is kept beside it (…replaced-<time>). Waits for (or, after the busy timeout, refuses\n"
    "to interrupt) another clerk's write; nobody reads or writes while it runs.":
        "先检查 FILE 是完好的 juwei 数据库且审计记录校验通过，再用它替换数据库；被替换的数据库保留在旁边"
        "（…replaced-<时间>）。若另一位工作人员正在写入，会等待其完成（超过等待时限则拒绝打断）；恢复期间任何人都不能读写。",
    "A backup made by `juwei db backup`.": "由 `juwei db backup` 生成的备份。",
    "Restore only if the backup's audit trail matches this posted seal (`juwei audit seal --out`).":
        "只有备份的审计记录与这份已公示的封存凭证（`juwei audit seal --out`）相符时才恢复。",
    "Run SQLite's integrity and foreign-key checks and audit verify; exit 1 if any finds a problem.":
        "运行 SQLite 的完整性检查、外键检查和审计校验；任何一项发现问题则以 1 退出。",
    # group
    "Add a residents' group; prints its id.": "添加居民小组；显示其编号。",
    "The group's name, e.g. 第一居民小组.": "小组名称，如 第一居民小组。",
    "Groups with their households, resident members and serving elected representatives.":
        "各居民小组及其户数、居民人数和在任居民代表。",
    # household
    "Add a household; prints its id.": "添加一户；显示其编号。",
    "The household number (户号).": "户号。",
    "Address (住址).": "住址。",
    "Residents' group, by name or id.": "居民小组，填名称或编号。",
    "Designate the member who attends households' meetings for this household (户代表).":
        "指定代表本户参加每户代表会议的居民（户代表）。",
    "The household number.": "户号。",
    "Member id or ID number; omit to clear.": "居民编号或身份证号；不填则取消户代表。",
    "Households with their group, designated representative and number of resident members.":
        "各户及其所属小组、户代表和居民人数。",
    "Only this residents' group.": "只看这个居民小组。",
    "Show ID numbers and phones unmasked.": "完整显示身份证号和电话（不打码）。",
    "A household and its members.": "一户及其成员。",
    # member
    "Add a resident; prints the new member id.": "登记一名居民；显示新的居民编号。",
    "Full name (姓名).": "姓名。",
    "18-character ID number (身份证号).": "18 位身份证号。",
    "Birth date (derived from the ID number).": "出生日期（由身份证号得出）。",
    "M/F or 男/女 (derived from the ID number).": "男/女 或 M/F（由身份证号得出）。",
    "Household number (户号).": "户号。",
    "Phone (电话).": "电话。",
    "党员.": "党员。",
    "Date moved in.": "迁入日期。",
    "Political rights deprived from (inclusive).": "被剥夺政治权利的起始日期（含当日）。",
    "… until (inclusive).": "……截止日期（含当日）。",
    "Change a resident's recorded facts (only the options given).": "修改居民的登记信息（只改所给的选项）。",
    "Member id or ID number.": "居民编号或身份证号。",
    "Household number; '' to clear.": "户号；填 '' 则清除。",
    "Record that a resident left. The record stays: past meetings still show them.":
        "登记居民迁出。记录仍然保留：以往的会议中仍显示此人。",
    "Date the member moved out (or died).": "迁出（或去世）日期。",
    "e.g. 迁出, 去世.": "如 迁出、去世。",
    "Residents, by group and household; ID numbers and phones masked unless --reveal.":
        "居民名单，按小组和户排列；身份证号和电话打码显示，除非加 --reveal。",
    "Names containing this text.": "姓名中含有这段文字的居民。",
    "Include members who have left.": "包括已迁出的居民。",
    "Residents on this date (default today).": "这一天在册的居民（默认今天）。",
    "One resident, with household, group and representative terms.": "一名居民，及其所在户、小组和代表任期。",
    "Import residents from a spreadsheet: all rows or none. Columns: name, id_number, birth_date,\n"
    "gender, household, group, address, phone, political_rights, party_member (or 姓名, 身份证号, 出生日期,\n"
    "性别, 户号, 居民小组, 住址, 电话, 政治权利, 党员). Re-importing updates members by ID number.":
        "从表格导入居民：要么全部导入，要么一行也不导入。列：姓名、身份证号、出生日期、性别、户号、居民小组、住址、"
        "电话、政治权利、党员（或英文列名 name, id_number, birth_date, gender, household, group, address, phone, "
        "political_rights, party_member）。再次导入时按身份证号更新已登记的居民。",
    "A .csv (UTF-8 or GB18030) or .xlsx roster.": "花名册文件：.csv（UTF-8 或 GB18030 编码）或 .xlsx。",
    "Validate and report; write nothing.": "只检查并报告问题，不写入任何内容。",
    # rep
    "Start a representative's term; an elected term's end comes from the rules profile (S3).":
        "开始一段代表任期；推选代表的任期届满日期由规则方案确定（S3）。",
    "Elected by this residents' group (S1, S3).": "由这个居民小组推选（S1、S3）。",
    "Ex officio (S2): party_org, committee, npc_deputy, cppcc_member.":
        "当然代表（S2）：party_org, committee, npc_deputy, cppcc_member。",
    "First day of the term.": "任期第一天。",
    "Elected by a group the member does not live in: why (kept on the record).":
        "由本人不住的小组推选时，写明原因（记入记录）。",
    "End a representative's term early (resignation, recall, moving away).":
        "提前终止代表任期（辞职、撤换、迁出）。",
    "The representative's id (see `juwei rep list`).": "代表编号（见 `juwei rep list`）。",
    "Last day served.": "任职的最后一天。",
    "Why: 辞职, 撤换, 迁出 …": "原因：辞职、撤换、迁出……",
    "Serving representatives, by group.": "在任代表，按小组排列。",
    "Serving on this date (default today).": "这一天在任的代表（默认今天）。",
    "Only terms ending within e.g. 90d.": "只看在多长时间内届满的任期，如 90d。",
    "Include terms that ended.": "包括已终止的任期。",
    # roster
    "Roster summary: groups, households, residents, adults, representatives.":
        "花名册概况：小组、户、居民、成年居民、代表。",
    "As on this date (default today).": "按这一天的情况（默认今天）。",
    # agenda
    "Everything the clerk must do, overdue first, then soonest: meetings due (S4, S14), petitions (S5),\n"
    "the disclosure board (S20–S26), representatives' terms (S3), each with the command that settles it. Numbers\n"
    "typed into names and topics are masked, in the calendar file too, unless --reveal.":
        "工作人员要办的所有事项，逾期的在前，其余按期限先后：应开的会议（S4、S14）、提议（S5）、"
        "居务公开栏（S20–S26）、代表任期（S3），每项都给出办理命令。名称和议题中录入的号码打码显示"
        "（日历文件中也是），除非加 --reveal。",
    "Only what is due within N days (overdue is always shown).": "只看 N 天内到期的事项（逾期事项总会显示）。",
    "Also write the dated items as an iCalendar file (.ics) for a phone.":
        "同时把有期限的事项写成 iCalendar 日历文件（.ics），可导入手机。",
    "With --ics: replace the file if it exists.": "与 --ics 一起用：文件已存在时覆盖它。",
    # meeting
    "Convene a meeting: checks notice (S6) and snapshots the roll and the rules; prints the meeting id.":
        "召集会议：检查通知期限（S6），并固定名册和规则；显示会议编号。",
    "residents | representatives, or a routine kind: office, heart-to-heart, group-leaders, deliberation, "
    "two-committees, sentiment.":
        "residents（居民会议）| representatives（居民代表会议），或例会类别：office（居委会办公会议）、"
        "heart-to-heart（交心通气会）、group-leaders（居民小组长会议）、deliberation（议事委员会会议）、"
        "two-committees（两委会办公会）、sentiment（民情分析会）。",
    "Who may attend (S1).": "会议由谁组成（S1）。",
    "When the meeting is held.": "开会时间。",
    "Where.": "开会地点。",
    "A topic on the notice (S6); repeat for several.": "通知中的议题（S6）；多个议题请重复此选项。",
    "Date notice was given (default today).": "发出通知的日期（默认今天）。",
    "regular | report | petition:ID (S4, S5).": "regular（定期召开）| report（报告工作）| petition:ID（按提议召开）（S4、S5）。",
    "Hold it on shorter notice than S6 allows; the reason is minuted.":
        "以短于 S6 规定的通知期限召开；原因记入会议记录。",
    "Meetings, oldest first.": "会议列表，按时间先后排列。",
    "Only meetings in this state.": "只看处于这一状态的会议。",
    "One meeting: notice, rules snapshot, quorum and motions.": "一次会议：通知、所用规则、法定人数和议案。",
    "The meeting's id (see `juwei meeting list`).": "会议编号（见 `juwei meeting list`）。",
    "The numbered roll (seat 1…N) with who is present.": "编号名册（座号 1…N）及出席情况。",
    "Sign people in (签到).": "为到会的人签到。",
    "Seats and ranges: 1 2 5-9.": "座号或座号范围：1 2 5-9。",
    "Sign in this member (id or ID number) instead.": "改为给这位居民签到（居民编号或身份证号）。",
    "Sign in every seat not yet signed in.": "给所有尚未签到的座号签到。",
    "With --all: leave these out.": "与 --all 一起用：除去这些座号。",
    "Record that people left (time kept); they no longer count as present.":
        "登记离会（记下时间）；离会者不再计入出席人数。",
    "This member (id or ID number) instead.": "改为这位居民（居民编号或身份证号）。",
    "Is the meeting quorate (S7)? Says how many more are needed.": "会议是否达到法定人数（S7）？并说明还差几人。",
    "Move a meeting nobody has signed in to yet; notice is checked again and the roll taken afresh.":
        "会议改期（限尚无人签到的会议）；重新检查通知期限，重新生成名册。",
    "The new time.": "新的开会时间。",
    "Date the new notice was given (default today).": "发出新通知的日期（默认今天）。",
    "A new place.": "新的开会地点。",
    "Shorter notice than S6, with why.": "通知期限短于 S6 规定时，写明原因。",
    "Cancel a meeting that has not closed.": "取消尚未闭会的会议。",
    "Why it is cancelled.": "取消的原因。",
    "Close the meeting: every motion's tally becomes final and is stored; no more votes.":
        "闭会：各议案的计票结果成为最终结果并保存；此后不能再表决。",
    "Who chaired (主持人).": "主持人。",
    "Who kept the minutes (记录人).": "记录人。",
    "Add to the minutes, or print them: notes plus attendance, motions and tallies from the data (S15).":
        "添加或打印会议记录：记录内容，加上由数据生成的出席情况、议案和计票结果（S15）。",
    "Add a line to the minutes (会议记录).": "在会议记录中添加一条。",
    "Set the meeting summary (会议纪要).": "填写会议纪要。",
    "After close: a dated correction printed beside the minutes (the minutes themselves are final).":
        "闭会后：注明日期的更正，印在会议记录旁（会议记录本身不再改动）。",
    "When the next residents'/representatives' meeting must be held (S4), met petitions (S5), and routine\n"
    "meetings due or overdue by their cadence (S14).":
        "下一次居民会议或居民代表会议最迟何时召开（S4）、已达到人数的提议（S5），以及按周期应开或已逾期的例会（S14）。",
    # motion
    "Add a motion to a meeting; prints the motion id.": "为会议添加议案；显示议案编号。",
    "The meeting's id.": "会议编号。",
    "The motion's title.": "议案标题。",
    "Its full text.": "议案全文。",
    "What the meeting decides (S9).": "会议要决定的事项类别（S9）。",
    "The meeting's motions with their tallies (final once the meeting is closed).":
        "会议的议案及计票结果（闭会后为最终结果）。",
    # vote
    "Record counted votes; for + against + abstain may not exceed those present now.":
        "录入计票结果；赞成、反对、弃权之和不能超过当前出席人数。",
    "The motion's id (see `juwei motion list MEETING`).": "议案编号（见 `juwei motion list MEETING`）。",
    "Votes in favour.": "赞成票数。",
    "Votes against.": "反对票数。",
    "Abstentions.": "弃权票数。",
    "Record a roll call: each present seat votes once.": "录入唱名表决：每个出席的座号投一次票。",
    "for | against | abstain.": "for（赞成）| against（反对）| abstain（弃权）。",
    "The result by the meeting's rules (S8: ≥ 2/3 of those present, in the seed profile).":
        "按本次会议的规则得出表决结果（S8：seed 方案为出席人数的三分之二以上）。",
    "The roll-call ballots of a motion, seat by seat.": "议案的唱名表决票，逐个座号列出。",
    # petition
    "Open a petition; prints its id.": "发起提议；显示其编号。",
    "What the meeting should decide.": "会议要决定的事项。",
    "Record signatures; only serving representatives may sign (seed profile).":
        "登记联名；只有在任居民代表可以联名（seed 方案）。",
    "The petition's id.": "提议编号。",
    "Members who sign (id or ID number).": "联名的居民（居民编号或身份证号）。",
    "Signatures against the threshold (≥ 1/5 of serving representatives in the seed profile).":
        "联名人数与所需人数对照（seed 方案为在任居民代表的五分之一以上）。",
    "All petitions with whether each is met.": "所有提议，及各项是否已达到所需人数。",
    # notice
    "Render a meeting's document as Markdown or print-ready HTML (A4, GB/T 9704 layout).":
        "生成会议文书，Markdown 或可直接打印的 HTML（A4，GB/T 9704 版式）。",
    "Which document: notice | signin | ballot | result | resolution | minutes | summary.":
        "哪一种文书：notice（会议通知）| signin（签到表）| ballot（表决票）| result（表决结果公告）"
        "| resolution（决议）| minutes（会议记录）| summary（会议纪要）。",
    "Every document the meeting's state allows, into --out-dir.": "会议当前状态下可生成的全部文书，写入 --out-dir。",
    "Markdown or print-ready HTML (default: from --out's extension, else md; with --all both).":
        "Markdown 或可打印的 HTML（默认：按 --out 的扩展名，否则为 md；用 --all 时两种都生成）。",
    "The document's language (default: the community's locale).": "文书的语言（默认：社区设定的文书语言）。",
    "Write here instead of stdout.": "写入这个文件，而不是输出到屏幕。",
    "With --all: the folder to write into (stable file names).": "与 --all 一起用：写入的文件夹（文件名固定）。",
    "Your own templates (same layout as the packaged ones, e.g. zh_CN/notice.html.j2); each overrides the "
    "packaged one.": "自己的模板（目录结构与自带模板相同，如 zh_CN/notice.html.j2）；同名模板优先于自带模板。",
    "Who to contact, printed on the notice (default: the committee's office).":
        "联系人，印在通知上（默认：居委会办公室）。",
    "Ballots carry no name and no seat (无记名投票).": "表决票不印姓名和座号（无记名投票）。",
    "Replace --out if it already exists.": "--out 文件已存在时覆盖它。",
    # audit
    "Walk the hash chain and compare every current row with its latest audit event (exit 1 on any mismatch).":
        "逐条核对哈希链，并把每一条现有数据与其最新的审计记录比对（有任何不符则以 1 退出）。",
    "Also check the chain still holds this posted seal.": "同时检查审计记录仍与这份已公示的封存凭证相符。",
    "The community's history: who changed what, when, from what to what (ID numbers and phones masked).":
        "社区的修改历史：谁在何时把什么从什么改成了什么（身份证号和电话打码显示）。",
    "Only this record, e.g. member:12.": "只看这条记录，如 member:12。",
    "Only events on or after this date.": "只看这一天及以后的记录。",
    "Only the last N events.": "只看最近 N 条记录。",
    "Print the chain's head hash with the date and counts, to post on the board or send to the street office.":
        "生成封存凭证：最新哈希值、日期和记录数，可在公开栏张贴或报送街道办事处。",
    "Also write the seal to this file.": "同时把封存凭证写入这个文件。",
    # demo
    "Folder for the demo database and printouts.": "存放演示数据库和打印件的文件夹。",
    "Households to generate.": "要生成的户数。",
    # disclose
    "Record a disclosure (a draft until `post`); prints its id.": "登记一项公开事项（用 `post` 张贴之前是草稿）；显示其编号。",
    "finance|resolution|decision|welfare|personnel|assembly|duties|other.":
        "finance（财务）|resolution（决议）|decision（决定）|welfare（救助）|personnel（人事）"
        "|assembly（会议）|duties（职责）|other（其他）。",
    "The text (Markdown).": "正文（Markdown）。",
    "The text from a Markdown file.": "正文取自 Markdown 文件。",
    "2026-Q3, 2026-H1, 2026-07 or 2026.": "期间：2026-Q3、2026-H1、2026-07 或 2026。",
    "The meeting it comes from.": "所依据的会议。",
    "The motion it comes from.": "所依据的议案。",
    "Planned first day on the board.": "计划在公开栏张贴的第一天。",
    "Last day on the board.": "在公开栏张贴的最后一天。",
    "This is a correction of disclosure D (both stay on record).": "本事项是对公开事项 D 的更正（两者都保留在登记簿中）。",
    "Who to ask or object to (the committee's office contact).": "咨询或提出异议的联系人（居委会办公室）。",
    "The register: every disclosure, with its posting record.": "公开事项登记簿：每项公开事项及其张贴记录。",
    "Only those posted on this day.": "只看这一天张贴的。",
    "Only those on the board on this day.": "只看这一天在公开栏上的。",
    "Only disclosures in this state.": "只看处于这一状态的公开事项。",
    "One disclosure with its text; ID numbers and phones in it masked unless --reveal.":
        "一项公开事项及其正文；其中的身份证号和电话打码显示，除非加 --reveal。",
    "Disclosure id.": "公开事项编号。",
    "Record the day a disclosure went up on the board.": "登记公开事项在公开栏张贴的日期。",
    "The day it went up (default today).": "张贴日期（默认今天）。",
    "Take a disclosure down (or cancel a draft); it stays in the register.":
        "撤下公开事项（或作废草稿）；它仍保留在登记簿中。",
    "Why it comes down.": "撤下的原因。",
    "The day it came down (default today).": "撤下日期（默认今天）。",
    "Every obligation to the board that is open or overdue, with its rule (S20–S25).":
        "所有待公开或已逾期的公开义务，及其依据的条款（S20–S25）。",
    "Also obligations already met (on time or late).": "也列出已履行的公开义务（按时或逾期后公开的）。",
    "S20: a finance account disclosure for an ended period, filled from the ledger; prints its id.":
        "S20：为已结束的期间生成财务收支公开，内容取自收支明细；显示其编号。",
    "2026-Q3 (quarter) or 2026 (full year).": "2026-Q3（季度）或 2026（全年）。",
    "Correct an earlier account.": "更正之前公开的账目。",
    "S23: a welfare publicity list (names, household size, benefit, amount; nothing else); prints its id.":
        "S23：救助公示名单（只有姓名、家庭人口、救助类别、金额）；显示其编号。",
    ".csv/.xlsx: name, household_size, benefit, amount, id_number, note (姓名, 家庭人口, 救助类别, 金额, 身份证号, "
    "备注).": ".csv/.xlsx 文件，列：姓名、家庭人口、救助类别、金额、身份证号、备注（或英文列名 name, household_size, "
              "benefit, amount, id_number, note）。",
    "The benefit (低保, 临时救助 …).": "救助类别（低保、临时救助……）。",
    "The day the benefit starts.": "开始发放的日期。",
    "S24: record a staff change or change of duties (disclose it with `juwei disclose personnel`).":
        "S24：登记人事变动或分工调整（用 `juwei disclose personnel` 公开）。",
    "What changed (appointed, duties, left …).": "变动情况（任用、分工、离任……）。",
    "Effective date.": "生效日期。",
    "S24: the recorded staff changes and the disclosure that announced each.":
        "S24：已登记的人事变动，及公布各项变动的公开事项。",
    "S24: one disclosure announcing every recorded staff change not yet disclosed; prints its id.":
        "S24：生成一项公开事项，公布所有尚未公开的人事变动；显示其编号。",
    "S21/S25: the pre-meeting notice of a convened meeting, or the results of a closed one; prints its id.":
        "S21/S25：已召集会议的会前公告，或已闭会会议的结果公开；显示其编号。",
    "Meeting id.": "会议编号。",
    "A printout of one disclosure, with its posting period and the committee.":
        "一项公开事项的张贴件，注明公开期限和居委会。",
    "md or html (print-ready A4).": "md 或 html（可直接打印的 A4）。",
    "Write to this file (default: standard output).": "写入这个文件（默认：输出到屏幕）。",
    "Your own templates folder (same layout as the packaged one), tried first.":
        "自己的模板文件夹（目录结构与自带模板相同），优先使用。",
    "Everything that should be on the board on a day, one printout each, plus an index page.":
        "某一天公开栏上应有的全部事项，每项一份张贴件，另加一页目录。",
    "The day (default today).": "日期（默认今天）。",
    "Directory for the printouts and index.html.": "存放张贴件和 index.html 的文件夹。",
    "md or html.": "md 或 html。",
    # ledger
    "Import a ledger file: every row or none; problems are listed with their row numbers.":
        "导入收支明细文件：要么全部导入，要么一行也不导入；问题按行号列出。",
    ".csv (UTF-8 or GB18030) or .xlsx with date, amount, direction, category, description, voucher (or 日期, 金额, "
    "收支, 类别, 摘要, 凭证号).": ".csv（UTF-8 或 GB18030 编码）或 .xlsx 文件，列：日期、金额、收支、类别、摘要、凭证号"
                              "（或英文列名 date, amount, direction, category, description, voucher）。",
    "Add one ledger entry; prints its id.": "登记一笔收支；显示其编号。",
    "Date of the entry.": "日期。",
    "Amount in yuan: 1234.56, 1,234.56 or ¥1,234.56.": "金额（元）：1234.56、1,234.56 或 ¥1,234.56。",
    "income or expense (收入/支出).": "收入或支出（income/expense）。",
    "Expense: wages, welfare, construction, activities, office, other (or 工资, 福利, 社区建设, 活动, 办公, 其他); "
    "income: its source.": "支出：工资、福利、社区建设、活动、办公、其他（或 wages, welfare, construction, activities, "
                           "office, other）；收入：写明来源。",
    "Voucher number (凭证号), unique.": "凭证号，不能重复。",
    "What it was for (摘要).": "摘要（用途）。",
    "List ledger entries in date order; ID numbers, phones and bank accounts in a description are masked\n"
    "unless --reveal.": "按日期列出收支明细；摘要中的身份证号、电话和银行账号打码显示，除非加 --reveal。",
    "income or expense.": "收入或支出（income/expense）。",
    "Write the ledger to a spreadsheet that `ledger import` reads back; text cells that a spreadsheet\n"
    "would run as formulas are neutralised.": "把收支明细导出为表格，`ledger import` 可以再导入；会被表格软件当作公式执行的文字"
                                              "单元格已作无害处理。",
    "FILE.csv (UTF-8 with BOM) or FILE.xlsx.": "FILE.csv（带 BOM 的 UTF-8）或 FILE.xlsx。",
    "Only this period (2026-Q3, 2026 …).": "只看这一期间（2026-Q3、2026……）。",
    "The account for a period: opening balance, income by source, expense by category, closing balance,\n"
    "and every expense above the profile's itemising threshold (personal numbers masked unless --reveal).":
        "某一期间的账目：期初余额、按来源的收入、按类别的支出、期末余额，以及超过规则方案逐笔列示金额的每笔支出"
        "（个人号码打码显示，除非加 --reveal）。",
}
