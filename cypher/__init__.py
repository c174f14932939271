"""Every Cypher statement of the project, one named `.cypher` file each, loaded once at import.

`STATEMENTS["people/search"]` is the text of `cypher/people/search.cypher`. The mapping is
read-only. A statement's first comment lines say what it answers and which parameters it takes.
Where a sort key must vary, the file holds a `/*ORDER_BY*/` slot that `with_order` fills from an
allow-list in code: nothing from a request is ever formatted into Cypher text.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

_ROOT = Path(__file__).resolve().parent


def _load() -> Mapping[str, str]:
    statements: dict[str, str] = {}
    for path in sorted(_ROOT.rglob("*.cypher")):
        name = path.relative_to(_ROOT).with_suffix("").as_posix()
        statements[name] = path.read_text(encoding="utf-8")
    return MappingProxyType(statements)


STATEMENTS: Mapping[str, str] = _load()


def split_statements(text: str) -> list[str]:
    """Split a multi-statement file (migrations) on `;` at line ends, dropping comment-only parts."""
    parts: list[str] = []
    for chunk in text.split(";\n"):
        body = "\n".join(line for line in chunk.splitlines() if not line.strip().startswith("//")).strip()
        body = body.rstrip(";").strip()
        if body:
            parts.append(body)
    return parts


def with_order(statement: str, order_by: str) -> str:
    """Fill the `/*ORDER_BY*/` slot of a statement with an allow-listed ORDER BY fragment."""
    if "/*ORDER_BY*/" not in statement:
        raise ValueError("statement has no /*ORDER_BY*/ slot")
    return statement.replace("/*ORDER_BY*/", order_by)
