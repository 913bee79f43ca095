"""Every command path of the CLI (``[]``, ``["meeting"]``, ``["meeting", "convene"]`` …), groups loaded."""

from __future__ import annotations


def command_paths() -> list[list[str]]:
    from juwei.cli import COMMANDS, _load

    paths: list[list[str]] = [[]]

    def walk(command, path):
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    for name in COMMANDS:
        walk(_load(name), [name])
    return paths
