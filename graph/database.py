"""The one place that talks to the Neo4j driver: named statements, read and write routing, counting."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import (
    WRITE_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    GraphDatabase,
    Query,
    Record,
    RoutingControl,
    unit_of_work,
)
from neo4j.exceptions import ClientError, ConstraintError
from neo4j.time import Date, DateTime, Duration, Time

from cypher import STATEMENTS
from graph.errors import DuplicateKey, StatementTimedOut, WritesPaused

T = TypeVar("T")

#: The metadata of every write transaction, by which a pause of writes finds those still open (graph/writes.py).
WRITE_METADATA = {"app": "talentgraph", "work": "write"}
#: How often a write that waits out a pause of writes looks again.
_PAUSE_POLL = 0.5


#: How many transactions one unit of work (a GraphQL request) may have open at once. A request that asks
#: for 50 aliased pages runs them a few at a time instead of taking the driver's whole connection pool
#: (50), and with it every other request's turn, /healthz's included.
IN_FLIGHT = 4


@dataclass
class StatementCount:
    """How many Cypher statements one unit of work (a GraphQL request) sent; its turns at the database."""

    statements: int = 0
    names: list[str] = field(default_factory=list)
    turns: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(IN_FLIGHT))


_count: contextvars.ContextVar[StatementCount | None] = contextvars.ContextVar("statement_count", default=None)
#: Set while this context holds one of its unit's turns: what it runs inside (a count started beside a
#: page, a nested read) is part of that turn, so that nested work cannot wait for itself.
_in_turn: contextvars.ContextVar[bool] = contextvars.ContextVar("in_turn", default=False)


@contextlib.asynccontextmanager
async def _turn() -> AsyncIterator[None]:
    """Wait for one of the current unit of work's turns (none outside a unit of work)."""
    counter = _count.get()
    if counter is None or _in_turn.get():
        yield
        return
    async with counter.turns:
        held = _in_turn.set(True)
        try:
            yield
        finally:
            _in_turn.reset(held)


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

    async def check_writes_allowed(self) -> None:
        """Raise WritesPaused if a backup pauses writes (graph/writes.py). Not counted as the request's own."""
        result = await self._tx.run(STATEMENTS["writes/gate"])
        record = await result.single()
        if record is not None and record["retryAfter"] is not None:
            raise WritesPaused(int(record["retryAfter"]))

    async def run(self, name: str, text: str | None = None, /, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement (or an allow-list-derived `text` of it); return its rows."""
        _counted(name)
        quiet = _quiet(params)
        try:
            result = await self._tx.run(text or STATEMENTS[name], quiet)
            return [_row(record) async for record in result]
        finally:
            _release(quiet)


#: The server's codes for a transaction it ended because its timeout passed (Neo4j 5), and for one that
#: waited on a lock until then.
_TIMED_OUT = frozenset(
    {
        "Neo.ClientError.Transaction.TransactionTimedOut",
        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
        "Neo.ClientError.Transaction.LockClientStopped",
    }
)


class Database:
    """A Neo4j driver bound to one database, with read/write routing and statement counting.

    Every transaction it opens carries `timeout` seconds: the server ends it after that, whatever it is
    doing or waiting for, and the caller gets StatementTimedOut. API requests use a few seconds; a
    command that writes in large batches opens its own Database with a longer timeout.
    """

    def __init__(self, driver: AsyncDriver, database: str, timeout: float) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        #: While writes are paused (a backup, graph/writes.py): wait for them to resume, or raise WritesPaused
        #: at once (the API, which answers 503 with Retry-After).
        self.wait_while_paused = True

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str, *, timeout: float) -> Database:
        """Open a driver to `uri` (bolt://, neo4j://, +s variants); its transactions end after `timeout` s."""
        driver = AsyncGraphDatabase.driver(
            uri,
            auth=(user, password),
            max_connection_pool_size=50,
            # Planner notices ("label does not exist" on an empty graph) are not for users' logs.
            notifications_min_severity="OFF",
        )
        return cls(driver, database, timeout)

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
        return await self._query(name, text, params, RoutingControl.READ)

    async def read_on_leader(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run a named read statement on the server that takes writes (a cluster's leader): a question about its
        own state, such as the write transactions it has open."""
        return await self._query(name, None, params, RoutingControl.WRITE)

    async def _query(
        self, name: str, text: str | None, params: dict[str, Any], routing: RoutingControl
    ) -> list[dict[str, Any]]:
        _counted(name)
        quiet = _quiet(params)
        try:
            async with _turn():
                records, _, _ = await self.driver.execute_query(
                    Query(text or STATEMENTS[name], timeout=self.timeout),
                    quiet,
                    database_=self.database,
                    routing_=routing,
                )
        except ClientError as error:
            self._raise_timed_out(error)
            raise
        finally:
            _release(quiet)
        return [_row(record) for record in records]

    async def write(self, name: str, text: str | None = None, /, **params: Any) -> list[dict[str, Any]]:
        """Run one named write statement in its own write transaction."""
        return await self.write_tx(lambda tx: tx.run(name, text, **params))

    async def read_tx(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """Run several reads in one read transaction."""
        try:
            async with _turn(), self._session() as session:
                return await session.execute_read(self._unit(work))
        except ClientError as error:
            self._raise_timed_out(error)
            raise

    async def write_tx(self, work: Callable[[Transaction], Awaitable[T]], gated: bool = True) -> T:
        """Run `work` in one write transaction: all of it or nothing. `work` may be retried.

        Unless `gated` is False (the pause's own statements), the transaction first checks that writes are not
        paused (graph/writes.py): if they are, it waits for them to resume or raises WritesPaused.
        """

        async def gated_work(tx: Transaction) -> T:
            if gated:
                await tx.check_writes_allowed()
            return await work(tx)

        while True:
            try:
                async with _turn(), self._session() as session:
                    return await session.execute_write(self._unit(gated_work, WRITE_METADATA))
            except ConstraintError as error:
                raise _conflict(error) from error
            except ClientError as error:
                self._raise_timed_out(error)
                raise
            except WritesPaused:
                if not self.wait_while_paused:
                    raise
            # Waits outside the request's turn at the database (_turn), so that its reads go on meanwhile.
            await asyncio.sleep(_PAUSE_POLL)

    def _unit(
        self, work: Callable[[Transaction], Awaitable[T]], metadata: dict[str, str] | None = None
    ) -> Callable[[AsyncManagedTransaction], Awaitable[T]]:
        """`work` as a transaction function that the server ends after this database's timeout."""
        return unit_of_work(timeout=self.timeout, metadata=metadata)(lambda tx: work(Transaction(tx)))

    def _raise_timed_out(self, error: ClientError) -> None:
        """Raise StatementTimedOut if the server ended the transaction at its timeout."""
        if error.code in _TIMED_OUT:
            raise StatementTimedOut(self.timeout) from error


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
        """One explicit transaction that only reads, rolled back after.

        On a cluster it runs on the leader, where writes are paused (graph/writes.py), not on a reader that
        may lag it: so it sees every write committed before the pause.
        """
        with (
            self.driver.session(database=self.database, default_access_mode=WRITE_ACCESS, fetch_size=2000) as session,
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
