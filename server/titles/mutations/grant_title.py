"""grantTitle: record a professional title held by a person."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.titles import TitleGrant
from graph.titles import grant_title as grant
from server.common.enums import TitleLevel, TitleSeries, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.people.types import Person, person_from


@strawberry.input(description="A title granted to a person, identified by its certificate number.")
class GrantTitleInput:
    person_id: strawberry.ID
    certificate_no: str
    series: TitleSeries
    level: TitleLevel
    granted_on: dt.date
    name: str | None = strawberry.field(default=None, description="e.g. 高级工程师; derived if omitted.")
    directed: bool = strawberry.field(default=False, description="A grassroots-directed title (双定向).")
    region_code: str | None = strawberry.field(default=None, description="Where it was granted.")


@strawberry.type
class TitleGranted:
    certificate_no: str
    person: Person


GrantTitleResult = Annotated[
    TitleGranted | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("GrantTitleResult"),
]


async def grant_title(info: strawberry.Info, input: GrantTitleInput) -> GrantTitleResult:
    """Grant a title; typed errors for bad input, an unknown person, a duplicate certificate."""
    context = info.context
    title = TitleGrant(
        person=str(input.person_id),
        certificate_no=input.certificate_no,
        series=code_of(input.series),
        level=code_of(input.level),
        granted_on=input.granted_on,
        name=input.name,
        directed=input.directed,
        region=input.region_code,
    )
    try:
        context.caller.require(*WRITERS, action="grantTitle")
        certificate_no = await grant(context.db, title, context.caller)
    except DomainError as error:
        return user_error(error)
    row = await context.people.load(str(input.person_id))
    return TitleGranted(certificate_no=certificate_no, person=person_from(row, context.caller))
