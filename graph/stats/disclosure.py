"""Statistical disclosure control: no figure a caller is given tells them about fewer than k people.

A small count of people is personal data: the one person a cell "county × gender × age band ×
title level" counts is known to whoever knows three of those facts about them, and so is the fourth.
For the callers the settings name (anonymous callers; every caller with TALENTGRAPH_STATS_SUPPRESS_ALL),
statistics are published after this module has removed what would tell, with k the threshold
(TALENTGRAPH_STATS_THRESHOLD, 5). It works on answers as they were counted, whichever way they were
read, and the API and the exports publish what it returns. Zero is published: it counts no one.

Tables (talentStats, /export/stats):

- primary suppression: a cell counting 1 to k-1 people is suppressed, and so is a total below k;
- complementary suppression: a suppressed cell is part of figures that are published: the answer's
  total, and the margins of its table that other answers give (the same statistics grouped by fewer of
  the dimensions: a county's total, a county's women…). Subtracting the published cells of such a
  margin from it gives back the suppressed cells in it. So in every margin of k or more people, the
  suppressed cells are none, or two or more counting k or more people together: subtraction then gives
  back a group of at least k people spread over at least two cells. Cells are added to the suppressed,
  within the margins that need one, smallest first, until every margin is so;
- suppressed cells are left out of the answer's rows, keys and all: a key alone would say that someone
  with that combination exists. The answer says that it left cells out, how many people they count
  together (what the total minus the rows gives anyway) and the threshold.

Progress (progress, /export/progress), for the targets that count people (titled staff, visits of
foreign experts); the others count teams, platforms, enterprises and projects and are exact:

- every count of people below k is suppressed (the value, a year's value, the value the projection
  starts from), with the figures that would give it back (ratio, what remains, projection, on track,
  the share of the city); beside a region's value, the city's is suppressed when it, or the rest of
  the city (it less the region's), is below k;
- visits count from the plan's start, so the difference of two published values is the number of
  visits between them: the values published are chosen so that every such difference is 0 or at
  least k, the value as of the day asked kept first; likewise for the visits of experts who are not
  high-end (all visits minus the high-end ones), by suppressing high-end values.

What stays possible: combining answers for groupings of which neither is a margin of the other (the
women of a county by title level, and by age band) narrows no single cell of either to an exact
figure by subtraction alone, but is not modelled; and differences of the titled staff of two years
are net changes (people who gained a title or arrived, less those who left), published.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import combinations
from operator import itemgetter

from graph.stats.progress import MEASURES, TargetProgress
from graph.stats.talent import StatsRow, StatsTable

Keys = tuple[str, ...]

#: Measures (graph/stats/progress.py branches) that count people; the visits ones count from the plan's start.
PEOPLE_MEASURES = frozenset({"titled-staff", "foreign-expert-visits"})
CUMULATIVE_MEASURES = frozenset({"foreign-expert-visits"})


def suppressed(count: int, threshold: int) -> bool:
    """Whether a count is too small to publish: 1 to threshold - 1 (zero counts no one)."""
    return 0 < count < threshold


def suppressed_cells(cells: Mapping[Keys, int], threshold: int) -> set[Keys]:
    """The cells (keys → people, every key of the same length) to suppress.

    Every coarser grouping's answer (by fewer of the same dimensions) is worked out first, coarsest first,
    and a cell whose margin one of them suppresses is suppressed too: an answer never gives back, as the
    sum of its published cells, a figure a coarser answer suppressed. Deterministic: the same counts give
    the same cells, whatever the order they come in (two answers that differed could be laid side by side).
    """
    if not cells:
        return set()
    width = len(next(iter(cells)))
    answers: dict[tuple[int, ...], set[Keys]] = {}
    for size in range(width + 1):
        for kept in combinations(range(width), size):
            table = _marginal(cells, kept) if size < width else dict(cells)
            inherited = set()
            for dropped in range(size):
                coarser = kept[:dropped] + kept[dropped + 1 :]
                hidden = answers[coarser]
                if hidden:
                    inherited |= {keys for keys in table if keys[:dropped] + keys[dropped + 1 :] in hidden}
            answers[kept] = _suppress(table, threshold, inherited)
    return answers[tuple(range(width))]


def _marginal(cells: Mapping[Keys, int], kept: tuple[int, ...]) -> dict[Keys, int]:
    """The table grouped by the dimensions at `kept` only."""
    table: dict[Keys, int] = defaultdict(int)
    for keys, count in cells.items():
        table[tuple(keys[i] for i in kept)] += count
    return dict(table)


def _suppress(cells: Mapping[Keys, int], threshold: int, inherited: set[Keys]) -> set[Keys]:
    """Primary suppression, what coarser answers suppressed, then complementary suppression in every margin."""
    withheld = inherited | {keys for keys, count in cells.items() if suppressed(count, threshold)}
    if not withheld or len(withheld) == len(cells) or len(next(iter(cells))) == 0:
        return withheld
    margins = _margins(cells, threshold)
    of_cell: dict[Keys, list[int]] = defaultdict(list)
    for index, members in enumerate(margins):
        for keys in members:
            of_cell[keys].append(index)
    # A cell that is a margin's only one is given back by that margin: suppressing it protects nothing.
    alone = {members[0] for members in margins if len(members) == 1}
    hidden = [0] * len(margins)
    people = [0] * len(margins)
    waiting: list[int] = []  # a heap of margins to look at again, lowest index first: the same answer every time

    def count_in(keys: Keys) -> None:
        for index in of_cell[keys]:
            hidden[index] += 1
            people[index] += cells[keys]
            heapq.heappush(waiting, index)

    for keys in sorted(withheld):
        count_in(keys)
    while waiting:
        index = heapq.heappop(waiting)
        if hidden[index] == 0 or (hidden[index] >= 2 and people[index] >= threshold):
            continue
        shown = [keys for keys in margins[index] if keys not in withheld]
        if not shown:
            continue
        chosen = _complement(shown, cells, threshold - people[index], alone)
        withheld.add(chosen)
        count_in(chosen)
    return withheld


def _margins(cells: Mapping[Keys, int], threshold: int) -> list[list[Keys]]:
    """The cells of every margin of at least `threshold` people, in a fixed order: for every proper subset of
    the dimensions (none: the total), the cells that agree on it."""
    width = len(next(iter(cells)))
    ordered = sorted(cells)
    margins: list[list[Keys]] = []
    for size in range(width):
        for dimensions in combinations(range(width), size):
            project: Callable[[Keys], object] = itemgetter(*dimensions) if dimensions else (lambda keys: ())
            groups: dict[object, list[Keys]] = defaultdict(list)
            people: dict[object, int] = defaultdict(int)
            for keys in ordered:
                margin = project(keys)
                groups[margin].append(keys)
                people[margin] += cells[keys]
            margins += [members for margin, members in groups.items() if people[margin] >= threshold]
    return margins


def _complement(shown: list[Keys], cells: Mapping[Keys, int], wanted: int, alone: set[Keys]) -> Keys:
    """The published cell to suppress in a margin: not one a margin gives back, the smallest that brings the
    suppressed to `wanted` more people, else the largest."""
    candidates = [keys for keys in shown if keys not in alone] or shown
    enough = [keys for keys in candidates if cells[keys] >= wanted]
    if enough:
        return min(enough, key=lambda keys: (cells[keys], keys))
    return max(candidates, key=lambda keys: (cells[keys], keys))


@dataclass(frozen=True)
class Suppression:
    """That an answer left cells out: the threshold, and the people the left-out cells count together."""

    threshold: int
    people: int | None
    """None when the total is suppressed too."""


@dataclass(frozen=True)
class PublishedStats:
    """Talent statistics as a caller may see them: `rows` only the cells published."""

    as_of: dt.date
    region: str
    group_by: tuple[str, ...]
    source: str
    total: int | None
    rows: tuple[StatsRow, ...]
    threshold: int | None
    """The threshold applied; None for exact figures."""
    suppression: Suppression | None
    """None when nothing was left out."""


def publish_stats(table: StatsTable, threshold: int | None) -> PublishedStats:
    """A statistics table with what would tell about fewer than `threshold` people left out (None: exact)."""
    if threshold is None or threshold <= 1:
        return PublishedStats(
            table.as_of, table.region, table.group_by, table.source, table.total, table.rows, None, None
        )
    cells = {row.keys: row.count for row in table.rows}
    withheld = suppressed_cells(cells, threshold)
    total_shown = not suppressed(table.total, threshold)
    return PublishedStats(
        as_of=table.as_of,
        region=table.region,
        group_by=table.group_by,
        source=table.source,
        total=table.total if total_shown else None,
        rows=tuple(row for row in table.rows if row.keys not in withheld),
        threshold=threshold,
        suppression=Suppression(threshold, sum(cells[keys] for keys in withheld) if total_shown else None)
        if withheld or not total_shown
        else None,
    )


def suppression_reason(threshold: int) -> tuple[str, str]:
    """Why a figure is not given, in English and Chinese."""
    return (
        f"Counts of fewer than {threshold} people, and figures that would give one back, are not published.",
        f"少于{threshold}人的数字及可据以推算出它的数字不予公布",
    )


def chain(values: list[int], threshold: int) -> list[bool]:
    """Which of a count's values on successive days (never falling, 0 before the first) may be published so
    that each published value and the difference of each two published in a row is 0 or at least
    `threshold`; the last value kept when it can be."""
    published: list[int] = []
    last = 0
    for index, value in enumerate(values):
        if not suppressed(value - last, threshold):
            published.append(index)
            last = value
    final = len(values) - 1
    if values and (not published or published[-1] != final) and not suppressed(values[final], threshold):
        while published and suppressed(values[final] - values[published[-1]], threshold):
            published.pop()
        published.append(final)
    kept = set(published)
    return [index in kept for index in range(len(values))]


@dataclass
class _Shown:
    """Which of a target's figures may be published: its value, its value at each year's end, and (for a
    region within the city) the city's value."""

    value: bool
    years: dict[dt.date, bool]
    city: bool


def publish_progress(targets: list[TargetProgress], threshold: int | None) -> list[TargetProgress]:
    """Progress with what would tell about fewer than `threshold` people suppressed (None: exact)."""
    if threshold is None or threshold <= 1:
        return targets
    shown: dict[str, _Shown] = {}
    for target in targets:
        measure = MEASURES.get(target.target.code)
        if target.value is None or measure is None or measure.branch not in PEOPLE_MEASURES:
            continue
        years = _years(target)
        # The city's value, beside a region's: neither it nor the rest of the city (it less the region's) small.
        city = target.city_value is not None and not (
            suppressed(target.city_value, threshold) or suppressed(target.city_value - target.value, threshold)
        )
        if measure.branch in CUMULATIVE_MEASURES and years:
            # The value is the last year's (nothing after the deadline counts): they go together.
            flags = chain(list(years.values()), threshold)
            shown[target.target.code] = _Shown(flags[-1], dict(zip(years, flags, strict=True)), city)
        else:
            flags = [not suppressed(value, threshold) for value in years.values()]
            shown[target.target.code] = _Shown(
                not suppressed(target.value, threshold), dict(zip(years, flags, strict=True)), city
            )
    _protect_others(targets, shown, threshold)
    return [_published(target, shown.get(target.target.code), threshold) for target in targets]


def _years(target: TargetProgress) -> dict[dt.date, int]:
    """A target's values at the end of each year, earliest first."""
    return {year.as_of: year.value for year in target.by_year if year.value is not None}


def _protect_others(targets: list[TargetProgress], shown: dict[str, _Shown], threshold: int) -> None:
    """Suppress high-end visits wherever all visits less the high-end ones would give back fewer than
    `threshold` visits of other experts, or a difference of them would."""
    by_code = {target.target.code: target for target in targets}
    for code, measure in MEASURES.items():
        if not measure.high_end_only or code not in shown:
            continue
        whole = next(
            (c for c, m in MEASURES.items() if m.branch == measure.branch and not m.high_end_only and c in shown), None
        )
        if whole is None:
            continue
        part_city, whole_city = by_code[code].city_value, by_code[whole].city_value
        if part_city is not None and whole_city is not None and suppressed(whole_city - part_city, threshold):
            shown[code].city = False
        part, total = _years(by_code[code]), _years(by_code[whole])
        common = [day for day, flag in shown[code].years.items() if flag and shown[whole].years.get(day)]
        flags = chain([total[day] - part[day] for day in common], threshold)
        for day, flag in zip(common, flags, strict=True):
            shown[code].years[day] = shown[code].years[day] and flag
        last = max(shown[code].years, default=None)
        if last is not None:
            shown[code].value = shown[code].value and shown[code].years[last]


def _published(target: TargetProgress, shown: _Shown | None, threshold: int) -> TargetProgress:
    if shown is None or target.value is None:
        return target
    years = tuple(
        year
        if year.value is None or shown.years.get(year.as_of, True)
        else dataclasses.replace(year, value=None, suppressed=True)
        for year in target.by_year
    )
    # The projection runs from the value the day before the plan began: it would give that back.
    projected = shown.value and (target.baseline is None or not suppressed(target.baseline, threshold))
    city = shown.city or target.city_value is None
    hidden = not projected or not city or any(year.suppressed for year in years)
    return dataclasses.replace(
        target,
        value=target.value if shown.value else None,
        ratio=target.ratio if shown.value else None,
        remaining=target.remaining if shown.value else None,
        projection=target.projection if projected else None,
        on_track=target.on_track if projected else None,
        city_value=target.city_value if city else None,
        city_share=target.city_share if city and shown.value else None,
        by_year=years,
        suppressed=hidden,
        reason=suppression_reason(threshold) if hidden else target.reason,
    )
