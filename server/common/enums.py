"""The GraphQL enums: the vocabularies of graph/vocabulary.py, their names as a Label; and the API's own."""

from __future__ import annotations

import enum
from typing import TypeAlias

import strawberry

from graph.vocabulary import (
    CertificationStatus,
    Degree,
    Dimension,
    Gender,
    Indicator,
    InstitutionType,
    Level,
    MeasureKind,
    PlatformKind,
    PlatformRole,
    ProjectKind,
    ProjectParticipantRole,
    RegionKind,
    TeamOrigin,
    TeamRole,
    TeamStatus,
    Term,
    TitleLevel,
    TitleSeries,
)


@strawberry.type(description="A name in Chinese and English.")
class Label:
    zh: str
    en: str


for _vocabulary, _description in (
    (TitleLevel, "Title level (级别), highest first."),
    (TitleSeries, "Title series (系列)."),
    (InstitutionType, "Kind of institution."),
    (ProjectKind, "Kind of science and technology project (项目类别)."),
    (ProjectParticipantRole, "How a person took part in a project."),
    (Level, "The level that recognised a team or platform."),
    (TeamStatus, "Where a team registration stands: submitted → approved → recognized."),
    (TeamOrigin, "How a team came to the city."),
    (TeamRole, "A person's part in a team."),
    (PlatformKind, "Kind of R&D platform."),
    (PlatformRole, "A person's role at an R&D platform."),
    (Gender, "Gender as recorded."),
    (Degree, "Highest degree (学历学位)."),
    (RegionKind, "Kind of region."),
    (CertificationStatus, "A status an institution is certified with (认定), valid for a term from its date."),
    (Indicator, "A figure other offices report per year and region, in yuan."),
    (MeasureKind, "What a target's value is: a running total, a count per year, an amount, a growth rate…"),
):
    strawberry.enum(_vocabulary, description=_description)

strawberry.enum(Dimension, name="StatsDimension", description="A dimension talent statistics can be grouped by.")
#: graph/vocabulary.py `Dimension`, under its GraphQL name.
StatsDimension: TypeAlias = Dimension


def code_of(member: enum.Enum) -> str:
    """The stable code of an enum member, as the graph stores it."""
    return str(member.value)


def label_of(member: Term) -> Label:
    """The Chinese and English names of a vocabulary's member."""
    return Label(zh=member.zh, en=member.en)


@strawberry.enum(description="Sort direction.")
class Direction(enum.Enum):
    ASC = "ASC"
    DESC = "DESC"


__all__ = [
    "CertificationStatus",
    "Degree",
    "Direction",
    "Gender",
    "Indicator",
    "InstitutionType",
    "Label",
    "Level",
    "MeasureKind",
    "PlatformKind",
    "PlatformRole",
    "ProjectKind",
    "ProjectParticipantRole",
    "RegionKind",
    "StatsDimension",
    "TeamOrigin",
    "TeamRole",
    "TeamStatus",
    "TitleLevel",
    "TitleSeries",
    "code_of",
    "label_of",
]
