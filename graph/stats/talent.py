"""Talent statistics: titled staff as of a day in a region, grouped by any of the dimensions.

A grouping that a cube covers (graph/stats/cubes.py) is read from its cells: a few hundred small
nodes whatever the number of people, plus the spans of bulk-load batches not yet folded into them
(graph/stats/fold.py), by the one fragment that reads titled staff (cypher/stats/titled_staff.cypher,
progress toward the titled-staff target included). Any other grouping is counted from the talent spans
(one node per person and state), which is exact but reads every span of the region.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from cypher import STATEMENTS
from graph.database import Database
from graph.errors import InvalidInput, NotFound
from graph.listing import fill_slots, projection
from graph.stats.cubes import DIMENSIONS, cube_for, cube_name
from graph.stats.spans import AGE_BANDS, EPOCH, HORIZON, age_band
from graph.titles import LEVEL_RANK


@dataclass(frozen=True)
class StatsRow:
    """One row of a grouping: its keys in `group_by` order ('' where not recorded) and its count."""

    keys: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class StatsTable:
    as_of: dt.date
    region: str
    group_by: tuple[str, ...]
    total: int
    rows: tuple[StatsRow, ...]
    source: str


def check_as_of(as_of: dt.date) -> None:
    if not EPOCH <= as_of <= HORIZON:
        raise InvalidInput(
            f"asOf must lie between {EPOCH} and {HORIZON}.", f"统计日期须在{EPOCH}至{HORIZON}之间", "asOf"
        )


def check_grouping(group_by: list[str]) -> tuple[str, ...]:
    unknown = [d for d in group_by if d not in DIMENSIONS]
    if unknown:
        raise InvalidInput(f"Unknown dimension {unknown[0]!r}.", f"未知的统计维度:{unknown[0]}", "groupBy")
    if len(set(group_by)) != len(group_by):
        raise InvalidInput("groupBy names a dimension twice.", "分组维度重复", "groupBy")
    return tuple(group_by)


def count_dates(days: list[dt.date]) -> list[dict[str, object]]:
    """The `dates` of a statement that counts, one per day in order (`at`): the day (`on`) and the day titled
    staff are counted on (`counted`: nothing is counted before EPOCH, where the cells' years start), with
    that day's year and day of the year."""
    dates: list[dict[str, object]] = []
    for at, day in enumerate(days):
        counted = max(day, EPOCH)
        dates.append(
            {"at": at, "on": day, "counted": counted, "year": counted.year, "day": counted.timetuple().tm_yday}
        )
    return dates


#: Age bands for the statements that band ages themselves, oldest first (any age below 30, even negative, is UNDER_30).
BANDS = [{"code": code, "lowest": lowest if lowest else -1_000_000} for code, _, _, lowest in reversed(AGE_BANDS)]


def titled_staff(statement: str) -> str:
    """A statement that counts titled staff, its slot filled with the one fragment that reads them."""
    return fill_slots(STATEMENTS[statement], {"TITLED_STAFF": projection("stats/titled_staff")})


def titled_staff_params(cube: tuple[str, ...], grouping: tuple[str, ...]) -> dict[str, object]:
    """The parameters stats/titled_staff takes to read `cube`, projected onto `grouping`."""
    return {
        "cube": cube_name(cube),
        "positions": [cube.index(d) for d in grouping],
        "dimensions": list(grouping),
        "epoch": EPOCH.year,
        "bands": BANDS,
    }


_CUBE_COUNTS = titled_staff("stats/cube_counts")


async def check_region(db: Database, region: str) -> None:
    """NotFound unless the region exists (asked only when a count found nothing)."""
    if not (await db.read("stats/region_exists", region=region))[0]["exists"]:
        raise NotFound("region", region, "region")


async def talent_stats(db: Database, as_of: dt.date, region: str, group_by: list[str]) -> StatsTable:
    """Titled staff in `region` (and everything within it) as of `as_of`, grouped by `group_by`."""
    check_as_of(as_of)
    grouping = check_grouping(group_by)
    cube = cube_for(grouping)
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    if cube is not None:
        rows = await db.read(
            "stats/cube_counts",
            _CUBE_COUNTS,
            region=region,
            dates=count_dates([as_of]),
            **titled_staff_params(cube, grouping),
        )
        for row in rows:
            counts[tuple(row["keys"])] += row["count"]
    else:
        rows = await db.read("stats/span_counts", region=region, dimensions=list(grouping), asOf=as_of, year=as_of.year)
        for row in rows:
            counts[band_keys(grouping, row["keys"], as_of.year)] += row["count"]
    if not counts:
        await check_region(db, region)
    ordered = sorted(((keys, n) for keys, n in counts.items() if n), key=lambda item: _order(grouping, item[0]))
    return StatsTable(
        as_of=as_of,
        region=region,
        group_by=grouping,
        total=sum(counts.values()),
        rows=tuple(StatsRow(keys=keys, count=n) for keys, n in ordered),
        source="cube" if cube is not None else "spans",
    )


def band_keys(grouping: tuple[str, ...], keys: list[str | None], year: int) -> tuple[str, ...]:
    """Keys of a counting statement as a row's keys: ages made age bands, nulls ''."""
    return tuple(
        (age_band(year - int(key), year) if key is not None else "") if d == "AGE_BAND" else key or ""
        for d, key in zip(grouping, keys, strict=True)
    )


_BAND_ORDER = {code: index for index, (code, *_) in enumerate(AGE_BANDS)}


def _order(grouping: tuple[str, ...], keys: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """Rows in reading order: levels highest first, age bands youngest first, unrecorded last."""

    def one(dimension: str, key: str) -> tuple[int, int, str]:
        if key == "":
            return (1, 0, "")
        if dimension == "TITLE_LEVEL":
            return (0, -LEVEL_RANK.get(key, 0), key)
        if dimension == "AGE_BAND":
            return (0, _BAND_ORDER.get(key, 0), key)
        return (0, 0, key)

    return tuple(one(dimension, key) for dimension, key in zip(grouping, keys, strict=True))
