"""Jinja2 filters for meeting documents: dates and times as Chinese and English clerks write them,
numbers in words, Markdown escaping, and the privacy masks of :mod:`juwei.rules.privacy`.

Every filter is a pure function of its input, so a document renders the same on every machine.
"""

from __future__ import annotations

import datetime as dt

from jinja2 import pass_context
from markupsafe import Markup

from juwei.i18n import label as _label
from juwei.rules.disclosure import period_zh

from juwei.render.markdown import MarkdownText, escape_inline, escape_line_start, to_html, to_markdown
from juwei.rules.privacy import mask_id, mask_phone, scrub_text

_WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_CN_DIGITS = "零一二三四五六七八九"
_CN_UNITS = ("", "十", "百", "千")


def _day(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _moment(value: dt.datetime | str | None) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def cn_date(value) -> str:
    """``2026-11-24`` → ``2026年11月24日`` (GB/T 9704: Arabic numerals, no leading zeros)."""
    day = _day(value)
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def cn_weekday(value) -> str:
    """``2026-11-24`` → ``星期二``."""
    day = _day(value)
    return _WEEKDAYS_ZH[day.weekday()] if day else ""


def cn_time(value) -> str:
    """``14:30`` → ``下午2时30分``; ``9:00`` → ``上午9时``. The part of day avoids a 24-hour clock."""
    moment = _moment(value)
    if moment is None:
        return ""
    hour, minute = moment.hour, moment.minute
    if hour < 6:
        part, shown = "凌晨", hour
    elif hour < 12:
        part, shown = "上午", hour
    elif hour < 13:
        part, shown = "中午", hour
    elif hour < 18:
        part, shown = "下午", hour - 12
    else:
        part, shown = "晚上", hour - 12
    return f"{part}{shown}时" + (f"{minute}分" if minute else "")


def en_date(value) -> str:
    """``2026-11-24`` → ``24 November 2026``."""
    day = _day(value)
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}" if day else ""


def en_weekday(value) -> str:
    day = _day(value)
    return _WEEKDAYS_EN[day.weekday()] if day else ""


def en_time(value) -> str:
    """``14:30`` → ``14:30`` (the 24-hour clock reads unambiguously on a notice board)."""
    moment = _moment(value)
    return f"{moment.hour:02d}:{moment.minute:02d}" if moment else ""


def cn_number(value: int) -> str:
    """An integer in Chinese words: 3 → 三, 12 → 十二, 45 → 四十五, 105 → 一百零五, 10010 → 一万零一十."""
    n = int(value)
    if n < 0:
        return "负" + cn_number(-n)
    if n >= 10000:
        high, low = divmod(n, 10000)
        if low == 0:
            return cn_number(high) + "万"
        return cn_number(high) + "万" + ("零" if low < 1000 else "") + _below_10000(low)
    text = _below_10000(n)
    return text[1:] if text.startswith("一十") else text  # 十二, not 一十二, when it leads


def _below_10000(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    digits = [int(d) for d in str(n)]
    out: list[str] = []
    zero_pending = False
    for position, digit in enumerate(digits):
        if digit == 0:
            zero_pending = True
            continue
        if zero_pending and out:
            out.append("零")
        zero_pending = False
        out.append(_CN_DIGITS[digit] + _CN_UNITS[len(digits) - 1 - position])
    return "".join(out)


def en_number(value: int) -> str:
    """Small counts in English words (one … twenty), larger ones as digits."""
    words = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
             "fifteen sixteen seventeen eighteen nineteen twenty").split()
    n = int(value)
    return words[n] if 0 <= n < len(words) else str(n)


def cn_ordinal(value: int) -> str:
    """Topic numbering in Chinese official documents: 1 → ``一、``."""
    return cn_number(value) + "、"


# ---------------------------------------------------------------- Markdown

def md_escape(value) -> Markup:
    """Make any value print literally in CommonMark (and GFM tables): ``<script>`` → ``\\<script\\>``.

    Inline markup characters are backslash-escaped everywhere; block markers (``-``, ``+``, ``=``,
    ``1.``) at the start of a line are escaped too, and leading spaces are dropped so text never turns
    into a code block. Returns Markup so the Markdown environment does not escape it twice.
    """
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    lines = [escape_line_start(escape_inline(line.strip()))
             for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return Markup("\n".join(lines))


def md_inline(value) -> Markup:
    """One-line form for table cells and list items: newlines become spaces, then :func:`md_escape`."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else " ".join(str(value).split())
    return md_escape(text)


# ---------------------------------------------------------------- privacy

def scrub(value) -> str:
    """Mask any ID number, phone or bank card number hidden in free text (notes, topics, names) before
    printing: :func:`juwei.rules.privacy.scrub_text`, which changes only the matched characters, so 全角
    punctuation in the rest of a Chinese sentence is kept."""
    return scrub_text("" if value is None else str(value))


def html_finalize(value):
    """The HTML environment's last step before autoescape: no ID number or phone reaches the page, and a
    Markdown body becomes HTML with every character of its text escaped."""
    if value is None:
        return ""
    if isinstance(value, (Markup, int)):  # counts and seat numbers
        return value
    if isinstance(value, MarkdownText):
        return Markup(to_html(scrub(value)))
    return scrub(value)


def md_finalize(value):
    """The Markdown environment's autoescape: every ``{{ … }}`` is scrubbed, then :func:`md_inline`; a
    Markdown body keeps its structure and has every other markup character escaped (no raw HTML)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, MarkdownText):
        return Markup(to_markdown(scrub(value)))
    return md_inline(scrub(value))


def qr_svg(value, label: str = "") -> Markup:
    """``{{ row.code|qr_svg }}`` (HTML only): the text as a QR code drawn in inline SVG — no image file, no
    network. segno draws one path of dark modules with the standard four-module quiet zone; the size on the
    page is the template's CSS (``svg.qr``). The same text always draws the same SVG (segno chooses the
    version and mask deterministically), so a printout's snapshot is stable. The text is scrubbed like any
    printed value first, and kept short: a QR code is for a seat code, not a document."""
    import io

    import segno

    text = scrub(value)[:200]
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(out, kind="svg", xmldecl=False, svgns=False, nl=False,
                                                  omitsize=True, border=4, svgclass="qr", lineclass=None)
    svg = out.getvalue().decode("ascii")
    if label:  # what a screen reader says for the drawing
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(scrub(label))}" ', 1)
    return Markup(svg)


# Verbs of adoption a motion's title may already start with; longest first.
_ADOPTION_VERBS = ("审议通过", "讨论通过", "表决通过", "通过")


def adopted_title(value) -> str:
    """What a resolution adopts, for ``通过“{{ title|adopted_title }}”``: the title without a leading verb of
    adoption, so 通过2027年社区公益金使用计划 reads 通过“2027年社区公益金使用计划”, not 通过“通过…”."""
    title = "" if value is None else str(value).strip()
    for verb in _ADOPTION_VERBS:
        rest = title[len(verb):].strip().strip("“”\"「」") if title.startswith(verb) else ""
        if rest:
            return rest
    return title


@pass_context
def label(context, code, kind: str) -> str:
    """``{{ meeting.kind|label("meeting kind") }}``: a stored code by its words in the document's language
    (the template's ``lang``), from the same tables the CLI uses (:func:`juwei.i18n.label`)."""
    return _label(kind, code, context.get("lang") or "en")


FILTERS = {
    "adopted_title": adopted_title,
    "cn_date": cn_date,
    "cn_weekday": cn_weekday,
    "cn_time": cn_time,
    "en_date": en_date,
    "en_weekday": en_weekday,
    "en_time": en_time,
    "label": label,
    "cn_number": cn_number,
    "cn_period": period_zh,
    "en_number": en_number,
    "cn_ordinal": cn_ordinal,
    "mask_id": mask_id,
    "mask_phone": mask_phone,
    "scrub": scrub,
}
