"""registerProject: a project with the institutions that ran it and the people who worked on it."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.projects import ProjectDraft, projects_by_ids
from graph.projects import register_project as register
from server.common.enums import ProjectKind, ProjectParticipantRole, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.projects.types import Project, project_from


@strawberry.input(description="A person who worked on the project.")
class ProjectParticipantInput:
    person_id: strawberry.ID
    role: ProjectParticipantRole = ProjectParticipantRole.MEMBER


@strawberry.input(description="A project to register. An institution key registers its own projects only.")
class RegisterProjectInput:
    name: str
    kind: ProjectKind
    year: int = strawberry.field(description="Year the project started (立项年度).")
    institution_id: strawberry.ID = strawberry.field(description="The lead institution (承担单位).")
    number: str | None = strawberry.field(
        default=None, description="Project number (项目编号), unique among the lead institution's projects."
    )
    partner_institution_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Partners (合作单位)."
    )
    participants: list[ProjectParticipantInput] = strawberry.field(default_factory=list)
    fields: list[str] = strawberry.field(default_factory=list, description="Field codes.")


@strawberry.type
class ProjectRegistered:
    project: Project


RegisterProjectResult = Annotated[
    ProjectRegistered | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("RegisterProjectResult"),
]


async def register_project(info: strawberry.Info, input: RegisterProjectInput) -> RegisterProjectResult:
    """Register a project in one transaction; typed errors for refusals, bad input, unknown references."""
    context = info.context
    draft = ProjectDraft(
        name=input.name,
        kind=code_of(input.kind),
        year=input.year,
        institution=str(input.institution_id),
        number=input.number,
        partners=[str(partner) for partner in input.partner_institution_ids],
        participants=[(str(p.person_id), p.role.value) for p in input.participants],
        fields=list(input.fields),
    )
    try:
        context.caller.require(*WRITERS, action="registerProject")
        project_id = await register(context.db, draft, context.caller)
    except DomainError as error:
        return user_error(error)
    [row] = await projects_by_ids(context.db, [project_id])
    assert row is not None, project_id
    return ProjectRegistered(project=project_from(row))
