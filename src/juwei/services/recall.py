"""Recall (罢免 / 撤换) of a committee member by the residents' meeting (S9, LAW.md).

A recall is opened against a member who holds a committee post, on the proposal of enough voters or
representatives (``rules.recall``: the base is counted from the roll on the day it is opened); the member's
statement (申辩) is recorded; the vote is counted as figures only — ballots issued, returned, for, against
and void — against the register on the count day. A recall that carries ends the post that day (reason
recalled), which records the S24 staff change the board owes, and a by-election is then due while the
register shows the seat empty.

Every write is one audited row. No table and no event names a proposer or a voter: they are counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from juwei.errors import JuweiError, NotFound, ValidationError, named
from juwei.i18n import label, speaking, t
from juwei.rules.codes import read_code
from juwei.rules.committee import EndReason, PostBody
from juwei.rules.due import DueItem
from juwei.rules.elections import ElectionKind, ElectionMethod
from juwei.rules.recall import (RecallBasis, RecallOutcome, RecallResult, RecallRules, check_recall_count,
                                check_recall_proposal, outcome_of, recall_result)
from juwei.services import audit
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models import Member, Post
from juwei.storage.models.recall import Recall

TEXT_LIMIT = 1000

# the roll a recall counts from: the voters (adults with political rights living here), or the representatives
BASIS_METHOD = {RecallBasis.VOTERS: ElectionMethod.VOTERS, RecallBasis.REPRESENTATIVES: ElectionMethod.REPRESENTATIVES}


def find_recall(scope: Scope, recall_id: int) -> Recall:
    found = scope.session.get(Recall, recall_id)
    if found is None or found.community_id != scope.community_id:
        raise NotFound(t("no recall {id} in this community", id=recall_id))
    return found


def recalls(scope: Scope) -> list[Recall]:
    return list(scope.session.exec(select(Recall).where(Recall.community_id == scope.community_id)
                                   .order_by(Recall.id)).all())


def register_size(scope: Scope, basis: RecallBasis, day: dt.date) -> int:
    """How many are on the roll the recall counts from on ``day``: the voters, or the representatives
    serving (S1, as an election's register is built)."""
    from juwei.services.elections import METHOD_BODY
    from juwei.services.meetings import build_roll

    return len(build_roll(scope, METHOD_BODY[BASIS_METHOD[RecallBasis(basis)]], day, rules_on(scope, day)))


def _clean(text: str | None, field: str) -> str:
    clean = " ".join((text or "").split())
    if not clean or len(clean) > TEXT_LIMIT:
        raise ValidationError(t("{field} is 1 to {n} characters", field=named(field), n=TEXT_LIMIT))
    return clean


def open_recall(scope: Scope, member_ref: str, *, proposers: int, basis: RecallBasis, reason: str) -> Recall:
    """S9: a recall of a member holding a committee post today, proposed by ``proposers`` of the voters or
    representatives on the roll today — at least the profile's share (LAW.md: 1/5 of the voters, 1/3 of the
    representatives, inclusive). One open recall per member."""
    from juwei.services.committee import held_by, serving_posts

    basis = read_code(RecallBasis, "recall basis", basis, "basis")
    reason = _clean(reason, "reason")
    day = scope.today
    member, held = held_by(scope, serving_posts(scope, PostBody.COMMITTEE, day), member_ref)
    if member is None or not held:
        who = t("member {id} ({name})", id=member.id, name=member.name) if member else member_ref
        raise JuweiError(t("{who} holds no committee post on {day}: only a committee member is recalled",
                           who=who, day=day))
    pending = next((r for r in recalls(scope) if r.member_id == member.id and r.outcome is None), None)
    if pending is not None:
        raise JuweiError(t("recall {id} of member {member} ({name}) is still open; count it first",
                           id=pending.id, member=member.id, name=member.name))
    base = register_size(scope, basis, day)
    if proposers > base:
        raise ValidationError(t("{option} {n} is more than the {base} on the roll ({basis}) on {day}",
                                option=named("proposers"), n=proposers, base=base,
                                basis=label("recall basis", basis), day=day), field="proposers")
    check_recall_proposal(basis, base, proposers, RecallRules.of(rules_on(scope, day)))
    recall = Recall(community_id=scope.community_id, member_id=member.id, post_id=held[0].id, basis=basis,
                    proposers=proposers, base=base, reason=reason, opened_on=day)
    scope.session.add(recall)
    audit.record_row(scope, "recall.open", "recall", recall)
    return recall


def _require_open(recall: Recall) -> None:
    if recall.outcome is not None:
        raise JuweiError(t("recall {id} was counted on {day}; its record is final", id=recall.id,
                           day=recall.counted_on))


def reply(scope: Scope, recall_id: int, text: str) -> Recall:
    """The member's statement (申辩), recorded on the day; given again before the count, it replaces the
    earlier one (the audit trail keeps both)."""
    recall = find_recall(scope, recall_id)
    _require_open(recall)
    before = audit.row_state(recall)
    recall.reply, recall.replied_on = _clean(text, "text"), scope.today
    scope.session.add(recall)
    audit.record_row(scope, "recall.reply", "recall", recall, before=before)
    return recall


@dataclass
class Counted:
    recall: Recall
    result: RecallResult
    post: Post | None  # the post the recall ended, when it carried
    warnings: list[str]  # what the committee's register shows after it (its size)


def count(scope: Scope, recall_id: int, *, issued: int, returned: int, votes_for: int, against: int,
          void: int) -> Counted:
    """The tellers' figures of the recall vote, counted today against the register of the day (voters, or
    representatives serving). Refused, with nothing written: a negative figure, more ballots returned than
    issued (the vote is void and held again), more counted than returned. A recall that carries ends the post
    today (reason recalled) and records the S24 staff change."""
    from juwei.services.committee import end_post

    recall = find_recall(scope, recall_id)
    _require_open(recall)
    check_recall_count(issued, returned, votes_for, against, void)
    day = scope.today
    if day < recall.opened_on:
        raise ValidationError(t("today ({today}) is before the recall was opened ({day})", today=day,
                                day=recall.opened_on))
    post = scope.session.get(Post, recall.post_id)
    if post is not None and post.ended_on is not None and post.ended_on < day:
        raise JuweiError(t("the post recall {id} targets already ended on {day} ({reason}): there is nothing "
                           "to recall", id=recall.id, day=post.ended_on, reason=label("end reason", post.end_reason)))
    registered = register_size(scope, RecallBasis(recall.basis), day)
    result = recall_result(registered, issued, returned, votes_for, against, void,
                           RecallRules.of(rules_on(scope, day)))
    before = audit.row_state(recall)
    recall.registered, recall.issued, recall.returned = registered, issued, returned
    recall.votes_for, recall.against, recall.void = votes_for, against, void
    recall.counted_on, recall.outcome = day, outcome_of(result)
    ended, warnings = None, []
    if result.recalled:
        member = scope.session.get(Member, recall.member_id)
        with speaking(scope.community.locale):  # the note is the public reason on the board (S24)
            note = t("recalled by vote on {day} ({n} of {returned} ballots for)", day=day, n=votes_for,
                     returned=returned)
        ended, warnings = end_post(scope, PostBody.COMMITTEE, str(member.id), on=day, reason=EndReason.RECALLED,
                                   note=note)
        recall.post_ended_on = ended.ended_on
    scope.session.add(recall)
    audit.record_row(scope, "recall.count", "recall", recall, before=before)
    return Counted(recall, result, ended, warnings)


def result(scope: Scope, recall_id: int) -> RecallResult:
    """The counted vote by the rules in force on its day (refused before the count)."""
    recall = find_recall(scope, recall_id)
    if recall.outcome is None:
        raise JuweiError(t("recall {id} has not been counted yet: `juwei recall count {id} …`", id=recall.id))
    return recall_result(recall.registered, recall.issued, recall.returned, recall.votes_for, recall.against,
                         recall.void, RecallRules.of(rules_on(scope, recall.counted_on)))


@dataclass
class RecallInfo:
    id: int
    member: int
    name: str
    post: str  # rules.committee.CommitteeRole
    post_id: int
    basis: str
    proposers: int
    base: int
    reason: str
    opened_on: dt.date
    reply: str | None
    replied_on: dt.date | None
    registered: int | None
    issued: int | None
    returned: int | None
    votes_for: int | None
    against: int | None
    void: int | None
    counted_on: dt.date | None
    outcome: str | None
    post_ended_on: dt.date | None


def _info(recall: Recall, name: str, role: str) -> RecallInfo:
    return RecallInfo(recall.id, recall.member_id, name, role, recall.post_id, recall.basis, recall.proposers,
                      recall.base, recall.reason, recall.opened_on, recall.reply, recall.replied_on,
                      recall.registered, recall.issued, recall.returned, recall.votes_for, recall.against,
                      recall.void, recall.counted_on, recall.outcome, recall.post_ended_on)


def list_recalls(scope: Scope) -> list[RecallInfo]:
    """Every recall, the oldest first, with the member's name and the post it targets."""
    rows = scope.session.exec(select(Recall, Member.name, Post.role)
                              .join(Member, Recall.member_id == Member.id)
                              .join(Post, Recall.post_id == Post.id)
                              .where(Recall.community_id == scope.community_id)
                              .order_by(Recall.id)).all()
    return [_info(recall, name, role) for recall, name, role in rows]


def recall_info(scope: Scope, recall_id: int) -> RecallInfo:
    recall = find_recall(scope, recall_id)
    return next(r for r in list_recalls(scope) if r.id == recall.id)


# ---------------------------------------------------------------- what is due

def _by_election_since(scope: Scope, day: dt.date) -> bool:
    """A by-election opened for a polling day on or after ``day``."""
    from juwei.storage.models.elections import Election

    return scope.session.exec(select(Election.id).where(Election.community_id == scope.community_id,
                                                        Election.kind == ElectionKind.BY_ELECTION,
                                                        Election.day >= day)).first() is not None


def due_items(scope: Scope, on: dt.date) -> list[DueItem]:
    """An open recall owes the member's statement (申辩) and the vote's count; a recall that carried makes a
    by-election due (S9) while the register shows a vacancy, until one is opened for a day on or after the
    count."""
    from collections import Counter

    from juwei.rules.committee import CommitteeRole
    from juwei.rules.elections import vacancies
    from juwei.services.committee import serving_posts

    items: list[DueItem] = []
    carried = []
    for recall in recalls(scope):
        if recall.opened_on > on:
            continue
        if recall.outcome is None:
            if recall.reply is None:
                items.append(DueItem("S9", "recall", f"recall:{recall.id}:reply",
                                     t("recall {id}: record the member's statement (申辩)", id=recall.id), None,
                                     False, f"juwei recall reply {recall.id} --text TEXT"))
            items.append(DueItem("S9", "recall", f"recall:{recall.id}:count",
                                 t("recall {id}: record the count of the vote", id=recall.id), None, False,
                                 f"juwei recall count {recall.id} --issued N --returned N --for N --against N "
                                 "--void N"))
        elif recall.outcome == RecallOutcome.RECALLED and recall.counted_on <= on:
            carried.append(recall)
    for recall in carried:
        # the post is held on its last day (the count day): the seat is empty from the day after
        day = max(on, recall.counted_on + dt.timedelta(days=1))
        serving = Counter(CommitteeRole(row.role) for row in serving_posts(scope, PostBody.COMMITTEE, day))
        if vacancies(serving, rules_on(scope, day).committee_size_min) and \
                not _by_election_since(scope, recall.counted_on):
            items.append(DueItem("S9", "recall", f"recall:{recall.id}:by-election",
                                 t("recall {id} carried on {day}: fill the seat by a by-election", id=recall.id,
                                   day=recall.counted_on), None, False,
                                 "juwei election open --kind by-election --day DATE --method voters"))
    return items
