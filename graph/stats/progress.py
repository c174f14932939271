"""Progress toward a plan's targets as of a day: value, ratio, what remains, the years, a projection.

How each target is counted is code (a measure per target code); its goal, unit and dates are data
(Target nodes). A target whose data the registry does not hold has no value and says why.

A plan's goals are the city's. A region within the city is measured against its own goal where an
admin set one (graph/stats/goals.py); otherwise it has no goal, and its value is given as its share
of the city's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.database import Database
from graph.stats.plans import CITY, Plan, Target
from graph.stats.talent import check_as_of, check_region, count_dates, titled_staff, titled_staff_params


@dataclass(frozen=True)
class Measure:
    """How a target is counted: a branch of `stats/progress` and its parameters."""

    branch: str
    levels: tuple[str, ...] = ()
    within_plan: bool = False
    high_end_only: bool = False


_PROVINCIAL_OR_HIGHER = ("PROVINCIAL", "NATIONAL")

MEASURES: dict[str, Measure] = {
    "titled-staff": Measure("titled-staff"),
    "innovation-teams": Measure("innovation-teams"),
    "foreign-expert-visits": Measure("foreign-expert-visits"),
    "high-end-foreign-expert-visits": Measure("foreign-expert-visits", high_end_only=True),
    "provincial-platforms": Measure("platforms", levels=_PROVINCIAL_OR_HIGHER),
    "new-provincial-platforms": Measure("platforms", levels=_PROVINCIAL_OR_HIGHER, within_plan=True),
    "national-platforms": Measure("platforms", levels=("NATIONAL",)),
    "high-tech-enterprises": Measure("high-tech-enterprises"),
    "tech-smes": Measure("tech-smes"),
    "innovation-projects": Measure("innovation-projects"),
}

#: Targets the registry holds no records for (yet): why they have no value, in English and Chinese.
NOT_HELD: dict[str, tuple[str, str]] = {
    "intl-joint-training": (
        "The registry holds no records of international joint training yet.",
        "登记系统尚未记录国际联合培养数据",
    ),
    "overseas-training-sessions": (
        "The registry holds no records of overseas training sessions yet.",
        "登记系统尚未记录出国(境)培训数据",
    ),
}


def measurable() -> set[str]:
    """The target codes a plan may have: those counted, and those known but not held."""
    return set(MEASURES) | set(NOT_HELD)


@dataclass(frozen=True)
class YearValue:
    year: int
    as_of: dt.date
    value: int | None
    suppressed: bool = False
    """Whether `value` is withheld (graph/stats/disclosure.py)."""


#: Where the goal a region is measured against comes from: the plan (the city's), or the region's own.
PLAN_GOAL, REGION_GOAL = "PLAN", "REGION"


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    region: str
    value: int | None
    reason: tuple[str, str] | None
    #: The goal `value` is measured against (ratio, remaining, on_track): None where the region has none.
    goal: float | None
    goal_source: str | None
    ratio: float | None
    remaining: float | None
    by_year: tuple[YearValue, ...]
    projection: float | None
    on_track: bool | None
    #: For a region within the city: the city's value, and this region's share of it.
    city_value: int | None = None
    city_share: float | None = None
    baseline: int | None = None
    """The value the day before the plan began, which the projection starts from (not published itself)."""
    suppressed: bool = False
    """Whether a figure is withheld (graph/stats/disclosure.py)."""


def year_ends(target: Target, as_of: dt.date) -> list[dt.date]:
    """The last day counted of each year from the plan's start to `as_of` (or the deadline)."""
    last = min(as_of, target.deadline)
    return [min(dt.date(year, 12, 31), last) for year in range(target.starts_on.year, last.year + 1)]


def projection(baseline: int, value: int, target: Target, as_of: dt.date) -> float | None:
    """Straight line from the day before the plan began (baseline) through `as_of` (value) to the deadline."""
    if as_of >= target.deadline:
        return float(value)
    elapsed = (as_of - target.starts_on).days + 1
    if elapsed <= 0:
        return None
    whole = (target.deadline - target.starts_on).days + 1
    return baseline + (value - baseline) * whole / elapsed


def _days(target: Target, as_of: dt.date) -> list[dt.date]:
    """The days a target is counted on: the day before the plan began (the baseline), as_of, the year ends."""
    return [target.starts_on - dt.timedelta(days=1), as_of, *year_ends(target, as_of)]


def _goal(target: Target, region: str, region_goal: float | None) -> tuple[float | None, str | None]:
    if region == CITY:
        return target.goal, PLAN_GOAL
    if region_goal is not None:
        return float(region_goal), REGION_GOAL
    return None, None


def _measured(
    target: Target,
    region: str,
    as_of: dt.date,
    values: list[int],
    region_goal: float | None,
    city_values: list[int] | None,
) -> TargetProgress:
    baseline, value, *yearly = values
    goal, source = _goal(target, region, region_goal)
    projected = projection(baseline, value, target, as_of)
    city_value = None if city_values is None else city_values[1]
    return TargetProgress(
        target=target,
        region=region,
        value=value,
        reason=None,
        goal=goal,
        goal_source=source,
        ratio=None if goal is None else value / goal,
        remaining=None if goal is None else max(goal - value, 0.0),
        by_year=tuple(
            YearValue(year=day.year, as_of=day, value=n)
            for day, n in zip(year_ends(target, as_of), yearly, strict=True)
        ),
        projection=projected,
        on_track=None if projected is None or goal is None else projected >= goal,
        city_value=city_value,
        city_share=value / city_value if city_value else None,
        baseline=baseline,
    )


def _unmeasured(target: Target, region: str) -> TargetProgress:
    reason = NOT_HELD.get(
        target.code, (f"No way to count target {target.code} is defined.", f"未定义目标{target.code}的统计方法")
    )
    goal, source = _goal(target, region, None)
    return TargetProgress(
        target=target,
        region=region,
        value=None,
        reason=reason,
        goal=goal,
        goal_source=source,
        ratio=None,
        remaining=None,
        by_year=(),
        projection=None,
        on_track=None,
    )


_PROGRESS = titled_staff("stats/progress")


async def progress(db: Database, plan: Plan, region: str, as_of: dt.date) -> list[TargetProgress]:
    """Every target of `plan` in `region` (and within it) as of `as_of`, in the plan's order: one statement.

    The city is measured against the plan's goals; a region within it against its own goal where it has
    one, and in any case with its share of the city's value."""
    check_as_of(as_of)
    measured = [target for target in plan.targets if target.code in MEASURES]
    rows = await db.read(
        "stats/progress",
        _PROGRESS,
        region=region,
        city=CITY,
        plan=plan.code,
        **titled_staff_params(("REGION",), ()),
        targets=[
            {
                "code": target.code,
                "measure": MEASURES[target.code].branch,
                "startsOn": target.starts_on,
                "deadline": target.deadline,
                "levels": list(MEASURES[target.code].levels),
                "withinPlan": MEASURES[target.code].within_plan,
                "highEndOnly": MEASURES[target.code].high_end_only,
                "dates": count_dates(_days(target, as_of)),
            }
            for target in measured
        ],
    )
    if not rows and measured:
        await check_region(db, region)
    values = {(row["scope"], row["code"]): row["values"] for row in rows}
    goals = {row["code"]: row["regionGoal"] for row in rows if row["scope"] == region}
    within_city = region != CITY and any(row["scope"] == CITY for row in rows)
    return [
        _measured(
            target,
            region,
            as_of,
            values[region, target.code],
            goals[target.code],
            values[CITY, target.code] if within_city else None,
        )
        if target.code in MEASURES
        else _unmeasured(target, region)
        for target in plan.targets
    ]
