"""The one helper every user-facing message goes through.

Messages are written in English in the code, ``t("no member {ref}", ref=ref)``, and looked up in a
catalog for the active language. Catalogs live in ``juwei/locales/<lang>/*.py``, one module per domain,
each defining ``MESSAGES = {english: translation}``; they are loaded only when a language other than
English is active, so English start-up costs nothing.

One English word can mean two things (``households`` is a column of the roster and a body of a meeting), so
codes shown to the clerk are translated with a context, as gettext's ``pgettext`` does: ``label("body",
"households")`` looks up ``"body\x04households"``. The catalogs keep such entries under that key; a plain
``t("households")`` never sees them. A test fails when any key is translated two ways.

The language comes from ``--lang``, else ``JUWEI_LANG``, else ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``
when they start with ``zh``. Documents choose their own language (the community's locale); this module is
for the CLI's own words.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from contextlib import contextmanager
from typing import Iterator

SUPPORTED = ("en", "zh_CN")
_active: str | None = None
_catalogs: dict[str, dict[str, str]] = {}


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


def catalog(lang: str) -> dict[str, str]:
    if lang not in _catalogs:
        merged: dict[str, str] = {}
        package = f"juwei.locales.{lang}"
        try:
            pkg = importlib.import_module(package)
        except ModuleNotFoundError:
            pkg = None
        if pkg is not None:
            for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
                merged.update(importlib.import_module(f"{package}.{info.name}").MESSAGES)
        _catalogs[lang] = merged
    return _catalogs[lang]


CONTEXT_SEPARATOR = "\x04"  # gettext's separator between a message's context and its text


def context_key(context: str, message: str) -> str:
    return f"{context}{CONTEXT_SEPARATOR}{message}"


def pt(context: str, message: str, /, **values: object) -> str:
    """Translate ``message`` as meant in ``context`` (gettext's ``pgettext``) and fill its placeholders."""
    lang = language()
    text = message if lang == "en" else catalog(lang).get(context_key(context, message), message)
    return text.format(**values) if values else text


def label(kind: str, code: str | None, lang: str | None = None) -> str:
    """The words for a stored code of one kind (``label("meeting kind", "residents")``); "" for no code.

    In the CLI's language, or in ``lang`` when given: a document is in its community's language, not the
    clerk's, and names its codes from the same table. A code the table lacks is shown as it is."""
    if not code:
        return ""
    lang = lang or language()
    return code if lang == "en" else catalog(lang).get(context_key(kind, code), code)


def t(message: str, /, **values: object) -> str:
    """Translate ``message`` into the active language and fill its ``{placeholders}``."""
    lang = language()
    text = message if lang == "en" else catalog(lang).get(message, message)
    return text.format(**values) if values else text


def labels_everywhere(kind: str, code: str) -> list[str]:
    """Every language's words for one code of ``kind``, the code first: what a clerk may type for it, in
    whatever language is active (the reverse lookup of :func:`label`; see :mod:`juwei.rules.codes`)."""
    words = [code]
    for lang in SUPPORTED:
        if lang != "en":
            found = catalog(lang).get(context_key(kind, code))
            if found and found not in words:
                words.append(found)
    return words
