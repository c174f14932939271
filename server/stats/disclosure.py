"""Which callers get statistics with small counts suppressed, and the statistics they get.

The queries (talentStats, progress) and the exports (/export/stats, /export/progress) read statistics
through these two functions only, so that an export never shows what the query it mirrors would not.
Anonymous callers get suppressed figures; with TALENTGRAPH_STATS_SUPPRESS_ALL every caller does; the
rule itself is graph/stats/disclosure.py.
"""

from __future__ import annotations

import datetime as dt

from graph.access import Caller, Role
from graph.database import Database
from graph.errors import InvalidInput
from graph.settings import Settings
from graph.stats.disclosure import PublishedStats, publish_progress, publish_stats
from graph.stats.plans import Plan
from graph.stats.progress import TargetProgress, progress
from graph.stats.talent import talent_stats


def threshold_for(caller: Caller, settings: Settings) -> int | None:
    """The count below which this caller's statistics are suppressed; None when they are exact."""
    if caller.role != Role.ANONYMOUS and not settings.stats_suppress_all:
        return None
    return settings.stats_threshold if settings.stats_threshold > 1 else None


async def published_talent_stats(
    db: Database, caller: Caller, settings: Settings, as_of: dt.date, region: str, group_by: list[str]
) -> PublishedStats:
    """Talent statistics as this caller may see them (InvalidInput for a grouping too fine to suppress)."""
    threshold = threshold_for(caller, settings)
    most = settings.stats_max_suppressed_dimensions
    if threshold is not None and len(group_by) > most:
        # Suppression costs 3^d margins for d dimensions, and finer groupings of people leave nothing to publish.
        raise InvalidInput(
            f"Statistics with counts below {threshold} suppressed group by at most {most} dimensions; "
            f"{len(group_by)} asked. Group by fewer, or use an analyst's key.",
            f"隐藏少于{threshold}人数字的统计最多按{most}个维度分组(现为{len(group_by)}个),请减少分组维度或使用分析员密钥",
            "groupBy",
        )
    return publish_stats(await talent_stats(db, as_of, region, group_by), threshold)


async def published_progress(
    db: Database, caller: Caller, settings: Settings, plan: Plan, region: str, as_of: dt.date
) -> list[TargetProgress]:
    """Progress toward a plan's targets as this caller may see it."""
    return publish_progress(await progress(db, plan, region, as_of), threshold_for(caller, settings))
