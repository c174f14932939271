"""A city whose collaborations follow a written-down, seeded process: the ground truth of the evaluation.

bench/collaborators_eval.py asks `collaborators` about this city as it was at a cut-off date and scores
the answers against the collaborations the process formed after it. The process (docs/collaborators.md,
"The evaluation city") is, year by year from 2016 to 2025:

- Chengde institutions run projects, base teams and host platforms in their own field; the people on
  them come from the host's staff (chosen by activeness and title) and, for joint work, from Beijing or
  Tianjin, as the plan's items 12 and 18 describe ("京津研发、承德转化": Beijing and Tianjin research,
  Chengde application, above all in hawthorn, herbs, fungi, potato, vanadium-titanium, solid waste).
- Each Beijing or Tianjin person who joins a Chengde work is drawn from a mixture whose parts are the
  reasons people really start working together: a PARTNER institution of the host (each Chengde
  institution has up to three, likelier in its field and, for an enterprise, a university or institute);
  shared HISTORY with someone already on the work (a past co-worker, a former colleague, or their
  co-worker: people in common; recent ties likelier than old ones); the FIELD of the work (their true
  field, which what they declare does not always show); and ANYONE, by activeness.
- A person's true field is what their work is in; declared fields are the true one three times in four,
  else its parent, a child or another field.

Nothing here reads the clock or the database: the same seed gives the same city.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field
from itertools import accumulate

from graph.migrations import read_reference

BEIJING, TIANJIN, CHENGDE = "110000", "120000", "130800"
PARTNER_AREAS = (BEIJING, TIANJIN)
YEARS = range(2016, 2026)
CUTOFF = dt.date(2024, 1, 1)
#: Share of people in each area, and of institutions (Beijing and Tianjin employers are larger).
PEOPLE_SHARE = {CHENGDE: 0.70, BEIJING: 0.18, TIANJIN: 0.12}
INSTITUTION_SHARE = {CHENGDE: 0.84, BEIJING: 0.10, TIANJIN: 0.06}
#: The plan's item 18: fields in which Beijing and Tianjin institutions are drawn to work in Chengde.
PLAN_FIELDS = (
    "hawthorn",
    "chinese-medicinal-herbs",
    "edible-fungi",
    "potato",
    "vanadium-titanium",
    "solid-waste-utilization",
)
#: The mixture a Beijing or Tianjin member of a Chengde work is drawn from (falling through when empty).
MIXTURE = (("PARTNER", 0.35), ("HISTORY", 0.30), ("FIELD", 0.25), ("ANYONE", 0.10))
#: A past tie of age `a` years is chosen with weight 0.5 ** (a / TIE_HALF_LIFE).
TIE_HALF_LIFE = 2.0
LEVELS = ("SENIOR", "DEPUTY_SENIOR", "INTERMEDIATE", "ASSISTANT", "JUNIOR")
LEVEL_SHARE = {CHENGDE: (3, 12, 40, 35, 10), BEIJING: (12, 28, 40, 17, 3), TIANJIN: (10, 25, 42, 20, 3)}
LEVEL_PULL = {"SENIOR": 3.0, "DEPUTY_SENIOR": 2.0, "INTERMEDIATE": 1.2, "ASSISTANT": 0.8, "JUNIOR": 0.6}
TYPES = {
    CHENGDE: (("ENTERPRISE", 50), ("INSTITUTE", 10), ("UNIVERSITY", 5), ("HOSPITAL", 15), ("SCHOOL", 20)),
    BEIJING: (("UNIVERSITY", 30), ("INSTITUTE", 30), ("ENTERPRISE", 30), ("HOSPITAL", 10)),
    TIANJIN: (("UNIVERSITY", 30), ("INSTITUTE", 25), ("ENTERPRISE", 35), ("HOSPITAL", 10)),
}
RESEARCH = ("UNIVERSITY", "INSTITUTE")
SUFFIX = {
    "ENTERPRISE": "科技有限公司",
    "INSTITUTE": "研究院",
    "UNIVERSITY": "大学",
    "HOSPITAL": "医院",
    "SCHOOL": "学校",
}
CITY = {CHENGDE: "承德", BEIJING: "北京", TIANJIN: "天津"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红飞鑫波宁斌宇浩凯健俊帆帅旭晨阳欣怡佳琪子涵雨轩博文"
)
WORK_WORDS = {
    "PROJECT": ("关键技术研究", "产业化示范", "技术攻关", "推广应用"),
    "TEAM": ("创新团队",),
    "PLATFORM": ("重点实验室",),
}


@dataclass
class Organisation:
    id: str
    name: str
    type: str
    region: str
    area: str
    fields: tuple[str, ...]
    size: float
    partners: list[str] = field(default_factory=list)
    staff: list[int] = field(default_factory=list)


@dataclass
class Human:
    id: str
    name: str
    employer: str
    area: str
    true_field: str
    fields: tuple[str, ...]
    level: str | None
    activeness: float
    former: list[tuple[str, dt.date, dt.date]] = field(default_factory=list)


@dataclass(frozen=True)
class Tie:
    """A person on a work: who, from when, in which role (leader, member; for platforms, a role's name)."""

    person: int
    since: dt.date
    role: str


@dataclass
class Work:
    """A team, project or platform at a Chengde host, with its people; projects list partner institutions."""

    kind: str
    id: str
    name: str
    host: str
    focus: str
    started: dt.date
    ties: list[Tie] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)


@dataclass
class City:
    """The generated city: what exists before and after `cutoff`, to be loaded and evaluated."""

    seed: int
    cutoff: dt.date
    organisations: list[Organisation]
    people: list[Human]
    works: list[Work]
    parents: dict[str, str | None]

    def by_id(self) -> dict[str, Organisation]:
        return {o.id: o for o in self.organisations}


class _Weighted:
    """Draw items with fixed weights in O(log n)."""

    def __init__(self, items: list[int], weights: list[float]) -> None:
        self.items, self.cumulative = items, list(accumulate(weights))

    def draw(self, rng: random.Random) -> int | None:
        if not self.items:
            return None
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def generate_city(people: int, seed: int, cutoff: dt.date = CUTOFF) -> City:
    """A city of about `people` people whose collaborations follow the process above."""
    rng = random.Random(seed)
    fields = read_reference("fields")
    codes = [f["code"] for f in fields]
    parents = {f["code"]: f["parent"] for f in fields}
    counties = [r["code"] for r in read_reference("regions") if r["parent"] == CHENGDE]
    names = {f["code"]: f["name"] for f in fields}
    orgs: list[Organisation] = []
    for n in range(max(30, people // 50)):
        area = rng.choices(list(INSTITUTION_SHARE), weights=list(INSTITUTION_SHARE.values()))[0]
        kind = rng.choices([t for t, _ in TYPES[area]], weights=[w for _, w in TYPES[area]])[0]
        own = rng.choice(PLAN_FIELDS) if area == CHENGDE and rng.random() < 0.5 else rng.choice(codes)
        extra = (rng.choice(codes),) if kind in RESEARCH and rng.random() < 0.5 else ()
        region = rng.choice(counties) if area == CHENGDE else area
        org_fields = tuple(dict.fromkeys((own, *extra)))
        name = f"{CITY[area]}{names[own]}{SUFFIX[kind]}{n}"
        orgs.append(Organisation(f"E{seed}-i{n}", name, kind, region, area, org_fields, rng.paretovariate(1.3)))
    by_area = {area: [o for o in orgs if o.area == area] for area in PEOPLE_SHARE}
    sizes = {area: list(accumulate(o.size for o in pool)) for area, pool in by_area.items()}
    humans = [_human(rng, n, seed, by_area, sizes, codes, parents) for n in range(people)]
    org_of = {o.id: o for o in orgs}
    for index, human in enumerate(humans):
        org_of[human.employer].staff.append(index)
    _former_jobs(rng, humans, orgs)
    for org in by_area[CHENGDE]:
        org.partners = _partners(rng, org, by_area[BEIJING] + by_area[TIANJIN], parents)
    works = _Process(rng, seed, humans, orgs, parents, names).run()
    return City(seed, cutoff, orgs, humans, works, parents)


def _human(
    rng: random.Random,
    n: int,
    seed: int,
    by_area: dict[str, list[Organisation]],
    sizes: dict[str, list[float]],
    codes: list[str],
    parents: dict[str, str | None],
) -> Human:
    area = rng.choices(list(PEOPLE_SHARE), weights=list(PEOPLE_SHARE.values()))[0]
    employer = rng.choices(by_area[area], cum_weights=sizes[area])[0]
    true_field = rng.choice(employer.fields) if rng.random() < 0.75 else rng.choice(codes)
    roll = rng.random()
    children = [code for code, parent in parents.items() if parent == true_field]
    near = [c for c in [parents[true_field], *children] if c]
    declared = true_field if roll < 0.75 else rng.choice(near) if roll < 0.9 and near else rng.choice(codes)
    fields = (declared,) + ((rng.choice(codes),) if rng.random() < 0.2 else ())
    level = rng.choices(LEVELS, weights=LEVEL_SHARE[area])[0] if rng.random() < 0.8 else None
    name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
    activeness = rng.lognormvariate(0, 0.8) * (LEVEL_PULL[level] if level else 0.5)
    return Human(f"E{seed}-p{n}", name, employer.id, area, true_field, tuple(dict.fromkeys(fields)), level, activeness)


def _former_jobs(rng: random.Random, humans: list[Human], orgs: list[Organisation]) -> None:
    """One person in five had a former employer, mostly in their own area, before 2016."""
    pools = {area: [o for o in orgs if o.area == area] for area in PEOPLE_SHARE} | {"": orgs}
    draws = {area: list(accumulate(o.size for o in pool)) for area, pool in pools.items()}
    for human in humans:
        if rng.random() < 0.2:
            area = human.area if rng.random() < 0.85 else ""
            old = rng.choices(pools[area], cum_weights=draws[area])[0]
            if old.id != human.employer:
                until = dt.date(rng.randint(2008, 2015), 6, 30)
                human.former.append((old.id, dt.date(until.year - rng.randint(2, 8), 7, 1), until))


def _partners(
    rng: random.Random, org: Organisation, others: list[Organisation], parents: dict[str, str | None]
) -> list[str]:
    """Up to three Beijing or Tianjin partner institutions, likelier in the field, research ones for firms."""

    def weight(other: Organisation) -> float:
        shared = set(org.fields) & set(other.fields)
        related = {parents[f] for f in org.fields} & ({parents[f] for f in other.fields} | set(other.fields))
        affinity = 4.0 if shared else 1.5 if related else 0.3
        transfer = 2.0 if org.type == "ENTERPRISE" and other.type in RESEARCH else 1.0
        return affinity * transfer * (1.5 if other.area == BEIJING else 1.0) * other.size**0.5

    chosen: list[str] = []
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        pick = rng.choices(others, weights=[weight(o) for o in others])[0]
        if pick.id not in chosen:
            chosen.append(pick.id)
    return chosen


class _Process:
    """The year-by-year formation of works and of who joins them."""

    def __init__(
        self,
        rng: random.Random,
        seed: int,
        humans: list[Human],
        orgs: list[Organisation],
        parents: dict[str, str | None],
        names: dict[str, str],
    ) -> None:
        self.rng, self.seed, self.humans, self.parents, self.names = rng, seed, humans, parents, names
        self.orgs = {o.id: o for o in orgs}
        self.ties: dict[int, list[tuple[int, dt.date]]] = {}
        partner_people = [n for n, h in enumerate(humans) if h.area != CHENGDE]
        self.anyone = _Weighted(partner_people, [humans[n].activeness for n in partner_people])
        self.by_field: dict[str, _Weighted] = {}
        experts: dict[str, list[int]] = {code: [] for code in names}
        for n in partner_people:
            experts[humans[n].true_field].append(n)
        for code, found in experts.items():
            self.by_field[code] = _Weighted(found, [humans[n].activeness for n in found])
        self.staff_draw = {o.id: _Weighted(o.staff, [humans[n].activeness for n in o.staff]) for o in orgs}
        colleagues: dict[str, list[int]] = {}
        for n, human in enumerate(humans):
            colleagues.setdefault(human.employer, []).append(n)
        for n, human in enumerate(humans):
            for old, _, until in human.former:
                for other in rng.sample(colleagues.get(old, []), min(3, len(colleagues.get(old, [])))):
                    self._tie(n, other, until)
        chengde = [o for o in orgs if o.area == CHENGDE and o.staff]
        self.hosts = _Weighted(list(range(len(chengde))), [o.size * (3 if o.type in RESEARCH else 1) for o in chengde])
        self.chengde = chengde
        self.works: list[Work] = []

    def _tie(self, a: int, b: int, on: dt.date) -> None:
        self.ties.setdefault(a, []).append((b, on))
        self.ties.setdefault(b, []).append((a, on))

    def run(self) -> list[Work]:
        size = len(self.humans)
        for year in YEARS:
            for _ in range(max(2, size // 150)):
                self._new_work("PROJECT", year)
            for _ in range(max(1, size // 1500)):
                self._new_work("TEAM", year)
            if year < 2024:
                for _ in range(max(1, size // 3000)):
                    self._new_work("PLATFORM", year)
            for work in [w for w in self.works if w.kind != "PROJECT"]:
                if self.rng.random() < 0.35:
                    self._join(work, dt.date(year, self.rng.randint(1, 12), 1), partner=self.rng.random() < 0.5)
        return self.works

    def _new_work(self, kind: str, year: int) -> None:
        rng = self.rng
        host = self.chengde[self.hosts.draw(rng) or 0]
        work_field = host.fields[0] if rng.random() < 0.8 else rng.choice(host.fields)
        started = dt.date(year, 1, 1) if kind == "PROJECT" else dt.date(year, rng.randint(1, 12), 1)
        serial = len(self.works)
        name = f"{self.names[work_field]}{rng.choice(WORK_WORDS[kind])}{serial}"
        work = Work(kind, f"E{self.seed}-{kind[0].lower()}{serial}", name, host.id, work_field, started)
        self.works.append(work)
        leader = self._host_person(host, work_field)
        work.ties.append(Tie(leader, started, "leader" if kind != "PLATFORM" else "director"))
        for _ in range(rng.randint(1, 4)):
            self._join(work, started, partner=False)
        joint = 0.65 if work_field in PLAN_FIELDS else 0.45
        if rng.random() < joint:
            for _ in range(rng.choice((1, 1, 2))):
                self._join(work, started, partner=True)

    def _host_person(self, host: Organisation, work_field: str) -> int:
        for _ in range(4):
            pick = self.staff_draw[host.id].draw(self.rng)
            if pick is not None and self.humans[pick].true_field == work_field:
                return pick
        return self.staff_draw[host.id].draw(self.rng) or host.staff[0]

    def _join(self, work: Work, on: dt.date, partner: bool) -> None:
        person = self._partner_person(work, on) if partner else self._host_person(self.orgs[work.host], work.focus)
        if person is None or any(t.person == person for t in work.ties):
            return
        for tie in work.ties:
            self._tie(person, tie.person, on)
        role = "researcher" if work.kind == "PLATFORM" else "member"
        work.ties.append(Tie(person, on, role))
        employer = self.humans[person].employer
        if work.kind == "PROJECT" and self.humans[person].area != CHENGDE and employer not in work.partners:
            work.partners.append(employer)

    def _partner_person(self, work: Work, on: dt.date) -> int | None:
        rng = self.rng
        first = rng.choices(range(len(MIXTURE)), weights=[w for _, w in MIXTURE])[0]
        for part, _ in MIXTURE[first:] + MIXTURE[:first]:
            person = self._draw(part, work, on)
            if person is not None:
                return person
        return None

    def _draw(self, part: str, work: Work, on: dt.date) -> int | None:
        rng, humans = self.rng, self.humans
        if part == "PARTNER":
            if not self.orgs[work.host].partners:
                return None
            org = self.orgs[rng.choice(self.orgs[work.host].partners)]
            for _ in range(4):
                pick = self.staff_draw[org.id].draw(rng)
                if pick is not None and humans[pick].true_field == work.focus:
                    return pick
            return self.staff_draw[org.id].draw(rng)
        if part == "HISTORY":
            known = [
                (other, 0.5 ** ((on - since).days / 365 / TIE_HALF_LIFE) * (1 if depth == 0 else 0.3))
                for tie in work.ties
                for depth, (other, since) in self._known(tie.person)
                if since < on
            ]
            partners = [(other, w) for other, w in known if humans[other].area != CHENGDE]
            if not partners:
                return None
            return rng.choices([p for p, _ in partners], weights=[w for _, w in partners])[0]
        if part == "FIELD":
            return self.by_field[work.focus].draw(rng)
        return self.anyone.draw(rng)

    def _known(self, person: int) -> list[tuple[int, tuple[int, dt.date]]]:
        """The person's past co-workers (depth 0) and a few of theirs (depth 1: people in common)."""
        direct = self.ties.get(person, [])[-30:]
        second = [(1, tie) for other, _ in direct[-5:] for tie in self.ties.get(other, [])[-10:] if tie[0] != person]
        return [(0, tie) for tie in direct] + second
