"""Chinese words for stored codes, one table per kind of code (gettext message contexts).

A code is looked up as ``label(kind, code)``; keeping each kind apart is what lets ``households`` be 户数 as
a roster column and 每户代表 as the body of a meeting.
"""

CODES: dict[str, dict[str, str]] = {
    "meeting kind": {
        "residents": "居民会议",
        "representatives": "居民代表会议",
        "office": "居委会办公会议",
        "heart-to-heart": "交心通气会",
        "group-leaders": "居民小组长会议",
        "deliberation": "议事委员会会议",
        "two-committees": "两委会办公会",
        "sentiment": "民情分析会",
        "report": "向代表大会报告工作",
        "residents/representatives": "居民(代表)会议",
    },
    "body": {
        "adults": "全体成年居民",
        "households": "每户代表",
        "groups": "居民小组代表",
        "representatives": "居民代表",
    },
    "meeting status": {
        "convened": "已召集",
        "closed": "已闭会",
        "cancelled": "已取消",
    },
    "vote method": {
        "count": "计票",
        "roll-call": "唱名表决",
    },
    "representative kind": {
        "elected": "推选代表",
        "ex_officio": "当然代表",
    },
    "petition base": {
        "representatives": "居民代表",
        "adults": "成年居民",
        "households": "户",
    },
    "choice": {
        "for": "赞成",
        "against": "反对",
        "abstain": "弃权",
    },
    "cadence": {
        "weekly": "每周",
        "monthly": "每月",
        "quarterly": "每季度",
        "half-yearly": "每半年",
        "yearly": "每年",
        "none": "无",
    },
    "roll column": {
        "representative": "代表身份",
    },
    "obligation status": {
        "open": "待公开",
        "overdue": "逾期未公开",
        "done": "已按时公开",
        "late": "逾期后公开",
    },
}

MESSAGES = {f"{kind}\x04{code}": words for kind, table in CODES.items() for code, words in table.items()}
