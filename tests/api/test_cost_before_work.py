"""Cost before work: body and document sizes, cost, fragments measured once, one parse per document."""

from __future__ import annotations

import asyncio
import re
import threading
from typing import Any

import graphql
import pytest
from starlette.requests import Request
from starlette.testclient import TestClient

from server.http import HttpError, read_body
from server.schema import build_schema
from tests.conftest import post_graphql

PERSON = "id name pinyin email phone titles { level series } fields { field { code name } }"


def doubling_fragments(count: int) -> str:
    """A document whose last fragment expands into 2**count copies of an aliased field."""
    fragments = ["fragment F0 on Region { a: code }"]
    fragments += [f"fragment F{n} on Region {{ ...F{n - 1} ...F{n - 1} }}" for n in range(1, count + 1)]
    return f"{{ regions {{ ...F{count} }} }}\n" + "\n".join(fragments)


def test_fragments_doubling_forty_times_are_refused_without_expanding_them(settings) -> None:
    # Expanded, this document holds 2**40 aliases: a validator that walked every copy would never finish.
    schema = build_schema(settings)
    answer: dict[str, Any] = {}

    def run() -> None:
        answer["result"] = asyncio.run(schema.execute(doubling_fragments(40)))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert "result" in answer, "validating the document did not finish in 120 s"
    messages = [error.message for error in answer["result"].errors]
    assert f"{2**40} aliases found. Allowed: 50" in messages


def test_a_query_costing_more_than_the_limit_is_refused_before_it_runs(client: TestClient) -> None:
    pages = " ".join(f"p{n}: people(first: 500) {{ edges {{ node {{ {PERSON} }} }} }}" for n in range(6))
    response = post_graphql(client, "{ " + pages + " }")
    assert response.status_code == 400 and "data" not in response.json()
    message = response.json()["errors"][0]["message"]
    assert message.startswith("'anonymous' would cost 57,006 (fields times page sizes), more than the 50,000 allowed")


def test_a_page_size_given_by_a_variable_is_costed_at_the_largest_page(client: TestClient) -> None:
    pages = " ".join(f"p{n}: people(first: $first) {{ edges {{ node {{ {PERSON} }} }} }}" for n in range(6))
    response = post_graphql(client, "query Pages($first: Int) { " + pages + " }", {"first": 1})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"].startswith("'Pages' would cost")


def test_an_ordinary_page_of_people_is_within_the_cost_limit(client: TestClient) -> None:
    response = post_graphql(client, "{ people(first: 500) { totalCount edges { node { " + PERSON + " } } } }")
    assert response.status_code == 200 and "errors" not in response.json(), response.text


def test_a_document_longer_than_the_limit_is_refused_before_it_is_parsed(client: TestClient) -> None:
    # Comments are no tokens: only a limit on characters stops them.
    query = "#" + "x" * 100_000 + "\n{ titleLevels { code } }"
    response = post_graphql(client, query)
    assert response.status_code == 400 and "data" not in response.json()
    assert response.json()["errors"][0]["message"] == (
        "The document is 100,026 characters long; this server accepts at most 100,000."
    )


def small_limits_client(settings, neo4j_connection, keys) -> TestClient:
    from server.app import create_app

    limited = settings.model_copy(update={"max_body_bytes": 2_000})
    return TestClient(create_app(limited, neo4j_connection))


def test_a_body_longer_than_the_limit_is_413(settings, neo4j_connection, keys) -> None:
    with small_limits_client(settings, neo4j_connection, keys) as client:
        response = post_graphql(client, "{ titleLevels { code } }", {"padding": "x" * 3_000}, key=None)
    assert response.status_code == 413
    assert re.fullmatch(
        r"The request body is 3,\d{3} bytes; this server accepts at most 2,000\.",
        response.json()["errors"][0]["message"],
    )


def test_a_streamed_body_is_read_no_further_than_the_limit() -> None:
    # A body without Content-Length (chunked): reading stops at the first chunk past the limit.
    received: list[int] = []

    async def receive() -> dict[str, Any]:
        received.append(1)
        return {"type": "http.request", "body": b" " * 1_000, "more_body": len(received) < 1_000}

    request = Request({"type": "http", "method": "POST", "headers": [], "path": "/graphql"}, receive)
    with pytest.raises(HttpError) as refused:
        asyncio.run(read_body(request, 2_000))
    assert refused.value.status == 413
    assert refused.value.message == "The request body is longer than the 2,000 bytes this server accepts."
    assert len(received) == 3


def test_a_body_that_trickles_in_slower_than_the_limit_is_408() -> None:
    async def receive() -> dict[str, Any]:
        await asyncio.sleep(0.5)
        return {"type": "http.request", "body": b" ", "more_body": True}

    request = Request({"type": "http", "method": "POST", "headers": [], "path": "/graphql"}, receive)
    with pytest.raises(HttpError) as refused:
        asyncio.run(read_body(request, 2_000, seconds=1.0))
    assert refused.value.status == 408 and refused.value.message == "The request body did not arrive within 1 s."


def test_a_query_string_longer_than_the_limit_is_413(settings, neo4j_connection, keys) -> None:
    with small_limits_client(settings, neo4j_connection, keys) as client:
        response = client.get("/graphql", params={"query": "{ titleLevels { code } }", "variables": "{}" + " " * 3_000})
    assert response.status_code == 413


def test_each_document_is_parsed_once_and_then_served_from_the_cache(client: TestClient, monkeypatch) -> None:
    parsed: list[str] = []
    original = graphql.language.parser.parse

    def counting(source: Any, *args: Any, **kwargs: Any) -> Any:
        parsed.append(str(source))
        return original(source, *args, **kwargs)

    # Every parser the request could reach: this project's, strawberry's, graphql-core's.
    import strawberry.schema.schema

    import server.documents

    monkeypatch.setattr(server.documents, "parse", counting)
    monkeypatch.setattr(strawberry.schema.schema, "parse", counting)
    monkeypatch.setattr(graphql, "parse", counting)
    query = "{ titleLevels { code } titleSeries { code } }"
    for _ in range(3):
        assert post_graphql(client, query).status_code == 200
    assert parsed == [query]
