"""Build small graphs for tests straight in Cypher (reference data is already loaded)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

Cypher = Callable[..., list[dict[str, Any]]]


def institution(
    cypher: Cypher, id: str, name: str, region: str, type: str = "ENTERPRISE", fields: tuple[str, ...] = ()
) -> str:
    cypher(
        """MATCH (r:Region {code: $region})
              CREATE (i:Institution {id: $id, name: $name, type: $type, highTech: false, techSme: false})
                     -[:LOCATED_IN]->(r)
              WITH i UNWIND $fields AS code MATCH (f:Field {code: code}) CREATE (i)-[:FOCUSES_ON]->(f)""",
        id=id,
        name=name,
        region=region,
        type=type,
        fields=list(fields),
    )
    return id


def person(
    cypher: Cypher,
    id: str,
    name: str,
    pinyin: str,
    institution: str | None = None,
    fields: tuple[str, ...] = (),
    titles: tuple[tuple[str, str, str, str], ...] = (),
    birth_year: int = 1980,
) -> str:
    """A person; `titles` are (certificateNo, series, level, grantedOn)."""
    cypher(
        """CREATE (p:Person {id: $id, name: $name, pinyin: $pinyin, birthYear: $birthYear,
                                consentToContact: false})
              WITH p CALL (p) { MATCH (i:Institution {id: $institution})
                                CREATE (p)-[:WORKS_AT {since: date('2015-01-01')}]->(i) }
              CALL (p) { UNWIND $fields AS code MATCH (f:Field {code: code}) CREATE (p)-[:EXPERT_IN {weight: 1.0}]->(f) }
              CALL (p) { UNWIND $titles AS t
                         CREATE (p)-[:HOLDS]->(:Title {certificateNo: t[0], series: t[1], level: t[2],
                                                       name: t[1] + t[2], grantedOn: date(t[3]), directed: false}) }""",
        id=id,
        name=name,
        pinyin=pinyin,
        birthYear=birth_year,
        institution=institution,
        fields=list(fields),
        titles=[list(t) for t in titles],
    )
    return id


def api_key(cypher: Cypher, role: str, institution: str | None = None) -> str:
    """An active API key of `role` (bound to `institution`); returns its secret."""
    from graph.keys import hash_secret

    secret = f"tg_test_{uuid.uuid4().hex}"
    cypher(
        "CREATE (:ApiKey {id: $id, hash: $hash, role: $role, institution: $institution, createdAt: datetime()})",
        id=uuid.uuid4().hex[:12],
        hash=hash_secret(secret),
        role=role,
        institution=institution,
    )
    return secret


def count_nodes(cypher: Cypher) -> dict[str, int]:
    """Nodes and relationships with their properties: to prove that a refused write changed nothing."""
    nodes = cypher(
        "MATCH (n) WITH n ORDER BY elementId(n) "
        "RETURN labels(n) AS labels, count(*) AS n, collect(properties(n)) AS props"
    )
    relationships = cypher("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n, collect(properties(r)) AS props")
    return {
        **{":".join(sorted(row["labels"])): (row["n"], str(row["props"])) for row in nodes},
        **{row["type"]: (row["n"], str(sorted(map(str, row["props"])))) for row in relationships},
    }
