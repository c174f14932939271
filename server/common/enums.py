"""Enums with stable English codes; their Chinese names come from the same reference data."""

from __future__ import annotations

import enum
from typing import Any

import strawberry

from graph.migrations import read_reference


@strawberry.type(description="A name in Chinese and English.")
class Label:
    zh: str
    en: str


def labelled_enum(name: str, description: str, members: dict[str, tuple[str, str, str]]) -> type[enum.Enum]:
    """A GraphQL enum whose members (code -> stored value, Chinese, English name) carry a Label."""
    python_enum = enum.Enum(name, {code: value for code, (value, _, _) in members.items()})  # type: ignore[misc]
    for member, (_, zh, en) in zip(python_enum, members.values(), strict=True):
        member._label = Label(zh=zh, en=en)  # type: ignore[attr-defined]
    return strawberry.enum(python_enum, description=description)  # type: ignore[return-value]


def _reference_enum(name: str, reference: str, description: str) -> type[enum.Enum]:
    rows = read_reference(reference)
    return labelled_enum(name, description, {row["code"]: (row["code"], row["name"], row["nameEn"]) for row in rows})


TitleLevel = _reference_enum("TitleLevel", "title_levels", "Title level (级别), highest first.")
TitleSeries = _reference_enum("TitleSeries", "title_series", "Title series (系列).")
InstitutionType = _reference_enum("InstitutionType", "institution_types", "Kind of institution.")
ProjectKind = _reference_enum("ProjectKind", "project_kinds", "Kind of science and technology project (项目类别).")
Level = labelled_enum(
    "Level",
    "The level that recognised a team or platform.",
    {
        "NATIONAL": ("NATIONAL", "国家级", "national"),
        "PROVINCIAL": ("PROVINCIAL", "省级", "provincial"),
        "MUNICIPAL": ("MUNICIPAL", "市级", "municipal"),
    },
)


def code_of(member: Any) -> str:
    """The stable English code of an enum member (reference enums are built at import time)."""
    return str(member.value)


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
