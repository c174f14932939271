"""The embedded Neo4j keeps its data across a stop and a start, and recovers after being killed."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph.embedded import EmbeddedNeo4j

pytestmark = pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="NEO4J_URI points at another Neo4j")


def write_and_read(uri: str, value: str | None) -> list[str]:
    with GraphDatabase.driver(uri, auth=("neo4j", "")) as driver:
        if value is not None:
            driver.execute_query("CREATE (:Probe {value: $value})", value=value)
        records, _, _ = driver.execute_query("MATCH (p:Probe) RETURN p.value AS value ORDER BY value")
        return [record["value"] for record in records]


def test_data_survives_stop_start_and_a_kill(tmp_path: Path) -> None:
    embedded = EmbeddedNeo4j(tmp_path / "neo4j", heap="512m", pagecache="64m")
    running, started = embedded.start(quiet=True)
    try:
        assert started
        again, started_again = embedded.start(quiet=True)
        assert not started_again and again == running  # a second start finds the running one
        assert write_and_read(running.uri, "a") == ["a"]
        assert embedded.stop()
        assert embedded.status() is None

        running, _ = embedded.start(quiet=True)
        assert write_and_read(running.uri, "b") == ["a", "b"]
        os.kill(running.pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while embedded.status() is not None and time.monotonic() < deadline:
            time.sleep(0.2)

        running, started = embedded.start(quiet=True)
        assert started
        assert write_and_read(running.uri, None) == ["a", "b"]
    finally:
        embedded.stop()
