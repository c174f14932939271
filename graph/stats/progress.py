"""Progress toward a plan's targets as of a day: value, ratio, what remains, the years, a projection.

How each target is counted is code (a measure per target code); its goal, unit and dates are data
(Target nodes). A target whose data the registry does not hold has no value and says why.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from graph.database import Database
from graph.stats.plans import Plan, Target
from graph.stats.talent import check_as_of, titled_staff

Measure = Callable[[Database, list[str], list[dt.date], Target], Awaitable[list[int]]]


def _statement(name: str, **extra: Any) -> Measure:
    async def measure(db: Database, regions: list[str], days: list[dt.date], target: Target) -> list[int]:
        rows = await db.read(name, regions=regions, dates=[{"at": i, "on": day} for i, day in enumerate(days)],
                             startsOn=target.starts_on, deadline=target.deadline, **extra)
        values = {row["at"]: row["value"] for row in rows}
        return [values[i] for i in range(len(days))]
    return measure


async def _titled_staff(db: Database, regions: list[str], days: list[dt.date], target: Target) -> list[int]:
    return await titled_staff(db, regions, days)


_PROVINCIAL_OR_HIGHER = ["PROVINCIAL", "NATIONAL"]

MEASURES: dict[str, Measure] = {
    "titled-staff": _titled_staff,
    "innovation-teams": _statement("stats/measures/innovation_teams"),
    "foreign-expert-visits": _statement("stats/measures/foreign_expert_visits", highEndOnly=False),
    "high-end-foreign-expert-visits": _statement("stats/measures/foreign_expert_visits", highEndOnly=True),
    "provincial-platforms": _statement("stats/measures/platforms", levels=_PROVINCIAL_OR_HIGHER, withinPlan=False),
    "new-provincial-platforms": _statement("stats/measures/platforms", levels=_PROVINCIAL_OR_HIGHER,
                                           withinPlan=True),
    "national-platforms": _statement("stats/measures/platforms", levels=["NATIONAL"], withinPlan=False),
    "high-tech-enterprises": _statement("stats/measures/flagged_institutions", flag="highTech",
                                        since="highTechSince"),
    "tech-smes": _statement("stats/measures/flagged_institutions", flag="techSme", since="techSmeSince"),
    "innovation-projects": _statement("stats/measures/innovation_projects"),
}

#: Targets the registry holds no records for (yet): why they have no value, in English and Chinese.
NOT_HELD: dict[str, tuple[str, str]] = {
    "intl-joint-training": ("The registry holds no records of international joint training yet.",
                            "登记系统尚未记录国际联合培养数据"),
    "overseas-training-sessions": ("The registry holds no records of overseas training sessions yet.",
                                   "登记系统尚未记录出国(境)培训数据"),
}


def measurable() -> set[str]:
    """The target codes a plan may have: those counted, and those known but not held."""
    return set(MEASURES) | set(NOT_HELD)


@dataclass(frozen=True)
class YearValue:
    year: int
    as_of: dt.date
    value: int


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    value: int | None
    reason: tuple[str, str] | None
    ratio: float | None
    remaining: float | None
    by_year: tuple[YearValue, ...]
    projection: float | None
    on_track: bool | None


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


async def target_progress(db: Database, target: Target, regions: list[str], as_of: dt.date) -> TargetProgress:
    """One target's progress in `regions` as of `as_of`."""
    measure = MEASURES.get(target.code)
    if measure is None:
        reason = NOT_HELD.get(target.code, (f"No way to count target {target.code} is defined.",
                                            f"未定义目标{target.code}的统计方法"))
        return TargetProgress(target=target, value=None, reason=reason, ratio=None, remaining=None, by_year=(),
                              projection=None, on_track=None)
    ends = year_ends(target, as_of)
    baseline, value, *yearly = await measure(db, regions, [target.starts_on - dt.timedelta(days=1), as_of, *ends],
                                             target)
    projected = projection(baseline, value, target, as_of)
    return TargetProgress(
        target=target, value=value, reason=None, ratio=value / target.goal, remaining=max(target.goal - value, 0.0),
        by_year=tuple(YearValue(year=day.year, as_of=day, value=n) for day, n in zip(ends, yearly, strict=True)),
        projection=projected, on_track=None if projected is None else projected >= target.goal)


async def progress(db: Database, plan: Plan, regions: list[str], as_of: dt.date) -> list[TargetProgress]:
    """Every target of `plan` in `regions` as of `as_of`, in the plan's order."""
    check_as_of(as_of)
    return list(await asyncio.gather(*(target_progress(db, target, regions, as_of) for target in plan.targets)))
