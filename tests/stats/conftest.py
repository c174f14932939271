"""Helpers for statistics tests: recount the aggregates on the test database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph.stats.rebuild import rebuild_talent_stats


@pytest.fixture
def rebuild(on_db: Callable[..., Any]) -> Callable[[], int]:
    """Recount the aggregates from the graph, as a bulk loader does after loading."""
    return lambda: on_db(rebuild_talent_stats)
