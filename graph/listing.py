"""Filtered, sorted, keyset-paged lists: one statement text assembled from allow-listed fragments.

A list statement (`people/list`) has slots. Filters are named `.cypher` fragments
(`people/filter/region`) included only when the caller filters on them; the sort key and its
direction come from the domain's allow-list. Values always travel as parameters. A domain declares
its list once, as a `Listing` (its statements, node, projection and orders) and a `Filter` (one field
per filter fragment), and gets one page, the total and nodes by id from them.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from cypher import STATEMENTS
from graph.database import Database
from graph.errors import InvalidInput
from graph.reference_data import camel


@dataclass(frozen=True)
class SortKey:
    """An allow-listed sort key: its Cypher expression and a predicate that lets an index order it."""

    expression: str
    guard: str = ""


Row = TypeVar("Row")


@dataclass(frozen=True)
class Page(Generic[Row]):
    """Rows of one page (a statement's maps, or search hits), each with its cursor, and whether another follows."""

    rows: list[Row]
    cursors: list[str]
    has_next: bool


@dataclass(frozen=True)
class ListSpec:
    """What a domain's lists are made of: statement names, the node variable, its projection."""

    domain: str
    variable: str
    projection_slot: str
    item: str


@dataclass(frozen=True)
class Filter:
    """What a list is filtered by: each field names the fragment `<domain>/filter/<field>` and is passed as the
    parameter of its camelCase name; None means "any"."""

    def names(self) -> dict[str, Any]:
        """The filters by fragment name."""
        return {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}

    def params(self) -> dict[str, Any]:
        """The statement's parameters."""
        return {camel(name): value for name, value in self.names().items()}


def encode_cursor(*values: Any) -> str:
    """An opaque cursor holding `values` (JSON): a row's sort key and id, or a search hit's ranking keys."""
    return base64.urlsafe_b64encode(json.dumps(list(values), ensure_ascii=False).encode()).decode()


def decode_values(cursor: str, shape: tuple[type | tuple[type, ...], ...]) -> list[Any]:
    """The values inside a cursor, one of each type in `shape` (object: any), or InvalidInput naming `after`."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if not (
            isinstance(values, list)
            and len(values) == len(shape)
            and all(isinstance(value, kind) for value, kind in zip(values, shape, strict=True))
        ):
            raise ValueError(cursor)
        return values
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidInput(
            "The cursor `after` is not valid: take it from a previous page's pageInfo.",
            "分页游标 after 无效:请使用上一页返回的游标",
            "after",
        ) from error


def decode_cursor(cursor: str) -> tuple[Any, str]:
    """The sort key and id inside a list's cursor, or InvalidInput if it is not one of ours."""
    key, node_id = decode_values(cursor, (object, str))
    return key, node_id


def _filters(spec: ListSpec, filters: Mapping[str, Any]) -> str:
    parts = [STATEMENTS[f"{spec.domain}/filter/{name}"] for name, value in sorted(filters.items()) if value is not None]
    return "".join(f"\n  AND {_strip_comments(part)}" for part in parts)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//")).strip()


def fill_slots(text: str, slots: Mapping[str, str]) -> str:
    """A statement with its comment lines dropped and its /*SLOT*/s filled from allow-listed fragments."""
    # Comment lines name the slots too: drop them so that only the statement's own slots are filled.
    text = _strip_comments(text)
    for slot, value in slots.items():
        text = text.replace(f"/*{slot}*/", value)
    return text


def projection(name: str) -> str:
    """A projection fragment (`people/projection`) without its comment lines."""
    return _strip_comments(STATEMENTS[name])


async def fetch_page(
    db: Database,
    spec: ListSpec,
    filters: Mapping[str, Any],
    params: Mapping[str, Any],
    sort: SortKey,
    descending: bool,
    first: int,
    after: str | None,
) -> Page[dict[str, Any]]:
    """One page of `spec`'s nodes matching `filters` in `sort` order, after the cursor `after`."""
    v = spec.variable
    direction = "DESC" if descending else "ASC"
    comparison = "<" if descending else ">"
    after_clause = ""
    after_key: Any = None
    after_id: str | None = None
    if after:
        after_key, after_id = decode_cursor(after)
        after_clause = (
            f"\n  AND ({sort.expression} {comparison} $afterKey OR "
            f"({sort.expression} = $afterKey AND {v}.id {comparison} $afterId))"
        )
    text = fill_slots(
        STATEMENTS[f"{spec.domain}/list"],
        {
            "SORT_GUARD": f"AND {sort.guard}" if sort.guard else "",
            "FILTERS": _filters(spec, filters),
            "AFTER": after_clause,
            "SORT_KEY": sort.expression,
            "DIRECTION": direction,
            spec.projection_slot: projection(f"{spec.domain}/projection"),
        },
    )
    rows = await db.read(f"{spec.domain}/list", text, **params, afterKey=after_key, afterId=after_id, limit=first + 1)
    items = [row[spec.item] for row in rows[:first]]
    cursors = [encode_cursor(row["sortKey"], row[spec.item]["id"]) for row in rows[:first]]
    return Page(rows=items, cursors=cursors, has_next=len(rows) > first)


async def count(db: Database, spec: ListSpec, filters: Mapping[str, Any], params: Mapping[str, Any]) -> int:
    """How many of `spec`'s nodes match `filters`."""
    text = fill_slots(STATEMENTS[f"{spec.domain}/count"], {"FILTERS": _filters(spec, filters)})
    rows = await db.read(f"{spec.domain}/count", text, **params)
    return int(rows[0]["total"])


async def by_ids(db: Database, spec: ListSpec, ids: list[str]) -> list[dict[str, Any] | None]:
    """Nodes by id in the order asked, None for an id that does not exist (DataLoader batches)."""
    text = fill_slots(
        STATEMENTS[f"{spec.domain}/by_ids"], {spec.projection_slot: projection(f"{spec.domain}/projection")}
    )
    rows = await db.read(f"{spec.domain}/by_ids", text, ids=ids)
    found = {row["id"]: row[spec.item] for row in rows}
    return [found.get(node_id) for node_id in ids]


@dataclass(frozen=True)
class Listing(ListSpec):
    """A domain's paged list: its statements and node (ListSpec) and the orders it may take."""

    orders: Mapping[str, SortKey]

    async def page(
        self, db: Database, where: Filter, order: str, descending: bool, first: int, after: str | None
    ) -> Page[dict[str, Any]]:
        """One page of the nodes matching `where`, in `order`, after the cursor `after`."""
        return await fetch_page(db, self, where.names(), where.params(), self.orders[order], descending, first, after)

    async def count(self, db: Database, where: Filter) -> int:
        """How many nodes match `where`."""
        return await count(db, self, where.names(), where.params())

    async def by_ids(self, db: Database, ids: list[str]) -> list[dict[str, Any] | None]:
        """Nodes by id, in the order asked; None where there is none."""
        return await by_ids(db, self, ids)
