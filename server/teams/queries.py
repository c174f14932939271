"""Team queries: one team, and filtered, sorted, paged lists (an institution key sees its own)."""

from __future__ import annotations

import enum

import strawberry

from graph.access import READERS, list_scope, may_read
from graph.listing import within
from graph.teams import TEAMS, TeamFilter
from server.auth import require_to_read
from server.common.connection import Connection, Paging, listed
from server.common.enums import Direction, Level, TeamOrigin, TeamStatus
from server.common.filters import one_of, orders, tree
from server.teams.types import Team, team_from


@strawberry.input(
    description="Filters of a team list: all given filters must hold, and so must every filter of AND, at least "
    "one of OR, and not `not`. A field and its `…In` list may be given together: both must hold."
)
class TeamsWhere:
    status: TeamStatus | None = None
    status_in: list[TeamStatus] | None = None
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Base institution.")
    institution_id_in: list[strawberry.ID] | None = strawberry.field(default=None, description="Any of these.")
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    field_in: list[str] | None = strawberry.field(default=None, description="Any of these fields.")
    origin: TeamOrigin | None = None
    origin_in: list[TeamOrigin] | None = None
    level: Level | None = None
    level_in: list[Level] | None = None
    name: str | None = strawberry.field(default=None, description="Part of the name.")
    member_id: strawberry.ID | None = strawberry.field(default=None, description="A person on the team.")
    member_id_in: list[strawberry.ID] | None = strawberry.field(default=None, description="Any of these people.")
    AND: list[TeamsWhere] | None = strawberry.field(default=None, name="AND", description="All of these hold.")
    OR: list[TeamsWhere] | None = strawberry.field(default=None, name="OR", description="One of these holds.")
    not_: TeamsWhere | None = strawberry.field(default=None, name="not", description="This does not hold.")


@strawberry.enum(description="Sort keys of a team list.")
class TeamsOrderBy(enum.Enum):
    NAME = "NAME"
    STATUS = "STATUS"
    LEVEL = "LEVEL"
    ID = "ID"


@strawberry.input(description="One sort key of a team list; the id breaks ties after the last.")
class TeamsOrder:
    by: TeamsOrderBy = TeamsOrderBy.NAME
    direction: Direction = Direction.ASC


def _teams_node(where: TeamsWhere, _path: str) -> TeamFilter:
    return TeamFilter(
        status=one_of(where.status, where.status_in),
        institution=one_of(where.institution_id, where.institution_id_in),
        field=one_of(where.field, where.field_in),
        origin=one_of(where.origin, where.origin_in),
        level=one_of(where.level, where.level_in),
        name=where.name or None,
        member=one_of(where.member_id, where.member_id_in),
    )


def teams_filter(where: TeamsWhere | None, institution: str | None) -> TeamFilter:
    """The graph filter for a `where` input, limited to the teams of `institution` where given."""
    given = tree(where, _teams_node) if where is not None else TeamFilter()
    return within(TeamFilter(institution=(institution,)), given) if institution is not None else given


@strawberry.type
class TeamQueries:
    @strawberry.field(description="One team by id.")
    async def team(self, info: strawberry.Info, id: strawberry.ID) -> Team | None:
        caller = info.context.caller
        require_to_read(caller, *READERS, action="team")
        row = await info.context.teams.load(str(id))
        # Another institution's team is answered exactly as a team that does not exist.
        return team_from(row) if row is not None and may_read(caller, [row["institution"]]) else None

    @strawberry.field(description="Teams, filtered, sorted and paged (Relay connection).")
    async def teams(
        self,
        info: strawberry.Info,
        where: TeamsWhere | None = None,
        order_by: list[TeamsOrder] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Team] | None:
        context = info.context
        require_to_read(context.caller, *READERS, action="teams")
        return await listed(
            info,
            TEAMS,
            lambda: teams_filter(
                where,
                list_scope(
                    context.caller, str(where.institution_id) if where and where.institution_id else None, "teams"
                ),
            ),
            orders(order_by, TeamsOrder()),
            Paging(first, after, last, before),
            team_from,
        )
