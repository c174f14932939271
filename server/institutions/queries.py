"""Institution queries."""

from __future__ import annotations

import enum

import strawberry

from graph.access import READERS, list_scope, may_read
from graph.institutions import INSTITUTIONS, InstitutionFilter
from graph.listing import within
from server.auth import require_to_read
from server.common.connection import Connection, Paging, listed
from server.common.enums import Direction, InstitutionType
from server.common.filters import one_of, orders, tree
from server.institutions.types import Institution, institution_from


@strawberry.input(
    description="Filters of an institution list: all given filters must hold, and so must every filter of AND, at "
    "least one of OR, and not `not`. A field and its `…In` list may be given together: both must hold."
)
class InstitutionsWhere:
    region: str | None = strawberry.field(default=None, description="Region code; includes what lies within.")
    region_in: list[str] | None = strawberry.field(default=None, description="Any of these regions.")
    type: InstitutionType | None = None
    type_in: list[InstitutionType] | None = None
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    field_in: list[str] | None = strawberry.field(default=None, description="Any of these fields.")
    name: str | None = strawberry.field(default=None, description="Part of the name.")
    high_tech: bool | None = None
    tech_sme: bool | None = None
    AND: list[InstitutionsWhere] | None = strawberry.field(default=None, name="AND", description="All of these hold.")
    OR: list[InstitutionsWhere] | None = strawberry.field(default=None, name="OR", description="One of these holds.")
    not_: InstitutionsWhere | None = strawberry.field(default=None, name="not", description="This does not hold.")


@strawberry.enum(description="Sort keys of an institution list.")
class InstitutionsOrderBy(enum.Enum):
    NAME = "NAME"
    TYPE = "TYPE"
    ID = "ID"


@strawberry.input(description="One sort key of an institution list; the id breaks ties after the last.")
class InstitutionsOrder:
    by: InstitutionsOrderBy = InstitutionsOrderBy.NAME
    direction: Direction = Direction.ASC


def _institutions_node(where: InstitutionsWhere, _path: str) -> InstitutionFilter:
    return InstitutionFilter(
        region=one_of(where.region, where.region_in),
        type=one_of(where.type, where.type_in),
        field=one_of(where.field, where.field_in),
        name=where.name or None,
        high_tech=where.high_tech,
        tech_sme=where.tech_sme,
    )


def institutions_filter(where: InstitutionsWhere | None, institution: str | None) -> InstitutionFilter:
    """The graph filter for a `where` input, limited to `institution` itself where given."""
    given = tree(where, _institutions_node) if where is not None else InstitutionFilter()
    return within(InstitutionFilter(id=(institution,)), given) if institution is not None else given


@strawberry.type
class InstitutionQueries:
    @strawberry.field(description="One institution by id.")
    async def institution(self, info: strawberry.Info, id: strawberry.ID) -> Institution | None:
        caller = info.context.caller
        require_to_read(caller, *READERS, action="institution")
        if not may_read(caller, [str(id)]):
            # Another institution is answered exactly as one that does not exist.
            return None
        row = await info.context.institutions.load(str(id))
        return institution_from(row) if row else None

    @strawberry.field(description="Institutions, filtered, sorted and paged (Relay connection).")
    async def institutions(
        self,
        info: strawberry.Info,
        where: InstitutionsWhere | None = None,
        order_by: list[InstitutionsOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Institution] | None:
        context = info.context
        require_to_read(context.caller, *READERS, action="institutions")
        return await listed(
            info,
            INSTITUTIONS,
            lambda: institutions_filter(where, list_scope(context.caller, None, "institutions")),
            orders(order_by, InstitutionsOrder()),
            Paging(first, after, last, before),
            institution_from,
        )
