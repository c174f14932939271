"""registerPlatform: an institution registers an R&D platform it hosts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.platforms import PlatformDraft
from graph.platforms import register_platform as register
from server.common.enums import Level, PlatformKind, code_of
from server.common.errors import InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.platforms.types import Platform, platform_from


@strawberry.input(description="A platform to register, hosted by the caller's institution.")
class RegisterPlatformInput:
    name: str
    kind: PlatformKind
    level: Level
    established_on: dt.date
    fields: list[str] = strawberry.field(default_factory=list, description="Field codes.")
    institution_id: strawberry.ID | None = strawberry.field(
        default=None, description="Host institution: an institution key's own when omitted; needed for admins."
    )


@strawberry.type
class PlatformRegistered:
    platform: Platform


RegisterPlatformResult = Annotated[
    PlatformRegistered | InvalidInputError | NotFoundError | NotAllowedError,
    strawberry.union("RegisterPlatformResult"),
]


async def register_platform(info: strawberry.Info, input: RegisterPlatformInput) -> RegisterPlatformResult:
    """Register a platform; typed errors for bad input, unknown references, another institution."""
    context = info.context
    draft = PlatformDraft(
        name=input.name,
        kind=code_of(input.kind),
        level=code_of(input.level),
        established_on=input.established_on,
        fields=list(input.fields),
        institution=str(input.institution_id) if input.institution_id else None,
    )
    try:
        context.caller.require(*WRITERS, action="registerPlatform")
        platform_id = await register(context.db, draft, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return PlatformRegistered(platform=platform_from(await context.platforms.load(platform_id)))
