"""Relay-style connections: edges with opaque cursors, pageInfo, and a server-side totalCount."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from strawberry.types.nodes import SelectedField, Selection

from graph.errors import DomainError, InvalidInput
from graph.listing import Filter, Listing, Order, Page, check_filter
from server.common.errors import RequestError

T = TypeVar("T")


@strawberry.type
class PageInfo:
    """Where this page stands in the list."""

    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    """One node and the cursor just after which the next page starts."""

    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    """A page of a list; `totalCount` counts the whole filtered list, on the server."""

    edges: list[Edge[T]]
    page_info: PageInfo
    count_total: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the whole filtered list holds.")
    async def total_count(self) -> int:
        return await self.count_total()

    @strawberry.field(description="The nodes of this page, without cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


#: The page size of a list asked for without `first` or `last`.
DEFAULT_PAGE_SIZE = 20


def page_size(first: int | None, maximum: int, default: int = DEFAULT_PAGE_SIZE, argument: str = "first") -> int:
    """The page size asked for, refused with a clear error outside 0..maximum."""
    size = default if first is None else first
    if size < 0 or size > maximum:
        raise InvalidInput(f"{argument} must be between 0 and {maximum}.", f"{argument} 须在0至{maximum}之间", argument)
    return size


@dataclass(frozen=True)
class Paging:
    """Which page of a list: `first` rows after the cursor `after`, or the `last` rows before `before`."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    def backward(self) -> bool:
        """Whether the page is counted from the end (`last`, `before`)."""
        return self.last is not None or self.before is not None

    def checked(self, maximum: int) -> tuple[int, str | None, bool]:
        """The page size, the cursor and whether to read backwards; InvalidInput naming the argument that
        does not fit with the others."""
        if self.first is not None and self.last is not None:
            raise InvalidInput("Give first or last, not both.", "first 与 last 只能二选一", "last")
        if self.before is not None and self.first is not None:
            raise InvalidInput(
                "before pages backwards: use it with last, not with first.",
                "before 用于向前翻页:请与 last 一起使用,不要与 first 同用",
                "before",
            )
        if self.backward():
            if self.after is not None:
                raise InvalidInput(
                    "after pages forwards: use it with first, not with last or before.",
                    "after 用于向后翻页:请与 first 一起使用,不要与 last 或 before 同用",
                    "after",
                )
            return page_size(self.last, maximum, argument="last"), self.before, True
        return page_size(self.first, maximum), self.after, False


def _asks_for(selections: Sequence[Selection], name: str) -> bool:
    """Whether `name` is among these selections, fragments included."""
    return any(
        selection.name == name if isinstance(selection, SelectedField) else _asks_for(selection.selections, name)
        for selection in selections
    )


def total_beside(info: strawberry.Info, count: Callable[[], Awaitable[int]]) -> Callable[[], Awaitable[int]]:
    """The list's count, started now, beside the statement of its page, when the query asks for `totalCount`.

    Else it runs when asked for, if ever. Started early, it saves the request one round trip to Neo4j.
    Call it once the caller may read the list: the count is a read like the page.
    """
    if not any(_asks_for(field.selections, "totalCount") for field in info.selected_fields):
        return count
    counting = asyncio.ensure_future(count())
    # Read even when the page fails and no one awaits the count: no "exception never retrieved" noise.
    counting.add_done_callback(lambda task: task.cancelled() or task.exception())
    return lambda: counting


def connection(page: Page[Any], make: Callable[[Any], T], count_total: Callable[[], Awaitable[int]]) -> Connection[T]:
    """A connection from a fetched page."""
    edges = [Edge(cursor=cursor, node=make(row)) for row, cursor in zip(page.rows, page.cursors, strict=True)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        ),
        count_total=count_total,
    )


async def listed(
    info: strawberry.Info,
    listing: Listing,
    where: Callable[[], Filter],
    orders: Sequence[Order],
    paging: Paging,
    make: Callable[[Any], T],
) -> Connection[T]:
    """One page of a domain's list as a connection, its total counted beside it (once the caller may read it).

    `where` makes the filter: called here, so that a caller refused the list it asks for (graph/access.py
    `list_scope`) or a filter that cannot hold gets a request error like any other refusal."""
    db = info.context.db
    try:
        graph_filter = where()
        size, cursor, backward = paging.checked(info.context.settings.max_page_size)
        listing.sort_keys(orders)
        check_filter(graph_filter)
        total = total_beside(info, lambda: listing.count(db, graph_filter))
        page = await listing.page(db, graph_filter, orders, size, cursor, backward)
    except DomainError as error:
        raise RequestError(error) from error
    return connection(page, make, total)
