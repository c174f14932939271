"""GraphQL protections: depth, alias, token and page-size limits; error masking; introspection switch."""

from __future__ import annotations

from graphql import get_introspection_query
from starlette.testclient import TestClient

from graph.runtime import Neo4jConnection
from tests.conftest import post_graphql


def refusal(client: TestClient, query: str) -> str:
    response = post_graphql(client, query)
    assert response.status_code == 400 and "data" not in response.json(), response.text
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    return str(response.json()["errors"][0]["message"])


def test_query_twenty_levels_deep_is_refused(client: TestClient) -> None:
    query = "{ regions " + "{ children " * 19 + "{ code }" + " }" * 19 + " }"
    assert refusal(client, query) == "'anonymous' exceeds maximum operation depth of 12"


def test_query_within_the_depth_limit_is_answered(client: TestClient) -> None:
    query = "{ regions " + "{ children " * 10 + "{ code }" + " }" * 10 + " }"
    assert post_graphql(client, query).status_code == 200


def test_a_thousand_aliases_are_refused(client: TestClient) -> None:
    query = "{ " + " ".join(f"a{n}: __typename" for n in range(1000)) + " }"
    assert refusal(client, query) == "1000 aliases found. Allowed: 50"


def test_a_document_of_more_than_five_thousand_tokens_is_refused(client: TestClient) -> None:
    query = "{ titleLevels { " + "code " * 6000 + "} }"
    assert refusal(client, query) == "Syntax Error: Document contains more than 5000 tokens. Parsing aborted."


def test_a_page_of_a_million_is_refused(client: TestClient) -> None:
    response = post_graphql(client, "{ people(first: 1000000) { totalCount } }")
    assert response.json()["errors"][0]["message"] == "first must be between 0 and 500."
    assert response.json()["errors"][0]["extensions"]["field"] == "first"


def test_graphiql_introspection_query_passes_the_limits(client: TestClient) -> None:
    response = post_graphql(client, get_introspection_query(descriptions=True))
    assert response.status_code == 200 and "errors" not in response.json()


def test_introspection_can_be_switched_off(settings, neo4j_connection, keys) -> None:
    from server.app import create_app

    with TestClient(create_app(settings.model_copy(update={"introspection": False}), neo4j_connection)) as client:
        response = post_graphql(client, "{ __schema { types { name } } }", key=None)
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "Introspection is disabled on this server."


def missing_database(connection: Neo4jConnection) -> Neo4jConnection:
    """The test server, but a database it does not have: every statement fails at once, unexpectedly."""
    return Neo4jConnection(connection.uri, connection.user, connection.password, "nosuchdatabase")


def test_unexpected_errors_are_masked_in_production(settings, neo4j_connection) -> None:
    from server.app import create_app

    production = settings.model_copy(update={"mode": "production"})
    with TestClient(create_app(production, missing_database(neo4j_connection))) as client:
        body = post_graphql(client, "{ regions { code } }", key=None).json()
    assert [error["message"] for error in body["errors"]] == ["Unexpected error."]


def test_unexpected_errors_are_shown_in_development(settings, neo4j_connection) -> None:
    from server.app import create_app

    with TestClient(create_app(settings, missing_database(neo4j_connection))) as client:
        body = post_graphql(client, "{ regions { code } }", key=None).json()
    assert "Unexpected error." not in body["errors"][0]["message"]
    assert "nosuchdatabase" in body["errors"][0]["message"]


def test_expected_errors_stay_readable_in_production(settings, neo4j_connection, keys) -> None:
    from server.app import create_app

    production = settings.model_copy(update={"mode": "production"})
    with TestClient(create_app(production, neo4j_connection)) as client:
        body = post_graphql(client, "{ people { totalCount } }", key=None).json()
    assert body["errors"][0]["message"].startswith("people needs a key with the role admin")
