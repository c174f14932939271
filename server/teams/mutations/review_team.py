"""reviewTeam: the bureau administrator approves or rejects a submitted team."""

from __future__ import annotations

import enum
from typing import Annotated

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.teams import review_team as review
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.teams.types import Team, team_from


@strawberry.enum(description="A reviewer's decision on a submitted team.")
class ReviewDecision(enum.Enum):
    APPROVE = "APPROVE"
    REJECT = "REJECT"


@strawberry.type
class TeamReviewed:
    team: Team


ReviewTeamResult = Annotated[
    TeamReviewed | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("ReviewTeamResult"),
]


async def review_team(
    info: strawberry.Info, id: strawberry.ID, decision: ReviewDecision, comment: str | None = None
) -> ReviewTeamResult:
    """Approve or reject a submitted team; a team in any other status is a ConflictError."""
    context = info.context
    try:
        context.caller.require(Role.ADMIN, action="reviewTeam")
        await review(context.db, str(id), decision == ReviewDecision.APPROVE, comment, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    return TeamReviewed(team=team_from(await context.teams.load(str(id))))
