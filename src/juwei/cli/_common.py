"""What every command module shares: global options, opening the database, printing results.

Kept free of heavy imports: the database layer is imported when a command first opens it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from dataclasses import asdict, dataclass, fields, is_dataclass, replace
from decimal import Decimal
from typing import Any, Iterable, Iterator, Sequence

import typer

from juwei.i18n import label, t

JSON_OPTION = typer.Option(False, "--json", help="Print JSON (field names documented in docs/cli.md).")
REVEAL_OPTION = typer.Option(False, "--reveal", help="Show ID numbers and phones unmasked.")


@dataclass
class Options:
    db: str
    community: str | None
    debug: bool = False


def options(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    if not isinstance(obj, Options):  # a command module invoked on its own (tests)
        obj = Options(db="juwei.db", community=None)
    return obj


@contextlib.contextmanager
def scope(ctx: typer.Context, *, write: bool = False) -> Iterator[Any]:
    """Open the database and the community; with ``write`` the block is one transaction."""
    from juwei.cli._startup import resume
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    opts = options(ctx)
    store = open_store(opts.db)
    try:
        with open_scope(store, opts.community, write=write) as sc:
            resume()  # start-up is over: what the command needs is loaded and its community found
            yield sc
    finally:
        store.dispose()


@contextlib.contextmanager
def transactions(ctx: typer.Context) -> Iterator[Any]:
    """The database opened once for a command that writes one transaction after another (signing in at the
    door, a scan at a time): yields ``each``, where ``with each() as sc:`` is one write transaction, committed
    when its block ends, so what a block did stays done whatever happens after it."""
    from juwei.cli._startup import resume
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store

    opts = options(ctx)
    store = open_store(opts.db)
    resume()

    def each(write: bool = True):
        return open_scope(store, opts.community, write=write)

    try:
        yield each
    finally:
        store.dispose()


def parse_date_option(value: str | None, option: str) -> dt.date | None:
    """Parse a date given on the command line; the error names the option."""
    if value is None:
        return None
    from juwei.errors import ValidationError
    from juwei.rules.dates import parse_date

    try:
        return parse_date(value)
    except ValidationError as exc:
        raise ValidationError(f"{option}: {exc.message}") from None


def format_for(out: Any, fmt: str | None) -> str:
    """A document's format: --format, else --out's extension (.html/.htm → html, .pdf → pdf), else Markdown."""
    if fmt:
        return fmt
    if out is not None and out.suffix.lower() in (".html", ".htm"):
        return "html"
    if out is not None and out.suffix.lower() == ".pdf":
        return "pdf"
    return "md"


def plain(value: Any) -> Any:
    """JSON-able form of service results: dataclasses, rows, dates, decimals."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items()}
    if hasattr(value, "model_dump"):
        return {k: plain(v) for k, v in value.model_dump().items()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def private(value: Any, reveal: bool) -> Any:
    """What a screen shows of data that may hold personal numbers: every string in it (in rows, dataclasses,
    dicts and lists) scrubbed of ID numbers, phones and bank accounts (LAW.md "Privacy"), unless the clerk
    gave --reveal. The one scrub for listings: ``rows = private(rows, reveal)`` before printing them."""
    if reveal:
        return value
    from juwei.rules.privacy import scrub_text

    if isinstance(value, str):
        return scrub_text(value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: private(getattr(value, f.name), reveal) for f in fields(value)
                                 if f.init and (isinstance(getattr(value, f.name), (str, list, tuple, dict))
                                                or is_dataclass(getattr(value, f.name)))})
    if isinstance(value, dict):
        return {k: private(v, reveal) for k, v in value.items()}
    if isinstance(value, list):
        return [private(v, reveal) for v in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):  # a named tuple is a row: left as it is
        return tuple(private(v, reveal) for v in value)
    return value


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(plain(data), ensure_ascii=False, indent=2) + "\n")


def created(new_id: int, as_json: bool, message: str | None = None) -> None:
    """Every command that creates something prints the new id (or {"id": …})."""
    if as_json:
        emit_json({"id": new_id})
    else:
        typer.echo(new_id)
        if message:
            typer.echo(message, err=True)


def warn(message: str) -> None:
    typer.secho(t("warning: {message}", message=message), err=True, fg="yellow")


def info(message: str) -> None:
    typer.echo(message)


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    tbl = Table(title=title, title_justify="left", header_style="bold")
    for column in columns:
        tbl.add_column(column)
    for row in rows:
        tbl.add_row(*(cell(v) for v in row))
    Console(soft_wrap=False).print(tbl)


def cell(value: Any) -> str:
    """A value as a table shows it: nothing for None, 是/否 (yes/no) for a boolean, never True/False."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    return str(value)


def listing(items: Iterable[Any]) -> str:
    """Items of one list in a line: ``a; b`` in English, ``a；b`` between Chinese words."""
    return t("; ").join(str(item) for item in items)


def labels(kind: str, codes: str | None, separator: str) -> str:
    """Several codes of one kind stored in one text (``elected+ex_officio``, ``party_org,committee``), each
    by its label, joined as a list."""
    return t(", ").join(label(kind, code) for code in (codes or "").split(separator) if code)


def key_values(title: str, pairs: Iterable[tuple[str, Any]]) -> None:
    table(title, [t("field"), t("value")], pairs)


def yes_no(value: bool) -> str:
    return t("yes") if value else t("no")
