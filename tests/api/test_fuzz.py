"""Generated queries and mutations (hypothesis-graphql) against the real app and Neo4j: never a 5xx, never a
masked "Unexpected error.", for an administrator and for an anonymous caller.

Bounded for CI (FUZZ_EXAMPLES each, about a minute in all on the 2-core machine); bench/fuzz.py runs
the same for longer.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import graphql
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, queries
from starlette.testclient import TestClient

from server.schema import schema
from tests.builders import institution, person
from tests.conftest import bearer

FUZZ_EXAMPLES = int(os.environ.get("TALENTGRAPH_FUZZ_EXAMPLES", "15"))
SDL = schema.as_str()
SCALARS = {
    "Date": st.dates().map(lambda day: graphql.StringValueNode(value=day.isoformat())),
    "DateTime": st.datetimes().map(lambda moment: graphql.StringValueNode(value=moment.isoformat())),
    # Amounts in yuan: JSON integers or digit strings, beyond the exact range too.
    "BigInt": st.one_of(
        st.integers(-(10**17), 10**17).map(lambda n: graphql.IntValueNode(value=str(n))),
        st.from_regex(r"-?[0-9]{1,20}", fullmatch=True).map(lambda text: graphql.StringValueNode(value=text)),
    ),
}
STRATEGIES = {"query": queries, "mutation": mutations}


@pytest.fixture(scope="module")
def production_client(neo4j_connection: Any, tmp_path_factory: Any) -> Iterator[TestClient]:
    from graph.settings import Settings
    from server.app import create_app

    production = Settings(
        data_dir=tmp_path_factory.mktemp("fuzz"),
        id_salt="test-salt",
        mode="production",
        neo4j_uri=None,
        query_timeout_seconds=120,
        rate_limit_address="",
        rate_limit_key="",
    )
    with TestClient(create_app(production, neo4j_connection)) as client:
        yield client


@pytest.fixture(scope="module")
def world(graph_driver: Any, neo4j_connection: Any) -> Iterator[None]:
    """A few records for generated queries to find (ids the generator does not guess still miss)."""

    def cypher(statement: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = graph_driver.execute_query(statement, params, database_=neo4j_connection.database)
        return [record.data() for record in records]

    institution(cypher, "fuzz-i", "承德模糊研究所", "130802", "INSTITUTE", ("hawthorn",))
    person(
        cypher,
        "fuzz-p",
        "张伟",
        "zhang wei",
        "fuzz-i",
        ("hawthorn",),
        (("FZ-1", "ENGINEERING", "SENIOR", "2020-01-01"),),
    )
    yield
    cypher("MATCH (n) WHERE n.id STARTS WITH 'fuzz-' OR n:AuditEntry OR n:Title DETACH DELETE n")


def check(client: TestClient, document: str, headers: dict[str, str]) -> None:
    response = client.post(
        "/graphql", json={"query": document}, headers={"accept": "application/graphql-response+json", **headers}
    )
    assert response.status_code < 500, (document, response.text)
    assert "Unexpected error." not in response.text, (document, response.text)


FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.parametrize(
    ("role", "kind", "mode"),
    [
        ("admin", "query", Mode.POSITIVE),
        ("admin", "mutation", Mode.POSITIVE),
        ("anonymous", "query", Mode.POSITIVE),
        ("anonymous", "mutation", Mode.POSITIVE),
        ("anonymous", "query", Mode.NEGATIVE),
    ],
)
def test_generated_documents_get_no_5xx_and_no_masked_error(
    production_client: TestClient, world: None, keys: Any, role: str, kind: str, mode: Mode
) -> None:
    headers = bearer(keys("admin")) if role == "admin" else {}

    @FUZZ
    @given(document=STRATEGIES[kind](SDL, custom_scalars=SCALARS, mode=mode))
    def run(document: str) -> None:
        check(production_client, document, headers)

    run()
