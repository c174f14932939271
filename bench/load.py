"""Bulk import at scale: generate N people, load them with `talentgraph load`, and compare with a bare
`UNWIND … MERGE` of the same rows through the driver. Prints rows/s, the loader's peak memory and
the ratio. Usage: .venv/bin/python bench/load.py [--people 200000] [--seed 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import benchmark_database, timed  # noqa: E402
from cypher import STATEMENTS  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from loaders.generate import generate  # noqa: E402
from loaders.load import LoadSummary, _validate  # noqa: E402
from loaders.writer import References  # noqa: E402

SALT = "bench-salt"
BATCH = 2000


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


def run_loader(connection, kind: str, path: Path) -> tuple[float, int]:
    """Seconds and peak memory (MiB) of `talentgraph load KIND FILE` as its own process.

    Memory is the resident memory of the loader and its validation workers together, sampled every
    50 ms (psutil), and never less than the loader's own high-water mark (VmHWM, read until it exits).
    Not the kernel's ru_maxrss of the child: on Linux it starts from the parent's resident memory at the
    fork, so it charged later loads with this benchmark's own 520 MiB of prepared rows.
    """
    env = {**os.environ, "NEO4J_URI": connection.uri, "NEO4J_USER": connection.user,
           "NEO4J_PASSWORD": connection.password, "TALENTGRAPH_ID_SALT": SALT}
    started = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+") as errors:
        process = subprocess.Popen([sys.executable, "-m", "server.cli", "load", kind, str(path), "--quiet",
                                    "--batch-size", str(BATCH)], env=env, stdout=subprocess.DEVNULL,
                                   stderr=errors, text=True)
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
        stderr = errors.read()
    if process.returncode != 0 or "nothing was written" in stderr:
        raise SystemExit(stderr)
    return seconds, max(peak, own) // (1024 * 1024)


async def prepared_rows(connection, path: Path) -> list[dict]:
    """The rows the loader writes, as its validation pass spills them (not timed), for the bare baseline."""
    db = connection.open()
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


async def bare_load(connection, rows: list[dict]) -> float:
    db = connection.open()
    try:
        started = time.perf_counter()
        for start in range(0, len(rows), BATCH):
            await db.write("bench/bare_people", STATEMENTS["bench/bare_people"], rows=rows[start:start + BATCH])
        return time.perf_counter() - started
    finally:
        await db.close()


async def wipe_people(connection) -> None:
    """Remove people, titles and what derives from them (statistics, audit entries): institutions stay."""
    db = connection.open()
    try:
        while (await db.write("bench/wipe", "MATCH (n) WHERE n:Person OR n:Title OR n:TalentSpan OR n:TalentCell "
                              "OR n:TalentTally OR n:PendingBatch OR n:AuditEntry WITH n LIMIT 20000 "
                              "DETACH DELETE n RETURN count(*) AS n"))[0]["n"]:
            pass
    finally:
        await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="load and bare write this many times each, alternating, into an emptied graph; "
                             "medians are printed (the machine drifts: a ratio of neighbours is steadier)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="talentgraph-load-bench-") as folder, benchmark_database() as connection:
        out = Path(folder)
        seconds, counts = timed(lambda: generate(args.people, args.seed, out))
        print(f"generated {counts['people']:,} title rows for {args.people:,} people "
              f"and {counts['institutions']:,} institutions in {seconds:.1f} s")

        async def prepare() -> None:
            db = connection.open()
            await migrate(db)
            await db.close()

        asyncio.run(prepare())
        run_loader(connection, "institutions", out / "institutions.csv")
        rows = counts["people"]
        prepared: list[dict] = []
        loads, bares, ratios, peaks = [], [], [], []
        for attempt in range(1, args.repeat + 1):
            if attempt > 1:
                asyncio.run(wipe_people(connection))
            load_seconds, peak_mib = run_loader(connection, "people", out / "people.csv")
            print(f"[{attempt}] talentgraph load people: {rows:,} rows in {load_seconds:.1f} s "
                  f"= {rows / load_seconds:,.0f} rows/s, "
                  f"peak loader memory {peak_mib} MiB (with its validation workers)")
            if attempt == 1:
                rerun_seconds, rerun_peak = run_loader(connection, "people", out / "people.csv")
                print(f"[{attempt}] re-run of the same file (all unchanged): {rerun_seconds:.1f} s, "
                      f"peak loader memory {rerun_peak} MiB")
                peaks.append(rerun_peak)
                prepared = asyncio.run(prepared_rows(connection, out / "people.csv"))
            asyncio.run(wipe_people(connection))
            bare_seconds = asyncio.run(bare_load(connection, prepared))
            print(f"[{attempt}] bare UNWIND … MERGE through the driver: {rows:,} rows in {bare_seconds:.1f} s "
                  f"= {rows / bare_seconds:,.0f} rows/s; ratio {bare_seconds / load_seconds:.2f}")
            loads.append(load_seconds)
            bares.append(bare_seconds)
            ratios.append(bare_seconds / load_seconds)
            peaks.append(peak_mib)
        load_seconds, bare_seconds = statistics.median(loads), statistics.median(bares)
        print(f"median of {args.repeat}: load {load_seconds:.1f} s = {rows / load_seconds:,.0f} rows/s, "
              f"bare {bare_seconds:.1f} s = {rows / bare_seconds:,.0f} rows/s")
        print(f"loader rate / bare rate = {statistics.median(ratios):.2f}  (goal ≥ 0.70); "
              f"whole load {load_seconds:.1f} s (goal < 60 s); peak {max(peaks)} MiB (goal < 500 MiB)")


if __name__ == "__main__":
    main()
