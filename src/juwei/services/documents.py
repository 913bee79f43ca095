"""What a meeting document prints, gathered into a plain context for the templates (:mod:`juwei.render`).

The numbers come from the meetings services and nowhere else: the roll and the rules the meeting was
convened with (its snapshots), attendance, and each motion's tally exactly as ``vote tally --json``
gives it. A document the meeting's state cannot have yet (a result before any tally, minutes before
the meeting closes) is refused with the reason and the command that would make it possible.

The context holds only plain values (str, int, bool, dates, lists, dicts) so a community's own template,
rendered in the sandbox, can read everything and reach nothing. No ID number or phone is ever put in it.

Context fields (documented for template authors in docs/documents.md):
``doc``, ``lang``, ``community`` {name, code, committee}, ``rules`` {source_title, notice_days,
pass_words, quorum_words}, ``meeting`` {id, kind, kind_label, body, body_words, addressee, at, place,
topics, noticed_on, latest_notice_date, urgent_reason, status, chair, recorder}, ``body_size``,
``present`` (seats that signed in), ``quorum`` {required, rule_words, quorate} or None (routine
meetings), ``roll`` [{seat, name, group, household, code}] (``code``: the seat code its QR code holds),
``absent`` [{seat, name}], ``ballots`` [{seat, name}], ``secret``, ``motions`` [{id, number, title, kind,
paragraphs, voted, tally}], ``passed`` (motions that passed), ``notes`` [text], ``addenda`` [{date, text}]
(corrections after closing), ``summary`` [paragraphs], ``contact``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from juwei.errors import JuweiError, ValidationError, named
from juwei.i18n import label, t
from juwei.render import DOCUMENTS, LANGUAGES
from juwei.rules import meetings as mrules
from juwei.rules.clock import to_local
from juwei.rules.meetings import MeetingStatus
from juwei.services.scope import Scope

# Document words, in the document's language (not the CLI's): (zh_CN, en). A kind's Chinese name is the
# one the CLI shows (``label("meeting kind", …)``); English documents say it as a phrase.
KIND_WORDS_EN = {
    "residents": "residents' meeting",
    "representatives": "representatives' meeting",
    "office": "committee office meeting",  # S14a
    "heart-to-heart": "heart-to-heart meeting",  # S14b
    "group-leaders": "residents' group leaders' meeting",  # S14d
    "deliberation": "deliberation committee meeting",  # S14e
    "two-committees": "two-committees office meeting",  # S14f
    "sentiment": "sentiment analysis meeting",  # S12
}
BODY_WORDS = {  # S1, S2: who is convened, in words
    "adults": ("本社区年满{age}周岁且未被剥夺政治权利的全体居民",
               "All residents aged {age} or over who have not been deprived of political rights"),
    "households": ("每户派出的一名代表", "One representative of each household"),
    "groups": ("各居民小组推选的居民代表及当然代表",
               "The representatives elected by each residents' group, and the ex officio representatives"),
    "representatives": ("全体居民代表（含当然代表）", "All serving representatives, ex officio ones included"),
    None: ("有关参会人员", "Those concerned"),
}
ROLL_WORDS = {  # S14: who a routine meeting convened without a body seats, from the committee register
    "office": ("居委会全体成员", "The members of the residents' committee"),
    "two-committees": ("居委会和社区党组织全体成员",
                       "The members of the residents' committee and of the community's party organisation"),
    "heart-to-heart": ("居委会全体成员和社区专职工作者", "The committee's members and the community's staff"),
    "sentiment": ("居委会全体成员、社区专职工作者和民情信息员",
                  "The committee's members, the community's staff and the information collectors"),
    "deliberation": ("议事委员会全体成员", "The members of the deliberation committee"),
    "group-leaders": ("各居民小组长", "The residents' group leaders"),
}
ADDRESSEES = {
    "adults": ("各位居民", "all residents"),
    "households": ("各户居民", "every household"),
    "groups": ("各位居民代表", "all representatives"),
    "representatives": ("各位居民代表", "all representatives"),
    None: ("各位参会人员", "all who attend"),
}
PASS_BASE_WORDS = {"present": ("出席会议人员的{words}", "{words} of those present"),
                   "cast": ("所投票数的{words}", "{words} of the votes cast")}


def _words(table: dict, key: Any, lang: str) -> str:
    zh, en = table.get(key, table.get(None, ("", "")))
    return zh if lang == "zh_CN" else en


def kind_words(kind: str, lang: str) -> str:
    """A meeting kind named in a document: 居民代表会议 / representatives' meeting."""
    return label("meeting kind", kind, lang) if lang == "zh_CN" else KIND_WORDS_EN.get(kind, kind)


def committee_name(community_name: str, lang: str) -> str:
    """东城社区 → 东城社区居民委员会; in English, "Residents' Committee of 东城社区"."""
    if lang != "zh_CN":
        return f"Residents' Committee of {community_name}"
    return community_name + ("居民委员会" if community_name.endswith("社区") else "社区居民委员会")


def source_title(rules: "Rules", lang: str) -> str:
    """The title of the rules a meeting was convened under: the community's own (``rules_title``), or, in
    a snapshot taken before communities recorded one, the profile's ``source`` without its bracketed note."""
    title = rules.texts.get("rules_title")
    if not title:
        source = rules.texts.get("source", "")
        title = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", source).strip() or source
    return title if lang == "zh_CN" else f"community's rules ({title})"


def _paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# ---------------------------------------------------------------- what the state allows

def refusal(doc: str, minutes: Any) -> str | None:
    """Why ``doc`` cannot be made for this meeting yet, or None when it can."""
    view = minutes.meeting
    mid = view.id
    if view.status == MeetingStatus.CANCELLED:
        return t("meeting {id} was cancelled ({reason}); it has no documents", id=mid,
                 reason=view.cancel_reason or "-")
    tallied = [m for m in view.motions if m.tally is not None]
    if doc == "signin" and not minutes.attendance:
        return t("meeting {id} has no roll (it was convened without --body), so there is no sign-in sheet", id=mid)
    if doc == "seat-cards" and not minutes.attendance:
        return t("meeting {id} has no roll (it was convened without --body), so there are no seats to print "
                 "cards for", id=mid)
    if doc == "seat-cards" and view.status == MeetingStatus.CLOSED:
        return t("meeting {id} is closed and nobody signs in any more; there are no seat cards to print", id=mid)
    if doc == "ballot":
        if view.status == MeetingStatus.CLOSED:
            return t("meeting {id} is closed and its votes are final; there are no ballots to print", id=mid)
        if not view.motions:
            return t("meeting {id} has no motions yet; add them with `juwei motion add {id} --title TEXT` "
                     "before printing ballots", id=mid)
        if not minutes.attendance:
            return t("meeting {id} has no roll (it was convened without --body), so there is no one to give "
                     "ballots to", id=mid)
    if doc in ("result", "resolution") and not tallied:
        return t("meeting {id} has no tally yet: record votes with `juwei vote count` or `juwei vote cast` "
                 "first", id=mid)
    if doc == "resolution" and not any(m.tally["passed"] for m in tallied):
        return t("no motion of meeting {id} has passed, so there is no resolution to print", id=mid)
    if doc == "minutes" and view.status != MeetingStatus.CLOSED:
        return t("meeting {id} is not closed yet; its minutes are generated from the record when it closes "
                 "(`juwei meeting close {id}`)", id=mid)
    if doc == "summary" and view.status != MeetingStatus.CLOSED:
        return t("meeting {id} is not closed yet; its summary is printed once it closes "
                 "(`juwei meeting close {id}`)", id=mid)
    if doc == "summary" and not view.summary:
        return t("meeting {id} closed without a summary, so there is none to print; a correction to its minutes "
                 "is a dated addendum (`juwei meeting minutes {id} --addendum TEXT`)", id=mid)
    return None


def check_choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    """``value`` is one of ``allowed`` for the field ``name``."""
    if value not in allowed:
        raise ValidationError(t("{option} '{value}' is not allowed; use one of {allowed}", option=named(name),
                                value=value, allowed=", ".join(allowed)))
    return value


def past_its_time(doc: str, minutes: Any) -> bool:
    """A document whose moment has passed for good, so leaving it out is the expected state, not something
    to warn about: the ballots and the seat cards of a closed meeting (its votes and sign-ins are final)."""
    return doc in ("ballot", "seat-cards") and minutes.meeting.status == MeetingStatus.CLOSED


def every_context(scope: Scope, meeting_id: int, lang: str | None = None, *, contact: str | None = None,
                  secret: bool = False) -> tuple[str, list[tuple[str, dict[str, Any]]], list[tuple[str, str, bool]]]:
    """For `notice render --all`: (language, [(doc, context)] for every document the meeting's state
    allows, [(doc, reason, past)] for the others), in DOCUMENTS order; ``past`` when the document's moment
    has passed for good (:func:`past_its_time`), rather than not come yet."""
    from juwei.services.meetings import minutes as gather

    lang = check_choice(lang or scope.community.locale, LANGUAGES, "lang")
    record = gather(scope, meeting_id)
    made, skipped = [], []
    for doc in DOCUMENTS:
        why = refusal(doc, record)
        if why:
            skipped.append((doc, why, past_its_time(doc, record)))
        else:
            made.append((doc, build(scope, record, doc, lang, contact=contact, secret=secret)))
    return lang, made, skipped


# ---------------------------------------------------------------- the context

def context(scope: Scope, meeting_id: int, doc: str, lang: str | None = None, *, contact: str | None = None,
            secret: bool = False) -> dict[str, Any]:
    """The plain context for ``doc`` of meeting ``meeting_id`` in ``lang`` (default: the community's locale).

    Raises JuweiError when the meeting's state does not allow the document yet (see :func:`refusal`).
    """
    from juwei.services.meetings import minutes as gather

    check_choice(doc, DOCUMENTS, "doc")
    lang = check_choice(lang or scope.community.locale, LANGUAGES, "lang")
    record = gather(scope, meeting_id)
    why = refusal(doc, record)
    if why:
        raise JuweiError(why)
    return build(scope, record, doc, lang, contact=contact, secret=secret)


def build(scope: Scope, record: Any, doc: str, lang: str, *, contact: str | None = None,
          secret: bool = False) -> dict[str, Any]:
    """Shape the meetings service's record (:class:`juwei.services.meetings.Minutes`) for the templates."""
    from juwei.rules.profiles import Rules
    from juwei.rules.seatcode import seat_code

    view = record.meeting
    rules = Rules(view.rules)
    zh = lang == "zh_CN"
    community = scope.community
    committee = committee_name(community.name, lang)

    def name(seat) -> str:  # a household's seat has no name until its 户代表 is designated (S1 b)
        return seat.name or ("（户代表）" if zh else "(household representative)")

    # ``code``: the seat's code, printed as a QR code for the scanner at the door (juwei.rules.seatcode)
    roll = [{"seat": s.seat, "name": name(s), "group": s.group or "", "household": s.household or "",
             "code": seat_code(community.code, view.id, s.seat)} for s in record.attendance]
    signed_in = [s for s in record.attendance if s.checked_in_at is not None]
    in_room = [s for s in record.attendance if s.present]
    absent = [{"seat": s.seat, "name": name(s)} for s in record.attendance if s.checked_in_at is None]

    quorum = None
    if mrules.needs_quorum(view.kind):
        q = mrules.quorum(view.body_size, len(signed_in), rules.quorum)
        quorum = {"required": q.required, "quorate": q.quorate, "rule_words": rules.quorum.words(lang)}

    # ``voted`` without a tally: votes were recorded while the meeting had no quorum (S7), so no result
    motions = [{"id": m.id, "number": m.number, "title": m.title, "kind": m.kind,
                "paragraphs": _paragraphs(m.text), "voted": m.method is not None, "tally": m.tally}
               for m in view.motions]
    # Ballots go to those in the room; before anyone has signed in, to everyone on the roll.
    holders = in_room if in_room else record.attendance
    ballots = [{"seat": s.seat, "name": "" if secret else name(s)} for s in holders]

    pass_words = _words(PASS_BASE_WORDS, rules.pass_base, lang).format(words=rules.pass_threshold.words(lang))
    body_words = _words(BODY_WORDS, view.body, lang).format(age=rules.adult_age)
    if view.body is None and record.attendance and view.kind in ROLL_WORDS:  # seated from the register (S14)
        body_words = _words(ROLL_WORDS, view.kind, lang)
    return {
        "doc": doc,
        "lang": lang,
        "community": {"name": community.name, "code": community.code, "committee": committee},
        "rules": {"source_title": source_title(rules, lang), "notice_days": rules.notice_days,
                  "pass_words": pass_words, "quorum_words": rules.quorum.words(lang)},
        "meeting": {
            "id": view.id, "kind": view.kind, "kind_label": kind_words(view.kind, lang),
            "body": view.body, "body_words": body_words, "addressee": _words(ADDRESSEES, view.body, lang),
            "at": view.at, "place": view.place, "topics": list(view.topics), "noticed_on": view.noticed_on,
            # S6 (reading): meeting date − notice date ≥ notice days
            "latest_notice_date": view.at.date() - dt.timedelta(days=rules.notice_days),
            "urgent_reason": view.urgent_reason, "status": view.status,
            "chair": view.chair, "recorder": view.recorder,
        },
        "body_size": view.body_size,
        "present": len(signed_in),
        "quorum": quorum,
        "roll": roll,
        "absent": absent,
        "ballots": ballots,
        "secret": secret,
        "motions": motions,
        "passed": [m for m in motions if m["tally"] and m["tally"]["passed"]],
        "notes": [n.text for n in record.notes],
        # corrections after closing, each with its date in the community's time zone (outside the seal)
        "addenda": [{"date": to_local(n.added_at, scope.timezone).date(), "text": n.text}
                    for n in record.addenda],
        "summary": _paragraphs(view.summary),
        "contact": contact or (f"{committee}办公室" if zh else f"the office of the {committee}"),
        "seal": _seal(scope, view.id) if doc == "minutes" else None,
    }


def _seal(scope: Scope, meeting_id: int) -> dict[str, Any] | None:
    """The seal of the tallies recorded when the meeting closed, printed on its minutes (issue: audit seal)."""
    from juwei.services.audit import seal as audit_seal

    sealed = audit_seal.sealed_on(scope, f"meeting:{meeting_id}")
    if sealed is None:
        return None
    # Printed through the privacy scrub like every value, which leaves hex digests as they are.
    return {"seq": int(sealed.head_seq), "hash": sealed.head_hash, "digest": sealed.entities_digest,
            "meeting": sealed.meeting_id, "record": sealed.record_digest}
