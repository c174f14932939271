"""Project mutations, one file each, gathered into one root type."""

import strawberry

from server.projects.mutations.register_project import register_project
from server.projects.mutations.update_project import update_project


@strawberry.type
class ProjectMutations:
    register_project = strawberry.mutation(resolver=register_project, description="Register a project.")
    update_project = strawberry.mutation(resolver=update_project, description="Correct a project.")
