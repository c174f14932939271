"""On random graphs, every figure of talentStats and titled-staff equals a brute-force recount:
after a rebuild, after incremental writes through the mutations, and as of days in the past."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

from graph.access import OPERATOR
from graph.database import Database
from graph.people import PersonChanges, update_person
from graph.stats.plans import list_plans
from graph.stats.progress import progress
from graph.stats.talent import talent_stats
from graph.stats.verify import verify_talent_stats
from graph.titles import TitleGrant, grant_title, revoke_title
from tests.stats.recount import read_raw, recount

REGIONS = ["130802", "130803", "130821", "130822", "130826", "130828", "130881", "130871", "130800", "110000", "120000"]
TYPES = ["UNIVERSITY", "INSTITUTE", "ENTERPRISE", "HOSPITAL", "SCHOOL", "GOVERNMENT", None]
LEVELS = ["SENIOR", "DEPUTY_SENIOR", "INTERMEDIATE", "ASSISTANT", "JUNIOR"]
SERIES = ["ENGINEERING", "HEALTH", "HIGHER_EDUCATION", "AGRICULTURE", "ECONOMICS"]
FIELDS = ["vanadium-titanium", "new-materials", "edible-fungi", "hawthorn", "digital-economy"]
GROUPINGS = [
    [],
    ["REGION"],
    ["TITLE_LEVEL"],
    ["TITLE_SERIES"],
    ["GRANT_YEAR"],
    ["FIELD"],
    ["INSTITUTION_TYPE"],
    ["GENDER"],
    ["AGE_BAND"],
    ["REGION", "TITLE_LEVEL"],
    ["TITLE_LEVEL", "TITLE_SERIES"],
    ["TITLE_SERIES", "GRANT_YEAR"],
    ["GENDER", "AGE_BAND"],
    ["FIELD", "INSTITUTION_TYPE", "REGION"],
    ["AGE_BAND", "REGION", "TITLE_LEVEL", "TITLE_SERIES", "GRANT_YEAR", "FIELD", "INSTITUTION_TYPE", "GENDER"],
]
SCOPES = ["130800", "130826", "110000", "130000"]


def _day(rng: random.Random, first: int = 1975, last: int = 2024) -> dt.date:
    return dt.date(first, 1, 1) + dt.timedelta(days=rng.randrange((dt.date(last, 12, 31) - dt.date(first, 1, 1)).days))


def build_random_graph(cypher: Any, rng: random.Random, people: int) -> None:
    """Institutions in Chengde's counties, Beijing and Tianjin; people with careers and titles, in Cypher."""
    institutions = [{"id": f"i{n}", "region": rng.choice(REGIONS), "type": rng.choice(TYPES)} for n in range(30)]
    cypher(
        """UNWIND $rows AS row MATCH (r:Region {code: row.region})
              CREATE (:Institution {id: row.id, name: row.id, type: row.type})-[:LOCATED_IN]->(r)""",
        rows=institutions,
    )
    cypher("CREATE (:Institution {id: 'nowhere', name: 'unlocated', type: 'OTHER'})")
    rows = []
    for n in range(people):
        jobs, start = [], _day(rng, 1970, 2020)
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            end = start + dt.timedelta(days=rng.randrange(30, 6000)) if rng.random() < 0.6 else None
            jobs.append(
                {
                    "institution": rng.choice(institutions)["id"] if rng.random() > 0.05 else "nowhere",
                    "since": None if rng.random() < 0.1 else start,
                    "until": end,
                }
            )
            if end is None:
                break
            # Sometimes the next job starts before the last ends: overlapping employments.
            start = end + dt.timedelta(days=rng.randrange(-200, 400))
        titles = []
        for k in range(rng.choice([0, 1, 1, 2, 3, 4])):
            granted = _day(rng, 1978, 2024)
            revoked = granted + dt.timedelta(days=rng.randrange(1, 4000)) if rng.random() < 0.15 else None
            titles.append(
                {
                    "no": f"N{n}-{k}",
                    "level": rng.choice(LEVELS),
                    "series": rng.choice(SERIES),
                    "grantedOn": granted,
                    "revokedOn": revoked if revoked and revoked < dt.date.today() else None,
                }
            )
        if titles and rng.random() < 0.2:
            # Two titles granted the same day at the same level: the certificate number decides.
            titles.append({**titles[0], "no": f"N{n}-same", "series": rng.choice(SERIES)})
        fields = [
            {"code": code, "weight": rng.choice([0.5, 1.0])} for code in rng.sample(FIELDS, rng.choice([0, 1, 2]))
        ]
        rows.append(
            {
                "id": f"p{n:04d}",
                "gender": rng.choice(["MALE", "FEMALE", None]),
                "birthYear": rng.choice([None, *range(1950, 2000)]),
                "jobs": jobs,
                "titles": titles,
                "fields": fields,
            }
        )
    cypher(
        """UNWIND $rows AS row
              CREATE (p:Person {id: row.id, name: row.id, gender: row.gender, birthYear: row.birthYear})
              WITH p, row
              CALL (p, row) { UNWIND row.jobs AS job MATCH (i:Institution {id: job.institution})
                              CREATE (p)-[:WORKS_AT {since: job.since, until: job.until}]->(i) }
              CALL (p, row) { UNWIND row.titles AS t
                              CREATE (p)-[:HOLDS]->(:Title {certificateNo: t.no, level: t.level, series: t.series,
                                                            grantedOn: t.grantedOn, revokedOn: t.revokedOn}) }
              CALL (p, row) { UNWIND row.fields AS f MATCH (field:Field {code: f.code})
                              CREATE (p)-[:EXPERT_IN {weight: f.weight}]->(field) }""",
        rows=rows,
    )


async def _mismatches(db: Database, raw: dict[str, Any], days: list[dt.date]) -> list[str]:
    plan = (await list_plans(db))[0]
    problems = []
    for day in days:
        for scope in SCOPES:
            for grouping in GROUPINGS:
                table = await talent_stats(db, day, scope, grouping)
                expected = recount(raw, day, scope, grouping)
                got = Counter({row.keys: row.count for row in table.rows})
                if got != +expected or table.total != sum(expected.values()):
                    problems.append(
                        f"{day} {scope} {grouping}: got {dict(got)} total {table.total}, expected {dict(expected)}"
                    )
            [titled] = [p for p in await progress(db, plan, scope, day) if p.target.code == "titled-staff"]
            if titled.value != sum(recount(raw, day, scope, []).values()):
                problems.append(f"{day} {scope} progress: {titled.value}")
    return problems


async def _verified(db: Database, days: list[dt.date]) -> list[str]:
    return [problem for day in days for scope in SCOPES for problem in await verify_talent_stats(db, day, scope)]


def _days(rng: random.Random) -> list[dt.date]:
    fixed = [dt.date(1990, 6, 30), dt.date(2015, 12, 31), dt.date(2021, 1, 1), dt.date(2024, 2, 29), dt.date.today()]
    return fixed + [_day(rng, 1980, 2025) for _ in range(3)]


async def _random_writes(db: Database, raw: dict[str, Any], rng: random.Random, writes: int) -> None:
    """Grants, revocations, moves and changes of gender, birth year or fields, through the graph's write functions."""
    people = [p["id"] for p in raw["people"]]
    titles = [t for t in raw["titles"] if t["revokedOn"] is None]
    today = dt.date.today()
    for n in range(writes):
        kind = rng.choice(["grant", "grant", "revoke", "move", "details"])
        person = rng.choice(people)
        if kind == "grant":
            await grant_title(
                db,
                TitleGrant(
                    person=person,
                    certificate_no=f"W{n:05d}",
                    series=rng.choice(SERIES),
                    level=rng.choice(LEVELS),
                    granted_on=_day(rng, 1990, today.year - 1),
                ),
                OPERATOR,
            )
        elif kind == "revoke" and titles:
            title = titles.pop(rng.randrange(len(titles)))
            await revoke_title(
                db,
                title["no"],
                title["grantedOn"] + dt.timedelta(days=rng.randrange(0, 3000))
                if title["grantedOn"] + dt.timedelta(days=3000) < today
                else today,
                None,
                OPERATOR,
            )
        elif kind == "move":
            await update_person(
                db,
                person,
                PersonChanges(institution=f"i{rng.randrange(30)}", since=_day(rng, 2000, today.year - 1)),
                OPERATOR,
            )
        else:
            await update_person(
                db,
                person,
                PersonChanges(
                    gender=rng.choice(["MALE", "FEMALE"]),
                    birth_year=rng.randrange(1955, 2000),
                    fields=rng.sample(FIELDS, rng.choice([0, 1, 2])),
                ),
                OPERATOR,
            )


def test_every_figure_equals_a_recount_after_a_rebuild_and_after_incremental_writes(cypher, on_db, rebuild) -> None:
    rng = random.Random(20211101)
    build_random_graph(cypher, rng, people=260)
    assert rebuild() == 260
    raw = read_raw(cypher)
    days = _days(rng)
    assert on_db(lambda db: _mismatches(db, raw, days)) == []
    assert sum(recount(raw, dt.date(2021, 1, 1), "130800", []).values()) > 40, "the random graph is too thin"
    assert on_db(lambda db: _verified(db, days[:3])) == [], "the operators' Cypher recount agrees too"

    on_db(lambda db: _random_writes(db, raw, rng, writes=120))
    raw = read_raw(cypher)
    assert on_db(lambda db: _mismatches(db, raw, days)) == []

    cells = cypher("MATCH (c:TalentCell) RETURN c.key AS key, c.atYearStart AS years ORDER BY key")
    rebuild()
    rebuilt = cypher("MATCH (c:TalentCell) RETURN c.key AS key, c.atYearStart AS years ORDER BY key")
    assert [c for c in cells if any(c["years"])] == [c for c in rebuilt if any(c["years"])]
