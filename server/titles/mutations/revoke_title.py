"""revokeTitle: mark a title revoked from a date; it stays on record and stops counting."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.titles import revoke_title as revoke
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.people.types import Person, person_from


@strawberry.type
class TitleRevoked:
    certificate_no: str
    person: Person


RevokeTitleResult = Annotated[
    TitleRevoked | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RevokeTitleResult"),
]


async def revoke_title(
    info: strawberry.Info, certificate_no: str, revoked_on: dt.date | None = None, reason: str | None = None
) -> RevokeTitleResult:
    """Revoke a title (default today); typed errors for an unknown or already revoked title."""
    context = info.context
    try:
        context.caller.require(*WRITERS, action="revokeTitle")
        person_id = await revoke(context.db, certificate_no, revoked_on, reason, context.caller)
    except DomainError as error:
        return user_error(error)
    row = await context.people.load(person_id)
    return TitleRevoked(certificate_no=certificate_no, person=person_from(row, context.caller))
