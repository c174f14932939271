"""The demo city: Chengde's counties and zones with their Beijing and Tianjin partners, as import files.

It is made so that every capability answers with something a person can read: people with titles in
every county and zone, the plan's named universities, institutes and industries (loaders/demo_words.py),
innovation teams in every status (some with members from both sides), R&D platforms of every kind and
level, projects of every kind (many of them Beijing–Tianjin–Chengde joint projects), foreign experts
and their visits (some high-end), and people who changed employer.

**Nothing else can share an identifier or a name with it**: every id it writes (teams, projects,
platforms, visits, certificates; and the people and institutions the loader creates, loaders/demo.py)
starts with `DEMO-`; every institution's name ends with `（演示）`; identity numbers and credit codes
carry the address code 139900, which GB/T 2260 assigns to no place, so no real person's or
institution's number equals one of them; passports start with `DEMO`; e-mail addresses are at
example.com (reserved for examples) and phone numbers are landlines whose local number starts with 0,
which no exchange assigns. `loaders/generate.py` writes `G<seed>-` ids.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph.identity import make_credit_code, make_id_number
from loaders import demo_words as words
from loaders import generate_demo_activity as activity
from loaders import generate_figures as figures
from loaders import synthetic_names as names
from loaders.demo_words import DEMO_MARK, DEMO_PREFIX
from loaders.generate import TODAY, PeopleMaker, TableWriter, institution_row
from loaders.generate_institutions import CHENGDE, Institution, InstitutionPicker, Staff
from loaders.reference import Reference, load_reference

DEMO_PLACE = "139900"
DEMO_SEED = 2021
DEMO_PEOPLE = 5000
BEIJING, TIANJIN = "110000", "120000"
#: Where the demo's people work.
PEOPLE_BY_AREA = {CHENGDE: 80, BEIJING: 13, TIANJIN: 7}
#: Who they work for: research types weigh more than in a generated city, so that there are experts to find.
PEOPLE_BY_TYPE: Mapping[str, Mapping[str, float]] = {
    CHENGDE: {
        "SCHOOL": 30,
        "HOSPITAL": 20,
        "ENTERPRISE": 22,
        "GOVERNMENT": 11,
        "UNIVERSITY": 9,
        "INSTITUTE": 6,
        "OTHER": 2,
    },
    "partners": {"UNIVERSITY": 42, "INSTITUTE": 30, "ENTERPRISE": 16, "HOSPITAL": 12},
}
#: Share of a research institution's people whose fields are those of their institution.
OWN_FIELD_SHARE = 0.85
_REGISTRATION = {"ENTERPRISE": "91", "OTHER": "52", "GOVERNMENT": "11"}
_AREA_CODES = {BEIJING: "010", TIANJIN: "022", CHENGDE: "0314"}
RESEARCH_TYPES = ("UNIVERSITY", "INSTITUTE", "ENTERPRISE", "HOSPITAL")
AGRICULTURAL_FIELDS = frozenset(
    ("edible-fungi", "hawthorn", "potato", "chinese-medicinal-herbs", "rural-revitalization", "green-food-biomedicine")
)


@dataclass
class DemoCity:
    """The demo's people by current employer, and who moved: what the activity files are drawn from."""

    institutions: list[Institution]
    staff: dict[str, list[Staff]] = field(default_factory=dict)
    """Current staff by institution name."""
    former: dict[Staff, Institution] = field(default_factory=dict)
    """Where each person who moved worked before."""
    moves: list[tuple[str, str, date]] = field(default_factory=list)
    """(identity number, new employer's credit code, from when) of each move, in file order."""

    def by_name(self, name: str) -> Institution:
        return next(inst for inst in self.institutions if inst.name == name)


def generate_demo(out_dir: Path, people: int = DEMO_PEOPLE, seed: int = DEMO_SEED, today: date = TODAY) -> DemoCity:
    """Write the demo's import files (every kind) into `out_dir`; the same arguments give the same bytes."""
    rng = random.Random(seed)
    reference = load_reference()
    out_dir.mkdir(parents=True, exist_ok=True)
    city = DemoCity(institutions=make_demo_institutions(rng, reference))
    with TableWriter(out_dir / "institutions.csv", "institutions") as table:
        table.write_all(institution_row(inst, reference) for inst in city.institutions)
    maker = DemoPeopleMaker(rng, reference, today, certificate_prefix=DEMO_PREFIX)
    picker = _Picker(city.institutions)
    areas, area_weights = list(PEOPLE_BY_AREA), list(PEOPLE_BY_AREA.values())
    with TableWriter(out_dir / "people.csv", "people") as table:
        for _ in range(people):
            inst = picker.pick(rng, rng.choices(areas, weights=area_weights)[0])
            staff, rows = maker.person(inst)
            city.staff.setdefault(inst.name, []).append(staff)
            table.write_all(rows)
    _move_people(rng, city, people, today)
    scale = max(0.25, people / DEMO_PEOPLE)
    makers = (
        ("teams", activity.teams, round(36 * scale)),
        ("projects", activity.projects, round(330 * scale)),
        ("platforms", activity.platforms, round(52 * scale)),
        ("visits", activity.visits, round(34 * scale)),
    )
    for kind, make, count in makers:
        with TableWriter(out_dir / f"{kind}.csv", kind) as table:  # type: ignore[arg-type]
            table.write_all(make(rng, city, count, reference, today))
    # A generator of their own, so that the files above stay as they were before these were written.
    more = random.Random(f"{seed}-certifications-and-figures")
    with TableWriter(out_dir / "certifications.csv", "certifications") as table:
        table.write_all(figures.certifications(more, city.institutions, today))
    with TableWriter(out_dir / "indicators.csv", "indicators") as table:
        table.write_all(figures.indicators(more, city.institutions, reference, today))
    return city


class DemoPeopleMaker(PeopleMaker):
    """People as loaders/generate.py makes them, with the demo's numbers and contacts (module docstring)."""

    _at: Institution | None = None

    def person(self, inst: Institution) -> tuple[Staff, list[dict[str, str]]]:
        self._at = inst
        return super().person(inst)

    def _series(self, institution_type: str, excluding: str = "") -> str:
        series = super()._series(institution_type, excluding)
        if series == "AGRICULTURE" and self._at is not None and not set(self._at.fields) & AGRICULTURAL_FIELDS:
            # Agronomists where the land is worked: not at a materials institute or an IT firm.
            return super()._series(institution_type, "AGRICULTURE")
        return series

    def _institution_ref(self, inst: Institution) -> str:
        return inst.credit_code or inst.name

    def _id_number(self, area: str, birth_date: date, female: bool) -> str:
        while True:
            sequence = self.rng.randrange(0, 999, 2) + (0 if female else 1)
            number = make_id_number(DEMO_PLACE, birth_date, sequence)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def _email(self, surname: str, given: str) -> str:
        spelled = "".join(self._spell(c) for c in given + surname)
        return f"{spelled}{self.rng.randint(1, 999)}@example.com"

    def _phone(self, area: str) -> str:
        return f"{_AREA_CODES[area]}-0{self.rng.randrange(10**6):06d}"

    def _fields(self, series: str, institution_fields: tuple[str, ...]) -> tuple[str, ...]:
        if institution_fields and self.rng.random() < OWN_FIELD_SHARE:
            own = self.rng.choice(institution_fields)
            other = super()._fields(series, ()) if self.rng.random() < 0.2 else ()
            return tuple(dict.fromkeys((own, *other)))
        return super()._fields(series, institution_fields)


class _Picker(InstitutionPicker):
    """Picks where a new person works: type by the demo's shares within the area, then by size."""

    def shares(self, area: str) -> Mapping[str, float]:
        return PEOPLE_BY_TYPE[CHENGDE if area == CHENGDE else "partners"]


def make_demo_institutions(rng: random.Random, reference: Reference) -> list[Institution]:
    """The named institutions, then each county's and zone's hospitals, schools, bureaus and firms."""
    made: list[Institution] = []
    taken: set[str] = set()

    def add(name: str, kind: str, region: str, fields: tuple[str, ...], size: float) -> None:
        if name in taken:
            return
        taken.add(name)
        area = region if region in (BEIJING, TIANJIN) else CHENGDE
        enterprise = kind == "ENTERPRISE"
        made.append(
            Institution(
                name=name + DEMO_MARK,
                credit_code=make_credit_code(DEMO_PLACE, 90_000_000 + len(made) + 1, _REGISTRATION.get(kind, "12")),
                type=kind,
                region=region,
                area=area,
                high_tech=enterprise and (size >= 10 or rng.random() < 0.3),
                tech_sme=enterprise and size < 10 and rng.random() < 0.6,
                fields=fields,
                size=size,
            )
        )

    for spec in words.CHENGDE_NAMED:
        add(*spec)
    for region in reference.chengde_regions():
        place = region.name
        town = rng.choice(names.TOWN_HEADS) + rng.choice(names.TOWN_TAILS)
        if region.kind == "ZONE":
            if region.code == "130872":
                add(f"{place}卫生院", "HOSPITAL", region.code, (), 1)
                add(f"{place}中心学校", "SCHOOL", region.code, (), 1)
                add(f"{place}畜牧工作站", "GOVERNMENT", region.code, ("rural-revitalization",), 1)
            else:
                add("承德高新区实验学校", "SCHOOL", region.code, (), 1.5)
        elif region.code != "130802":
            add(f"{place}医院", "HOSPITAL", region.code, (), 3)
            add(f"{place}中医院", "HOSPITAL", region.code, ("chinese-medicinal-herbs",), 2)
            add(f"{place}{town}镇卫生院", "HOSPITAL", region.code, (), 1)
            add(f"{place}第一中学", "SCHOOL", region.code, (), 3)
            add(f"{place}实验小学", "SCHOOL", region.code, (), 2)
            add(f"{place}{town}镇中心小学", "SCHOOL", region.code, (), 1)
            add(f"{place}职业技术教育中心", "SCHOOL", region.code, (), 1.5)
            add(f"{place}农业农村局", "GOVERNMENT", region.code, ("rural-revitalization",), 2)
            add(f"{place}农业技术推广中心", "GOVERNMENT", region.code, ("rural-revitalization",), 1.5)
        industries = words.COUNTY_INDUSTRIES[region.code]
        for n, (industry, field_code) in enumerate(industries):
            add(_firm(rng, region.code, industry), "ENTERPRISE", region.code, (field_code,), rng.uniform(1, 3))
            if n == 0:
                add(_firm(rng, region.code, industry), "ENTERPRISE", region.code, (field_code,), rng.uniform(0.5, 2))
        if region.code in ("130822", "130828", "130881"):
            cooperative = {"130822": "山楂", "130828": "马铃薯", "130881": "食用菌"}[region.code]
            add(f"{place}{cooperative}专业合作社", "OTHER", region.code, (industries[0][1],), 1)
    for spec in words.PARTNERS_NAMED:
        add(*spec)
    for area, industries in words.PARTNER_INDUSTRIES.items():
        for industry, field_code in industries:
            add(_firm(rng, area, industry), "ENTERPRISE", area, (field_code,), rng.uniform(1, 3))
    return made


def _firm(rng: random.Random, region: str, industry: str) -> str:
    brand = rng.choice(names.BRANDS) + rng.choice(names.BRANDS)
    return f"{words.PLACE_SHORT[region]}{brand}{industry}有限公司"


def _move_people(rng: random.Random, city: DemoCity, people: int, today: date) -> None:
    """About 3 % change employer: Beijing and Tianjin experts come to Chengde (京津人才来承), some of
    Chengde's go to Beijing or Tianjin, and some move from a county to the city."""
    research = [i for i in city.institutions if i.type in RESEARCH_TYPES and i.fields]
    to_chengde = [i for i in research if i.area == CHENGDE]
    to_partners = [i for i in research if i.area != CHENGDE]
    centre = [i for i in city.institutions if i.region == "130802" and i.type in ("SCHOOL", "HOSPITAL")]
    plans = (
        (people * 18 // 1000, [i for i in to_partners if i.type != "ENTERPRISE"], to_chengde, (2021, 2024)),
        (people * 6 // 1000, [i for i in to_chengde if i.type != "HOSPITAL"], to_partners, (2019, 2023)),
        (
            people * 6 // 1000,
            [i for i in city.institutions if i.area == CHENGDE and i.region != "130802"],
            centre,
            (2018, 2024),
        ),
    )
    for count, sources, targets, (first, last) in plans:
        for _ in range(count):
            source = rng.choice(sources)
            movable = [p for p in city.staff.get(source.name, []) if p not in city.former]
            if not movable or not targets:
                continue
            person = rng.choice(movable)
            target = rng.choice(_fitting(targets, source, person))
            since = activity.random_date(rng, date(first, 1, 1), min(date(last, 12, 31), today))
            city.staff[source.name].remove(person)
            city.staff.setdefault(target.name, []).append(person)
            city.former[person] = source
            city.moves.append((person.id_number, target.credit_code or target.name, since))


def _fitting(targets: list[Institution], source: Institution, person: Staff) -> list[Institution]:
    """Where a person would move: the same kind of employer in their field, else the same kind, else any."""
    same_kind = [t for t in targets if t.type == source.type]
    in_field = [t for t in same_kind if set(t.fields) & set(person.fields)]
    return in_field or same_kind or targets
