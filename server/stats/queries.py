"""Statistics queries: plans, progress toward their targets, talent statistics. Open to every role."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.stats.plans import list_plans, plan_for
from server.auth import require_to_read
from server.common.errors import RequestError
from server.stats.disclosure import published_progress, published_talent_stats
from server.stats.types import Plan, StatsDimension, TalentStats, TargetProgress, plan_from, progress_from, stats_from

CHENGDE = "130800"
#: Every role may read statistics, anonymous callers included: theirs come with small counts suppressed
#: (server/stats/disclosure.py).
EVERYONE = tuple(Role)


@strawberry.type
class StatsQueries:
    @strawberry.field(description="Every plan with its targets, earliest first.")
    async def plans(self, info: strawberry.Info) -> list[Plan]:
        require_to_read(info.context.caller, *EVERYONE, action="Reading plans")
        return [plan_from(plan) for plan in await list_plans(info.context.db)]

    @strawberry.field(
        description="Progress toward every target of a plan (default: the plan in force on asOf), "
        "as of a day (default today) in a region (default Chengde, counties included). For anonymous callers, "
        "counts of people below the threshold, and the figures that would give them back, are suppressed "
        "(null, with `suppressed` set)."
    )
    async def progress(
        self, info: strawberry.Info, as_of: dt.date | None = None, region: str = CHENGDE, plan: str | None = None
    ) -> list[TargetProgress] | None:
        context = info.context
        require_to_read(context.caller, *EVERYONE, action="Reading progress")
        as_of = as_of or dt.date.today()
        try:
            chosen = plan_for(await list_plans(context.db), plan, as_of)
            targets = await published_progress(context.db, context.caller, context.settings, chosen, region, as_of)
            return [progress_from(p) for p in targets]
        except DomainError as error:
            raise RequestError(error) from error

    @strawberry.field(
        description="Titled staff (distinct people at an institution in the region holding an "
        "unrevoked title) as of a day, in total and grouped by the dimensions given. For anonymous callers, "
        "cells of fewer people than the threshold, and cells that would give them back, are left out "
        "(see `suppressed`), and such statistics group by at most three dimensions."
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
            table = await published_talent_stats(
                context.db,
                context.caller,
                context.settings,
                as_of or dt.date.today(),
                region,
                [d.value for d in group_by or []],
            )
        except DomainError as error:
            raise RequestError(error) from error
        return stats_from(table)
