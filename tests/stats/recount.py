"""A brute-force recount of titled staff straight from the graph's raw facts: the oracle of the statistics tests.

Written apart from graph/stats on purpose: it reads people, employments and titles as they are and
applies the definitions day by day, person by person.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

RAW = {
    "people": """MATCH (p:Person) RETURN p.id AS id, p.gender AS gender, p.birthYear AS birthYear,
                 p.withdrawnOn AS withdrawnOn,
                 [(p)-[x:EXPERT_IN]->(f:Field) | [coalesce(x.weight, 0.0), f.code]] AS fields""",
    "jobs": """MATCH (p:Person)-[w:WORKS_AT]->(i:Institution)-[:LOCATED_IN]->(r:Region)
               RETURN p.id AS person, i.id AS institution, i.type AS type, r.code AS region, w.since AS since,
                      w.until AS until""",
    "titles": """MATCH (p:Person)-[:HOLDS]->(t:Title), (l:TitleLevel {code: t.level})
                 RETURN p.id AS person, t.certificateNo AS no, t.level AS level, l.rank AS rank, t.series AS series,
                        t.grantedOn AS grantedOn, t.revokedOn AS revokedOn""",
    "regions": "MATCH (r:Region) OPTIONAL MATCH (r)-[:PART_OF]->(q:Region) RETURN r.code AS code, q.code AS parent",
}


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def read_raw(cypher: Any) -> dict[str, list[dict[str, Any]]]:
    return {name: [{k: _native(v) for k, v in row.items()} for row in cypher(text)] for name, text in RAW.items()}


def _band(birth_year: int | None, year: int) -> str:
    if birth_year is None:
        return ""
    age = year - birth_year
    return (
        "UNDER_30" if age < 30 else "30_39" if age < 40 else "40_49" if age < 50 else "50_59" if age < 60 else "60_PLUS"
    )


def recount(
    raw: dict[str, list[dict[str, Any]]], as_of: dt.date, region: str, group_by: list[str]
) -> Counter[tuple[str, ...]]:
    """Titled staff in `region` (and within it) on `as_of`, by `group_by`, counted person by person."""
    inside, changed = {region}, True
    while changed:
        before = len(inside)
        inside |= {r["code"] for r in raw["regions"] if r["parent"] in inside}
        changed = len(inside) != before
    counts: Counter[tuple[str, ...]] = Counter()
    for person in raw["people"]:
        if person["withdrawnOn"] is not None and person["withdrawnOn"] <= as_of:
            continue
        jobs = [
            j
            for j in raw["jobs"]
            if j["person"] == person["id"]
            and (j["since"] is None or j["since"] <= as_of)
            and (j["until"] is None or as_of <= j["until"])
        ]
        titles = [
            t
            for t in raw["titles"]
            if t["person"] == person["id"]
            and t["grantedOn"] <= as_of
            and (t["revokedOn"] is None or as_of < t["revokedOn"])
        ]
        if not jobs or not titles:
            continue
        job = sorted(jobs, key=lambda j: (j["since"] or dt.date.min, j["institution"]))[-1]
        if job["region"] not in inside:
            continue
        title = sorted(titles, key=lambda t: (-t["rank"], t["grantedOn"], t["no"]))[0]
        fields = sorted(person["fields"], key=lambda f: (-f[0], f[1]))
        values = {
            "REGION": job["region"],
            "TITLE_LEVEL": title["level"],
            "TITLE_SERIES": title["series"],
            "GRANT_YEAR": str(title["grantedOn"].year),
            "FIELD": fields[0][1] if fields else "",
            "INSTITUTION_TYPE": job["type"] or "",
            "GENDER": person["gender"] or "",
            "AGE_BAND": _band(person["birthYear"], as_of.year),
        }
        counts[tuple(values[d] for d in group_by)] += 1
    return counts
