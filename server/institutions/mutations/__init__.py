"""Institution mutations, one file each, gathered into one root type."""

import strawberry

from server.institutions.mutations.register_institution import register_institution
from server.institutions.mutations.update_institution import update_institution


@strawberry.type
class InstitutionMutations:
    register_institution = strawberry.mutation(resolver=register_institution, description="Register an institution.")
    update_institution = strawberry.mutation(
        resolver=update_institution, description="Correct an institution (its own key, or an administrator)."
    )
