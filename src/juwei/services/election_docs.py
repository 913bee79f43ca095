"""What an election's public documents print, gathered into plain contexts for the templates (S9, LAW.md).

The election committee (居民选举委员会) of the community puts these on the board: the voter register (选民名单),
the proxies (委托投票名单), the candidates (候选人名单), the ballot paper (选票), the result report of each
counted round (选举结果报告单) and the announcement of the elected (当选公告). Every figure comes from the
elections services and the rules the election was opened with (``elections.election_rules``), never today's.

Like the meeting documents (:mod:`juwei.services.documents`) a context holds only plain values, and only
what is public: names and residents' groups, never an ID number, birth date, phone or address; an objection
to the register shows as the list it left, never as a person's reason. Codes are given as codes and named in
the document's language through ``label`` (the templates' ``label`` filter, or here for prose).

Context fields (docs/documents.md): ``doc``, ``lang``, ``community`` {name, code, committee,
election_committee}, ``rules`` {source_title, rule, voter_list_days, proxy_max, candidate_margin,
turnout_words, majority_words, runoff_words, committee_term_years}, ``election`` {id,
kind, method, day, status, urgent_reason, seats [{post, seats}]}, ``dated``; then by document: ``groups``
[{name, voters [{number, name}]}] and ``registered`` (voters); ``proxies`` [{number, giver, holder}]
(proxies); ``posts`` [{post, seats, candidates [name]}] (candidates, ballot; the ballot's also ``blanks``);
``rounds`` [{number, kind, counted_on, registered, issued, returned, void, valid, turnout {required, ok,
words}, win_words, posts [{post, seats, required, rows [{name, votes, written_in, elected, tied}], elected
[name], tied [name], tied_seats, unfilled, next {kind, seats, candidates [name], rule} or None}]}] (report);
``elected`` [{post, people [{name, votes, round}]}] and ``term`` {general, years, end} (announcement).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from sqlmodel import select

from juwei.errors import JuweiError
from juwei.i18n import t
from juwei.render import ELECTION_DOCUMENTS, LANGUAGES
from juwei.rules.committee import CommitteeRole
from juwei.rules.elections import POSTS, Elected, ElectionKind, ElectionMethod, ElectionRules
from juwei.rules.elections import ElectionStatus, ranked
from juwei.rules.strokes import stroke_sorted
from juwei.services import elections
from juwei.services.documents import check_choice, committee_name, source_title
from juwei.services.scope import Scope
from juwei.storage.models import Member
from juwei.storage.models.elections import Election, ElectionTally


def election_committee_name(community_name: str, lang: str) -> str:
    """东城社区 → 东城社区居民选举委员会; in English, "Election Committee of 东城社区"."""
    if lang != "zh_CN":
        return f"Election Committee of {community_name}"
    return community_name + ("居民选举委员会" if community_name.endswith("社区") else "社区居民选举委员会")


def _names(scope: Scope, ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(scope.session.exec(select(Member.id, Member.name).where(Member.community_id == scope.community_id,
                                                                        Member.id.in_(ids))).all())


# ---------------------------------------------------------------- what the state allows

def refusal(scope: Scope, election: Election, doc: str) -> str | None:
    """Why ``doc`` cannot be printed for this election yet, or None when it can."""
    eid = election.id
    if doc == "voters" and not elections.voters(scope, eid, removed=True):
        return t("election {id} has no voter register yet: take it with `juwei election voters {id}`", id=eid)
    if doc in ("candidates", "ballot") and not elections.candidates(scope, eid):
        return t("election {id} has no candidates yet: record them with `juwei election candidate {id} MEMBER "
                 "--post POST`", id=eid)
    if doc == "ballot" and election.status == ElectionStatus.CLOSED:
        return t("election {id} is closed; there are no ballots to print", id=eid)
    if doc in ("report", "announcement") and not any(r.counted_on for r in elections.rounds(scope, election)):
        return t("election {id} has no counted round yet: record the tellers' tally with `juwei election count "
                 "{id}`", id=eid)
    if doc == "announcement" and not elected_in(scope, election):
        return t("no one has been elected in election {id} yet, so there is no one to announce", id=eid)
    return None


# ---------------------------------------------------------------- the context

def context(scope: Scope, election_id: int, doc: str, lang: str | None = None,
            round_no: int | None = None) -> dict[str, Any]:
    """The plain context for ``doc`` of election ``election_id`` in ``lang`` (default: the community's
    locale). Raises JuweiError when the election's state does not allow the document yet (:func:`refusal`);
    the ballot is refused while a post has too few candidates (差额). The ballot is the round to be counted
    next unless ``round_no`` names another (a round already held, to print again)."""
    check_choice(doc, ELECTION_DOCUMENTS, "doc")
    lang = check_choice(lang or scope.community.locale, LANGUAGES, "lang")
    election = elections.find_election(scope, election_id)
    why = refusal(scope, election, doc)
    if why:
        raise JuweiError(why)
    data = _common(scope, election, doc, lang)
    if doc == "ballot":
        data.update(_ballot(scope, election, lang, round_no))
    else:
        data.update(BUILDERS[doc](scope, election, lang))
    return data


def _common(scope: Scope, election: Election, doc: str, lang: str) -> dict[str, Any]:
    profile = elections.election_rules(election)
    figures = ElectionRules.of(profile)
    method = ElectionMethod(election.method)
    published = [p.published_on for p in elections.publications(scope, election.id) if p.doc == doc]
    return {
        "doc": doc,
        "lang": lang,
        "community": {"name": scope.community.name, "code": scope.community.code,
                      "committee": committee_name(scope.community.name, lang),
                      "election_committee": election_committee_name(scope.community.name, lang)},
        "rules": {"source_title": source_title(profile, lang), "rule": "S9",
                  "voter_list_days": figures.voter_list_days, "proxy_max": figures.proxy_max,
                  "candidate_margin": figures.candidate_margin,
                  "turnout_words": figures.turnout_rule(method).words(lang),
                  "majority_words": figures.majority.words(lang), "runoff_words": figures.runoff_share.words(lang),
                  "committee_term_years": profile.committee_term_years},
        "election": {"id": election.id, "kind": election.kind, "method": election.method, "day": election.day,
                     "status": election.status, "urgent_reason": election.urgent_reason,
                     "seats": [{"post": str(post), "seats": n} for post, n in elections.seats_of(election).items()]},
        # the day the document went up, when recorded (`election publish`); else the day it is printed
        "dated": published[0] if published else scope.today,
    }


def _voters(scope: Scope, election: Election, lang: str) -> dict[str, Any]:
    """The register as it stands (objections applied), in number order, grouped by residents' group in the
    order the groups first appear: number and name only."""
    groups: dict[str, list[dict[str, Any]]] = {}
    rows = elections.voters(scope, election.id)
    # a household's row has no name until its 户代表 is designated (S1 b)
    unnamed = "（户代表）" if lang == "zh_CN" else "(household representative)"
    for v in rows:
        groups.setdefault(v.group_name or "", []).append({"number": v.number, "name": v.name or unnamed})
    return {"groups": [{"name": name, "voters": people} for name, people in groups.items()],
            "registered": len(rows)}


def _proxies(scope: Scope, election: Election, lang: str) -> dict[str, Any]:
    rows = elections.proxies(scope, election.id)
    names = _names(scope, [i for p in rows for i in (p.giver_id, p.holder_id)])
    return {"proxies": [{"number": n, "giver": names.get(p.giver_id, ""), "holder": names.get(p.holder_id, "")}
                        for n, p in enumerate(rows, 1)]}


def _standing(scope: Scope, election: Election) -> dict[CommitteeRole, list[str]]:
    """The candidates' names by post."""
    rows = elections.candidates(scope, election.id)
    names = _names(scope, [c.member_id for c in rows])
    by_post: dict[CommitteeRole, list[str]] = {}
    for c in rows:
        by_post.setdefault(CommitteeRole(c.post), []).append(names.get(c.member_id, ""))
    return by_post


def _candidates(scope: Scope, election: Election, lang: str) -> dict[str, Any]:
    return {"posts": ballot_posts(elections.seats_of(election), _standing(scope, election))}


def ballot_posts(seats: Mapping[CommitteeRole, int], candidates: Mapping[CommitteeRole, list[str]]) -> list[dict]:
    """Each post with seats, director first: its seats, its candidates in stroke order of the name
    (姓氏笔画为序, LAW.md) and one blank line per seat for another person (另选他人). The ballot of any round
    is built from its seats and its candidates by post."""
    return [{"post": str(post), "seats": seats[post], "candidates": stroke_sorted(candidates.get(post, [])),
             "blanks": seats[post]}
            for post in POSTS if seats.get(post, 0) > 0]


def _ballot(scope: Scope, election: Election, lang: str, number: int | None = None) -> dict[str, Any]:
    """The ballot of the round to be counted — the first (refused while a post has too few candidates, 差额),
    one held again after a failed turnout, or a further round opened with `election round` — or of the
    round ``number`` already held. A vote between the tied has no line for another person."""
    from juwei.errors import NotFound
    from juwei.rules.elections import NextKind
    from juwei.services import election_count

    held = {row.number: row for row in elections.rounds(scope, election)}
    if number in held:
        plan = election_count.plan_of(held[number])
    else:
        pending = election_count.pending_round(scope, election)
        if number is not None and number != pending.number:
            raise NotFound(t("election {id} has no round {n}", id=election.id, n=number))
        number, plan = pending.number, pending.plan
    seats = {post: rp.seats for post, rp in plan.items()}
    if number == 1:
        elections.check_ballot(scope, election, seats)
    ids = election_count.standing(scope, election, plan)
    names = _names(scope, [m for people in ids.values() for m in people])
    posts = ballot_posts(seats, {post: [names.get(m, "") for m in people] for post, people in ids.items()})
    for post in posts:
        if plan[CommitteeRole(post["post"])].why == NextKind.TIE:
            post["blanks"] = 0  # 就票数相等的候选人再次投票: the tied only
    return {"posts": posts, "round": number, "writein": any(p["blanks"] for p in posts)}


def _report(scope: Scope, election: Election, lang: str) -> dict[str, Any]:
    from juwei.services.election_count import result

    figures = ElectionRules.of(elections.election_rules(election))
    method = ElectionMethod(election.method)
    from juwei.services.election_count import counted, plan_of, standing as round_standing

    rounds = []
    for row in counted(scope, election):
        outcome = result(scope, election.id, row.number)
        standing = {(str(post), m) for post, people in round_standing(scope, election, plan_of(row)).items()
                    for m in people}
        tally = scope.session.exec(select(ElectionTally).where(ElectionTally.round_id == row.id)
                                   .order_by(ElectionTally.id)).all()
        names = _names(scope, {x.member_id for x in tally} | {p for n in outcome.next for p in n.candidates})
        posts = []
        for post in outcome.posts:
            votes = {x.member_id: x.votes for x in tally if x.post == post.post}
            order = stroke_sorted(votes, lambda m: names.get(m, ""))  # equal votes: stroke order
            elected = {e.person for e in post.elected}
            posts.append({
                "post": str(post.post), "seats": post.seats, "required": post.required,
                "win_words": figures.win_rule(post.rule).words(lang),
                "rows": [{"name": names.get(m, ""), "votes": n, "written_in": (str(post.post), m) not in standing,
                          "elected": m in elected, "tied": m in post.tied}
                         for m, n in ranked({m: votes[m] for m in order})],
                "elected": [names.get(e.person, "") for e in post.elected],
                "tied": stroke_sorted(names.get(m, "") for m in post.tied), "tied_seats": post.tied_seats,
                "unfilled": post.unfilled,
                "next": None if post.next is None else {
                    "kind": str(post.next.kind), "seats": post.next.seats, "rule": str(post.next.rule),
                    "candidates": stroke_sorted(names.get(m, "") for m in post.next.candidates),
                    "rule_words": figures.win_rule(post.next.rule).words(lang)},
            })
        rounds.append({
            "number": row.number, "kind": row.kind, "counted_on": row.counted_on,
            "registered": outcome.registered, "issued": outcome.issued, "returned": outcome.returned,
            "void": outcome.void, "valid": outcome.valid,
            "turnout": {"required": outcome.turnout.required, "ok": outcome.turnout_ok,
                        "words": figures.turnout_rule(method).words(lang)},
            # one share for every post, or None when the posts of a further round need different ones
            "win_words": posts[0]["win_words"] if len({p["win_words"] for p in posts}) == 1 else None,
            "posts": posts,
        })
    return {"rounds": rounds}


def elected_in(scope: Scope, election: Election) -> list[tuple[int, Elected]]:
    """Everyone elected so far, with the round that elected them: (round number, Elected), round by round."""
    from juwei.services.election_count import elected_so_far

    return elected_so_far(scope, election)


def _announcement(scope: Scope, election: Election, lang: str) -> dict[str, Any]:
    from juwei.services.committee import term_on

    chosen = elected_in(scope, election)
    names = _names(scope, [e.person for _, e in chosen])
    by_post = {post: [{"name": names.get(e.person, ""), "votes": e.votes, "round": number}
                      for number, e in chosen if e.post == post] for post in POSTS}
    general = election.kind == ElectionKind.GENERAL
    term = None if general else term_on(scope, election.day)
    return {"elected": [{"post": str(post), "people": people} for post, people in by_post.items() if people],
            "term": {"general": general, "years": elections.election_rules(election).committee_term_years,
                     "end": term.end if term is not None else None}}


BUILDERS: dict[str, Callable[..., dict[str, Any]]] = {
    "voters": _voters, "proxies": _proxies, "candidates": _candidates, "ballot": _ballot, "report": _report,
    "announcement": _announcement,
}
