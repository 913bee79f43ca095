"""A realistic sample community, generated deterministically (for `juwei demo`, tests and benchmarks).

Names, households and groups look like a real 社区's roll; every ID number is valid (GB 11643) with
birth date and gender agreeing. Some residents are minors, one is deprived of political rights, one
has moved away, so that every rule about who belongs to a body has something to act on.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Iterator

from juwei.rules.idnumber import make_id
from juwei.rules.people import age_on

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN_M = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国志文博振海峰东兴"
GIVEN_F = "芳娜敏静丽艳娟霞秀玲桂英华慧巧美娇淑惠珠翠雅芝玉萍红月彩春菊兰凤洁梅琳素云莲真环雪荣爱妹"
AREA_CODES = ("110101", "110105", "110102", "320102", "370102", "130102", "410105", "420106")
STREETS = ("和平里东街", "安定门外大街", "地坛北里", "青年湖南街", "东河沿")
GROUP_NAMES = ("第一居民小组", "第二居民小组", "第三居民小组", "第四居民小组", "第五居民小组", "第六居民小组")


@dataclass
class SampleMember:
    name: str
    id_number: str
    birth_date: dt.date
    gender: str
    phone: str | None
    party_member: bool = False
    rights: str = ""  # the spreadsheet's 政治权利 cell


@dataclass
class SampleHousehold:
    number: str
    address: str
    group: str
    members: list[SampleMember] = field(default_factory=list)


def _name(rng: random.Random, gender: str) -> str:
    pool = GIVEN_M if gender == "M" else GIVEN_F
    given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _person(rng: random.Random, birth: dt.date, gender: str, used: set[str]) -> SampleMember:
    while True:
        seq = rng.randrange(0, 500) * 2 + (1 if gender == "M" else 0)
        number = make_id(rng.choice(AREA_CODES), birth, seq)
        if number not in used:
            used.add(number)
            break
    phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" if rng.random() < 0.8 else None
    return SampleMember(_name(rng, gender), number, birth, gender, phone)


def sample_households(today: dt.date, households: int = 120, seed: int = 2026) -> list[SampleHousehold]:
    """About 2.6 residents per household: couples, children, the elderly."""
    rng = random.Random(seed)
    used: set[str] = set()
    out = []
    for i in range(households):
        group = GROUP_NAMES[i * len(GROUP_NAMES) // households]
        street = STREETS[i % len(STREETS)]
        h = SampleHousehold(number=f"{i // 20 + 1:02d}{i % 20 + 1:03d}",
                            address=f"{street}{i // 20 + 1}号楼{(i % 20) // 4 + 1}单元{(i % 4) + 1}0{(i % 3) + 1}室",
                            group=group)
        head_age = rng.randint(26, 85)
        head_gender = rng.choice("MF")
        h.members.append(_person(rng, _birth(rng, today, head_age), head_gender, used))
        if rng.random() < 0.75:
            h.members.append(_person(rng, _birth(rng, today, max(19, head_age + rng.randint(-4, 4))),
                                     "F" if head_gender == "M" else "M", used))
        if head_age < 60 and rng.random() < 0.7:
            for _ in range(rng.randint(1, 2)):
                h.members.append(_person(rng, _birth(rng, today, rng.randint(1, max(2, head_age - 22))),
                                         rng.choice("MF"), used))
        for m in h.members:
            # Sample demographics, not a community rule: the Party admits members from 18.
            m.party_member = rng.random() < 0.12 and age_on(m.birth_date, today) >= 18
        out.append(h)
    # Boundaries the rules care about: someone who turns 18 today, someone whose deprivation of
    # political rights runs until next year.
    out[0].members.append(_person(rng, today.replace(year=today.year - 18) if not (today.month == 2 and today.day == 29)
                                  else today.replace(year=today.year - 18, day=28), "F", used))
    out[1].members[0].rights = f"剥夺 {today.year - 2}-01-01~{today.year + 1}-12-31"
    return out


def _birth(rng: random.Random, today: dt.date, age: int) -> dt.date:
    return today - dt.timedelta(days=age * 365 + rng.randint(10, 350))


def sample_rows(today: dt.date, households: int = 120, seed: int = 2026) -> Iterator[dict[str, object]]:
    """The sample as spreadsheet rows, with the import's column names."""
    for h in sample_households(today, households, seed):
        for m in h.members:
            yield {"name": m.name, "id_number": m.id_number, "birth_date": m.birth_date.isoformat(),
                   "gender": "男" if m.gender == "M" else "女", "household": h.number, "group": h.group,
                   "address": h.address, "phone": m.phone or "", "political_rights": m.rights or "正常",
                   "party_member": "是" if m.party_member else "否"}


def load_sample(scope, households: int = 120, seed: int = 2026) -> dict[str, int]:
    """Put the sample community on the roll through the roster services (audited like any entry):
    groups, households with designated representatives, members, 2–3 elected representatives per group
    whose terms began a year ago, and two ex officio representatives (S2: a people's congress deputy and a
    CPPCC member; committee and party members are ex officio through the register, :func:`sample_register`)."""
    from juwei.errors import JuweiError
    from juwei.rules.people import is_adult, rights_deprived_on
    from juwei.rules.records import political_rights
    from juwei.services import roster
    from juwei.services.community import rules_on

    today = scope.today
    term_start = today.replace(year=today.year - 1, month=1, day=1)
    rules = rules_on(scope, term_start)

    def may_serve(birth: dt.date, deprived_from: dt.date | None, until: dt.date | None, day: dt.date) -> bool:
        # S1 by the community's own profile, on the day the representatives' terms begin and today
        return (is_adult(birth, day, rules.adult_age, rules.adult_birthday_counts)
                and not rights_deprived_on(deprived_from, until, day))
    sample = sample_households(today, households, seed)
    rng = random.Random(seed + 1)
    roster.ensure_groups(scope, [h.group for h in sample])
    adults_by_group: dict[str, list[int]] = {}
    count = 0
    for h in sample:
        roster.add_household(scope, h.number, address=h.address, group=h.group)
        first_adult = None
        for m in h.members:
            deprived, start, until = political_rights(m.rights)
            member = roster.add_member(scope, {
                "name": m.name, "id_number": m.id_number, "phone": m.phone, "party_member": m.party_member,
                "rights_deprived_from": start if deprived else None,
                "rights_deprived_until": until if deprived else None,
            }, household=h.number)
            count += 1
            frm, until = (start, until) if deprived else (None, None)
            if may_serve(m.birth_date, frm, until, term_start) and may_serve(m.birth_date, frm, until, today):
                first_adult = first_adult or member.id
                adults_by_group.setdefault(h.group, []).append(member.id)
        if first_adult:
            roster.set_household_representative(scope, h.number, str(first_adult))
    reps = 0
    for group, ids in adults_by_group.items():
        for member_id in rng.sample(ids, min(len(ids), rng.choice((2, 3)))):
            roster.add_representative(scope, str(member_id), start=term_start, group=group)
            reps += 1
    # committee and party-organisation members sit ex officio through the committee register (S2)
    chosen = rng.sample([i for ids in adults_by_group.values() for i in ids], 2)
    for member_id, basis in zip(chosen, ("npc_deputy", "cppcc_member")):
        try:
            roster.add_representative(scope, str(member_id), start=term_start, ex_officio=basis)
            reps += 1
        except JuweiError:  # e.g. already serving on that basis: the sample simply has one fewer
            continue
    return {"households": len(sample), "members": count, "representatives": reps}


@dataclass
class SampleRegister:
    """Who the demo puts in the committee register: member ids, each from a different household."""
    term_start: dt.date
    committee: list[tuple[int, str]]  # (member id, role): director, deputy, three members
    party: list[int]  # the party organisation, its secretary first
    deliberation: list[int]
    collectors: list[int]
    leaders: dict[str, int]  # group → its leader
    staff: int  # the one staff member who lives in the community


def sample_register(scope, seed: int = 2026) -> SampleRegister | None:
    """Residents to fill the committee register with: adults of working age with political rights, one per
    household, chosen reproducibly; the term began when the representatives' did (S3: renewed together).
    None when the community is too small to staff it."""
    from sqlmodel import select

    from juwei.rules.people import is_adult, rights_deprived_on
    from juwei.services.community import rules_on
    from juwei.storage.models import Household, Member, ResidentsGroup

    today = scope.today
    start = today.replace(year=today.year - 1, month=1, day=1)
    rules = rules_on(scope, start)
    rows = scope.session.exec(select(Member, ResidentsGroup.name).join(Household, Member.household_id == Household.id)
                              .join(ResidentsGroup, Household.group_id == ResidentsGroup.id)
                              .where(Member.community_id == scope.community_id).order_by(Member.id)).all()
    seen: set[int] = set()
    able: list[tuple[int, str]] = []
    for member, group in rows:
        if (member.household_id not in seen and member.birth_date and 25 <= today.year - member.birth_date.year <= 62
                and is_adult(member.birth_date, start, rules.adult_age, rules.adult_birthday_counts)
                and not rights_deprived_on(member.rights_deprived_from, member.rights_deprived_until, today)):
            seen.add(member.household_id)
            able.append((member.id, group))
    if len(able) < 16:
        return None
    rng = random.Random(seed + 2)
    picked = rng.sample(able, 16)
    ids = [member_id for member_id, _ in picked]
    leaders: dict[str, int] = {}
    for member_id, group in able:
        if member_id not in ids:
            leaders.setdefault(group, member_id)
    roles = ["director", "deputy", "member", "member", "member"]
    return SampleRegister(start, list(zip(ids[:5], roles)), [ids[0], ids[5], ids[6]], [ids[1], ids[7], ids[8]],
                          ids[9:13], leaders, ids[13])


def sample_evaluation_counts(subjects: list[str], valid: int) -> list[tuple[str, int, int, int, int]]:
    """A democratic evaluation's count sheet for the demo (S19): per subject the ballots for 优秀, 合格, 基本合格,
    不合格, each row adding up to ``valid``. The first subject is graded excellent, the second is tied between
    excellent and competent (for the meeting to decide), the third basically competent (an admonition), the
    rest competent."""
    rows = []
    for n, name in enumerate(subjects):
        if n == 0:
            rows.append((name, valid - 2, 2, 0, 0))
        elif n == 1:
            half = valid // 2
            rows.append((name, half, half, valid - 2 * half, 0))
        elif n == 2:
            basic = valid // 2 + 1
            rows.append((name, 0, valid - basic, basic, 0))
        else:
            rows.append((name, 2, valid - 3, 1, 0))
    return rows


# A month of what residents raise (S10): (category number, source, text, resolved?)
SENTIMENT_SAMPLES = (
    ("1", "collector", "小区晚间停车位紧张，车辆占用消防通道", False),
    ("2", "visit", "独居老人希望社区提供助餐服务", True),
    ("3", "mailbox", "建议居务公开栏增加电子屏", False),
    ("1", "reception", "楼道照明灯损坏多日未修", True),
    ("2", "phone", "低收入家庭咨询临时救助申请办法", True),
    ("5", "collector", "退休教师义务为社区儿童辅导功课", True),
    ("6", "reception", "部分居民因加装电梯费用分摊意见分歧，有聚集反映的苗头", False),
    ("4", "online", "楼门长制度让垃圾分类落实得更好", True),
    ("3", "visit", "希望社区活动室周末开放", False),
    ("7", "mailbox", "辖区单位愿意提供场地开展文体活动", True),
)


@dataclass
class SampleSentiment:
    month: str  # YYYY-MM
    items: int
    urgent: int


def sample_sentiment(scope, collectors: list[int], seed: int = 2026) -> SampleSentiment:
    """A month of sentiment work (S10–S12) in the month before today: the items the information collectors
    and the office heard, each handled, the urgent one reported the next day."""
    from juwei.rules.sentiment import CATEGORY_NUMBERS, Category, Source, Status, month_of
    from juwei.services import sentiment

    rng = random.Random(seed + 3)
    month = month_of(scope.today).previous()
    days = sorted(rng.sample(range(1, month.last.day + 1), len(SENTIMENT_SAMPLES)))
    urgent = 0
    for (number, source, text, settled), day in zip(SENTIMENT_SAMPLES, days):
        received = dt.date(month.year, month.month, day)
        by = str(collectors[day % len(collectors)]) if source == "collector" and collectors else None
        added = sentiment.add_item(scope, category=Category(CATEGORY_NUMBERS[number]), source=Source(source),
                                   text=text, by=by, received=received)
        item = added.item
        if added.urgent_due is not None:
            urgent += 1
            sentiment.record_reported(scope, item.id, to="街道党工办", on=added.urgent_due)
        handled = min(received + dt.timedelta(days=rng.randint(1, 6)), scope.today)
        if settled:
            sentiment.update_item(scope, item.id, status=Status.RESOLVED, note="已办结并回访", on=handled)
        else:
            sentiment.update_item(scope, item.id, status=Status.REFERRED, note="已转相关部门办理", on=handled)
    return SampleSentiment(str(month), len(SENTIMENT_SAMPLES), urgent)


def grid_steps(register: SampleRegister, today: dt.date, out, households: int) -> list[tuple[str, ...]]:
    """The commands the demo ends with: every residents' group under a committee member or staff member, two
    households handed on to the other staff, and no blind spots left (S11, S13); a household visit; the board
    sheet with the office phone; a staff member's work log and last month's summary (S28, the summary file
    written into ``out``); a gift returned (S27)."""
    from pathlib import Path

    from juwei.rules.staffwork import month_of
    from juwei.services import files

    people = [str(member_id) for member_id, _ in register.committee] + ["孙丽"]
    groups = list(dict.fromkeys(GROUP_NAMES[i * len(GROUP_NAMES) // households] for i in range(households)))
    steps: list[tuple[str, ...]] = [("community", "set", "office_phone", "010-6401 2345")]
    steps += [("grid", "assign", people[n % len(people)], "--group", group) for n, group in enumerate(groups)]
    steps += [("grid", "unassign", "--household", "01002", "--household", "01003"),
              ("grid", "assign", "周强", "--household", "01002"),
              ("grid", "assign", str(register.staff), "--household", "01003")]
    steps += [("grid", "check"), ("grid", "visit", "01001", "--by", people[0], "--on", today.isoformat(),
                                  "--note", "了解老人生活情况，登记加装电梯意见"),
              ("grid", "list", people[0]), ("grid", "render", "--doc", "board")]
    last = month_of(today.replace(day=1) - dt.timedelta(days=1))
    summary = Path(out) / f"staff-summary-{last}.md"
    files.write_text(summary, f"# {last} 月度工作小结\n\n完成低保年审，走访困难家庭十二户。\n", force=True)
    steps += [("staff", "log", "孙丽", "--on", today.isoformat(), "--text", "走访低保户三户，核对家庭收入"),
              ("staff", "summary", "孙丽", "--month", str(last), "--file", str(summary)),
              ("staff", "logs", "孙丽"),
              ("gift", "add", "--to", people[0], "--offered-by", "某装修公司", "--what", "购物卡", "--value", "500",
               "--on", today.isoformat(), "--handled", "returned", "--note", "当日退回，由居委会登记"),
              ("gift", "list")]
    return steps
