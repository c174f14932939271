"""setRegionGoal: an administrator gives a target its own goal in a county, district or zone of the city."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.stats.goals import set_region_goal as set_goal
from graph.stats.plans import list_plans
from server.common.errors import InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.stats.types import Target, target_from


@strawberry.type
class RegionGoalSet:
    target: Target
    region: str
    goal: float | None = strawberry.field(description="The region's goal now; null when it was removed.")


SetRegionGoalResult = Annotated[
    RegionGoalSet | InvalidInputError | NotFoundError | NotAllowedError, strawberry.union("SetRegionGoalResult")
]


async def set_region_goal(
    info: strawberry.Info,
    plan: str,
    code: str,
    region: str,
    goal: Annotated[
        float | None, strawberry.argument(description="A positive number; null removes the region's goal.")
    ],
) -> SetRegionGoalResult:
    """Set (or remove) a target's goal in a region within the city; typed errors name the field at fault."""
    context = info.context
    try:
        context.caller.require(Role.ADMIN, action="Setting a region's goal")
        await set_goal(context.db, plan, code, region, goal, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    [target] = [t for p in await list_plans(context.db) if p.code == plan for t in p.targets if t.code == code]
    return RegionGoalSet(target=target_from(target), region=region, goal=goal)
