"""updateInstitution: correct an institution's name, type, credit code, region or fields."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.institutions import InstitutionChanges
from graph.institutions import update_institution as update
from server.common.enums import InstitutionType, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.institutions.types import Institution, institution_from


@strawberry.input(description="Corrections to an institution; omitted fields stay as they are.")
class UpdateInstitutionInput:
    name: str | None = None
    type: InstitutionType | None = None  # type: ignore[valid-type]
    credit_code: str | None = strawberry.field(default=None, description="统一社会信用代码 (GB 32100), checked.")
    region_code: str | None = strawberry.field(
        default=None, description="The region it is located in: its staff's statistics move with it."
    )
    fields: list[str] | None = strawberry.field(default=None, description="Replaces the institution's fields.")


@strawberry.type
class InstitutionUpdated:
    institution: Institution


UpdateInstitutionResult = Annotated[
    InstitutionUpdated | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("UpdateInstitutionResult"),
]


async def update_institution(
    info: strawberry.Info, id: strawberry.ID, input: UpdateInstitutionInput
) -> UpdateInstitutionResult:
    """Correct an institution (its own key, or an administrator); typed errors for bad values, an unknown region
    or field, a credit code another institution has."""
    context = info.context
    changes = InstitutionChanges(
        name=input.name,
        type=code_of(input.type) if input.type else None,
        region=input.region_code,
        credit_code=input.credit_code,
        fields=list(input.fields) if input.fields is not None else None,
    )
    try:
        context.caller.require(*WRITERS, action="updateInstitution")
        await update(context.db, str(id), changes, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return InstitutionUpdated(institution=institution_from(await context.institutions.load(str(id))))
