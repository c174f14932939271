"""What the benchmarks share: a Neo4j of their own (or NEO4J_URI), timing and percentiles."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph.embedded import EmbeddedNeo4j
from graph.runtime import Neo4jConnection


@contextmanager
def benchmark_database(heap: str = "2g", pagecache: str = "2g") -> Iterator[Neo4jConnection]:
    """NEO4J_URI if set (it must be a database you can fill); else an embedded Neo4j in a temporary folder."""
    if os.environ.get("NEO4J_URI"):
        yield Neo4jConnection(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                              os.environ.get("NEO4J_PASSWORD", ""), os.environ.get("NEO4J_DATABASE", "neo4j"))
        return
    folder = Path(tempfile.mkdtemp(prefix="talentgraph-bench-"))
    embedded = EmbeddedNeo4j(folder / "neo4j", heap=heap, pagecache=pagecache)
    running, _ = embedded.start(quiet=True)
    try:
        yield Neo4jConnection(running.uri, "neo4j", "", "neo4j")
    finally:
        embedded.stop()
        shutil.rmtree(folder, ignore_errors=True)


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by `work`, and its result."""
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def percentile(samples: list[float], fraction: float) -> float:
    """The `fraction` quantile (0.95 for p95) of samples, by linear interpolation."""
    ordered = sorted(samples)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def describe(samples: list[float]) -> str:
    """Median and p95 in milliseconds."""
    return f"median {statistics.median(samples) * 1000:7.2f} ms   p95 {percentile(samples, 0.95) * 1000:7.2f} ms"
