"""Progress toward a plan's targets as of a day: value, ratio, what remains, the years, a projection.

How each target is counted is code (a measure per target code); its goal, unit and dates are data
(Target nodes). A target whose data the registry does not hold has no value and says why.

A measure is of one kind (graph/vocabulary.py `MeasureKind`): a running total counted on a day (titled staff,
platforms, and institutions holding a certificate valid on the day); a count per year (each year against the
goal); an amount of money a year (an indicator figure, in whole yuan); a growth rate of such an amount against
the year before the plan began (the base year). Indicator figures are reported for a region: a region without
its own figure has no value, and says the figure is the city's only. A figure measured against the province
(R&D intensity reaching the provincial average) has the province's figure of the same year as its goal.

A plan's goals are the city's. A region within the city is measured against its own goal where an
admin set one (graph/stats/goals.py); otherwise it has no goal, and its value is given as its share
of the city's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.database import Database
from graph.indicators import PROVINCE
from graph.stats.plans import CITY, Plan, Target
from graph.stats.talent import check_as_of, check_region, count_dates, titled_staff, titled_staff_params
from graph.vocabulary import CertificationStatus, Indicator, MeasureKind

RUNNING_TOTAL, PER_YEAR, GROWTH_RATE, AMOUNT, CERTIFIED, REACH_PROVINCE = (
    MeasureKind.RUNNING_TOTAL,
    MeasureKind.PER_YEAR,
    MeasureKind.GROWTH_RATE,
    MeasureKind.AMOUNT,
    MeasureKind.CERTIFIED,
    MeasureKind.REACH_PROVINCE,
)


@dataclass(frozen=True)
class Measure:
    """How a target is counted: a branch of `stats/progress` (or an indicator's figures) and its parameters."""

    branch: str
    levels: tuple[str, ...] = ()
    within_plan: bool = False
    high_end_only: bool = False
    kind: MeasureKind = RUNNING_TOTAL
    status: str | None = None
    """For CERTIFIED: the certification counted (graph/certifications.py)."""
    indicator: str | None = None
    """For AMOUNT and GROWTH_RATE: the indicator whose figures are read (graph/indicators.py)."""


_PROVINCIAL_OR_HIGHER = ("PROVINCIAL", "NATIONAL")

MEASURES: dict[str, Measure] = {
    "titled-staff": Measure("titled-staff"),
    "innovation-teams": Measure("innovation-teams"),
    "foreign-expert-visits": Measure("foreign-expert-visits"),
    "high-end-foreign-expert-visits": Measure("foreign-expert-visits", high_end_only=True),
    "provincial-platforms": Measure("platforms", levels=_PROVINCIAL_OR_HIGHER),
    "new-provincial-platforms": Measure("platforms", levels=_PROVINCIAL_OR_HIGHER, within_plan=True),
    "national-platforms": Measure("platforms", levels=("NATIONAL",)),
    "high-tech-enterprises": Measure("certified", kind=CERTIFIED, status=CertificationStatus.HIGH_TECH),
    "tech-smes": Measure("certified", kind=CERTIFIED, status=CertificationStatus.TECH_SME),
    "provincial-leader-enterprises": Measure("certified", kind=CERTIFIED, status=CertificationStatus.PROVINCIAL_LEADER),
    "innovation-projects": Measure("innovation-projects"),
    "innovation-projects-per-year": Measure("projects-of-the-year", kind=PER_YEAR),
    "technology-contract-value": Measure("indicator", kind=AMOUNT, indicator=Indicator.TECH_CONTRACT_VALUE),
    "rd-expenditure-growth": Measure("indicator", kind=GROWTH_RATE, indicator=Indicator.RD_EXPENDITURE),
    "rd-intensity-provincial-average": Measure("indicator", kind=REACH_PROVINCE, indicator=Indicator.RD_INTENSITY),
}

#: The reason a region has no value for a figure reported only for the city (or not yet for it).
CITY_WIDE_ONLY = (
    "No figure is reported for this region: the figure exists city-wide only.",
    "该地区无单独报送的数字,此项数据仅有全市合计",
)
NO_FIGURE = ("No figure has been reported yet.", "尚未报送数据")

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
    goal: float | None = None
    """For a count per year: the year's goal."""
    rate: float | None = None
    """For a growth rate: the growth over the year before, in per cent."""


#: Where the goal a region is measured against comes from: the plan (the city's), the region's own, or the
#: province's figure of the same year (times the target's goal, in per cent of it).
PLAN_GOAL, REGION_GOAL, PROVINCE_GOAL = "PLAN", "REGION", "PROVINCE"


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
    kind: MeasureKind = RUNNING_TOTAL
    value_year: int | None = None
    """For a count per year, an amount or a growth rate: the year `value` is of."""
    rate: float | None = None
    """For a growth rate: the average annual growth from the base year to `value_year`, in per cent."""


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


def _dates(target: Target, as_of: dt.date) -> list[dict[str, object]]:
    """The `dates` a branch counts on. A count per year counts, as of `as_of`, the items of as_of's year and of
    each year of the plan (`year`); a running total counts on each of `_days`."""
    if MEASURES[target.code].kind == PER_YEAR:
        last = min(as_of, target.deadline)
        years = [last.year, *range(target.starts_on.year, last.year + 1)]
        return [{"at": at, "on": as_of, "year": year} for at, year in enumerate(years)]
    return count_dates(_days(target, as_of))


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
        kind=MEASURES[target.code].kind,
    )


def year_projection(value: int, target: Target, as_of: dt.date) -> float | None:
    """A year's count so far, carried on at the same pace to the end of the year (or the deadline)."""
    first = max(dt.date(as_of.year, 1, 1), target.starts_on)
    last = min(dt.date(as_of.year, 12, 31), target.deadline)
    if as_of >= last:
        return float(value)
    elapsed = (as_of - first).days + 1
    if elapsed <= 0:
        return None
    return value * ((last - first).days + 1) / elapsed


def _per_year(
    target: Target,
    region: str,
    as_of: dt.date,
    values: list[int],
    region_goal: float | None,
    city_values: list[int] | None,
) -> TargetProgress:
    """A count per year: `value` is as_of's year's so far; each year is measured against the goal, and the target
    is on track while every year ended met it and this year's pace meets it."""
    value, *yearly = values
    goal, source = _goal(target, region, region_goal)
    last = min(as_of, target.deadline)
    years = range(target.starts_on.year, last.year + 1)
    projected = year_projection(value, target, last)
    ended = [n for year, n in zip(years, yearly, strict=True) if year < last.year or last == target.deadline]
    city_value = None if city_values is None else city_values[0]
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
            YearValue(year=year, as_of=min(dt.date(year, 12, 31), last), value=n, goal=goal)
            for year, n in zip(years, yearly, strict=True)
        ),
        projection=projected,
        on_track=None
        if goal is None or projected is None
        else all(n >= goal for n in ended) and (last.year not in years or projected >= goal),
        city_value=city_value,
        city_share=value / city_value if city_value else None,
        kind=PER_YEAR,
        value_year=last.year,
    )


#: Figures as read: (region, year) → amount, as known on the day asked.
Figures = dict[tuple[str, int], int]


def _growth(first: int, last: int, years: int) -> float | None:
    """Average annual growth from `first` to `last` over `years` years, in per cent."""
    if first <= 0 or years <= 0:
        return None
    return ((last / first) ** (1 / years) - 1) * 100


def _from_figures(
    target: Target, region: str, as_of: dt.date, figures: Figures, region_goal: float | None
) -> TargetProgress:
    """An amount a year, or its growth against the base year, from the figures known on `as_of`."""
    measure = MEASURES[target.code]
    goal, source = _goal(target, region, region_goal)
    last = min(as_of, target.deadline)
    base_year = target.starts_on.year - 1
    years = list(range(target.starts_on.year, last.year + 1))
    own = {year: amount for (where, year), amount in figures.items() if where == region}
    reported = [year for year in years if year in own]
    by_year = tuple(
        YearValue(
            year=year,
            as_of=min(dt.date(year, 12, 31), last),
            value=own.get(year),
            rate=_growth(own[year - 1], own[year], 1) if year in own and year - 1 in own else None,
        )
        for year in years
    )
    city_value = figures.get((CITY, reported[-1])) if region != CITY and reported else None
    if not reported:
        held_by_city = region != CITY and any(where == CITY for where, _ in figures)
        reason = CITY_WIDE_ONLY if held_by_city else NO_FIGURE
        return TargetProgress(
            target=target,
            region=region,
            value=None,
            reason=reason,
            goal=goal,
            goal_source=source,
            ratio=None,
            remaining=None,
            by_year=by_year,
            projection=None,
            on_track=None,
            kind=measure.kind,
        )
    year = reported[-1]
    value = own[year]
    common = dict(
        target=target,
        region=region,
        value=value,
        reason=None,
        goal=goal,
        goal_source=source,
        by_year=by_year,
        city_value=city_value,
        city_share=value / city_value if city_value else None,
        kind=measure.kind,
        value_year=year,
    )
    if measure.kind == REACH_PROVINCE:
        # The goal is the province's figure of the same year, times the target's goal in per cent of it.
        province = figures.get((PROVINCE, year))
        reach = None if province is None else province * target.goal / 100
        return TargetProgress(
            **{**common, "goal": reach, "goal_source": None if reach is None else PROVINCE_GOAL},  # type: ignore[arg-type]
            ratio=None if not reach else value / reach,
            remaining=None if reach is None else max(reach - value, 0.0),
            projection=None,
            on_track=None if reach is None else value >= reach,
        )
    if measure.kind == GROWTH_RATE:
        rate = _growth(own[base_year], value, year - base_year) if base_year in own else None
        return TargetProgress(
            **common,  # type: ignore[arg-type]
            rate=rate,
            ratio=None if goal is None or rate is None else rate / goal,
            remaining=None if goal is None or rate is None else max(goal - rate, 0.0),
            # The rate is already an average over the years so far: carried on, it is its own projection.
            projection=rate,
            on_track=None if goal is None or rate is None else rate >= goal,
        )
    # A straight line through the first and the last yearly figure, carried to the deadline's year.
    first = reported[0]
    projected: float | None = float(value)
    if year < target.deadline.year:
        projected = (
            None if first == year else value + (value - own[first]) / (year - first) * (target.deadline.year - year)
        )
    return TargetProgress(
        **common,  # type: ignore[arg-type]
        ratio=None if goal is None else value / goal,
        remaining=None if goal is None else max(goal - value, 0.0),
        projection=projected,
        on_track=None if goal is None or projected is None else projected >= goal,
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


def _counted(target: Target) -> bool:
    return target.code in MEASURES and MEASURES[target.code].indicator is None


async def _figures(db: Database, plan: Plan, region: str, as_of: dt.date) -> dict[str, Figures]:
    """Each indicator's figures for `region` and the city, as known on `as_of`."""
    indicators = sorted({m.indicator for t in plan.targets if (m := MEASURES.get(t.code)) and m.indicator})
    found: dict[str, Figures] = {indicator: {} for indicator in indicators}
    if indicators:
        for row in await db.read(
            "indicators/figures", indicators=indicators, regions=sorted({region, CITY, PROVINCE}), days=[as_of]
        ):
            found[row["indicator"]][row["region"], row["year"]] = row["amount"]
    return found


async def progress(db: Database, plan: Plan, region: str, as_of: dt.date) -> list[TargetProgress]:
    """Every target of `plan` in `region` (and within it) as of `as_of`, in the plan's order.

    The city is measured against the plan's goals; a region within it against its own goal where it has
    one, and in any case with its share of the city's value."""
    check_as_of(as_of)
    measured = [target for target in plan.targets if _counted(target)]
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
                "status": MEASURES[target.code].status,
                "dates": _dates(target, as_of),
            }
            for target in measured
        ],
        # Region goals of the targets read from figures come on rows of their own (`goals` below).
        figureTargets=[target.code for target in plan.targets if target.code in MEASURES and not _counted(target)],
    )
    if not rows:
        await check_region(db, region)
    values = {(row["scope"], row["code"]): row["values"] for row in rows}
    goals = {row["code"]: row["regionGoal"] for row in rows if row["scope"] == region}
    within_city = region != CITY and any(row["scope"] == CITY for row in rows)
    figures = await _figures(db, plan, region, as_of)

    def one(target: Target) -> TargetProgress:
        measure = MEASURES.get(target.code)
        if measure is None:
            return _unmeasured(target, region)
        if measure.indicator is not None:
            return _from_figures(target, region, as_of, figures[measure.indicator], goals.get(target.code))
        city_values = values[CITY, target.code] if within_city else None
        build = _per_year if measure.kind == PER_YEAR else _measured
        return build(target, region, as_of, values[region, target.code], goals[target.code], city_values)

    return [one(target) for target in plan.targets]
