"""Databases of the operations tests: a second embedded Neo4j to restore into, and a generated city."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.embedded import EmbeddedNeo4j
from graph.runtime import Neo4jConnection
from graph.settings import Settings
from loaders.cli import LOAD_ORDER
from loaders.generate import generate
from loaders.load import load_file


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The suite's settings without rate limits: the write streams here send as fast as the server answers, on
    purpose (tests/api/test_refusals.py tests the limits)."""
    return settings.model_copy(update={"rate_limit_address": "", "rate_limit_key": ""})


@pytest.fixture(scope="session")
def restore_target() -> Iterator[Neo4jConnection]:
    """A second, fresh embedded database: the target of restores."""
    folder = Path(tempfile.mkdtemp(prefix="talentgraph-restore-"))
    embedded = EmbeddedNeo4j(folder / "neo4j", heap="512m", pagecache="128m")
    running, _ = embedded.start(quiet=True)
    try:
        yield Neo4jConnection(running.uri, running.user, running.password, "neo4j")
    finally:
        embedded.stop()
        shutil.rmtree(folder, ignore_errors=True)


def load_city(connection: Neo4jConnection, people: int, folder: Path, salt: str) -> None:
    """Generate a city of `people` and load it with the loader, as an operator would."""
    generate(people, 2021, folder)

    async def load() -> None:
        db = connection.open(timeout=900)
        try:
            for kind in LOAD_ORDER:
                summary = await load_file(db, folder / f"{kind}.csv", kind, salt, workers=0)
                assert summary.written, (kind, summary.errors[:3], summary.file_error)
        finally:
            await db.close()

    asyncio.run(load())


def _canonical(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, list):
        return tuple(_canonical(item) for item in value)
    return repr(value)


def _properties(properties: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(sorted((key, _canonical(value)) for key, value in properties.items()))


def graph_snapshot(run: Any) -> tuple[Counter[Any], Counter[Any]]:
    """Every node (labels, properties) and relationship (its ends' contents, type, properties), as multisets,
    read with the driver's own types (not with the backup's statements); `run(statement)` returns records."""
    nodes: dict[str, Any] = {}
    for record in run(
        "MATCH (n) WHERE NOT n:WritePause RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p"
    ):
        nodes[record["id"]] = (tuple(sorted(record["labels"])), _properties(record["p"]))
    relationships: Counter[Any] = Counter()
    for record in run(
        "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS t, elementId(b) AS b, properties(r) AS p"
    ):
        relationships[(nodes[record["a"]], record["t"], nodes[record["b"]], _properties(record["p"]))] += 1
    return Counter(nodes.values()), relationships
