"""Everything under tests/unit is a unit test: pure functions, no database, run before the rest."""

from __future__ import annotations

import pytest

#: Fixtures that reach the database; a unit test that asks for one belongs elsewhere.
DATABASE_FIXTURES = frozenset({"neo4j_connection", "graph_driver", "cypher", "client", "keys"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/unit/" not in item.nodeid:
            continue
        item.add_marker(pytest.mark.unit)
        reached = DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if reached:
            raise pytest.UsageError(
                f"{item.nodeid} is a unit test but uses {sorted(reached)}: move it out of tests/unit"
            )
