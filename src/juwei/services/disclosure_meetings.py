"""What meetings owe the disclosure board: the deliberation committee's results after every meeting (S21),
and the representatives' meeting's notice before and resolutions after (S25).

Reads only what the meeting recorded: its snapshot rules, its stored final tallies (written at close).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlmodel import select

from juwei.errors import JuweiError, NotFound
from juwei.i18n import label, t, translation
from juwei.rules import disclosure as rules
from juwei.rules.profiles import Rules
from juwei.services.community import rules_on
from juwei.services.scope import Scope
from juwei.storage.models.disclosure import Disclosure
from juwei.storage.models.meetings import Meeting, Motion

RESULTS_KINDS = {"deliberation": "S21", "representatives": "S25"}  # closed meetings whose results are posted
NOTICE_KINDS = {"representatives": "S25"}  # convened meetings whose notice is posted before


def _find(scope: Scope, meeting_id: int) -> Meeting:
    meeting = scope.session.exec(select(Meeting).where(Meeting.id == meeting_id,
                                                       Meeting.community_id == scope.community_id)).first()
    if meeting is None:
        raise NotFound(t("no meeting {id} in this community; see `juwei meeting list`", id=meeting_id))
    return meeting


def _notice_due(meeting: Meeting) -> dt.date:
    """S25 with S6: the notice goes up when notice is given, at the latest the snapshot's notice days
    before the meeting (an urgent meeting: the day it was noticed)."""
    if meeting.urgent_reason:
        return meeting.noticed_on
    days = Rules(json.loads(meeting.rules)).notice_days
    return max(meeting.at.date() - dt.timedelta(days=days), meeting.noticed_on)


def notice_subject(meeting: Meeting) -> str:
    """The notice's obligation key carries the meeting's time, so a rescheduled meeting needs a new notice."""
    return f"meeting:{meeting.id}:notice:{meeting.at.strftime('%Y-%m-%dT%H:%M')}"


def obligations(scope: Scope, day: dt.date) -> list[rules.Obligation]:
    out: list[rules.Obligation] = []
    meetings = scope.session.exec(select(Meeting).where(
        Meeting.community_id == scope.community_id,
        Meeting.kind.in_(sorted(set(RESULTS_KINDS) | set(NOTICE_KINDS)))).order_by(Meeting.at, Meeting.id)).all()
    for m in meetings:
        held = m.at.date()
        # The notice is owed from the day notice is given; closing the meeting does not erase it: one never
        # posted stays on the record as missed, with its meeting (only a cancelled meeting owes nothing).
        if m.status in ("convened", "closed") and m.kind in NOTICE_KINDS and m.noticed_on <= day:
            out.append(rules.Obligation(NOTICE_KINDS[m.kind], notice_subject(m),
                                        t("notice of the {kind} meeting {id} on {day}", kind=label("meeting kind", m.kind), id=m.id,
                                          day=held), _notice_due(m), meeting_id=m.id, lapses=held))
        if m.status == "closed" and m.kind in RESULTS_KINDS and held <= day:
            days = rules_on(scope, held).disclosure_after_meeting_days
            out.append(rules.Obligation(RESULTS_KINDS[m.kind], f"meeting:{m.id}:results",
                                        t("results of the {kind} meeting {id} on {day}", kind=label("meeting kind", m.kind), id=m.id,
                                          day=held), held + dt.timedelta(days=days), meeting_id=m.id))
    return out


def check_refs(scope: Scope, meeting_id: int | None, motion_id: int | None) -> tuple[int | None, int | None]:
    if motion_id is not None:
        motion = scope.session.exec(select(Motion).where(Motion.id == motion_id,
                                                         Motion.community_id == scope.community_id)).first()
        if motion is None:
            raise NotFound(t("no motion {id} in this community", id=motion_id))
        if meeting_id is not None and motion.meeting_id != meeting_id:
            raise JuweiError(t("motion {id} belongs to meeting {meeting}, not {given}", id=motion_id,
                               meeting=motion.meeting_id, given=meeting_id))
        meeting_id = motion.meeting_id
    if meeting_id is not None:
        _find(scope, meeting_id)
    return meeting_id, motion_id


def _kind_name(kind: str, zh: bool) -> str:
    """The printed body names the kind in the community's language, whatever the clerk's language is."""
    return translation("zh_CN").pgettext("meeting kind", kind) if zh else kind


def _topics(meeting: Meeting) -> list[str]:
    try:
        return [str(x) for x in json.loads(meeting.topics)]
    except (ValueError, TypeError):
        return [meeting.topics]


def _notice_body(m: Meeting, zh: bool) -> str:
    """The notice's body (``bodies/meeting_notice.md.j2``)."""
    from juwei.render.bodies import MeetingNoticeBody, markdown_source

    body = MeetingNoticeBody(kind=m.kind, kind_name=_kind_name(m.kind, zh), at=m.at,
                             place=m.place, topics=_topics(m))
    return markdown_source(body, "zh_CN" if zh else "en")


def _results_body(m: Meeting, motions: list[Motion], zh: bool) -> str:
    """The results' body (``bodies/meeting_results.md.j2``): the stored final tallies of the motions voted on."""
    from juwei.render.bodies import MeetingResultsBody, VotedMotion, markdown_source

    voted = [VotedMotion(number=x.number, title=x.title, text=x.text, present=x.present, votes_for=x.votes_for,
                         votes_against=x.votes_against, votes_abstain=x.votes_abstain, required=x.required,
                         passed=bool(x.passed))
             for x in motions if x.passed is not None]
    body = MeetingResultsBody(kind=m.kind, kind_name=_kind_name(m.kind, zh), at=m.at,
                              place=m.place, body_size=m.body_size, voted=voted, summary=m.summary)
    return markdown_source(body, "zh_CN" if zh else "en")


def meeting_disclosure(scope: Scope, meeting_id: int, *, post_on: dt.date | None = None,
                       contact: str | None = None) -> Disclosure:
    """The notice of a convened representatives' meeting, or the results of a closed deliberation or
    representatives' meeting."""
    from juwei.services.disclosure import add_disclosure

    m = _find(scope, meeting_id)
    zh = scope.community.locale.startswith("zh")
    kind_name = _kind_name(m.kind, zh)
    if m.status == "convened":
        if m.kind not in NOTICE_KINDS:
            raise JuweiError(t("meeting {id} ({kind}) is not closed yet; its results can be disclosed after it "
                               "closes", id=m.id, kind=label("meeting kind", m.kind)))
        title = f"关于召开{kind_name}的公告" if zh else f"Notice of the {kind_name} meeting on {m.at.date()}"
        # A notice for an earlier time of a rescheduled meeting is replaced: the new one supersedes it.
        stale = scope.session.exec(select(Disclosure).where(
            Disclosure.community_id == scope.community_id, Disclosure.meeting_id == m.id,
            Disclosure.subject.like(f"meeting:{m.id}:notice:%"), Disclosure.subject != notice_subject(m),
            Disclosure.withdrawn_on.is_(None)).order_by(Disclosure.id.desc())).first()
        if stale is not None and scope.session.exec(select(Disclosure.id).where(
                Disclosure.supersedes_id == stale.id, Disclosure.withdrawn_on.is_(None))).first() is not None:
            stale = None  # already corrected; the correction chain is checked by add_disclosure
        return add_disclosure(scope, category="assembly", title=title, body=_notice_body(m, zh),
                              post_on=post_on, until=m.at.date(), contact=contact, subject=notice_subject(m),
                              meeting_id=m.id, supersedes=stale.id if stale else None)
    if m.status == "cancelled":
        raise JuweiError(t("meeting {id} was cancelled; there is nothing to disclose from it", id=m.id))
    if m.kind not in RESULTS_KINDS and m.kind != "residents":
        raise JuweiError(t("a {kind} meeting's results are not among the board's obligations (S21, S25); "
                           "use `juwei disclose add --from-meeting {id}` to publish something from it",
                           kind=label("meeting kind", m.kind), id=m.id))
    motions = list(scope.session.exec(select(Motion).where(Motion.meeting_id == m.id)
                                      .order_by(Motion.number)).all())
    title = (f"{m.at.date()}{kind_name}决议公开" if zh else f"Resolutions of the {kind_name} meeting on {m.at.date()}")
    return add_disclosure(scope, category="resolution", title=title, body=_results_body(m, motions, zh),
                          post_on=post_on, contact=contact, subject=f"meeting:{m.id}:results", meeting_id=m.id)
