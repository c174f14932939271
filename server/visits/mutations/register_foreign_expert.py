"""registerForeignExpert: register a person as a foreign expert (nationality, high-end flag)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.visits import register_foreign_expert as register
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.people.mutations.register_person import RegisterPersonInput, person_draft
from server.people.types import Person, person_from


@strawberry.input(description="A foreign expert to register: a person with a nationality.")
class RegisterForeignExpertInput(RegisterPersonInput):
    nationality: str = strawberry.field(description="ISO 3166-1 alpha-2 code, e.g. DE.")
    high_end: bool = strawberry.field(default=False, description="A high-end foreign expert (高端外国专家).")


@strawberry.type
class ForeignExpertRegistered:
    expert: Person


RegisterForeignExpertResult = Annotated[
    ForeignExpertRegistered | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RegisterForeignExpertResult"),
]


async def register_foreign_expert(
    info: strawberry.Info, input: RegisterForeignExpertInput
) -> RegisterForeignExpertResult:
    """Register a foreign expert; typed errors as registerPerson, and for a nationality that is not a code."""
    context = info.context
    try:
        context.caller.require(*WRITERS, action="registerForeignExpert")
        person_id = await register(
            context.db, person_draft(input), input.nationality, input.high_end, context.id_salt, context.caller
        )
    except DomainError as error:
        return user_error(error)
    return ForeignExpertRegistered(expert=person_from(await context.people.load(person_id), context.caller))
