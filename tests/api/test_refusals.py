"""Refusals: partial data, rate limits, timeouts as clear errors, and how each is logged."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.builders import institution
from tests.conftest import post_graphql


def test_a_refused_field_leaves_the_rest_of_the_response(client: TestClient, keys) -> None:
    response = post_graphql(client, "{ auditTrail { totalCount } titleLevels { code } }", key=keys("analyst"))
    body = response.json()
    assert response.status_code == 200
    assert body["data"]["auditTrail"] is None
    assert body["data"]["titleLevels"][0]["code"] == "SENIOR"
    [error] = body["errors"]
    assert error["path"] == ["auditTrail"] and error["message"].startswith("auditTrail needs a key with the role admin")


@pytest.mark.parametrize(
    "query",
    [
        "{ people { totalCount } }",
        "{ institutions { totalCount } }",
        "{ teams { totalCount } }",
        "{ platforms { totalCount } }",
        "{ visits { totalCount } }",
        "{ auditTrail { totalCount } }",
        '{ searchExperts(query: "wang") { totalCount } }',
        '{ collaborators(personId: "nobody") { score } }',
        '{ institutionsNeeding(field: "hawthorn") { name } }',
    ],
)
def test_every_root_field_an_anonymous_caller_may_not_read_is_null_beside_the_others(
    client: TestClient, query: str
) -> None:
    field = query.split()[1].split("(")[0]
    body = post_graphql(client, query.replace("{ ", "{ titleSeries { code } ", 1), key=None).json()
    assert body["data"][field] is None and len(body["data"]["titleSeries"]) == 21, body
    assert [error["path"] for error in body["errors"]] == [[field]]


def test_an_expected_refusal_is_logged_in_one_line_without_a_traceback(client: TestClient, caplog) -> None:
    caplog.set_level(logging.INFO)
    post_graphql(client, "{ auditTrail { totalCount } }", key=None)
    post_graphql(client, "{ noSuchField }", key=None)
    post_graphql(client, '{ people(after: "forged") { totalCount } }')
    # Beside each request's access line (server/metrics.py), which says nothing of the refusal.
    ours = [
        record
        for record in caplog.records
        if record.name.startswith(("talentgraph", "strawberry")) and record.name != "talentgraph.access"
    ]
    assert len(ours) == 3, [record.getMessage() for record in ours]
    for record in ours:
        assert record.levelno == logging.INFO and record.exc_info is None
        assert "\n" not in record.getMessage()


def test_an_unexpected_error_is_logged_with_its_traceback(settings, neo4j_connection, caplog) -> None:
    from graph.runtime import Neo4jConnection
    from server.app import create_app

    missing = Neo4jConnection(neo4j_connection.uri, neo4j_connection.user, neo4j_connection.password, "nosuchdb")
    with TestClient(create_app(settings, missing)) as client:
        post_graphql(client, "{ regions { code } }", key=None)
    [record] = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert record.exc_info is not None and "regions" in record.getMessage()


def test_api_keys_are_never_logged(client: TestClient, keys, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    secret = keys("analyst")
    post_graphql(client, "{ auditTrail { totalCount } people { totalCount } }", key=secret)
    post_graphql(client, "{ titleLevels { code } }", key=secret + "x")
    post_graphql(client, "{ noSuchField }", key=secret)
    assert caplog.records and secret not in caplog.text


def rate_limited_client(settings, neo4j_connection, **limits: str) -> TestClient:
    from server.app import create_app

    return TestClient(create_app(settings.model_copy(update=limits), neo4j_connection))


def test_an_address_over_its_limit_gets_429_with_retry_after(settings, neo4j_connection) -> None:
    with rate_limited_client(settings, neo4j_connection, rate_limit_address="3/minute") as client:
        statuses = [post_graphql(client, "{ titleLevels { code } }", key=None).status_code for _ in range(4)]
        refused = post_graphql(client, "{ titleLevels { code } }", key=None)
        health = client.get("/healthz")
    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.json()["errors"][0]["message"].startswith(
        "Too many requests from this address: at most 3 per 1 minute"
    )
    assert health.status_code == 200


def test_a_key_over_its_limit_gets_429_and_other_keys_go_on(settings, neo4j_connection, keys) -> None:
    first, second = keys("analyst"), keys("analyst")
    with rate_limited_client(settings, neo4j_connection, rate_limit_key="2/minute") as client:
        statuses = [post_graphql(client, "{ titleLevels { code } }", key=first).status_code for _ in range(3)]
        other = post_graphql(client, "{ titleLevels { code } }", key=second)
        anonymous = post_graphql(client, "{ titleLevels { code } }", key=None)
    assert statuses == [200, 200, 429]
    assert other.status_code == 200 and anonymous.status_code == 200


def test_a_mutation_stopped_at_the_timeout_is_a_clear_error_in_production(
    settings, neo4j_connection, graph_driver, cypher
) -> None:
    from server.app import create_app

    institution(cypher, "cd", "承德山楂研究所", "130802", "INSTITUTE")
    production = settings.model_copy(update={"mode": "production", "auth": False, "query_timeout_seconds": 1.0})
    mutation = 'mutation { updatePerson(id: "p1", input: {name: "李四"}) { __typename } }'
    cypher("CREATE (:Person {id: 'p1', name: '张三'})")
    with graph_driver.session(database=neo4j_connection.database) as session:
        holder = session.begin_transaction()
        try:
            holder.run("MATCH (p:Person {id: 'p1'}) SET p.held = true").consume()
            with TestClient(create_app(production, neo4j_connection)) as client:
                started = time.monotonic()
                body: dict[str, Any] = post_graphql(client, mutation).json()
                waited = time.monotonic() - started
        finally:
            holder.rollback()
    assert body["errors"][0]["message"].startswith("The database stopped this request after 1 s")
    assert waited < 60
    assert cypher("MATCH (p:Person {id: 'p1'}) RETURN p.name AS name") == [{"name": "张三"}]
