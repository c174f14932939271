"""Enums with stable English codes; their Chinese names come from the same reference data."""

from __future__ import annotations

import enum

import strawberry

from graph.migrations import read_reference


@strawberry.type(description="A name in Chinese and English.")
class Label:
    zh: str
    en: str


def _reference_enum(name: str, reference: str, description: str) -> type[enum.Enum]:
    rows = read_reference(reference)
    python_enum = enum.Enum(name, {row["code"]: row["code"] for row in rows})  # type: ignore[misc]
    for member, row in zip(python_enum, rows, strict=True):
        member._label = Label(zh=row["name"], en=row["nameEn"])  # type: ignore[attr-defined]
    return strawberry.enum(python_enum, description=description)  # type: ignore[return-value]


TitleLevel = _reference_enum("TitleLevel", "title_levels", "Title level (级别), highest first.")
TitleSeries = _reference_enum("TitleSeries", "title_series", "Title series (系列).")
InstitutionType = _reference_enum("InstitutionType", "institution_types", "Kind of institution.")
ProjectKind = _reference_enum("ProjectKind", "project_kinds", "Kind of science and technology project (项目类别).")


def label_of(member: enum.Enum) -> Label:
    """The Chinese and English names of a reference enum member."""
    return member._label  # type: ignore[attr-defined,no-any-return]


@strawberry.enum(description="Gender as recorded.")
class Gender(enum.Enum):
    MALE = "MALE"
    FEMALE = "FEMALE"


@strawberry.enum(description="Highest degree (学历学位).")
class Degree(enum.Enum):
    NONE = "NONE"
    ASSOCIATE = "ASSOCIATE"
    BACHELOR = "BACHELOR"
    MASTER = "MASTER"
    DOCTORATE = "DOCTORATE"


@strawberry.enum(description="Kind of region.")
class RegionKind(enum.Enum):
    PROVINCE = "PROVINCE"
    PROVINCE_LEVEL_CITY = "PROVINCE_LEVEL_CITY"
    PREFECTURE_CITY = "PREFECTURE_CITY"
    DISTRICT = "DISTRICT"
    COUNTY = "COUNTY"
    ZONE = "ZONE"


@strawberry.enum(description="Sort direction.")
class Direction(enum.Enum):
    ASC = "ASC"
    DESC = "DESC"
