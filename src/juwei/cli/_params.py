"""How every command's parameters parse and show themselves: one place, applied to each command as the
command table loads it (``juwei.cli._load``), so a new command gets the same behaviour without doing anything.

- A whole number (an id, a seat, a count, ``--limit``) is at most what the database can store
  (a signed 64-bit integer). A larger one is refused here, naming the parameter, instead of reaching
  SQLite or PostgreSQL as an overflow.
- Help shows a type only where a value is typed: a plain flag (``--json``) shows none, not ``<bool>``; an
  option or argument that names no metavar shows its own name in capitals (``--place PLACE``,
  ``group add NAME``), not Python's ``<str>`` nor a lower-case ``name`` that reads as a word.
- The usage line follows the usual convention: ``MEETING`` for a required argument, ``[SEATS]...`` for an
  optional repeated one (not ``{MEETING}`` or ``[[SEATS]...]...``).
- Help is in the active language: the texts are translated once the command is adopted (the language is
  known by then: ``--lang`` is eager), by ``juwei.cli._help.translate``.
- A code is typed as the code or its words in either language (:class:`CodeChoice`); a wrong one is a
  usage error naming what is allowed.
- Services name fields, not options: an error from a command names the option that fills the field
  (:func:`option_names`), so ``title is required`` reaches the clerk as ``--title is required``.

The parsers for what the clerk types that is not a plain value (seat ranges, ``petition:3``) live here too:
services receive seat numbers and codes, never command-line tokens.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, Callable, Mapping, Sequence

from typer.core import TyperArgument, TyperOption

from juwei.i18n import language, t

try:  # typer ≥ 0.29 carries its own copy of click
    from typer._click.exceptions import BadParameter
except ImportError:  # pragma: no cover - older typer depends on click
    from click.exceptions import BadParameter

LARGEST_NUMBER = 2 ** 63 - 1  # SQLite INTEGER and PostgreSQL BIGINT


def check_number(name: str, value: Any) -> Any:
    """Refuse a whole number the database cannot hold; lists (seat numbers …) are checked item by item."""
    from juwei.errors import ValidationError

    items = value if isinstance(value, (list, tuple)) else (value,)
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool) and abs(item) > LARGEST_NUMBER:
            raise ValidationError(t("{param}: {value} is too large; no id or count goes above {largest}",
                                    param=name, value=item, largest=LARGEST_NUMBER))
    return value


def _owned(param: Any, ctx: Any, run: Callable[[], Any]) -> Any:
    """Run a parameter's parsing; a parser's usage error is about this parameter."""
    try:
        return run()
    except BadParameter as exc:
        if exc.param is None and exc.param_hint is None:
            exc.param, exc.ctx = param, exc.ctx or ctx
        raise


class CodeChoice:
    """A code typed on the command line: the code, or its label in either language, whatever language is
    active (``--choice 赞成`` is ``--choice for``). A typer ``parser``: ``typer.Option(..., parser=
    CodeChoice(VoteChoice, "choice"))`` on an option annotated with the enum, so help lists the codes
    (``for|against|abstain``). A wrong value is a usage error (exit 2) naming the allowed values in the
    active language. ``aliases`` are a kind's traditional shorthands (``收``/``支``)."""

    def __init__(self, enum: type[StrEnum], kind: str, aliases: Mapping[str, str] | None = None):
        self.enum, self.kind, self.aliases = enum, kind, aliases

    @property
    def metavar(self) -> str:
        return "|".join(self.enum)

    def __call__(self, value: Any) -> StrEnum:
        from juwei.rules.codes import allowed, find_code

        found = find_code(self.enum, self.kind, value, self.aliases)
        if found is None:
            raise BadParameter(t("'{value}' is not one of {allowed}", value=str(value)[:30],
                                 allowed=allowed(self.enum, self.kind)))
        return found


_SEAT_RANGE = re.compile(r"^(\d+)\s*[-~–—至到]\s*(\d+)$")


def parse_seats(tokens: Sequence[str]) -> list[int]:
    """``1 2 5-9`` (also ``1,2,5-9``, ``5~9``, ``5至9``, full-width digits) → [1, 2, 5, 6, 7, 8, 9], in the
    order given. Which seats are on the roll, and given once, is the service's to check
    (:func:`juwei.rules.meetings.check_seats`)."""
    import unicodedata

    from juwei.errors import ValidationError
    from juwei.rules.text import odd_digit

    seats: list[int] = []
    for token in tokens:
        if odd_digit(str(token)):  # ² or ① would fold to a seat number nobody typed
            raise ValidationError(t("'{text}' is not a seat number or range; write seats like 1 2 5-9",
                                    text=str(token)[:30]), field="seats")
    parts = [p for token in tokens for p in re.split(r"[,，、\s]+", unicodedata.normalize("NFKC", str(token)))
             if p]
    for part in parts:
        match = _SEAT_RANGE.match(part)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if low > high:
                raise ValidationError(t("seat range '{text}' runs backwards; write it low to high, e.g. {low}-{high}",
                                        text=part, low=high, high=low), field="seats")
            seats.extend(range(low, high + 1))
        elif part.isascii() and part.isdigit():
            seats.append(int(part))
        else:
            raise ValidationError(t("'{text}' is not a seat number or range; write seats like 1 2 5-9", text=part),
                                  field="seats")
    return seats


def parse_reason(text: str) -> tuple[Any, int | None]:
    """``regular``, ``report`` or ``petition:3`` (the words in Chinese too: ``联名提议：3``) → the reason
    and the petition's id. A wrong one is a usage error."""
    from juwei.rules.codes import find_code
    from juwei.rules.meetings import MeetingReason

    words, colon, number = str(text).replace("：", ":").partition(":")
    reason = find_code(MeetingReason, "meeting reason", words)
    number = number.strip()
    if reason is None or (reason == MeetingReason.PETITION) != bool(colon) \
            or (colon and not (number.isascii() and number.isdigit())):
        raise BadParameter(t("'{value}' is not regular, report or petition:ID", value=str(text)[:30]))
    return reason, int(number) if colon else None


def option_names(error: Any) -> Callable[[str], str]:
    """How the command that raised ``error`` writes a field: the option that fills it (``--title``), the
    argument's name (``SEATS``), or the field's own name when the command has no such parameter."""
    ctx = getattr(error, "context", None)
    params = {p.name: p for p in getattr(getattr(ctx, "command", None), "params", ())}

    def name_of(name: str) -> str:
        param = params.get(name)
        if param is None:
            return name
        if isinstance(param, TyperArgument):
            return param.display_name_raw or name.upper()
        return max(param.opts, key=len) if param.opts else name

    return name_of


def _note_context(command: Any) -> None:
    """A juwei error leaving this command remembers the command's context (for :func:`option_names`)."""
    run = command.invoke

    def invoke(ctx: Any) -> Any:
        from juwei.errors import JuweiError

        try:
            return run(ctx)
        except JuweiError as exc:
            if getattr(exc, "context", None) is None:
                exc.context = ctx
            raise

    command.invoke = invoke


def code_option(enum: type[StrEnum], kind: str, default: Any, *names: str, aliases: Mapping[str, str] | None = None,
                **options: Any) -> Any:
    """A Typer option for a code of ``enum`` (annotate the parameter with the enum), typed in either
    language: ``choice: VoteChoice = code_option(VoteChoice, "choice", ..., "--choice", help=…)``."""
    import typer

    parser = CodeChoice(enum, kind, aliases)
    return typer.Option(default, *names, parser=parser, metavar=options.pop("metavar", parser.metavar), **options)


class Argument(TyperArgument):
    def process_value(self, ctx: Any, value: Any) -> Any:
        return check_number(self.display_name_raw or "", _owned(self, ctx, lambda: super(Argument, self)
                                                                .process_value(ctx, value)))

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if not self.required:
            name = f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    def display_type_rich(self, ctx: Any) -> str | None:
        # the argument's name (MEETING, SEATS...) says what to type; Python's type (<int>) says nothing more
        return None


class Option(TyperOption):
    def process_value(self, ctx: Any, value: Any) -> Any:
        name = max(self.opts, key=len) if self.opts else (self.name or "")
        return check_number(name, _owned(self, ctx, lambda: super(Option, self).process_value(ctx, value)))

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag and self.metavar is None:
            return None
        return super().display_type_rich(ctx)


def _name_metavar(param: Any) -> None:
    """``--noticed-on NOTICED_ON``, ``group add NAME`` where the declaration gave no metavar (a flag takes no
    value: none); ``--from FROM``, not Python's ``from_``."""
    takes_value = not getattr(param, "is_flag", False) and not getattr(param, "count", False)
    shows_choices = hasattr(getattr(param, "type", None), "choices")  # a choice shows its choices
    if param.metavar is None and takes_value and param.name and not shows_choices:
        param.metavar = param.name.upper().rstrip("_")


def _own_help_option(command: Any) -> None:
    """The ``--help`` option is made when help is first asked for: it gets juwei's behaviour too."""
    made = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = made(ctx)
        if type(option) is TyperOption:
            option.__class__ = Option
        if option is not None and language() != "en":
            from juwei.cli._help import translate_param

            translate_param(option)
        return option

    command.get_help_option = get_help_option


def adopt(command: Any) -> Any:
    """Give ``command`` and every subcommand juwei's parameter behaviour and help in the active language
    (see the module's docstring)."""
    _adopt(command)
    if language() != "en":
        from juwei.cli._help import translate

        translate(command)
    return command


def _adopt(command: Any) -> None:
    if "get_help_option" not in vars(command):
        _own_help_option(command)
    if "invoke" not in vars(command):
        _note_context(command)
    for param in getattr(command, "params", ()):
        if type(param) is TyperArgument:
            param.__class__ = Argument
            _name_metavar(param)
        elif type(param) is TyperOption:
            param.__class__ = Option
            _name_metavar(param)
    for sub in getattr(command, "commands", {}).values():
        _adopt(sub)
