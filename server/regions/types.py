"""The Region type: a node of the region tree."""

from __future__ import annotations

from typing import Any

import strawberry

from server.common.enums import Label, RegionKind


@strawberry.type(description="A region (GB/T 2260 code); a tree through parent and children.")
class Region:
    code: str
    name: str
    name_en: str
    kind: RegionKind

    @strawberry.field(description="Name in Chinese and English.")
    def label(self) -> Label:
        return Label(zh=self.name, en=self.name_en)

    @strawberry.field(description="The region this one lies in.")
    async def parent(self, info: strawberry.Info) -> Region | None:
        tree = await info.context.regions()
        parent = tree.nodes[self.code]["parent"] if self.code in tree.nodes else None
        return region_from(tree.nodes[parent]) if parent else None

    @strawberry.field(description="The regions directly within this one.")
    async def children(self, info: strawberry.Info) -> list[Region]:
        tree = await info.context.regions()
        return [region_from(tree.nodes[code]) for code in tree.children.get(self.code, [])]


def region_from(row: dict[str, Any]) -> Region:
    """A Region from a statement's map."""
    return Region(
        code=row["code"], name=row["name"], name_en=row.get("nameEn") or row["name"], kind=RegionKind(row["kind"])
    )
