"""People mutations, one file each, gathered into one root type."""

import strawberry

from server.people.mutations.end_employment import end_employment
from server.people.mutations.register_person import register_person
from server.people.mutations.update_person import update_person


@strawberry.type
class PeopleMutations:
    register_person = strawberry.mutation(resolver=register_person, description="Register a person.")
    update_person = strawberry.mutation(resolver=update_person, description="Update a person.")
    end_employment = strawberry.mutation(
        resolver=end_employment, description="End a person's current employment on a day (they left)."
    )
