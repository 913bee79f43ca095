"""Sentiment work (民情) as pure rules: the seven categories of S10, where an item came from, how it is handled,
when an urgent item is overdue, when the monthly report is due (S12), and whether the community has enough
information collectors (S11).

The seed's "民情分析会制度" collects residents' concerns in seven categories; the sixth — sudden, emerging or
trending issues that may affect stability (突发性、苗头性、倾向性问题) — is to be reported at once (及时报送).
The month's items are analysed at a monthly meeting and reported monthly to the street's party office
(每月一次上报街道党工办). The seed gives no day for either report: the days are profile keys, marked as
readings (``verified=False``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from juwei.i18n import t
from juwei.rules.months import Month, month_of, parse_month  # noqa: F401  (the sentiment work's months)


class Category(StrEnum):  # S10: the seven categories, in the seed's order; labels: kind "sentiment category"
    HOT_ISSUES = "hot-issues"  # (1) 居民群众普遍关心的热点、难点问题
    NEEDS = "needs"  # (2) 社区居民、辖区单位的困难和需求
    OPINIONS = "opinions"  # (3) 社区工作存在的问题和居民群众的意见、建议
    EXPERIENCE = "experience"  # (4) 社区建设中的工作经验、改革举措
    GOOD_DEEDS = "good-deeds"  # (5) 社区中涌现出来的好人好事及典型
    STABILITY = "stability"  # (6) 可能影响社区稳定的突发性、苗头性、倾向性问题 — report at once
    OTHER = "other"  # (7) 其他有价值的信息


# The seed numbers the categories 1–7; a clerk types the number as often as the words.
CATEGORY_NUMBERS: dict[str, str] = {str(n): code.value for n, code in enumerate(Category, 1)}


def category_words(category: Category | str) -> str:
    """A category as S10 words it, in the active language (the label is its short name)."""
    return {
        Category.HOT_ISSUES: t("hot and difficult issues residents care about"),
        Category.NEEDS: t("difficulties and needs of residents and local units"),
        Category.OPINIONS: t("problems in community work and residents' opinions and suggestions"),
        Category.EXPERIENCE: t("experience and reforms in community building"),
        Category.GOOD_DEEDS: t("good deeds and models in the community"),
        Category.STABILITY: t("sudden, emerging or trending issues that may affect the community's stability"),
        Category.OTHER: t("other valuable information"),
    }[Category(category)]


def category_number(category: Category | str) -> int:
    """The seed's number of a category (1–7)."""
    return list(Category).index(Category(category)) + 1


class Source(StrEnum):  # how the item reached the committee (S11); labels: kind "sentiment source"
    VISIT = "visit"  # 入户走访 (联片包户)
    RECEPTION = "reception"  # 接待日
    MAILBOX = "mailbox"  # 民情信箱
    COLLECTOR = "collector"  # 民情信息员
    PHONE = "phone"  # 电话
    ONLINE = "online"  # 网络
    OTHER = "other"


class Status(StrEnum):  # labels: kind "sentiment status"
    RECORDED = "recorded"  # 已登记
    ANALYSED = "analysed"  # 已分析 (at the monthly meeting, S12)
    REFERRED = "referred"  # 已转办
    RESOLVED = "resolved"  # 已解决
    REPLIED = "replied"  # 已答复


class SentimentDoc(StrEnum):  # an item's printable sheets; labels: kind "sentiment document"
    URGENT_REPORT = "urgent-report"  # 紧急民情报告单 (S10)


# What `sentiment update` may set (``recorded`` is where every item starts).
HANDLING = (Status.ANALYSED, Status.REFERRED, Status.RESOLVED, Status.REPLIED)
# An item is settled once it is resolved or the resident has had an answer; the rest are open.
SETTLED = frozenset({Status.RESOLVED, Status.REPLIED})


def is_open(status: Status | str) -> bool:
    return Status(status) not in SETTLED


def is_urgent(category: Category | str) -> bool:
    """S10 (6): a sudden, emerging or trending issue that may affect stability is reported at once."""
    return Category(category) == Category.STABILITY


def urgent_report_due(received: dt.date, days: int) -> dt.date:
    """S10: the last day to report an urgent item: ``days`` after it was received (0: the same day).
    ``sentiment_urgent_report_days`` is a reading of "at once" (及时报送)."""
    return received + dt.timedelta(days=days)


def urgent_overdue(category: Category | str, received: dt.date, reported_on: dt.date | None, days: int,
                   on: dt.date) -> bool:
    """S10: an urgent item not reported by its last day is overdue from the day after, until it is reported.
    Any other category is never overdue in this sense."""
    if not is_urgent(category) or reported_on is not None:
        return False
    return on > urgent_report_due(received, days)


def report_due(month: Month, day: int) -> dt.date | None:
    """S12: the monthly report on ``month`` goes to the street office by day ``day`` of the next month
    (``sentiment_report_day``, a reading: the seed says only "once a month"); 0: no monthly report is
    required. A day past the month's end means its last day."""
    if day <= 0:
        return None
    following = month.next()
    return dt.date(following.year, following.month, min(day, following.last.day))


def months_owed(first: Month, on: dt.date, day: int, reported: set[Month]) -> list[tuple[Month, dt.date, bool]]:
    """S12: the months from ``first`` that are over on ``on`` and not reported, each with its report's last
    day and whether that day has passed: ``[(month, due, overdue)]``, oldest first."""
    if day <= 0:
        return []
    out = []
    month, current = first, month_of(on)
    while month < current:
        if month not in reported:
            due = report_due(month, day)
            out.append((month, due, on > due))
        month = month.next()
    return out


def collectors_short(serving: int, minimum: int) -> int:
    """S11: how many information collectors the community lacks (0 when it has ``minimum`` or more)."""
    return max(0, minimum - serving)


def codes() -> dict[str, tuple[str, ...]]:
    """Every code this module stores, by its label kind (for the label tables' test)."""
    return {"sentiment category": tuple(Category), "sentiment source": tuple(Source),
            "sentiment status": tuple(Status), "sentiment document": tuple(SentimentDoc)}
