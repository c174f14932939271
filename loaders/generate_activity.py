"""Synthetic teams, projects, platforms and foreign-expert visits, drawn from generated institutions.

Each maker takes `ids`, the prefix of the identifiers it writes (loaders/generate.py `id_prefix`)."""

from __future__ import annotations

import random
import string
from collections.abc import Iterator
from datetime import date, timedelta

from loaders import synthetic as s
from loaders import synthetic_names as words
from loaders.countries import COUNTRY_NAMES
from loaders.generate_institutions import CHENGDE, Institution, Staff
from loaders.records import LABELS_ZH, Level, PlatformKind, ProjectKind, TeamOrigin, TeamStatus
from loaders.reference import Reference

TableRow = dict[str, str]
_RESEARCH_TYPES = ("UNIVERSITY", "INSTITUTE", "ENTERPRISE", "HOSPITAL")
PLAN_START = date(2021, 1, 1)


def random_date(rng: random.Random, start: date, end: date) -> date:
    """A day between start and end, both included."""
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _hosts(institutions: list[Institution]) -> list[Institution]:
    """Chengde institutions that do research and have staff; any Chengde one with staff if none."""
    chengde = [i for i in institutions if i.area == CHENGDE and i.staff]
    return [i for i in chengde if i.type in _RESEARCH_TYPES] or chengde


def _person(person: Staff) -> str:
    return f"{person.name}({person.id_number})"


def _field_names(codes: tuple[str, ...], reference: Reference) -> str:
    return ";".join(reference.fields.names[c] for c in codes)


def teams(
    rng: random.Random, institutions: list[Institution], count: int, reference: Reference, today: date, ids: str = ""
) -> Iterator[TableRow]:
    """Innovation teams based at Chengde institutions, some with Beijing or Tianjin members."""
    hosts = _hosts(institutions)
    partners = [i for i in institutions if i.area != CHENGDE and i.staff]
    names: set[str] = set()
    statuses = list(TeamStatus)
    for n in range(count if hosts else 0):
        host = rng.choice(hosts)
        leader = rng.choice(host.seniors or host.staff)
        field = (leader.fields or host.fields or (rng.choice(s.FIELDS_ANY),))[0]
        name = f"{leader.name}{reference.fields.names[field]}创新团队"
        name = name if name not in names else f"{host.name}{reference.fields.names[field]}创新团队{n}"
        names.add(name)
        colleagues = [p for p in host.staff if p != leader]
        members = rng.sample(colleagues, min(len(colleagues), rng.randint(2, 5)))
        if partners and rng.random() < 0.4:
            guest = rng.choice(partners)
            members += rng.sample(guest.staff, min(len(guest.staff), rng.randint(1, 2)))
        status = rng.choices(statuses, weights=(15, 20, 60, 5))[0]
        yield {
            "team_id": f"{ids}T{n + 1:04d}",
            "name": name,
            "institution": host.name,
            "fields": reference.fields.names[field],
            "leader": leader.name,
            "leader_id_number": leader.id_number,
            "members": ";".join(_person(p) for p in members),
            "origin": LABELS_ZH[rng.choices(list(TeamOrigin), weights=(40, 60))[0]][0],
            "level": LABELS_ZH[rng.choices(list(Level), weights=(2, 28, 70))[0]][0],
            "status": status.value,
            "recognized_on": str(random_date(rng, PLAN_START, today)) if status == TeamStatus.RECOGNIZED else "",
        }


def projects(
    rng: random.Random, institutions: list[Institution], count: int, reference: Reference, today: date, ids: str = ""
) -> Iterator[TableRow]:
    """Science and technology projects run by Chengde institutions, often with a partner."""
    hosts = _hosts(institutions)
    partners = [i for i in institutions if i.area != CHENGDE and i.staff]
    kinds = list(ProjectKind)
    years = range(2019, today.year + 1)
    for n in range(count if hosts else 0):
        host = rng.choice(hosts)
        year = rng.choices(years, weights=[1 if y < PLAN_START.year else 2 for y in years])[0]
        people = rng.sample(host.staff, min(len(host.staff), rng.randint(1, 4)))
        partner = rng.choice(partners) if partners and rng.random() < 0.4 else None
        if partner is not None:
            people += rng.sample(partner.staff, min(len(partner.staff), rng.randint(1, 2)))
        field = (host.fields or people[0].fields or (rng.choice(s.FIELDS_ANY),))[0]
        yield {
            "project_id": f"{ids}P{year}{n + 1:04d}",
            "name": reference.fields.names[field] + rng.choice(words.PROJECT_SUFFIXES),
            "kind": LABELS_ZH[rng.choices(kinds, weights=(10, 5, 5, 30, 50))[0]][0],
            "year": str(year),
            "institution": host.credit_code or host.name,
            "partners": partner.name if partner else "",
            "participants": ";".join(_person(p) for p in people),
            "fields": reference.fields.names[field],
        }


def platforms(
    rng: random.Random, institutions: list[Institution], count: int, reference: Reference, today: date, ids: str = ""
) -> Iterator[TableRow]:
    """R&D platforms, mostly provincial, at least one national."""
    hosts = [i for i in institutions if i.area == CHENGDE and i.type in _RESEARCH_TYPES]
    kinds = list(PlatformKind)
    prefixes = {Level.NATIONAL: "国家", Level.PROVINCIAL: "河北省", Level.MUNICIPAL: "承德市"}
    for n in range(count if hosts else 0):
        host = rng.choice(hosts)
        level = Level.NATIONAL if n == 0 else rng.choices([Level.PROVINCIAL, Level.MUNICIPAL], weights=(85, 15))[0]
        kind = rng.choices(kinds, weights=(15, 10, 25, 25, 25))[0]
        field = (host.fields or (rng.choice(s.FIELDS_ANY),))[0]
        yield {
            "platform_id": f"{ids}PF{n + 1:04d}",
            "name": f"{prefixes[level]}{reference.fields.names[field]}{LABELS_ZH[kind][0]}（{host.name}）",
            "kind": kind.value,
            "level": LABELS_ZH[level][0],
            "institution": host.name,
            "fields": reference.fields.names[field],
            "established_on": str(random_date(rng, date(2008, 1, 1), today)),
        }


def visits(
    rng: random.Random, institutions: list[Institution], experts: int, reference: Reference, today: date, ids: str = ""
) -> Iterator[TableRow]:
    """Visits of foreign experts to Chengde hosts, one to three each, about one in ten high-end."""
    hosts = [i for i in institutions if i.area == CHENGDE and i.type in _RESEARCH_TYPES]
    countries = list(words.FOREIGN_NAMES)
    serial = 0
    for n in range(experts if hosts else 0):
        nationality = rng.choice(countries)
        given_names, surnames = words.FOREIGN_NAMES[nationality]
        given = rng.choice(given_names)
        name = f"{given} {rng.choice(surnames)}"
        passport = f"{rng.choice(string.ascii_uppercase)}{n:04d}{rng.randrange(10**4):04d}"
        high_end = rng.random() < 0.12
        host = rng.choice(hosts)
        field = (host.fields or (rng.choice(s.FIELDS_ANY),))[0]
        for _ in range(rng.choices((1, 2, 3), weights=(65, 25, 10))[0]):
            serial += 1
            arrived = random_date(rng, date(2019, 1, 1), today)
            yield {
                "visit_id": f"{ids}V{arrived.year}{serial:04d}",
                "expert_name": name,
                "nationality": rng.choice((nationality, COUNTRY_NAMES[nationality])),
                "passport_no": passport,
                "gender": "F" if given in words.FEMALE_FOREIGN else "M",
                "high_end": "Y" if high_end else "N",
                "host_institution": host.name,
                "arrived_on": str(arrived),
                "departed_on": str(arrived + timedelta(days=rng.randint(3, 90))),
                "program": rng.choice(words.VISIT_PROGRAMS),
                "purpose": rng.choice(words.VISIT_PURPOSES),
                "fields": reference.fields.names[field],
            }
