"""reportIndicatorFigure: an administrator records a figure reported for a year and region, or its correction."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.access import Role
from graph.errors import DomainError
from graph.indicators import FigureDraft, report_figure
from server.common.enums import Indicator, code_of
from server.common.errors import ConflictError, InvalidInputError, NotAllowedError, NotFoundError, user_error
from server.common.scalars import BigInt


@strawberry.input(description="A figure as another office reported it.")
class ReportIndicatorFigureInput:
    indicator: Indicator
    region: str = strawberry.field(description="The city (130800) or a county, district or zone within it.")
    year: int = strawberry.field(description="The year the figure is of.")
    amount: BigInt = strawberry.field(description="Whole yuan, not negative.")
    source: str = strawberry.field(description="Who reported it (e.g. 市统计局).")
    reported_on: dt.date = strawberry.field(
        description="The day it was reported; a correction carries a later day than the figure it corrects."
    )


@strawberry.type(description="A figure as reported: the latest report for its year and region is in force.")
class IndicatorFigure:
    indicator: Indicator
    region: str
    year: int
    amount: BigInt
    source: str
    reported_on: dt.date


@strawberry.type
class IndicatorFigureReported:
    figure: IndicatorFigure = strawberry.field(description="The figure in force for the year and region.")
    history: list[IndicatorFigure] = strawberry.field(
        description="Every report for the year and region, earliest first (the last is in force)."
    )


ReportIndicatorFigureResult = Annotated[
    IndicatorFigureReported | InvalidInputError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("ReportIndicatorFigureResult"),
]


async def report_indicator_figure(
    info: strawberry.Info, input: ReportIndicatorFigureInput
) -> ReportIndicatorFigureResult:
    """Record a figure; the same report again changes nothing. Typed errors for a negative amount, a day in
    the future, a region outside the city, a different figure reported on the same day."""
    context = info.context
    draft = FigureDraft(
        indicator=code_of(input.indicator),
        region=input.region,
        year=input.year,
        amount=int(input.amount),
        source=input.source,
        reported_on=input.reported_on,
    )
    try:
        context.caller.require(Role.ADMIN, action="Reporting an indicator figure")
        history = await report_figure(context.db, draft, context.caller)
    except DomainError as error:
        return user_error(error)  # type: ignore[return-value]
    figures = [
        IndicatorFigure(
            indicator=Indicator(f.indicator),
            region=f.region,
            year=f.year,
            amount=BigInt(f.amount),
            source=f.source,
            reported_on=f.reported_on,
        )
        for f in history
    ]
    in_force = max(figures, key=lambda f: f.reported_on)
    return IndicatorFigureReported(figure=in_force, history=figures)
