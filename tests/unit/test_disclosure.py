"""Disclosure control: an attacker recovers no suppressed cell from the published cells and margins.

The attack: every combination of the dimensions' values that an answer does not list is unknown to
the attacker (a suppressed cell, or nobody). From the answer alone (its published cells, its total)
they bound each suppressed cell with linear programming: no upper bound may come below k. Then they
add every answer for a coarser grouping (the same statistics grouped by fewer of the dimensions, each
as published, with its own suppression): no cell may be pinned to one value. And no margin of k or
more people may give back, by subtracting the published cells, a group of fewer than k.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict

import pytest

from graph.stats.disclosure import chain, publish_progress, publish_stats, suppressed_cells
from graph.stats.plans import Target
from graph.stats.progress import TargetProgress, YearValue
from graph.stats.talent import StatsRow, StatsTable
from tests.attack import bounds

K = 5
Cells = dict[tuple[str, ...], int]
Grouping = tuple[int, ...]


def marginal(cells: Cells, kept: Grouping) -> Cells:
    table: Cells = defaultdict(int)
    for keys, count in cells.items():
        table[tuple(keys[i] for i in kept)] += count
    return dict(table)


def answers(cells: Cells, width: int) -> dict[Grouping, tuple[Cells, set[tuple[str, ...]]]]:
    """Every grouping's table and the cells its answer suppresses (the grouping by nothing: the total)."""
    found = {}
    for size in range(width + 1):
        for kept in itertools.combinations(range(width), size):
            table = marginal(cells, kept)
            found[kept] = (table, suppressed_cells(table, K) if kept else {k for k, n in table.items() if 0 < n < K})
    return found


def attack(cells: Cells, domains: list[list[str]], with_coarser: bool) -> dict[tuple[str, ...], tuple[float, float]]:
    """The attacker's bounds on every suppressed cell of the finest answer, from it (and every coarser one)."""
    everything = answers(cells, len(domains))
    finest = tuple(range(len(domains)))
    published = set(cells) - everything[finest][1]
    unknown = [keys for keys in itertools.product(*domains) if keys not in published]
    figures = []
    for kept, (table, hidden) in everything.items():
        if kept == finest or (kept and not with_coarser):
            continue
        for values, people in table.items():
            if values not in hidden:
                inside = {keys for keys in unknown if tuple(keys[i] for i in kept) == values}
                rest = people - sum(cells[k] for k in published if tuple(k[i] for i in kept) == values)
                figures.append((inside, rest))
    return {keys: bounds(unknown, figures, keys) for keys in unknown if keys in cells}


def random_table(seed: int, sizes: tuple[int, ...], people: int) -> tuple[Cells, list[list[str]]]:
    """`people` spread over a table with dimensions of `sizes` values, skewed as real counts are."""
    rng = random.Random(seed)
    domains = [[f"d{d}v{v}" for v in range(size)] for d, size in enumerate(sizes)]
    weights = [[rng.paretovariate(1.2) for _ in domain] for domain in domains]
    cells: Cells = defaultdict(int)
    for _ in range(people):
        cells[tuple(rng.choices(domain, w)[0] for domain, w in zip(domains, weights, strict=True))] += 1
    return dict(cells), domains


def check_protected(cells: Cells, domains: list[list[str]]) -> set[tuple[str, ...]]:
    """Attack the published answer; return the cells it suppressed."""
    withheld = suppressed_cells(cells, K)
    published = set(cells) - withheld
    assert all(cells[keys] >= K for keys in published)
    assert withheld >= {keys for keys, n in cells.items() if n < K}
    for keys, (low, high) in attack(cells, domains, with_coarser=False).items():
        assert low == pytest.approx(0) and high >= K - 1e-6, (keys, cells[keys], low, high)
    for keys, (low, high) in attack(cells, domains, with_coarser=True).items():
        assert high - low > 0.5, (keys, cells[keys], low, high)
    for kept, (table, hidden) in answers(cells, len(domains)).items():
        for values, people in table.items():
            # A margin its own answer publishes: what subtraction gives back is a group of K or more.
            if values not in hidden and len(kept) < len(domains):
                inside = [k for k in cells if tuple(k[i] for i in kept) == values]
                rest = people - sum(cells[k] for k in inside if k in published)
                assert rest == 0 or rest >= K, (kept, values, rest)
    return withheld


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize(("sizes", "people"), [((6,), 40), ((5, 4), 80), ((4, 3, 3), 120), ((3, 3, 2, 3), 150)])
def test_no_suppressed_cell_can_be_recovered_from_the_published_cells_and_margins(
    seed: int, sizes: tuple[int, ...], people: int
) -> None:
    cells, domains = random_table(seed, sizes, people)
    check_protected(cells, domains)


def test_a_row_with_one_small_cell_gets_a_second_one_suppressed() -> None:
    # County totals are published (a county's row margin): one small cell alone would be given back.
    cells = {("A", "F"): 3, ("A", "M"): 40, ("B", "F"): 30, ("B", "M"): 35}
    withheld = check_protected(cells, [["A", "B"], ["F", "M"]])
    assert ("A", "F") in withheld and len(withheld) == 4  # a rectangle: every row and column keeps two


def test_the_attack_recovers_a_cell_when_only_the_small_one_is_suppressed(monkeypatch: pytest.MonkeyPatch) -> None:
    import tests.unit.test_disclosure as me

    cells = {("A", "F"): 3, ("A", "M"): 40, ("B", "F"): 30, ("B", "M"): 35}
    monkeypatch.setattr(me, "suppressed_cells", lambda table, k: {key for key, n in table.items() if n < k})
    assert attack(cells, [["A", "B"], ["F", "M"]], with_coarser=True)[("A", "F")] == pytest.approx((3, 3))


def test_the_same_counts_in_any_order_suppress_the_same_cells() -> None:
    cells, _ = random_table(3, (4, 3, 3), 120)
    shuffled = list(cells.items())
    random.Random(1).shuffle(shuffled)
    assert suppressed_cells(dict(shuffled), K) == suppressed_cells(cells, K)


def test_tables_of_large_cells_are_published_whole() -> None:
    cells = {("A", "F"): 30, ("A", "M"): 40, ("B", "F"): 30, ("B", "M"): 35}
    assert suppressed_cells(cells, K) == set()


def table(rows: Cells, group_by: tuple[str, ...]) -> StatsTable:
    return StatsTable(
        as_of=dt.date(2024, 1, 1),
        region="130800",
        group_by=group_by,
        total=sum(rows.values()),
        rows=tuple(StatsRow(keys, n) for keys, n in rows.items()),
        source="cube",
    )


def test_published_statistics_leave_suppressed_cells_out_and_say_how_many_people_they_count() -> None:
    rows = {("130802", "F"): 3, ("130802", "M"): 40, ("130826", "F"): 30, ("130826", "M"): 35}
    published = publish_stats(table(rows, ("REGION", "GENDER")), K)
    assert published.total == 108 and published.threshold == K
    assert published.rows == () and published.suppression is not None
    assert published.suppression.people == 108
    exact = publish_stats(table(rows, ("REGION", "GENDER")), None)
    assert exact.rows == table(rows, ("REGION", "GENDER")).rows and exact.suppression is None


def test_a_total_below_the_threshold_is_suppressed_and_zero_is_not() -> None:
    small = publish_stats(table({(): 3}, ()), K)
    assert small.total is None and small.rows == () and small.suppression is not None
    assert small.suppression.people is None
    none = publish_stats(table({}, ()), K)
    assert none.total == 0 and none.suppression is None


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ([0, 0, 0], [True, True, True]),
        ([6, 8, 12], [True, False, True]),
        ([1, 2, 3], [False, False, False]),
        ([2, 9, 10], [False, False, True]),
        ([5, 10, 12], [True, False, True]),
        ([7, 7, 20], [True, True, True]),
    ],
)
def test_a_cumulative_count_publishes_values_whose_differences_are_zero_or_at_least_k(
    values: list[int], shown: list[bool]
) -> None:
    flags = chain(values, K)
    assert flags == shown
    published = [0] + [v for v, f in zip(values, flags, strict=True) if f]
    assert all(b - a == 0 or b - a >= K for a, b in itertools.pairwise(published))


def target(code: str, goal: float = 60) -> Target:
    return Target(
        plan="p",
        code=code,
        name=code,
        name_en=code,
        goal=goal,
        unit="人次",
        unit_en="visits",
        starts_on=dt.date(2021, 1, 1),
        deadline=dt.date(2025, 12, 31),
        counts=None,
        source=None,
        goal_set_by=None,
    )


def progress(code: str, years: list[int], baseline: int = 0, city: int | None = None) -> TargetProgress:
    days = [dt.date(2021 + i, 12, 31) for i in range(len(years))]
    return TargetProgress(
        target=target(code),
        region="130800" if city is None else "130826",
        value=years[-1],
        reason=None,
        goal=60,
        goal_source="PLAN",
        city_value=city,
        city_share=None if city is None else years[-1] / city,
        ratio=years[-1] / 60,
        remaining=60 - years[-1],
        by_year=tuple(YearValue(d.year, d, v) for d, v in zip(days, years, strict=True)),
        projection=float(years[-1]) * 2,
        on_track=False,
        baseline=baseline,
    )


def test_progress_suppresses_small_visit_counts_and_the_other_experts_they_would_give_back() -> None:
    visits, high_end, teams = publish_progress(
        [
            progress("foreign-expert-visits", [6, 8, 30]),
            progress("high-end-foreign-expert-visits", [2, 3, 17]),
            progress("innovation-teams", [1, 2, 3]),
        ],
        K,
    )
    # 2022 is 2 visits more than 2021: published, it would give those 2 back.
    assert [y.value for y in visits.by_year] == [6, None, 30] and visits.value == 30
    assert [y.value for y in high_end.by_year] == [None, None, 17] and high_end.value == 17
    assert high_end.suppressed and high_end.reason is not None and "5" in high_end.reason[0]
    assert teams == progress("innovation-teams", [1, 2, 3])


def test_high_end_visits_go_when_all_visits_less_them_would_give_back_a_few_others() -> None:
    visits, high_end = publish_progress(
        [progress("foreign-expert-visits", [6, 8, 20]), progress("high-end-foreign-expert-visits", [2, 3, 17])], K
    )
    # 20 visits of which 17 high-end: 3 of other experts.
    assert visits.value == 20 and high_end.value is None and high_end.ratio is None and high_end.remaining is None
    assert [y.value for y in high_end.by_year] == [None, None, None]


def test_a_small_value_takes_its_ratio_remaining_and_projection_with_it() -> None:
    [titled] = publish_progress([progress("titled-staff", [2, 3, 4], baseline=1)], K)
    assert (titled.value, titled.ratio, titled.remaining, titled.projection, titled.on_track) == (None,) * 5
    assert [y.value for y in titled.by_year] == [None, None, None] and titled.suppressed
    [kept] = publish_progress([progress("titled-staff", [20, 30, 40], baseline=3)], K)
    assert kept.value == 40 and kept.ratio is not None and kept.projection is None and kept.suppressed


def test_analysts_get_exact_progress() -> None:
    answer = [progress("titled-staff", [2, 3, 4], baseline=1)]
    assert publish_progress(answer, None) == answer


def test_the_citys_value_beside_a_countys_is_suppressed_when_the_rest_of_the_city_is_small() -> None:
    [close] = publish_progress([progress("titled-staff", [20, 30, 40], city=43)], K)
    assert close.value == 40 and close.city_value is None and close.city_share is None and close.suppressed
    [apart] = publish_progress([progress("titled-staff", [20, 30, 40], city=400)], K)
    assert (apart.city_value, apart.city_share, apart.suppressed) == (400, 0.1, False)
    [small] = publish_progress([progress("titled-staff", [2, 3, 4], city=400)], K)
    assert small.value is None and small.city_value == 400 and small.city_share is None
