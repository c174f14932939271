"""People mutations, one file each, gathered into one root type."""

import strawberry

from server.people.mutations.register_person import register_person
from server.people.mutations.update_person import update_person


@strawberry.type
class PeopleMutations:
    register_person = strawberry.mutation(resolver=register_person, description="Register a person.")
    update_person = strawberry.mutation(resolver=update_person, description="Update a person.")
