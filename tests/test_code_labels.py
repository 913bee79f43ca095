"""Every code juwei can store has Chinese words, one table per kind (``label(kind, code)``).

The codes are enumerated from where the program defines them (the rules modules' enums and tuples, the
services' constants, the audit calls in the source), so a new code without a label fails here. Where a kind
becomes an enum, point its entry at the enum: ``tuple(MeetingKind)``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from juwei import i18n

SRC = Path(__file__).resolve().parents[1] / "src" / "juwei"


def audit_actions() -> set[str]:
    """Every action the services record in the audit trail: the literal names passed to the audit calls
    (``audit.record_row(scope, "member.add", …)``, also inside a conditional) and the reconcile's own."""
    found = {"db.insert", "db.update", "db.delete", "meeting.roll"}
    for path in (SRC / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if name in ("record", "record_row", "record_many", "record_set"):
                for part in ast.walk(node.args[1]):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        found.add(part.value)
    return found


def _codes():
    from juwei.rules import (committee, disclosure, elections, evaluation, meetings, profiles, recall, records,
                             sentiment, staffwork)
    from juwei.render import DOCUMENTS
    from juwei.services import community
    from juwei.storage import models

    models.load_all()

    return {
        "meeting kind": (*meetings.KINDS, "report", "residents/representatives"),  # the last two: `meeting due`
        "body": meetings.BODIES,
        "meeting status": tuple(meetings.MeetingStatus),
        "meeting reason": tuple(meetings.MeetingReason),
        "motion kind": meetings.MOTION_KINDS,
        "choice": tuple(meetings.VoteChoice),
        "pass base": tuple(meetings.PassBase),
        "vote method": tuple(meetings.VoteMethod),
        "representative kind": tuple(meetings.RepresentativeKind),
        "ex officio basis": tuple(meetings.ExOfficioBasis),
        "petition base": tuple(meetings.PetitionBase),
        "cadence": tuple(profiles.Cadence),
        "obligation status": tuple(disclosure.ObligationStatus),
        "disclosure category": tuple(disclosure.DisclosureCategory),
        "disclosure status": tuple(disclosure.DisclosureStatus),
        "ledger direction": tuple(disclosure.Direction),
        "expense category": tuple(disclosure.ExpenseCategory),
        "gender": tuple(set(records.GENDERS.values())),
        "document": DOCUMENTS,
        "document language": community.LOCALES,
        "rules profile": profiles.profile_names(),
        "community setting": community.SETTINGS,
        "database check": ("integrity_check", "foreign_key_check", "audit_verify"),
        "audit action": tuple(sorted(audit_actions())),
        "table": tuple(table.name for table in models.metadata.sorted_tables),
        "committee post": tuple(committee.CommitteeRole),
        "staff position": tuple(committee.StaffPosition),
        "gift handling": tuple(staffwork.GiftHandling),
        "post body": tuple(committee.PostBody),
        "org role": tuple(committee.OrgRole),
        "end reason": tuple(committee.EndReason),
        **elections.codes(),
        "recall basis": tuple(recall.RecallBasis),
        "recall outcome": tuple(recall.RecallOutcome),
        "evaluation grade": evaluation.GRADES,
        "committee grade": evaluation.WHOLE_GRADES,
        **sentiment.codes(),
    }


CODES = _codes()


@pytest.mark.parametrize("kind", sorted(CODES))
def test_every_code_of_every_kind_has_chinese_words(kind):
    catalog = i18n.catalog("zh_CN")
    missing = [code for code in CODES[kind] if i18n.context_key(kind, code) not in catalog]
    assert not missing, f"{kind}: no Chinese for {missing}"
    words = [catalog[i18n.context_key(kind, code)] for code in CODES[kind]]
    assert not [w for w in words if re.search(r"[A-Za-z]", w)], f"{kind}: English left in {words}"


def test_the_audit_actions_are_found():
    actions = audit_actions()
    assert {"meeting.convene", "disclosure.supersede", "disclosure.add", "vote.cast", "rules.set"} <= actions
    assert all(re.fullmatch(r"[a-z]+\.[a-z_]+", a) for a in actions), actions


def test_the_ledger_reads_back_the_words_it_prints():
    """An export prints an expense category in Chinese and an import reads it back: the words the parser
    accepts are the label table's."""
    from juwei.rules.disclosure import EXPENSE_ZH

    assert EXPENSE_ZH == {code: i18n.label("expense category", code, "zh_CN") for code in EXPENSE_ZH}


@pytest.mark.parametrize("profile", ["seed", "organic-law"])
def test_every_rules_value_reads_in_chinese(profile):
    """`rules show` in Chinese: no value of either profile is left as a code (text values excepted)."""
    from juwei.rules import profiles

    try:
        i18n.set_language("zh_CN")
        shown = {key: profiles.value_words(key, text) for key, text in profiles.PROFILES[profile].items()
                 if profiles.SPECS[key].kind != "text"}
    finally:
        i18n.set_language("en")
    assert not {k: v for k, v in shown.items() if re.search(r"[A-Za-z]", v)}, shown
    assert shown["quorum"] == "过半数" and shown["adult_birthday_counts"] == "是"
    assert shown["notice_days"] == "3 天"


@pytest.mark.parametrize("rule,words", [(">=2/3 of present", "出席人数的三分之二以上"),
                                        (">1/2 of cast", "投票数的过半数"),
                                        (">1/3 of present", "出席人数的超过三分之一")])
def test_a_pass_rule_in_words(rule, words):
    from juwei.rules.meetings import rule_words

    try:
        i18n.set_language("zh_CN")
        assert rule_words(rule) == words
        i18n.set_language("en")
        assert rule_words(rule) == rule  # English keeps what was stored
    finally:
        i18n.set_language("en")


def test_a_label_in_another_language_than_the_clerks():
    """Documents name codes in the community's language whatever --lang the clerk runs with."""
    i18n.set_language("en")
    assert i18n.label("meeting kind", "representatives") == "representatives"
    assert i18n.label("meeting kind", "representatives", "zh_CN") == "居民代表会议"
    assert i18n.label("expense category", "wages", "zh_CN") == "工资"
    assert i18n.label("expense category", "unknown-code", "zh_CN") == "unknown-code"
