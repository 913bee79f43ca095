"""The elected take their posts (S9): closing an election writes the result into the committee register.

From the day the election closes, each person elected in any round holds the post they were elected to,
linked to the election. A general election (换届选举) begins a new term of the committee: the previous term's
posts still held end the day before, with reason term-ended. Each post taken or ended is a staff change the
board must show (S24), and the announcement of the result (当选公告) is owed to the board until its
publication is recorded (``juwei election publish E --doc announcement``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from juwei.errors import JuweiError, ValidationError
from juwei.i18n import label, t
from juwei.rules.committee import EndReason, PostBody
from juwei.rules.elections import POSTS, ElectionKind, ElectionStatus
from juwei.services import audit, committee, election_count, elections
from juwei.services.scope import Scope
from juwei.storage.models import Post
from juwei.storage.models.elections import Election


@dataclass
class Closed:
    election: Election
    taken: list[committee.Appointment]  # the elected, director first
    ended: list[Post]  # a general election: the previous term's posts ended the day before
    unfilled: dict[str, int] = field(default_factory=dict)  # seats left vacant, by post
    warnings: list[str] = field(default_factory=list)


def close(scope: Scope, election_id: int, *, on: dt.date | None = None,
          leave_vacant: str | None = None) -> Closed:
    """Close an election whose every seat is filled (or, with ``leave_vacant``, kept on the record, one whose
    further rounds filled no more): the elected take their posts from ``on`` (default today, not before
    polling day)."""
    election = elections.find_election(scope, election_id)
    elections.require_open(election)
    outcome = election_count.outcome(scope, election.id)
    day = on or scope.today
    if day < election.day:
        raise ValidationError(t("the elected cannot take their posts ({day}) before polling day ({polling})",
                                day=day, polling=election.day), field="on")
    if outcome.opened is not None:
        raise JuweiError(t("round {n} of election {id} is open and not counted yet", n=outcome.opened,
                           id=election.id))
    unfilled = {}
    if not outcome.complete:
        unfilled = {str(n.post): n.seats for n in outcome.latest.next}
        if leave_vacant is None:
            raise JuweiError(t("election {id} has seats left for a further round ({seats}): hold it with `juwei "
                               "election round {id}`, or close with {option} REASON", id=election.id,
                               seats=t(", ").join(t("{post} {n}", post=label("committee post", p), n=n)
                                                  for p, n in unfilled.items()),
                               option="--leave-vacant"))
    if not outcome.elected:
        raise JuweiError(t("nobody is elected in election {id}; there is nothing to close", id=election.id))
    before = audit.row_state(election)
    ended: list[Post] = []
    if election.kind == ElectionKind.GENERAL:
        ended = _end_previous_term(scope, day)
        if not any(term.start == day for term in committee.terms(scope)):
            committee.record_term(scope, start=day)
    taken = []
    for post in POSTS:
        for _, won in outcome.elected:
            if won.post == post:
                appointment = committee.add_committee(scope, str(won.person), role=post, start=day,
                                                      election_id=election.id)
                committee.elected_change(scope, appointment.post, election.id)
                taken.append(appointment)
    election.status = ElectionStatus.CLOSED
    election.closed_on = day
    if leave_vacant is not None and unfilled:
        election.vacant_reason = elections.clean_reason(leave_vacant, "leave_vacant")
    scope.session.add(election)
    audit.record_row(scope, "election.close", "election", election, before=before)
    return Closed(election, taken, ended, unfilled, committee.committee_warnings(scope, day))


def _end_previous_term(scope: Scope, day: dt.date) -> list[Post]:
    """A new term begins on ``day``: the committee posts held the day before and still running end then."""
    last = day - dt.timedelta(days=1)
    ended = []
    for row in committee.serving_posts(scope, PostBody.COMMITTEE, last):
        if row.term_end is None or row.term_end >= day:
            post, _ = committee.end_post(scope, PostBody.COMMITTEE, str(row.member_id), on=last,
                                         reason=EndReason.TERM_ENDED)
            ended.append(post)
    return ended
