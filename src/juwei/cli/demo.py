"""juwei demo: a realistic sample community, end to end, on the embedded SQLite default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from juwei.cli._common import info
from juwei.i18n import t

app = typer.Typer()


def step(text: str) -> None:
    typer.secho(f"\n▶ {text}", bold=True)


@app.command()
def demo(
    out: Path = typer.Option(Path("demo-out"), "--out", help="Folder for the demo database and printouts."),
    households: int = typer.Option(120, "--households", min=1, max=100000, help="Households to generate."),
) -> None:
    """Build a realistic sample community and walk through it as a clerk would."""
    from juwei.cli.roster import print_summary
    from juwei.errors import JuweiError
    from juwei.services.community import create_community
    from juwei.services.demo import load_sample
    from juwei.services.roster import roster_summary
    from juwei.services.scope import Scope, find_community
    from juwei.storage.engine import create_store

    out.mkdir(parents=True, exist_ok=True)
    db = out / "juwei.db"
    if db.exists():
        raise JuweiError(t("{path} already exists; remove it or choose another --out", path=db))
    step(t("juwei init --db {db} --name 东城社区 --rules seed", db=db))
    store = create_store(str(db))
    try:
        with store.write() as session:
            community = create_community(session, name="东城社区", code="dongcheng", profile="seed")
        info(t("created community {name} ({code}) with rules profile {profile} in {db}",
               name=community.name, code=community.code, profile="seed", db=db))
        step(t("loading the roster: {n} households with residents, groups and representatives", n=households))
        with store.write() as session:
            scope = Scope(session=session, community=find_community(session, "dongcheng"))
            loaded = load_sample(scope, households)
        info(t("{members} residents in {households} households; {reps} representatives",
               members=loaded["members"], households=loaded["households"], reps=loaded["representatives"]))
        step("juwei roster")
        with store.read() as session:
            scope = Scope(session=session, community=find_community(session, "dongcheng"))
            print_summary(roster_summary(scope), scope.today)
    finally:
        store.dispose()
    info(t("\nThe demo database is {db}; try: juwei --db {db} member list", db=db))
