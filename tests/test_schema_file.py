"""schema.graphql is exported from the code; this fails when the two drift apart."""

from __future__ import annotations

import pytest

from graph.settings import REPOSITORY
from server.schema import schema

pytestmark = pytest.mark.unit


def test_schema_graphql_matches_the_code() -> None:
    exported = (REPOSITORY / "schema.graphql").read_text(encoding="utf-8")
    assert exported == schema.as_str() + "\n", "schema.graphql is stale: run `.venv/bin/talentgraph schema`"
