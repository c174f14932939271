"""updateForeignExpert: correct a foreign expert's nationality, high-end flag or passport."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.visits import ExpertChanges, Passport
from graph.visits import update_foreign_expert as update
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.people.types import Person, person_from
from server.visits.mutations.register_foreign_expert import PassportInput


@strawberry.input(description="Corrections to a foreign expert; omitted fields stay as they are.")
class UpdateForeignExpertInput:
    nationality: str | None = strawberry.field(default=None, description="As in registerForeignExpert.")
    high_end: bool | None = strawberry.field(default=None, description="A high-end foreign expert (高端外国专家).")
    passport: PassportInput | None = strawberry.field(
        default=None, description="A new or corrected passport: checked, hashed, never stored."
    )


@strawberry.type
class ForeignExpertUpdated:
    expert: Person


UpdateForeignExpertResult = Annotated[
    ForeignExpertUpdated | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("UpdateForeignExpertResult"),
]


async def update_foreign_expert(
    info: strawberry.Info, id: strawberry.ID, input: UpdateForeignExpertInput
) -> UpdateForeignExpertResult:
    """Correct a foreign expert; typed errors for a country that is not ISO 3166-1, a bad passport or one another
    person carries, a person who is not a foreign expert or whom the caller may not change."""
    context = info.context
    passport = Passport(number=input.passport.number, country=input.passport.country) if input.passport else None
    changes = ExpertChanges(nationality=input.nationality, high_end=input.high_end, passport=passport)
    try:
        context.caller.require(*WRITERS, action="updateForeignExpert")
        await update(context.db, str(id), changes, context.id_salt, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return ForeignExpertUpdated(expert=person_from(await context.people.load(str(id)), context.caller))
