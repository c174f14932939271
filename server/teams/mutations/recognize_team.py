"""recognizeTeam: mark an approved team recognized (认定) from a date; the innovation-teams target counts it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.teams import recognize_team as recognize
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.teams.types import Team, team_from


@strawberry.type
class TeamRecognized:
    team: Team


RecognizeTeamResult = Annotated[
    TeamRecognized | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RecognizeTeamResult"),
]


async def recognize_team(info: strawberry.Info, id: strawberry.ID, on: dt.date | None = None) -> RecognizeTeamResult:
    """Recognize an approved team from `on` (default today); any other status is a ConflictError."""
    context = info.context
    try:
        context.caller.require(Role.ADMIN, action="recognizeTeam")
        await recognize(context.db, str(id), on or dt.date.today(), context.caller)
    except DomainError as error:
        return user_error(error)
    return TeamRecognized(team=team_from(await context.teams.load(str(id))))
