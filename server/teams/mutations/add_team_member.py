"""addTeamMember: add a core member or member to a team that is not yet recognized."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.teams import add_team_member as add
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.teams.mutations.register_team import TeamMemberInput, member_draft
from server.teams.types import Team, team_from


@strawberry.type
class TeamMemberAdded:
    team: Team


AddTeamMemberResult = Annotated[
    TeamMemberAdded | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("AddTeamMemberResult"),
]


async def add_team_member(
    info: strawberry.Info, team_id: strawberry.ID, member: TeamMemberInput
) -> AddTeamMemberResult:
    """Add a member; typed errors for a recognized team, a person already on it or not invited from elsewhere."""
    context = info.context
    try:
        context.caller.require(*WRITERS, action="addTeamMember")
        await add(context.db, str(team_id), member_draft(member), context.caller)
    except DomainError as error:
        return user_error(error)
    return TeamMemberAdded(team=team_from(await context.teams.load(str(team_id))))
