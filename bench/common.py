"""What the benchmarks share: a Neo4j of their own (or NEO4J_URI), timing and percentiles."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import psutil

from graph.embedded import EmbeddedNeo4j
from graph.runtime import Neo4jConnection

#: The process of each embedded database the benchmarks started, by Bolt URI (for its CPU time).
_SERVERS: dict[str, int] = {}

#: How long a benchmark's own setup transactions (loads, migrations) may run, in seconds.
BATCH_TIMEOUT = 900.0


@contextmanager
def benchmark_database(heap: str = "2g", pagecache: str = "2g") -> Iterator[Neo4jConnection]:
    """NEO4J_URI if set (it must be a database you can fill); else an embedded Neo4j in a temporary folder."""
    if os.environ.get("NEO4J_URI"):
        yield Neo4jConnection(
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
            os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
        return
    folder = Path(tempfile.mkdtemp(prefix="talentgraph-bench-"))
    embedded = EmbeddedNeo4j(folder / "neo4j", heap=heap, pagecache=pagecache)
    running, _ = embedded.start(quiet=True)
    _SERVERS[running.uri] = running.pid
    try:
        yield Neo4jConnection(running.uri, running.user, running.password, "neo4j")
    finally:
        _SERVERS.pop(running.uri, None)
        embedded.stop()
        shutil.rmtree(folder, ignore_errors=True)


def server_cpu(connection: Neo4jConnection) -> float | None:
    """CPU seconds (user and system) the database behind `connection` has used so far: only for an embedded
    one that benchmark_database started (a NEO4J_URI server's process is not ours to see), else None."""
    pid = _SERVERS.get(connection.uri)
    if pid is None:
        return None
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return None
    return times.user + times.system


def _high_water(pid: int) -> int:
    """The peak resident memory (bytes) of a running process so far, as /proc counts it (VmHWM); 0 if gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Command(NamedTuple):
    """A command that ran: wall seconds, peak memory (MiB), exit status and what it wrote."""

    seconds: float
    peak_mib: int
    returncode: int
    stderr: str
    stdout: str


def measured_command(argv: list[str], env: dict[str, str]) -> Command:
    """Run `argv` as its own process; time it and take its peak memory.

    Memory is the resident memory of the process and its children (a loader's validation workers)
    together, sampled every 50 ms (psutil), and never less than the process's own high-water mark (VmHWM,
    read until it exits). Not the kernel's ru_maxrss of the child: on Linux it starts from the parent's
    resident memory at the fork, so it would charge a command with the benchmark's own memory.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+") as errors, tempfile.TemporaryFile(mode="w+") as output:
        process = subprocess.Popen(argv, env=env, stdout=output, stderr=errors, text=True)
        peak = own = 0
        watched = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak = max(peak, sum(member.memory_info().rss for member in tree))
            except psutil.Error:
                pass
            own = max(own, _high_water(process.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        errors.seek(0)
        output.seek(0)
        stderr, stdout = errors.read(), output.read()
    return Command(seconds, max(peak, own) // (1024 * 1024), process.returncode, stderr, stdout)


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
