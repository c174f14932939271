"""assignPlatformRole: an institution names who holds which role at one of its R&D platforms."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.platforms import RoleDraft
from graph.platforms import assign_platform_role as assign
from server.common.enums import PlatformRole, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.platforms.types import Platform, platform_from


@strawberry.input(description="A person's role at a platform.")
class PlatformRoleInput:
    person_id: strawberry.ID
    role: PlatformRole
    since: dt.date | None = strawberry.field(default=None, description="From when; today when omitted.")
    invited: bool = strawberry.field(
        default=False, description="Set when the person works elsewhere (e.g. in Beijing) and is invited explicitly."
    )


@strawberry.type
class PlatformRoleAssigned:
    platform: Platform
    person_id: strawberry.ID
    role: PlatformRole


AssignPlatformRoleResult = Annotated[
    PlatformRoleAssigned | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("AssignPlatformRoleResult"),
]


async def assign_platform_role(
    info: strawberry.Info, platform_id: strawberry.ID, input: PlatformRoleInput
) -> AssignPlatformRoleResult:
    """Give a person a role at a platform; typed errors for another institution's platform, an unknown
    person, someone from elsewhere not invited, a role already held."""
    context = info.context
    draft = RoleDraft(person=str(input.person_id), role=code_of(input.role), since=input.since, invited=input.invited)
    try:
        context.caller.require(*WRITERS, action="assignPlatformRole")
        await assign(context.db, str(platform_id), draft, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return PlatformRoleAssigned(
        platform=platform_from(await context.platforms.load(str(platform_id))),
        person_id=input.person_id,
        role=input.role,
    )
