"""Help in the clerk's language: every help text juwei shows, found in one walk of the command tree.

Help strings are English literals read when the command modules are imported, before the language is
known, so they are translated when a command is about to be shown: :func:`translate` walks a loaded
command (``juwei.cli._params.adopt`` calls it once the language is set; ``--lang`` is eager) and replaces
each text with ``t(text)``. The catalog keys are the exact English texts, docstrings cleaned with
``inspect.cleandoc`` as Click does.

:func:`help_texts` is the same walk over the whole tree (the groups are lazy: it loads each) yielding
every text with where it is, for extracting the catalog and for the test that every one is translated.

Click's and Typer's own words (``Usage:``, ``Options``, usage errors) are in :mod:`juwei.cli._speak`.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any, Callable, Iterator

# a command's and a parameter's attributes that hold words the clerk reads
_COMMAND_TEXTS = ("help", "short_help", "epilog", "rich_help_panel", "options_metavar", "subcommand_metavar")
_PARAM_TEXTS = ("help", "rich_help_panel")


def _clean(attr: str, text: str) -> str:
    return inspect.cleandoc(text) if attr in ("help", "epilog") else text


def _walk(command: Any, where: str, visit: Callable[[Any, str, str, str], None]) -> None:
    """Call ``visit(obj, attr, text, where)`` for every help text of ``command`` and its subcommands."""
    for attr in _COMMAND_TEXTS:
        text = getattr(command, attr, None)
        if isinstance(text, str) and text.strip():
            visit(command, attr, _clean(attr, text), where)
    for param in getattr(command, "params", ()):
        for attr in _PARAM_TEXTS:
            text = getattr(param, attr, None)
            if isinstance(text, str) and text.strip():
                visit(param, attr, text, f"{where} {param.opts[0] if param.opts else param.name}")
    for name, sub in getattr(command, "commands", {}).items():
        _walk(sub, f"{where} {name}", visit)


def translate(command: Any) -> Any:
    """Put ``command``'s help texts, and its subcommands', into the active language (once)."""
    from juwei.i18n import t

    if getattr(command, "_juwei_translated", False):
        return command

    def visit(obj: Any, attr: str, text: str, where: str) -> None:
        setattr(obj, attr, t(text))
        setattr(obj, "_juwei_translated", True)

    _walk(command, command.name or "juwei", visit)
    command._juwei_translated = True
    return command


def translate_param(param: Any) -> Any:
    """One parameter made after the walk (Click makes ``--help`` when help is first asked for)."""
    from juwei.i18n import t

    if param.help and not getattr(param, "_juwei_translated", False):
        param.help = t(param.help)
        param._juwei_translated = True
    return param


def help_texts() -> Iterator[tuple[str, str]]:
    """Every help text juwei can show, in English, with where it is: ``(where, text)``.

    The app and its options, each group's line in the command table and its panel, each command's
    help and short help, each option's and argument's help and panel, and the words Click and Typer
    add around them (:data:`juwei.cli._speak.CLICK_WORDS`, :data:`juwei.cli._speak.ERRORS`).
    """
    import typer

    from juwei.cli import COMMANDS, app
    from juwei.cli._speak import CLICK_WORDS, ERRORS

    found: list[tuple[str, str]] = []

    def visit(obj: Any, attr: str, text: str, where: str) -> None:
        found.append((f"{where} ({attr})", text))

    root = typer.main.get_command(app)
    root.commands = {}  # the groups are walked below, each from its own module
    _walk(root, "juwei", visit)
    for name, (module_name, summary, panel) in COMMANDS.items():
        found.append((f"juwei {name} (summary)", summary))
        found.append((f"juwei {name} (panel)", panel))
        command = typer.main.get_command(importlib.import_module(f"juwei.cli.{module_name}").app)
        if hasattr(command, "list_commands"):
            command.help = None  # a group's help is its summary (juwei.cli._load)
        command.params = [p for p in command.params if p.name not in ("install_completion", "show_completion")]
        _walk(command, f"juwei {name}", visit)
    found.extend(("click", word) for word in CLICK_WORDS)
    found.extend(("click (usage error)", template) for template in ERRORS)
    seen: set[str] = set()
    for where, text in found:
        if text not in seen:
            seen.add(text)
            yield where, text
