"""Plan and target mutations (administrators only), one file each, gathered into one root type."""

import strawberry

from server.stats.mutations.add_plan import add_plan
from server.stats.mutations.set_region_goal import set_region_goal
from server.stats.mutations.set_target_goal import set_target_goal


@strawberry.type
class StatsMutations:
    set_target_goal = strawberry.mutation(resolver=set_target_goal, description="Change a target's goal (admin).")
    set_region_goal = strawberry.mutation(
        resolver=set_region_goal,
        description="Give a target its own goal in a county, district or zone of the city, or remove it (admin).",
    )
    add_plan = strawberry.mutation(resolver=add_plan, description="Add a plan with its targets (admin).")
