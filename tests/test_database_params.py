"""Statement parameters reach Neo4j intact, but list parameters print as their length (graph/database.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from graph.database import Database, _quiet


def test_list_parameters_print_short_and_arrive_whole(neo4j_connection: Any) -> None:
    rows = [{"name": "张伟", "fields": ["A01", "B02"], "nested": [{"n": i}]} for i in range(3000)]
    params = _quiet({"rows": rows, "limit": 5, "name": "x"})
    # What the driver's debug line formats, whether or not debug logging is on.
    assert repr(params["rows"]) == "<3000 items>"
    assert params["limit"] == 5 and params["name"] == "x"

    async def echo() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        db = Database.connect(neo4j_connection.uri, neo4j_connection.user, neo4j_connection.password,
                              neo4j_connection.database)
        try:
            read = await db.read("test/echo", "RETURN $rows AS rows", rows=rows)
            written = await db.write("test/echo", "RETURN $rows AS rows", rows=rows)
            return read[0]["rows"], written[0]["rows"]
        finally:
            await db.close()

    read, written = asyncio.run(echo())
    assert read == rows and written == rows
