"""The package as a clerk installs it: a built wheel (not the editable checkout), run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Path:
    """Build the wheel and install it (without dependencies: they are this environment's) into a folder."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(ROOT)], check=True)
    wheel = next(out.glob("juwei-*.whl"))
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True)
    return target


def run(installed: Path, *args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(installed), "JUWEI_LANG": "en"}
    env.pop("JUWEI_DB", None)
    return subprocess.run([str(installed / "bin" / "juwei"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=check)


def test_wheel_ships_the_templates():
    templates = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file())
    assert templates, "templates/ is empty"
    wheels = list((ROOT / "dist").glob("*.whl")) if (ROOT / "dist").exists() else []
    # The session fixture builds its own wheel; inspect that one through the installed copy below.
    assert all(zipfile.is_zipfile(w) for w in wheels)


def test_installed_package_is_not_the_checkout(installed, tmp_path):
    proc = subprocess.run([sys.executable, "-c", "import juwei, pathlib; print(pathlib.Path(juwei.__file__).parent)"],
                          env={**os.environ, "PYTHONPATH": str(installed)}, capture_output=True, text=True, check=True)
    package = Path(proc.stdout.strip())
    assert package == installed / "juwei"
    shipped = {p.relative_to(package / "templates").as_posix() for p in (package / "templates").rglob("*") if p.is_file()}
    source = {p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert shipped == source


def test_real_process_end_to_end(installed, tmp_path):
    assert run(installed, "--version", cwd=tmp_path).stdout.startswith("juwei ")
    missing = run(installed, "group", "list", cwd=tmp_path, check=False)
    assert missing.returncode == 1 and "no juwei database at juwei.db" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert json.loads(run(installed, "init", "--name", "东城社区", "--json", cwd=tmp_path).stdout) == {"id": 1}
    assert (tmp_path / "juwei.db").exists()
    run(installed, "group", "add", "第一居民小组", cwd=tmp_path)
    groups = json.loads(run(installed, "group", "list", "--json", cwd=tmp_path).stdout)
    assert groups[0]["name"] == "第一居民小组"
    usage = run(installed, "group", "add", cwd=tmp_path, check=False)
    assert usage.returncode == 2


def test_chinese_messages(installed, tmp_path):
    """The compiled catalog ships in the wheel and the installed package reads it."""
    from juwei.i18n import catalog

    assert (installed / "juwei" / "locales" / "zh_CN" / "LC_MESSAGES" / "juwei.mo").is_file()
    env = {**os.environ, "PYTHONPATH": str(installed), "JUWEI_LANG": "zh_CN"}
    env.pop("JUWEI_DB", None)
    env_run = subprocess.run([str(installed / "bin" / "juwei"), "group", "list"], cwd=tmp_path, env=env,
                             capture_output=True, text=True)
    missing = catalog("zh_CN")["no juwei database at {path}; run `juwei init` or pass --db"].format(path="juwei.db")
    assert env_run.returncode == 1 and missing in env_run.stderr and "数据库" in missing
    listing = subprocess.run([str(installed / "bin" / "juwei"), "--help"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, check=True)
    assert "花名册" in listing.stdout  # a help panel, from the catalog
