"""Helpers for statistics tests: run graph functions on the test database."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from graph.database import Database
from graph.runtime import Neo4jConnection
from graph.stats.maintain import rebuild_talent_stats


@pytest.fixture
def on_db(neo4j_connection: Neo4jConnection, cypher: Any) -> Callable[[Callable[[Database], Awaitable[Any]]], Any]:
    """Run `work(db)` on the test database and return its result (the test's nodes are cleaned up after)."""

    def run(work: Callable[[Database], Awaitable[Any]]) -> Any:
        async def main() -> Any:
            db = neo4j_connection.open(timeout=600)
            try:
                return await work(db)
            finally:
                await db.close()

        return asyncio.run(main())

    return run


@pytest.fixture
def rebuild(on_db: Callable[..., Any]) -> Callable[[], int]:
    """Recount the aggregates from the graph, as a bulk loader does after loading."""
    return lambda: on_db(rebuild_talent_stats)
