"""What a person's records give: their search document and their talent spans, from one pure function.

`derive(facts, reference)` is the only place either is computed. Its callers differ only in where the
facts come from: graph/derived.py reads them from the graph for every write that changes a person
(cypher/derived/facts.cypher), graph/bulk_people.py builds them from the rows of people new to the graph.
The search document (see cypher/migrations/0004_search.cypher for the index over it) holds:

- the pinyin in its compact and initials forms (graph/names.py);
- `searchFields`: the names of the person's fields ("钒钛新材料 Vanadium-titanium new materials"), sorted;
- `searchInstitution`: the names of their current employers, sorted; `searchKeywords`: their keywords;
- `searchRegions`: the regions of their current employers with every region above, sorted;
- `searchFieldCodes`: their field codes, then `under_<code>` for every field above them, each part sorted;
- `searchLevel`: the code of their highest unrevoked title level, and `levelRank`, its rank (0 without).

Codes become single index tokens (`token`). The talent spans follow graph/stats/spans.py from the
person's employments (an institution's region is the first it is located in, by code), their titles of
a known level with a grant date, and their principal field (highest weight, then smallest code).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph.names import compact, initials
from graph.stats.spans import Employment, HeldTitle, PersonFacts, Span, talent_spans


def token(code: str) -> str:
    """A code as one index token: the search analyzer splits on '-', never on '_', and lower-cases."""
    return code.lower().replace("-", "_")


@dataclass(frozen=True, slots=True)
class FieldEntry:
    """A field of the reference tree: its searchable text and the codes of every field above it."""

    text: str | None
    above: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    """The reference trees people are placed in: fields, regions (each with itself and all above), level ranks."""

    fields: Mapping[str, FieldEntry]
    regions: Mapping[str, tuple[str, ...]]
    ranks: Mapping[str, int]

    def covers(self, facts: Facts) -> bool:
        """Whether every field and region these facts name is in the trees."""
        return all(code in self.fields for code, _ in facts.fields) and all(
            region in self.regions for job in facts.jobs for region in job.at.regions
        )


def reference_from(row: Mapping[str, Any]) -> Reference:
    """The trees from a `derived/reference` row."""
    return Reference(
        fields={field["code"]: FieldEntry(field["text"], tuple(field["above"])) for field in row["fields"]},
        regions={region["code"]: tuple(region["within"]) for region in row["regions"]},
        ranks={level["code"]: level["rank"] for level in row["levels"]},
    )


@dataclass(frozen=True, slots=True)
class Workplace:
    """An institution as far as its staff's documents and spans go."""

    id: str
    name: str | None
    type: str | None
    regions: tuple[str, ...]
    """The codes of the regions it is located in, sorted."""


@dataclass(frozen=True, slots=True)
class Job:
    """An employment: where, and from and until when (None: not recorded, or still)."""

    at: Workplace
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Title:
    """A title held, as recorded (its level may be one the reference does not know)."""

    certificate_no: str
    level: str
    series: str
    granted_on: dt.date | None
    revoked_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything a person's search document and talent spans are derived from."""

    id: str
    pinyin: str | None
    keywords: tuple[str, ...]
    gender: str | None
    birth_year: int | None
    fields: tuple[tuple[str, float], ...]
    """(code, weight) of each field they are an expert in."""
    jobs: tuple[Job, ...]
    titles: tuple[Title, ...]


@dataclass(frozen=True, slots=True)
class Derived:
    """A person's search document (properties of their node) and talent spans."""

    document: dict[str, Any]
    spans: list[Span]


def derive(facts: Facts, reference: Reference) -> Derived:
    """The search document and talent spans of a person with these facts (see the module's rules)."""
    pinyin = facts.pinyin or ""
    codes = [code for code, _ in facts.fields]
    current = [job.at for job in facts.jobs if job.until is None]
    ranks = reference.ranks
    ranked = [(ranks[t.level], t.level) for t in facts.titles if t.revoked_on is None and t.level in ranks]
    top = max(ranked) if ranked else None
    fields = [reference.fields[code] for code in codes]
    document: dict[str, Any] = {
        "pinyinCompact": compact(pinyin),
        "pinyinInitials": initials(pinyin),
        "searchFields": sorted(field.text for field in fields if field.text is not None),
        "searchInstitution": sorted(place.name for place in current if place.name is not None),
        "searchKeywords": list(facts.keywords),
        "searchRegions": sorted(
            {code for place in current for region in place.regions for code in reference.regions.get(region, ())}
        ),
        "searchFieldCodes": sorted(token(code) for code in codes)
        + sorted({"under_" + token(above) for field in fields for above in field.above}),
        "searchLevel": [token(top[1])] if top else [],
        "levelRank": top[0] if top else 0,
    }
    principal = min(facts.fields, key=lambda field: (-field[1], field[0]))[0] if facts.fields else None
    counted = PersonFacts(
        person=facts.id,
        gender=facts.gender,
        birth_year=facts.birth_year,
        field=principal,
        employments=tuple(
            Employment(
                institution=job.at.id,
                region=job.at.regions[0] if job.at.regions else None,
                institution_type=job.at.type,
                since=job.since,
                until=job.until,
            )
            for job in facts.jobs
        ),
        titles=tuple(
            HeldTitle(
                certificate_no=t.certificate_no,
                level=t.level,
                rank=ranks[t.level],
                series=t.series,
                granted_on=t.granted_on,
                revoked_on=t.revoked_on,
            )
            for t in facts.titles
            if t.level in ranks and t.granted_on is not None
        ),
    )
    return Derived(document=document, spans=talent_spans(counted))
