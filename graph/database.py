"""The one place that talks to the Neo4j driver: named statements, read and write routing, counting."""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, AsyncSession, Record, RoutingControl
from neo4j.exceptions import ConstraintError
from neo4j.time import Date, DateTime, Duration, Time

from cypher import STATEMENTS
from graph.errors import Conflict

T = TypeVar("T")


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

    def _session(self) -> AsyncSession:
        # Share execute_query's bookmarks, so that a read after a write sees it, even on a cluster.
        return self.driver.session(database=self.database, bookmark_manager=self.driver.execute_query_bookmark_manager)

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

    async def write_tx(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """Run `work` in one write transaction: all of it or nothing. `work` may be retried."""
        try:
            async with self._session() as session:
                return await session.execute_write(lambda tx: work(Transaction(tx)))
        except ConstraintError as error:
            raise _conflict(error) from error


def date_of(value: Any) -> dt.date | None:
    """A date as read from Neo4j (or already a Python date) as a Python date; None stays None."""
    return value.to_native() if isinstance(value, Date) else value


def _conflict(error: ConstraintError) -> Conflict:
    text = str(error.message or error)
    for key, (en, zh, field_name) in _UNIQUE_KEYS.items():
        if key in text:
            return Conflict(en, zh, field_name)
    return Conflict(f"This would duplicate a unique value: {text}", "与已有记录的唯一值重复", None)


_UNIQUE_KEYS = {
    "`certificateNo`": ("A title with this certificate number already exists.", "该证书编号已存在", "certificateNo"),
    "`creditCode`": ("An institution with this credit code already exists.", "该统一社会信用代码已存在", "creditCode"),
    "`idHash`": ("A person with this identity number already exists.", "该身份证号码对应的人员已存在", "idNumber"),
}
