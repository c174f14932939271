"""Platform queries: one platform, and filtered, sorted, paged lists (an institution key sees its own)."""

from __future__ import annotations

import enum

import strawberry

from graph.access import READERS, list_scope, may_read
from graph.listing import within
from graph.platforms import PLATFORMS, PlatformFilter
from server.auth import require_to_read
from server.common.connection import Connection, Paging, listed
from server.common.enums import Direction, Level, PlatformKind
from server.common.filters import DateRange, bounded, one_of, orders, tree
from server.platforms.types import Platform, platform_from


@strawberry.input(
    description="Filters of a platform list: all given filters must hold, and so must every filter of AND, at least "
    "one of OR, and not `not`. A field and its `…In` list may be given together: both must hold."
)
class PlatformsWhere:
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Host institution.")
    institution_id_in: list[strawberry.ID] | None = strawberry.field(default=None, description="Any of these.")
    kind: PlatformKind | None = None
    kind_in: list[PlatformKind] | None = None
    level: Level | None = None
    level_in: list[Level] | None = None
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    field_in: list[str] | None = strawberry.field(default=None, description="Any of these fields.")
    name: str | None = strawberry.field(default=None, description="Part of the name.")
    established_on: DateRange | None = strawberry.field(
        default=None, description="Established within these dates; platforms without a date never match."
    )
    AND: list[PlatformsWhere] | None = strawberry.field(default=None, name="AND", description="All of these hold.")
    OR: list[PlatformsWhere] | None = strawberry.field(default=None, name="OR", description="One of these holds.")
    not_: PlatformsWhere | None = strawberry.field(default=None, name="not", description="This does not hold.")


@strawberry.enum(description="Sort keys of a platform list.")
class PlatformsOrderBy(enum.Enum):
    NAME = "NAME"
    ESTABLISHED_ON = "ESTABLISHED_ON"
    LEVEL = "LEVEL"
    KIND = "KIND"


@strawberry.input(description="One sort key of a platform list; the id breaks ties after the last.")
class PlatformsOrder:
    by: PlatformsOrderBy = PlatformsOrderBy.NAME
    direction: Direction = Direction.ASC


def _platforms_node(where: PlatformsWhere, path: str) -> PlatformFilter:
    return PlatformFilter(
        institution=one_of(where.institution_id, where.institution_id_in),
        kind=one_of(where.kind, where.kind_in),
        level=one_of(where.level, where.level_in),
        field=one_of(where.field, where.field_in),
        name=where.name or None,
        established_on=bounded(where.established_on, f"{path}.establishedOn"),
    )


def platforms_filter(where: PlatformsWhere | None, institution: str | None) -> PlatformFilter:
    """The graph filter for a `where` input, limited to the platforms of `institution` where given."""
    given = tree(where, _platforms_node) if where is not None else PlatformFilter()
    return within(PlatformFilter(institution=(institution,)), given) if institution is not None else given


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
        order_by: list[PlatformsOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Platform] | None:
        context = info.context
        require_to_read(context.caller, *READERS, action="platforms")
        return await listed(
            info,
            PLATFORMS,
            lambda: platforms_filter(
                where,
                list_scope(
                    context.caller, str(where.institution_id) if where and where.institution_id else None, "platforms"
                ),
            ),
            orders(order_by, PlatformsOrder()),
            Paging(first, after, last, before),
            platform_from,
        )
