"""Talent spans, cube events and projections: the pure parts of graph/stats."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from graph.stats.cubes import CUBES, Accumulator, cube_for, cube_name
from graph.stats.plans import Target
from graph.stats.progress import projection, year_ends
from graph.stats.spans import (
    HORIZON,
    Employment,
    HeldTitle,
    PersonFacts,
    Span,
    age_band,
    age_band_changes,
    talent_spans,
)

D = dt.date


def job(institution: str, region: str | None, since: str | None, until: str | None = None) -> Employment:
    return Employment(
        institution, region, "ENTERPRISE", since and D.fromisoformat(since), until and D.fromisoformat(until)
    )


def title(no: str, level: str, rank: int, granted: str, revoked: str | None = None) -> HeldTitle:
    return HeldTitle(no, level, rank, "ENGINEERING", D.fromisoformat(granted), revoked and D.fromisoformat(revoked))


def facts(jobs: tuple[Employment, ...], titles: tuple[HeldTitle, ...]) -> PersonFacts:
    return PersonFacts("p", "FEMALE", 1985, "hawthorn", jobs, titles)


def test_a_span_starts_with_the_later_of_job_and_title_and_follows_the_highest_title() -> None:
    spans = talent_spans(
        facts(
            (job("i", "130802", "2010-01-01"),),
            (title("A", "INTERMEDIATE", 3, "2005-06-01"), title("B", "SENIOR", 5, "2015-03-01")),
        )
    )
    assert [(s.start, s.end, s.level, s.grant_year) for s in spans] == [
        (D(2010, 1, 1), D(2015, 2, 28), "INTERMEDIATE", 2005),
        (D(2015, 3, 1), None, "SENIOR", 2015),
    ]


def test_a_revocation_ends_the_span_the_day_before_and_a_move_out_of_every_region_ends_it_too() -> None:
    revoked = talent_spans(facts((job("i", "130802", None),), (title("A", "JUNIOR", 1, "2001-01-01", "2020-05-05"),)))
    assert [(s.start, s.end) for s in revoked] == [(D(2001, 1, 1), D(2020, 5, 4))]
    unlocated = talent_spans(
        facts(
            (job("i", "130802", "2000-01-01", "2009-12-31"), job("j", None, "2010-01-01")),
            (title("A", "JUNIOR", 1, "1999-01-01"),),
        )
    )
    assert [(s.start, s.end, s.region) for s in unlocated] == [(D(2000, 1, 1), D(2009, 12, 31), "130802")]


def test_a_withdrawn_person_counts_until_the_day_before_the_withdrawal_and_never_after() -> None:
    counted = facts((job("i", "130802", "2010-01-01"),), (title("A", "SENIOR", 5, "2015-03-01"),))
    withdrawn = PersonFacts(
        *[getattr(counted, name) for name in ("person", "gender", "birth_year", "field")],
        counted.employments,
        counted.titles,
        withdrawn_on=D(2024, 1, 1),
    )
    assert [(s.start, s.end) for s in talent_spans(withdrawn)] == [(D(2015, 3, 1), D(2023, 12, 31))]
    before_any_title = PersonFacts("p", None, None, None, counted.employments, counted.titles, D(2012, 1, 1))
    assert talent_spans(before_any_title) == []


def test_overlapping_jobs_place_a_person_at_the_one_begun_last() -> None:
    spans = talent_spans(
        facts(
            (job("bj", "110000", "2000-01-01"), job("cd", "130825", "2012-07-01")),
            (title("A", "SENIOR", 5, "1999-01-01"),),
        )
    )
    assert [(s.region, s.start, s.end) for s in spans] == [
        ("110000", D(2000, 1, 1), D(2012, 6, 30)),
        ("130825", D(2012, 7, 1), None),
    ]


def test_equal_titles_are_ranked_by_grant_date_then_certificate_number() -> None:
    same_day = talent_spans(
        facts(
            (job("i", "130802", None),), (title("B", "SENIOR", 5, "2010-01-01"), title("A", "SENIOR", 5, "2010-01-01"))
        )
    )
    assert len(same_day) == 1 and same_day[0].grant_year == 2010


def test_age_bands_change_on_the_first_of_january_of_the_year_a_person_turns_30_40_50_60() -> None:
    assert [age_band(1985, year) for year in (2014, 2015, 2025, 2045, 2046)] == [
        "UNDER_30",
        "30_39",
        "40_49",
        "60_PLUS",
        "60_PLUS",
    ]
    assert age_band(None, 2020) == ""
    [span] = talent_spans(facts((job("i", "130802", "2010-01-01"),), (title("A", "JUNIOR", 1, "2010-01-01"),)))
    tallies = {
        (tally["cell"], tally["year"]): tally["byDay"]
        for tally in Accumulator().add([span], +1).rows().tallies
        if tally["cell"].startswith("REGION+AGE_BAND|")
    }
    # Born 1985: under 30 from 2010-01-01, 30-39 from 2015-01-01 (day 1 of its year), and so on.
    assert tallies[("REGION+AGE_BAND|130802|UNDER_30", 2010)] == {"1": 1}
    assert tallies[("REGION+AGE_BAND|130802|UNDER_30", 2015)] == {"1": -1}
    assert tallies[("REGION+AGE_BAND|130802|30_39", 2015)] == {"1": 1}
    assert tallies[("REGION+AGE_BAND|130802|30_39", 2025)] == {"1": -1}


def test_removing_and_adding_the_same_spans_changes_nothing() -> None:
    spans = talent_spans(facts((job("i", "130802", "2010-01-01"),), (title("A", "JUNIOR", 1, "2012-01-01"),)))
    rows = Accumulator().add(spans, -1).add(spans, +1).rows()
    assert rows.cells == [] and rows.tallies == []


def test_a_cell_counts_a_span_from_the_year_after_it_starts_and_its_tally_holds_the_day() -> None:
    spans = talent_spans(facts((job("i", "130802", "2010-01-01"),), (title("A", "JUNIOR", 1, "2012-03-01"),)))
    rows = Accumulator().add(spans, +1).rows()
    [cell] = [c for c in rows.cells if c["cube"] == "REGION"]
    assert cell["shift"][2012 - 1950] == 0 and cell["shift"][2013 - 1950] == 1 and cell["shift"][-1] == 1
    [tally] = [t for t in rows.tallies if t["cell"] == cell["key"]]
    assert tally == {"cell": "REGION|130802", "year": 2012, "days": [61], "byDay": {"61": 1}}


def test_tallies_hold_a_whole_list_granted_on_one_day_and_read_as_the_statement_takes_them() -> None:
    """A year's evaluation list is often granted on a single day: that day's change exceeds 16 bits."""
    [span] = talent_spans(facts((job("i", "130802", "2010-01-01"),), (title("A", "JUNIOR", 1, "2023-07-29"),)))
    [other] = talent_spans(facts((job("j", "130802", "2010-01-01"),), (title("B", "SENIOR", 4, "2023-01-02"),)))
    rows = Accumulator().add([span] * 40_000, +1).add([other], +1).rows()
    [tally] = [t for t in rows.tallies if t["cell"] == "REGION|130802"]
    assert tally == {"cell": "REGION|130802", "year": 2023, "days": [2, 210], "byDay": {"2": 1, "210": 40_000}}
    assert rows.tallies[:2] == [rows.tallies[0], rows.tallies[1]] and len(rows.tallies[2:]) == len(rows.tallies) - 2
    assert list(rows.tallies) == rows.tallies[:]


def test_the_smallest_covering_cube_answers_a_grouping_and_others_fall_back_to_spans() -> None:
    assert cube_for([]) == ("REGION",)
    assert cube_for(["TITLE_LEVEL", "REGION"]) == ("REGION", "TITLE_LEVEL")
    assert cube_for(["TITLE_SERIES", "TITLE_LEVEL"]) == ("REGION", "TITLE_LEVEL", "TITLE_SERIES")
    assert cube_for(["GENDER", "AGE_BAND"]) is None


TARGET = Target(
    plan="p",
    code="t",
    name="t",
    name_en="t",
    goal=100,
    unit="人",
    unit_en="people",
    starts_on=D(2021, 1, 1),
    deadline=D(2025, 12, 31),
)


def test_the_projection_is_a_straight_line_from_the_plans_start_through_today_to_the_deadline() -> None:
    halfway = D(2021, 1, 1) + (D(2025, 12, 31) - D(2021, 1, 1)) / 2
    assert projection(0, 40, TARGET, halfway) == pytest.approx(80, rel=0.01)
    assert projection(50, 50, TARGET, D(2023, 1, 1)) == 50
    assert projection(0, 120, TARGET, D(2026, 3, 1)) == 120
    assert projection(0, 0, TARGET, D(2020, 6, 1)) is None


def test_the_years_of_a_plan_end_on_31_december_or_on_as_of() -> None:
    assert year_ends(TARGET, D(2023, 5, 6)) == [D(2021, 12, 31), D(2022, 12, 31), D(2023, 5, 6)]
    assert year_ends(TARGET, D(2027, 1, 1))[-1] == D(2025, 12, 31)
    assert year_ends(TARGET, D(2020, 1, 1)) == []


def _dimension_value(span: Span, dimension: str, day: dt.date) -> str:
    """A span's value for one dimension on `day`, as a string ('' where not recorded)."""
    values = {
        "REGION": span.region,
        "TITLE_LEVEL": span.level,
        "TITLE_SERIES": span.series,
        "GRANT_YEAR": str(span.grant_year),
        "FIELD": span.field,
        "INSTITUTION_TYPE": span.institution_type,
        "GENDER": span.gender,
    }
    return age_band(span.birth_year, day.year) if dimension == "AGE_BAND" else values[dimension]


def _span_events(span: Span, cube: tuple[str, ...]) -> list[tuple[tuple[str, ...], dt.date, int]]:
    """The rule, written plainly: the +1/-1 changes a span makes to a cube's cells, split where the
    person's age band changes."""
    cuts = [span.start]
    if "AGE_BAND" in cube:
        cuts += [
            day
            for day in age_band_changes(span.birth_year)
            if span.start < day and (span.end is None or day <= span.end)
        ]
    ends: list[dt.date | None] = [*(day - dt.timedelta(days=1) for day in cuts[1:]), span.end]
    events: list[tuple[tuple[str, ...], dt.date, int]] = []
    for start, end in zip(cuts, ends, strict=True):
        keys = tuple(_dimension_value(span, dimension, start) for dimension in cube)
        events.append((keys, start, 1))
        if end is not None and end < HORIZON:
            events.append((keys, end + dt.timedelta(days=1), -1))
    return events


def _by_events(spans: list[Span], sign: int) -> Accumulator:
    """What `Accumulator.add` must sum: every cube's `_span_events`, one by one."""
    summed = Accumulator()
    for span in spans:
        for cube in CUBES:
            for keys, day, delta in _span_events(span, cube):
                summed._changes[(cube_name(cube), keys)][day] += sign * delta
    return summed


def test_the_accumulator_sums_what_the_rule_gives_span_by_span_for_every_cube() -> None:
    rng = random.Random(7)
    days = [
        D(1950, 1, 1),
        D(1950, 1, 2),
        D(1989, 12, 31),
        D(1990, 1, 1),
        D(2019, 12, 31),
        D(2020, 1, 1),
        D(2100, 12, 30),
        D(2100, 12, 31),
    ]

    def day() -> dt.date:
        return rng.choice(days) if rng.random() < 0.3 else D(1950, 1, 1) + dt.timedelta(days=rng.randrange(55_000))

    spans = []
    for number in range(3000):
        start = day()
        # Ends on the days an age band changes (1 January) and around them, too.
        end = rng.choice(
            [None, None, start, start + dt.timedelta(days=rng.randrange(20_000)), D(2100, 12, 31), rng.choice(days)]
        )
        end = None if end is None else max(start, min(end, D(2100, 12, 31)))
        spans.append(
            Span(
                person=f"p{number}",
                start=start,
                end=end,
                region=rng.choice(["130802", "110000", ""]),
                institution_type=rng.choice(["SCHOOL", ""]),
                level=rng.choice(["JUNIOR", "SENIOR"]),
                series=rng.choice(["ENGINEERING", "HEALTH"]),
                grant_year=start.year,
                field=rng.choice(["new-energy", ""]),
                gender=rng.choice(["MALE", "FEMALE", ""]),
                birth_year=rng.choice([None, 1900, 1930, 1960, 1985, 1991, 2000, 2060, 2071]),
            )
        )
    removed = spans[:500]
    fast = Accumulator().add(spans, +1).add(removed, -1).rows()
    slow = _by_events(spans, +1).merge(_by_events(removed, -1)).rows()
    # The same cells and tallies; their order is that in which cells were first met, which is free.
    assert sorted(fast.cells, key=lambda cell: cell["key"]) == sorted(slow.cells, key=lambda cell: cell["key"])
    assert sorted(fast.tallies, key=lambda tally: (tally["cell"], tally["year"])) == sorted(
        slow.tallies, key=lambda tally: (tally["cell"], tally["year"])
    )
    assert len(fast.cells) > 100
