"""Region queries."""

from __future__ import annotations

import strawberry

from server.regions.types import Region, region_from


@strawberry.type
class RegionQueries:
    @strawberry.field(description="Regions: the roots of the tree, or the regions directly under `under`.")
    async def regions(self, info: strawberry.Info, under: str | None = None) -> list[Region]:
        tree = await info.context.regions()
        if under is None:
            return [region_from(row) for row in tree.roots()]
        return [region_from(tree.nodes[code]) for code in tree.children.get(under, [])]

    @strawberry.field(description="One region by code.")
    async def region(self, info: strawberry.Info, code: str) -> Region | None:
        tree = await info.context.regions()
        return region_from(tree.nodes[code]) if code in tree.nodes else None
