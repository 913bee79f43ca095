"""The audit trail: every write appends an event saying who did what, when, before and after.

The events form a hash chain, and ``verify`` also compares every current row of every table with the
after-state of its latest event, so a row edited, deleted or inserted behind juwei's back is named too.
One idea per module:

- ``states``: a row's state as the trail keeps it (canonical values, one JSON encoder) and comparing states;
- ``kinds``: :class:`EventKind` and :func:`classify`, the one place that tells what an event is about;
- ``chain``: an event's digest and appending events (:func:`record`, :func:`record_row`, :func:`record_many`);
- ``fingerprints``: set events and row digests for bulk writes (:func:`record_set`);
- ``reconcile``: the commit-time check that records every row a transaction wrote without an event;
- ``verify``: walking the chain and comparing every row (``juwei audit verify``, ``juwei db check``);
- ``seal``: seals to post on the board or print on minutes;
- ``closed``: a closed meeting's final record;
- ``log``: reading the history (``juwei audit log``).

Services write through this package's names (``audit.record_row(scope, …)``); ``verify``, ``seal`` and
``closed`` are imported where they are used, as modules.
"""

from juwei.services.audit.chain import (GENESIS, UNAUDITED_TABLES, event_digest, record, record_many,
                                        record_row)
from juwei.services.audit.fingerprints import (SET_THRESHOLD, changed_columns, record_set, row_digest,
                                               row_fingerprint)
from juwei.services.audit.kinds import EventKind, classify, event_kind, is_row_state
from juwei.services.audit.log import LogEntry, history
from juwei.services.audit import reconcile as _reconcile  # noqa: F401  (registers the commit-time check)
from juwei.services.audit.states import TOLERATED_MISSING, differences, row_state
from juwei.services.audit.states import _ENCODER, _plain  # noqa: F401  (what the tamper tests re-encode with)

__all__ = ["GENESIS", "SET_THRESHOLD", "TOLERATED_MISSING", "UNAUDITED_TABLES", "EventKind", "LogEntry",
           "changed_columns", "classify", "differences", "event_digest", "event_kind", "history",
           "is_row_state", "record", "record_many", "record_row", "record_set", "row_digest",
           "row_fingerprint", "row_state"]
