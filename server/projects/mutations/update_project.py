"""updateProject: correct a project's name, kind, year or fields."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import WRITERS
from graph.errors import DomainError
from graph.projects import ProjectChanges, projects_by_ids
from graph.projects import update_project as update
from server.common.enums import ProjectKind, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.projects.types import Project, project_from


@strawberry.input(description="Corrections to a project; omitted fields stay as they are.")
class UpdateProjectInput:
    name: str | None = None
    kind: ProjectKind | None = None
    year: int | None = None
    fields: list[str] | None = strawberry.field(default=None, description="Replaces the project's fields.")


@strawberry.type
class ProjectUpdated:
    project: Project


UpdateProjectResult = Annotated[
    ProjectUpdated | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("UpdateProjectResult"),
]


async def update_project(info: strawberry.Info, id: strawberry.ID, input: UpdateProjectInput) -> UpdateProjectResult:
    """Correct a project (a key of an institution that ran it, or an administrator); typed errors for bad values,
    unknown fields, a project the caller may not change, and one withdrawn."""
    context = info.context
    changes = ProjectChanges(
        name=input.name,
        kind=code_of(input.kind) if input.kind else None,
        year=input.year,
        fields=list(input.fields) if input.fields is not None else None,
    )
    try:
        context.caller.require(*WRITERS, action="updateProject")
        await update(context.db, str(id), changes, context.caller)
    except DomainError as error:
        return user_error(error)
    [row] = await projects_by_ids(context.db, [str(id)])
    assert row is not None, id
    return ProjectUpdated(project=project_from(row))
