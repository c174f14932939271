"""Filtered, sorted, keyset-paged lists: one statement text assembled from allow-listed fragments.

A list statement (`people/list`) has slots. Filters are named `.cypher` fragments
(`people/filter/region`) included only when the caller filters on them; the sort keys and their
directions come from the domain's allow-list. Values always travel as parameters. A domain declares
its list once, as a `Listing` (its statements, node, projection and orders) and a `Filter` (one field
per filter fragment), and gets pages (forwards and backwards), the total and nodes by id from them.

A filter is a tree: the fields of one `Filter` must all hold, and so must `all_of`, at least one of
`any_of` and not `negated`. Each node's values become parameters of their own (`$w3_region`), so the
same fragment may appear in several branches with different values.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from cypher import STATEMENTS
from graph.database import Database
from graph.errors import InvalidInput
from graph.reference_data import camel

#: The most fragments one filter tree may hold, OR and NOT branches included: each is a predicate the
#: database evaluates per candidate row, and the statement's text (and plan) grows with them.
MAX_CONDITIONS = 64
#: The most sort keys one list may be ordered by (the id always breaks ties after them).
MAX_SORT_KEYS = 4


@dataclass(frozen=True)
class SortKey:
    """An allow-listed sort key: its Cypher expression (never null) and a predicate that lets an index order it."""

    expression: str
    guard: str = ""


@dataclass(frozen=True)
class Order:
    """One sort key of a list, by its allow-listed name, and its direction."""

    key: str
    descending: bool = False


@dataclass(frozen=True)
class Range:
    """Bounds of a value, both inclusive; None leaves that side open. A fragment reads `$x.gte` and `$x.lte`."""

    gte: Any = None
    lte: Any = None


Row = TypeVar("Row")


@dataclass(frozen=True)
class Page(Generic[Row]):
    """Rows of one page (a statement's maps, or search hits), each with its cursor, and whether others
    follow or precede it."""

    rows: list[Row]
    cursors: list[str]
    has_next: bool
    has_previous: bool = False


@dataclass(frozen=True)
class ListSpec:
    """What a domain's lists are made of: statement names, the node variable, its projection."""

    domain: str
    variable: str
    projection_slot: str
    item: str


@dataclass(frozen=True)
class Filter:
    """What a list is filtered by: each field of a subclass names the fragment `<domain>/filter/<field>` and is
    passed as the parameter of its camelCase name (a tuple as a list, a Range as a map); None means "any".

    `all_of`, `any_of` and `negated` combine filters of the same kind (AND, OR, NOT)."""

    all_of: tuple[Filter, ...] = ()
    any_of: tuple[Filter, ...] = ()
    negated: Filter | None = None

    COMBINATORS: ClassVar[frozenset[str]] = frozenset({"all_of", "any_of", "negated"})

    def names(self) -> dict[str, Any]:
        """The filters by fragment name (combinators left out)."""
        return {
            field.name: getattr(self, field.name)
            for field in dataclasses.fields(self)
            if field.name not in Filter.COMBINATORS
        }

    def params(self) -> dict[str, Any]:
        """The parameters of this node's fragments."""
        return {camel(name): _param(value) for name, value in self.names().items()}

    def children(self) -> list[Filter]:
        """The filters this one combines."""
        return [*self.all_of, *self.any_of, *([self.negated] if self.negated is not None else [])]

    def conditions(self) -> int:
        """How many fragments the whole tree includes."""
        own = sum(1 for value in self.names().values() if value is not None)
        return own + sum(child.conditions() for child in self.children())


def _param(value: Any) -> Any:
    if isinstance(value, Range):
        return {"gte": value.gte, "lte": value.lte}
    if isinstance(value, tuple | frozenset):
        return sorted(value)
    return value


AnyFilter = TypeVar("AnyFilter", bound=Filter)


def within(scope: AnyFilter, where: Filter) -> AnyFilter:
    """`where` limited to `scope` (an institution key's own records): however `where` is written, its ORs
    and NOTs stay inside the scope, which is a condition of the tree's root."""
    return dataclasses.replace(scope, all_of=(*scope.all_of, where))


def encode_cursor(*values: Any) -> str:
    """An opaque cursor holding `values` (JSON): a row's sort keys and id, or a search hit's ranking keys."""
    return base64.urlsafe_b64encode(json.dumps(list(values), ensure_ascii=False).encode()).decode()


def decode_values(cursor: str, shape: tuple[type | tuple[type, ...], ...], argument: str = "after") -> list[Any]:
    """The values inside a cursor, one of each type in `shape` (object: any), or InvalidInput naming `argument`."""
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
            f"The cursor `{argument}` is not valid: take it from a page of the same list in the same order.",
            f"分页游标 {argument} 无效:请使用同一列表、同一排序下返回的游标",
            argument,
        ) from error


_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//")).strip()


def _conditions(spec: ListSpec, node: Filter, params: dict[str, Any], counter: list[int]) -> list[str]:
    """The Cypher predicates of `node` (to be joined by AND), its parameters added to `params`."""
    index = counter[0]
    counter[0] += 1
    own = node.params()
    parts: list[str] = []
    for name, value in sorted(node.names().items()):
        if value is None:
            continue
        text = _strip_comments(STATEMENTS[f"{spec.domain}/filter/{name}"])

        def rename(match: re.Match[str]) -> str:
            parameter = match.group(1)
            if parameter not in own:
                return match.group(0)
            params[f"w{index}_{parameter}"] = own[parameter]
            return f"$w{index}_{parameter}"

        parts.append(f"({_PARAMETER.sub(rename, text)})")
    for child in node.all_of:
        parts.extend(_conditions(spec, child, params, counter))
    if node.any_of:
        branches = [_conjunction(_conditions(spec, child, params, counter)) for child in node.any_of]
        parts.append("(" + " OR ".join(branches) + ")")
    if node.negated is not None:
        # A predicate on a missing property is null, and NOT null is null: count it as false first, so
        # that NOT matches exactly the rows its operand does not.
        parts.append(f"NOT coalesce({_conjunction(_conditions(spec, node.negated, params, counter))}, false)")
    return parts


def _conjunction(parts: list[str]) -> str:
    return "(" + " AND ".join(parts) + ")" if parts else "true"


def check_filter(where: Filter) -> None:
    """Refuse a filter tree too large to send (InvalidInput naming `where`)."""
    if where.conditions() > MAX_CONDITIONS:
        raise InvalidInput(
            f"A filter may combine at most {MAX_CONDITIONS} conditions (OR and NOT branches included).",
            f"筛选条件(含 OR 与 NOT 分支)最多{MAX_CONDITIONS}个",
            "where",
        )


def filter_clause(spec: ListSpec, where: Filter) -> tuple[str, dict[str, Any]]:
    """The `/*FILTERS*/` text (each predicate after an AND) for `where`, and its parameters."""
    check_filter(where)
    params: dict[str, Any] = {}
    parts = _conditions(spec, where, params, [0])
    return "".join(f"\n  AND {part}" for part in parts), params


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


@dataclass(frozen=True)
class Listing(ListSpec):
    """A domain's paged list: its statements and node (ListSpec) and the orders it may take."""

    orders: Mapping[str, SortKey]

    def sort_keys(self, orders: Sequence[Order]) -> list[tuple[SortKey, bool]]:
        """The allow-listed sort keys of `orders`, or InvalidInput naming `orderBy`."""
        names = [order.key for order in orders]
        if not names or len(names) > MAX_SORT_KEYS or len(set(names)) != len(names):
            raise InvalidInput(
                f"orderBy takes 1 to {MAX_SORT_KEYS} different sort keys.",
                f"orderBy 须为1至{MAX_SORT_KEYS}个互不相同的排序键",
                "orderBy",
            )
        unknown = [name for name in names if name not in self.orders]
        if unknown:
            raise InvalidInput(f"Unknown sort key {unknown[0]}.", f"未知的排序键 {unknown[0]}", "orderBy")
        return [(self.orders[order.key], order.descending) for order in orders]

    def page_statement(
        self,
        where: Filter,
        orders: Sequence[Order],
        size: int,
        cursor: str | None = None,
        backward: bool = False,
    ) -> tuple[str, dict[str, Any]]:
        """The text and parameters of one page: `size` rows (plus one, to tell whether more follow) after
        `cursor` in `orders`, or, `backward`, the rows just before it (returned in reverse order)."""
        keys = self.sort_keys(orders)
        v = self.variable
        # Backwards, the list is read in the opposite order from the cursor, then turned round.
        keyed = [(key.expression, descending != backward) for key, descending in keys]
        keyed.append((f"{v}.id", keyed[-1][1]))
        filters, params = filter_clause(self, where)
        after = ""
        if cursor is not None:
            values = decode_values(cursor, (object,) * len(keys) + (str,), "before" if backward else "after")
            params["cursor"] = values
            terms = []
            for position, (expression, descending) in enumerate(keyed):
                equal = [f"{keyed[earlier][0]} = $cursor[{earlier}]" for earlier in range(position)]
                beyond = f"{expression} {'<' if descending else '>'} $cursor[{position}]"
                terms.append("(" + " AND ".join([*equal, beyond]) + ")")
            after = "\n  AND (" + " OR ".join(terms) + ")"
        first_key = keys[0][0]
        text = fill_slots(
            STATEMENTS[f"{self.domain}/list"],
            {
                "SORT_GUARD": f"AND {first_key.guard}" if first_key.guard else "",
                "FILTERS": filters,
                "AFTER": after,
                "SORT_KEYS": ", ".join(f"{expression} AS sortKey{n}" for n, (expression, _) in enumerate(keyed[:-1])),
                "ORDER": ", ".join(
                    f"{'sortKey' + str(n) if n < len(keys) else expression} {'DESC' if descending else 'ASC'}"
                    for n, (expression, descending) in enumerate(keyed)
                ),
                "SORT_VALUES": "[" + ", ".join(f"sortKey{n}" for n in range(len(keys))) + "]",
                self.projection_slot: projection(f"{self.domain}/projection"),
            },
        )
        params["limit"] = size + 1
        return text, params

    async def page(
        self,
        db: Database,
        where: Filter,
        orders: Sequence[Order],
        size: int,
        cursor: str | None = None,
        backward: bool = False,
    ) -> Page[dict[str, Any]]:
        """One page of the nodes matching `where` in `orders`: the `size` after `cursor`, or (`backward`) the
        `size` just before it (the last `size` without one)."""
        text, params = self.page_statement(where, orders, size, cursor, backward)
        rows = await db.read(f"{self.domain}/list", text, **params)
        more = len(rows) > size
        rows = rows[:size]
        if backward:
            rows.reverse()
        items = [row[self.item] for row in rows]
        cursors = [encode_cursor(*row["sortKeys"], row[self.item]["id"]) for row in rows]
        # Past a cursor, its own row lies on the other side (unless it was deleted since).
        if backward:
            return Page(rows=items, cursors=cursors, has_next=cursor is not None, has_previous=more)
        return Page(rows=items, cursors=cursors, has_next=more, has_previous=cursor is not None)

    def count_statement(self, where: Filter) -> tuple[str, dict[str, Any]]:
        """The text and parameters counting the nodes that match `where`."""
        filters, params = filter_clause(self, where)
        return fill_slots(STATEMENTS[f"{self.domain}/count"], {"FILTERS": filters}), params

    async def count(self, db: Database, where: Filter) -> int:
        """How many nodes match `where`."""
        text, params = self.count_statement(where)
        rows = await db.read(f"{self.domain}/count", text, **params)
        return int(rows[0]["total"])

    async def by_ids(self, db: Database, ids: list[str]) -> list[dict[str, Any] | None]:
        """Nodes by id in the order asked, None for an id that does not exist (DataLoader batches)."""
        text = fill_slots(
            STATEMENTS[f"{self.domain}/by_ids"], {self.projection_slot: projection(f"{self.domain}/projection")}
        )
        rows = await db.read(f"{self.domain}/by_ids", text, ids=ids)
        found = {row["id"]: row[self.item] for row in rows}
        return [found.get(node_id) for node_id in ids]
