"""Project queries."""

from __future__ import annotations

import strawberry

from graph.access import READERS, may_read
from graph.projects import projects_by_ids
from server.auth import require_to_read
from server.projects.types import Project, project_from


@strawberry.type
class ProjectQueries:
    @strawberry.field(description="One project by id.")
    async def project(self, info: strawberry.Info, id: strawberry.ID) -> Project | None:
        caller = info.context.caller
        require_to_read(caller, *READERS, action="project")
        [row] = await projects_by_ids(info.context.db, [str(id)])
        if row is None or not may_read(caller, [ran["id"] for ran in row["institutions"]]):
            # A project the caller's institution did not run is answered exactly as one that does not exist.
            return None
        return project_from(row)
