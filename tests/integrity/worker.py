"""A second (or third) clerk for the concurrency and crash tests: run as `python worker.py DB MODE N`.

Runs juwei commands in this process through the CLI (each opens its own connection, as a separate
`juwei` run would) and prints one JSON line: the exit code and output of every command.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> None:
    db, mode, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    tag = os.environ.get("WORKER_TAG", "w")
    if mode == "bulk":  # one long transaction: many members at once, through the bulk audit path
        bulk(db, count)
        return
    from typer.testing import CliRunner

    from juwei.cli import app

    runner = CliRunner()
    results = []

    def run(*args: str) -> None:
        result = runner.invoke(app, ["--db", db, *args], catch_exceptions=True)
        results.append({"args": list(args), "code": result.exit_code, "stdout": result.stdout,
                        "stderr": result.stderr, "exception": None if result.exception is None
                        or isinstance(result.exception, SystemExit) else repr(result.exception)})

    for i in range(count):
        if mode == "roster":
            run("member", "add", "--name", f"{tag}-居民{i}", "--household", "01001")
            run("member", "update", os.environ["SHARED_MEMBER"], "--note", f"{tag} note {i}")
            run("group", "add", f"共同小组{i}")  # both clerks try the same names: one wins each
            run("member", "update", os.environ["SHARED_MEMBER"], "--phone", f"139{i:04d}{ord(tag[-1]) % 10:04d}")
        elif mode in ("checkin", "cast"):  # every seat, in this clerk's order: one command per seat
            seat = i + 1 if os.environ.get("WORKER_ORDER", "asc") == "asc" else count - i
            if mode == "checkin":
                run("meeting", "checkin", os.environ["MEETING"], str(seat))
            else:
                run("vote", "cast", os.environ["MOTION"], str(seat), "--choice", os.environ["CHOICE"])
        else:
            raise SystemExit(f"unknown mode {mode}")
    print(json.dumps(results, ensure_ascii=False))


def bulk(db: str, count: int) -> None:
    from sqlalchemy import insert

    from juwei.services import audit
    from juwei.services.scope import open_scope
    from juwei.storage.engine import open_store
    from juwei.storage.models import Member
    from juwei.storage.models.base import utcnow

    store = open_store(db)
    with open_scope(store, None, write=True) as sc:
        now = utcnow()
        rows = [{"community_id": sc.community_id, "name": f"导入{i}", "party_member": False, "created_at": now,
                 "updated_at": now} for i in range(count)]
        sc.session.execute(insert(Member), rows)
        from sqlalchemy import select

        new = sc.session.execute(select(Member.__table__).where(Member.name.like("导入%"))).mappings().all()
        audit.record_many(sc, "member.import", "member",
                          [{k: v for k, v in row.items()} for row in new])
        # JUWEI_TEST_PAUSE_IN_TRANSACTION holds the transaction open here, before the commit.
    store.dispose()
    print(json.dumps({"done": count}))


if __name__ == "__main__":
    main()
