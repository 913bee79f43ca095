"""The command reference at the end of docs/cli.md, written from the CLI itself (run by cog: `make docs`).

Every command, its usage line, what it does (the first paragraph of its help) and every option with its
help, read from the same Click objects `juwei --help` shows, so the reference cannot drift from the CLI:
`tests/test_docs.py` fails when docs/cli.md is not what this writes.
"""

from __future__ import annotations

import inspect


def _commands():
    from juwei.cli import COMMANDS, _load

    for name in COMMANDS:
        command = _load(name)
        if hasattr(command, "list_commands"):
            for sub in command.list_commands(None):
                yield f"{name} {sub}", command.get_command(None, sub)
        else:
            yield name, command


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _first_paragraph(help_text: str | None) -> str:
    text = inspect.cleandoc(help_text or "")
    return _cell(text.split("\n\n")[0])


def reference() -> str:
    from typer import _click as click

    from juwei.i18n import set_language

    set_language("en")
    out = []
    for path, command in _commands():
        ctx = click.Context(command, info_name=f"juwei {path}")
        out.append(f"### `juwei {path}`\n")
        out.append(f"`juwei {path} {' '.join(command.collect_usage_pieces(ctx))}`\n")
        summary = _first_paragraph(command.help)
        if summary:
            out.append(f"{summary}\n")
        rows = []
        for param in command.params:
            if param.param_type_name == "argument":
                name = param.display_name_raw + ("..." if param.nargs != 1 else "")
                required = "" if param.required else " (optional)"
                rows.append((f"`{name}`{required}", _cell(getattr(param, "help", None) or "")))
            elif "--help" not in param.opts:
                names, meaning = param.get_help_record(ctx)
                rows.append((f"`{names}`", _cell(meaning)))
        if rows:
            out.append("| argument or option | meaning |\n|---|---|")
            out.extend(f"| {name} | {meaning} |" for name, meaning in rows)
            out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(reference())
