"""updatePlatform: correct a platform's name, kind, level, establishment date or fields."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.platforms import PlatformChanges
from graph.platforms import update_platform as update
from server.common.enums import Level, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.platforms.types import Platform, PlatformKind, platform_from


@strawberry.input(description="Corrections to a platform; omitted fields stay as they are.")
class UpdatePlatformInput:
    name: str | None = None
    kind: PlatformKind | None = None  # type: ignore[valid-type]
    level: Level | None = None  # type: ignore[valid-type]
    established_on: dt.date | None = None
    fields: list[str] | None = strawberry.field(default=None, description="Replaces the platform's fields.")


@strawberry.type
class PlatformUpdated:
    platform: Platform


UpdatePlatformResult = Annotated[
    PlatformUpdated | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("UpdatePlatformResult"),
]


async def update_platform(info: strawberry.Info, id: strawberry.ID, input: UpdatePlatformInput) -> UpdatePlatformResult:
    """Correct a platform; typed errors for bad values, unknown fields, a platform the caller may not change, and
    one withdrawn."""
    context = info.context
    changes = PlatformChanges(
        name=input.name,
        kind=code_of(input.kind) if input.kind else None,
        level=code_of(input.level) if input.level else None,
        established_on=input.established_on,
        fields=list(input.fields) if input.fields is not None else None,
    )
    try:
        context.caller.require(*WRITERS, action="updatePlatform")
        await update(context.db, str(id), changes, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return PlatformUpdated(platform=platform_from(await context.platforms.load(str(id))))
