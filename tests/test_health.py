"""/healthz answers from what the database's last answers said (server/health.py), without a round trip."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from graph.database import Database
from graph.errors import DatabaseUnavailable


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_database_is_answering_after_an_answer_and_not_after_it_could_not_be_reached(neo4j_connection: Any) -> None:
    async def run() -> list[bool]:
        seen = []
        db = Database.connect(
            neo4j_connection.uri,
            neo4j_connection.user,
            neo4j_connection.password,
            neo4j_connection.database,
            timeout=60,
        )
        gone = Database.connect(
            f"bolt://127.0.0.1:{closed_port()}", "neo4j", "x", neo4j_connection.database, timeout=60
        )
        try:
            seen.append(db.answering())  # nothing asked yet
            await db.read("health/ping")
            seen.append(db.answering())
            seen.append(db.answering(stale=0))  # an answer older than `stale` no longer counts
            await gone.read("health/ping")
        except DatabaseUnavailable:
            seen.append(gone.answering())
            gone.answered_at = db.answered_at  # as if it had answered before going away
            seen.append(gone.answering())
        finally:
            await db.close()
            await gone.close()
        return seen

    assert asyncio.run(run()) == [False, True, False, False, False]
