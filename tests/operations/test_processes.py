"""Two `talentgraph serve` processes over one database: keys, writes and statistics agree across them."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.keys import hash_secret, revoke_key
from graph.runtime import Neo4jConnection
from graph.stats.verify import verify_talent_stats
from tests.builders import institution
from tests.conftest import bearer

#: Short, so that the test waits little; the behaviour is the same at the default 30 s.
KEY_CACHE_SECONDS = 2.0
#: Registrations and titles each process takes while the other takes as many.
WRITES_EACH = 12

REGISTER = """mutation($input: RegisterPersonInput!) { registerPerson(input: $input) {
  __typename ... on PersonRegistered { person { id } } } }"""
GRANT = """mutation($input: GrantTitleInput!) { grantTitle(input: $input) { __typename } }"""
PERSON = "query($id: ID!) { person(id: $id) { name } }"
TOTAL = "query($asOf: Date!) { talentStats(asOf: $asOf) { total } }"
LISTENING = re.compile(r"http://127\.0\.0\.1:(\d+)/graphql")


class Served:
    """One `talentgraph serve` process, its output in a file."""

    def __init__(self, connection: Neo4jConnection, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.output = folder / "output.log"
        env = {
            **{name: value for name, value in os.environ.items() if not name.startswith(("NEO4J_", "TALENTGRAPH_"))},
            "NEO4J_URI": connection.uri,
            "NEO4J_USER": connection.user,
            "NEO4J_PASSWORD": connection.password,
            "NEO4J_DATABASE": connection.database,
            "TALENTGRAPH_ID_SALT": "test-salt",
            "TALENTGRAPH_DATA_DIR": str(folder),
            "TALENTGRAPH_KEY_CACHE_SECONDS": str(KEY_CACHE_SECONDS),
            # A shared two-core machine under load plans cold statements slowly.
            "TALENTGRAPH_QUERY_TIMEOUT_SECONDS": "120",
            "TALENTGRAPH_LOG_LEVEL": "warning",
            # The writers send as fast as the servers answer, on purpose (tests/api/test_refusals tests the limits).
            "TALENTGRAPH_RATE_LIMIT_ADDRESS": "",
            "TALENTGRAPH_RATE_LIMIT_KEY": "",
        }
        with open(self.output, "wb") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server.cli", "serve", "--port", "0", "--no-access-log"],
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )

    def url(self, timeout: float = 180) -> str:
        """The process's base URL, once it answers /healthz."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.output.read_text()
            match = LISTENING.search(self.output.read_text())
            if match:
                url = f"http://127.0.0.1:{match[1]}"
                try:
                    if httpx.get(f"{url}/healthz", timeout=10).status_code == 200:
                        return url
                except httpx.TransportError:
                    pass
            time.sleep(0.2)
        raise AssertionError(f"serve did not start: {self.output.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def two_servers(neo4j_connection: Neo4jConnection, cypher: Any, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two serve processes over the test database: their base URLs."""
    servers = [Served(neo4j_connection, tmp_path / name) for name in ("a", "b")]
    try:
        yield servers[0].url(), servers[1].url()
    finally:
        for server in servers:
            server.stop()
            # Shown by pytest when the test fails.
            print(f"--- {server.output}:\n{server.output.read_text()}")


def post(url: str, key: str, query: str, variables: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{url}/graphql", json={"query": query, "variables": variables}, headers=bearer(key), timeout=120)


def data(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    return dict(body["data"])


def on_database(connection: Neo4jConnection, work: Any) -> Any:
    async def run() -> Any:
        db = connection.open(timeout=120)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(run())


def register_with_title(url: str, key: str, institution: str, n: int) -> str:
    """Register a person through `url` and grant them a title there; the person's id."""
    person = {"name": f"进程{n}", "institutionId": institution, "fields": ["hawthorn"]}
    person_id = str(data(post(url, key, REGISTER, {"input": person}))["registerPerson"]["person"]["id"])
    title = {
        "personId": person_id,
        "certificateNo": f"PROC-{n:06d}",
        "series": "ENGINEERING",
        "level": "INTERMEDIATE",
        "grantedOn": "2023-05-01",
        "regionCode": "130800",
    }
    assert data(post(url, key, GRANT, {"input": title}))["grantTitle"]["__typename"] == "TitleGranted"
    return person_id


def test_a_key_revoked_is_refused_by_both_processes_within_the_key_cache_time(
    two_servers: tuple[str, str], keys: Any, neo4j_connection: Neo4jConnection, cypher: Any
) -> None:
    secret = keys("analyst")
    (key,) = cypher("MATCH (k:ApiKey {hash: $hash}) RETURN k.id AS id", hash=hash_secret(secret))
    for url in two_servers:
        # Both processes now hold the key in their caches.
        assert post(url, secret, TOTAL, {"asOf": "2024-06-30"}).status_code == 200
    on_database(neo4j_connection, lambda db: revoke_key(db, key["id"]))
    revoked = time.monotonic()
    # Waiting out the documented cache time is the behaviour under test, not a synchronisation.
    time.sleep(KEY_CACHE_SECONDS + 0.5)
    for url in two_servers:
        assert post(url, secret, TOTAL, {"asOf": "2024-06-30"}).status_code == 401
    assert time.monotonic() - revoked < 60, "the check itself took too long to say anything about the cache"


def test_a_write_through_one_process_is_read_through_the_other(
    two_servers: tuple[str, str], keys: Any, cypher: Any
) -> None:
    one, other = two_servers
    admin = keys("admin")
    institution(cypher, "i1", "承德医学院", "130802", type="UNIVERSITY")
    person_id = register_with_title(one, admin, "i1", 1)
    assert data(post(other, admin, PERSON, {"id": person_id}))["person"] == {"name": "进程1"}


def test_statistics_stay_exact_with_both_processes_writing_at_once(
    two_servers: tuple[str, str], keys: Any, cypher: Any, neo4j_connection: Neo4jConnection
) -> None:
    admin = keys("admin")
    institution(cypher, "i1", "承德医学院", "130802", type="UNIVERSITY")
    today = dt.date.today().isoformat()
    before = data(post(two_servers[0], admin, TOTAL, {"asOf": today}))["talentStats"]["total"]
    failures: list[BaseException] = []
    start = threading.Barrier(2)

    def write(url: str, first: int) -> None:
        try:
            start.wait(timeout=60)
            for n in range(first, first + WRITES_EACH):
                register_with_title(url, admin, "i1", n)
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)

    writers = [threading.Thread(target=write, args=(url, 1000 * (i + 1))) for i, url in enumerate(two_servers)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=600)
    assert not failures, failures
    for url in two_servers:
        assert data(post(url, admin, TOTAL, {"asOf": today}))["talentStats"]["total"] == before + 2 * WRITES_EACH
    assert on_database(neo4j_connection, lambda db: verify_talent_stats(db, dt.date.today(), "130800")) == []
