"""juwei community: the community's own settings (its time zone)."""

from __future__ import annotations

import typer

from juwei.cli._common import JSON_OPTION, emit_json, info, key_values, scope
from juwei.i18n import label, t

app = typer.Typer(no_args_is_help=True)


@app.command()
def show(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    """The community's name, code, document language, rules profile and time zone."""
    from juwei.rules.clock import DEFAULT_TIMEZONE

    with scope(ctx) as sc:
        c = sc.community
        values = {"name": c.name, "code": c.code, "locale": c.locale, "rules_profile": c.rules_profile,
                  "timezone": c.timezone or DEFAULT_TIMEZONE, "office_phone": c.office_phone, "today": sc.today}
    if as_json:
        emit_json(values)
        return
    key_values(t("Community {name}", name=values["name"]), [
        (t("community name"), values["name"]), (t("code"), values["code"]),
        (t("document language"), label("document language", values["locale"])),
        (t("rules profile"), label("rules profile", values["rules_profile"])),
        (t("time zone"), values["timezone"]), (label("community setting", "office_phone"), values["office_phone"]),
        (t("today"), values["today"])])


@app.command("set")
def set_(
    ctx: typer.Context,
    key: str = typer.Argument(..., metavar="KEY", help="timezone or office_phone"),
    value: str = typer.Argument(..., metavar="VALUE",
                                help="The new value, e.g. an IANA zone name: Asia/Shanghai, or a phone number."),
) -> None:
    """Change a setting. timezone: the zone every time is shown in and "today" is taken in (times already
    recorded are kept as instants, so they are shown anew, never changed). office_phone: the office's public
    phone, printed on the grid board."""
    from juwei.services.community import set_setting

    with scope(ctx, write=True) as sc:
        community = set_setting(sc, key, value)
    info(t("{key} of {name} is now {value}", key=label("community setting", key), name=community.name,
           value=getattr(community, key) or ""))
