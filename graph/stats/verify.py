"""Check the aggregates against a brute-force recount from the raw graph (operators, the benchmark, tests)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from graph.database import Database
from graph.stats.talent import band_keys, talent_stats

#: Every grouping a cube answers, and two that are counted from the spans.
CHECKED: tuple[list[str], ...] = (
    [],
    ["REGION"],
    ["REGION", "TITLE_LEVEL"],
    ["TITLE_SERIES"],
    ["GRANT_YEAR"],
    ["FIELD"],
    ["INSTITUTION_TYPE"],
    ["GENDER"],
    ["AGE_BAND"],
    ["TITLE_LEVEL", "TITLE_SERIES"],
    ["TITLE_SERIES", "GRANT_YEAR"],
    ["GENDER", "AGE_BAND", "INSTITUTION_TYPE"],
)


async def recount(db: Database, as_of: dt.date, region: str, group_by: list[str]) -> Counter[tuple[str, ...]]:
    """Titled staff as of `as_of` in `region` by `group_by`, counted person by person from the raw graph."""
    rows = await db.read("stats/recount", asOf=as_of, region=region, dimensions=group_by)
    counts: Counter[tuple[str, ...]] = Counter()
    for row in rows:
        counts[band_keys(tuple(group_by), row["keys"], as_of.year)] += row["count"]
    return counts


async def verify_talent_stats(db: Database, as_of: dt.date, region: str) -> list[str]:
    """The groupings whose statistics differ from a recount, each with both answers; empty when all agree."""
    problems = []
    for group_by in CHECKED:
        table = await talent_stats(db, as_of, region, group_by)
        answered = Counter({row.keys: row.count for row in table.rows})
        counted = +await recount(db, as_of, region, group_by)
        if answered != counted or table.total != sum(counted.values()):
            problems.append(
                f"{'+'.join(group_by) or 'total'} as of {as_of}: statistics {dict(answered)}, recount {dict(counted)}"
            )
    return problems
