"""Every transaction sent to Neo4j carries a timeout: the server ends it, and the caller gets StatementTimedOut."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from graph.errors import StatementTimedOut
from graph.runtime import Neo4jConnection

#: A read that would take minutes: Neo4j counts a billion numbers.
ENDLESS_READ = "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n"


def run(connection: Neo4jConnection, timeout: float, work: Any) -> Any:
    async def main() -> Any:
        db = connection.open(timeout=timeout)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(main())


def test_a_read_that_runs_past_the_timeout_is_ended_by_the_server(neo4j_connection: Neo4jConnection) -> None:
    with pytest.raises(StatementTimedOut) as raised:
        run(neo4j_connection, 0.5, lambda db: db.read("test/endless", ENDLESS_READ))
    assert "0.5 s" in str(raised.value)


def test_reads_in_a_read_transaction_are_ended_too(neo4j_connection: Neo4jConnection) -> None:
    with pytest.raises(StatementTimedOut):
        run(neo4j_connection, 0.5, lambda db: db.read_tx(lambda tx: tx.run("test/endless", ENDLESS_READ)))


def test_a_write_waiting_for_a_lock_is_ended_at_the_timeout(
    neo4j_connection: Neo4jConnection, graph_driver: Any, cypher: Any
) -> None:
    cypher("CREATE (:TimeoutProbe {id: 'p'})")
    with graph_driver.session(database=neo4j_connection.database) as session:
        holder = session.begin_transaction()
        try:
            holder.run("MATCH (p:TimeoutProbe {id: 'p'}) SET p.held = true").consume()
            with pytest.raises(StatementTimedOut):
                run(
                    neo4j_connection,
                    0.5,
                    lambda db: db.write("test/probe", "MATCH (p:TimeoutProbe {id: 'p'}) SET p.n = 1"),
                )
        finally:
            holder.rollback()
    assert cypher("MATCH (p:TimeoutProbe) RETURN p.n AS n") == [{"n": None}]


def test_statements_within_the_timeout_are_answered(neo4j_connection: Neo4jConnection) -> None:
    rows = run(neo4j_connection, 5, lambda db: db.read("test/count", "UNWIND range(1, 1000) AS x RETURN count(x) AS n"))
    assert rows == [{"n": 1000}]


def test_one_unit_of_work_holds_at_most_four_transactions_at_once(
    neo4j_connection: Neo4jConnection, graph_driver: Any
) -> None:
    from graph.database import IN_FLIGHT, count_statements

    slow = "UNWIND range(1, 3000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n // in-flight probe"
    seen: list[int] = []

    async def main() -> None:
        db = neo4j_connection.open(timeout=60)
        try:
            count_statements()
            reads = asyncio.gather(*(db.read("test/slow", slow) for _ in range(12)))
            while not reads.done():
                records, _, _ = await asyncio.to_thread(
                    graph_driver.execute_query,
                    "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'in-flight probe' "
                    "AND NOT currentQuery CONTAINS 'SHOW' RETURN count(*) AS n",
                )
                seen.append(records[0]["n"])
                await asyncio.sleep(0.05)
            await reads
        finally:
            await db.close()

    asyncio.run(main())
    assert max(seen) == IN_FLIGHT == 4, seen
