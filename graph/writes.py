"""A short pause of writes, so that a backup reads the graph as of one moment.

Neo4j's transactions are read-committed: one long read transaction sees what others commit while it
runs, so it is not a snapshot. While a backup reads, writes are therefore paused: a `WritePause` node
that every write transaction of Talent Graph checks first (graph/database.py `write_tx`). The API answers
a write with 503 and Retry-After meanwhile; the command line's writes (loads, migrations) wait. The pause
begins once every write transaction that could have passed the check before it has finished, and ends
when the backup is read, or by itself `LEASE` seconds after its holder last renewed it (a backup that
dies does not stop writes for long).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from graph.database import WRITE_METADATA, Database, Transaction
from graph.errors import SetupError

#: Seconds a pause lasts unless renewed; its holder renews it every third of that.
LEASE = 30
#: What a refused client is told to wait (Retry-After, seconds).
RETRY_AFTER = 5
#: How long to wait for the writes already under way when the pause begins.
SETTLE_SECONDS = 120.0


@contextlib.asynccontextmanager
async def paused_writes(db: Database, reason: str, settle_seconds: float = SETTLE_SECONDS) -> AsyncIterator[Any]:
    """Pause Talent Graph's writes on this database while the block runs; yield the pause's start (server time)."""
    pause_id = str(uuid.uuid4())

    async def pause(tx: Transaction) -> Any:
        rows = await tx.run("writes/pause", id=pause_id, reason=reason, lease=LEASE, retryAfter=RETRY_AFTER)
        return rows[0]["since"]

    since = await db.write_tx(pause, gated=False)
    renewing = asyncio.create_task(_renew(db, pause_id))
    try:
        await _settle(db, since, settle_seconds)
        yield since
    finally:
        renewing.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewing
        await db.write_tx(lambda tx: tx.run("writes/resume", id=pause_id), gated=False)


async def _renew(db: Database, pause_id: str) -> None:
    while True:
        await asyncio.sleep(LEASE / 3)
        await db.write_tx(lambda tx: tx.run("writes/renew", id=pause_id, lease=LEASE), gated=False)


async def _settle(db: Database, since: dt.datetime, seconds: float) -> None:
    """Wait until no write transaction that started before the pause is still open."""
    deadline = time.monotonic() + seconds
    delay = 0.02
    while True:
        # On the leader: a cluster's write transactions run there, and SHOW TRANSACTIONS sees one server's only.
        rows = await db.read_on_leader("writes/in_flight", metadata=WRITE_METADATA, since=since)
        if rows[0]["open"] == 0:
            return
        if time.monotonic() > deadline:
            raise SetupError(
                f"{rows[0]['open']} write transactions begun before the pause did not finish within {seconds:.0f} s"
            )
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.5)
