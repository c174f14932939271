"""The demo's teams, projects, platforms and foreign-expert visits, drawn from its people (generate_demo.py).

Work follows fields: a team or project in a field is based at a Chengde institution of that field, led
and staffed by its people of the field, and about half of them bring in Beijing or Tianjin experts of
the same field (the plan's items 12 and 18: 京津研发、承德转化). People who already work on projects
are likelier to join the next, as in life, so that people come to know each other through others.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from loaders import demo_words as words
from loaders import synthetic_names as names
from loaders.countries import COUNTRY_NAMES
from loaders.demo_words import DEMO_MARK, DEMO_PREFIX
from loaders.generate_activity import random_date
from loaders.generate_institutions import CHENGDE, Institution, Staff
from loaders.records import LABELS_ZH, Level, PlatformKind, ProjectKind, TeamOrigin, TeamStatus
from loaders.reference import Reference

if TYPE_CHECKING:
    from loaders.generate_demo import DemoCity

__all__ = ["platforms", "projects", "random_date", "teams", "visits"]

TableRow = dict[str, str]
PLAN_START = date(2021, 1, 1)
_RESEARCH = ("UNIVERSITY", "INSTITUTE", "ENTERPRISE", "HOSPITAL")
_SENIOR = ("SENIOR", "DEPUTY_SENIOR")
#: How often each field is the subject of work: the plan's leading industries (items 5, 6 and 18) most.
FIELD_WEIGHTS = {field: 1.0 for field in words.TOPICS} | {
    "vanadium-titanium": 3.0,
    "hawthorn": 2.0,
    "potato": 2.0,
    "edible-fungi": 2.0,
    "chinese-medicinal-herbs": 2.0,
    "solid-waste-utilization": 1.5,
    "green-food-biomedicine": 1.5,
}
JOINT_SHARE = 0.5
#: The institution whose own key README.md's institution admin uses: it has a team, a platform and visits.
SHOWCASE = f"承德医学院{DEMO_MARK}"
#: Projects a year from 2019: the plan asks for at least 60 a year from 2021 (2025 is half over).
PROJECTS_BY_YEAR = {2019: 22, 2020: 26, 2021: 55, 2022: 60, 2023: 64, 2024: 66, 2025: 37}


def _person(person: Staff) -> str:
    return f"{person.name}({person.id_number})"


class _Work:
    """Who can work on what: the demo's institutions and people by field, and who is busy already."""

    def __init__(self, rng: random.Random, city: DemoCity) -> None:
        self.rng = rng
        self.city = city
        self.busy: dict[Staff, int] = {}
        self.hosts = [i for i in city.institutions if i.area == CHENGDE and i.type in _RESEARCH]
        self.partners = [i for i in city.institutions if i.area != CHENGDE]

    def experts(self, inst: Institution, field: str) -> list[Staff]:
        return [p for p in self.city.staff.get(inst.name, []) if field in p.fields]

    def host_for(self, field: str, types: tuple[str, ...] = _RESEARCH) -> Institution:
        """A Chengde institution working in `field` with people of it, the bigger the likelier."""
        fitting = [i for i in self.hosts if field in i.fields and i.type in types and len(self.experts(i, field)) >= 2]
        fitting = fitting or [i for i in self.hosts if field in i.fields and self.experts(i, field)]
        fitting = fitting or [i for i in self.hosts if self.experts(i, field)] or self.hosts
        return self.rng.choices(fitting, weights=[len(self.city.staff.get(i.name, [])) + 1 for i in fitting])[0]

    def partner_for(self, field: str) -> Institution | None:
        fitting = [i for i in self.partners if field in i.fields and self.experts(i, field)]
        return self.rng.choice(fitting) if fitting else None

    def pick(self, people: list[Staff], count: int, exclude: set[Staff]) -> list[Staff]:
        """Up to `count` of `people`, seniors and those already at work likelier; they become busier."""
        pool = [p for p in people if p not in exclude]
        chosen: list[Staff] = []
        while pool and len(chosen) < count:
            weights = [(3 if p.level in _SENIOR else 1) + 2 * self.busy.get(p, 0) for p in pool]
            person = self.rng.choices(pool, weights=weights)[0]
            pool.remove(person)
            chosen.append(person)
        for person in chosen:
            self.busy[person] = self.busy.get(person, 0) + 1
        return chosen

    def field(self) -> str:
        return self.rng.choices(list(FIELD_WEIGHTS), weights=list(FIELD_WEIGHTS.values()))[0]


def _name(rng: random.Random, taken: set[str], options: list[str]) -> str:
    for option in rng.sample(options, len(options)):
        if option not in taken:
            taken.add(option)
            return option
    for n in range(2, 100):
        numbered = f"{options[0]}（{'二三四五六七八九'[min(n - 2, 7)]}期）" if n < 10 else f"{options[0]}{n}"
        if numbered not in taken:
            taken.add(numbered)
            return numbered
    raise RuntimeError("no free name")


def teams(rng: random.Random, city: DemoCity, count: int, reference: Reference, today: date) -> Iterator[TableRow]:
    """Innovation teams in every status, origin and level; about half with Beijing or Tianjin members."""
    work = _Work(rng, city)
    statuses: list[TeamStatus] = []
    while len(statuses) < count:
        block = [TeamStatus.RECOGNIZED] * 14 + [TeamStatus.APPROVED] * 8 + [TeamStatus.SUBMITTED] * 10
        block += [TeamStatus.REJECTED] * 4
        rng.shuffle(block)
        statuses += block
    # The first is waiting for review: README.md's administrator reviews DEMO-T0001.
    statuses.insert(0, statuses.pop(statuses.index(TeamStatus.SUBMITTED)))
    leaders: set[Staff] = set()
    taken: set[str] = set()
    used: set[str] = set()
    for n in range(count):
        field = list(words.TOPICS)[n] if n < len(words.TOPICS) else work.field()
        host = work.host_for(field, ("UNIVERSITY", "INSTITUTE", "ENTERPRISE"))
        if n == 2:
            host = city.by_name(SHOWCASE)
        experts = work.experts(host, field) or city.staff.get(host.name, [])
        seniors = [p for p in experts if p.level in _SENIOR and p not in leaders]
        candidates = seniors or [p for p in experts if p not in leaders]
        if not candidates:
            continue
        [leader] = work.pick(candidates, 1, set())
        leaders.add(leader)
        members = work.pick(experts, rng.randint(2, 6), {leader})
        joint = rng.random() < JOINT_SHARE
        partner = work.partner_for(field) if joint else None
        if partner is not None:
            members += work.pick(work.experts(partner, field), rng.randint(1, 3), set())
        status = statuses[n]
        recognized = ""
        if status == TeamStatus.RECOGNIZED:
            # A few were recognized before the plan began: the plan counts only those since.
            earlier = statuses[:n].count(TeamStatus.RECOGNIZED) % 5 == 1
            start, end = (date(2019, 1, 1), date(2020, 12, 31)) if earlier else (PLAN_START, today)
            recognized = str(random_date(rng, start, end))
        level = Level.NATIONAL if n in (0, 9) else Level.PROVINCIAL if n % 5 in (1, 3) else Level.MUNICIPAL
        origin = TeamOrigin.INTRODUCED if (partner is not None) == (rng.random() < 0.8) else TeamOrigin.CULTIVATED
        topics = [topic for topic in words.TOPICS[field] if topic not in used] or list(words.TOPICS[field])
        topic = rng.choice(topics)
        used.add(topic)
        yield {
            "team_id": f"{DEMO_PREFIX}T{n + 1:04d}",
            "name": _name(rng, taken, [topic + kind for kind in words.TEAM_KINDS]),
            "institution": host.credit_code or host.name,
            "fields": reference.fields.names[field],
            "leader": leader.name,
            "leader_id_number": leader.id_number,
            "members": ";".join(_person(p) for p in members),
            "origin": LABELS_ZH[origin][0],
            "level": LABELS_ZH[level][0],
            "status": status.value,
            "recognized_on": recognized,
        }


def projects(rng: random.Random, city: DemoCity, count: int, reference: Reference, today: date) -> Iterator[TableRow]:
    """Projects of every kind, run by Chengde institutions; about half joint with Beijing or Tianjin."""
    work = _Work(rng, city)
    years = [year for year, n in PROJECTS_BY_YEAR.items() if year <= today.year for _ in range(n)]
    years = sorted(rng.choices(years, k=count)) if count != len(years) else years
    kinds = list(ProjectKind)
    taken: set[str] = set()
    for n, year in enumerate(years):
        field = work.field()
        host = work.host_for(field)
        people = work.pick(work.experts(host, field) or city.staff.get(host.name, []), rng.randint(2, 4), set())
        partners: list[Institution] = []
        if rng.random() < JOINT_SHARE:
            for _ in range(1 if rng.random() < 0.8 else 2):
                partner = work.partner_for(field)
                if partner is not None and partner not in partners:
                    partners.append(partner)
                    people += work.pick(work.experts(partner, field), rng.randint(1, 3), set(people))
        if rng.random() < 0.15:
            local = work.host_for(field, ("ENTERPRISE",) if host.type != "ENTERPRISE" else ("UNIVERSITY", "INSTITUTE"))
            if local is not host:
                partners.append(local)
                people += work.pick(work.experts(local, field), 1, set(people))
        weights = (10, 6, 5, 30, 49) if year >= PLAN_START.year else (0, 0, 8, 40, 52)
        kind = rng.choices(kinds, weights=weights)[0]
        options = [topic + suffix for topic in words.TOPICS[field] for suffix in words.PROJECT_SUFFIXES]
        yield {
            "project_id": f"{DEMO_PREFIX}P{year}-{n + 1:04d}",
            "name": _name(rng, taken, options),
            "kind": LABELS_ZH[kind][0],
            "year": str(year),
            "institution": host.credit_code or host.name,
            "partners": ";".join(p.credit_code or p.name for p in partners),
            "participants": ";".join(_person(p) for p in people),
            "fields": reference.fields.names[field],
        }


_KINDS_BY_TYPE = {
    "ENTERPRISE": (
        PlatformKind.TECH_INNOVATION_CENTER,
        PlatformKind.ENTERPRISE_RD_CENTER,
        PlatformKind.ENGINEERING_CENTER,
    ),
    "UNIVERSITY": (PlatformKind.KEY_LAB, PlatformKind.ENGINEERING_CENTER, PlatformKind.INDUSTRIAL_TECH_INSTITUTE),
    "INSTITUTE": (PlatformKind.KEY_LAB, PlatformKind.INDUSTRIAL_TECH_INSTITUTE, PlatformKind.TECH_INNOVATION_CENTER),
    "HOSPITAL": (PlatformKind.KEY_LAB,),
}
_LEVEL_PREFIX = {Level.NATIONAL: "国家", Level.PROVINCIAL: "河北省", Level.MUNICIPAL: "承德市"}


def platforms(rng: random.Random, city: DemoCity, count: int, reference: Reference, today: date) -> Iterator[TableRow]:
    """R&D platforms of every kind and level: one national, most provincial, half of those new since 2021."""
    work = _Work(rng, city)
    taken: set[str] = set()
    for n in range(count):
        if n == 0:
            host, field = city.by_name(f"河钢集团承钢公司{DEMO_MARK}"), "vanadium-titanium"
            kind, level, established = PlatformKind.TECH_INNOVATION_CENTER, Level.NATIONAL, date(2024, 9, 20)
        else:
            field = work.field()
            host = work.host_for(field) if n != 1 else city.by_name(SHOWCASE)
            field = field if n != 1 else host.fields[0]
            kind = rng.choice(_KINDS_BY_TYPE[host.type])
            level = Level.MUNICIPAL if n % 4 == 3 else Level.PROVINCIAL
            start = PLAN_START if n % 2 else date(2008, 1, 1)
            end = today if n % 2 else date(2020, 12, 31)
            established = random_date(rng, start, end)
        label = LABELS_ZH[kind][0]
        # The plan's item 5: 承钢 working for a national vanadium-titanium technology innovation centre.
        topics = ("钒钛",) if level == Level.NATIONAL else words.TOPICS[field]
        options = [f"{_LEVEL_PREFIX[level]}{topic}{label}" for topic in topics]
        yield {
            "platform_id": f"{DEMO_PREFIX}PF{n + 1:04d}",
            "name": _name(rng, taken, options),
            "kind": kind.value,
            "level": LABELS_ZH[level][0],
            "institution": host.credit_code or host.name,
            "fields": reference.fields.names[field],
            "established_on": str(established),
        }


def visits(rng: random.Random, city: DemoCity, experts: int, reference: Reference, today: date) -> Iterator[TableRow]:
    """Foreign experts' visits to Chengde hosts since 2019, one to four each; one expert in six high-end."""
    work = _Work(rng, city)
    people = [
        (nationality, given, surname)
        for nationality, (givens, surnames) in names.FOREIGN_NAMES.items()
        for given in givens
        for surname in surnames
    ]
    chosen = rng.sample(people, min(experts, len(people)))
    # The plan's item 20: foreign experts for environmental protection and rural revitalization above all.
    fields = list(FIELD_WEIGHTS) + ["environmental-protection", "rural-revitalization"] * 4
    serial = 0
    for n, (nationality, given, surname) in enumerate(chosen):
        field = rng.choice(fields)
        host = work.host_for(field)
        if n == 1:
            host = city.by_name(SHOWCASE)
            field = host.fields[-1]
        arrived = random_date(rng, date(2019, 1, 1), date(2023, 12, 31))
        for _ in range(rng.choices((1, 2, 3, 4), weights=(30, 35, 25, 10))[0]):
            if arrived > today:
                break
            serial += 1
            departed = arrived + timedelta(days=rng.randint(3, 45))
            yield {
                "visit_id": f"{DEMO_PREFIX}V{serial:04d}",
                "expert_name": f"{given} {surname}",
                "nationality": rng.choice((nationality, COUNTRY_NAMES[nationality])),
                "passport_no": f"DEMO{nationality}{n + 1:04d}",
                "gender": "F" if given in names.FEMALE_FOREIGN else "M",
                "high_end": "Y" if n % 6 == 0 else "N",
                "host_institution": host.credit_code or host.name,
                "arrived_on": str(arrived),
                "departed_on": str(departed),
                "program": "京津冀协同发展引智计划" if rng.random() < 0.5 else rng.choice(names.VISIT_PROGRAMS),
                "purpose": rng.choice(names.VISIT_PURPOSES),
                "fields": reference.fields.names[field],
            }
            arrived = departed + timedelta(days=rng.randint(60, 360))
