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
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperOption

from juwei.i18n import language, t

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


class Argument(TyperArgument):
    def process_value(self, ctx: Any, value: Any) -> Any:
        return check_number(self.display_name_raw or "", super().process_value(ctx, value))

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
        return check_number(name, super().process_value(ctx, value))

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
    for param in getattr(command, "params", ()):
        if type(param) is TyperArgument:
            param.__class__ = Argument
            _name_metavar(param)
        elif type(param) is TyperOption:
            param.__class__ = Option
            _name_metavar(param)
    for sub in getattr(command, "commands", {}).values():
        _adopt(sub)
