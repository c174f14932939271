"""Statistics queries: plans, progress toward their targets, talent statistics. Open to every role."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.stats.plans import list_plans, plan_for
from graph.stats.progress import progress as target_progress
from graph.stats.talent import talent_stats
from server.auth import require_to_read
from server.common.errors import RequestError
from server.stats.types import Plan, StatsDimension, TalentStats, TargetProgress, plan_from, progress_from, stats_from

CHENGDE = "130800"
#: Aggregate statistics carry no personal data: every role may read them, anonymous callers included.
EVERYONE = tuple(Role)


@strawberry.type
class StatsQueries:
    @strawberry.field(description="Every plan with its targets, earliest first.")
    async def plans(self, info: strawberry.Info) -> list[Plan]:
        require_to_read(info.context.caller, *EVERYONE, action="Reading plans")
        return [plan_from(plan) for plan in await list_plans(info.context.db)]

    @strawberry.field(
        description="Progress toward every target of a plan (default: the plan in force on asOf), "
        "as of a day (default today) in a region (default Chengde, counties included)."
    )
    async def progress(
        self, info: strawberry.Info, as_of: dt.date | None = None, region: str = CHENGDE, plan: str | None = None
    ) -> list[TargetProgress] | None:
        context = info.context
        require_to_read(context.caller, *EVERYONE, action="Reading progress")
        as_of = as_of or dt.date.today()
        try:
            chosen = plan_for(await list_plans(context.db), plan, as_of)
            return [progress_from(p) for p in await target_progress(context.db, chosen, region, as_of)]
        except DomainError as error:
            raise RequestError(error) from error

    @strawberry.field(
        description="Titled staff (distinct people at an institution in the region holding an "
        "unrevoked title) as of a day, in total and grouped by the dimensions given."
    )
    async def talent_stats(
        self,
        info: strawberry.Info,
        as_of: dt.date | None = None,
        region: str = CHENGDE,
        group_by: list[StatsDimension] | None = None,
    ) -> TalentStats | None:
        context = info.context
        require_to_read(context.caller, *EVERYONE, action="Reading talent statistics")
        try:
            table = await talent_stats(context.db, as_of or dt.date.today(), region, [d.value for d in group_by or []])
        except DomainError as error:
            raise RequestError(error) from error
        return stats_from(table)
