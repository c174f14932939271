"""Every Cypher statement of the project, one named `.cypher` file each, loaded once at import.

`STATEMENTS["people/list"]` is the text of `cypher/people/list.cypher`. The mapping is read-only. A
statement's first comment lines say what it answers and which parameters it takes. Some files are
fragments that fill the `/*SLOT*/`s of others (filters, projections, `stats/titled_staff`): where a sort
key or a filter must vary, graph/listing.py fills the slots from allow-lists in code. Nothing from a
request is ever formatted into Cypher text.
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
