"""resubmitTeam: submit a rejected team again, after changing what the review asked for."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.teams import resubmit_team as resubmit
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.teams.types import Team, team_from


@strawberry.type
class TeamResubmitted:
    team: Team


ResubmitTeamResult = Annotated[
    TeamResubmitted | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("ResubmitTeamResult"),
]


async def resubmit_team(info: strawberry.Info, id: strawberry.ID) -> ResubmitTeamResult:
    """Move a rejected team back to submitted; any other status is a ConflictError."""
    context = info.context
    try:
        context.caller.require(*WRITERS, action="resubmitTeam")
        await resubmit(context.db, str(id), context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return TeamResubmitted(team=team_from(await context.teams.load(str(id))))
