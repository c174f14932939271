"""registerPerson: add a person with their employer and fields."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.people import PersonDraft
from graph.people import register_person as register
from server.common.enums import Degree, Gender
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.people.types import Person, person_from


@strawberry.input(description="A person to register. The identity number is checked, hashed and never stored.")
class RegisterPersonInput:
    name: str
    gender: Gender | None = None
    birth_year: int | None = None
    degree: Degree | None = None
    id_number: str | None = strawberry.field(default=None, description="18-character national ID (GB 11643).")
    email: str | None = None
    phone: str | None = None
    consent_to_contact: bool = False
    institution_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Current employer: an institution key's own when omitted (it registers its own staff only).",
    )
    role: str | None = None
    since: dt.date | None = None
    fields: list[str] = strawberry.field(default_factory=list, description="Field codes, main field first.")
    keywords: list[str] = strawberry.field(default_factory=list, description="Search keywords.")


@strawberry.type
class PersonRegistered:
    person: Person


RegisterPersonResult = Annotated[
    PersonRegistered | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RegisterPersonResult"),
]


def person_draft(input: RegisterPersonInput) -> PersonDraft:
    """The graph's draft of a person input."""
    return PersonDraft(
        name=input.name,
        gender=input.gender.value if input.gender else None,
        birth_year=input.birth_year,
        degree=input.degree.value if input.degree else None,
        id_number=input.id_number,
        email=input.email,
        phone=input.phone,
        consent_to_contact=input.consent_to_contact,
        institution=str(input.institution_id) if input.institution_id else None,
        role=input.role,
        since=input.since,
        fields=list(input.fields),
        keywords=list(input.keywords),
    )


async def register_person(info: strawberry.Info, input: RegisterPersonInput) -> RegisterPersonResult:
    """Register a person; typed errors for bad input, unknown references, duplicates, another institution."""
    context = info.context
    try:
        context.caller.require(*WRITERS, action="registerPerson")
        person_id = await register(context.db, person_draft(input), context.id_salt, context.caller)
    except DomainError as error:
        return user_error(error)
    row = await context.people.load(person_id)
    return PersonRegistered(person=person_from(row, context.caller))
