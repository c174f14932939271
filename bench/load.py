"""Bulk import at scale: generate N people, load them with `talentgraph load`, and compare with a bare
`UNWIND … MERGE` of the same rows through the driver. Prints rows/s, the loader's peak memory and
the ratio. Usage: .venv/bin/python bench/load.py [--people 200000] [--seed 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pickle
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BATCH_TIMEOUT, benchmark_database, measured_command, server_cpu, timed  # noqa: E402
from cypher import STATEMENTS  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from loaders.generate import generate  # noqa: E402
from loaders.load import LoadSummary, _validate  # noqa: E402
from loaders.writer import References  # noqa: E402

SALT = "bench-salt"
BATCH = 2000


class Run(NamedTuple):
    """One timed write: wall seconds, the writer's peak memory (MiB; 0 if not measured), the writer's own CPU
    seconds (the loader with its validation workers, or this process for the bare write) and the database's
    (None when it is not an embedded one this benchmark started)."""

    seconds: float
    peak_mib: int
    cpu: float
    server_cpu: float | None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _server_delta(connection, before: float | None) -> float | None:
    after = server_cpu(connection)
    return None if before is None or after is None else after - before


def run_loader(connection, kind: str, path: Path) -> Run:
    """Seconds, peak memory (MiB) and CPU of `talentgraph load KIND FILE` as its own process.

    CPU is the loader's and its validation workers' (they are waited for, so the kernel adds them to the
    loader's children), and the database's over the same time.

    Memory is the loader's and its validation workers' together (bench/common.py `measured_command`).
    """
    env = {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "TALENTGRAPH_ID_SALT": SALT,
    }
    cpu_before, server_before = _children_cpu(), server_cpu(connection)
    command = measured_command(
        [sys.executable, "-m", "server.cli", "load", kind, str(path), "--quiet", "--batch-size", str(BATCH)], env
    )
    seconds, stderr = command.seconds, command.stderr
    if command.returncode != 0 or "nothing was written" in stderr:
        raise SystemExit(stderr)
    return Run(seconds, command.peak_mib, _children_cpu() - cpu_before, _server_delta(connection, server_before))


async def prepared_rows(connection, path: Path) -> list[dict]:
    """The rows the loader writes, as its validation pass spills them (not timed), for the bare baseline."""
    db = connection.open(timeout=BATCH_TIMEOUT)
    rows: list[dict] = []
    try:
        with tempfile.TemporaryFile() as spill:
            summary = LoadSummary(path=path, kind="people")
            await _validate(db, path, "people", SALT, None, summary, References(), lambda *_: None, spill, BATCH)
            spill.seek(0)
            while True:
                try:
                    rows.extend(pickle.load(spill))
                except EOFError:
                    return rows
    finally:
        await db.close()


async def bare_load(connection, rows: list[dict]) -> Run:
    """The bare write's seconds and CPU (this process's and the database's)."""
    db = connection.open(timeout=BATCH_TIMEOUT)
    try:
        cpu_before, server_before = time.process_time(), server_cpu(connection)
        started = time.perf_counter()
        for start in range(0, len(rows), BATCH):
            await db.write("bench/bare_people", STATEMENTS["bench/bare_people"], rows=rows[start : start + BATCH])
        return Run(
            time.perf_counter() - started, 0, time.process_time() - cpu_before, _server_delta(connection, server_before)
        )
    finally:
        await db.close()


async def wipe_people(connection) -> None:
    """Remove people, titles and what derives from them (statistics, audit entries): institutions stay."""
    db = connection.open(timeout=BATCH_TIMEOUT)
    try:
        while (await db.write("bench/wipe"))[0]["n"]:
            pass
    finally:
        await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="load and bare write this many times each, alternating, into an emptied graph; "
        "medians are printed (the machine drifts: a ratio of neighbours is steadier)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="talentgraph-load-bench-") as folder, benchmark_database() as connection:
        out = Path(folder)
        seconds, counts = timed(lambda: generate(args.people, args.seed, out))
        print(
            f"generated {counts['people']:,} title rows for {args.people:,} people "
            f"and {counts['institutions']:,} institutions in {seconds:.1f} s"
        )

        async def prepare() -> None:
            db = connection.open(timeout=BATCH_TIMEOUT)
            await migrate(db)
            await db.close()

        asyncio.run(prepare())
        run_loader(connection, "institutions", out / "institutions.csv")
        rows = counts["people"]
        prepared: list[dict] = []
        loads: list[Run] = []
        bares: list[Run] = []
        ratios: list[float] = []
        peaks: list[int] = []
        for attempt in range(1, args.repeat + 1):
            if attempt > 1:
                asyncio.run(wipe_people(connection))
            load = run_loader(connection, "people", out / "people.csv")
            print(
                f"[{attempt}] talentgraph load people: {rows:,} rows in {load.seconds:.1f} s "
                f"= {rows / load.seconds:,.0f} rows/s, "
                f"peak loader memory {load.peak_mib} MiB (with its validation workers); {_cpu(load, 'loader')}"
            )
            if attempt == 1:
                rerun = run_loader(connection, "people", out / "people.csv")
                print(
                    f"[{attempt}] re-run of the same file (all unchanged): {rerun.seconds:.1f} s, "
                    f"peak loader memory {rerun.peak_mib} MiB; {_cpu(rerun, 'loader')}"
                )
                peaks.append(rerun.peak_mib)
                prepared = asyncio.run(prepared_rows(connection, out / "people.csv"))
            asyncio.run(wipe_people(connection))
            bare = asyncio.run(bare_load(connection, prepared))
            print(
                f"[{attempt}] bare UNWIND … MERGE through the driver: {rows:,} rows in {bare.seconds:.1f} s "
                f"= {rows / bare.seconds:,.0f} rows/s; ratio {bare.seconds / load.seconds:.2f}; "
                f"{_cpu(bare, 'Python')}"
            )
            loads.append(load)
            bares.append(bare)
            ratios.append(bare.seconds / load.seconds)
            peaks.append(load.peak_mib)
        load_seconds = statistics.median(run.seconds for run in loads)
        bare_seconds = statistics.median(run.seconds for run in bares)
        print(
            f"median of {args.repeat}: load {load_seconds:.1f} s = {rows / load_seconds:,.0f} rows/s, "
            f"bare {bare_seconds:.1f} s = {rows / bare_seconds:,.0f} rows/s"
        )
        print(
            f"loader rate / bare rate = {statistics.median(ratios):.2f}  (goal ≥ 0.70); "
            f"whole load {load_seconds:.1f} s (goal < 60 s); peak {max(peaks)} MiB (goal < 500 MiB)"
        )
        floor = _cpu_floor(loads, bares)
        if floor:
            print(floor)


def _total_cpu(run: Run) -> float | None:
    return None if run.server_cpu is None else run.cpu + run.server_cpu


def _cpu(run: Run, writer: str) -> str:
    described = f"CPU: {writer} {run.cpu:.1f} s"
    total = _total_cpu(run)
    if total is not None:
        described += f", Neo4j {run.server_cpu:.1f} s, together {total:.1f} s = {total / run.seconds:.2f} cores"
    return described


def _cpu_floor(loads: list[Run], bares: list[Run]) -> str | None:
    """What the CPU the load needs allows on this machine: however well its work overlapped, a load cannot
    take less than its CPU seconds over the cores there are, nor reach a higher ratio than that allows."""
    totals = [total for total in map(_total_cpu, loads) if total is not None]
    bare_totals = [total for total in map(_total_cpu, bares) if total is not None]
    if len(totals) < len(loads) or len(bare_totals) < len(bares):
        return None
    cores = psutil.cpu_count() or 1
    load_cpu, bare_cpu = statistics.median(totals), statistics.median(bare_totals)
    bare_seconds = statistics.median(run.seconds for run in bares)
    shortest = load_cpu / cores
    return (
        f"CPU, medians: the load {load_cpu:.1f} s (loader, workers and Neo4j), the bare write {bare_cpu:.1f} s "
        f"({load_cpu / bare_cpu:.1f} times as much); on {cores} cores the load cannot take less than "
        f"{shortest:.1f} s, so its ratio cannot exceed {bare_seconds / shortest:.2f} here"
    )


if __name__ == "__main__":
    main()
