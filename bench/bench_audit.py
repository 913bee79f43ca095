"""The audit chain's cost on bulk writes and on verify, as ratios against anchors measured in the same run.

Anchor: inserting N member rows through SQLAlchemy Core in one executemany (what an import does anyway).
Measured: appending N chained audit events with audit.record_many (hashing in Python, one executemany),
and `audit verify` over the result (walk the chain, compare every row). Usage: python bench/bench_audit.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from juwei.services import audit
from juwei.services.audit import verify as audit_verify
from juwei.services.community import create_community
from juwei.services.scope import open_scope
from juwei.storage.engine import create_store
from juwei.storage.models import Member
from juwei.storage.models.base import utcnow


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = create_store(str(Path(tmp) / "bench.db"))
        with store.write() as session:
            create_community(session, name="基准社区", code="b", profile="seed")
        with open_scope(store, None, write=True) as sc:
            now = utcnow()
            rows = [{"community_id": sc.community_id, "name": f"居民{i}", "party_member": False,
                     "phone": f"139{i:08d}", "birth_date": None, "created_at": now, "updated_at": now}
                    for i in range(n)]
            start = time.perf_counter()
            sc.session.execute(insert(Member), rows)
            anchor = time.perf_counter() - start
            states = [dict(r) for r in sc.session.execute(select(Member.__table__)).mappings()]
            start = time.perf_counter()
            audit.record_many(sc, "member.import", "member", states)
            chained = time.perf_counter() - start
            start = time.perf_counter()
        committed = time.perf_counter() - start  # the commit-time check finds every row recorded
        with open_scope(store, None, write=True) as sc:  # a bulk write that records nothing itself
            rows = [{"community_id": sc.community_id, "name": f"补录{i}", "party_member": False,
                     "created_at": now, "updated_at": now} for i in range(n)]
            sc.session.execute(insert(Member), rows)
            start = time.perf_counter()
        caught = time.perf_counter() - start  # the commit-time check records every row itself
        start = time.perf_counter()
        with store.read() as session:
            report = audit_verify.verify(session)
        verify = time.perf_counter() - start
        assert report.ok, report.problems[:3]
        store.dispose()
    print(f"rows: {n}")
    print(f"anchor  insert {n} members (Core executemany): {anchor:.2f} s")
    print(f"record_many {n} chained events: {chained:.2f} s  = {chained / anchor:.2f} × anchor")
    print(f"commit after record_many (check finds all {n} recorded): {committed:.2f} s  = "
          f"{committed / anchor:.2f} × anchor")
    print(f"commit after an unrecorded bulk insert of {n} (check records them): {caught:.2f} s  = "
          f"{caught / anchor:.2f} × anchor")
    print(f"audit verify of {2 * n} rows (chain + every row): {verify:.2f} s  = {verify / anchor:.2f} × anchor")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 100_000)
