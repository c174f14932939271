"""A target's own goal for a region within the city (a county's goal), set or removed by admins (in server/).

A plan's goals are the city's. A county, district or zone may be given its own goal for a target;
`progress` then measures the region against it, and otherwise shows the region's share of the city.
"""

from __future__ import annotations

from graph.access import Caller
from graph.audit import audited
from graph.database import Database, Transaction
from graph.errors import InvalidInput, NotFound
from graph.stats.plans import CITY, check_goal, decided_by


async def set_region_goal(db: Database, plan: str, code: str, region: str, goal: float | None, caller: Caller) -> None:
    """Give target `code` of `plan` a goal in `region` (None removes it), audited; typed errors name the field."""
    if goal is not None:
        check_goal(goal, "goal")
    if region == CITY:
        raise InvalidInput(
            "The city's goal is the target's own goal: change it with setTargetGoal.",
            "全市目标即该目标本身的目标值,请用 setTargetGoal 修改",
            "region",
        )

    async def work(tx: Transaction) -> tuple[None, list[str]]:
        [found] = await tx.run("stats/region_goal_check", plan=plan, code=code, region=region, city=CITY)
        if not found["targetExists"]:
            raise NotFound("target", f"{plan}/{code}", "code")
        if not found["regionExists"]:
            raise NotFound("region", region, "region")
        if not found["withinCity"]:
            raise InvalidInput(
                f"Region {region} is not within the city ({CITY}): a plan's goals are the city's and its counties'.",
                f"地区{region}不在本市({CITY})范围内,规划目标只能分解到本市各县(市、区)",
                "region",
            )
        if goal is None:
            await tx.run("stats/remove_region_goal", plan=plan, code=code, region=region)
        else:
            await tx.run(
                "stats/set_region_goal", plan=plan, code=code, region=region, goal=goal, setBy=decided_by(caller)
            )
        return None, [f"{plan}/{code}/{region}"]

    await audited(db, caller, "setRegionGoal", work)
