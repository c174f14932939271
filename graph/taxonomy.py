"""The two small trees every request may walk: regions and fields, each read in one statement."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.database import Database


@dataclass
class Tree:
    """Nodes by code, with parent and children links (regions or fields)."""

    nodes: dict[str, dict[str, Any]]
    children: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: list[dict[str, Any]]) -> Tree:
        tree = cls(nodes={row["code"]: row for row in rows})
        for row in rows:
            tree.children.setdefault(row["code"], [])
            if row["parent"]:
                tree.children.setdefault(row["parent"], []).append(row["code"])
        return tree

    def roots(self) -> list[dict[str, Any]]:
        return [row for row in self.nodes.values() if not row["parent"]]

    def descendants(self, code: str) -> list[str]:
        """`code` and every code under it."""
        found, stack = [], [code]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self.children.get(current, []))
        return found


async def region_tree(db: Database) -> Tree:
    """Every region, as a tree."""
    return Tree.of(await db.read("regions/all"))


async def field_tree(db: Database) -> Tree:
    """The field taxonomy, as a tree."""
    return Tree.of(await db.read("fields/all"))
