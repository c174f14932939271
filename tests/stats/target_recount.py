"""A brute-force recount of the targets counted from certifications, projects per year and indicator figures.

Written apart from graph/stats on purpose: it reads the raw records as they are and applies the plan's
definitions in Python, day by day and record by record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

RAW = {
    "certifications": """MATCH (c:Certification)-[:CERTIFIES]->(i:Institution)-[:LOCATED_IN]->(r:Region)
                         RETURN i.id AS institution, r.code AS region, c.status AS status, c.validFrom AS start,
                                c.validUntil AS end""",
    "projects": """MATCH (i:Institution)-[:RAN]->(p:Project), (i)-[:LOCATED_IN]->(r:Region)
                   RETURN DISTINCT p.id AS id, p.year AS year, p.withdrawnOn AS withdrawnOn, r.code AS region""",
    "figures": """MATCH (f:IndicatorFigure) RETURN f.indicator AS indicator, f.region AS region, f.year AS year,
                         f.amount AS amount, f.reportedOn AS reportedOn""",
    "regions": "MATCH (r:Region) OPTIONAL MATCH (r)-[:PART_OF]->(q:Region) RETURN r.code AS code, q.code AS parent",
}


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def read_raw(cypher: Any) -> dict[str, list[dict[str, Any]]]:
    return {name: [{k: _native(v) for k, v in row.items()} for row in cypher(text)] for name, text in RAW.items()}


def within(raw: dict[str, list[dict[str, Any]]], region: str) -> set[str]:
    """`region` and every region below it, walking PART_OF upward from each region."""
    parent = {row["code"]: row["parent"] for row in raw["regions"]}
    found = set()
    for code in parent:
        step: str | None = code
        while step is not None:
            if step == region:
                found.add(code)
                break
            step = parent.get(step)
    return found


def certified(raw: dict[str, list[dict[str, Any]]], status: str, region: str, day: dt.date) -> int:
    """Institutions in `region` holding a certificate of `status` valid on `day`."""
    regions = within(raw, region)
    return len(
        {
            c["institution"]
            for c in raw["certifications"]
            if c["status"] == status
            and c["region"] in regions
            and c["start"] <= day
            and (c["end"] is None or day <= c["end"])
        }
    )


def projects_of_year(raw: dict[str, list[dict[str, Any]]], year: int, region: str, as_of: dt.date) -> int:
    """Projects of `year` run in `region`, counting on `as_of` (begun by then, not withdrawn)."""
    regions = within(raw, region)
    return len(
        {
            p["id"]
            for p in raw["projects"]
            if p["year"] == year
            and p["region"] in regions
            and dt.date(year, 1, 1) <= as_of
            and (p["withdrawnOn"] is None or as_of < p["withdrawnOn"])
        }
    )


def figure(raw: dict[str, list[dict[str, Any]]], indicator: str, region: str, year: int, as_of: dt.date) -> int | None:
    """The figure for `region` and `year` as known on `as_of`: the latest report made by then."""
    known = [
        f
        for f in raw["figures"]
        if f["indicator"] == indicator and f["region"] == region and f["year"] == year and f["reportedOn"] <= as_of
    ]
    return max(known, key=lambda f: f["reportedOn"])["amount"] if known else None
