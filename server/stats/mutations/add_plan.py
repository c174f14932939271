"""addPlan: an administrator adds a plan (the next five-year plan) with its targets, beside the others."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.stats.plans import PlanDraft, TargetDraft, list_plans
from graph.stats.plans import add_plan as add
from graph.stats.progress import measurable
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, user_error
from server.stats.types import Plan, plan_from


@strawberry.input(description="A target of a new plan; `code` says how it is counted (e.g. titled-staff).")
class TargetInput(TargetDraft):
    """Every field of graph/stats/plans.py `TargetDraft`; `deadline` is redeclared only for its description."""

    deadline: dt.date | None = strawberry.field(default=None, description="Default: the plan's deadline.")


@strawberry.input(description="A new plan and its targets.")
class AddPlanInput:
    code: str
    name: str
    name_en: str | None = None
    starts_on: dt.date
    deadline: dt.date
    targets: list[TargetInput]


@strawberry.type
class PlanAdded:
    plan: Plan


AddPlanResult = Annotated[
    PlanAdded | InvalidInputError | ConflictError | NotAllowedError, strawberry.union("AddPlanResult")
]


async def add_plan(info: strawberry.Info, input: AddPlanInput) -> AddPlanResult:
    """Add a plan; typed errors for bad dates or targets, a plan code in use, a caller not admin."""
    context = info.context
    draft = PlanDraft(
        code=input.code.strip(),
        name=input.name,
        name_en=input.name_en,
        starts_on=input.starts_on,
        deadline=input.deadline,
        targets=list(input.targets),
    )
    try:
        context.caller.require(Role.ADMIN, action="Adding a plan")
        await add(context.db, draft, measurable(), context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    [plan] = [p for p in await list_plans(context.db) if p.code == draft.code]
    return PlanAdded(plan=plan_from(plan))
