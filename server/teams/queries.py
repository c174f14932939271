"""Team queries: one team, and filtered, sorted, paged lists (an institution key sees its own)."""

from __future__ import annotations

import enum

import strawberry

from graph.access import READERS, list_scope, may_read
from graph.errors import DomainError
from graph.teams import TeamFilter, count_teams, list_teams
from server.auth import require_to_read
from server.common.connection import Connection, connection, page_size, total_beside
from server.common.enums import Direction, Level
from server.common.errors import RequestError
from server.teams.types import Team, TeamOrigin, TeamStatus, team_from


@strawberry.input(description="Filters of a team list; all given filters must hold.")
class TeamsWhere:
    status: TeamStatus | None = None  # type: ignore[valid-type]
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="Base institution.")
    field: str | None = strawberry.field(default=None, description="Field code; includes sub-fields.")
    origin: TeamOrigin | None = None  # type: ignore[valid-type]
    level: Level | None = None  # type: ignore[valid-type]
    name: str | None = strawberry.field(default=None, description="Part of the name.")
    member_id: strawberry.ID | None = strawberry.field(default=None, description="A person on the team.")


@strawberry.enum(description="Sort keys of a team list.")
class TeamsOrderBy(enum.Enum):
    NAME = "NAME"
    ID = "ID"


@strawberry.input
class TeamsOrder:
    by: TeamsOrderBy = TeamsOrderBy.NAME
    direction: Direction = Direction.ASC


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
        order_by: TeamsOrder | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Team] | None:
        context = info.context
        require_to_read(context.caller, *READERS, action="teams")
        where = where or TeamsWhere()
        order = order_by or TeamsOrder()
        try:
            institution = list_scope(
                context.caller, str(where.institution_id) if where.institution_id else None, "teams"
            )
            graph_filter = TeamFilter(
                status=where.status.value if where.status else None,
                institution=institution,
                field=where.field,
                origin=where.origin.value if where.origin else None,
                level=where.level.value if where.level else None,
                name=where.name or None,
                member=str(where.member_id) if where.member_id else None,
            )
            size = page_size(first, context.settings.max_page_size)
            total = total_beside(info, lambda: count_teams(context.db, graph_filter))
            page = await list_teams(
                context.db, graph_filter, order.by.value, order.direction == Direction.DESC, size, after
            )
        except DomainError as error:
            raise RequestError(error) from error
        return connection(page, team_from, after, total)
