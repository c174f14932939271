"""Synthetic institutions of every type across Chengde's counties, and Beijing and Tianjin partners."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import accumulate

from graph.identity import make_credit_code
from loaders import synthetic as s
from loaders import synthetic_names as words
from loaders.reference import Reference

CHENGDE = "130800"
CITY_CENTRE = "130802"
"""双桥区, where the largest schools and hospitals are."""
STAFF_KEPT = 6
SENIORS_KEPT = 4
_CREDIT_REGIONS = {"110000": s.BIRTHPLACES_BEIJING, "120000": s.BIRTHPLACES_TIANJIN}
_BRANCH = {"ENTERPRISE": "分公司", "SCHOOL": "分校", "HOSPITAL": "分院"}
_PLACE_NAMES = {"130871": "承德高新区", "130872": "御道口牧场管理区"}


@dataclass(frozen=True, slots=True)
class Staff:
    """A generated person kept to lead or join teams and projects."""

    name: str
    id_number: str
    level: str
    fields: tuple[str, ...]


@dataclass
class Institution:
    """A generated institution; `area` is 130800 for Chengde, else the partner's province-level city."""

    name: str
    credit_code: str | None
    type: str
    region: str
    area: str
    high_tech: bool
    tech_sme: bool
    fields: tuple[str, ...]
    size: float
    staff: list[Staff] = field(default_factory=list)
    seniors: list[Staff] = field(default_factory=list)

    def keep(self, person: Staff) -> None:
        """Remember the first few people (and seniors) who work here."""
        if len(self.staff) < STAFF_KEPT:
            self.staff.append(person)
        if person.level in ("SENIOR", "DEPUTY_SENIOR") and len(self.seniors) < SENIORS_KEPT:
            self.seniors.append(person)


class InstitutionPicker:
    """Picks the institution a new person works at: area, then type by share, then by size."""

    def __init__(self, institutions: list[Institution]) -> None:
        self._groups: dict[tuple[str, str], tuple[list[Institution], list[float]]] = {}
        for inst in institutions:
            members, _ = self._groups.setdefault((inst.area, inst.type), ([], []))
            members.append(inst)
        for key, (members, _) in self._groups.items():
            self._groups[key] = (members, list(accumulate(i.size for i in members)))

    def shares(self, area: str) -> Mapping[str, float]:
        """How the people of `area` spread over institution types."""
        return s.PEOPLE_BY_TYPE_CHENGDE if area == CHENGDE else s.PEOPLE_BY_TYPE_PARTNERS

    def pick(self, rng: random.Random, area: str) -> Institution:
        """An institution in the area, chosen so that people spread by type share and size."""
        shares = self.shares(area)
        types = [t for t in shares if (area, t) in self._groups]
        kind = rng.choices(types, weights=[shares[t] for t in types])[0]
        members, cumulative = self._groups[(area, kind)]
        return rng.choices(members, cum_weights=cumulative)[0]


def make_institutions(rng: random.Random, count: int, reference: Reference) -> list[Institution]:
    """About `count` institutions: every type in Chengde, at least one in each partner city."""
    partners = round(count * 0.08)
    plan = _by_share(CHENGDE, s.INSTITUTIONS_BY_TYPE_CHENGDE, count - partners, every_type=True)
    for area, weight in s.PARTNER_REGIONS.items():
        share_of_partners = round(partners * weight / sum(s.PARTNER_REGIONS.values()))
        plan += _by_share(area, s.INSTITUTIONS_BY_TYPE_PARTNERS, share_of_partners, every_type=False)
    regions = list(s.CHENGDE_REGION_WEIGHTS)
    region_weights = list(s.CHENGDE_REGION_WEIGHTS.values())
    names: set[str] = set()
    serials: set[int] = set()
    institutions = []
    for area, kind in plan:
        region = rng.choices(regions, weights=region_weights)[0] if area == CHENGDE else area
        place = _PLACE_NAMES.get(region) or reference.regions[region].name
        name, fields = _unique_name(rng, names, kind, area, place)
        enterprise = kind == "ENTERPRISE"
        institutions.append(
            Institution(
                name=name,
                credit_code=_credit_code(rng, serials, kind, region, area) if rng.random() < 0.95 else None,
                type=kind,
                region=region,
                area=area,
                high_tech=enterprise and rng.random() < 0.09,
                tech_sme=enterprise and rng.random() < 0.55,
                fields=fields,
                size=rng.lognormvariate(0, 0.7) * (2.0 if region == CITY_CENTRE else 1.0),
            )
        )
    return institutions


def _by_share(area: str, shares: Mapping[str, float], count: int, every_type: bool) -> list[tuple[str, str]]:
    """(area, type) for each institution to make; with `every_type` each type at least once."""
    total = sum(shares.values())
    counts = {kind: round(count * share / total) for kind, share in shares.items()}
    if every_type or not any(counts.values()):
        first = next(iter(shares))
        counts = {kind: max(1, n) if every_type or kind == first else n for kind, n in counts.items()}
    return [(area, kind) for kind, n in counts.items() for _ in range(n)]


def _credit_code(rng: random.Random, serials: set[int], kind: str, region: str, area: str) -> str:
    registration = {"ENTERPRISE": "91", "OTHER": "52"}.get(kind, "12")
    code_region = rng.choice(_CREDIT_REGIONS[area]) if area in _CREDIT_REGIONS else region
    serial = rng.randrange(10**8)
    while serial in serials:
        serial = rng.randrange(10**8)
    serials.add(serial)
    return make_credit_code(code_region, serial, registration)


def _unique_name(rng: random.Random, taken: set[str], kind: str, area: str, place: str) -> tuple[str, tuple[str, ...]]:
    for attempt in range(1000):
        name, fields = _name(rng, kind, area, place)
        if attempt > 20:
            name = f"{name}第{attempt - 20}{_BRANCH.get(kind, '分部')}"
        if name not in taken:
            taken.add(name)
            return name, fields
    raise RuntimeError("could not find a free institution name")


def _name(rng: random.Random, kind: str, area: str, place: str) -> tuple[str, tuple[str, ...]]:
    city = {"110000": "北京", "120000": "天津"}.get(area, "承德")
    town = rng.choice(words.TOWN_HEADS) + rng.choice(words.TOWN_TAILS)
    if kind == "ENTERPRISE":
        industry, field_code = rng.choice(words.INDUSTRIES)
        brand = rng.choice(words.BRANDS) + rng.choice(words.BRANDS)
        return f"{city}{brand}{industry}有限公司", (field_code,)
    if kind == "UNIVERSITY":
        subject = rng.choice(words.UNIVERSITY_SUBJECTS)
        suffix = "大学" if area != CHENGDE else rng.choice(("学院", "职业技术学院", "高等专科学校"))
        return f"{city}{subject}{suffix}", tuple(sorted(rng.sample(s.FIELDS_ANY, 2)))
    if kind == "INSTITUTE":
        prefix = f"{city}市" if area == CHENGDE else city
        return f"{prefix}{rng.choice(words.INSTITUTE_SUBJECTS)}研究院", (rng.choice(s.FIELDS_BY_SERIES["RESEARCH"]),)
    if kind == "HOSPITAL":
        if area != CHENGDE:
            return f"{city}{rng.choice(words.BRANDS)}{rng.choice(words.HOSPITAL_KINDS)}", ("green-food-biomedicine",)
        return f"{place}{town}{rng.choice(words.HOSPITAL_KINDS)}", ()
    if kind == "SCHOOL":
        return f"{place}{town}{rng.choice(words.SCHOOL_KINDS)}", ()
    if kind == "GOVERNMENT":
        if rng.random() < 0.4:
            return f"{place}{rng.choice(words.GOVERNMENT_UNITS)}", ()
        return f"{place}{town}镇{rng.choice(words.TOWNSHIP_UNITS)}", ()
    return f"{place}{town}{rng.choice(words.OTHER_UNITS)}", ("rural-revitalization",)
