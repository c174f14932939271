"""updateVisit: correct a visit's dates, program or purpose."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.visits import VisitChanges
from graph.visits import update_visit as update
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.visits.types import Visit, visit_from


@strawberry.input(description="Corrections to a visit; omitted fields stay as they are.")
class UpdateVisitInput:
    arrived_on: dt.date | None = None
    departed_on: dt.date | None = strawberry.field(default=None, description="Not before arrivedOn.")
    program: str | None = None
    purpose: str | None = None


@strawberry.type
class VisitUpdated:
    visit: Visit


UpdateVisitResult = Annotated[
    VisitUpdated | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("UpdateVisitResult"),
]


async def update_visit(info: strawberry.Info, id: strawberry.ID, input: UpdateVisitInput) -> UpdateVisitResult:
    """Correct a visit; typed errors as recordVisit (dates out of order, another visit of the expert on the same
    days), for a visit the caller may not change, and for one withdrawn."""
    context = info.context
    changes = VisitChanges(
        arrived_on=input.arrived_on, departed_on=input.departed_on, program=input.program, purpose=input.purpose
    )
    try:
        context.caller.require(*WRITERS, action="updateVisit")
        await update(context.db, str(id), changes, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return VisitUpdated(visit=visit_from(await context.visits.load(str(id))))
