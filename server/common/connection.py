"""Relay-style connections: edges with opaque cursors, pageInfo, and a server-side totalCount."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry

from graph.errors import InvalidInput
from graph.listing import Page

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


def page_size(first: int | None, maximum: int, default: int = 20) -> int:
    """The page size asked for, refused with a clear error outside 0..maximum."""
    size = default if first is None else first
    if size < 0 or size > maximum:
        raise InvalidInput(f"first must be between 0 and {maximum}.", f"first 须在0至{maximum}之间", "first")
    return size


def connection(page: Page, make: Callable[[Any], T], after: str | None,
               count_total: Callable[[], Awaitable[int]]) -> Connection[T]:
    """A connection from a fetched page."""
    edges = [Edge(cursor=cursor, node=make(row)) for row, cursor in zip(page.rows, page.cursors, strict=True)]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=page.has_next, has_previous_page=after is not None,
                           start_cursor=page.cursors[0] if page.cursors else None,
                           end_cursor=page.cursors[-1] if page.cursors else None),
        count_total=count_total,
    )
