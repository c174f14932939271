"""Loading the demo (loaders/demo.py) on a small demo city: once, again, and over an older version's demo."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from graph.demo import MARKER
from graph.runtime import Neo4jConnection
from graph.settings import Settings
from graph.stats.maintain import rebuild_talent_stats
from graph.stats.verify import verify_talent_stats
from loaders.demo import load_demo
from tests.builders import institution, person

PEOPLE = 300


def run(connection: Neo4jConnection, work: Any) -> Any:
    async def go() -> Any:
        db = connection.open(timeout=900)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(go())


def demo_counts(cypher) -> dict[str, int]:
    rows = cypher(
        "MATCH (n) WHERE n.id STARTS WITH 'DEMO-' OR n.certificateNo STARTS WITH 'DEMO-' "
        "RETURN labels(n)[0] AS label, count(*) AS n"
    )
    return {row["label"]: row["n"] for row in rows}


def test_the_demo_loads_once_and_a_second_start_writes_nothing(
    neo4j_connection: Neo4jConnection, cypher, settings: Settings
) -> None:
    first = run(neo4j_connection, lambda db: load_demo(db, settings, PEOPLE, quiet=True))
    counts = demo_counts(cypher)
    entries = cypher("MATCH (a:AuditEntry) RETURN count(a) AS n")[0]["n"]
    again = run(neo4j_connection, lambda db: load_demo(db, settings, PEOPLE, quiet=True))
    assert first.loaded and not again.loaded
    assert counts["Person"] >= PEOPLE and counts["Team"] and counts["Visit"] and counts["Title"] >= PEOPLE
    assert demo_counts(cypher) == counts and cypher("MATCH (a:AuditEntry) RETURN count(a) AS n")[0]["n"] == entries
    moved = cypher(
        "MATCH (p:Person)-[w:WORKS_AT]->() WHERE p.id STARTS WITH 'DEMO-' AND w.until IS NOT NULL RETURN count(*) AS n"
    )
    assert moved[0]["n"] > 0


def test_a_start_that_finds_another_versions_demo_replaces_it_and_leaves_everything_else(
    neo4j_connection: Neo4jConnection, cypher, settings: Settings
) -> None:
    institution(cypher, "i-own", "承德医学院", "130802", "UNIVERSITY")
    person(cypher, "own", "张伟", "zhang wei", "i-own", (), (("OWN-1", "HEALTH", "SENIOR", "2022-01-01"),))
    run(neo4j_connection, lambda db: load_demo(db, settings, PEOPLE, quiet=True))
    run(neo4j_connection, rebuild_talent_stats)  # the hand-made person counted, as a load would have
    counts = demo_counts(cypher)
    # An older release's demo: its marker says another version, and it held a record this one has not.
    cypher("MATCH (d:DemoData {id: $id}) SET d.version = 'older'", id=MARKER)
    cypher("CREATE (:Team {id: 'DEMO-T9999', name: '旧版演示团队', status: 'submitted'})")
    replaced = run(neo4j_connection, lambda db: load_demo(db, settings, PEOPLE, quiet=True))
    assert replaced.loaded
    assert demo_counts(cypher) == counts
    assert cypher("MATCH (p:Person {id: 'own'})-[:WORKS_AT]->(:Institution {id: 'i-own'}) RETURN p.name AS name") == [
        {"name": "张伟"}
    ]
    assert run(neo4j_connection, lambda db: verify_talent_stats(db, dt.date(2025, 6, 30), "130800")) == []
