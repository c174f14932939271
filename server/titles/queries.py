"""The title series and levels, with their names in Chinese and English."""

from __future__ import annotations

import strawberry

from graph.titles import LEVEL_RANK
from server.common.enums import Label, TitleLevel, TitleSeries, label_of


@strawberry.type(description="A title level with its names and rank (5 = 正高级).")
class TitleLevelInfo:
    code: TitleLevel
    label: Label
    rank: int


@strawberry.type(description="A title series with its names.")
class TitleSeriesInfo:
    code: TitleSeries
    label: Label


@strawberry.type
class TitleQueries:
    @strawberry.field(description="Title levels, highest first.")
    def title_levels(self) -> list[TitleLevelInfo]:
        return [TitleLevelInfo(code=level, label=label_of(level), rank=LEVEL_RANK[level.value]) for level in TitleLevel]

    @strawberry.field(description="Title series.")
    def title_series(self) -> list[TitleSeriesInfo]:
        return [TitleSeriesInfo(code=series, label=label_of(series)) for series in TitleSeries]
