"""juwei election: elections and by-elections of the residents' committee (S9), up to the count."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from juwei.cli._common import JSON_OPTION, created, emit_json, info, key_values, parse_date_option, scope, table
from juwei.cli._export import FORCE, SHEET_FORMAT, SHEET_OUT, sheet_out, write_sheet
from juwei.cli._params import code_option
from juwei.i18n import label, t
from juwei.rules.committee import ORG_ROLE_ALIASES, ROLE_ALIASES, CommitteeRole, OrgRole
from juwei.rules.elections import ElectionDoc, ElectionKind, ElectionMethod

app = typer.Typer(no_args_is_help=True)

ELECTION = typer.Argument(..., metavar="E", help="The election's id.")
MEMBER = typer.Argument(..., help="Member id or ID number.")


@app.command("open")
def open_(
    ctx: typer.Context,
    kind: ElectionKind = code_option(ElectionKind, "election kind", ..., "--kind",
                                     help="A general election (换届选举) or a by-election (补选)."),
    day: str = typer.Option(..., "--day", help="Polling day."),
    method: ElectionMethod = code_option(ElectionMethod, "election method", ..., "--method",
                                         help="Who votes: the voters, one per household, or the representatives."),
    director: Optional[int] = typer.Option(None, "--director", help="Director's seats (general: 1)."),
    deputy: Optional[int] = typer.Option(None, "--deputy", help="Deputies' seats."),
    member: Optional[int] = typer.Option(None, "--member", help="Members' seats."),
    urgent: Optional[str] = typer.Option(None, "--urgent", metavar="REASON",
                                         help="Why the voter list may be published late; kept on the record."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Open an election: a general election fills the whole committee, a by-election the vacancies (S9)."""
    from juwei.services.elections import open_election

    polling = parse_date_option(day, "--day")
    given = {CommitteeRole.DIRECTOR: director, CommitteeRole.DEPUTY: deputy, CommitteeRole.MEMBER: member}
    seats = {post: n for post, n in given.items() if n is not None} or None
    if seats is not None and kind == ElectionKind.GENERAL:
        seats.setdefault(CommitteeRole.DIRECTOR, 1)
    with scope(ctx, write=True) as sc:
        election = open_election(sc, kind=kind, method=method, day=polling, seats=seats, urgent=urgent)
    created(election.id, as_json, t("{kind} on {day}: {seats}", kind=label("election kind", kind), day=polling,
                                    seats=_seats_text(election)))


def _seats_text(election) -> str:
    from juwei.services.elections import seats_of

    return t(", ").join(t("{post} {n}", post=label("committee post", post), n=n)
                        for post, n in seats_of(election).items())


@app.command()
def show(
    ctx: typer.Context,
    election: int = ELECTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The election so far: seats, register, election committee, candidates in ballot order, proxies."""
    from juwei.services.elections import election_info

    with scope(ctx) as sc:
        e = election_info(sc, election)
    if as_json:
        emit_json(e)
        return
    key_values(t("Election {id}", id=e.id),
               [(t("kind"), label("election kind", e.kind)), (t("method"), label("election method", e.method)),
                (t("polling day"), e.day), (t("status"), label("election status", e.status)),
                (t("seats to fill"), t(", ").join(t("{post} {n}", post=label("committee post", p), n=n)
                                          for p, n in e.seats.items())),
                (t("registered"), e.registered), (t("urgent"), e.urgent_reason or ""),
                (t("published"), t(", ").join(f"{label('election document', p['doc'])} {p['on']}"
                                              for p in e.publications))])
    table(t("Candidates ({n})", n=len(e.candidates)), [t("member"), t("name"), t("post")],
          [(c.member_id, c.name, label("committee post", c.post)) for c in e.candidates])
    table(t("Election committee ({n})", n=len(e.officers)), [t("member"), t("name"), t("role")],
          [(o.member_id, o.name, label("org role", o.post)) for o in e.officers])
    table(t("Proxies ({n})", n=len(e.proxies)), [t("proxy giver"), t("proxy holder")],
          [(p["giver_name"], p["holder_name"]) for p in e.proxies])


@app.command()
def officer(
    ctx: typer.Context,
    election: int = ELECTION,
    member: str = MEMBER,
    role: OrgRole = code_option(OrgRole, "org role", ..., "--role", aliases=ORG_ROLE_ALIASES,
                                help="Chair or member."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a member of the election committee (居民选举委员会)."""
    from juwei.services.elections import add_officer

    with scope(ctx, write=True) as sc:
        row = add_officer(sc, election, member, role=role)
    created(row.id, as_json)


@app.command()
def voters(
    ctx: typer.Context,
    election: int = ELECTION,
    add: Optional[str] = typer.Option(None, "--add", metavar="MEMBER", help="Add a voter on an objection."),
    remove: Optional[str] = typer.Option(None, "--remove", metavar="MEMBER",
                                         help="Remove a voter on an objection."),
    reason: Optional[str] = typer.Option(None, "--reason", help="Why the objection was upheld."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The voter register for polling day: taken from the roster the first time, then changed by objections."""
    from juwei.errors import ValidationError
    from juwei.services import elections as service

    if add is not None and remove is not None:
        raise ValidationError(t("give {add} or {remove}, not both", add="--add", remove="--remove"))
    with scope(ctx, write=True) as sc:
        e = service.find_election(sc, election)
        if not service.voters(sc, e.id, removed=True):
            service.build_register(sc, e.id)
        if add is not None:
            service.add_voter(sc, e.id, add, reason=reason or "")
        if remove is not None:
            service.remove_voter(sc, e.id, remove, reason=reason or "")
        rows = service.voters(sc, e.id)
    if as_json:
        emit_json([{"number": v.number, "id": v.member_id, "name": v.name, "group": v.group_name,
                    "household": v.household_number} for v in rows])
        return
    table(t("Voter register of election {id} ({n})", id=election, n=len(rows)),
          [t("no."), t("member"), t("name"), t("group"), t("household")],
          [(v.number, v.member_id, v.name, v.group_name, v.household_number) for v in rows])


@app.command()
def publish(
    ctx: typer.Context,
    election: int = ELECTION,
    doc: ElectionDoc = code_option(ElectionDoc, "election document", ..., "--doc", help="What was published."),
    on: str = typer.Option(..., "--on", help="The day it went up on the board."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record that a document of the election went up on the board, and when."""
    from juwei.services.elections import publish as record

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        row = record(sc, election, doc=doc, on=day)
    created(row.id, as_json)


@app.command()
def proxy(
    ctx: typer.Context,
    election: int = ELECTION,
    giver: str = typer.Argument(..., metavar="FROM_MEMBER", help="The voter who gives the proxy."),
    holder: str = typer.Argument(..., metavar="TO_MEMBER", help="The voter who votes for them."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a written proxy (委托投票) from one voter to another."""
    from juwei.services.elections import add_proxy

    with scope(ctx, write=True) as sc:
        row = add_proxy(sc, election, giver, holder)
    created(row.id, as_json)


@app.command()
def candidate(
    ctx: typer.Context,
    election: int = ELECTION,
    member: str = MEMBER,
    post: CommitteeRole = code_option(CommitteeRole, "committee post", ..., "--post", aliases=ROLE_ALIASES,
                                      help="Director (主任), deputy (副主任) or member (委员)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a candidate for a post; an election officer who stands leaves the election committee."""
    from juwei.services.elections import add_candidate

    with scope(ctx, write=True) as sc:
        done = add_candidate(sc, election, member, post=post)
    created(done.candidate.id, as_json)
    if done.left_officer is not None and not as_json:
        info(t("member {id} leaves the election committee as a candidate", id=done.left_officer.member_id))


def _tally_line(text: str) -> tuple[Optional[str], str, int]:
    """``PERSON=N`` or ``POST:PERSON=N``."""
    person, sep, number = text.rpartition("=")
    post, colon, who = person.partition(":")
    if not sep or not number.strip().isdigit() or not (who if colon else post).strip():
        raise typer.BadParameter(t("'{text}' is not PERSON=N or POST:PERSON=N", text=text),
                                 param_hint="--votes")
    return (post.strip() if colon else None), (who if colon else post).strip(), int(number)


@app.command()
def count(
    ctx: typer.Context,
    election: int = ELECTION,
    issued: int = typer.Option(..., "--issued", help="Ballots issued."),
    returned: int = typer.Option(..., "--returned", help="Ballots returned."),
    void: int = typer.Option(..., "--void", help="Void ballots."),
    votes: List[str] = typer.Option([], "--votes", metavar="PERSON=N",
                                    help="Votes for one person (member id, ID number or name), repeated; "
                                         "POST:PERSON=N for a person written in."),
    file: Optional[Path] = typer.Option(None, "--file", metavar="TALLY",
                                        help="The tally sheet (.csv or .xlsx): columns person and votes, post "
                                             "where needed (姓名, 票数, 职务)."),
    urgent: Optional[str] = typer.Option(None, "--urgent", metavar="REASON",
                                         help="Why the voter list was published late; kept on the record."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the tellers' tally of the round due, as figures only, and show the result."""
    from juwei.errors import ValidationError
    from juwei.services import election_count as service

    if file is not None and votes:
        raise ValidationError(t("give {votes} or {file}, not both", votes="--votes", file="--file"))
    lines = service.read_tally(file) if file is not None else [_tally_line(text) for text in votes]
    with scope(ctx, write=True) as sc:
        tally = service.votes_of(sc, election, lines)
        service.count(sc, election, issued=issued, returned=returned, void=void, votes=tally, urgent=urgent)
        outcome = service.outcome(sc, election)
        names = _names(sc, outcome)
    _show(election, outcome, as_json, names)


@app.command()
def result(
    ctx: typer.Context,
    election: int = ELECTION,
    fmt: Optional[str] = SHEET_FORMAT,
    out: Optional[str] = SHEET_OUT,
    force: bool = FORCE,
    as_json: bool = JSON_OPTION,
) -> None:
    """The election's result so far: the latest round's figures and turnout, everyone elected, what is left;
    as a spreadsheet, everyone elected with post, votes and round."""
    from juwei.services import election_count as service

    sheet = sheet_out(ctx, fmt, out, force, as_json)
    with scope(ctx) as sc:
        outcome = service.outcome(sc, election)
        names = _names(sc, outcome)
    if sheet is not None:
        write_sheet(sheet, t("Election {id}", id=election),
                    [t("member"), t("name"), t("post"), t("votes"), t("round")],
                    [(e.person, names.get(e.person, ""), label("committee post", e.post), e.votes, n)
                     for n, e in outcome.elected])
        return
    _show(election, outcome, as_json, names)


@app.command("round")
def round_(
    ctx: typer.Context,
    election: int = ELECTION,
    candidate: List[str] = typer.Option([], "--candidate", metavar="POST:MEMBER",
                                        help="Another candidate for 另行选举 when too few received votes; "
                                             "repeated."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Open the further round the last result left: a vote between the tied, or 另行选举 for seats unfilled."""
    from juwei.services import election_count as service

    added = [_post_member(text) for text in candidate]
    with scope(ctx, write=True) as sc:
        row = service.open_round(sc, election, add=added)
        number, seats, standing = service.round_candidates(sc, election, row.number)
        names = _member_names(sc, {m for ids in standing.values() for m in ids})
    created(row.id, as_json, t("round {n}", n=number))
    if not as_json:
        for post, ids in standing.items():
            info(t("{post}: {seats} seat(s); standing: {names}", post=label("committee post", post),
                   seats=seats[post], names=t(", ").join(names.get(m, str(m)) for m in ids)))


@app.command()
def close(
    ctx: typer.Context,
    election: int = ELECTION,
    on: Optional[str] = typer.Option(None, "--on", help="The day the elected take their posts (default today)."),
    leave_vacant: Optional[str] = typer.Option(None, "--leave-vacant", metavar="REASON",
                                               help="Close with seats no round filled; kept on the record."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Close the election: the elected take their posts in the committee register (S9, S24)."""
    from juwei.services.election_close import close as do_close

    day = parse_date_option(on, "--on")
    with scope(ctx, write=True) as sc:
        done = do_close(sc, election, on=day, leave_vacant=leave_vacant)
        names = _member_names(sc, {a.post.member_id for a in done.taken})
    if as_json:
        emit_json({"election": election, "closed_on": done.election.closed_on,
                   "posts": [{"member": a.post.member_id, "post": str(a.post.role), "post_id": a.post.id,
                              "term": a.term.number} for a in done.taken],
                   "ended": [p.id for p in done.ended], "unfilled": done.unfilled})
        return
    rows = [(a.post.member_id, names.get(a.post.member_id, ""), label("committee post", a.post.role), a.term.number)
            for a in done.taken]
    table(t("Election {id}: the elected take their posts on {day}", id=election, day=done.election.closed_on),
          [t("member"), t("name"), t("post"), t("term")], rows)
    if done.ended:
        info(t("{n} post(s) of the previous term ended on the day before", n=len(done.ended)))
    for warning in done.warnings:
        info(warning)
    info(t("publish the announcement, then record it: juwei election publish {id} --doc announcement --on DATE",
           id=election))


def _post_member(text: str) -> tuple[str, str]:
    post, colon, member = text.partition(":")
    if not colon or not post.strip() or not member.strip():
        raise typer.BadParameter(t("'{text}' is not POST:MEMBER", text=text), param_hint="--candidate")
    return post.strip(), member.strip()


def _member_names(sc, ids) -> dict[int, str]:
    from sqlmodel import select

    from juwei.storage.models import Member

    return dict(sc.session.exec(select(Member.id, Member.name).where(Member.id.in_(ids))).all()) if ids else {}


def _names(sc, outcome) -> dict[int, str]:
    return _member_names(sc, {e.person for _, e in outcome.elected}
                         | {p for n in outcome.latest.next for p in n.candidates})


def _show(election: int, outcome, as_json: bool, names: dict | None = None) -> None:
    if as_json:
        emit_json(outcome.as_json())
        return
    names = names or {}
    latest = outcome.latest
    key_values(t("Election {id}: round {n}", id=election, n=outcome.round),
               [(t("registered"), latest.registered), (t("issued"), latest.issued),
                (t("returned"), latest.returned), (t("valid"), latest.valid), (t("void"), latest.void),
                (t("turnout passes"), latest.turnout_ok)])
    table(t("Elected ({n})", n=len(outcome.elected)), [t("member"), t("name"), t("post"), t("votes"), t("round")],
          [(e.person, names.get(e.person, ""), label("committee post", e.post), e.votes, n)
           for n, e in outcome.elected])
    for nxt in latest.next:
        info(t("{post}: {seats} seat(s) go to a further round ({kind})", post=label("committee post", nxt.post),
               seats=nxt.seats, kind=label("next round", nxt.kind)))
    if latest.next and latest.turnout_ok:
        info(t("open it with: juwei election round {id}", id=election))
    elif outcome.complete:
        info(t("every seat is filled; the elected take their posts with: juwei election close {id}", id=election))


@app.command()
def render(
    ctx: typer.Context,
    election: int = ELECTION,
    doc: str = typer.Option(..., "--doc", metavar="DOC",
                            help="Which document: voters | proxies | candidates | ballot | report | announcement."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="md|html|pdf",
                                      help="Markdown, print-ready HTML, or a PDF printed from it with headless "
                                           "Chromium (default: from --out's extension, else md)."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="zh_CN|en",
                                       help="The document's language (default: the community's locale)."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="FILE", help="Write here instead of stdout."),
    templates: Optional[Path] = typer.Option(None, "--templates", metavar="DIR",
                                             help="Your own templates (same layout as the packaged ones, e.g. "
                                                  "zh_CN/election_ballot.html.j2); each overrides the packaged one."),
    round_no: Optional[int] = typer.Option(None, "--round", metavar="N",
                                           help="With --doc ballot: the ballot of round N (default: the round "
                                                "to be counted next)."),
    force: bool = typer.Option(False, "--force", help="Replace --out if it already exists."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Render an election's document for the board as Markdown, print-ready HTML (A4) or PDF."""
    from juwei import render as documents
    from juwei.cli._common import format_for
    from juwei.cli._export import emit_document, pdf_wanted
    from juwei.services import documents as checks
    from juwei.services import election_docs as service
    from juwei.services import files as outputs

    checks.check_choice(doc, documents.ELECTION_DOCUMENTS, "doc")
    if round_no is not None and doc != "ballot":
        raise typer.BadParameter(t("only with {doc} ballot", doc="--doc"), param_hint="--round")
    if fmt is not None:
        checks.check_choice(fmt, (*documents.FORMATS, "pdf"), "fmt")
    if lang is not None:
        checks.check_choice(lang, documents.LANGUAGES, "lang")
    kind = format_for(out, fmt)
    chromium = pdf_wanted(ctx, out) if kind == "pdf" else None
    if out is not None:
        out = outputs.out_file(out, force=force, make_folder=True)
    with scope(ctx) as sc:
        data = service.context(sc, election, doc, lang, round_no)
    text = documents.election_document(doc, data["lang"], "html" if kind == "pdf" else kind, data, templates)
    emit_document(text, out, lang=data["lang"], force=force, chromium=chromium, as_json=as_json)
