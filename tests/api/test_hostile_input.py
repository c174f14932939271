"""No input gives a 500 or a masked "Unexpected error.": request errors for malformed requests, typed errors
naming the field for mutations."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.builders import institution, person

GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.fixture
def production(settings, neo4j_connection, keys) -> Iterator[TestClient]:
    """The app in production mode (unexpected errors masked), requests with an admin key."""
    from server.app import create_app

    app = create_app(settings.model_copy(update={"mode": "production"}), neo4j_connection)
    with TestClient(app, headers={"authorization": f"Bearer {keys('admin')}"}) as client:
        yield client


def raw(client: TestClient, body: str) -> Any:
    """POST `body` as it is (JSON escapes such as \\ud800 survive)."""
    return client.post(
        "/graphql", content=body, headers={"content-type": "application/json", "accept": GRAPHQL_RESPONSE}
    )


def assert_request_error(response: Any) -> None:
    assert response.status_code == 400, response.text
    assert "Unexpected error." not in response.text and response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "body",
    [
        r'{"query": "{ titleLevels { code } }", "operationName": "\ud800"}',
        r'{"query": "query($l: TitleLevel) { titleLevels { code } } ", "variables": {"l": "\ud800"}}',
        r'{"query": "query($d: Date) { progress(asOf: $d) { code } }", "variables": {"d": "\ud800"}}',
        r'{"query": "{ titleLevels { code } } # \ud800"}',
        r'{"query": "{ region(code: \"\udfff\") { code } }"}',
    ],
    ids=["operationName", "enum variable", "date variable", "query comment", "query argument"],
)
def test_an_unpaired_surrogate_anywhere_is_a_request_error(production: TestClient, body: str) -> None:
    assert_request_error(raw(production, body))


def test_a_surrogate_in_a_get_request_is_no_500(production: TestClient) -> None:
    response = production.get(
        "/graphql?query=%7B%20titleLevels%20%7B%20code%20%7D%20%7D&operationName=%ED%A0%80&variables=%7B%22a%22%3A%22%5Cud800%22%7D",
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert_request_error(response)


def test_deeply_nested_json_is_a_request_error(production: TestClient) -> None:
    assert_request_error(raw(production, "[" * 100_000 + "]" * 100_000))
    deep = '{"query": "{ titleLevels { code } }", "variables": {"v": ' + "[" * 5_000 + "]" * 5_000 + "}}"
    assert_request_error(raw(production, deep))


def test_nested_variables_within_the_json_limit_are_refused_by_their_type(production: TestClient) -> None:
    variables = {"regions": json.loads("[" * 900 + "]" * 900)}
    response = production.post(
        "/graphql",
        json={
            "query": "query($regions: [String!]) { searchExperts(regions: $regions) { totalCount } }",
            "variables": variables,
        },
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert_request_error(response)


def forged(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode()


FORGED_CURSORS = [
    "not a cursor",
    forged([{"x": 1}, "p1"]),
    forged([[1, [2]], "p1"]),
    forged(["text", "p1"]),
    forged([1, "p1", 3]),
    forged([None, "p1"]),
    forged([1e308, "p1"]),
    forged({"key": 1}),
    base64.urlsafe_b64encode(b"\xff\xfe").decode(),
]


@pytest.mark.parametrize("listing", ["people", "institutions", "teams", "platforms", "visits", "auditTrail"])
def test_a_forged_cursor_is_refused_naming_after_or_reads_as_a_position(
    production: TestClient, cypher, listing: str
) -> None:
    # A cursor is opaque, not signed: one that is well formed is a position in the list like any other.
    institution(cypher, "cd", "承德山楂研究所", "130802", "INSTITUTE")
    person(cypher, "p1", "张三", "zhang san", "cd")
    for cursor in FORGED_CURSORS:
        response = production.post(
            "/graphql",
            json={
                "query": "query($after: String) { " + listing + "(after: $after) { totalCount edges { cursor } } }",
                "variables": {"after": cursor},
            },
            headers={"accept": GRAPHQL_RESPONSE},
        )
        body = response.json()
        assert response.status_code == 200 and "Unexpected error." not in response.text, (cursor, body)
        if body["data"][listing] is None:
            assert body["errors"][0]["extensions"]["field"] == "after"
        else:
            assert "errors" not in body


def test_a_forged_search_cursor_is_refused_naming_after(production: TestClient) -> None:
    for cursor in ("x", forged([{"a": 1}, "p1"]), forged(["a", "b", "c", "d"]), forged([1, 2, 3, 4])):
        response = production.post(
            "/graphql",
            json={
                "query": 'query($after: String) { searchExperts(query: "zhang", after: $after) { totalCount } }',
                "variables": {"after": cursor},
            },
        )
        body = response.json()
        assert "Unexpected error." not in response.text, body
        assert body["data"]["searchExperts"] is None and body["errors"][0]["extensions"]["field"] == "after"


def mutate(client: TestClient, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = client.post(
        "/graphql", json={"query": document, "variables": variables}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    return response.json()["data"]


def test_register_institution_in_an_empty_region_code_is_a_typed_error(production: TestClient, cypher) -> None:
    data = mutate(
        production,
        """mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) {
             __typename ... on UserError { field } } }""",
        {"input": {"name": "X", "type": "OTHER", "regionCode": ""}},
    )
    assert data["registerInstitution"] == {"__typename": "NotFoundError", "field": "regionCode"}
    assert cypher("MATCH (n) WHERE n:Institution OR n:AuditEntry RETURN count(n) AS n") == [{"n": 0}]


def test_update_person_with_an_empty_id_is_a_typed_error_and_writes_no_audit_entry(
    production: TestClient, cypher
) -> None:
    data = mutate(
        production,
        """mutation($id: ID!) { updatePerson(id: $id, input: {name: "李四"}) { __typename ... on UserError { field } } }""",
        {"id": ""},
    )
    assert data["updatePerson"] == {"__typename": "NotFoundError", "field": "id"}
    assert cypher("MATCH (a:AuditEntry) RETURN count(a) AS n") == [{"n": 0}]
