"""Visit queries: one visit, and filtered, paged lists by arrival date (an institution key sees its own)."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph.access import Role, list_scope, may_read
from graph.errors import DomainError
from graph.visits import VisitFilter, count_visits, list_visits
from server.auth import require_to_read
from server.common.connection import Connection, connection, page_size, total_beside
from server.common.enums import Direction
from server.common.errors import RequestError
from server.visits.types import Visit, visit_from

#: Visits name individual experts and their movements: not for recruiters.
VISIT_READERS = (Role.ADMIN, Role.ANALYST, Role.INSTITUTION)


@strawberry.input(description="Filters of a visit list; all given filters must hold.")
class VisitsWhere:
    expert_id: strawberry.ID | None = None
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Host institution.")
    arrived_from: dt.date | None = strawberry.field(default=None, description="Arrived on or after.")
    arrived_to: dt.date | None = strawberry.field(default=None, description="Arrived on or before.")
    high_end: bool | None = strawberry.field(default=None, description="By high-end foreign experts only.")
    program: str | None = strawberry.field(default=None, description="Part of the program's name.")


@strawberry.type
class VisitQueries:
    @strawberry.field(description="One visit by id.")
    async def visit(self, info: strawberry.Info, id: strawberry.ID) -> Visit | None:
        caller = info.context.caller
        require_to_read(caller, *VISIT_READERS, action="visit")
        row = await info.context.visits.load(str(id))
        # A visit another institution hosts is answered exactly as a visit that does not exist.
        return visit_from(row) if row is not None and may_read(caller, [row["institution"]]) else None

    @strawberry.field(description="Visits by arrival date, filtered and paged (Relay connection); totalCount in 人次.")
    async def visits(
        self,
        info: strawberry.Info,
        where: VisitsWhere | None = None,
        direction: Direction = Direction.DESC,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Visit] | None:
        context = info.context
        require_to_read(context.caller, *VISIT_READERS, action="visits")
        where = where or VisitsWhere()
        try:
            institution = list_scope(
                context.caller, str(where.institution_id) if where.institution_id else None, "visits"
            )
            graph_filter = VisitFilter(
                expert=str(where.expert_id) if where.expert_id else None,
                institution=institution,
                arrived_from=where.arrived_from,
                arrived_to=where.arrived_to,
                high_end=where.high_end,
                program=where.program or None,
            )
            size = page_size(first, context.settings.max_page_size)
            total = total_beside(info, lambda: count_visits(context.db, graph_filter))
            page = await list_visits(context.db, graph_filter, direction == Direction.DESC, size, after)
        except DomainError as error:
            raise RequestError(error) from error
        return connection(page, visit_from, after, total)
