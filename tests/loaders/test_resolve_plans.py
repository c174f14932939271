"""The statements that resolve an import's references must seek by key, not scan: at 5,000 institutions a
scan per reference made validating a 200,000-row file take minutes."""

from __future__ import annotations

from typing import Any

from cypher import STATEMENTS


def _operators(plan: Any) -> list[str]:
    found = [f"{plan['operatorType']} {plan.get('args', {}).get('Details', '')}"]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


def test_institutions_are_resolved_by_index_seeks(graph_driver: Any, neo4j_connection: Any) -> None:
    refs = [{"key": "0", "creditCode": None, "name": "承德医学院", "region": "130800"},
            {"key": "1", "creditCode": "12130800401705473A", "name": None, "region": None}]
    with graph_driver.session(database=neo4j_connection.database) as session:
        plan = session.run("EXPLAIN " + STATEMENTS["bulk/resolve_institutions"], refs=refs).consume().plan
    operators = _operators(plan)
    assert any(op.startswith("NodeIndexSeek") and "Institution(name)" in op for op in operators), operators
    assert any(op.startswith("NodeUniqueIndexSeek") and "Institution(creditCode)" in op for op in operators), operators
    assert not any("Scan" in op.split()[0] for op in operators), operators
