"""The Platform type and its kinds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from server.common.enums import Label, Level, PlatformKind, label_of
from server.fields.types import Field, field_from
from server.institutions.types import Institution, institution_from
from server.titles.types import _date


@strawberry.type(description="An innovation R&D platform (创新研发平台) hosted by an institution.")
class Platform:
    id: strawberry.ID
    name: str
    kind: PlatformKind
    level: Level
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
