"""One real Neo4j for the whole session: NEO4J_URI if set, else the embedded one in a temporary folder."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import GraphDatabase
from starlette.testclient import TestClient

from graph.embedded import EmbeddedNeo4j
from graph.migrations import migrate
from graph.runtime import Neo4jConnection
from graph.settings import Settings
from tests.serving import serving

#: Labels of the reference data that ships with the code; everything else is a test's own.
REFERENCE_LABELS = ("Region", "Field", "TitleSeries", "TitleLevel", "InstitutionType", "Plan", "Target", "Migration")


@pytest.fixture(scope="session")
def neo4j_connection() -> Iterator[Neo4jConnection]:
    """The database every data test talks to, migrated, with reference data."""
    folder = Path(tempfile.mkdtemp(prefix="talentgraph-test-"))
    embedded: EmbeddedNeo4j | None = None
    if os.environ.get("NEO4J_URI"):
        connection = Neo4jConnection(
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
            os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
    else:
        embedded = EmbeddedNeo4j(folder / "neo4j", heap="1g", pagecache="256m")
        running, _ = embedded.start(quiet=True)
        connection = Neo4jConnection(running.uri, "neo4j", "", "neo4j")

    async def prepare() -> None:
        db = connection.open(timeout=600)
        try:
            await migrate(db)
        finally:
            await db.close()

    asyncio.run(prepare())
    try:
        yield connection
    finally:
        if embedded is not None:
            embedded.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def graph_driver(neo4j_connection: Neo4jConnection) -> Iterator[Any]:
    """A plain driver for tests to look at the database directly."""
    driver = GraphDatabase.driver(
        neo4j_connection.uri, auth=(neo4j_connection.user, neo4j_connection.password), notifications_min_severity="OFF"
    )
    yield driver
    driver.close()


@pytest.fixture
def cypher(graph_driver: Any, neo4j_connection: Neo4jConnection) -> Iterator[Any]:
    """Run Cypher against the test database; the test's own nodes are removed afterwards."""

    def run(statement: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = graph_driver.execute_query(statement, params, database_=neo4j_connection.database)
        return [record.data() for record in records]

    yield run
    remove_test_data(graph_driver, neo4j_connection.database)


def remove_test_data(driver: Any, database: str) -> None:
    """Delete every node but the reference data that ships with the code."""
    labels = " AND ".join(f"NOT n:{label}" for label in REFERENCE_LABELS)
    with driver.session(database=database) as session:
        session.run(f"MATCH (n) WHERE {labels} CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Development-mode settings with a fixed salt, touching nothing of the real environment."""
    # A shared test machine under load plans cold statements slowly: the statement timeout is tested on its own.
    return Settings(
        data_dir=tmp_path, id_salt="test-salt", mode="development", neo4j_uri=None, query_timeout_seconds=120
    )


@pytest.fixture
def keys(cypher: Any) -> Callable[..., str]:
    """Make an API key in the test database: `keys("institution", "i1")` returns its secret."""
    from tests.builders import api_key

    return lambda role, institution=None: api_key(cypher, role, institution)


@pytest.fixture
def client(settings: Settings, neo4j_connection: Neo4jConnection, keys: Callable[..., str]) -> Iterator[TestClient]:
    """The app over HTTP, lifespan running, on the test database; requests carry an admin key by default."""
    from server.app import create_app

    with TestClient(create_app(settings, neo4j_connection), headers=bearer(keys("admin"))) as test_client:
        yield test_client


@pytest.fixture
def served(settings: Settings, neo4j_connection: Neo4jConnection, cypher: Any) -> Iterator[str]:
    """The app served by uvicorn on a free port, in a thread, on the test database."""
    from server.app import create_app

    with serving(create_app(settings, neo4j_connection)) as url:
        yield url


def bearer(secret: str | None) -> dict[str, str]:
    """Headers that send `secret` as the request's key; None sends none (an anonymous request)."""
    return {"authorization": f"Bearer {secret}" if secret is not None else ""}


def post_graphql(
    client: TestClient, query: str, variables: dict[str, Any] | None = None, key: str | None | bool = True
) -> Any:
    """POST a GraphQL request with the client's admin key (True), another key, or none (None); the response."""
    headers = {"accept": "application/graphql-response+json"}
    if key is not True:
        headers.update(bearer(key if isinstance(key, str) else None))
    return client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)


def graphql(
    client: TestClient, query: str, variables: dict[str, Any] | None = None, key: str | None | bool = True
) -> dict[str, Any]:
    """POST a GraphQL request (as `post_graphql`); fail the test on any error; return the whole response body."""
    response = post_graphql(client, query, variables, key)
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    return body
