"""Voided rows (作废): a household or resident entered by mistake stays in the database for the audit trail
and is gone from everything else — every list, body, roll and count.

One filter does it: every ORM SELECT a session runs that names :class:`Member` or :class:`Household` (as the
entity, a column, a join or a count's ``select_from``) gets ``voided_on IS NULL`` added, whatever service
runs it. Two things see voided rows: a statement run with ``execution_options(include_voided=True)`` (voiding
itself, the ID-number and household-number checks that would collide with a voided row, the importer's
lookups), and Core statements on a table object (``Member.__table__``), which the audit trail's own checks
use. The roll of a meeting is read with Core on the connection, so its clause (``juwei.services.meetings``)
names ``voided_on`` itself.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

INCLUDE_VOIDED = "include_voided"


def _leave_out_voided(state: ORMExecuteState) -> None:
    if not state.is_select or state.execution_options.get(INCLUDE_VOIDED, False):
        return
    from juwei.storage.models.roster import Household, Member

    state.statement = state.statement.options(
        with_loader_criteria(Member, Member.voided_on.is_(None), include_aliases=True),
        with_loader_criteria(Household, Household.voided_on.is_(None), include_aliases=True))


def install() -> None:
    """Listen on every session (idempotent)."""
    if not event.contains(Session, "do_orm_execute", _leave_out_voided):
        event.listen(Session, "do_orm_execute", _leave_out_voided)
