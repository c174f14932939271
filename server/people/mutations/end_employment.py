"""endEmployment: a person leaves an institution; their employment there ends on the day given."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.people import end_employment as end
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.people.types import Person, person_from


@strawberry.input(description="An employment that ends: the person left the institution.")
class EndEmploymentInput:
    person_id: strawberry.ID
    on: dt.date = strawberry.field(description="The last day of the employment; not in the future.")
    institution_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The institution left: an institution key's own when omitted; for an administrator, the "
        "person's only current employer.",
    )


@strawberry.type
class EmploymentEnded:
    person: Person = strawberry.field(
        description="The person as the caller now sees them: for the institution they left, the public profile."
    )


EndEmploymentResult = Annotated[
    EmploymentEnded | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("EndEmploymentResult"),
]


async def end_employment(info: strawberry.Info, input: EndEmploymentInput) -> EndEmploymentResult:
    """End a current employment; typed errors for a date before it began or in the future, an institution the
    person does not work at now, a person the caller may not change."""
    context = info.context
    try:
        context.caller.require(*WRITERS, action="endEmployment")
        institution = str(input.institution_id) if input.institution_id else None
        await end(context.db, str(input.person_id), input.on, context.caller, institution)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return EmploymentEnded(person=person_from(await context.people.load(str(input.person_id)), context.caller))
