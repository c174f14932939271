"""registerForeignExpert: register a person as a foreign expert, identified by passport or identity number."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.visits import Passport
from graph.visits import register_foreign_expert as register
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.people.mutations.register_person import RegisterPersonInput, person_draft
from server.people.types import Person, person_from


@strawberry.input(description="A passport: checked, hashed with its issuing country and never stored.")
class PassportInput:
    number: str = strawberry.field(description="5 to 20 letters and digits.")
    country: str = strawberry.field(
        description="The issuing country: ISO 3166-1 alpha-2 or alpha-3 code, or its English or Chinese name."
    )


@strawberry.input(
    description="A foreign expert to register: a person with a nationality, identified by passport, or by a Chinese "
    "identity number or permanent-residence card number, or both (as visits files identify them)."
)
class RegisterForeignExpertInput(RegisterPersonInput):
    nationality: str = strawberry.field(
        description="ISO 3166-1: an alpha-2 or alpha-3 code (DE, DEU) or the country's name; stored as alpha-2."
    )
    high_end: bool = strawberry.field(default=False, description="A high-end foreign expert (高端外国专家).")
    passport: PassportInput | None = strawberry.field(
        default=None, description="The expert's passport; needed unless idNumber is given."
    )
    id_number: str | None = strawberry.field(
        default=None,
        description="A Chinese identity number (GB 11643) or permanent-residence card number (外国人永久居留身份证), "
        "for an expert who has one; checked, hashed and never stored.",
    )


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
    """Register a foreign expert; typed errors as registerPerson, for a country that is not ISO 3166-1, and for an
    expert identified by nothing."""
    context = info.context
    passport = Passport(number=input.passport.number, country=input.passport.country) if input.passport else None
    try:
        context.caller.require(*WRITERS, action="registerForeignExpert")
        person_id = await register(
            context.db,
            person_draft(input),
            input.nationality,
            input.high_end,
            context.id_salt,
            context.caller,
            passport,
        )
    except DomainError as error:
        return user_error(error)
    return ForeignExpertRegistered(expert=person_from(await context.people.load(person_id), context.caller))
