"""Visit queries: one visit, and filtered, paged lists by arrival date (an institution key sees its own)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

import strawberry

from graph.access import Role, list_scope, may_read
from graph.errors import InvalidInput
from graph.listing import within
from graph.visits import VISITS, VisitFilter
from server.auth import require_to_read
from server.common.connection import Connection, Paging, listed
from server.common.enums import Direction
from server.common.errors import RequestError
from server.common.filters import DateRange, bounded, nationalities, one_of, orders, tree
from server.visits.types import Visit, visit_from

#: Visits name individual experts and their movements: not for recruiters.
VISIT_READERS = (Role.ADMIN, Role.ANALYST, Role.INSTITUTION)


@strawberry.input(
    description="Filters of a visit list: all given filters must hold, and so must every filter of AND, at least "
    "one of OR, and not `not`. A field and its `…In` list may be given together: both must hold."
)
class VisitsWhere:
    expert_id: strawberry.ID | None = None
    expert_id_in: list[strawberry.ID] | None = None
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Host institution.")
    institution_id_in: list[strawberry.ID] | None = strawberry.field(default=None, description="Any of these.")
    arrived_on: DateRange | None = strawberry.field(default=None, description="Arrived within these dates.")
    arrived_from: dt.date | None = strawberry.field(default=None, description="Arrived on or after (arrivedOn.gte).")
    arrived_to: dt.date | None = strawberry.field(default=None, description="Arrived on or before (arrivedOn.lte).")
    high_end: bool | None = strawberry.field(default=None, description="By high-end foreign experts only.")
    program: str | None = strawberry.field(default=None, description="Part of the program's name.")
    nationality: str | None = strawberry.field(default=None, description="The expert's: ISO 3166-1 code or name.")
    nationality_in: list[str] | None = None
    AND: list[VisitsWhere] | None = strawberry.field(default=None, name="AND", description="All of these hold.")
    OR: list[VisitsWhere] | None = strawberry.field(default=None, name="OR", description="One of these holds.")
    not_: VisitsWhere | None = strawberry.field(default=None, name="not", description="This does not hold.")


@strawberry.enum(description="Sort keys of a visit list.")
class VisitsOrderBy(enum.Enum):
    ARRIVED_ON = "ARRIVED_ON"
    DEPARTED_ON = "DEPARTED_ON"
    ID = "ID"


@strawberry.input(description="One sort key of a visit list; the id breaks ties after the last.")
class VisitsOrder:
    by: VisitsOrderBy = VisitsOrderBy.ARRIVED_ON
    direction: Direction = Direction.DESC


def _visits_node(where: VisitsWhere, path: str) -> VisitFilter:
    arrived = where.arrived_on or DateRange()
    if where.arrived_from is not None or where.arrived_to is not None:
        if where.arrived_on is not None:
            raise InvalidInput(
                "Give arrivedOn or arrivedFrom/arrivedTo, not both.",
                "arrivedOn 与 arrivedFrom/arrivedTo 只能二选一",
                f"{path}.arrivedOn",
            )
        arrived = DateRange(gte=where.arrived_from, lte=where.arrived_to)
    return VisitFilter(
        expert=one_of(where.expert_id, where.expert_id_in),
        institution=one_of(where.institution_id, where.institution_id_in),
        arrived_on=bounded(arrived, f"{path}.arrivedOn"),
        high_end=where.high_end,
        program=where.program or None,
        nationality=nationalities(where.nationality, where.nationality_in, f"{path}.nationality"),
    )


def visits_filter(where: VisitsWhere | None, institution: str | None) -> VisitFilter:
    """The graph filter for a `where` input, limited to the visits `institution` hosts where given."""
    given = tree(where, _visits_node) if where is not None else VisitFilter()
    return within(VisitFilter(institution=(institution,)), given) if institution is not None else given


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
        direction: Annotated[
            Direction | None, strawberry.argument(description="Of arrival, newest first by default; or give orderBy.")
        ] = None,
        order_by: list[VisitsOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Visit] | None:
        context = info.context
        require_to_read(context.caller, *VISIT_READERS, action="visits")
        if direction is not None and order_by is not None:
            raise RequestError(
                InvalidInput("Give direction or orderBy, not both.", "direction 与 orderBy 只能二选一", "direction")
            )
        default = VisitsOrder(direction=direction or Direction.DESC)
        return await listed(
            info,
            VISITS,
            lambda: visits_filter(
                where,
                list_scope(
                    context.caller, str(where.institution_id) if where and where.institution_id else None, "visits"
                ),
            ),
            orders(order_by, default),
            Paging(first, after, last, before),
            visit_from,
        )
