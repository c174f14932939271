"""The reference data shipped in graph/reference/ (regions, fields, targets), read one way for everyone.

Free of the driver: loaders' validation workers read it too (loaders/reference.py), and migrations seed it
(graph/migrations.py). The closed vocabularies are in graph/vocabulary.py.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"


def read_reference(name: str) -> list[dict[str, Any]]:
    """Rows of a shipped reference CSV, empty cells as None and snake_case keys as camelCase."""
    with open(REFERENCE_DIR / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return [
            {camel(key): (value if value != "" else None) for key, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def camel(key: str) -> str:
    """A snake_case name (a CSV column, a dataclass field) in camelCase, as the graph stores properties."""
    head, *rest = key.split("_")
    return head + "".join(part.capitalize() for part in rest)
