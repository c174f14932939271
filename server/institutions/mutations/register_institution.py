"""registerInstitution: add an institution in a region."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.institutions import InstitutionDraft
from graph.institutions import register_institution as register
from server.common.enums import InstitutionType, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.institutions.types import Institution, institution_from


@strawberry.input(description="An institution to register.")
class RegisterInstitutionInput:
    name: str
    type: InstitutionType
    region_code: str
    credit_code: str | None = strawberry.field(default=None, description="统一社会信用代码 (GB 32100), checked.")
    high_tech: bool = False
    tech_sme: bool = False
    fields: list[str] = strawberry.field(default_factory=list, description="Field codes.")


@strawberry.type
class InstitutionRegistered:
    institution: Institution


RegisterInstitutionResult = Annotated[
    InstitutionRegistered | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RegisterInstitutionResult"),
]


async def register_institution(info: strawberry.Info, input: RegisterInstitutionInput) -> RegisterInstitutionResult:
    """Register an institution; typed errors for bad input, unknown region or field, duplicate credit code."""
    context = info.context
    draft = InstitutionDraft(
        name=input.name,
        type=code_of(input.type),
        region=input.region_code,
        credit_code=input.credit_code,
        high_tech=input.high_tech,
        tech_sme=input.tech_sme,
        fields=list(input.fields),
    )
    try:
        context.caller.require(Role.ADMIN, action="registerInstitution")
        institution_id = await register(context.db, draft, context.caller)
    except DomainError as error:
        return user_error(error)
    row = await context.institutions.load(institution_id)
    return InstitutionRegistered(institution=institution_from(row))
