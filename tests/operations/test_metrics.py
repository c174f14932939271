"""/metrics counts what was asked, by whom only as allowed; logs are one line per event and never hold a secret."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from starlette.testclient import TestClient

from graph.identity import make_id_number
from graph.runtime import Neo4jConnection
from graph.settings import Settings
from server.app import create_app
from server.logs import configure_logging
from tests.conftest import bearer

PEOPLE = "query PeopleList { people(first: 1) { totalCount } }"
TOKEN = "metrics-token-for-tests"


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape, by name and labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(scraped: dict[Any, float], name: str, **labels: str) -> float:
    return scraped.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def app_with(settings: Settings, neo4j_connection: Neo4jConnection, keys: Any) -> Iterator[Any]:
    """A client factory for the app with some settings changed; requests carry an admin key."""
    admin = keys("admin")
    clients: list[TestClient] = []

    def make(**changes: Any) -> TestClient:
        client = TestClient(create_app(settings.model_copy(update=changes), neo4j_connection), headers=bearer(admin))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_metrics_scraped_after_known_requests_show_their_counts(app_with: Any, cypher: Any) -> None:
    client = app_with(metrics="token", metrics_token=TOKEN, metrics_operations="Dashboard, PeopleList")
    for _ in range(3):
        assert client.post("/graphql", json={"query": PEOPLE}).status_code == 200
    client.post("/graphql", json={"query": "{ regions { code } }"})
    client.post("/graphql", json={"query": "query SomethingElse { regions { code } }"})
    refused = client.post(
        "/graphql", json={"query": "{ nope }"}, headers={"accept": "application/graphql-response+json"}
    )
    assert refused.status_code == 400
    assert client.get("/healthz").status_code == 200

    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"authorization": "Bearer wrong"}).status_code == 401
    scrape = client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
    assert scrape.status_code == 200 and scrape.headers["content-type"].startswith("text/plain")
    scraped = samples(scrape.text)

    requests = "talentgraph_graphql_requests_total"
    assert value(scraped, requests, operation="PeopleList", status="200") == 3
    assert value(scraped, requests, operation="unnamed", status="200") == 1
    assert value(scraped, requests, operation="unknown", status="200") == 1
    assert value(scraped, requests, operation="-", status="400") == 1
    assert value(scraped, "talentgraph_http_requests_total", route="/graphql", method="POST", status="200") == 5
    assert value(scraped, "talentgraph_http_requests_total", route="/healthz", method="GET", status="200") == 1
    assert value(scraped, "talentgraph_http_request_duration_seconds_count", route="/graphql") == 6
    assert value(scraped, "talentgraph_graphql_request_duration_seconds_count", operation="PeopleList") == 3
    assert value(scraped, "talentgraph_cypher_statements_per_request_count", operation="PeopleList") == 3
    assert value(scraped, "talentgraph_cypher_statements_per_request_sum", operation="PeopleList") >= 3
    assert value(scraped, "talentgraph_graphql_root_fields_total", type="query", field="people") == 3
    assert value(scraped, "talentgraph_graphql_root_fields_total", type="query", field="regions") == 2
    assert value(scraped, "talentgraph_errors_total", kind="http_400") == 1
    assert value(scraped, "talentgraph_errors_total", kind="http_401") == 2
    assert value(scraped, "talentgraph_db_pool_max") == 50
    assert sum(v for (name, _), v in scraped.items() if name == "talentgraph_db_pool_connections") >= 1


def test_metrics_access_follows_the_setting(app_with: Any) -> None:
    assert app_with(metrics="off").get("/metrics").status_code == 404
    assert app_with(metrics="token", metrics_token="").get("/metrics").status_code == 403
    opened = app_with(metrics="open").get("/metrics", headers={"authorization": ""})
    assert opened.status_code == 200 and "talentgraph_http_requests_total" in opened.text


def test_logs_are_json_lines_with_the_request_id_and_never_a_key_or_identity_number(
    app_with: Any, keys: Any, cypher: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = keys("analyst")
    unknown_key = "tg_" + "x" * 43
    number = make_id_number("130802", dt.date(1980, 1, 1), 123)
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        configure_logging(Settings(log_format="json", log_level="info"))
        client = app_with(metrics="open")
        mutation = "mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { __typename } }"
        registered = client.post(
            "/graphql", json={"query": mutation, "variables": {"input": {"name": "王芳", "idNumber": number}}}
        )
        assert registered.status_code == 200
        query = "query($id: ID!) { person(id: $id) { name } }"
        client.get("/graphql", params={"query": query, "variables": json.dumps({"id": number})}, headers=bearer(secret))
        refused = client.post(
            "/graphql", json={"query": PEOPLE}, headers={**bearer(unknown_key), "x-request-id": "trace-42"}
        )
        assert refused.status_code == 401 and refused.headers["x-request-id"] == "trace-42"
        odd = client.get("/healthz", headers={"x-request-id": "not a sane id"})
        assert odd.headers["x-request-id"] != "not a sane id" and len(odd.headers["x-request-id"]) == 32
        logging.getLogger("talentgraph.test").error("caller sent %s for %s", f"Bearer {secret}", number)
        try:
            raise ValueError(f"identity {number} with key {unknown_key}")
        except ValueError:
            logging.getLogger("talentgraph.test").exception("failed")
    finally:
        root.handlers[:], root.level = saved
    output = capsys.readouterr().err
    lines = [json.loads(line) for line in output.splitlines() if line.strip()]
    access = [line for line in lines if line["logger"] == "talentgraph.access"]
    assert len(access) == 4 and all(line["request_id"] for line in lines)
    assert {line["request_id"] for line in access} >= {registered.headers["x-request-id"], "trace-42"}
    assert [line["status"] for line in access] == [200, 200, 401, 200]
    assert all("?" not in line["path"] for line in access)
    for leaked in (secret, unknown_key, number, number[:17]):
        assert leaked not in output
    assert output.count("[redacted]") >= 4
