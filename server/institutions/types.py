"""The Institution type."""

from __future__ import annotations

from typing import Any

import strawberry

from server.common.enums import InstitutionType, Label, label_of
from server.fields.types import Field, field_from
from server.regions.types import Region, region_from


@strawberry.type(description="An employer or host: university, institute, enterprise, hospital…")
class Institution:
    id: strawberry.ID
    name: str
    type: InstitutionType
    credit_code: str | None = strawberry.field(description="统一社会信用代码, where known.")
    high_tech: bool = strawberry.field(description="A recognised high-tech enterprise (高新技术企业).")
    tech_sme: bool = strawberry.field(description="A technology-based SME (科技型中小企业).")
    row: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="The type's name in Chinese and English.")
    def type_label(self) -> Label:
        return label_of(self.type)

    @strawberry.field(description="Where it is located.")
    def region(self) -> Region | None:
        region = self.row.get("region")
        return region_from(region) if region else None

    @strawberry.field(description="The fields it focuses on.")
    async def fields(self, info: strawberry.Info) -> list[Field]:
        return [field_from(row) for row in (await self._full(info))["fields"]]

    @strawberry.field(description="How many people work there now.")
    async def staff_count(self, info: strawberry.Info) -> int:
        return int((await self._full(info))["staffCount"])

    async def _full(self, info: strawberry.Info) -> dict[str, Any]:
        # Reached through a person's employment the map is partial: batch-load the rest by id.
        if "fields" in self.row:
            return self.row
        return await info.context.institutions.load(self.id) or {"fields": [], "staffCount": 0}


def institution_from(row: dict[str, Any]) -> Institution:
    """An Institution from a statement's map (full, or partial as nested in a person)."""
    return Institution(
        id=strawberry.ID(row["id"]),
        name=row["name"],
        type=InstitutionType[row["type"]],
        credit_code=row.get("creditCode"),
        high_tech=bool(row.get("highTech")),
        tech_sme=bool(row.get("techSme")),
        row=row,
    )
