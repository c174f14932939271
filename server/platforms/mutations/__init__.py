"""Platform mutations, one file each, gathered into one root type."""

import strawberry

from server.platforms.mutations.register_platform import register_platform
from server.platforms.mutations.update_platform import update_platform


@strawberry.type
class PlatformMutations:
    register_platform = strawberry.mutation(resolver=register_platform, description="Register an R&D platform.")
    update_platform = strawberry.mutation(resolver=update_platform, description="Correct an R&D platform.")
