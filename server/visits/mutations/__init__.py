"""Foreign expert and visit mutations, one file each, gathered into one root type."""

import strawberry

from server.visits.mutations.record_visit import record_visit
from server.visits.mutations.register_foreign_expert import register_foreign_expert
from server.visits.mutations.update_foreign_expert import update_foreign_expert
from server.visits.mutations.update_visit import update_visit


@strawberry.type
class VisitMutations:
    register_foreign_expert = strawberry.mutation(
        resolver=register_foreign_expert, description="Register a foreign expert."
    )
    update_foreign_expert = strawberry.mutation(
        resolver=update_foreign_expert, description="Correct a foreign expert's nationality, high-end flag or passport."
    )
    record_visit = strawberry.mutation(resolver=record_visit, description="Record a foreign expert's visit.")
    update_visit = strawberry.mutation(resolver=update_visit, description="Correct a visit.")
