"""registerTeam: an institution registers an innovation team; it starts `submitted`."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.teams import MemberDraft, TeamDraft
from graph.teams import register_team as register
from server.common.enums import Level, TeamOrigin, TeamRole, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.teams.types import Team, team_from


@strawberry.input(description="A person named for a team.")
class TeamMemberInput:
    person_id: strawberry.ID
    role: TeamRole = strawberry.field(default=TeamRole.MEMBER, description="CORE or MEMBER; the leader is named apart.")
    invited: bool = strawberry.field(
        default=False, description="Set when the person works elsewhere and is invited explicitly."
    )


@strawberry.input(description="A team to register, based at the caller's institution.")
class RegisterTeamInput:
    name: str
    fields: list[str] = strawberry.field(description="Field codes, main field first; at least one.")
    leader: TeamMemberInput = strawberry.field(description="The leader (带头人); its role is ignored.")
    origin: TeamOrigin
    level: Level | None = None
    members: list[TeamMemberInput] = strawberry.field(default_factory=list)
    institution_id: strawberry.ID | None = strawberry.field(
        default=None, description="Base institution: an institution key's own when omitted; needed for admins."
    )


@strawberry.type
class TeamRegistered:
    team: Team


RegisterTeamResult = Annotated[
    TeamRegistered | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RegisterTeamResult"),
]


def member_draft(member: TeamMemberInput) -> MemberDraft:
    """The graph's draft of a member input."""
    return MemberDraft(person=str(member.person_id), role=code_of(member.role), invited=member.invited)


async def register_team(info: strawberry.Info, input: RegisterTeamInput) -> RegisterTeamResult:
    """Register a team; typed errors for bad input, unknown people, a leader of another team, another institution."""
    context = info.context
    draft = TeamDraft(
        name=input.name,
        fields=list(input.fields),
        leader=member_draft(input.leader),
        origin=code_of(input.origin),
        level=code_of(input.level) if input.level else None,
        institution=str(input.institution_id) if input.institution_id else None,
        members=[member_draft(member) for member in input.members],
    )
    try:
        context.caller.require(*WRITERS, action="registerTeam")
        team_id = await register(context.db, draft, context.caller)
    except DomainError as error:
        return user_error(error)
    return TeamRegistered(team=team_from(await context.teams.load(team_id)))
