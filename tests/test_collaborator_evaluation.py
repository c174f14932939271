"""The offline evaluation of collaborator suggestions (bench/collaborators_eval.py) on a small city:
the production ranking must find at least as many of the held-out partners as the best baseline."""

from __future__ import annotations

import asyncio
from typing import Any

from bench.collaborators_eval import BASELINES, PRODUCTION, evaluate, held_out, load_city, table
from graph.runtime import Neo4jConnection
from loaders.generate_collaborations import generate_city

PEOPLE, SEED = 2000, 2


def test_production_recall_at_10_is_at_least_the_best_baselines_on_a_city_as_of_its_cut_off(
    neo4j_connection: Neo4jConnection, cypher: Any
) -> None:
    city = generate_city(PEOPLE, SEED)
    truth = held_out(city)
    assert truth.pairs > 0 and truth.people and truth.institutions

    async def run() -> str:
        db = neo4j_connection.open(timeout=600)
        try:
            await load_city(db, city, quiet=True)
            evaluation = await evaluate(db, city, subjects=80, seed=SEED)
        finally:
            await db.close()
        later = cypher(
            """MATCH ()-[r:MEMBER_OF|ROLE_AT]->() WHERE r.since >= $cut RETURN count(r) AS n
               UNION ALL MATCH (j:Project) WHERE j.year >= $year RETURN count(j) AS n""",
            cut=city.cutoff,
            year=city.cutoff.year,
        )
        assert [row["n"] for row in later] == [0, 0]
        production = evaluation.recall(PRODUCTION)
        best = max(evaluation.recall(name) for name in BASELINES)
        assert production >= best, table(evaluation)
        return table(evaluation)

    print(asyncio.run(run()))
