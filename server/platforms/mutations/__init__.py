"""Platform mutations, one file each, gathered into one root type."""

import strawberry

from server.platforms.mutations.assign_platform_role import assign_platform_role
from server.platforms.mutations.register_platform import register_platform
from server.platforms.mutations.update_platform import update_platform


@strawberry.type
class PlatformMutations:
    register_platform = strawberry.mutation(resolver=register_platform, description="Register an R&D platform.")
    update_platform = strawberry.mutation(resolver=update_platform, description="Correct an R&D platform.")
    assign_platform_role = strawberry.mutation(
        resolver=assign_platform_role,
        description="Name a person's role at an R&D platform (shared platforms count in collaborator suggestions).",
    )
