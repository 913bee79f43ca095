"""juwei audit: verify the tamper-evident record, read its history, seal it for the board."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from juwei.cli._common import JSON_OPTION, REVEAL_OPTION, emit_json, info, options, parse_date_option, scope
from juwei.i18n import label, t

app = typer.Typer(no_args_is_help=True)


def verification_dict(report) -> dict[str, Any]:
    return {"ok": report.ok, "events": report.events, "head_seq": report.head_seq, "head_hash": report.head_hash,
            "tables": report.tables, "rows": report.rows, "problems_total": report.problems_total,
            "problems": [{"kind": p.kind, "seq": p.seq, "entity": p.entity, "columns": p.columns,
                          "message": p.message} for p in report.problems]}


@app.command()
def verify(ctx: typer.Context,
           seal_file: Optional[Path] = typer.Option(None, "--seal", metavar="FILE",
                                                    help="Also check the chain still holds this posted seal."),
           as_json: bool = JSON_OPTION) -> None:
    """Walk the hash chain and compare every current row with its latest audit event (exit 1 on any mismatch)."""
    from juwei.services.integrity import verify_database

    report = verify_database(options(ctx).db, seal_file)
    if as_json:
        emit_json(verification_dict(report))
    elif report.ok:
        info(t("the audit trail is intact: {events} events (head {seq} {hash}); {rows} rows in {tables} tables "
               "match their latest events", events=report.events, seq=report.head_seq, hash=report.head_hash,
               rows=report.rows, tables=report.tables))
    else:
        for problem in report.problems:
            info(problem.message)
        if report.problems_total > len(report.problems):
            info(t("… and {n} more", n=report.problems_total - len(report.problems)))
    if not report.ok:
        typer.echo(t("error: {message}", message=t("audit verify found {n} problem(s); the first: {first}",
                                                  n=report.problems_total, first=report.problems[0].message)),
                   err=True)
        raise typer.Exit(1)


def _moment(key: str, value, zone: str | None):
    """A stored date-time as the clerk reads it: an instant (checked_in_at, closed_at …) on the community's
    clock; a meeting's ``at``, which is the notice's own wall-clock time kept as given, as it is."""
    from juwei.rules.clock import local_text, stored_instant

    instant = stored_instant(value)
    if instant is None:
        return value
    return local_text(instant, zone, "%Y-%m-%d %H:%M:%S") if key.endswith("_at") else f"{instant:%Y-%m-%d %H:%M:%S}"


def _mask(key: str, value: Any, reveal: bool) -> Any:
    if reveal or value is None:
        return value
    from juwei.rules.privacy import mask_id, mask_phone, scrub_text

    if key == "id_number" and isinstance(value, str):
        return mask_id(value)
    if key == "phone" and isinstance(value, str):
        return mask_phone(value)
    if isinstance(value, str):
        return scrub_text(value)
    return value


def _masked_state(state: dict | None, reveal: bool) -> dict | None:
    if state is None:
        return None
    return {k: _mask(k, v, reveal) for k, v in state.items()}


@app.command()
def log(
    ctx: typer.Context,
    entity: Optional[str] = typer.Option(None, "--entity", metavar="TABLE:ID", help="Only this record, e.g. member:12."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="Only events on or after this date."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the last N events."),
    reveal: bool = REVEAL_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The community's history: who changed what, when, from what to what (ID numbers and phones masked)."""
    from juwei.rules.clock import local_text
    from juwei.services import audit

    day = parse_date_option(since, "--since")
    with scope(ctx) as sc:
        entries = audit.history(sc, entity=entity, since=day, limit=limit)
        zone = sc.timezone
    if as_json:
        emit_json([{"seq": e.seq, "at": e.at, "clerk": e.clerk, "action": e.action, "entity": e.entity,
                    "before": _masked_state(e.before, reveal), "after": _masked_state(e.after, reveal),
                    "hash": e.hash} for e in entries])
        return
    if not entries:
        info(t("no audit events match"))
        return
    for e in entries:
        info(f"#{e.seq}  {local_text(e.at, zone, '%Y-%m-%d %H:%M:%S')}  {e.clerk}  {label('audit action', e.action)}"
             f"  {e.entity}")
        for key, old, new in e.changes:
            if key in ("created_at", "updated_at"):
                continue
            old, new = (_moment(key, v, zone) for v in (old, new))
            old_text, new_text = (_shown(e.entity, key, _mask(key, v, reveal), e.after) for v in (old, new))
            if e.before is None:
                info(f"    {key}: {new_text}")
            else:
                info(f"    {key}: {old_text} → {new_text}")


# The code table each recorded field's values are named from: (table, field), or (None, field) for any table.
_FIELD_CODES = {
    (None, "choice"): "choice", (None, "method"): "vote method", (None, "gender"): "gender",
    (None, "direction"): "ledger direction", (None, "basis"): "ex officio basis",
    ("meeting", "kind"): "meeting kind", ("meeting", "body"): "body", ("meeting", "status"): "meeting status",
    ("motion", "kind"): "motion kind", ("representative", "kind"): "representative kind",
    ("disclosure", "category"): "disclosure category", ("ledger_entry", "category"): "expense category",
    ("community", "locale"): "document language", ("community", "rules_profile"): "rules profile",
}


def _shown(entity: str, key: str, value: Any, state: Any = None) -> str:
    """A recorded value as the log prints it: a code by its label, a boolean as yes/no, a rule's value as
    `rules show` prints it, nothing for None."""
    from juwei.cli._common import cell
    from juwei.rules.meetings import reason_words, rule_words
    from juwei.rules.profiles import value_words

    if value is None:
        return ""
    table = entity.partition(":")[0]
    if (table, key) == ("rules_version", "value") and isinstance(state, dict) and isinstance(value, str):
        return value_words(str(state.get("key")), value)
    kind = _FIELD_CODES.get((table, key)) or _FIELD_CODES.get((None, key))
    if kind and isinstance(value, str):
        return label(kind, value)
    if (table, key) == ("meeting", "reason") and isinstance(value, str):
        return reason_words(value)
    if (table, key) == ("motion", "rule") and isinstance(value, str):
        return rule_words(value)
    return cell(value)


@app.command()
def seal(
    ctx: typer.Context,
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Also write the seal to this file."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Print the chain's head hash with the date and counts, to post on the board or send to the street office."""
    from dataclasses import asdict

    from juwei.services.audit import seal as audit_seal

    from juwei.services import files

    if out is not None:
        out = files.out_file(out, force=force)
    with scope(ctx) as sc:
        sealed = audit_seal.seal(sc)
    text = sealed.text()
    if out is not None:
        files.write_text(out, text, force=force)
    if as_json:
        emit_json(asdict(sealed))
    else:
        typer.echo(text, nl=False)
