"""The one place that talks to the Neo4j driver: named statements, read and write routing, counting."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    GraphDatabase,
    Record,
    RoutingControl,
    unit_of_work,
)
from neo4j.exceptions import ConstraintError
from neo4j.time import Date, DateTime, Duration, Time

from cypher import STATEMENTS
from graph.errors import DuplicateKey, WritesPaused

T = TypeVar("T")

#: The metadata of every write transaction, by which a pause of writes finds those still open (graph/writes.py).
WRITE_METADATA = {"app": "talentgraph", "work": "write"}
#: How often a write that waits out a pause of writes looks again.
_PAUSE_POLL = 0.5


@dataclass
class StatementCount:
    """How many Cypher statements one unit of work (a GraphQL request) sent."""

    statements: int = 0
    names: list[str] = field(default_factory=list)


_count: contextvars.ContextVar[StatementCount | None] = contextvars.ContextVar("statement_count", default=None)


def count_statements() -> StatementCount:
    """Start counting the statements sent from this context (one request); return the counter."""
    counter = StatementCount()
    _count.set(counter)
    return counter


class _Quiet(list):  # type: ignore[type-arg]
    """A parameter list that prints as its length.

    The driver formats every statement's parameters for its debug log before it knows whether anyone
    listens (neo4j 6.x, `AsyncBolt5x5.run`): 5 to 15 ms for a 2,000-row batch, about 3 s of a 200,000-row
    load. It sends a list subclass exactly as a list.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


def _quiet(params: dict[str, Any]) -> dict[str, Any]:
    """`params` with its list values wrapped in `_Quiet`."""
    return {key: _Quiet(value) if type(value) is list else value for key, value in params.items()}


def _release(params: dict[str, Any]) -> None:
    """Empty the `_Quiet` lists of a statement that has run, so that what they hold is freed now.

    The driver keeps a statement's parameters in a reference cycle with its result (neo4j 6.x: the result
    and its summary share the metadata that holds them), which only Python's cyclic collector frees. A bulk
    load's 2,000 people would wait for it, and its collections, which walk everything they find, took about
    7 of the loader's 20 s of CPU while writing 200,000 people (gc.callbacks). Only this module's wrapper
    lists are emptied: the caller's lists are untouched.
    """
    for value in params.values():
        if type(value) is _Quiet:
            value.clear()


_AS_IS = frozenset({str, int, float, bool, type(None), Date, DateTime, Time, Duration})


class _GraphValue(Exception):
    """A node, relationship, path or other value that `Record.data()` turns into something else."""


def _plain(value: Any) -> Any:
    """What `Record.data()` makes of maps, lists and scalars, without its abstract-class checks.

    Those checks on every nested map and list were an eighth of the API's time for a page of people
    (py-spy, bench/api.py). Anything else raises `_GraphValue`, and the record goes to `data()` itself.
    """
    kind = type(value)
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    if kind is list:
        return [_plain(item) for item in value]
    if kind in _AS_IS:
        return value
    raise _GraphValue


def _row(record: Record) -> dict[str, Any]:
    """A record as a dict, exactly as `Record.data()` gives it."""
    try:
        return {key: _plain(value) for key, value in zip(record.keys(), record.values(), strict=True)}
    except _GraphValue:
        return record.data()


def _counted(name: str) -> None:
    counter = _count.get()
    if counter is not None:
        counter.statements += 1
        counter.names.append(name)


class Transaction:
    """A managed transaction that runs named statements; handed to `read_tx`/`write_tx` work."""

    def __init__(self, tx: AsyncManagedTransaction) -> None:
        self._tx = tx

    async def run(self, name: str, text: str | None = None, /, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement (or an allow-list-derived `text` of it); return its rows."""
        _counted(name)
        quiet = _quiet(params)
        try:
            result = await self._tx.run(text or STATEMENTS[name], quiet)
            return [_row(record) async for record in result]
        finally:
            _release(quiet)


class Database:
    """A Neo4j driver bound to one database, with read/write routing and statement counting."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        self.driver = driver
        self.database = database
        #: While writes are paused (a backup, graph/writes.py): wait for them to resume, or raise WritesPaused
        #: at once (the API, which answers 503 with Retry-After).
        self.wait_while_paused = True

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str) -> Database:
        """Open a driver to `uri` as given (bolt://, neo4j:// routing, +s variants)."""
        driver = AsyncGraphDatabase.driver(
            uri,
            auth=(user, password),
            max_connection_pool_size=50,
            # Planner notices ("label does not exist" on an empty graph) are not for users' logs.
            notifications_min_severity="OFF",
        )
        return cls(driver, database)

    async def close(self) -> None:
        await self.driver.close()

    def _session(self, **options: Any):  # type: ignore[no-untyped-def]
        # Share execute_query's bookmarks, so that a read after a write sees it, even on a cluster.
        return self.driver.session(
            database=self.database, bookmark_manager=self.driver.execute_query_bookmark_manager, **options
        )

    def pool_usage(self) -> PoolUsage | None:
        """The driver's connection pool now, or None if this driver version hides it.

        The Python driver has no public pool API: this reads its pool's connections (neo4j 6.x).
        """
        pool: Any = getattr(self.driver, "_pool", None)
        try:
            connections = [
                (str(address), len(held), sum(1 for connection in held if connection.in_use))
                for address, held in ((address, list(held)) for address, held in list(pool.connections.items()))
            ]
            return PoolUsage(connections, int(pool.pool_config.max_connection_pool_size))
        except (AttributeError, TypeError):
            return None

    async def ping(self) -> bool:
        """True when the database answers a trivial read."""
        try:
            await self.read("health/ping")
            return True
        except Exception:  # noqa: BLE001 - any failure means "not answering"
            return False

    async def read(self, name: str, text: str | None = None, /, **params: Any) -> list[dict[str, Any]]:
        """Run a named read statement in an auto-routed read (reader members of a cluster)."""
        _counted(name)
        quiet = _quiet(params)
        try:
            records, _, _ = await self.driver.execute_query(
                text or STATEMENTS[name], quiet, database_=self.database, routing_=RoutingControl.READ
            )
        finally:
            _release(quiet)
        return [_row(record) for record in records]

    async def write(self, name: str, text: str | None = None, /, **params: Any) -> list[dict[str, Any]]:
        """Run one named write statement in its own write transaction."""
        return await self.write_tx(lambda tx: tx.run(name, text, **params))

    async def read_tx(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """Run several reads in one read transaction."""
        async with self._session() as session:
            return await session.execute_read(lambda tx: work(Transaction(tx)))

    async def write_tx(self, work: Callable[[Transaction], Awaitable[T]], gated: bool = True) -> T:
        """Run `work` in one write transaction: all of it or nothing. `work` may be retried.

        Unless `gated` is False (the pause's own statements), the transaction first checks that writes are not
        paused (graph/writes.py): if they are, it waits for them to resume or raises WritesPaused.
        """

        async def run(tx: AsyncManagedTransaction) -> T:
            if gated:
                result = await tx.run(STATEMENTS["writes/gate"])
                record = await result.single()
                if record is not None and record["retryAfter"] is not None:
                    raise WritesPaused(int(record["retryAfter"]))
            return await work(Transaction(tx))

        while True:
            try:
                async with self._session() as session:
                    return await session.execute_write(unit_of_work(metadata=WRITE_METADATA)(run))
            except ConstraintError as error:
                raise _conflict(error) from error
            except WritesPaused:
                if not self.wait_while_paused:
                    raise
                await asyncio.sleep(_PAUSE_POLL)


@dataclass(frozen=True)
class PoolUsage:
    """Bolt connections the driver holds and uses, per server address, and the pool's ceiling."""

    connections: list[tuple[str, int, int]]
    ceiling: int


class StreamingReader:
    """A synchronous driver for one long streamed read (a backup), meant to run in a thread of its own.

    It takes about a third of the CPU per record that the async driver does (its event loop turns once per
    record): 1.8 s against 5.0 s for 80,000 nodes.
    """

    def __init__(self, uri: str, user: str, password: str, database: str) -> None:
        self.driver = GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF")
        self.database = database

    @contextlib.contextmanager
    def transaction(self) -> Iterator[ReadTransaction]:
        """One explicit read transaction, rolled back after."""
        with (
            self.driver.session(database=self.database, default_access_mode=READ_ACCESS, fetch_size=2000) as session,
            session.begin_transaction() as tx,
        ):
            yield ReadTransaction(tx)

    def close(self) -> None:
        self.driver.close()


class ReadTransaction:
    """A read transaction of a StreamingReader: named statements, answered whole or streamed."""

    def __init__(self, tx: Any) -> None:
        self._tx = tx

    def run(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement; return its rows."""
        return [record.data() for record in self._tx.run(STATEMENTS[name], params)]

    def stream(self, name: str, /, **params: Any) -> Iterator[list[Any]]:
        """Run the named statement and yield each record's values as they arrive."""
        for record in self._tx.run(STATEMENTS[name], params):
            yield record.values()


def _conflict(error: ConstraintError) -> DuplicateKey:
    text = str(error.message or error)
    for key, (en, zh, field_name) in _UNIQUE_KEYS.items():
        if key in text:
            return DuplicateKey(en, zh, field_name)
    return DuplicateKey(f"This would duplicate a unique value: {text}", "与已有记录的唯一值重复", None)


_UNIQUE_KEYS = {
    "`certificateNo`": ("A title with this certificate number already exists.", "该证书编号已存在", "certificateNo"),
    "`creditCode`": ("An institution with this credit code already exists.", "该统一社会信用代码已存在", "creditCode"),
    "`idHash`": ("A person with this identity number already exists.", "该身份证号码对应的人员已存在", "idNumber"),
}
