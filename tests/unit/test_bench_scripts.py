"""The benchmarks are run by hand, not by CI: this keeps them importable as the code they measure changes."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
SCRIPTS = sorted(path.stem for path in BENCH.glob("*.py") if path.stem != "__init__")


def test_there_are_benchmarks() -> None:
    assert {"load", "api", "stats", "search"} <= set(SCRIPTS)


@pytest.mark.parametrize("name", SCRIPTS)
def test_benchmark_imports(name: str) -> None:
    module = importlib.import_module(f"bench.{name}")
    if name not in {"common", "serving"}:
        assert callable(module.main)
