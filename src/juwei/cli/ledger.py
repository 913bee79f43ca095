"""juwei ledger: the finance ledger (收支明细) and its accounts (S20)."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, REVEAL_OPTION, created, emit_json, info, plain, private, scope, table
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.disclosure import DIRECTION_ALIASES, Direction

app = typer.Typer(no_args_is_help=True)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: str = typer.Argument(..., help=".csv (UTF-8 or GB18030) or .xlsx with date, amount, direction, category, "
                                         "description, voucher (or 日期, 金额, 收支, 类别, 摘要, 凭证号)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Import a ledger file: every row or none; problems are listed with their row numbers."""
    from juwei.rules.disclosure import format_fen
    from juwei.services.ledger import import_ledger

    with scope(ctx, write=True) as sc:
        result = import_ledger(sc, file)
    if as_json:
        emit_json(result)
        return
    info(t("imported {n} entries from {file} ({first} to {last}): income {income}, expense {expense}",
           n=result.imported, file=result.file, first=result.first_day, last=result.last_day,
           income=format_fen(result.income_fen), expense=format_fen(result.expense_fen)))


@app.command()
def add(
    ctx: typer.Context,
    date: str = typer.Option(..., "--date", help="Date of the entry."),
    amount: str = typer.Option(..., "--amount", help="Amount in yuan: 1234.56, 1,234.56 or ¥1,234.56."),
    direction: Direction = code_option(Direction, "ledger direction", ..., "--direction", aliases=DIRECTION_ALIASES,
                                       help="income or expense (收入/支出)."),
    category: str = typer.Option(..., "--category",
                                 help="Expense: wages, welfare, construction, activities, office, other "
                                      "(or 工资, 福利, 社区建设, 活动, 办公, 其他); income: its source."),
    voucher: str = typer.Option(..., "--voucher", help="Voucher number (凭证号), unique."),
    description: str = typer.Option("", "--description", help="What it was for (摘要)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Add one ledger entry; prints its id."""
    from juwei.services.ledger import add_entry

    with scope(ctx, write=True) as sc:
        entry = add_entry(sc, {"date": date, "amount": amount, "direction": direction, "category": category,
                               "voucher": voucher, "description": description})
    created(entry.id, as_json)


@app.command("list")
def list_(
    ctx: typer.Context,
    period: Optional[str] = typer.Option(None, "--period", help="2026-Q3, 2026-H1, 2026-07 or 2026."),
    direction: Optional[Direction] = code_option(Direction, "ledger direction", None, "--direction",
                                                 aliases=DIRECTION_ALIASES, help="income or expense."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """List ledger entries in date order; ID numbers, phones and bank accounts in a description are masked
    unless --reveal."""
    from juwei.services.ledger import list_entries

    with scope(ctx) as sc:
        rows = private(list_entries(sc, period=period, direction=direction, limit=limit), reveal)
    if as_json:
        emit_json(rows)
        return
    table(t("ledger"), [t("id"), t("date"), t("direction"), t("category"), t("amount"), t("voucher"),
                        t("description")],
          [(r.id, r.date, label("ledger direction", r.direction), _category(r.direction, r.category), r.amount,
            r.voucher, r.description) for r in rows])


def _category(direction: str, category: str) -> str:
    """An expense by its S20 category's label; an income by its source, as the clerk wrote it."""
    return label("expense category", category) if direction == "expense" else category


@app.command()
def export(
    ctx: typer.Context,
    out: str = typer.Option(..., "--out", help="FILE.csv (UTF-8 with BOM) or FILE.xlsx."),
    period: Optional[str] = typer.Option(None, "--period", help="Only this period (2026-Q3, 2026 …)."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Write the ledger to a spreadsheet that `ledger import` reads back; text cells that a spreadsheet
    would run as formulas are neutralised."""
    from juwei.services.ledger import export_ledger

    with scope(ctx) as sc:
        n = export_ledger(sc, out, period=period, force=force)
    if as_json:
        emit_json({"file": out, "entries": n})
    else:
        info(t("{n} entries written to {path}", n=n, path=out))


@app.command()
def accounts(
    ctx: typer.Context,
    period: str = typer.Option(..., "--period", help="2026-Q3, 2026-H1, 2026-07 or 2026."),
    as_json: bool = JSON_OPTION,
    reveal: bool = REVEAL_OPTION,
) -> None:
    """The account for a period: opening balance, income by source, expense by category, closing balance,
    and every expense above the profile's itemising threshold (personal numbers masked unless --reveal)."""
    from juwei.rules.disclosure import format_fen
    from juwei.services.ledger import account

    with scope(ctx) as sc:
        acc = private(account(sc, period), reveal)
    if as_json:
        data = plain(acc)
        for key in ("opening", "income", "expense", "closing", "itemise_over"):
            data[f"{key}_yuan"] = format_fen(getattr(acc, f"{key}_fen"))
        emit_json(data)
        return
    rows = [(t("opening balance"), format_fen(acc.opening_fen))]
    rows += [(t("income: {category}", category=line.category), format_fen(line.fen)) for line in acc.income]
    rows += [(t("total income"), format_fen(acc.income_fen))]
    rows += [(t("expense: {category}", category=_category("expense", line.category)), format_fen(line.fen))
             for line in acc.expense]
    rows += [(t("total expense"), format_fen(acc.expense_fen)), (t("closing balance"), format_fen(acc.closing_fen))]
    table(t("account {period} ({start} to {end}), {n} entries", period=acc.period, start=acc.start, end=acc.end,
            n=acc.entries), [t("item"), t("yuan")], rows)
    if acc.itemised:
        table(t("expenses above {amount}", amount=format_fen(acc.itemise_over_fen)),
              [t("date"), t("voucher"), t("category"), t("description"), t("yuan")],
              [(e.day, e.voucher, _category("expense", e.category), e.description, format_fen(e.fen))
               for e in acc.itemised])

