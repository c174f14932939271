"""recordVisit: record a foreign expert's visit to the caller's institution."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.visits import VisitDraft
from graph.visits import record_visit as record
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.visits.types import Visit, visit_from


@strawberry.input(description="A visit to record.")
class RecordVisitInput:
    expert_id: strawberry.ID
    arrived_on: dt.date
    departed_on: dt.date | None = strawberry.field(default=None, description="Not before arrivedOn; null if ongoing.")
    program: str | None = None
    purpose: str | None = None
    institution_id: strawberry.ID | None = strawberry.field(
        default=None, description="Host institution: an institution key's own when omitted; needed for admins."
    )


@strawberry.type
class VisitRecorded:
    visit: Visit


RecordVisitResult = Annotated[
    VisitRecorded | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RecordVisitResult"),
]


async def record_visit(info: strawberry.Info, input: RecordVisitInput) -> RecordVisitResult:
    """Record a visit; typed errors for dates out of order, overlapping visits, unknown expert or host."""
    context = info.context
    draft = VisitDraft(
        expert=str(input.expert_id),
        arrived_on=input.arrived_on,
        departed_on=input.departed_on,
        institution=str(input.institution_id) if input.institution_id else None,
        program=input.program,
        purpose=input.purpose,
    )
    try:
        context.caller.require(*WRITERS, action="recordVisit")
        visit_id = await record(context.db, draft, context.caller)
    except DomainError as error:
        return user_error(error)
    return VisitRecorded(visit=visit_from(await context.visits.load(visit_id)))
