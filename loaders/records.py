"""The typed, normalised records that validated rows become, one dataclass per kind of file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from loaders.pickling import fast_pickling


class Gender(StrEnum):
    """性别."""

    MALE = "MALE"
    FEMALE = "FEMALE"


class TeamOrigin(StrEnum):
    """How a team came to the city: 引进 introduced from outside, 培育 cultivated locally."""

    INTRODUCED = "INTRODUCED"
    CULTIVATED = "CULTIVATED"


class TeamStatus(StrEnum):
    """Where a team registration stands: submitted → approved → recognized, or rejected."""

    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    RECOGNIZED = "RECOGNIZED"
    REJECTED = "REJECTED"


class Level(StrEnum):
    """The level that recognised a team, platform or project."""

    NATIONAL = "NATIONAL"
    PROVINCIAL = "PROVINCIAL"
    MUNICIPAL = "MUNICIPAL"


class ProjectKind(StrEnum):
    """科技项目类别."""

    CHALLENGE = "CHALLENGE"
    HORSE_RACE = "HORSE_RACE"
    NATIONAL = "NATIONAL"
    PROVINCIAL = "PROVINCIAL"
    MUNICIPAL = "MUNICIPAL"


class PlatformKind(StrEnum):
    """创新研发平台类别."""

    TECH_INNOVATION_CENTER = "TECH_INNOVATION_CENTER"
    INDUSTRIAL_TECH_INSTITUTE = "INDUSTRIAL_TECH_INSTITUTE"
    KEY_LAB = "KEY_LAB"
    ENGINEERING_CENTER = "ENGINEERING_CENTER"
    ENTERPRISE_RD_CENTER = "ENTERPRISE_RD_CENTER"


# Chinese labels (the first is the one written out) and other accepted spellings of each enum code.
LABELS_ZH: dict[StrEnum, tuple[str, ...]] = {
    Gender.MALE: ("男", "M"),
    Gender.FEMALE: ("女", "F"),
    TeamOrigin.INTRODUCED: ("引进",),
    TeamOrigin.CULTIVATED: ("培育",),
    TeamStatus.SUBMITTED: ("已提交", "待审核"),
    TeamStatus.APPROVED: ("已审核", "审核通过"),
    TeamStatus.RECOGNIZED: ("已认定",),
    TeamStatus.REJECTED: ("未通过", "已驳回"),
    Level.NATIONAL: ("国家级",),
    Level.PROVINCIAL: ("省级",),
    Level.MUNICIPAL: ("市级",),
    ProjectKind.CHALLENGE: ("揭榜挂帅",),
    ProjectKind.HORSE_RACE: ("赛马制",),
    ProjectKind.NATIONAL: ("国家级",),
    ProjectKind.PROVINCIAL: ("省级",),
    ProjectKind.MUNICIPAL: ("市级",),
    PlatformKind.TECH_INNOVATION_CENTER: ("技术创新中心",),
    PlatformKind.INDUSTRIAL_TECH_INSTITUTE: ("产业技术研究院",),
    PlatformKind.KEY_LAB: ("重点实验室",),
    PlatformKind.ENGINEERING_CENTER: ("工程研究中心", "工程技术研究中心", "工程实验室"),
    PlatformKind.ENTERPRISE_RD_CENTER: ("企业技术中心", "企业研发中心"),
}


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


Record = PersonRecord | InstitutionRecord | TeamRecord | VisitRecord | ProjectRecord | PlatformRecord
