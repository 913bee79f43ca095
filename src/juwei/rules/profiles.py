"""Rules profiles: every number the community's rules set, as data (docs/rules.md, docs/law.md).

A community is created from a base profile (``seed`` = docs/rules.md, ``organic-law`` = the 2018 Organic Law's
own minimums). The clerk may record new values with an effective date; the values in force on a date
are the base profile overlaid by every recorded version effective on or before that date. Code reads
``rules.quorum``; no rule number is ever a literal elsewhere.

Values are stored as canonical text (``>1/2``, ``3``, ``half-yearly``) so a meeting can snapshot them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Iterable

from juwei.errors import ValidationError
from juwei.i18n import label, language, t
from juwei.rules.thresholds import Threshold, parse_threshold, threshold_words

class Cadence(StrEnum):  # how often something recurs (S4, S12, S14, S20); labels: kind "cadence"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"
    NONE = "none"


CADENCES = tuple(Cadence)


@dataclass(frozen=True)
class RuleSpec:
    key: str
    kind: str  # threshold | int | bool | choice | cadence | money | text
    rule: str  # the rule id it implements: S7, LAW.md …
    en: str
    zh: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    # False: the figure is a default (the village organic law, electoral practice, fragments of the 2025
    # revision) not yet checked against the official text; `rules show` says so (LAW.md).
    verified: bool = True


def _spec(key, kind, rule, en, zh, **kw) -> tuple[str, RuleSpec]:
    return key, RuleSpec(key, kind, rule, en, zh, **kw)


SPECS: dict[str, RuleSpec] = dict([
    _spec("source", "text", "LAW.md", "which text this profile follows", "本规则方案依据的文本"),
    _spec("rules_title", "text", "rules.md", "the title of this community's own rules, cited on its documents",
          "本社区民主管理制度的名称(文书中引用)"),
    _spec("adult_age", "int", "S1", "age from which a resident belongs to the adults' body",
          "居民会议成员的年龄下限(周岁)", minimum=14, maximum=30),
    _spec("adult_birthday_counts", "bool", "LAW.md",
          "a resident is an adult on the birthday itself (not the day after)", "生日当天即视为年满"),
    _spec("group_reps_min", "int", "S1", "fewest elected representatives per residents' group",
          "每个居民小组推选代表的最少人数", minimum=1, maximum=20),
    _spec("group_reps_max", "int", "S1", "most elected representatives per residents' group",
          "每个居民小组推选代表的最多人数", minimum=1, maximum=20),
    _spec("quorum", "threshold", "S7", "share of the body that must be present to hold a meeting",
          "举行会议所需出席人数比例"),
    _spec("pass_threshold", "threshold", "S8", "share of the base needed to pass a resolution",
          "决议通过所需比例"),
    _spec("pass_base", "choice", "S8",
          "what the pass threshold is a share of: those present, or votes cast",
          "通过比例的基数:出席人数或投票数", choices=("present", "cast")),
    _spec("notice_days", "int", "S6", "days between notice and meeting, at least",
          "会前通知的最少天数", minimum=0, maximum=365),
    _spec("representative_term_years", "int", "S3", "term of an elected representative, in years",
          "居民代表任期(年)", minimum=1, maximum=10),
    _spec("committee_term_years", "int", "S3", "term of the residents' committee, in years",
          "居民委员会每届任期(年)", minimum=1, maximum=10),
    _spec("committee_size_min", "int", "LAW.md", "fewest members of the residents' committee (Organic Law Art. 7)",
          "居民委员会成员的最少人数", minimum=1, maximum=50),
    _spec("committee_size_max", "int", "LAW.md", "most members of the residents' committee (Organic Law Art. 7)",
          "居民委员会成员的最多人数", minimum=1, maximum=50),
    _spec("petition_threshold", "threshold", "S5", "share that must sign to force a meeting",
          "提议召开会议所需比例"),
    _spec("petition_base", "choice", "S5", "who the petition share is counted among",
          "提议比例的基数", choices=("representatives", "adults", "households")),
    _spec("meeting_interval", "cadence", "S4",
          "a residents'/representatives' meeting at least once per calendar period",
          "居民(代表)会议至少召开周期", choices=CADENCES),
    _spec("cadence_office", "cadence", "S14a", "committee office meeting", "居委会办公会议",
          choices=CADENCES),
    _spec("cadence_heart_to_heart", "cadence", "S14b", "heart-to-heart meeting", "交心通气会",
          choices=CADENCES),
    _spec("cadence_assembly_report", "cadence", "S14c",
          "report to the members' representatives assembly", "向社区成员代表大会报告工作",
          choices=CADENCES),
    _spec("cadence_group_leaders", "cadence", "S14d", "residents' group leaders meeting",
          "居民小组长会议", choices=CADENCES),
    _spec("cadence_deliberation", "cadence", "S14e", "deliberation committee meeting",
          "议事委员会会议", choices=CADENCES),
    _spec("cadence_two_committees", "cadence", "S14f", "two-committees office meeting",
          "两委会办公会", choices=CADENCES),
    _spec("cadence_sentiment", "cadence", "S12", "sentiment analysis meeting", "民情分析会",
          choices=CADENCES),
    _spec("sentiment_report_day", "int", "S12",
          "the monthly sentiment report goes to the street office by this day of the next month (0: none)",
          "民情月报在次月几日前报送街道（0为不报）", minimum=0, maximum=31, verified=False),
    _spec("sentiment_urgent_report_days", "int", "S10",
          "days after it is received by which an urgent sentiment item (category 6) must be reported",
          "影响稳定的紧急民情须在收集后几天内上报", minimum=0, maximum=30, verified=False),
    _spec("sentiment_collectors_min", "int", "S11", "fewest information collectors the community keeps",
          "民情信息员的最少人数", minimum=0, maximum=100),
    _spec("disclosure_finance_cadence", "cadence", "S20", "finance account published every",
          "财务公开周期", choices=CADENCES),
    _spec("disclosure_finance_yearly", "bool", "S20", "a full-year account after year end",
          "年终公布全年账目"),
    _spec("ledger_history_years", "int", "S20",
          "a ledger entry is dated today or at most this many years before (accounting records are kept "
          "30 years: 会计档案管理办法 2015)", "账目日期最早可追溯的年数", minimum=1, maximum=100),
    _spec("disclosure_finance_deadline_days", "int", "S20",
          "days after a period ends by which its account must be posted", "期末后公开的期限(天)",
          minimum=0, maximum=120),
    _spec("disclosure_after_meeting_days", "int", "S21,S25",
          "days after a meeting by which its resolutions must be posted", "会后公开决议的期限(天)",
          minimum=0, maximum=60),
    _spec("disclosure_personnel_days", "int", "S24",
          "days after a staff change by which it must be posted", "人事变动公开期限(天)",
          minimum=0, maximum=60),
    _spec("disclosure_duties_days", "int", "S26",
          "days after the division of work changes by which the new one must be posted", "分工调整公开期限(天)",
          minimum=0, maximum=60),
    _spec("welfare_objection_days", "int", "S23",
          "days a welfare list is posted for objections before the benefit starts",
          "救助名单公示期(天)", minimum=1, maximum=60),
    _spec("disclosure_itemise_expense_over", "money", "S20",
          "expenses above this amount (yuan) are itemised in the account", "单笔支出超过此金额(元)逐笔公开"),
    _spec("staff_summary_days", "int", "S28",
          "days after a month ends by which each serving staff member's monthly summary is due",
          "社区专职工作者月度工作小结在月末后提交的期限（天）", minimum=0, maximum=60, verified=False),
    # S9 elections, recall and by-election (LAW.md "The 2025 revision", village-law defaults)
    _spec("election_voter_list_days", "int", "S9,LAW.md",
          "days before polling day by which the voter register must be published, at least",
          "选民名单在选举日前公布的最少天数", minimum=0, maximum=120, verified=False),
    _spec("election_turnout", "threshold", "S9,LAW.md",
          "share of the register (voters or households) that must return ballots for a round to count",
          "选举有效所需参加投票的选民（户代表）比例", verified=False),
    _spec("election_turnout_representatives", "threshold", "S9,LAW.md",
          "share of the representatives that must return ballots where the representatives elect",
          "由居民代表选举时选举有效所需参加投票的代表比例", verified=False),
    _spec("election_majority", "threshold", "S9,LAW.md",
          "share of the ballots returned a candidate needs to be elected",
          "候选人当选所需得票数占投票数的比例", verified=False),
    _spec("election_runoff_share", "threshold", "S9,LAW.md",
          "share of the ballots returned a candidate needs in a further round (另行选举)",
          "另行选举时当选所需得票数占投票数的比例", verified=False),
    _spec("election_candidate_margin", "int", "S9,LAW.md",
          "candidates for each post must outnumber its seats by at least (差额)",
          "每个职位候选人多于应选名额的最少人数（差额）", minimum=1, maximum=20, verified=False),
    _spec("election_proxy_max", "int", "S9,LAW.md", "most voters one voter may vote for by written proxy",
          "每一选民接受委托投票的最多人数", minimum=0, maximum=10, verified=False),
    _spec("recall_proposers_voters", "threshold", "S9,LAW.md",
          "share of the voters that must propose a recall", "提出罢免要求所需选民联名比例", verified=False),
    _spec("recall_proposers_representatives", "threshold", "S9,LAW.md",
          "share of the representatives that must propose a recall", "提出罢免要求所需居民代表联名比例",
          verified=False),
    _spec("recall_turnout", "threshold", "S9,LAW.md",
          "share of the register that must vote for a recall vote to count", "罢免表决有效所需参加投票的比例",
          verified=False),
    _spec("recall_majority", "threshold", "S9,LAW.md",
          "share of the ballots returned that must be for the recall", "罢免通过所需赞成票占投票数的比例",
          verified=False),
    # S16–S19 democratic evaluation (LAW.md "Elections and evaluations as they are run": common practice)
    _spec("eval_quorum", "threshold", "S19,LAW.md",
          "share of the representatives that must be present at the evaluation's meeting",
          "民主评议会议所需出席的居民代表比例", verified=False),
    _spec("eval_objection_working_days", "int", "S19,LAW.md",
          "working days the evaluation results stay posted for objections",
          "民主评议结果公示期（工作日）", minimum=1, maximum=30, verified=False),
    _spec("eval_notify_days", "int", "S19,LAW.md",
          "days after the evaluation by which each subject is told the result",
          "民主评议后告知本人结果的期限（天）", minimum=1, maximum=60, verified=False),
    _spec("eval_two_incompetent_end_office", "bool", "S19,LAW.md",
          "two consecutive evaluations of incompetent (不合格) end the office",
          "连续两次评议为不合格的，其职务终止", verified=False),
])

# Keys a community records for itself at init, which no base profile holds (a profile is the shape of a
# community's rules, not its title).
COMMUNITY_KEYS = ("rules_title",)

PROFILES: dict[str, dict[str, str]] = {
    "seed": {
        "source": "社区民主管理制度范本 (docs/rules.md)",
        "adult_age": "18",
        "adult_birthday_counts": "yes",
        "group_reps_min": "2",
        "group_reps_max": "3",
        "quorum": ">1/2",
        "pass_threshold": ">=2/3",
        "pass_base": "present",
        "notice_days": "3",
        "representative_term_years": "3",
        "committee_term_years": "3",
        "committee_size_min": "5",
        "committee_size_max": "9",
        "petition_threshold": ">=1/5",
        "petition_base": "representatives",
        "meeting_interval": "half-yearly",
        "cadence_office": "monthly",
        "cadence_heart_to_heart": "half-yearly",
        "cadence_assembly_report": "half-yearly",
        "cadence_group_leaders": "quarterly",
        "cadence_deliberation": "quarterly",
        "cadence_two_committees": "weekly",
        "cadence_sentiment": "monthly",
        "sentiment_report_day": "5",
        "sentiment_urgent_report_days": "1",
        "sentiment_collectors_min": "4",
        "disclosure_finance_cadence": "quarterly",
        "disclosure_finance_yearly": "yes",
        "ledger_history_years": "30",
        "disclosure_finance_deadline_days": "15",
        "disclosure_after_meeting_days": "7",
        "disclosure_personnel_days": "7",
        "disclosure_duties_days": "7",
        "welfare_objection_days": "7",
        "disclosure_itemise_expense_over": "1000.00",
        "election_voter_list_days": "20",
        "election_turnout": ">1/2",
        "election_turnout_representatives": ">2/3",
        "election_majority": ">1/2",
        "election_runoff_share": ">=1/3",
        "election_candidate_margin": "1",
        "election_proxy_max": "3",
        "recall_proposers_voters": ">=1/5",
        "recall_proposers_representatives": ">=1/3",
        "recall_turnout": ">1/2",
        "recall_majority": ">1/2",
        "eval_quorum": ">=2/3",
        "eval_objection_working_days": "5",
        "eval_notify_days": "10",
        "eval_two_incompetent_end_office": "yes",
        "staff_summary_days": "5",
    },
}
PROFILES["organic-law"] = {
    **PROFILES["seed"],
    "source": "城市居民委员会组织法 (2018年文本, docs/law.md)",
    "pass_threshold": ">1/2",
    "representative_term_years": "5",
    "committee_term_years": "5",
    "petition_base": "adults",
    "meeting_interval": "none",
    "cadence_office": "none",
    "cadence_heart_to_heart": "none",
    "cadence_assembly_report": "none",
    "cadence_group_leaders": "none",
    "cadence_deliberation": "none",
    "cadence_two_committees": "none",
    "cadence_sentiment": "none",
    "sentiment_report_day": "0",
    "sentiment_collectors_min": "0",
}

_TRUE = {"yes", "true", "1", "on", "是"}
_FALSE = {"no", "false", "0", "off", "否"}


def spec(key: str) -> RuleSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise ValidationError(t("unknown rules key '{key}'; known keys: {keys}",
                                key=key, keys=", ".join(SPECS))) from None


def profile_names() -> tuple[str, ...]:
    return tuple(PROFILES)


def base_profile(name: str) -> dict[str, str]:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValidationError(t("unknown rules profile '{name}'; allowed: {allowed}",
                                name=name, allowed=", ".join(PROFILES))) from None


def parse_value(key: str, text: str) -> Any:
    """Parse and validate a value typed by the clerk for ``key``; raise naming the key and what is allowed."""
    s = spec(key)
    raw = unicodedata.normalize("NFKC", str(text)).strip()

    def bad(allowed: str) -> ValidationError:
        return ValidationError(t("rules key '{key}': '{value}' is not allowed; {allowed}",
                                 key=key, value=text, allowed=allowed))

    if s.kind == "threshold":
        try:
            return parse_threshold(raw)
        except ValidationError as exc:
            raise ValidationError(t("rules key '{key}': {reason}", key=key, reason=exc.message)) from None
    if s.kind == "int":
        if not (raw.isascii() and raw.lstrip("-").isdigit()):
            raise bad(t("a whole number from {lo} to {hi}", lo=s.minimum, hi=s.maximum))
        value = int(raw)
        if (s.minimum is not None and value < s.minimum) or (s.maximum is not None and value > s.maximum):
            raise bad(t("a whole number from {lo} to {hi}", lo=s.minimum, hi=s.maximum))
        return value
    if s.kind == "bool":
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise bad(t("yes or no"))
    if s.kind in ("choice", "cadence"):
        if raw.lower() not in s.choices:
            raise bad(t("one of {choices}", choices=", ".join(s.choices)))
        return raw.lower()
    if s.kind == "money":
        try:
            amount = Decimal(raw.replace(",", "").lstrip("¥"))
        except InvalidOperation:
            raise bad(t("an amount in yuan such as 1000 or 1000.00")) from None
        if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
            raise bad(t("an amount in yuan such as 1000 or 1000.00"))
        return amount.quantize(Decimal("0.01"))
    if not raw:
        raise bad(t("any non-empty text"))
    return raw


def format_value(key: str, value: Any) -> str:
    """Canonical text of a parsed value (what is stored and snapshotted)."""
    if SPECS[key].kind == "bool":
        return "yes" if value else "no"
    return str(value)


# The code table (``label(kind, code)``) that names each choice key's values.
CHOICE_LABELS = {"pass_base": "pass base", "petition_base": "petition base"}


def value_words(key: str, text: str) -> str:
    """A stored rule value as the clerk reads it in the CLI's language: a threshold in words (三分之二以上),
    yes/no as 是/否, a cadence or choice by its label, numbers with their unit. English keeps the stored
    text, which is what ``rules set`` takes."""
    s = SPECS.get(key)
    if s is None or language() == "en":
        return text
    if s.kind == "threshold":
        return threshold_words(text)
    if s.kind == "bool":
        return t("yes") if text in _TRUE else t("no") if text in _FALSE else text
    if s.kind == "cadence":
        return label("cadence", text)
    if s.kind == "choice":
        return label(CHOICE_LABELS.get(key, key), text)
    if s.kind == "money":
        return t("{amount} yuan", amount=text)
    if key == "adult_age":
        return t("{n} years of age", n=text)
    if key.endswith("_working_days"):
        return t("{n} working days", n=text)
    if key.endswith("_days"):
        return t("{n} days", n=text)
    if key.endswith("_years"):
        return t("{n} years", n=text)
    if key.startswith(("group_reps_", "committee_size_")) or key in (
        "election_candidate_margin",
        "election_proxy_max",
    ):
        return t("{n} persons", n=text)
    return text


class Rules:
    """The values in force: ``rules.quorum`` is a Threshold, ``rules.notice_days`` an int, …"""

    __slots__ = ("_values", "texts", "origin")

    def __init__(self, texts: dict[str, str], origin: dict[str, dt.date | None] | None = None):
        self.texts = dict(texts)
        self._values = {key: parse_value(key, value) for key, value in self.texts.items()}
        self.origin = origin or {}

    def __getattr__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rules) and self.texts == other.texts

    def __repr__(self) -> str:
        return f"Rules({self.texts!r})"

    def snapshot(self) -> dict[str, str]:
        """Plain text values, for a meeting to keep forever."""
        return dict(self.texts)


def default_rules_title(community_name: str) -> str:
    """A community's own rules are titled after it unless the clerk says otherwise: 《地坛北里社区民主管理制度》.
    A base profile is the shape of a community's rules, never their title."""
    return f"{community_name.strip()}民主管理制度"


def clean_title(text: str) -> str:
    """A rules title as typed, without the book-title marks the documents print around it."""
    return unicodedata.normalize("NFC", text).strip().strip("《》<>").strip()


def rules_in_force(base: str, versions: Iterable[tuple[str, str, dt.date | None]],
                   on: dt.date, *, community_name: str = "") -> Rules:
    """Overlay recorded versions ``(key, value, effective_from)`` effective on ``on`` onto ``base``.

    A version with no date is in force from the beginning (what ``init`` records); of several versions
    of a key, the one with the latest effective date on or before ``on`` wins. The rules title, which no
    base profile holds, defaults to one made from ``community_name`` (communities created before it was
    recorded at ``init``).
    """
    texts = dict(base_profile(base))
    texts["rules_title"] = default_rules_title(community_name or "本社区")  # COMMUNITY_KEYS
    origin: dict[str, dt.date | None] = {key: None for key in texts}
    chosen: dict[str, dt.date] = {}
    earliest = dt.date.min
    for key, value, effective in versions:
        when = effective or earliest
        if when > on or key not in SPECS:
            continue
        if key not in chosen or when >= chosen[key]:
            chosen[key] = when
            texts[key] = value
            origin[key] = effective
    return Rules(texts, origin)
