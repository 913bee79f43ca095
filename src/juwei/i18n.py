"""The one helper every user-facing message goes through.

Messages are written in English in the code, ``t("no member {ref}", ref=ref)``, and looked up in a
standard gettext catalog for the active language: ``juwei/locales/<lang>/LC_MESSAGES/juwei.po``, compiled
to ``juwei.mo`` (``make catalog``; see docs/architecture.md). The compiled catalog is read with the
standard library's :class:`gettext.GNUTranslations` the first time a language other than English asks for
a message, so English start-up reads no file.

One English word can mean two things (``households`` is a column of the roster and a body of a meeting), so
codes shown to the clerk are translated with a message context (``msgctxt``, gettext's ``pgettext``):
``label("body", "households")`` is 每户代表 where ``t("households")`` is 户数. Every code ``label()`` may be
given is listed in ``juwei/locales/codes.py``, so that extraction keeps its entry.

The language comes from ``--lang``, else ``JUWEI_LANG``, else ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``
when they start with ``zh``. Documents choose their own language (the community's locale); this module is
for the CLI's own words.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import gettext as _gettext

DOMAIN = "juwei"
LOCALEDIR = Path(__file__).parent / "locales"
SUPPORTED = ("en", "zh_CN")
_active: str | None = None
_translations: dict[str, _gettext.NullTranslations] = {}


def normalise(lang: str | None) -> str | None:
    """Map zh, zh_CN, zh-CN.UTF-8, en_US … to a supported language, or None."""
    if not lang:
        return None
    code = lang.split(".")[0].replace("-", "_").lower()
    if code.startswith("zh"):
        return "zh_CN"
    if code.startswith("en") or code in ("c", "posix"):
        return "en"
    return None


def detect() -> str:
    for var in ("JUWEI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        found = normalise(os.environ.get(var))
        if found:
            return found
    return "en"


def set_language(lang: str | None) -> str:
    global _active
    _active = normalise(lang) or detect()
    return _active


@contextmanager
def speaking(lang: str | None) -> Iterator[str]:
    """Translate in ``lang`` for a while (public text stored in the community's language, whatever the
    clerk's); the clerk's language comes back after."""
    global _active
    saved = _active
    _active = normalise(lang) or "en"
    try:
        yield _active
    finally:
        _active = saved


def language() -> str:
    return _active or set_language(None)


def translation(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``lang`` (read once); English, or a language without one, translates nothing."""
    if lang not in _translations:
        import gettext

        path = LOCALEDIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if lang == "en" or not path.is_file():
            _translations[lang] = gettext.NullTranslations()
        else:
            with path.open("rb") as f:
                _translations[lang] = gettext.GNUTranslations(f)
    return _translations[lang]


def catalog(lang: str) -> dict[str, str]:
    """Every translated message of ``lang``: ``{message: translation}``, a message with a context under
    :func:`context_key`. For checks and tests; the CLI looks messages up with :func:`t` and :func:`pt`."""
    messages = getattr(translation(lang), "_catalog", {})
    return {key: text for key, text in messages.items() if isinstance(key, str) and key}


CONTEXT_SEPARATOR = "\x04"  # gettext's separator between a message's context and its text


def context_key(context: str, message: str) -> str:
    return f"{context}{CONTEXT_SEPARATOR}{message}"


def pt(context: str, message: str, /, **values: object) -> str:
    """Translate ``message`` as meant in ``context`` (gettext's ``pgettext``) and fill its placeholders."""
    lang = language()
    text = message if lang == "en" else translation(lang).pgettext(context, message)
    return text.format(**values) if values else text


def label(kind: str, code: str | None, lang: str | None = None) -> str:
    """The words for a stored code of one kind (``label("meeting kind", "residents")``); "" for no code.

    In the CLI's language, or in ``lang`` when given: a document is in its community's language, not the
    clerk's, and names its codes from the same table. A code the table lacks is shown as it is."""
    if not code:
        return ""
    lang = lang or language()
    return code if lang == "en" else translation(lang).pgettext(kind, code)


def t(message: str, /, **values: object) -> str:
    """Translate ``message`` into the active language and fill its ``{placeholders}``."""
    lang = language()
    text = message if lang == "en" or not message else translation(lang).gettext(message)
    return text.format(**values) if values else text


def labels_everywhere(kind: str, code: str) -> list[str]:
    """Every language's words for one code of ``kind``, the code first: what a clerk may type for it, in
    whatever language is active (the reverse lookup of :func:`label`; see :mod:`juwei.rules.codes`)."""
    words = [code]
    for lang in SUPPORTED:
        if lang != "en":
            found = translation(lang).pgettext(kind, code)
            if found and found not in words:
                words.append(found)
    return words


def gettext(message: str) -> str:
    """``message`` in the active language, placeholders left as they are (for Click's own messages, which
    Click formats itself)."""
    lang = language()
    return message if lang == "en" or not message else translation(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n`` in the active language, unformatted (gettext's
    ``ngettext``; Click's messages such as "Got unexpected extra argument(s)" use it)."""
    lang = language()
    if lang == "en":
        return singular if n == 1 else plural
    return translation(lang).ngettext(singular, plural, n)
