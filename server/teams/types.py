"""The Team type, its members, and the enums of its lifecycle."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from server.common.enums import Label, Level, TeamOrigin, TeamRole, TeamStatus, label_of
from server.fields.types import Field, field_from
from server.institutions.types import Institution, institution_from
from server.people.types import Person, person_from
from server.titles.types import _date


@strawberry.type(description="A person on a team, with their part in it.")
class TeamMember:
    role: TeamRole
    since: dt.date | None
    invited: bool = strawberry.field(description="Invited from another institution than the team's base.")
    person_id: strawberry.Private[str]

    @strawberry.field
    async def person(self, info: strawberry.Info) -> Person:
        return person_from(await info.context.people.load(self.person_id), info.context.caller)

    @strawberry.field
    def role_label(self) -> Label:
        return label_of(self.role)


@strawberry.type(description="An innovation and entrepreneurship team (创新创业团队).")
class Team:
    id: strawberry.ID
    name: str
    status: TeamStatus
    origin: TeamOrigin
    level: Level | None
    recognized_on: dt.date | None = strawberry.field(description="Recognized from this date (counts from then).")
    review_comment: str | None
    row: strawberry.Private[dict[str, Any]]

    @strawberry.field
    def status_label(self) -> Label:
        return label_of(self.status)

    @strawberry.field
    def origin_label(self) -> Label:
        return label_of(self.origin)

    @strawberry.field(description="The institution the team is based at (依托单位).")
    async def institution(self, info: strawberry.Info) -> Institution:
        return institution_from(await info.context.institutions.load(self.row["institution"]))

    @strawberry.field(description="The fields the team works in.")
    def fields(self) -> list[Field]:
        return [field_from(row) for row in self.row["fields"]]

    @strawberry.field(description="Leader first, then core members, then members.")
    def members(self) -> list[TeamMember]:
        return [
            TeamMember(
                role=TeamRole(row["role"]),
                since=_date(row.get("since")),
                invited=row["invited"],
                person_id=row["person"],
            )
            for row in self.row["members"]
        ]

    @strawberry.field(description="The team's leader (带头人).")
    async def leader(self, info: strawberry.Info) -> Person | None:
        leader = next((row["person"] for row in self.row["members"] if row["role"] == "leader"), None)
        return person_from(await info.context.people.load(leader), info.context.caller) if leader else None


def team_from(row: dict[str, Any]) -> Team:
    """A Team from a statement's map (teams/projection)."""
    return Team(
        id=strawberry.ID(row["id"]),
        name=row["name"],
        status=TeamStatus(row["status"]),
        origin=TeamOrigin(row["origin"]),
        level=Level(row["level"]) if row.get("level") else None,
        recognized_on=_date(row.get("recognizedOn")),
        review_comment=row.get("reviewComment"),
        row=row,
    )
