"""Project mutations, one file each, gathered into one root type."""

import strawberry

from server.projects.mutations.register_project import register_project


@strawberry.type
class ProjectMutations:
    register_project = strawberry.mutation(resolver=register_project, description="Register a project.")
