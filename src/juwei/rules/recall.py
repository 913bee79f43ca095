"""Recall (罢免 / 撤换) of a committee member, as pure rules (S9, LAW.md).

S9 gives the residents' meeting the power to recall (撤换) committee members. The urban text found sets no
figures, so the profile's defaults are the village organic law's (LAW.md, marked unverified in
``juwei rules show``): a recall is proposed by one fifth or more of the voters or one third or more of the
representatives, and carried when more than half of the register votes and more than half of the ballots
returned are for. The ballots are counts, as in an election (``rules.elections``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from juwei.errors import ValidationError, named
from juwei.i18n import label, language, t
from juwei.rules.elections import Turnout, check_ballots, turnout
from juwei.rules.thresholds import Threshold


class RecallBasis(StrEnum):  # who proposes a recall (labels: kind "recall basis")
    VOTERS = "voters"  # 选民联名
    REPRESENTATIVES = "representatives"  # 居民代表联名


class RecallOutcome(StrEnum):  # how a recall ended (labels: kind "recall outcome"); none yet: open
    RECALLED = "recalled"  # 罢免通过
    REJECTED = "rejected"  # 未获通过: too few votes for
    NO_TURNOUT = "no-turnout"  # 未过半数投票: too few of the register voted


def outcome_of(result: RecallResult) -> RecallOutcome:
    """The outcome a counted vote gives: recalled, or why not."""
    if result.recalled:
        return RecallOutcome.RECALLED
    return RecallOutcome.REJECTED if result.turnout.ok else RecallOutcome.NO_TURNOUT


@dataclass(frozen=True)
class RecallRules:
    """The recall figures in force (rules keys ``recall_*``; village-law defaults, unverified)."""

    proposers_voters: Threshold  # 五分之一以上 of the voters
    proposers_representatives: Threshold  # 三分之一以上 of the representatives
    turnout: Threshold  # 过半数 of the register vote
    majority: Threshold  # 过半数 of the ballots returned are for

    @classmethod
    def of(cls, rules: Any) -> RecallRules:
        return cls(rules.recall_proposers_voters, rules.recall_proposers_representatives, rules.recall_turnout,
                   rules.recall_majority)

    def proposers_rule(self, basis: RecallBasis) -> Threshold:
        return self.proposers_representatives if basis == RecallBasis.REPRESENTATIVES else self.proposers_voters


@dataclass(frozen=True)
class RecallProposal:
    basis: RecallBasis
    base: int  # voters on the register, or representatives serving
    proposers: int
    required: int
    ok: bool


def recall_proposal(basis: RecallBasis, base: int, proposers: int, rules: RecallRules) -> RecallProposal:
    """LAW.md (village-law default): a recall is proposed by 五分之一以上 of the voters or 三分之一以上 of the
    representatives — inclusive: 8 of 40 voters suffice, 8 of 41 do not."""
    if proposers < 0 or base < 0:
        raise ValidationError(t("{option} must be 0 or more, not {value}", option=named("proposers"),
                                value=min(proposers, base)))
    rule = rules.proposers_rule(basis)
    return RecallProposal(basis, base, proposers, max(1, rule.minimum(base)),
                          proposers >= 1 and rule.met(proposers, base))


def check_recall_proposal(basis: RecallBasis, base: int, proposers: int, rules: RecallRules) -> RecallProposal:
    """Refuse a recall whose proposers fall short, naming the figures."""
    proposal = recall_proposal(basis, base, proposers, rules)
    if not proposal.ok:
        raise ValidationError(t("{proposers} proposers of {base} ({basis}); a recall needs at least {required} "
                                "({rule})", proposers=proposers, base=base, basis=label("recall basis", basis),
                                required=proposal.required, rule=rules.proposers_rule(basis).words(language())),
                              field="proposers")
    return proposal


def check_recall_count(issued: int, returned: int, votes_for: int, against: int, void: int) -> None:
    """A recall tally: no negative figure, returned ≤ issued (else the vote is void and held again), and
    for + against + void ≤ returned (the rest are blank: 弃权)."""
    check_ballots(issued=issued, returned=returned, votes_for=votes_for, against=against, void=void)
    if votes_for + against + void > returned:
        raise ValidationError(t("{counted} ballots counted ({votes_for} for, {against} against, {void} void) but "
                                "only {returned} returned", counted=votes_for + against + void,
                                votes_for=votes_for, against=against, void=void, returned=returned),
                              field="returned")


@dataclass(frozen=True)
class RecallResult:
    registered: int
    issued: int
    returned: int
    votes_for: int
    against: int
    void: int
    turnout: Turnout
    required: int  # the fewest votes for that recall
    recalled: bool

    def as_json(self) -> dict:
        return {"registered": self.registered, "issued": self.issued, "returned": self.returned,
                "for": self.votes_for, "against": self.against, "void": self.void,
                "turnout_ok": self.turnout.ok, "required_turnout": self.turnout.required,
                "required": self.required, "recalled": self.recalled}


def recall_result(registered: int, issued: int, returned: int, votes_for: int, against: int, void: int,
                  rules: RecallRules) -> RecallResult:
    """LAW.md (village-law default): recalled when 过半数 of the register voted and 过半数 of the ballots
    returned are for. A tie is not a pass."""
    check_recall_count(issued, returned, votes_for, against, void)
    share = turnout(registered, returned, rules.turnout)
    required = max(1, rules.majority.minimum(returned))
    recalled = share.ok and votes_for >= 1 and rules.majority.met(votes_for, returned)
    return RecallResult(registered, issued, returned, votes_for, against, void, share, required, recalled)
