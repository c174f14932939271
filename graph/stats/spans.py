"""A person's talent timeline: the spans of days during which they count as titled staff, and where.

Pure functions over facts read from the graph. A person counts on a day when they hold a title
that is active (granted on or before it, not revoked on or before it) and work at an institution
located in a region, and their record is not withdrawn by then. Where several facts compete on one day
the choice is fixed:

- the *principal employment* is the active one at a located institution that began last
  (an unknown start counts as earliest), ties broken by institution id;
- the *principal title* is the active one of the highest level, then the earliest granted,
  then the smallest certificate number: it gives the level, series and grant year;
- the *principal field* is the field of the highest weight, then the smallest code (fields carry
  no dates, so it holds for the whole timeline).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: The first day statistics know: events before it count from it (titles before 1950 are refused).
EPOCH = dt.date(1950, 1, 1)
#: The last day statistics know: an employment or title ending after it never ends for them.
HORIZON = dt.date(2100, 12, 31)

AGE_BANDS = (
    ("UNDER_30", "30岁以下", "Under 30", 0),
    ("30_39", "30-39岁", "30-39", 30),
    ("40_49", "40-49岁", "40-49", 40),
    ("50_59", "50-59岁", "50-59", 50),
    ("60_PLUS", "60岁及以上", "60 and over", 60),
)


def age_band(birth_year: int | None, year: int) -> str:
    """The age band of someone born in `birth_year` during `year` (age = year - birth year); '' unknown."""
    if birth_year is None:
        return ""
    age = year - birth_year
    return [code for code, _, _, lowest in AGE_BANDS if age >= lowest][-1] if age >= 0 else AGE_BANDS[0][0]


def age_band_changes(birth_year: int | None) -> list[dt.date]:
    """The days on which someone's age band changes (1 January of the year they turn 30, 40…)."""
    if birth_year is None:
        return []
    return [
        dt.date(birth_year + lowest, 1, 1)
        for _, _, _, lowest in AGE_BANDS[1:]
        if EPOCH < dt.date(birth_year + lowest, 1, 1) <= HORIZON
    ]


@dataclass(frozen=True, slots=True)
class Employment:
    institution: str
    region: str | None
    institution_type: str | None
    since: dt.date | None
    until: dt.date | None

    def active(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class HeldTitle:
    certificate_no: str
    level: str
    rank: int
    series: str
    granted_on: dt.date
    revoked_on: dt.date | None

    def active(self, day: dt.date) -> bool:
        return self.granted_on <= day and (self.revoked_on is None or day < self.revoked_on)


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What statistics need of one person, read in one statement."""

    person: str
    gender: str | None
    birth_year: int | None
    field: str | None
    employments: tuple[Employment, ...] = ()
    titles: tuple[HeldTitle, ...] = ()
    withdrawn_on: dt.date | None = None
    """The first day the person no longer counts: their record was withdrawn (graph/records.py)."""


@dataclass(frozen=True, slots=True)
class Span:
    """Days `start`..`end` (inclusive; `end` None: still) during which the person counts, and as what."""

    person: str
    start: dt.date
    end: dt.date | None
    region: str
    institution_type: str
    level: str
    series: str
    grant_year: int
    field: str
    gender: str
    birth_year: int | None

    def properties(self) -> dict[str, object]:
        """The span as stored on a TalentSpan node."""
        return {
            "person": self.person,
            "start": self.start,
            "end": self.end,
            "region": self.region,
            "institutionType": self.institution_type,
            "level": self.level,
            "series": self.series,
            "grantYear": self.grant_year,
            "field": self.field,
            "gender": self.gender,
            "birthYear": self.birth_year,
        }


@dataclass(frozen=True, slots=True)
class _State:
    region: str
    institution_type: str
    level: str
    series: str
    grant_year: int


def principal_employment(employments: tuple[Employment, ...], day: dt.date) -> Employment | None:
    """The employment that places a person on `day` (see the module's rules), or None."""
    active = [e for e in employments if e.region is not None and e.active(day)]
    return max(active, key=lambda e: (e.since or dt.date.min, e.institution), default=None)


def principal_title(titles: tuple[HeldTitle, ...], day: dt.date) -> HeldTitle | None:
    """The title that ranks a person on `day` (see the module's rules), or None."""
    active = [t for t in titles if t.active(day)]
    return min(active, key=lambda t: (-t.rank, t.granted_on, t.certificate_no), default=None)


def _state(facts: PersonFacts, day: dt.date) -> _State | None:
    if facts.withdrawn_on is not None and day >= facts.withdrawn_on:
        return None
    employment = principal_employment(facts.employments, day)
    title = principal_title(facts.titles, day)
    if employment is None or title is None:
        return None
    return _State(
        region=employment.region or "",
        institution_type=employment.institution_type or "",
        level=title.level,
        series=title.series,
        grant_year=title.granted_on.year,
    )


def _changes(facts: PersonFacts) -> list[dt.date]:
    days = {EPOCH}
    for e in facts.employments:
        days.update(d for d in (e.since, e.until and e.until + dt.timedelta(days=1)) if d is not None)
    for t in facts.titles:
        days.update(d for d in (t.granted_on, t.revoked_on) if d is not None)
    if facts.withdrawn_on is not None:
        days.add(facts.withdrawn_on)
    return sorted(d for d in days if EPOCH <= d <= HORIZON)


def talent_spans(facts: PersonFacts) -> list[Span]:
    """The person's spans, in order: consecutive days with the same counting state form one span."""
    spans: list[Span] = []
    current: tuple[_State, dt.date] | None = None
    changes = _changes(facts)
    for day in changes:
        state = _state(facts, day)
        if current is not None and state == current[0]:
            continue
        if current is not None:
            spans.append(_span(facts, *current, day - dt.timedelta(days=1)))
        current = (state, day) if state is not None else None
    if current is not None:
        spans.append(_span(facts, *current, None))
    return spans


def _span(facts: PersonFacts, state: _State, start: dt.date, end: dt.date | None) -> Span:
    return Span(
        person=facts.person,
        start=start,
        end=end,
        region=state.region,
        institution_type=state.institution_type,
        level=state.level,
        series=state.series,
        grant_year=state.grant_year,
        field=facts.field or "",
        gender=facts.gender or "",
        birth_year=facts.birth_year,
    )
