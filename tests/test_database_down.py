"""A database that goes away is survived: while it is down requests fail fast with 503 and Retry-After and
/healthz says so; when it is back, on its port or another, the running API recovers by itself; no
acknowledged write is lost.

Each test has an embedded Neo4j of its own, since it kills or stops it. How fast the API recovers is
measured by bench/faults.py (the first requests after a restart plan their statements on a cold JVM).
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from bench.faults import COUNT, kill_and_restart, prepared, serving_embedded
from graph.embedded import EmbeddedNeo4j
from graph.migrations import migrate
from graph.runtime import Neo4jConnection
from graph.settings import Settings

pytestmark = pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="NEO4J_URI points at another Neo4j")


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[EmbeddedNeo4j]:
    database = EmbeddedNeo4j(tmp_path / "neo4j", heap="512m", pagecache="64m")
    try:
        yield database
    finally:
        database.stop()


def test_a_killed_database_fails_requests_fast_and_the_api_recovers_without_losing_acknowledged_writes(
    embedded: EmbeddedNeo4j,
) -> None:
    key = prepared(embedded)
    # A cold database plans its first statements slowly on a busy machine: the statement timeout is tested apart.
    with serving_embedded(embedded, query_timeout_seconds=120) as url:
        run = kill_and_restart(embedded, url, key)

    down = run.while_down
    assert down and all(o.status == 503 for o in down), [o for o in down if o.status != 503][:3]
    assert all(o.seconds < 5 for o in down), max(o.seconds for o in down)
    assert all(o.retry_after and o.retry_after.isdigit() for o in down)
    refusal = down[-1].body["errors"][0]
    assert refusal["extensions"]["code"] == "DatabaseUnavailable" and "try again" in refusal["message"]
    assert run.health_status == 503 and run.health_seconds < 5

    assert run.after.port == run.before.port
    assert run.after_back and all(o.succeeded for o in run.after_back), [o for o in run.after_back if not o.succeeded][
        :3
    ]
    for outcome in run.outcomes:  # whatever the moment: nothing masked, nothing a 500
        assert outcome.status in (200, 503), outcome
        assert "Unexpected error" not in str(outcome.body), outcome
    assert any(o.registered for o in run.outcomes)
    assert run.lost() == set()


def test_the_api_finds_the_database_restarted_on_another_port(embedded: EmbeddedNeo4j, tmp_path: Path) -> None:
    from server.app import create_app

    running, _ = embedded.start(quiet=True)
    connection = Neo4jConnection(running.uri, running.user, running.password, "neo4j", embedded=embedded)

    async def prepare() -> None:
        db = connection.open(timeout=600)
        try:
            await migrate(db)
        finally:
            await db.close()

    asyncio.run(prepare())
    settings = Settings(data_dir=tmp_path, id_salt="test-salt", neo4j_uri=None, auth=False, query_timeout_seconds=120)
    with TestClient(create_app(settings, connection)) as client:
        assert client.post("/graphql", json={"query": COUNT}).status_code == 200
        embedded.stop()
        down = client.post("/graphql", json={"query": COUNT})
        assert down.status_code == 503 and down.headers["retry-after"].isdigit()
        assert client.get("/healthz").status_code == 503

        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
            squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            squatter.bind(("127.0.0.1", running.port))
            squatter.listen()
            after, _ = embedded.start(quiet=True)
        assert after.port != running.port

        answer = client.post("/graphql", json={"query": COUNT})
        assert answer.status_code == 200 and "errors" not in answer.json(), answer.text
        assert client.get("/healthz").status_code == 200
