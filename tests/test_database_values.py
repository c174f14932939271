"""Statement parameters reach Neo4j intact (list parameters print as their length), and rows come back
exactly as the driver's `Record.data()` gives them (graph/database.py)."""

from __future__ import annotations

import asyncio
import gc
import weakref
from typing import Any

import pytest
from neo4j import GraphDatabase

from graph.database import Database, _GraphValue, _plain, _quiet, _row


def test_list_parameters_print_short_and_arrive_whole(neo4j_connection: Any) -> None:
    rows = [{"name": "张伟", "fields": ["A01", "B02"], "nested": [{"n": i}]} for i in range(3000)]
    params = _quiet({"rows": rows, "limit": 5, "name": "x"})
    # What the driver's debug line formats, whether or not debug logging is on.
    assert repr(params["rows"]) == "<3000 items>"
    assert params["limit"] == 5 and params["name"] == "x"

    async def echo() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        db = Database.connect(
            neo4j_connection.uri,
            neo4j_connection.user,
            neo4j_connection.password,
            neo4j_connection.database,
            timeout=60,
        )
        try:
            read = await db.read("test/echo", "RETURN $rows AS rows", rows=rows)
            written = await db.write("test/echo", "RETURN $rows AS rows", rows=rows)
            return read[0]["rows"], written[0]["rows"]
        finally:
            await db.close()

    read, written = asyncio.run(echo())
    assert read == rows and written == rows


class _Row(dict):  # type: ignore[type-arg]
    """A parameter row that a weak reference can follow."""


def test_parameters_are_freed_when_their_statement_ends(neo4j_connection: Any) -> None:
    # The driver keeps parameters in a reference cycle with its result: without graph/database.py emptying
    # its own lists, these rows would live until the cyclic collector ran (disabled here).
    freed: dict[str, weakref.ref[_Row]] = {}
    caller_rows: list[dict[str, Any]] = []

    async def run() -> None:
        db = Database.connect(
            neo4j_connection.uri,
            neo4j_connection.user,
            neo4j_connection.password,
            neo4j_connection.database,
            timeout=60,
        )
        try:

            def rows(name: str) -> list[_Row]:
                made = [_Row(n=i) for i in range(100)]
                freed[name] = weakref.ref(made[0])
                return made

            await db.read("test/echo", "UNWIND $rows AS r RETURN count(*) AS n", rows=rows("read"))
            await db.write("test/echo", "UNWIND $rows AS r RETURN count(*) AS n", rows=rows("write"))

            async def work(tx: Any) -> list[dict[str, Any]]:
                return await tx.run("test/echo", "UNWIND $rows AS r RETURN count(*) AS n", rows=caller_rows)

            caller_rows.extend(rows("kept"))
            await db.write_tx(work)
        finally:
            await db.close()

    gc.collect()
    gc.disable()
    try:
        asyncio.run(run())
        assert freed["read"]() is None and freed["write"]() is None
        # The caller's own list is left as it was.
        assert len(caller_rows) == 100 and freed["kept"]() is caller_rows[0]
    finally:
        gc.enable()


ROWS = """
CREATE (a:EchoTest {name: '甲', at: datetime('2026-11-29T10:00:00.123456789+08:00'), on: date('2026-01-02')})
CREATE (b:EchoTest {name: '乙', scores: [1, 2]})
CREATE (a)-[r:KNOWS {since: 2020}]->(b)
WITH a, b, r
UNWIND range(1, 2) AS i
RETURN i, 'x' AS text, 1.5 AS number, true AS flag, null AS nothing, [1, [2, 'y'], {z: null}] AS nested,
       {when: a.at, on: a.on, t: localtime('12:00'), lasted: duration('P1DT2H'), tags: ['a', 'b']} AS map,
       CASE i WHEN 2 THEN point({x: 1.0, y: 2.0}) END AS place, CASE i WHEN 2 THEN a END AS node,
       {pair: CASE i WHEN 2 THEN [a, b] ELSE [1, 2] END} AS nodes, CASE i WHEN 2 THEN r END AS rel,
       CASE i WHEN 2 THEN [(a)-[k:KNOWS]->(b) | k] ELSE [] END AS rels
"""


def test_rows_are_what_record_data_gives(neo4j_connection: Any) -> None:
    # The first row holds only maps, lists, scalars and temporals: the fast path. The second also holds
    # nodes, relationships and a point: Record.data() itself. Both must give what Record.data() gives,
    # value for value and type for type.
    auth = (neo4j_connection.user, neo4j_connection.password)
    with (
        GraphDatabase.driver(neo4j_connection.uri, auth=auth) as driver,
        driver.session(database=neo4j_connection.database) as session,
    ):
        try:
            records = list(session.run(ROWS))
        finally:
            session.run("MATCH (n:EchoTest) DETACH DELETE n").consume()
    assert len(records) == 2
    for record in records:
        expected, got = record.data(), _row(record)
        assert got == expected
        assert repr(got) == repr(expected)
    [_plain(value) for value in records[0].values()]  # the first row takes the fast path: nothing raised
    with pytest.raises(_GraphValue):
        [_plain(value) for value in records[1].values()]
    first, second = (_row(record) for record in records)
    assert type(first["map"]["when"]).__name__ == "DateTime" and first["nested"][1] == [2, "y"]
    assert first["node"] is None and first["nodes"] == {"pair": [1, 2]}
    assert isinstance(second["node"], dict) and second["node"]["name"] == "甲"
    assert (
        second["rel"][1] == "KNOWS" and second["rels"][0][1] == "KNOWS" and second["nodes"]["pair"][1]["name"] == "乙"
    )
