"""Institution queries."""

from __future__ import annotations

import enum

import strawberry

from graph.access import READERS, list_scope, may_read
from graph.errors import DomainError
from graph.institutions import InstitutionFilter, count_institutions, list_institutions
from server.auth import require_to_read
from server.common.connection import Connection, connection, page_size, total_beside
from server.common.enums import Direction, InstitutionType
from server.common.errors import RequestError
from server.institutions.types import Institution, institution_from


@strawberry.input(description="Filters of an institution list; all given filters must hold.")
class InstitutionsWhere:
    region: str | None = strawberry.field(default=None, description="Region code; includes what lies within.")
    type: InstitutionType | None = None  # type: ignore[valid-type]
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    name: str | None = strawberry.field(default=None, description="Part of the name.")
    high_tech: bool | None = None
    tech_sme: bool | None = None


@strawberry.enum(description="Sort keys of an institution list.")
class InstitutionsOrderBy(enum.Enum):
    NAME = "NAME"
    ID = "ID"


@strawberry.input
class InstitutionsOrder:
    by: InstitutionsOrderBy = InstitutionsOrderBy.NAME
    direction: Direction = Direction.ASC


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
        order_by: InstitutionsOrder | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Institution] | None:
        context = info.context
        require_to_read(context.caller, *READERS, action="institutions")
        order = order_by or InstitutionsOrder()
        where = where or InstitutionsWhere()
        try:
            graph_filter = InstitutionFilter(
                id=list_scope(context.caller, None, "institutions"),
                region=where.region,
                type=where.type.value if where.type else None,
                field=where.field,
                name=where.name or None,
                high_tech=where.high_tech,
                tech_sme=where.tech_sme,
            )
            size = page_size(first, context.settings.max_page_size)
            total = total_beside(info, lambda: count_institutions(context.db, graph_filter))
            page = await list_institutions(
                context.db, graph_filter, order.by.value, order.direction == Direction.DESC, size, after
            )
        except DomainError as error:
            raise RequestError(error) from error
        return connection(page, institution_from, after, total)
