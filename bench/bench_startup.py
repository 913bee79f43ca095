"""Start-up benchmark: how long `juwei` takes to answer before doing any real work.

    python bench/bench_startup.py [--repeat 15]

Figures (each a ratio against an anchor measured in the same run, best of --repeat runs, wall clock and
CPU time of the child process):
1. `juwei --help` vs the `--help` of a two-command Typer app with the same help style (rich help panels,
   -h/--help): the floor for any Typer CLI. Target: within 1.3x.
2. `juwei group list` on a small database (and `group list --json`, which needs no Rich) vs
   `python -c "import sqlmodel"`. Target: within 1.15x.
3. For orientation: `python -c "import typer, sqlmodel"`, the two libraries every database command needs,
   and the same with the garbage collector paused, as juwei's console entry point runs its start-up
   (juwei.cli._startup): the ratio of `group list` to that says what juwei's own code costs.
4. `juwei --help` and `juwei group list` with JUWEI_LANG=zh_CN, against their English runs: what reading
   the compiled gettext catalog (and Rich laying out Chinese text) costs.

Runs with the Python it is started with (use the project's .venv); the `juwei` console script next to it
is used when present.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAUSED = 'python -c "gc.disable(); import typer, sqlmodel"'

TWO_COMMAND_APP = '''
import typer

app = typer.Typer(help="A two-command app.", no_args_is_help=True,
                  context_settings={"help_option_names": ["-h", "--help"]})


@app.command(rich_help_panel="First")
def hello(name: str = typer.Option("world", help="Who to greet.")) -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


@app.command(rich_help_panel="Second")
def bye() -> None:
    """Say goodbye."""
    typer.echo("bye")


if __name__ == "__main__":
    app()
'''


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    exe = Path(sys.executable).parent / "juwei"
    juwei = [str(exe)] if exe.exists() else [sys.executable, "-m", "juwei"]
    work = Path(tempfile.mkdtemp(prefix="bench_startup_"))
    # An installed package runs from compiled bytecode (pip compiles it); let the subprocesses write and use
    # juwei's own (the warm-up run writes it) even where the environment turns bytecode off, as
    # bench_meetings does. Without this every run compiled juwei's modules from source.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"JUWEI_LANG": "en", "JUWEI_CLERK": "bench", "COLUMNS": "100"})
    env.pop("JUWEI_DB", None)
    try:
        app = work / "two_commands.py"
        app.write_text(TWO_COMMAND_APP, encoding="utf-8")
        db = str(work / "small.db")
        subprocess.run([*juwei, "--db", db, "init", "--name", "东城社区", "--code", "dc"], check=True,
                       capture_output=True, env=env)
        for group in ("第一居民小组", "第二居民小组"):
            subprocess.run([*juwei, "--db", db, "group", "add", group], check=True, capture_output=True, env=env)
        cases = {
            "two-command Typer app --help": [sys.executable, str(app), "--help"],
            "juwei --help": [*juwei, "--help"],
            'python -c "import sqlmodel"': [sys.executable, "-c", "import sqlmodel"],
            'python -c "import typer, sqlmodel"': [sys.executable, "-c", "import typer, sqlmodel"],
            PAUSED: [sys.executable, "-c", "import gc; gc.disable(); import typer, sqlmodel"],
            "juwei group list": [*juwei, "--db", db, "group", "list"],
            "juwei group list --json": [*juwei, "--db", db, "group", "list", "--json"],
            "juwei group list (zh_CN)": [*juwei, "--db", db, "group", "list"],
            "juwei --help (zh_CN)": [*juwei, "--help"],
        }
        # the Chinese runs set JUWEI_LANG, not --lang, so the only difference from English is the catalog
        env_of = {name: {**env, "JUWEI_LANG": "zh_CN"} if name.endswith("(zh_CN)") else env for name in cases}
        walls: dict[str, list[float]] = {k: [] for k in cases}
        cpus: dict[str, list[float]] = {k: [] for k in cases}
        for name, command in cases.items():  # warm the file cache and the bytecode
            run(command, env_of[name])
        for _ in range(args.repeat):  # interleaved, so a burst of load hits every case alike
            for name, command in cases.items():
                wall, cpu = run(command, env_of[name])
                walls[name].append(wall)
                cpus[name].append(cpu)
        wall = {k: min(v) for k, v in walls.items()}
        cpu = {k: min(v) for k, v in cpus.items()}

        def line(name: str, anchor: str, target: float | None = None) -> None:
            goal = f"   (target <= {target}x)" if target else ""
            print(f"  {name:50s} {wall[name]:6.3f} s wall {wall[name] / wall[anchor]:5.2f}x   "
                  f"{cpu[name]:6.3f} s cpu {cpu[name] / cpu[anchor]:5.2f}x{goal}")

        print(f"best of {args.repeat} runs; ratios against the anchor of each block")
        print("--help:")
        line("two-command Typer app --help", "two-command Typer app --help")
        line("juwei --help", "two-command Typer app --help", 1.3)
        print("a database command:")
        line('python -c "import sqlmodel"', 'python -c "import sqlmodel"')
        line('python -c "import typer, sqlmodel"', 'python -c "import sqlmodel"')
        line(PAUSED, 'python -c "import sqlmodel"')
        line("juwei group list", 'python -c "import sqlmodel"', 1.15)
        line("juwei group list --json", 'python -c "import sqlmodel"', 1.15)
        print("juwei's own cost: against the libraries imported as juwei imports them (collector paused):")
        line("juwei group list", PAUSED)
        line("juwei group list --json", PAUSED)
        print("in Chinese (reads the compiled catalog; the English figures above read none):")
        line("juwei --help (zh_CN)", "juwei --help")
        line("juwei group list (zh_CN)", "juwei group list")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
