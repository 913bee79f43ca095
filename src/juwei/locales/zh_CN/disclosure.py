"""Chinese messages of the disclosure board and the finance ledger (居务公开, 收支明细)."""

MESSAGES = {
    # command table
    "The disclosure board (居务公开): register, what is due, generators, printouts.":
        "居务公开栏:登记、到期事项、自动生成、张贴件。",
    "Finance ledger (收支明细): import, add, list, accounts (S20).": "收支明细:导入、登记、列表、账目(S20)。",
    # money, periods, categories
    "an amount in yuan such as 1234.56, 1,234.56 or ¥1,234.56 (at most two decimals, not negative)":
        "以元为单位的金额,如 1234.56、1,234.56 或 ¥1,234.56(最多两位小数,不可为负)",
    "'{value}' is too large for a community account": "“{value}”超出社区账目的金额范围",
    "'{value}' is not income or expense (收入/支出)": "“{value}”不是收入或支出",
    "an income source is required (e.g. 上级拨款, 捐赠, 服务收入)": "必须填写收入来源(如 上级拨款、捐赠、服务收入)",
    "an income source is at most 50 characters, without control characters": "收入来源最多 50 个字符,且不含控制字符",
    "'{value}' is not a period; use 2026-Q3, 2026-H1, 2026-07 or 2026":
        "“{value}”不是有效期间;请用 2026-Q3、2026-H1、2026-07 或 2026",
    "'{value}' is not {allowed}": "“{value}”不是{allowed}",
    "'{value}' is not an expense category; use one of {allowed}": "“{value}”不是支出类别;可用:{allowed}",
    "full-year finance account {period}": "{period} 年度财务账目",
    "finance account {period}": "{period} 财务账目",
    # register
    "{option} is at most {n} characters on one line": "{option} 最多 {n} 个字符,且只能一行",
    "{option} must not be empty": "{option} 不能为空",
    "no disclosure {ref}; see `juwei disclose list`": "没有公开事项 {ref};请查看 `juwei disclose list`",
    "--category '{value}' is not allowed; use one of {allowed}": "--category “{value}”无效;可用:{allowed}",
    "--status '{value}' is not allowed; use one of {allowed}": "--status “{value}”无效;可用:{allowed}",
    "the body is empty; give --body TEXT or --body-file FILE.md": "正文为空;请用 --body 文字 或 --body-file 文件.md",
    "the body is longer than 2,000,000 characters": "正文超过 2,000,000 个字符",
    "--until {until} is before --post-on {post_on}": "--until {until} 早于 --post-on {post_on}",
    "disclosure {id} was withdrawn on {day}; it cannot be posted": "公开事项 {id} 已于 {day} 撤下,不能再张贴",
    "disclosure {id} was already posted on {day}; a posted disclosure is not changed — add a correction with "
    "`juwei disclose add --supersedes {id}`":
        "公开事项 {id} 已于 {day} 张贴;已张贴的内容不可修改——请用 `juwei disclose add --supersedes {id}` 发布更正",
    "--on {day} is in the future; record a posting on the day it happens (plan it with --post-on)":
        "--on {day} 是将来的日期;请在实际张贴当天登记(计划日期请用 --post-on)",
    "--on {day} is after the disclosure's last day ({until})": "--on {day} 晚于该公开事项的截止日({until})",
    "disclosure {id} was already withdrawn on {day}": "公开事项 {id} 已于 {day} 撤下",
    "--on {day} is before the disclosure was posted ({posted})": "--on {day} 早于该事项的张贴日({posted})",
    "--on {day} is in the future": "--on {day} 是将来的日期",
    "disclosure {id} was withdrawn on {day}; a withdrawn disclosure is not corrected, add a new one":
        "公开事项 {id} 已于 {day} 撤下;撤下的事项不作更正,请新增一项",
    "disclosure {id} is already superseded by {new}; correct {new} instead": "公开事项 {id} 已被 {new} 更正;请更正 {new}",
    "a correction keeps the category of disclosure {id} ({category})": "更正须与公开事项 {id} 类别相同({category})",
    "disclosure {id} already answers '{subject}'; to correct it use --supersedes {id}":
        "公开事项 {id} 已对应“{subject}”;如需更正请用 --supersedes {id}",
    "--on {day} is before the disclosure it corrects ({id}) was posted ({posted})":
        "--on {day} 早于被更正事项 {id} 的张贴日({posted})",
    # obligations
    "period {period} ends on {end}; its account can be made from the day after": "{period} 于 {end} 结束;次日起方可编制账目",
    "welfare list {id}: {benefit} from {starts}": "救助名单 {id}:{benefit},{starts} 起发放",
    "staff change: {name}, {change}": "人事变动:{name},{change}",
    # welfare
    "a whole number of people from 1 to 50": "1 至 50 之间的整数人数",
    "the benefit type is required (at most 100 characters)": "必须填写救助类别(最多 100 个字符)",
    "the benefit starts on {starts}: S23 needs the list up for {days} days before, so by {post_by}; move --starts "
    "or shorten the window in the rules profile":
        "待遇于 {starts} 起发放:按 S23 须提前公示 {days} 天,即最迟 {post_by} 张贴;请调整 --starts 或修改规则中的公示期",
    "{file}: {n} problem(s); nothing was recorded": "{file}:{n} 处问题;未登记任何内容",
    "{file} has no recipients": "{file} 中没有救助对象",
    # personnel
    "no staff changes wait to be disclosed; record one with `juwei disclose staff-change`":
        "没有待公开的人事变动;请先用 `juwei disclose staff-change` 登记",
    # meetings
    "meetings are not recorded in this version of juwei; leave out --from-meeting/--from-motion":
        "此版本 juwei 不记录会议;请去掉 --from-meeting/--from-motion",
    "meetings are not recorded in this version of juwei": "此版本 juwei 不记录会议",
    # ledger
    "row {row}: {problem}": "第 {row} 行:{problem}",
    "a date is required": "必须填写日期",
    "an entry of 0.00 records nothing": "金额为 0.00 的记录没有意义",
    "a voucher number (凭证号) is required, at most 64 characters": "必须填写凭证号,最多 64 个字符",
    "at most 300 characters": "最多 300 个字符",
    "voucher '{voucher}' is already in the ledger": "凭证号“{voucher}”已在账中",
    "{file}: {n} problem(s); nothing was imported": "{file}:{n} 处问题;未导入任何记录",
    "{file} has no ledger rows": "{file} 中没有收支记录",
    "the ledger is empty; add entries with `juwei ledger add` or `juwei ledger import`":
        "账中尚无记录;请用 `juwei ledger add` 或 `juwei ledger import` 登记",
    "row {row}: voucher: '{voucher}' repeats row {first}": "第 {row} 行:voucher:凭证号“{voucher}”与第 {first} 行重复",
    "row {row}: voucher: '{voucher}' is already in the ledger": "第 {row} 行:voucher:凭证号“{voucher}”已在账中",
    "… and {n} more": "……另有 {n} 处",
    # spreadsheets
    "{path} is empty": "{path} 是空文件",
    "{path}: use a .csv or .xlsx file": "{path}:请使用 .csv 或 .xlsx 文件",
    "{path}: missing column(s) {missing}; expected {expected}": "{path}:缺少列 {missing};应有 {expected}",
    # CLI words
    "disclosures": "公开事项",
    "disclosure {id}": "公开事项 {id}",
    "due to the board": "应公开事项",
    "{n} disclosure(s) on the board on {day}; written to {dir}": "{day} 公开栏应有 {n} 件;已写入 {dir}",
    "written to {path}": "已写入 {path}",
    "give exactly one of --body TEXT or --body-file FILE.md": "请在 --body 文字 与 --body-file 文件.md 中二选一",
    "id": "编号",
    "category": "类别",
    "title": "标题",
    "period": "期间",
    "status": "状态",
    "posted": "张贴日期",
    "until": "公开至",
    "supersedes": "更正",
    "superseded by": "被更正于",
    "disclosure {id} posted on {day}": "公开事项 {id} 已于 {day} 张贴",
    "disclosure {id} withdrawn on {day}": "公开事项 {id} 已于 {day} 撤下",
    "subject": "事项",
    "what": "内容",
    "due": "期限",
    "cannot write {path}: {reason}": "无法写入 {path}:{reason}",
    "--body-file: no file {path}": "--body-file:没有文件 {path}",
    "--body-file: {path} is not UTF-8 text": "--body-file:{path} 不是 UTF-8 文本",
    "imported {n} entries from {file} ({first} to {last}): income {income}, expense {expense}":
        "已从 {file} 导入 {n} 笔({first} 至 {last}):收入 {income},支出 {expense}",
    "ledger": "收支明细",
    "account {period} ({start} to {end}), {n} entries": "{period} 账目({start} 至 {end}),共 {n} 笔",
    "date": "日期",
    "direction": "收支",
    "amount": "金额",
    "voucher": "凭证号",
    "description": "摘要",
    "opening balance": "期初余额",
    "income: {category}": "收入:{category}",
    "total income": "收入合计",
    "expense: {category}": "支出:{category}",
    "total expense": "支出合计",
    "closing balance": "期末余额",
    "item": "项目",
    "yuan": "元",
    "expenses above {amount}": "单笔超过 {amount} 元的支出",
    "the document templates are missing from this installation; reinstall juwei": "安装中缺少文书模板;请重新安装 juwei",
    "--format '{fmt}' is not allowed; use md or html": "--format “{fmt}”无效;请用 md 或 html",
    "cannot create {path}: {reason}": "无法创建 {path}:{reason}",
    "cannot write into {path}: {reason}": "无法写入 {path}:{reason}",
    # meetings (S21, S25)
    "notice of the {kind} meeting {id} on {day}": "{day} {kind}（编号 {id}）的会前公告",
    "results of the {kind} meeting {id} on {day}": "{day} {kind}（编号 {id}）的决议结果",
    "no motion {id} in this community": "本社区没有议案 {id}",
    "motion {id} belongs to meeting {meeting}, not {given}": "议案 {id} 属于会议 {meeting},不是 {given}",
    "meeting {id} ({kind}) is not closed yet; its results can be disclosed after it closes":
        "会议 {id}({kind})尚未结束;结束后方可公开其结果",
    "meeting {id} was cancelled; there is nothing to disclose from it": "会议 {id} 已取消;没有可公开的内容",
    "a {kind} meeting's results are not among the board's obligations (S21, S25); use `juwei disclose add "
    "--from-meeting {id}` to publish something from it":
        "{kind}的结果不属于必须公开的事项(S21、S25);如需公开请用 `juwei disclose add --from-meeting {id}`",
    "{n} entries written to {path}": "已将 {n} 笔写入 {path}",
    "staff changes": "人事变动",
    "name": "姓名",
    "change": "变动情况",
    "effective": "生效日期",
    "disclosure": "公开事项",
}
