"""removeTeamMember: take a member (never the leader) off a team that is not yet recognized."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.teams import remove_team_member as remove
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.teams.types import Team, team_from


@strawberry.type
class TeamMemberRemoved:
    team: Team


RemoveTeamMemberResult = Annotated[
    TeamMemberRemoved | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RemoveTeamMemberResult"),
]


async def remove_team_member(
    info: strawberry.Info, team_id: strawberry.ID, person_id: strawberry.ID
) -> RemoveTeamMemberResult:
    """Remove a member; typed errors for the leader, a recognized team, a person not on it."""
    context = info.context
    try:
        context.caller.require(*WRITERS, action="removeTeamMember")
        await remove(context.db, str(team_id), str(person_id), context.caller)
    except DomainError as error:
        return user_error(error)
    return TeamMemberRemoved(team=team_from(await context.teams.load(str(team_id))))
