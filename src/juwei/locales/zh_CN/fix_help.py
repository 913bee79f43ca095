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
}
