"""juwei's own errors: each carries a message a clerk can act on.

Services raise these with messages already passed through :func:`juwei.i18n.t`; the CLI prints the
message on one line of stderr and exits 1. Nothing else in the package decides exit codes.
"""


class JuweiError(Exception):
    """A refusal or bad input. The message says what was wrong, where, and what is allowed."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(JuweiError):
    """A referenced row (member, meeting, …) does not exist in this community."""


class ValidationError(JuweiError):
    """Input failed validation. ``problems`` lists every problem found, for row-numbered reports."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


class DatabaseError(JuweiError):
    """The database is missing, locked, of another schema version, or not a juwei database."""
