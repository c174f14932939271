"""The Visit type."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from server.institutions.types import Institution, institution_from
from server.people.types import Person, person_from
from server.titles.types import _date


@strawberry.type(description="One visit (人次) of a foreign expert to a host institution.")
class Visit:
    id: strawberry.ID
    arrived_on: dt.date
    departed_on: dt.date | None = strawberry.field(description="Null while the visit goes on.")
    program: str | None = strawberry.field(description="e.g. 京津冀协同发展引智计划.")
    purpose: str | None
    row: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="The foreign expert.")
    async def expert(self, info: strawberry.Info) -> Person:
        return person_from(await info.context.people.load(self.row["expert"]), info.context.caller)

    @strawberry.field(description="The host institution.")
    async def institution(self, info: strawberry.Info) -> Institution:
        return institution_from(await info.context.institutions.load(self.row["institution"]))


def visit_from(row: dict[str, Any]) -> Visit:
    """A Visit from a statement's map (visits/projection)."""
    arrived = _date(row["arrivedOn"])
    assert arrived is not None
    return Visit(
        id=strawberry.ID(row["id"]),
        arrived_on=arrived,
        departed_on=_date(row.get("departedOn")),
        program=row.get("program"),
        purpose=row.get("purpose"),
        row=row,
    )
