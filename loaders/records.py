"""The typed, normalised records that validated rows become, one dataclass per kind of file.

Their closed values are members of graph/vocabulary.py's vocabularies, which also say how files write them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph.vocabulary import (
    CertificationStatus,
    Gender,
    Indicator,
    Level,
    PlatformKind,
    ProjectKind,
    TeamOrigin,
    TeamStatus,
)
from loaders.pickling import fast_pickling


@fast_pickling
@dataclass(frozen=True, slots=True)
class InstitutionRef:
    """An institution named in a row: by its credit code when the cell holds one, else by name."""

    name: str | None = None
    credit_code: str | None = None


@fast_pickling
@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person named in a list cell: a name, with the salted hash of the ID number when given."""

    name: str
    id_hash: str | None = None


@fast_pickling
@dataclass(frozen=True, slots=True)
class TitleRecord:
    """A professional title held (职称), identified by its certificate number."""

    certificate_no: str
    series: str
    level: str
    name: str | None
    granted_on: date
    directed: bool


@fast_pickling
@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One row of people.csv: a person (by ID hash) and one title they hold."""

    name: str
    gender: Gender
    birth_year: int
    id_hash: str
    institution: InstitutionRef
    region: str
    fields: tuple[str, ...]
    title: TitleRecord
    email: str | None
    phone: str | None
    consent: bool
    pinyin: str = ""
    """The name in tone-less pinyin (graph/names.py), worked out with the rest of the row."""


@fast_pickling
@dataclass(frozen=True, slots=True)
class InstitutionRecord:
    """One row of institutions.csv."""

    name: str
    credit_code: str | None
    type: str
    region: str
    high_tech: bool
    tech_sme: bool
    fields: tuple[str, ...]


@fast_pickling
@dataclass(frozen=True, slots=True)
class TeamRecord:
    """One row of teams.csv: an innovation team, its leader and members."""

    team_id: str
    name: str
    institution: InstitutionRef
    fields: tuple[str, ...]
    leader: PersonRef
    members: tuple[PersonRef, ...]
    origin: TeamOrigin
    level: Level | None
    status: TeamStatus
    recognized_on: date | None


@fast_pickling
@dataclass(frozen=True, slots=True)
class VisitRecord:
    """One row of visits.csv: one person-visit (人次) of a foreign expert to a host institution."""

    visit_id: str
    expert_name: str
    expert_hash: str
    """The salted hash of the passport: its issuing country and number."""
    expert_id_hash: str | None
    """The salted hash of a Chinese identity number or permanent-residence card number, for those with one."""
    nationality: str
    gender: Gender | None
    high_end: bool
    host: InstitutionRef
    arrived_on: date
    departed_on: date | None
    program: str | None
    purpose: str | None
    fields: tuple[str, ...]


@fast_pickling
@dataclass(frozen=True, slots=True)
class ProjectRecord:
    """One row of projects.csv: a science and technology project and who worked on it."""

    project_id: str
    name: str
    kind: ProjectKind
    year: int
    institution: InstitutionRef
    partners: tuple[InstitutionRef, ...]
    participants: tuple[PersonRef, ...]
    fields: tuple[str, ...]


@fast_pickling
@dataclass(frozen=True, slots=True)
class PlatformRecord:
    """One row of platforms.csv: an R&D platform hosted by an institution."""

    platform_id: str
    name: str
    kind: PlatformKind
    level: Level
    institution: InstitutionRef
    fields: tuple[str, ...]
    established_on: date | None


@fast_pickling
@dataclass(frozen=True, slots=True)
class CertificationRecord:
    """One row of certifications.csv: an institution certified with a status from a date, for a validity."""

    institution: InstitutionRef
    status: CertificationStatus
    certified_on: date
    valid_until: date
    certificate_no: str | None


@fast_pickling
@dataclass(frozen=True, slots=True)
class IndicatorRecord:
    """One row of indicators.csv: a figure another office reported for a year and region, in whole yuan."""

    indicator: Indicator
    region: str
    year: int
    amount: int
    source: str
    reported_on: date


Record = (
    PersonRecord
    | InstitutionRecord
    | TeamRecord
    | VisitRecord
    | ProjectRecord
    | PlatformRecord
    | CertificationRecord
    | IndicatorRecord
)
