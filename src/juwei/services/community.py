"""Creating a community and keeping its rules profile (versions with effective dates)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlmodel import Session, select

from juwei.errors import JuweiError, ValidationError, named
from juwei.i18n import t
from juwei.rules import clock, profiles
from juwei.services import audit
from juwei.services.scope import Scope, clerk_name
from juwei.storage.models import Community, RulesVersion

LOCALES = ("zh_CN", "en")


def create_community(session: Session, *, name: str, code: str | None, profile: str,
                     locale: str = "zh_CN", rules_title: str | None = None,
                     timezone: str | None = None) -> Community:
    """Add a community with its base rules profile, the title of its own rules (default
    《{name}民主管理制度》) and its time zone; one transaction with its audit event."""
    name = name.strip()
    if not name:
        raise ValidationError(t("{option} must not be empty", option=named("name")))
    title = profiles.clean_title(rules_title) if rules_title is not None else profiles.default_rules_title(name)
    if not title or len(title) > 200:
        raise ValidationError(t("{rules_title} must name the community's rules (at most 200 characters)",
                                rules_title=named("rules_title")))
    profiles.base_profile(profile)  # validates the profile name
    if locale not in LOCALES:
        raise ValidationError(t("{option} '{value}' is not allowed; use one of {allowed}", option=named("locale"),
                                value=locale, allowed=", ".join(LOCALES)))
    if timezone is not None:
        timezone = clock.check_zone(timezone)
    code = (code or name).strip()
    if not re.fullmatch(r"[\w\-]{1,64}", code):
        raise ValidationError(t("{option} '{code}' may hold only letters, digits, - and _ (at most 64)",
                                option=named("code"), code=code))
    if session.exec(select(Community).where(Community.code == code)).first():
        raise JuweiError(t("a community with code '{code}' already exists in this database", code=code))
    community = Community(code=code, name=name, locale=locale, rules_profile=profile, timezone=timezone)
    session.add(community)
    session.flush()
    scope = Scope(session=session, community=community, clerk=clerk_name())
    for key, value in profiles.base_profile(profile).items():
        session.add(RulesVersion(community_id=community.id, key=key, value=value, effective_from=None,
                                 recorded_by=scope.clerk, note=f"profile {profile}"))
    session.add(RulesVersion(community_id=community.id, key="rules_title", value=title, effective_from=None,
                             recorded_by=scope.clerk, note="init"))
    audit.record_row(scope, "community.init", "community", community)
    return community


def rules_on(scope: Scope, day: dt.date | None = None) -> profiles.Rules:
    """The rules in force on ``day`` (default today)."""
    rows = scope.session.exec(
        select(RulesVersion.key, RulesVersion.value, RulesVersion.effective_from)
        .where(RulesVersion.community_id == scope.community_id)
        .order_by(RulesVersion.id)
    ).all()
    return profiles.rules_in_force(scope.community.rules_profile, rows, day or scope.today,
                                   community_name=scope.community.name)


@dataclass(frozen=True)
class RuleLine:
    key: str
    value: str
    rule: str
    meaning: str
    since: dt.date | None
    verified: bool = True  # False: a default not yet checked against the official text (LAW.md)


def rules_table(scope: Scope, day: dt.date | None = None, lang: str = "en") -> list[RuleLine]:
    rules = rules_on(scope, day)
    return [RuleLine(key, rules.texts[key], spec.rule, spec.zh if lang.startswith("zh") else spec.en,
                     rules.origin.get(key), spec.verified)
            for key, spec in profiles.SPECS.items()]


def rules_history(scope: Scope) -> list[RulesVersion]:
    return list(scope.session.exec(
        select(RulesVersion).where(RulesVersion.community_id == scope.community_id)
        .where(RulesVersion.effective_from.is_not(None))
        .order_by(RulesVersion.effective_from, RulesVersion.id)).all())


def set_rule(scope: Scope, key: str, value: str, effective_from: dt.date, note: str | None = None) -> RulesVersion:
    """Record a new version of one rule from ``effective_from`` on; earlier meetings keep their snapshot."""
    if key == "rules_title":
        value = profiles.clean_title(value)
    parsed = profiles.parse_value(key, value)
    text = profiles.format_value(key, parsed)
    current = rules_on(scope, effective_from)
    if key in ("group_reps_min", "group_reps_max"):
        low = parsed if key == "group_reps_min" else current.group_reps_min
        high = parsed if key == "group_reps_max" else current.group_reps_max
        if low > high:
            raise ValidationError(t("group_reps_min ({low}) may not exceed group_reps_max ({high})",
                                    low=low, high=high))
    version = RulesVersion(community_id=scope.community_id, key=key, value=text,
                           effective_from=effective_from, recorded_by=scope.clerk, note=note)
    scope.session.add(version)
    audit.record_row(scope, "rules.set", "rules_version", version,
                     before={"key": key, "value": current.texts[key]})
    return version


# ---------------------------------------------------------------- settings

SETTINGS = ("timezone", "office_phone")  # what `juwei community set` may change


def check_office_phone(value: str) -> str | None:
    """The office's public phone as printed on the board: digits, spaces, ``-``, ``+``, ``(`` ``)``, ``/`` and
    ``转`` (an extension), at most 32 characters; empty clears it."""
    import unicodedata

    text = " ".join(unicodedata.normalize("NFKC", value or "").split())
    if not text:
        return None
    if len(text) > 32 or not any(c.isdigit() for c in text) or any(
            not (c.isdigit() and c.isascii()) and c not in " -+()/转" for c in text):
        raise ValidationError(t("'{value}' is not a phone number (digits, spaces, -, +, parentheses; at most 32)",
                                value=value[:40]))
    return text


def set_setting(scope: Scope, key: str, value: str) -> Community:
    """Change one of the community's settings; audited. ``timezone``: an IANA zone name (stored instants
    are UTC, so changing it changes how times are shown and which day is today, never what was recorded)."""
    if key not in SETTINGS:
        raise ValidationError(t("'{key}' is not a community setting; use one of {allowed}",
                                key=key, allowed=", ".join(SETTINGS)))
    community = scope.community
    before = audit.row_state(community)
    if key == "office_phone":
        community.office_phone = check_office_phone(value)
    else:
        community.timezone = clock.check_zone(value)
    scope.session.add(community)
    audit.record_row(scope, "community.set", "community", community, before=before)
    return community
