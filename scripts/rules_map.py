"""Where each rule lives in the code, for docs/rules.md (run by cog: `make docs`): every rule id S1…S29
with the rules-profile keys that hold its numbers and the modules that cite it."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "juwei"
RULE_IDS = [f"S{n}" for n in range(1, 30)]


def _cites(text: str, rule: str) -> bool:
    # S14 is cited as S14 or S14a…S14f; S1 must not match S10–S19; the end of a range (S1–S29) is no citation
    return re.search(rf"(?<![A-Za-z0-9–…-]){rule}(?:[a-f])?(?![0-9])", text) is not None


def rules_map() -> str:
    from juwei.rules.profiles import SPECS

    modules = {}
    for path in sorted(SRC.rglob("*.py")):
        if "locales" in path.parts or "migrations" in path.parts:
            continue
        modules[path.relative_to(SRC).with_suffix("").as_posix().replace("/", ".")] = \
            path.read_text(encoding="utf-8")
    lines = ["| rule | profile keys | cited in (modules under `juwei`) |", "|---|---|---|"]
    for rule in RULE_IDS:
        keys = [f"`{key}`" for key, spec in SPECS.items()
                if any(_cites(part.strip(), rule) for part in re.split(r"[,–]", spec.rule))]
        where = [f"`{name}`" for name, text in modules.items() if _cites(text, rule)]
        lines.append(f"| {rule} | {', '.join(keys) or '–'} | {', '.join(where) or 'not yet built'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(rules_map())
