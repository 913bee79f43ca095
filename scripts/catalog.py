"""The gettext catalog: extract the messages, update ``juwei.po``, compile ``juwei.mo`` (``make catalog``).

    python scripts/catalog.py            extract, update the .po, compile the .mo
    python scripts/catalog.py --check    change nothing; exit 1 when the .po or .mo would change

1. Extract: Babel's Python extractor over ``src/juwei`` (the mapping in ``babel.cfg``) with the keywords
   below, then the messages no extractor can see (:func:`extra_messages`).
2. Update: ``juwei.po`` gets every new message with an empty translation; a message no code uses any
   more is dropped (git keeps its history); no fuzzy guesses. The equivalent of ``pybabel update -N
   --ignore-obsolete``, keeping the .po's header dates, so a run that finds nothing new changes nothing.
3. Compile: ``juwei.mo``, which the package reads at run time (committed; tests/test_i18n.py checks it
   is the .po compiled).

The same :func:`template` is what tests/test_i18n.py checks the translations against.

Steps 1-3 are what ``pybabel extract -F babel.cfg --no-default-keywords -k t -k pt:1c,2 -k NP_:1c,2`` then
``pybabel update -N --ignore-obsolete -D juwei`` and ``pybabel compile -D juwei`` do, except the extra
messages: running ``pybabel update`` from a template that lacks them would drop their translations.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "juwei"
DOMAIN = "juwei"
LOCALES = SRC / "locales"
LANGUAGES = ("zh_CN",)

# t(message), pt(context, message); NP_(kind, code) marks the codes shown with label() (juwei/locales/codes.py).
KEYWORDS = {"t": None, "pt": ((1, "c"), 2), "NP_": ((1, "c"), 2)}
PO_LAYOUT = {"width": None, "include_lineno": False}  # one line per text; file names without line numbers


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def extra_messages() -> Iterator[tuple[str | None, str, str, str]]:
    """(context, message, file, comment) of the messages that reach ``t()`` as values, not literals: every
    help text juwei can show (the app's, each group's summary and panel in the command table, each command's,
    option's and argument's), and Click's and Typer's own words and error templates, from one walk of the
    command line (:func:`juwei.cli._help.help_texts`).
    """
    sys.path.insert(0, str(SRC.parent))
    from juwei.cli._help import help_texts

    for where, text in help_texts():
        yield None, text, "src/juwei/cli", where


def template() -> Catalog:
    """Every message the package shows, as a .pot catalog: what the extractor finds, then the extras."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    pot = Catalog(project="juwei", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            SRC, method_map, options_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        pot.add(message, None, [(f"src/juwei/{filename}", lineno)], auto_comments=comments, context=context)
    for context, message, path, comment in extra_messages():
        pot.add(message, None, [(path, None)], auto_comments=[comment], context=context)  # merged when repeated
    return pot


def updated(lang: str, pot: Catalog) -> Catalog:
    with po_path(lang).open("rb") as f:
        po = read_po(f, locale=lang, domain=DOMAIN)
    po.update(pot, no_fuzzy_matching=True, update_creation_date=False)
    po.obsolete.clear()
    return po


def po_bytes(po: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, po, ignore_obsolete=True, **PO_LAYOUT)
    return out.getvalue()


def mo_bytes(po: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, po)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything would change")
    args = parser.parse_args(argv)
    pot = template()
    stale = []
    for lang in LANGUAGES:
        po = updated(lang, pot)
        new_po = po_bytes(po)
        with io.BytesIO(new_po) as f:  # compile what the .po will say, as it will be read back
            new_mo = mo_bytes(read_po(f, locale=lang, domain=DOMAIN))
        untranslated = [m for m in po if m.id and (not m.string or m.fuzzy)]
        for path, data in ((po_path(lang), new_po), (mo_path(lang), new_mo)):
            if path.exists() and path.read_bytes() == data:
                continue
            stale.append(path)
            if not args.check:
                path.write_bytes(data)
        print(f"{lang}: {len(pot)} messages, {len(untranslated)} without a translation"
              + (f" (translate them in {po_path(lang).relative_to(ROOT)})" if untranslated else ""))
    for path in stale:
        print(f"{path.relative_to(ROOT)}: {'would change' if args.check else 'written'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
