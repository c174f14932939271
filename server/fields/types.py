"""The Field type: a node of the field taxonomy."""

from __future__ import annotations

from typing import Any

import strawberry

from server.common.enums import Label


@strawberry.type(description="A field of expertise; a tree through parent and children.")
class Field:
    code: str
    name: str
    name_en: str

    @strawberry.field(description="Name in Chinese and English.")
    def label(self) -> Label:
        return Label(zh=self.name, en=self.name_en)

    @strawberry.field(description="The broader field this one belongs to.")
    async def parent(self, info: strawberry.Info) -> Field | None:
        tree = await info.context.fields()
        parent = tree.nodes[self.code]["parent"] if self.code in tree.nodes else None
        return field_from(tree.nodes[parent]) if parent else None

    @strawberry.field(description="The narrower fields within this one.")
    async def children(self, info: strawberry.Info) -> list[Field]:
        tree = await info.context.fields()
        return [field_from(tree.nodes[code]) for code in tree.children.get(self.code, [])]


def field_from(row: dict[str, Any]) -> Field:
    """A Field from a statement's map."""
    return Field(code=row["code"], name=row["name"], name_en=row.get("nameEn") or row["name"])
