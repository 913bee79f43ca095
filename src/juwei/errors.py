"""juwei's own errors: each carries a message a clerk can act on.

Services raise these with messages already passed through :func:`juwei.i18n.t`; the CLI prints the
message on one line of stderr and exits 1. Nothing else in the package decides exit codes.

A message names the values it is about by their field, never by a command-line option: services take
typed values and know nothing of ``--flags``. ``t("{title} is required", title=named("title"))`` reads
"title is required" to a program calling the service, and the CLI, which knows which option fills the
field ``title``, shows "--title is required" (:meth:`JuweiError.naming`).
"""

from __future__ import annotations

import re
from typing import Callable

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around a field's name, inside a formatted message
_FIELD = re.compile(f"{_OPEN}([A-Za-z_][A-Za-z0-9_]*){_CLOSE}")


def named(name: str) -> str:
    """A field named in a message: ``t("{on} is in the future", on=named("on"))``."""
    return f"{_OPEN}{name}{_CLOSE}"


class JuweiError(Exception):
    """A refusal or bad input. The message says what was wrong, where, and what is allowed."""

    exit_code = 1

    def __init__(self, message: str):
        self.template = message
        self.fields = _FIELD.findall(message)  # the fields the message names, in order
        self.message = self.naming(str)
        super().__init__(self.message)

    def naming(self, name_of: Callable[[str], str]) -> str:
        """The message with each field it names written as ``name_of(field)`` (the CLI: its option)."""
        return _FIELD.sub(lambda m: name_of(m.group(1)), self.template)


class NotFound(JuweiError):
    """A referenced row (member, meeting, …) does not exist in this community."""


class ValidationError(JuweiError):
    """Input failed validation. ``field`` is the field at fault (the first the message names, or the one
    given); ``problems`` lists every problem found, for row-numbered reports."""

    def __init__(self, message: str, problems: list[str] | None = None, *, field: str | None = None):
        super().__init__(message)
        self.problems = problems or []
        self.field = field or (self.fields[0] if self.fields else None)


class DatabaseError(JuweiError):
    """The database is missing, locked, of another schema version, or not a juwei database."""
