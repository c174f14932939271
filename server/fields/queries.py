"""Field queries."""

from __future__ import annotations

import strawberry

from server.fields.types import Field, field_from


@strawberry.type
class FieldQueries:
    @strawberry.field(description="Fields: the roots of the taxonomy, or the fields directly under `under`.")
    async def fields(self, info: strawberry.Info, under: str | None = None) -> list[Field]:
        tree = await info.context.fields()
        if under is None:
            return [field_from(row) for row in tree.roots()]
        return [field_from(tree.nodes[code]) for code in tree.children.get(under, [])]

    @strawberry.field(name="field", description="One field by code.")
    async def field_by_code(self, info: strawberry.Info, code: str) -> Field | None:
        tree = await info.context.fields()
        return field_from(tree.nodes[code]) if code in tree.nodes else None
