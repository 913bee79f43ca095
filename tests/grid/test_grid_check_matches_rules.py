"""`grid check` narrows in the database; what it finds is exactly what the pure rules say (rules.grid.coverage
and unvisited) for the same records, on random communities: assignments to people serving or not, ended
assignments, visits old and new."""

import datetime as dt
import random

import pytest

from juwei.rules import grid as rules

TODAY = dt.date(2026, 3, 15)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_check_finds_what_the_rules_say(community, monkeypatch, seed):
    monkeypatch.setenv("JUWEI_TODAY", TODAY.isoformat())
    rng = random.Random(seed)
    cli = community
    cli.ok("group", "add", "一组")
    numbers = [f"0{n:04d}" for n in range(1, 25)]
    for number in numbers:
        cli.ok("household", "add", number, "--group", "一组")
    members = [cli.json("member", "add", "--name", f"甲{n}", "--birth-date", "1970-01-01", "--household",
                        numbers[n])["id"] for n in range(4)]
    for n, member in enumerate(members):
        cli.ok("committee", "add", str(member), "--role", "director" if n == 0 else "member", "--from", "2024-06-01")
    cli.ok("staff", "add", "--name", "乙", "--position", "welfare", "--from", "2024-06-01", "--disclosed")
    people = [str(m) for m in members] + ["乙"]
    for number in numbers:
        if rng.random() < 0.8:
            cli.ok("grid", "assign", rng.choice(people), "--household", number, "--from", "2025-01-01")
            if rng.random() < 0.2:
                cli.ok("grid", "unassign", "--household", number, "--on", "2025-06-01")
        if rng.random() < 0.5:
            day = TODAY - dt.timedelta(days=rng.randrange(0, 200))
            cli.ok("grid", "visit", number, "--by", rng.choice(people), "--on", day.isoformat())
    cli.ok("committee", "end", str(members[-1]), "--on", "2026-01-31", "--reason", "resigned")

    from sqlalchemy import create_engine, text

    from juwei.storage.engine import database_url

    engine = create_engine(database_url(cli.db))  # SQLite or PostgreSQL, as the suite runs
    try:
        with engine.connect() as conn:
            households = [h for (h,) in conn.execute(text("SELECT id FROM household ORDER BY number"))]
            keys = {(m, n): f"member:{m}" if m is not None else f"name:{n}" for m, n in
                    conn.execute(text("SELECT DISTINCT member_id, name FROM grid_assignment"))}
            responsible = {h: keys[m, n] for h, m, n in conn.execute(text(
                "SELECT household_id, member_id, name FROM grid_assignment WHERE ended_on IS NULL"))}
            last = {h: d for h, d in conn.execute(text(
                "SELECT household_id, max(day) FROM household_visit GROUP BY household_id"))}
    finally:
        engine.dispose()
    serving = [f"member:{m}" for m in members[:-1]] + ["name:乙"]
    expected = rules.coverage(households, serving, responsible)
    found = cli.json("grid", "check", "--unvisited", "90d")
    assert [h["id"] for h in found["households"]] == expected.households
    assert [f"member:{p['member_id']}" if p["member_id"] else f"name:{p['name']}" for p in found["people"]] == \
        expected.people
    visits = {h: d if isinstance(d, dt.date) else dt.date.fromisoformat(d) for h, d in last.items()}
    assert [h["id"] for h in found["unvisited"]] == rules.unvisited(households, visits, TODAY, 90)
