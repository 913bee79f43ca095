"""juwei init: create the database (if needed) and a community."""

from __future__ import annotations

from typing import Optional

import typer

from juwei.cli._common import JSON_OPTION, created, options
from juwei.i18n import t

app = typer.Typer()


@app.command()
def init(
    ctx: typer.Context,
    name: str = typer.Option(..., "--name", help="The community's name, e.g. 东城社区."),
    code: Optional[str] = typer.Option(None, "--code", help="Short code used by --community (default: the name)."),
    rules: str = typer.Option("seed", "--rules", help="Rules profile: seed or organic-law (docs/rules.md, docs/law.md)."),
    locale: str = typer.Option("zh_CN", "--locale", help="Language of documents: zh_CN or en."),
    rules_title: Optional[str] = typer.Option(
        None, "--rules-title",
        help="Title of the community's own rules, cited on its documents (default: 《NAME民主管理制度》)."),
    timezone: Optional[str] = typer.Option(None, "--timezone", metavar="ZONE",
                                           help="The community's time zone, an IANA name (default Asia/Shanghai); "
                                                "change it later with `juwei community set timezone ZONE`."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Create a juwei database and a community with its rules profile (the only command that creates one)."""
    from juwei.services.community import create_community
    from juwei.storage.engine import create_store, describe

    if timezone is not None:  # before any file is made: a refused init leaves nothing behind
        from juwei.rules.clock import check_zone

        timezone = check_zone(timezone)
    opts = options(ctx)
    store = create_store(opts.db)
    from juwei.cli._startup import resume

    resume()  # start-up is over (juwei.cli._startup)
    try:
        with store.write() as session:
            community = create_community(session, name=name, code=code, profile=rules, locale=locale,
                                         rules_title=rules_title, timezone=timezone)
    finally:
        store.dispose()
    created(community.id, as_json, t("created community {name} ({code}) with rules profile {profile} in {db}",
                                     name=community.name, code=community.code, profile=rules,
                                     db=describe(opts.db)))
