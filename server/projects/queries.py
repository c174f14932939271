"""Project queries."""

from __future__ import annotations

import strawberry

from graph.projects import projects_by_ids
from server.auth import READERS
from server.projects.types import Project, project_from


@strawberry.type
class ProjectQueries:
    @strawberry.field(description="One project by id.")
    async def project(self, info: strawberry.Info, id: strawberry.ID) -> Project | None:
        info.context.caller.require_to_read(*READERS, action="project")
        [row] = await projects_by_ids(info.context.db, [str(id)])
        return project_from(row) if row else None
