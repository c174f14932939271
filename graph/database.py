"""The one place that talks to the Neo4j driver: named statements, read and write routing, counting."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import (
    WRITE_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncSession,
    GraphDatabase,
    Query,
    Record,
    RoutingControl,
    unit_of_work,
)
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    IncompleteCommit,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from neo4j.exceptions import DatabaseUnavailable as DatabaseStartingOrStopping
from neo4j.time import Date, DateTime, Duration, Time

from cypher import STATEMENTS
from graph.errors import DatabaseUnavailable, DuplicateKey, StatementTimedOut, WritesPaused

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


class _Quiet(list[Any]):
    """A parameter list that prints as its length.

    The driver formats every statement's parameters for its debug log before it knows whether anyone
    listens (`AsyncBolt5x5.run`): milliseconds for every 2,000-row batch of a load. It sends a list subclass
    exactly as a list.
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
    load's 2,000 people would wait for it, and collecting that often, walking everything alive, would take a
    good share of the loader's CPU. Only this module's wrapper lists are emptied: the caller's lists are
    untouched.
    """
    for value in params.values():
        if type(value) is _Quiet:
            value.clear()


_AS_IS = frozenset({str, int, float, bool, type(None), Date, DateTime, Time, Duration})


class _GraphValue(Exception):
    """A node, relationship, path or other value that `Record.data()` turns into something else."""


def _plain(value: Any) -> Any:
    """What `Record.data()` makes of maps, lists and scalars, without its abstract-class checks.

    Those checks on every nested map and list are a large part of the API's time for a page of people
    (bench/api.py). Anything else raises `_GraphValue`, and the record goes to `data()` itself.
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


#: Seconds to open a connection to Neo4j, and to get one from the pool (opening included). While the
#: database is down, a request fails after these rather than after the driver's defaults (30 and 60 s).
CONNECT_SECONDS = 3.0
ACQUIRE_SECONDS = 5.0
#: How the driver retries a failed transaction: once, about 0.2 s later (a connection of the pool that broke
#: when the database restarted is replaced by a new one). Its defaults (30 s, the first retry after 1 s)
#: kept every request waiting that long while the database was down; one retry after 1 s made a refusal
#: take 1.2 s (bench/faults.py). Transactions that fail on contention (a deadlock) are tried again by
#: `Database` for up to CONTENTION_SECONDS.
DRIVER_RETRY_SECONDS = 0.1
DRIVER_RETRY_DELAY_SECONDS = 0.2
CONTENTION_SECONDS = 15.0
#: /healthz's wait for the database's answer.
PING_SECONDS = 2.0
#: How often the API's health monitor (server/health.py) asks the database whether it answers, and how old
#: the last answer may be before /healthz says the database is not answering.
HEALTH_INTERVAL_SECONDS = 1.0
HEALTH_STALE_SECONDS = PING_SECONDS + 2 * HEALTH_INTERVAL_SECONDS

#: What the driver raises when no server answers, the connection broke, or the pool had none free in time.
_UNREACHABLE = (ServiceUnavailable, SessionExpired, ConnectionAcquisitionTimeoutError, DatabaseStartingOrStopping)

#: Where the database is now, and the password it asks for: for an embedded database that may have been
#: restarted on another port (or with another password); None while it is not running.
Locate = Callable[[], tuple[str, str] | None]


def _driver(uri: str, user: str, password: str) -> AsyncDriver:
    return AsyncGraphDatabase.driver(
        uri,
        auth=(user, password),
        max_connection_pool_size=50,
        connection_timeout=CONNECT_SECONDS,
        connection_acquisition_timeout=ACQUIRE_SECONDS,
        max_transaction_retry_time=DRIVER_RETRY_SECONDS,
        initial_retry_delay=DRIVER_RETRY_DELAY_SECONDS,
        # Planner notices ("label does not exist" on an empty graph) are not for users' logs.
        notifications_min_severity="OFF",
    )


class Database:
    """A Neo4j driver bound to one database, with read/write routing and statement counting.

    Every transaction it opens carries `timeout` seconds: the server ends it after that, whatever it is
    doing or waiting for, and the caller gets StatementTimedOut. API requests use a few seconds; a
    command that writes in large batches opens its own Database with a longer timeout.

    A database that cannot be reached is reported as DatabaseUnavailable within a few seconds. With `locate`,
    a database that was restarted elsewhere is followed: the driver is replaced and the work tried once more.
    """

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        timeout: float,
        target: tuple[str, str, str] | None = None,
        locate: Locate | None = None,
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self._target = target  # the driver's uri, user and password, to compare with what `locate` finds
        self._locate = locate
        self._moves = 0
        self._moving = asyncio.Lock()
        #: While writes are paused (a backup, graph/writes.py): wait for them to resume, or raise WritesPaused
        #: at once (the API, which answers 503 with Retry-After).
        self.wait_while_paused = True
        #: When (time.monotonic) the database last answered, and when it last could not be reached: /healthz
        #: answers from these without a round trip of its own (`answering`).
        self.answered_at = float("-inf")
        self.unreachable_at = float("-inf")

    @classmethod
    def connect(
        cls, uri: str, user: str, password: str, database: str, *, timeout: float, locate: Locate | None = None
    ) -> Database:
        """Open a driver to `uri` (bolt://, neo4j://, +s variants); its transactions end after `timeout` s.
        `locate` finds the database again if it moves."""
        return cls(_driver(uri, user, password), database, timeout, (uri, user, password), locate)

    async def close(self) -> None:
        await self.driver.close()

    async def _reaching(self, attempt: Callable[[], Awaitable[T]]) -> T:
        """`attempt()`, with an unreachable database as DatabaseUnavailable and contention retried."""
        contention_ends: float | None = None
        moved = False
        while True:
            moves = self._moves
            try:
                answer = await attempt()
                self.answered_at = time.monotonic()
                return answer
            except _UNREACHABLE as error:
                # A commit cut off may have happened: never repeated here, reported as not confirmed.
                if moved or isinstance(error, IncompleteCommit) or not await self._follow(moves):
                    self.unreachable_at = time.monotonic()
                    raise DatabaseUnavailable() from error
                moved = True
            except AuthError:
                if moved or not await self._follow(moves):
                    raise
                moved = True
            except TransientError:
                contention_ends = contention_ends or time.monotonic() + CONTENTION_SECONDS
                if time.monotonic() > contention_ends:
                    raise

    async def _follow(self, moves: int) -> bool:
        """True if the driver now points somewhere else than when the attempt began (moved here if need be)."""
        if self._locate is None or self._target is None:
            return False
        async with self._moving:
            if self._moves != moves:
                return True
            found = await asyncio.to_thread(self._locate)
            _, user, _ = self._target
            if found is None or (found[0], user, found[1]) == self._target:
                return False
            self._target = (found[0], user, found[1])
            stale, self.driver = self.driver, _driver(*self._target)
            self._moves += 1
        await stale.close()
        return True

    def _session(self, **options: Any) -> AsyncSession:
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

    def answering(self, stale: float = HEALTH_STALE_SECONDS) -> bool:
        """Whether the database answered within the last `stale` seconds and has not failed to be reached since,
        from what requests and the health monitor's pings saw; no round trip."""
        return self.answered_at > self.unreachable_at and time.monotonic() - self.answered_at < stale

    async def ping(self) -> bool:
        """True when the database answers a trivial read within PING_SECONDS."""
        try:
            async with asyncio.timeout(PING_SECONDS):
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
        statement = text or STATEMENTS[name]
        try:
            async with _turn():
                records, _, _ = await self._reaching(
                    lambda: self.driver.execute_query(
                        Query(statement, timeout=self.timeout),
                        quiet,
                        database_=self.database,
                        routing_=routing,
                    )
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

        async def attempt() -> T:
            async with self._session() as session:
                return await session.execute_read(self._unit(work))

        try:
            async with _turn():
                return await self._reaching(attempt)
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

        async def attempt() -> T:
            async with self._session() as session:
                return await session.execute_write(self._unit(gated_work, WRITE_METADATA))

        while True:
            try:
                async with _turn():
                    return await self._reaching(attempt)
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


def date_of(value: Any) -> dt.date | None:
    """A date as read from Neo4j (or already a Python date) as a Python date; None stays None."""
    return value.to_native() if isinstance(value, Date) else value


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
    "`passportHash`": ("A person with this passport already exists.", "该护照对应的人员已存在", "passport"),
}
