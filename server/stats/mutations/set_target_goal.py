"""setTargetGoal: an administrator changes the goal of one target of a plan."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.stats.plans import list_plans
from graph.stats.plans import set_target_goal as set_goal
from server.common.errors import InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.stats.types import Target, target_from


@strawberry.type
class TargetGoalSet:
    target: Target


SetTargetGoalResult = Annotated[
    TargetGoalSet | InvalidInputError | NotFoundError | NotAllowedError, strawberry.union("SetTargetGoalResult")
]


async def set_target_goal(info: strawberry.Info, plan: str, code: str, goal: float) -> SetTargetGoalResult:
    """Set a target's goal; typed errors for a non-positive goal, an unknown target, a caller not admin."""
    context = info.context
    try:
        context.caller.require(Role.ADMIN, action="Changing a target's goal")
        await set_goal(context.db, plan, code, goal, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    [target] = [t for p in await list_plans(context.db) if p.code == plan for t in p.targets if t.code == code]
    return TargetGoalSet(target=target_from(target))
