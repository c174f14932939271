"""Fixtures of the API tests."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.api.test_list_filters import SEED, World, make_world, write_world


@pytest.fixture
def world(cypher: Any) -> World:
    """The seeded world of the list tests, written to the test database."""
    built = make_world(random.Random(SEED))
    write_world(cypher, built)
    return built
