"""updatePerson: change a person's details, move them to another employer, set their fields."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.people import PersonChanges
from graph.people import update_person as update
from server.common.enums import Degree, Gender
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.people.types import Person, person_from


@strawberry.input(description="Changes to a person; omitted fields stay as they are.")
class UpdatePersonInput:
    name: str | None = None
    gender: Gender | None = None
    birth_year: int | None = None
    degree: Degree | None = None
    email: str | None = None
    phone: str | None = None
    consent_to_contact: bool | None = None
    institution_id: strawberry.ID | None = strawberry.field(
        default=None, description="A new employer: the current employment ends the day before `since`."
    )
    role: str | None = None
    since: dt.date | None = strawberry.field(default=None, description="Start at the new employer (default today).")
    fields: list[str] | None = strawberry.field(default=None, description="Replaces the person's fields.")
    keywords: list[str] | None = strawberry.field(default=None, description="Replaces the search keywords.")


@strawberry.type
class PersonUpdated:
    person: Person


UpdatePersonResult = Annotated[
    PersonUpdated | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("UpdatePersonResult"),
]


async def update_person(info: strawberry.Info, id: strawberry.ID, input: UpdatePersonInput) -> UpdatePersonResult:
    """Update a person in one transaction; typed errors for bad input and unknown references."""
    context = info.context
    changes = PersonChanges(
        name=input.name,
        gender=input.gender.value if input.gender else None,
        birth_year=input.birth_year,
        degree=input.degree.value if input.degree else None,
        email=input.email,
        phone=input.phone,
        consent_to_contact=input.consent_to_contact,
        institution=str(input.institution_id) if input.institution_id else None,
        role=input.role,
        since=input.since,
        fields=list(input.fields) if input.fields is not None else None,
        keywords=list(input.keywords) if input.keywords is not None else None,
    )
    try:
        context.caller.require(*WRITERS, action="updatePerson")
        await update(context.db, str(id), changes, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    row = await context.people.load(str(id))
    return PersonUpdated(person=person_from(row, context.caller))
