"""Aggregates kept beside the graph: counts of titled staff per cell of a few small cubes, as of any day.

A cube counts people by a few dimensions, always REGION first (every query filters by region). One
`TalentCell` per cell of a cube holds `atYearStart`: how many people the cell counted on 1 January
of each year from EPOCH to HORIZON. One `TalentTally` per cell and year holds that year's changes,
day by day (`days`: day of the year, `deltas`: the net change on that day). The count of a cell on
day D of year Y is `atYearStart[Y - EPOCH.year]` plus the deltas of year Y on days up to D: two
small nodes per cell, whatever the number of people.

A span of a person's timeline adds +1 to its cell on its first day and -1 on the day after its
last; a change to a person removes their old spans and adds their new ones. `Accumulator` sums
these and turns them into the rows that `stats/apply_cells` and `stats/apply_tallies` write.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import overload

from graph.stats.spans import EPOCH, HORIZON, Span, age_band, age_band_changes
from graph.vocabulary import Dimension

DIMENSIONS = tuple(dimension.value for dimension in Dimension)

#: The cubes kept up to date on every write. A grouping that none covers is counted from the spans.
CUBES: tuple[tuple[str, ...], ...] = (
    ("REGION",),
    *(("REGION", dimension) for dimension in DIMENSIONS[1:]),
    ("REGION", "TITLE_LEVEL", "TITLE_SERIES"),
)

YEARS = HORIZON.year - EPOCH.year + 1
_DAY = dt.timedelta(days=1)
#: The ordinal of 31 December of the year before, per year: day of the year = ordinal - this.
_YEAR_START = {year: dt.date(year, 1, 1).toordinal() - 1 for year in range(EPOCH.year, HORIZON.year + 2)}


def cube_name(dimensions: tuple[str, ...]) -> str:
    return "+".join(dimensions)


_NAMED_CUBES = tuple((cube_name(cube), cube) for cube in CUBES)
#: Where each dimension but the age band is in the values `Accumulator.add` reads from a span.
_POSITIONS = {
    dimension: position
    for position, dimension in enumerate(
        ("REGION", "TITLE_LEVEL", "TITLE_SERIES", "GRANT_YEAR", "FIELD", "INSTITUTION_TYPE", "GENDER")
    )
}
#: Cubes without the age band: (name, positions of their dimensions).
_FLAT_CUBES = tuple(
    (name, tuple(_POSITIONS[dimension] for dimension in cube)) for name, cube in _NAMED_CUBES if "AGE_BAND" not in cube
)
#: Cubes with it: (name, positions of their other dimensions, where the age band goes among them).
_AGED_CUBES = tuple(
    (name, tuple(_POSITIONS[dimension] for dimension in cube if dimension != "AGE_BAND"), cube.index("AGE_BAND"))
    for name, cube in _NAMED_CUBES
    if "AGE_BAND" in cube
)


def cube_for(group_by: Iterable[str]) -> tuple[str, ...] | None:
    """The smallest cube that can answer a grouping (REGION is always in a cube), or None."""
    wanted = {"REGION", *group_by}
    covering = [cube for cube in CUBES if wanted <= set(cube)]
    return min(covering, key=len, default=None)


@functools.cache
def _band_changes(birth_year: int | None) -> tuple[tuple[dt.date, str], ...]:
    """The days on which someone born in `birth_year` changes age band, each with the band from then."""
    return tuple((day, age_band(birth_year, day.year)) for day in age_band_changes(birth_year))


class Tallies(Sequence[dict[str, object]]):
    """Tally rows as `stats/apply_tallies` takes them ({cell, year, days, byDay}), kept compact and built as read.

    A fold of 100,000 spans changes about 10,000 tallies of up to a year of days each: two arrays of integers
    per tally, not dictionaries keyed by day, keep that within a load's memory.
    """

    def __init__(self) -> None:
        self._tallies: list[tuple[str, int, array[int], array[int]]] = []

    def add(self, cell: str, year: int, days: array[int], deltas: array[int]) -> None:
        """A tally: days of the year, in order, and their deltas."""
        self._tallies.append((cell, year, days, deltas))

    def __len__(self) -> int:
        return len(self._tallies)

    @overload
    def __getitem__(self, index: int) -> dict[str, object]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, object]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, object] | list[dict[str, object]]:
        if isinstance(index, slice):
            return [self._row(tally) for tally in self._tallies[index]]
        return self._row(self._tallies[index])

    def __eq__(self, other: object) -> bool:
        return list(self) == other if isinstance(other, list) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    @staticmethod
    def _row(tally: tuple[str, int, array[int], array[int]]) -> dict[str, object]:
        cell, year, days, deltas = tally
        return {
            "cell": cell,
            "year": year,
            "days": days.tolist(),
            "byDay": {str(day): delta for day, delta in zip(days, deltas, strict=True)},
        }


@dataclass
class CubeRows:
    """What to write: cells with their yearly shifts, tallies with their daily deltas."""

    cells: list[dict[str, object]]
    tallies: Sequence[dict[str, object]]


class Accumulator:
    """Sums the changes spans make to every cube; `rows()` gives them in the shape the statements take."""

    def __init__(self) -> None:
        self._changes: dict[tuple[str, tuple[str, ...]], dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, spans: Iterable[Span], sign: int) -> Accumulator:
        """Count `spans` in (sign +1) or out (sign -1), in every cube.

        A span adds `sign` to its cell on its first day and takes it away on the day after its last (when
        that is before HORIZON). In a cube with the age band, the span is cut where the person's band
        changes: each piece counts in its own band's cell. Written for speed (a load sums 200,000 spans):
        each span's dimension values are read once, and a birth year's band changes are worked out once;
        tests/unit/test_stats_spans.py compares it with that rule applied span by span, cube by cube."""
        changes = self._changes
        for span in spans:
            values = (
                span.region,
                span.level,
                span.series,
                str(span.grant_year),
                span.field,
                span.institution_type,
                span.gender,
            )
            start, end = span.start, span.end
            # The day after the last, when it is one statistics know.
            after = end + _DAY if end is not None and end < HORIZON else None
            for name, positions in _FLAT_CUBES:
                by_day = changes[(name, tuple([values[i] for i in positions]))]
                by_day[start] += sign
                if after is not None:
                    by_day[after] -= sign
            if not _AGED_CUBES:
                continue
            # The span's pieces: from its first day, and from each day within it that its age band changes.
            pieces = [(start, age_band(span.birth_year, start.year))]
            pieces += [
                (day, band)
                for day, band in _band_changes(span.birth_year)
                if start < day and (end is None or day <= end)
            ]
            for name, positions, at in _AGED_CUBES:
                others = [values[i] for i in positions]
                previous: tuple[str, ...] | None = None
                for day, band in pieces:
                    keys = tuple(others[:at] + [band] + others[at:])
                    if previous is not None:
                        changes[(name, previous)][day] -= sign
                    changes[(name, keys)][day] += sign
                    previous = keys
                if after is not None and previous is not None:
                    changes[(name, previous)][after] -= sign
        return self

    def merge(self, other: Accumulator) -> Accumulator:
        """Add the changes another accumulator holds."""
        for cell, by_day in other._changes.items():
            mine = self._changes[cell]
            for day, delta in by_day.items():
                mine[day] += delta
        return self

    def rows(self) -> CubeRows:
        cells: list[dict[str, object]] = []
        tallies = Tallies()
        for (name, keys), by_day in self._changes.items():
            changed = sorted((day, delta) for day, delta in by_day.items() if delta)
            if not changed:
                continue
            key = cell_key(name, keys)
            # A change during year Y shifts the count on 1 January of every year after Y.
            yearly = [0] * (YEARS + 1)
            for year, in_year in itertools.groupby(changed, key=lambda change: change[0].year):
                # Days of the year fit 16 bits; a day's change may not (a whole list granted on one day).
                days, deltas = array("h"), array("l")
                for day, delta in in_year:
                    yearly[year - EPOCH.year + 1] += delta
                    days.append(day.toordinal() - _YEAR_START[year])
                    deltas.append(delta)
                tallies.add(key, year, days, deltas)
            shift = list(itertools.accumulate(yearly[:YEARS]))
            cells.append({"key": key, "cube": name, "region": keys[0], "keys": list(keys), "shift": shift})
        return CubeRows(cells=cells, tallies=tallies)


def cell_key(cube: str, keys: tuple[str, ...]) -> str:
    return cube + "|" + "|".join(keys)
