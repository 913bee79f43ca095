"""Elections through the services, up to the count: opening (a by-election only for vacancies), the election
committee, the voter register by method and its objections, publication, proxies, candidates (差额), and a
round counted as figures only. A refusal writes nothing: every call runs in its own transaction here, as a
command does, and the tables are compared before and after."""

from __future__ import annotations

import datetime as dt

import pytest

from juwei.errors import JuweiError, ValidationError
from juwei.rules.committee import CommitteeRole, OrgRole
from juwei.rules.elections import ElectionDoc, ElectionKind, ElectionMethod
from juwei.services import election_count, elections
from juwei.services.scope import open_scope
from juwei.storage.engine import open_store
from tests.conftest import table_snapshot

TODAY = dt.date(2026, 6, 1)
DAY = dt.date(2026, 7, 1)  # polling day, 30 days on
D, M = CommitteeRole.DIRECTOR, CommitteeRole.MEMBER


class Db:
    """Runs a service call in one write transaction, as a command does (rolled back when it raises)."""

    def __init__(self, path: str):
        self.path = path

    def __call__(self, fn, *args, **kw):
        store = open_store(self.path)
        try:
            with open_scope(store, None, write=True) as sc:
                return fn(sc, *args, **kw)
        finally:
            store.dispose()

    def refuses(self, error, fn, *args, **kw) -> str:
        before = table_snapshot(self.path)
        with pytest.raises(error) as caught:
            self(fn, *args, **kw)
        assert table_snapshot(self.path) == before
        return str(caught.value)


@pytest.fixture
def town(community, monkeypatch):
    """Two groups, four households, twelve adults (one deprived of political rights on polling day, one a
    minor, one who moved away), and each household's 户代表 for the first two."""
    monkeypatch.setenv("JUWEI_TODAY", TODAY.isoformat())
    from juwei.services import roster

    db = Db(community.db)

    def build(sc):
        ids = {}
        for g in ("一组", "二组"):
            roster.add_group(sc, g)
        for n, g in (("101", "一组"), ("102", "一组"), ("201", "二组"), ("202", "二组")):
            roster.add_household(sc, n, group=g)
        people = [("丁一", "101"), ("万二", "101"), ("于三", "102"), ("马四", "102"), ("王五", "201"),
                  ("白六", "201"), ("刘七", "202"), ("张八", "202"), ("李九", "101"), ("陈十", "102")]
        for name, household in people:
            ids[name] = roster.add_member(sc, {"name": name, "birth_date": "1970-01-01"}, household=household).id
        ids["minor"] = roster.add_member(sc, {"name": "小明", "birth_date": "2015-01-01"}, household="101").id
        ids["deprived"] = roster.add_member(sc, {"name": "赵犯", "birth_date": "1970-01-01",
                                                 "rights_deprived_from": "2026-01-01",
                                                 "rights_deprived_until": "2027-12-31"}, household="201").id
        ids["leaving"] = roster.add_member(sc, {"name": "钱走", "birth_date": "1970-01-01"}, household="202").id
        roster.member_leaves(sc, str(ids["leaving"]), dt.date(2026, 5, 20))
        roster.set_household_representative(sc, "101", str(ids["丁一"]))
        roster.set_household_representative(sc, "102", str(ids["于三"]))
        return ids

    db.ids = db(build)
    return db


def general(db, method=ElectionMethod.VOTERS, **kw):
    return db(lambda sc: elections.open_election(sc, kind=ElectionKind.GENERAL, method=method, day=DAY, **kw).id)


def test_a_general_election_fills_the_committee_and_one_is_open_at_a_time(town):
    eid = general(town)
    e = town(lambda sc: elections.find_election(sc, eid))
    assert (e.seats_director, e.seats_deputy, e.seats_member, e.status) == (1, 0, 4, "open")
    assert "still open" in town.refuses(JuweiError, elections.open_election, kind=ElectionKind.GENERAL,
                                        method=ElectionMethod.VOTERS, day=DAY)


def test_a_general_election_checks_its_seats(town):
    msg = town.refuses(ValidationError, elections.open_election, kind=ElectionKind.GENERAL,
                       method=ElectionMethod.VOTERS, day=DAY, seats={D: 1, M: 9})
    assert "5 to 9" in msg


def test_a_by_election_is_refused_without_a_vacancy_and_fills_the_vacancies(town):
    from juwei.services import committee

    def seat_committee(sc, n):
        names = ["丁一", "万二", "于三", "马四", "王五"][:n]
        for i, name in enumerate(names):
            committee.add_committee(sc, str(town.ids[name]), role=D if i == 0 else M, start=dt.date(2025, 1, 1))

    town(seat_committee, 5)
    assert "no vacancy" in town.refuses(JuweiError, elections.open_election, kind=ElectionKind.BY_ELECTION,
                                        method=ElectionMethod.VOTERS, day=DAY)
    town(lambda sc: committee.end_post(sc, committee.PostBody.COMMITTEE, str(town.ids["王五"]),
                                       on=dt.date(2026, 5, 1), reason=committee.EndReason.MOVED_OUT))
    eid = town(lambda sc: elections.open_election(sc, kind=ElectionKind.BY_ELECTION, method=ElectionMethod.VOTERS,
                                                  day=DAY).id)
    e = town(lambda sc: elections.find_election(sc, eid))
    assert (e.seats_director, e.seats_member, e.kind) == (0, 1, "by-election")


def test_the_register_by_method(town):
    ids = town.ids
    eid = general(town)
    register = town(lambda sc: [(v.number, v.member_id) for v in elections.build_register(sc, eid)])
    on = {member for _, member in register}
    assert on == {ids[n] for n in ("丁一", "万二", "于三", "马四", "王五", "白六", "刘七", "张八", "李九", "陈十")}
    assert [n for n, _ in register] == list(range(1, 11))
    assert "already taken" in town.refuses(JuweiError, elections.build_register, eid)


def test_the_households_register_has_one_row_per_household(community, town):
    eid = general(town, ElectionMethod.HOUSEHOLDS)
    register = town(lambda sc: [(v.household_number, v.member_id) for v in elections.build_register(sc, eid)])
    assert sorted(register, key=repr) == sorted([("101", town.ids["丁一"]), ("102", town.ids["于三"]),
                                                 ("201", None), ("202", None)], key=repr)


def test_the_representatives_register_is_those_serving(community, town):
    community.ok("rep", "add", str(town.ids["丁一"]), "--group", "一组", "--from", "2025-01-01")
    community.ok("rep", "add", str(town.ids["王五"]), "--group", "二组", "--from", "2025-01-01")
    eid = general(town, ElectionMethod.REPRESENTATIVES)
    register = town(lambda sc: {v.member_id for v in elections.build_register(sc, eid)})
    assert register == {town.ids["丁一"], town.ids["王五"]}


def test_objections_add_and_remove_with_their_reasons(town):
    ids = town.ids
    eid = general(town)
    town(elections.build_register, eid)
    assert "reason" in town.refuses(ValidationError, elections.remove_voter, eid, str(ids["李九"]), reason=" ")
    town(elections.remove_voter, eid, str(ids["李九"]), reason="户籍已迁出，核实后除名")
    assert "not on the voter register" in town.refuses(JuweiError, elections.remove_voter, eid, str(ids["李九"]),
                                                       reason="再次")
    added = town(lambda sc: elections.add_voter(sc, eid, str(ids["李九"]), reason="异议成立，恢复").number)
    assert added == 11
    rows = town(lambda sc: [(v.member_id, v.removed_reason, v.added_reason)
                            for v in elections.voters(sc, eid, removed=True) if v.member_id == ids["李九"]])
    assert rows == [(ids["李九"], "户籍已迁出，核实后除名", None), (ids["李九"], None, "异议成立，恢复")]
    assert "already on" in town.refuses(JuweiError, elections.add_voter, eid, str(ids["李九"]), reason="x")


def test_officers_and_a_candidate_leaving_the_election_committee(town):
    ids = town.ids
    eid = general(town)
    town(elections.build_register, eid)
    town(elections.add_officer, eid, str(ids["刘七"]), role=OrgRole.CHAIR)
    town(elections.add_officer, eid, str(ids["张八"]), role=OrgRole.MEMBER)
    assert "chair" in town.refuses(JuweiError, elections.add_officer, eid, str(ids["陈十"]), role=OrgRole.CHAIR)
    assert "not an adult" in town.refuses(JuweiError, elections.add_officer, eid, str(ids["minor"]),
                                          role=OrgRole.MEMBER)
    left = town(lambda sc: (lambda c: (c.left_officer.member_id, c.left_officer.left_on,
                                       c.left_officer.candidate_id == c.candidate.id))(
        elections.add_candidate(sc, eid, str(ids["张八"]), post=M)))
    assert left == (ids["张八"], TODAY, True)
    serving = town(lambda sc: [o.member_id for o in elections.officers(sc, eid)])
    assert serving == [ids["刘七"]]
    assert "is a candidate" in town.refuses(JuweiError, elections.add_officer, eid, str(ids["张八"]),
                                            role=OrgRole.MEMBER)


def test_candidates_are_voters_for_posts_the_election_fills(town):
    ids = town.ids
    eid = general(town)
    town(elections.build_register, eid)
    assert "deprived" in town.refuses(JuweiError, elections.add_candidate, eid, str(ids["deprived"]), post=M)
    assert "fills no seat" in town.refuses(ValidationError, elections.add_candidate, eid, str(ids["丁一"]),
                                           post=CommitteeRole.DEPUTY)
    town(elections.remove_voter, eid, str(ids["李九"]), reason="迁出")
    assert "not on the voter register" in town.refuses(JuweiError, elections.add_candidate, eid, str(ids["李九"]),
                                                       post=M)
    town(elections.add_candidate, eid, str(ids["丁一"]), post=D)
    assert "already a candidate" in town.refuses(JuweiError, elections.add_candidate, eid, str(ids["丁一"]), post=D)
    assert "a candidate is a voter" in town.refuses(JuweiError, elections.remove_voter, eid, str(ids["丁一"]),
                                                    reason="x")


def test_proxies_between_voters_up_to_the_holders_cap(town):
    ids = town.ids
    eid = general(town)
    town(elections.build_register, eid)
    holder = str(ids["丁一"])
    for giver in ("万二", "于三", "马四"):
        town(elections.add_proxy, eid, str(ids[giver]), holder)
    assert "at most 3" in town.refuses(ValidationError, elections.add_proxy, eid, str(ids["王五"]), holder)
    assert "not on the voter register" in town.refuses(ValidationError, elections.add_proxy, eid,
                                                       str(ids["minor"]), str(ids["王五"]))
    assert "already given" in town.refuses(ValidationError, elections.add_proxy, eid, str(ids["万二"]),
                                           str(ids["王五"]))


def test_publication_dates_are_past_and_voter_list_needs_its_days(town):
    eid = general(town)
    assert "no voter register" in town.refuses(JuweiError, elections.publish, eid, doc=ElectionDoc.VOTERS,
                                               on=TODAY)
    town(elections.build_register, eid)
    assert "after today" in town.refuses(ValidationError, elections.publish, eid, doc=ElectionDoc.VOTERS,
                                         on=TODAY + dt.timedelta(days=1))
    town(elections.publish, eid, doc=ElectionDoc.VOTERS, on=TODAY)
    assert town(lambda sc: [(p.doc, p.published_on) for p in elections.publications(sc, eid)]) == \
        [("voters", TODAY)]


def _ready(town, *, published: dt.date = TODAY):
    """A general election (1 director, 4 members) with its register published, 2 + 5 candidates."""
    ids = town.ids
    eid = general(town)
    town(elections.build_register, eid)
    town(elections.publish, eid, doc=ElectionDoc.VOTERS, on=published)
    town(elections.add_candidate, eid, str(ids["丁一"]), post=D)
    town(elections.add_candidate, eid, str(ids["万二"]), post=D)
    for name in ("于三", "马四", "王五", "白六", "刘七"):
        town(elections.add_candidate, eid, str(ids[name]), post=M)
    return eid


def test_a_count_is_stored_as_figures_and_read_back_as_the_result(town):
    ids = town.ids
    eid = _ready(town)
    votes = {D: {ids["丁一"]: 6, ids["万二"]: 2},
             M: {ids["于三"]: 7, ids["马四"]: 6, ids["王五"]: 5, ids["白六"]: 5, ids["刘七"]: 1, ids["李九"]: 2}}
    counted = town(lambda sc: election_count.count(sc, eid, issued=10, returned=9, void=1, votes=votes).as_json())
    assert counted["registered"] == 10 and counted["turnout_ok"] and counted["valid"] == 8
    assert {(e["member"], e["post"]) for e in counted["elected"]} == {
        (ids["丁一"], "director"), (ids["于三"], "member"), (ids["马四"], "member"), (ids["王五"], "member"),
        (ids["白六"], "member")}
    assert town(lambda sc: election_count.result(sc, eid).as_json()) == counted
    tables = table_snapshot(town.path)
    # counts only: a round's figures and votes per person per post; no voter is named beside a choice
    assert len(tables["election_round"]) == 1 and len(tables["election_tally"]) == 8
    assert "is filled" in town.refuses(JuweiError, election_count.count, eid, issued=10, returned=9, void=1,
                                       votes=votes)


def test_a_count_refused_writes_nothing(town):
    ids = town.ids
    eid = _ready(town)
    votes = {D: {ids["丁一"]: 6}, M: {ids["于三"]: 7}}
    assert "void" in town.refuses(ValidationError, election_count.count, eid, issued=8, returned=9, void=0, votes=votes)
    assert "at most" in town.refuses(ValidationError, election_count.count, eid, issued=10, returned=2, void=0,
                                     votes={M: {ids["于三"]: 2, ids["马四"]: 2, ids["王五"]: 2, ids["白六"]: 2,
                                                ids["刘七"]: 1}})
    assert "deprived" in town.refuses(JuweiError, election_count.count, eid, issued=10, returned=9, void=0,
                                      votes={M: {ids["deprived"]: 1}})


def test_a_count_needs_the_margin_of_candidates(town):
    ids = town.ids
    eid = general(town)
    town(elections.build_register, eid)
    town(elections.publish, eid, doc=ElectionDoc.VOTERS, on=TODAY)
    town(elections.add_candidate, eid, str(ids["丁一"]), post=D)
    assert "差额" in town.refuses(ValidationError, election_count.count, eid, issued=10, returned=9, void=0, votes={})


def test_a_voter_list_published_late_is_refused_unless_urgent(town, monkeypatch):
    ids = town.ids
    monkeypatch.setenv("JUWEI_TODAY", "2026-06-20")  # 11 days before polling day
    eid = _ready(town, published=dt.date(2026, 6, 20))
    votes = {D: {ids["丁一"]: 6}, M: {ids["于三"]: 7}}
    msg = town.refuses(JuweiError, election_count.count, eid, issued=10, returned=9, void=0, votes=votes)
    assert "11 days before" in msg and "at least 20 days" in msg and "urgent" in msg
    town(election_count.count, eid, issued=10, returned=9, void=0, votes=votes, urgent="街道批准提前选举")
    e = town(lambda sc: elections.find_election(sc, eid))
    assert e.urgent_reason == "街道批准提前选举"


def test_every_step_is_audited_and_the_trail_verifies(community, town):
    ids = town.ids
    eid = _ready(town)
    town(elections.add_proxy, eid, str(ids["陈十"]), str(ids["李九"]))
    town(election_count.count, eid, issued=10, returned=9, void=0, votes={D: {ids["丁一"]: 6}, M: {ids["于三"]: 7}})
    actions = {e["action"] for e in community.json("audit", "log", "--limit", "200")}
    assert {"election.open", "election.voters", "election.publish", "election.candidate", "election.proxy",
            "election.count", "election.tally"} <= actions
    assert community.json("audit", "verify")["ok"]


def test_a_tally_names_people_by_id_id_number_or_name(town):
    ids = town.ids
    eid = _ready(town)
    assert town(election_count.find_person, eid, "于三") == ids["于三"]  # a candidate
    assert town(election_count.find_person, eid, "陈十") == ids["陈十"]  # a voter written in
    assert town(election_count.find_person, eid, str(ids["李九"])) == ids["李九"]
    assert "no candidate or voter" in town.refuses(JuweiError, election_count.find_person, eid, "小明")


def test_the_register_is_frozen_when_taken(town):
    """A roster change after the register was taken does not reach it: objections do."""
    from juwei.services import roster

    eid = general(town)
    before = town(lambda sc: [(v.number, v.member_id, v.name) for v in elections.build_register(sc, eid)])
    town(lambda sc: roster.add_member(sc, {"name": "新来", "birth_date": "1970-01-01"}, household="101"))
    town(lambda sc: roster.update_member(sc, str(town.ids["丁一"]), {"name": "丁壹"}))
    assert town(lambda sc: [(v.number, v.member_id, v.name) for v in elections.voters(sc, eid)]) == before


def test_no_election_table_can_link_a_voter_to_a_choice():
    """Ballots are counts (S9, docs/architecture.md): the round keeps figures, a tally keeps the votes one
    person received for one post; no table has both a voter and a choice, nor a ballot of its own."""
    from juwei.storage import models

    tables = {name: {c.name for c in table.columns} for name, table in models.load_all().tables.items()
              if name.startswith("election")}
    assert tables["election_round"] == {"id", "community_id", "election_id", "number", "kind", "plan",
                                        "opened_on", "registered", "issued", "returned", "void", "counted_on",
                                        "created_at"}
    assert tables["election_tally"] == {"id", "community_id", "round_id", "post", "member_id", "votes"}
    choosing = {name for name, columns in tables.items() if columns & {"post", "votes", "choice"}}
    voting = {name for name, columns in tables.items() if columns & {"voter_id", "ballot", "seat", "number"}}
    assert choosing == {"election_candidate", "election_tally"}
    assert not choosing & voting


def test_what_an_open_election_makes_due(town):
    eid = general(town)
    due = town(lambda sc: [(i.subject, i.due, i.overdue, i.command) for i in elections.due_items(sc, TODAY)])
    assert due == [(f"election:{eid}:voters", dt.date(2026, 6, 11), False, f"juwei election voters {eid}")]
    town(elections.build_register, eid)
    town(elections.publish, eid, doc=ElectionDoc.VOTERS, on=TODAY)
    assert town(elections.due_items, TODAY) == []
    after = town(lambda sc: [(i.subject, i.due, i.overdue) for i in elections.due_items(sc, DAY + dt.timedelta(1))])
    assert after == [(f"election:{eid}:count", DAY, True)]


def test_the_election_as_a_whole_lists_candidates_in_ballot_order(town):
    ids = town.ids
    eid = general(town)
    town(elections.build_register, eid)
    town(elections.publish, eid, doc=ElectionDoc.VOTERS, on=TODAY)
    for name, post in (("刘七", M), ("白六", M), ("万二", D), ("王五", M), ("于三", M), ("马四", M), ("丁一", D)):
        town(elections.add_candidate, eid, str(ids[name]), post=post)
    town(elections.add_officer, eid, str(ids["张八"]), role=OrgRole.CHAIR)
    town(elections.add_proxy, eid, str(ids["陈十"]), str(ids["李九"]))
    info = town(elections.election_info, eid)
    assert (info.kind, info.method, info.status, info.seats, info.registered, info.rounds) == \
        ("general", "voters", "open", {"director": 1, "member": 4}, 10, 0)
    # director first, then members; within a post by the strokes of the surname: 丁 万 于 马 王 白 刘
    assert [(p.name, p.post) for p in info.candidates] == [
        ("丁一", "director"), ("万二", "director"), ("于三", "member"), ("马四", "member"), ("王五", "member"),
        ("白六", "member"), ("刘七", "member")]
    assert [(o.name, o.post) for o in info.officers] == [("张八", "chair")]
    assert info.proxies == [{"giver": ids["陈十"], "giver_name": "陈十", "holder": ids["李九"], "holder_name": "李九"}]
    assert info.publications == [{"doc": "voters", "on": TODAY}]


def test_a_round_whose_turnout_failed_is_held_again(town):
    """重新选举: 5 of 10 returned is not more than half; the same seats are counted again as round 2."""
    ids = town.ids
    eid = _ready(town)
    votes = {D: {ids["丁一"]: 5}, M: {ids["于三"]: 5, ids["马四"]: 5, ids["王五"]: 5, ids["白六"]: 5}}
    first = town(lambda sc: election_count.count(sc, eid, issued=10, returned=5, void=0, votes=votes).as_json())
    assert not first["turnout_ok"] and first["elected"] == [] and {n["kind"] for n in first["next"]} == {"repeat"}
    owed = town(lambda sc: [i.subject for i in elections.due_items(sc, DAY)])
    assert owed == [f"election:{eid}:count"]  # the round is held again
    again = town(lambda sc: election_count.count(sc, eid, issued=10, returned=8, void=0, votes=votes))
    assert again.turnout_ok and len(again.elected) == 5
    assert town(lambda sc: [(r.number, r.kind, r.returned) for r in elections.rounds(
        sc, elections.find_election(sc, eid))]) == [(1, "regular", 5), (2, "regular", 8)]
    assert town(lambda sc: election_count.result(sc, eid, 1).as_json()) == first
    assert [i.subject for i in town(elections.due_items, DAY)] == [f"election:{eid}:close"]
    assert "is filled" in town.refuses(JuweiError, election_count.count, eid, issued=10, returned=8, void=0,
                                       votes=votes)
