"""The ``juwei`` command line: a thin skin over :mod:`juwei.services`.

Command groups are listed in :data:`COMMANDS` with their one-line summaries and imported only when
used (pip's command table is the model), so ``juwei --help`` starts without loading the database layer.
"""

from __future__ import annotations

import importlib
import sys
from typing import Optional

import typer
from typer.core import TyperCommand, TyperGroup

try:  # typer ≥ 0.29 carries its own copy of click
    from typer import _click as click
except ImportError:  # pragma: no cover - older typer depends on click
    import click

from juwei import __version__
from juwei.i18n import set_language, t

# name → (module under juwei.cli, summary, help panel). The summary is the one source of a command's help:
# `juwei --help` lists it and `juwei GROUP --help` opens with it (the modules' Typer apps carry no help).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("init", "Create a juwei database and a community with its rules profile.", "Set-up"),
    "community": ("community", "The community's settings: show them; set its time zone.", "Set-up"),
    "rules": ("rules", "Show the rules profile in force; record a new version of a rule.", "Set-up"),
    "db": ("db", "Database upkeep: upgrade the schema, back up, restore, check.", "Set-up"),
    "group": ("group", "Residents' groups (居民小组).", "Roster"),
    "household": ("household", "Households (户) and their designated representatives.", "Roster"),
    "member": ("member", "Residents (居民): add, import, list, show, update, record leaving.", "Roster"),
    "rep": ("rep", "Representatives (居民代表, 当然代表): terms, list, end.", "Roster"),
    "roster": ("roster", "Roster summary: groups, households, adults, representatives.", "Roster"),
    "committee": ("committee", "The residents' committee (居民委员会): posts, terms, what ends them (S9).",
                  "Committee"),
    "staff": ("staff", "Professional staff (社区专职工作者): positions, list, end (S28).", "Committee"),
    "org": ("org", "Standing bodies: party organisation, sub-committees, group leaders, collectors.",
            "Committee"),
    "election": ("election", "Elections of the committee (S9): voter register, proxies, candidates, count.",
                 "Committee"),
    "recall": ("recall", "Recall (罢免) of a committee member (S9): open, statement, count, result.", "Committee"),
    "eval": ("evaluation", "Democratic evaluation (民主评议) of the committee and staff: ballot, count, results (S16–S19).",
             "Committee"),
    "admonish": ("admonish", "Admonitions (诫勉) and their monthly follow-up until corrected (S29).", "Committee"),
    "sentiment": ("sentiment", "Residents' concerns (民情, S10–S12): collect, handle, analyse, report monthly.",
                  "Committee"),
    "duty": ("duty", "The division of work (分工, S26): set and list each person's duties.", "Committee"),
    "grid": ("grid", "Grid responsibility (包片联户, S11, S13): households, blind spots, visits, board sheet.",
             "Committee"),
    "gift": ("gift", "The gift register (S27): what was offered to a cadre and how it was handled.", "Committee"),
    "agenda": ("agenda", "Everything the clerk must do, soonest first, with the command that settles each.",
               "Meetings"),
    "meeting": ("meeting", "Meetings: convene with notice, roll, sign in, quorum, close, minutes, what is due.",
                "Meetings"),
    "motion": ("motion", "Motions put to a meeting: add, list.", "Meetings"),
    "vote": ("vote", "Votes on a motion: count, roll-call cast, tally.", "Meetings"),
    "petition": ("petition", "Petitions to convene a meeting (S5): open, sign, show, list.", "Meetings"),
    "notice": ("notice", "Documents: notices, sign-in sheets, ballots, results, resolutions, minutes, summaries.",
               "Documents"),
    "audit": ("audit", "The audit trail: verify it, read its history, seal it for the board.", "Set-up"),
    "demo": ("demo", "Build a realistic sample community and walk through it as a clerk would.", "Set-up"),
    "disclose": ("disclose", "The disclosure board (居务公开): register, what is due, generators, printouts.",
                 "Disclosure"),
    "ledger": ("ledger", "Finance ledger (收支明细): import, add, list, accounts (S20).", "Disclosure"),
}


def _load(name: str) -> click.Command:
    module_name, summary, panel = COMMANDS[name]
    module = importlib.import_module(f"juwei.cli.{module_name}")
    from juwei.cli._params import adopt

    command = adopt(typer.main.get_command(module.app))
    command.name = name
    command.short_help = t(summary)
    if hasattr(command, "list_commands"):  # a group: its help is the table's summary
        command.help = t(summary)
    # a one-command module becomes a Typer app of its own, which offers shell completion; juwei does not
    command.params = [p for p in command.params if p.name not in ("install_completion", "show_completion")]
    setattr(command, "rich_help_panel", t(panel))
    return command


class _Listing(TyperCommand):
    """A placeholder used only to list a command in help without importing it."""


class LazyGroup(TyperGroup):
    """Lists commands from COMMANDS without importing them; imports one when it runs.

    Also the one place where juwei's errors become exit codes: a JuweiError prints one line on stderr
    and exits 1; anything unexpected does the same (with a traceback only under --debug).
    """

    _listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> Optional[click.Command]:
        if cmd_name not in COMMANDS:
            return None
        if self._listing:
            _, summary, panel = COMMANDS[cmd_name]
            stub = _Listing(cmd_name, help=t(summary), short_help=t(summary))
            setattr(stub, "rich_help_panel", t(panel))
            return stub
        return _load(cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        from juwei.cli._params import adopt

        _language(_language_in(args))
        adopt(self)  # the root's own options (--debug, --version): plain flags show no type; help translated
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from juwei.cli._params import adopt

        adopt(self)  # the root's own options (--debug, --version): plain flags show no type
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def invoke(self, ctx: click.Context):
        from juwei.errors import JuweiError

        try:
            return super().invoke(ctx)
        except JuweiError as exc:
            from juwei.cli._params import option_names

            _fail(ctx, exc.naming(option_names(exc)), getattr(exc, "problems", None))
        except (typer.Exit, typer.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            raise typer.Abort() from None
        except BrokenPipeError:  # `juwei audit log | head`: the reader has gone; nothing more to say
            _quiet_stdout()
            ctx.exit(1)
        except Exception as exc:  # never a traceback for a clerk; --debug shows it
            if ctx.find_root().params.get("debug"):
                raise
            _fail(ctx, t("unexpected error: {kind}: {reason} (run with --debug for details)",
                         kind=type(exc).__name__, reason=str(exc).splitlines()[0] if str(exc) else ""))


def _quiet_stdout() -> None:
    """After a broken pipe, send what is still buffered nowhere so Python's exit does not complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (tests)
        pass


def _fail(ctx: click.Context, message: str, problems: list[str] | None = None) -> None:
    click.echo(t("error: {message}", message=message), err=True)
    for line in problems or []:
        click.echo(f"  {line}", err=True)
    ctx.exit(1)


app = typer.Typer(
    cls=LazyGroup,
    name="juwei",
    help="juwei (居委): the residents' committee clerk's toolkit — roster, meetings, votes, minutes, "
         "disclosure board.",
    no_args_is_help=True,
    add_completion=False,  # shell completion is not for a clerk's desk, and its help text is Typer's English
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _language(value: Optional[str]) -> Optional[str]:
    """Eager: the language is set while the command line is read, before a command group is loaded, so the
    group's help (its summary, translated when it loads) comes out in that language too. Click's and Typer's
    own words follow it (juwei.cli._speak); English imports nothing for them."""
    if set_language(value) != "en" or "juwei.cli._speak" in sys.modules:
        from juwei.cli._speak import speak

        speak()
    return value


def _language_in(args: list[str]) -> Optional[str]:
    """``--lang`` among the root's options, read before Click parses them, so that whatever is printed first
    (`juwei --help --lang zh_CN`, an error in the root's own options) is already in that language."""
    words = iter(args)
    for word in words:
        if word == "--lang":
            return next(words, None)
        if word.startswith("--lang="):
            return word.partition("=")[2]
        if word in ("--db", "--community"):
            next(words, None)
        elif not word.startswith("-"):  # the command: the rest is its own
            return None
    return None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"juwei {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: str = typer.Option("juwei.db", "--db", envvar="JUWEI_DB", metavar="PATH_OR_URL",
                           help="Database: a SQLite file path, or a SQLAlchemy URL such as "
                                "postgresql+psycopg://user@host/db."),
    community: Optional[str] = typer.Option(None, "--community", envvar="JUWEI_COMMUNITY", metavar="CODE",
                                            help="Which community, when the database holds several."),
    lang: Optional[str] = typer.Option(None, "--lang", envvar="JUWEI_LANG", metavar="en|zh_CN",
                                       callback=_language, is_eager=True,
                                       help="Language of messages (default: from the environment)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for unexpected errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    from juwei.cli._common import Options

    set_language(lang)
    ctx.obj = Options(db=db, community=community, debug=debug)


def main() -> None:
    """Console entry point."""
    from juwei.cli import _startup

    _startup.pause()  # resumed once the command's database is open (see juwei.cli._startup)
    command = typer.main.get_command(app)
    sys.exit(command.main(prog_name="juwei"))
