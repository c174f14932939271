"""Platform queries: one platform, and filtered, sorted, paged lists (an institution key sees its own)."""

from __future__ import annotations

import enum

import strawberry

from graph.access import READERS, list_scope, may_read
from graph.errors import DomainError
from graph.platforms import PlatformFilter, count_platforms, list_platforms
from server.auth import require_to_read
from server.common.connection import Connection, connection, page_size, total_beside
from server.common.enums import Direction, Level
from server.common.errors import RequestError
from server.platforms.types import Platform, PlatformKind, platform_from


@strawberry.input(description="Filters of a platform list; all given filters must hold.")
class PlatformsWhere:
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Host institution.")
    kind: PlatformKind | None = None  # type: ignore[valid-type]
    level: Level | None = None  # type: ignore[valid-type]
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    name: str | None = strawberry.field(default=None, description="Part of the name.")


@strawberry.enum(description="Sort keys of a platform list.")
class PlatformsOrderBy(enum.Enum):
    NAME = "NAME"
    ESTABLISHED_ON = "ESTABLISHED_ON"


@strawberry.input
class PlatformsOrder:
    by: PlatformsOrderBy = PlatformsOrderBy.NAME
    direction: Direction = Direction.ASC


@strawberry.type
class PlatformQueries:
    @strawberry.field(description="One platform by id.")
    async def platform(self, info: strawberry.Info, id: strawberry.ID) -> Platform | None:
        caller = info.context.caller
        require_to_read(caller, *READERS, action="platform")
        row = await info.context.platforms.load(str(id))
        # Another institution's platform is answered exactly as a platform that does not exist.
        return platform_from(row) if row is not None and may_read(caller, [row["institution"]]) else None

    @strawberry.field(description="Platforms, filtered, sorted and paged (Relay connection).")
    async def platforms(
        self,
        info: strawberry.Info,
        where: PlatformsWhere | None = None,
        order_by: PlatformsOrder | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Platform] | None:
        context = info.context
        require_to_read(context.caller, *READERS, action="platforms")
        where = where or PlatformsWhere()
        order = order_by or PlatformsOrder()
        try:
            institution = list_scope(
                context.caller, str(where.institution_id) if where.institution_id else None, "platforms"
            )
            graph_filter = PlatformFilter(
                institution=institution,
                kind=where.kind.value if where.kind else None,
                level=where.level.value if where.level else None,
                field=where.field,
                name=where.name or None,
            )
            size = page_size(first, context.settings.max_page_size)
            total = total_beside(info, lambda: count_platforms(context.db, graph_filter))
            page = await list_platforms(
                context.db, graph_filter, order.by.value, order.direction == Direction.DESC, size, after
            )
        except DomainError as error:
            raise RequestError(error) from error
        return connection(page, platform_from, after, total)
