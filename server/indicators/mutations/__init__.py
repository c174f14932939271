"""Indicator mutations (administrators only), gathered into one root type."""

import strawberry

from server.indicators.mutations.report_indicator_figure import report_indicator_figure


@strawberry.type
class IndicatorMutations:
    report_indicator_figure = strawberry.mutation(
        resolver=report_indicator_figure,
        description="Record a figure reported by another office for a year and region, or a correction (admin).",
    )
