"""The GraphQL-over-HTTP specification: media types, status codes, GET for queries only."""

from __future__ import annotations

import json

from starlette.testclient import TestClient

GRAPHQL_RESPONSE = "application/graphql-response+json"


def post(client: TestClient, body: object, accept: str = GRAPHQL_RESPONSE, **kwargs: object):
    return client.post(
        "/graphql", content=json.dumps(body), headers={"accept": accept, "content-type": "application/json"}, **kwargs
    )


def test_valid_query_answers_200_in_graphql_response_json(client: TestClient) -> None:
    response = post(client, {"query": "{ titleLevels { code } }"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert response.json()["data"]["titleLevels"][0]["code"] == "SENIOR"


def test_unparseable_document_is_400_without_data(client: TestClient) -> None:
    response = post(client, {"query": "{ titleLevels { code "})
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body and "Syntax Error" in body["errors"][0]["message"]


def test_invalid_document_is_400_without_data(client: TestClient) -> None:
    response = post(client, {"query": "{ noSuchField }"})
    assert response.status_code == 400
    assert "data" not in response.json()


def test_invalid_document_is_200_for_legacy_application_json(client: TestClient) -> None:
    response = post(client, {"query": "{ noSuchField }"}, accept="application/json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"]


def test_variables_that_do_not_coerce_are_400(client: TestClient) -> None:
    query = "query($id: ID!) { person(id: $id) { name } }"
    response = post(client, {"query": query, "variables": {"id": None}})
    assert response.status_code == 400
    assert "data" not in response.json()


def test_query_over_get_is_answered(client: TestClient) -> None:
    response = client.get(
        "/graphql", params={"query": "{ titleSeries { code } }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 200
    assert len(response.json()["data"]["titleSeries"]) == 21


def test_mutation_over_get_is_refused_with_405(client: TestClient, cypher) -> None:
    mutation = 'mutation { registerInstitution(input: {name: "X", type: OTHER, regionCode: "130802"}) { __typename } }'
    response = client.get("/graphql", params={"query": mutation}, headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert cypher("MATCH (i:Institution) RETURN count(i) AS n")[0]["n"] == 0


def test_browser_get_shows_graphiql(client: TestClient) -> None:
    response = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200 and "graphiql" in response.text.lower()


def test_body_that_is_not_json_is_400(client: TestClient) -> None:
    response = client.post("/graphql", content="{not json", headers={"content-type": "application/json"})
    assert response.status_code == 400


def test_other_content_types_are_415(client: TestClient) -> None:
    response = client.post("/graphql", content="{ titleLevels { code } }", headers={"content-type": "text/plain"})
    assert response.status_code == 415


def test_unacceptable_accept_header_is_406(client: TestClient) -> None:
    response = post(client, {"query": "{ titleLevels { code } }"}, accept="text/csv")
    assert response.status_code == 406


def test_request_without_query_is_400(client: TestClient) -> None:
    assert post(client, {"variables": {}}).status_code == 400


def test_healthz_reports_neo4j(client: TestClient) -> None:
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and (body["status"], body["neo4j"]) == ("ok", True)
    assert 0 <= body["answeredSecondsAgo"] < 4, body
