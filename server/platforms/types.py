"""The Platform type and its kinds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from graph.platforms import PLATFORM_ROLES
from server.common.enums import Label, Level, label_of, labelled_enum
from server.fields.types import Field, field_from
from server.institutions.types import Institution, institution_from
from server.titles.types import _date

PlatformKind = labelled_enum(
    "PlatformKind",
    "Kind of R&D platform.",
    {
        "TECH_INNOVATION_CENTER": ("TECH_INNOVATION_CENTER", "技术创新中心", "technology innovation centre"),
        "INDUSTRIAL_TECH_INSTITUTE": ("INDUSTRIAL_TECH_INSTITUTE", "产业技术研究院", "industrial technology institute"),
        "KEY_LAB": ("KEY_LAB", "重点实验室", "key laboratory"),
        "ENGINEERING_CENTER": ("ENGINEERING_CENTER", "工程技术研究中心", "engineering research centre"),
        "ENTERPRISE_RD_CENTER": ("ENTERPRISE_RD_CENTER", "企业技术中心", "enterprise R&D centre"),
    },
)


PlatformRole = labelled_enum(
    "PlatformRole",
    "A person's role at an R&D platform.",
    {code.upper(): (code, zh, en) for code, (zh, en) in PLATFORM_ROLES.items()},
)


@strawberry.type(description="An innovation R&D platform (创新研发平台) hosted by an institution.")
class Platform:
    id: strawberry.ID
    name: str
    kind: PlatformKind  # type: ignore[valid-type]
    level: Level  # type: ignore[valid-type]
    established_on: dt.date | None
    row: strawberry.Private[dict[str, Any]]

    @strawberry.field
    def kind_label(self) -> Label:
        return label_of(self.kind)

    @strawberry.field
    def level_label(self) -> Label:
        return label_of(self.level)

    @strawberry.field(description="The host institution (依托单位).")
    async def institution(self, info: strawberry.Info) -> Institution:
        return institution_from(await info.context.institutions.load(self.row["institution"]))

    @strawberry.field(description="The fields the platform works in.")
    def fields(self) -> list[Field]:
        return [field_from(row) for row in self.row["fields"]]


def platform_from(row: dict[str, Any]) -> Platform:
    """A Platform from a statement's map (platforms/projection)."""
    return Platform(
        id=strawberry.ID(row["id"]),
        name=row["name"],
        kind=PlatformKind(row["kind"]),
        level=Level(row["level"]),
        established_on=_date(row.get("establishedOn")),
        row=row,
    )
