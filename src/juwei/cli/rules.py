"""juwei rules: the community's rules profile."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, emit_json, info, parse_date_option, scope, table
from juwei.i18n import label, language, t

app = typer.Typer(no_args_is_help=True)


@app.command()
def show(
    ctx: typer.Context,
    on: Optional[str] = typer.Option(None, "--on", help="The rules in force on this date (default today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Print every rule value in force, with the rule id (S1…S29, LAW.md) it implements."""
    from juwei.rules.profiles import value_words
    from juwei.services.community import rules_table

    day = parse_date_option(on, "--on")
    with scope(ctx) as sc:
        lines = rules_table(sc, day, language())
        profile, name, when = sc.community.rules_profile, sc.community.name, day or sc.today
    if as_json:
        emit_json([{"key": l.key, "value": l.value, "rule": l.rule, "meaning": l.meaning, "since": l.since,
                    "verified": l.verified} for l in lines])
        return
    table(t("Rules in force for {name} on {day} (base profile: {profile})", name=name, day=when,
            profile=label("rules profile", profile)),
          [t("key"), t("value"), t("rule"), t("meaning"), t("since")],
          [(l.key, value_words(l.key, l.value), l.rule if l.verified else t("{rule} (unverified)", rule=l.rule),
            l.meaning, l.since or t("profile")) for l in lines])


@app.command("set")
def set_(
    ctx: typer.Context,
    key: str = typer.Argument(..., help="The rule's key, as `juwei rules show` lists it."),
    value: str = typer.Argument(..., help="The new value: 2/3 or >=2/3 (inclusive), >1/2 (strict), a number, …"),
    from_: str = typer.Option(..., "--from", help="The date from which the new value is in force."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (e.g. the resolution that adopted it)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a new version of one rule, in force from a date; past meetings keep the rules they had."""
    from juwei.cli._common import created
    from juwei.rules.profiles import value_words
    from juwei.services.community import set_rule

    day = parse_date_option(from_, "--from")
    with scope(ctx, write=True) as sc:
        version = set_rule(sc, key, value, day, note)
    created(version.id, as_json, t("{key} = {value} from {day}", key=key, value=value_words(key, version.value),
                                   day=day))


@app.command()
def history(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    """Every rule version recorded after the community was created."""
    from juwei.rules.profiles import value_words
    from juwei.services.community import rules_history

    with scope(ctx) as sc:
        rows = rules_history(sc)
    if as_json:
        emit_json([{"id": r.id, "key": r.key, "value": r.value, "effective_from": r.effective_from,
                    "recorded_at": r.recorded_at, "recorded_by": r.recorded_by, "note": r.note} for r in rows])
        return
    if not rows:
        info(t("no rule has been changed since the community was created"))
        return
    table(t("Rule versions"), [t("id"), t("key"), t("value"), t("from"), t("recorded by"), t("note")],
          [(r.id, r.key, value_words(r.key, r.value), r.effective_from, r.recorded_by, r.note) for r in rows])
