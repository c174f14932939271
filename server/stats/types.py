"""Statistics types: targets and plans, progress toward a target, talent statistics tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

import strawberry

from graph.stats import plans as graph_plans
from graph.stats.disclosure import PublishedStats
from graph.stats.progress import MEASURES, RUNNING_TOTAL
from graph.stats.progress import TargetProgress as Progress
from server.common.enums import Label, MeasureKind, StatsDimension
from server.common.scalars import BigInt
from server.stats.labels import key_label


@strawberry.type(description="A target of a plan (its goal and dates are data, changed by admins).")
class Target(graph_plans.Target):
    """Every field of graph/stats/plans.py `Target`; those redeclared here only gain a description."""

    counts: str | None = strawberry.field(default=None, description="What it counts, in words.")
    source: str | None = strawberry.field(default=None, description="Where in the plan it comes from.")
    goal_set_by: str | None = strawberry.field(default=None, description="Who changed the shipped goal, if anyone.")

    @strawberry.field(description="Name in Chinese and English.")
    def label(self) -> Label:
        return Label(zh=self.name, en=self.name_en)

    @strawberry.field(
        description="What its value is: a running total, a count per year (each year against the goal), an amount "
        "in yuan a year, a growth rate in per cent against the base year (the year before the plan began), or "
        "institutions holding a certificate valid on the day."
    )
    def kind(self) -> MeasureKind:
        measure = MEASURES.get(self.code)
        return measure.kind if measure else RUNNING_TOTAL


def target_from(target: graph_plans.Target) -> Target:
    return Target(**{f.name: getattr(target, f.name) for f in dataclasses.fields(graph_plans.Target)})


@strawberry.type(description="A plan (e.g. the 2021–2025 implementation plan) with its targets.")
class Plan:
    code: str
    name: str | None
    name_en: str | None
    starts_on: dt.date
    deadline: dt.date
    targets: list[Target]


def plan_from(plan: graph_plans.Plan) -> Plan:
    return Plan(
        code=plan.code,
        name=plan.name,
        name_en=plan.name_en,
        starts_on=plan.starts_on,
        deadline=plan.deadline,
        targets=[target_from(t) for t in plan.targets],
    )


@strawberry.type(description="A target's value at the end of a year (or on asOf, for its year).")
class YearValue:
    year: int
    as_of: dt.date
    value: BigInt | None = strawberry.field(
        description="Null when suppressed, or (for a figure) when none is reported for the year."
    )
    suppressed: bool = strawberry.field(
        description="Whether the value is withheld: a count of fewer people than the threshold, or one that "
        "would give such a count back."
    )
    goal: float | None = strawberry.field(description="For a count per year: the year's goal.")
    rate: float | None = strawberry.field(
        description="For a growth rate: the growth over the year before, in per cent (null without both figures)."
    )


@strawberry.enum(description="Where the goal a region's progress is measured against comes from.")
class GoalSource(enum.Enum):
    PLAN = strawberry.enum_value("PLAN", description="The plan's goal: the region is the city.")
    REGION = strawberry.enum_value("REGION", description="The region's own goal (setRegionGoal).")
    PROVINCE = strawberry.enum_value(
        "PROVINCE",
        description="The province's figure of the same year, times target.goal per cent (reaching the provincial "
        "average).",
    )


@strawberry.type(description="Progress toward one target as of a day, in a region.")
class TargetProgress:
    target: Target
    region: str = strawberry.field(description="The region counted (with everything within it).")
    value: BigInt | None = strawberry.field(
        description="Null when the registry holds no data for it (see reason). For a count per year: as of asOf, "
        "the count of valueYear; for an amount or a growth rate: the figure of valueYear, the latest reported."
    )
    kind: MeasureKind = strawberry.field(description="What value is (as target.kind).")
    value_year: int | None = strawberry.field(
        description="For a count per year, an amount or a growth rate: the year value is of."
    )
    rate: float | None = strawberry.field(
        description="For a growth rate: the average annual growth, in per cent, from the base year (the year "
        "before the plan began) to valueYear. goal, ratio, remaining and onTrack compare it with the goal."
    )
    reason: Label | None = strawberry.field(description="Why there is no value.")
    goal: float | None = strawberry.field(
        description="The goal value is measured against: the plan's (target.goal) for the city, the region's own "
        "for a county that has one; null for a region without one (see cityShare)."
    )
    goal_source: GoalSource | None = strawberry.field(description="Where goal comes from; null when there is none.")
    ratio: float | None = strawberry.field(description="value / goal; null without a goal.")
    remaining: float | None = strawberry.field(
        description="What is still to reach, never below 0; null without a goal."
    )
    by_year: list[YearValue] = strawberry.field(
        description="The value at the end of each year since the plan began; for a count per year each year's "
        "count, with its goal; for an amount or a growth rate each year's figure as known on asOf."
    )
    projection: float | None = strawberry.field(
        description="Straight-line projection to the deadline from the day before the plan began through asOf; "
        "for a count per year, this year's count carried on at its pace to the year's end; for an amount, the line "
        "through the first and the latest yearly figure carried to the deadline's year; for a growth rate, the "
        "rate itself."
    )
    on_track: bool | None = strawberry.field(description="Whether the projection reaches the goal.")
    city_value: BigInt | None = strawberry.field(
        description="For a region within the city: the same count over the whole city (null when suppressed)."
    )
    city_share: float | None = strawberry.field(description="For a region within the city: value / cityValue.")
    suppressed: bool = strawberry.field(
        description="Whether figures are withheld (null) for this caller: counts of fewer people than the "
        "threshold, and the ratio, remainder, projection, city's value and share, or year values that would "
        "give them back; `reason` says so."
    )


def progress_from(progress: Progress) -> TargetProgress:
    return TargetProgress(
        target=target_from(progress.target),
        region=progress.region,
        value=None if progress.value is None else BigInt(progress.value),
        kind=progress.kind,
        value_year=progress.value_year,
        rate=progress.rate,
        reason=Label(en=progress.reason[0], zh=progress.reason[1]) if progress.reason else None,
        goal=progress.goal,
        goal_source=GoalSource(progress.goal_source) if progress.goal_source else None,
        ratio=progress.ratio,
        remaining=progress.remaining,
        by_year=[
            YearValue(
                year=y.year,
                as_of=y.as_of,
                value=None if y.value is None else BigInt(y.value),
                suppressed=y.suppressed,
                goal=y.goal,
                rate=y.rate,
            )
            for y in progress.by_year
        ],
        projection=progress.projection,
        on_track=progress.on_track,
        city_value=None if progress.city_value is None else BigInt(progress.city_value),
        city_share=progress.city_share,
        suppressed=progress.suppressed,
    )


@strawberry.type(description="One row of talent statistics: keys in groupBy order (null: not recorded).")
class TalentStatsRow:
    keys: list[str | None] = strawberry.field(
        description="Region codes for REGION, level codes for TITLE_LEVEL, series codes, years, field codes, "
        "institution types, MALE/FEMALE, age bands (UNDER_30, 30_39, 40_49, 50_59, 60_PLUS)."
    )
    count: int
    dimensions: strawberry.Private[tuple[str, ...]]

    @strawberry.field(description="The keys' names in Chinese and English.")
    async def labels(self, info: strawberry.Info) -> list[Label]:
        regions = await info.context.regions()
        fields = await info.context.fields() if "FIELD" in self.dimensions else None
        return [key_label(d, key or "", regions, fields) for d, key in zip(self.dimensions, self.keys, strict=True)]


@strawberry.type(
    description="Cells left out of a statistics answer: fewer people than the threshold, or cells that would "
    "give such a cell back from the total or from a margin (the same statistics grouped by fewer dimensions). "
    "Their keys are left out too: a combination's key alone would say that someone has it."
)
class SuppressedCells:
    threshold: int
    people: int | None = strawberry.field(
        description="How many people the cells left out count together (at least the threshold); null when the "
        "total is suppressed too."
    )


@strawberry.type(description="Titled staff as of a day in a region, in total and grouped.")
class TalentStats:
    as_of: dt.date
    region: str
    group_by: list[StatsDimension]
    total: int | None = strawberry.field(description="Null when it is below the threshold (suppressed).")
    rows: list[TalentStatsRow] = strawberry.field(description="The cells published, each of at least `threshold`.")
    threshold: int | None = strawberry.field(
        description="For this caller, counts of fewer people than this are suppressed; null: exact figures."
    )
    suppressed: SuppressedCells | None = strawberry.field(description="Null when nothing was left out.")
    source: str = strawberry.field(description="'cube' (maintained aggregates) or 'spans' (counted per person).")


def stats_from(table: PublishedStats) -> TalentStats:
    return TalentStats(
        as_of=table.as_of,
        region=table.region,
        group_by=[StatsDimension(d) for d in table.group_by],
        total=table.total,
        threshold=table.threshold,
        suppressed=SuppressedCells(threshold=table.suppression.threshold, people=table.suppression.people)
        if table.suppression
        else None,
        source=table.source,
        rows=[
            TalentStatsRow(keys=[key or None for key in row.keys], count=row.count, dimensions=table.group_by)
            for row in table.rows
        ],
    )
