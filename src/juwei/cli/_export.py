"""What the commands share to write for the clerk's desk: ``--format xlsx|csv`` on a listing, and
``--format pdf`` on a render command.

A listing checks its options (and ``--out``) before it opens the database, then writes what its table shows,
with the same masking; a render prints its HTML with headless Chromium, or, when there is none, says how
to get one and writes nothing. Kept free of heavy imports: openpyxl and the browser load when used.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

import typer

from juwei.cli._common import info, warn
from juwei.i18n import t

try:  # typer ≥ 0.29 carries its own copy of click
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover - older typer depends on click
    from click.exceptions import UsageError

SHEET_FORMATS = ("xlsx", "csv")

SHEET_FORMAT = typer.Option(None, "--format", metavar="xlsx|csv",
                            help="Write a spreadsheet instead of the table: xlsx (with --out) or csv (UTF-8 with "
                                 "BOM; standard output without --out).")
SHEET_OUT = typer.Option(None, "--out", metavar="FILE", help="Write the spreadsheet to this file.")
FORCE = typer.Option(False, "--force", help="Replace --out if it already exists.")


@dataclass(frozen=True)
class SheetOut:
    """Where a listing's spreadsheet goes: ``fmt`` to ``out`` (None: CSV on standard output)."""

    fmt: str
    out: Path | None
    force: bool


def sheet_out(ctx: typer.Context, fmt: Optional[str], out: Optional[str], force: bool,
              as_json: bool = False) -> SheetOut | None:
    """The spreadsheet a listing was asked for, checked before any work; None for the usual table."""
    if fmt is None and out is None:
        return None
    if as_json:
        raise UsageError(t("--json and --format are two different outputs; give one of them"), ctx)
    suffix = Path(out).suffix.lower().lstrip(".") if out is not None else ""
    if fmt is None:
        if suffix not in SHEET_FORMATS:
            raise UsageError(t("--out {path}: say which spreadsheet with --format xlsx or --format csv", path=out),
                             ctx)
        fmt = suffix
    if fmt not in SHEET_FORMATS:
        raise UsageError(t("--format '{fmt}' is not allowed here; use xlsx or csv", fmt=fmt), ctx)
    if fmt == "xlsx" and out is None:
        raise UsageError(t("--format xlsx writes a workbook file: give --out FILE.xlsx"), ctx)
    if suffix in SHEET_FORMATS and suffix != fmt:
        raise UsageError(t("--out {path} does not end in .{fmt}; name the file for what it holds", path=out,
                           fmt=fmt), ctx)
    target = None
    if out is not None:
        from juwei.services import files

        target = files.out_file(out, force=force)
    return SheetOut(fmt, target, force)


def write_sheet(where: SheetOut, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Write the table (headers and cells as the listing shows them, values typed) where it was asked for."""
    from juwei.services import exports

    table = exports.Table(title, headers, rows)
    if where.out is None:
        sys.stdout.write(exports.csv_text(table))
        return
    n = exports.write_table(where.out, where.fmt, table, force=where.force)
    info(t("{n} row(s) written to {path}", n=n, path=where.out))


# ---------------------------------------------------------------- --format pdf on the render commands


def pdf_wanted(ctx: typer.Context, out: Any, *, out_dir: Any = None) -> str:
    """``--format pdf`` checked before any work: it needs a file to write and an installed Chromium (else
    one line saying how to install it or print the HTML from a browser, exit 1). Returns the browser."""
    from juwei.errors import JuweiError
    from juwei.render import printing

    if out is None and out_dir is None:
        raise UsageError(t("--format pdf writes a file: give --out FILE.pdf"), ctx)
    chromium = printing.find_chromium()
    if chromium is None:
        raise JuweiError(printing.missing_chromium())
    return chromium


def write_pdfs(pages: list[tuple[str, Path]], *, lang: str, force: bool, chromium: str) -> None:
    """Print each ``(html, path)`` to its PDF, each file whole or not at all (owner-only)."""
    import contextlib

    from juwei.errors import JuweiError
    from juwei.render import printing
    from juwei.services import files

    if lang.startswith("zh") and _no_chinese_font(printing):
        warn(t("no font covering Chinese is installed, so Chinese would print as empty boxes: install "
               "fonts-noto-cjk"))
    with contextlib.ExitStack() as stack:
        scratches = [stack.enter_context(files.private_file(path, force=force)) for _, path in pages]
        try:
            printing.print_pages([(text, scratch) for (text, _), scratch in zip(pages, scratches)],
                                 chromium=chromium)
        except (OSError, RuntimeError, TimeoutError) as exc:
            raise JuweiError(t("Chromium could not print the PDF ({reason}); write --format html and print it "
                               "from a browser instead", reason=str(exc).splitlines()[0] if str(exc) else
                               type(exc).__name__)) from None


def _no_chinese_font(printing: Any) -> bool:
    import shutil

    return bool(shutil.which("fc-list")) and not printing.cjk_font_families()


def emit_document(text: str, out: Path | None, *, lang: str, force: bool, chromium: str | None,
                  as_json: bool) -> None:
    """A rendered document where the clerk asked for it: printed to PDF (``chromium`` given), written to
    ``out``, or on standard output; then the path written, as text or ``{"path"}``."""
    import sys

    from juwei.cli._common import emit_json
    from juwei.services import files

    if chromium is not None:
        write_pdfs([(text, out)], lang=lang, force=force, chromium=chromium)
    elif out is None:
        sys.stdout.write(text)
        return
    else:
        files.write_text(out, text, force=force)
    if as_json:
        emit_json({"path": str(out)})
    else:
        typer.echo(str(out))
