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
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Reference:
    """The reference trees people are placed in: fields, regions (each with itself and all above), level ranks.

    What a set of fields or regions gives a document is remembered: a load's people share a few hundred."""

    fields: Mapping[str, FieldEntry]
    regions: Mapping[str, tuple[str, ...]]
    ranks: Mapping[str, int]
    _by_fields: dict[tuple[str, ...], tuple[list[str], list[str]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _by_regions: dict[tuple[str, ...], list[str]] = field(default_factory=dict, compare=False, repr=False)

    def covers(self, facts: Facts) -> bool:
        """Whether every field and region these facts name is in the trees."""
        return all(code in self.fields for code, _ in facts.fields) and all(
            region in self.regions for job in facts.jobs for region in job.at.regions
        )

    def field_terms(self, codes: tuple[str, ...]) -> tuple[list[str], list[str]]:
        """`searchFields` and `searchFieldCodes` of a person with these fields."""
        terms = self._by_fields.get(codes)
        if terms is None:
            entries = [self.fields[code] for code in codes]
            terms = (
                sorted(entry.text for entry in entries if entry.text is not None),
                sorted(token(code) for code in codes)
                + sorted({"under_" + token(above) for entry in entries for above in entry.above}),
            )
            self._by_fields[codes] = terms
        return list(terms[0]), list(terms[1])

    def region_terms(self, located: tuple[str, ...]) -> list[str]:
        """`searchRegions` of a person whose current employers are located in these regions."""
        terms = self._by_regions.get(located)
        if terms is None:
            terms = sorted({code for region in located for code in self.regions.get(region, ())})
            self._by_regions[located] = terms
        return list(terms)


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


# Jobs, titles and facts are values, but not frozen: a bulk load builds hundreds of thousands of each, and a
# frozen dataclass takes several times as long to build.
@dataclass(slots=True)
class Job:
    """An employment: where, and from and until when (None: not recorded, or still)."""

    at: Workplace
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(slots=True)
class Title:
    """A title held, as recorded (its level may be one the reference does not know)."""

    certificate_no: str
    level: str
    series: str
    granted_on: dt.date | None
    revoked_on: dt.date | None = None


@dataclass(slots=True)
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
    withdrawn_on: dt.date | None = None
    """The first day they no longer count: their record was withdrawn (graph/records.py)."""


@dataclass(slots=True)
class Derived:
    """A person's search document (properties of their node) and talent spans."""

    document: dict[str, Any]
    spans: list[Span]


def derive(facts: Facts, reference: Reference) -> Derived:
    """The search document and talent spans of a person with these facts (see the module's rules)."""
    pinyin = facts.pinyin or ""
    # A withdrawn person's document keeps no place: no search or suggestion finds them from then on.
    current = [] if facts.withdrawn_on is not None else [job.at for job in facts.jobs if job.until is None]
    ranks = reference.ranks
    ranked = [(ranks[t.level], t.level) for t in facts.titles if t.revoked_on is None and t.level in ranks]
    top = max(ranked) if ranked else None
    search_fields, field_codes = reference.field_terms(tuple([code for code, _ in facts.fields]))
    located = current[0].regions if len(current) == 1 else tuple([r for place in current for r in place.regions])
    document: dict[str, Any] = {
        "pinyinCompact": compact(pinyin),
        "pinyinInitials": initials(pinyin),
        "searchFields": search_fields,
        "searchInstitution": sorted([place.name for place in current if place.name is not None]),
        "searchKeywords": list(facts.keywords),
        "searchRegions": reference.region_terms(located),
        "searchFieldCodes": field_codes,
        "searchLevel": [token(top[1])] if top else [],
        "levelRank": top[0] if top else 0,
    }
    fields = facts.fields
    principal = (fields[0] if len(fields) == 1 else min(fields, key=lambda f: (-f[1], f[0])))[0] if fields else None
    # Positional arguments, in the order the classes declare them: this runs for every person of a load.
    employments = tuple(
        [
            Employment(job.at.id, job.at.regions[0] if job.at.regions else None, job.at.type, job.since, job.until)
            for job in facts.jobs
        ]
    )
    titles = tuple(
        [
            HeldTitle(t.certificate_no, t.level, ranks[t.level], t.series, t.granted_on, t.revoked_on)
            for t in facts.titles
            if t.level in ranks and t.granted_on is not None
        ]
    )
    counted = PersonFacts(facts.id, facts.gender, facts.birth_year, principal, employments, titles, facts.withdrawn_on)
    return Derived(document, talent_spans(counted))
