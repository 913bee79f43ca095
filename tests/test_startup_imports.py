"""What a command loads on its way to work, in a fresh process through the console entry point (the
``juwei`` script's ``juwei.cli:main``), which reports ``sys.modules`` and the garbage collector's state at
exit. No timings: these fail when a heavy import slips back into a command's path or start-up stops
resuming the collector (docs/performance.md, "Start-up"). In-process tests cannot see this: by the time
they run, the test session has imported everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import atexit, gc, json, os, sys
from importlib.metadata import entry_points

def report():
    with open(os.environ["JUWEI_PROBE_OUT"], "w", encoding="utf-8") as fh:
        json.dump({"modules": sorted(sys.modules), "collecting": gc.isenabled(),
                   "frozen": gc.get_freeze_count()}, fh)

atexit.register(report)
(script,) = entry_points(group="console_scripts", name="juwei")
sys.argv = ["juwei", *sys.argv[1:]]
script.load()()
"""

# Never needed to list, show or help: documents, migrations, spreadsheets, calendars.
HEAVY = ("jinja2", "alembic", "icalendar", "openpyxl", "dateutil", "juwei.render", "juwei.storage.migrate")
DATABASE = ("sqlalchemy", "sqlmodel", "pydantic", "juwei.storage", "juwei.services")


def probe(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path / "probe.json"
    env = {**os.environ, "JUWEI_LANG": "en", "JUWEI_PROBE_OUT": str(out)}
    env.pop("JUWEI_DB", None)
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env,
                            cwd=tmp_path)
    return result, json.loads(out.read_text(encoding="utf-8"))


def loaded(report: dict, *names: str) -> list[str]:
    """The modules of ``report`` that are one of ``names`` or inside one of them."""
    return [m for m in report["modules"] if any(m == n or m.startswith(n + ".") for n in names)]


def test_help_and_version_load_no_database_code(tmp_path):
    result, report = probe(tmp_path, "--help")
    assert result.returncode == 0 and "group" in result.stdout, result.stderr
    assert loaded(report, *DATABASE, *HEAVY) == []

    result, report = probe(tmp_path, "group", "--help")
    assert result.returncode == 0 and "list" in result.stdout, result.stderr
    assert loaded(report, "sqlalchemy", "sqlmodel", "juwei.storage", "juwei.services", *HEAVY) == []

    result, report = probe(tmp_path, "--version")
    assert result.returncode == 0 and result.stdout.startswith("juwei "), result.stderr
    assert loaded(report, *DATABASE, *HEAVY, "rich") == []


@pytest.fixture
def groups(community, tmp_path) -> str:
    community.ok("group", "add", "第一居民小组")
    return community.db


def test_a_listing_loads_only_its_own_domain(groups, tmp_path):
    result, report = probe(tmp_path, "--db", groups, "group", "list", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["name"] == "第一居民小组"
    # --json prints without Rich; nothing of documents, migrations, spreadsheets or calendars
    assert loaded(report, *HEAVY, "rich", "markdown_it") == []
    # the roster's tables and services, not the other domains'
    assert loaded(report, "juwei.storage.models") == ["juwei.storage.models", "juwei.storage.models.base",
                                                      "juwei.storage.models.roster"]
    assert loaded(report, "juwei.services.meetings", "juwei.services.voting", "juwei.services.disclosure",
                  "juwei.services.ledger", "juwei.services.importer", "juwei.services.documents",
                  "juwei.services.due", "juwei.services.audit.verify", "juwei.services.sheets") == []

    result, report = probe(tmp_path, "--db", groups, "group", "list")
    assert result.returncode == 0 and "第一居民小组" in result.stdout, result.stderr
    assert "rich.table" in report["modules"]  # the table is Rich's; its Markdown and syntax are not needed
    assert loaded(report, *HEAVY, "markdown_it", "rich.markdown", "rich.syntax") == []


def test_start_up_resumes_the_collector(groups, tmp_path):
    """The entry point pauses garbage collection while the command loads; opening the database resumes it
    (with what was loaded frozen), so the command's own work is collected as usual."""
    for args in (("group", "list", "--json"), ("group", "add", "第二居民小组"), ("db", "version")):
        result, report = probe(tmp_path, "--db", groups, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert report["collecting"] and report["frozen"] > 0, args
        assert loaded(report, *HEAVY) == [], args


def test_in_process_callers_never_pause(community):
    import gc

    assert gc.isenabled()
    community.ok("group", "list")
    assert gc.isenabled()
