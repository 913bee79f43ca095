"""Click's and Typer's own words in the active language: ``Usage:``, ``Options``, ``[required]``, usage errors.

Click marks its words for gettext, but the copy of Click that Typer ≥ 0.29 carries (``typer._click``)
builds them as plain f-strings, and ``typer.rich_utils`` reads its words through ``gettext`` once, when it
is imported. Binding a gettext domain therefore reaches nothing, so the words are routed here, in one
place, through ``juwei.i18n.t`` (the catalog keys are the English texts below):

- the fixed words of Typer's help and error panels (``rich_utils.OPTIONS_PANEL_TITLE`` …) are set to the
  active language's words each time the language is set;
- the ``Usage:`` prefix is asked of ``t`` where Click writes it (``HelpFormatter.write_usage``);
- a usage error's message is matched against the English templates in :data:`ERRORS` when Typer prints it
  (``rich_utils.rich_format_error``) and the template's translation is filled with what it held; a message
  no template matches is shown as it came;
- help text may break between any two characters (``rich_utils._make_rich_text``): Chinese has no spaces,
  and Rich, which breaks lines at spaces, cut a long Chinese help text short with "…".

Only a language other than English installs any of this (``juwei.cli._language``), so English start-up
imports nothing more; once installed it follows the language, and in English every word is Click's own,
byte for byte.
"""

from __future__ import annotations

import re
from typing import Any

from rich.measure import Measurement
from rich.text import Text

from juwei.i18n import language, t

# typer.rich_utils' fixed words, by name, in English
RICH_WORDS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
USAGE = "Usage: "
HELP_OPTION = "Show this message and exit."
CLICK_WORDS = (*RICH_WORDS.values(), USAGE, HELP_OPTION, "[OPTIONS]", "COMMAND [ARGS]...")

# Click's and Typer's usage errors as they reach a clerk, most specific first. A field named ``reason`` is
# itself a message and is translated in turn; the others (names, values, choices) are shown as typed.
ERRORS = (
    "Missing option {name}. Choose from:{choices}",
    "Missing option {name}.",
    "Missing argument {name}. Choose from:{choices}",
    "Missing argument {name}.",
    "Missing parameter {name}.",
    "Missing parameter: {name}",
    "Missing command.",
    "No such command {name}. Did you mean {suggestions}?",
    "No such command {name}.",
    "No such option: {name} (Possible options: {options})",
    "No such option: {name}",
    "Option {name} requires an argument.",
    "Option {name} requires {n} arguments.",
    "Option {name} does not take a value.",
    "Argument {name} takes {n} values.",
    "Got unexpected extra argument(s) ({arguments})",
    "Invalid value for {name}: {reason}",
    "Invalid value: {reason}",
    "Value error, {reason}",
    "{value} is not one of {choices}.",
    "Value {value} is not a valid {kind}.",
    "Input should be a valid integer, unable to parse string as an integer",
    "Input should be a valid integer, got a number with a fractional part",
    "Input should be a valid integer",
    "Input should be a valid number, unable to parse string as a number",
    "Input should be a valid boolean, unable to interpret input",
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(f"(?P<{part}>.+?)" if i % 2 else re.escape(part) for i, part in enumerate(parts))
    return re.compile(regex, re.DOTALL)


_PATTERNS = [(template, _pattern(template)) for template in ERRORS]


def click_message(message: str) -> str:
    """A usage error's English message in the active language (unchanged when no template matches)."""
    if language() == "en":
        return message
    for template, pattern in _PATTERNS:
        found = pattern.fullmatch(message)
        if found:
            fields = {name: click_message(value) if name == "reason" else value
                      for name, value in found.groupdict().items()}
            return t(template).format(**fields)
    return message


class _Folding(Text):
    """Text that may break anywhere: as narrow as a few characters, so a table gives it the room left."""

    __slots__ = ()

    def __rich_measure__(self, console: Any, options: Any) -> Measurement:
        widest = super().__rich_measure__(console, options).maximum
        return Measurement(min(widest, _NARROWEST), widest)


_NARROWEST = 10  # cells: five Chinese characters
_installed = False


def speak() -> None:
    """Give Click and Typer the active language's words (see the module's docstring)."""
    global _installed
    from typer import rich_utils

    for name, english in RICH_WORDS.items():
        setattr(rich_utils, name, t(english))
    if _installed:
        return
    _installed = True
    try:  # typer ≥ 0.29 carries its own copy of click
        from typer._click import formatting
    except ImportError:  # pragma: no cover - older typer depends on click
        from click import formatting

    english_write_usage = formatting.HelpFormatter.write_usage
    english_format_error = rich_utils.rich_format_error
    english_rich_text = rich_utils._make_rich_text

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        english_write_usage(self, prog, args, t(USAGE) if prefix is None else prefix)

    def rich_format_error(error: Any) -> None:
        english = error.format_message
        error.format_message = lambda: click_message(english())
        english_format_error(error)

    def make_rich_text(**kwargs: Any) -> Any:
        text = english_rich_text(**kwargs)
        if language() != "en" and type(text) is Text:
            text.__class__ = _Folding
            text.overflow = "fold"
        return text

    formatting.HelpFormatter.write_usage = write_usage
    rich_utils.rich_format_error = rich_format_error
    rich_utils._make_rich_text = make_rich_text
