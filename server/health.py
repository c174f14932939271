"""/healthz, answered without waiting for the database.

A monitor task pings the database every HEALTH_INTERVAL_SECONDS; every request's statements count as
answers too, and a request that finds the database unreachable marks it down at once (graph/database.py,
`Database.answering`). /healthz reads that state: it does no I/O, so it answers as fast as the event loop
turns even while the database is slow under the costliest allowed requests (bench/healthz.py), and it
says "unavailable" within a second of the database going away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse

from graph.database import HEALTH_INTERVAL_SECONDS, Database

log = logging.getLogger("talentgraph")


async def _monitor(db: Database, interval: float) -> None:
    while True:
        # Skipped while requests keep the answer fresh: no ping competes with them.
        if time.monotonic() - db.answered_at >= interval or not db.answering():
            await db.ping()
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def health_monitor(db: Database, interval: float = HEALTH_INTERVAL_SECONDS) -> AsyncIterator[None]:
    """Keep `db`'s health fresh while the block runs; the first answer is awaited, so that a process that has just
    started says at once whether its database answers."""
    await db.ping()
    task = asyncio.create_task(_monitor(db, interval), name="talentgraph-health")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def healthz_endpoint(database: Callable[[], Database]) -> Callable[[Request], object]:
    async def healthz(request: Request) -> JSONResponse:
        db = database()
        ok = db.answering()
        age = time.monotonic() - db.answered_at
        body = {
            "status": "ok" if ok else "unavailable",
            "neo4j": ok,
            "answeredSecondsAgo": round(age, 3) if age != float("inf") else None,
        }
        return JSONResponse(body, 200 if ok else 503, {} if ok else {"Retry-After": "5"})

    return healthz
