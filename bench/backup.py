"""Backup and restore at scale: generate a city of N people, load it, `talentgraph backup` it, and
`talentgraph restore` the file into a second, empty database. Prints each command's time and peak memory
(goals at 200,000 people: under two minutes each, under 500 MiB), the file's size and the counts.
Usage: .venv/bin/python bench/backup.py [--people 200000] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BATCH_TIMEOUT, Command, benchmark_database, measured_command, timed  # noqa: E402
from graph.backup.format import verify  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from graph.runtime import Neo4jConnection  # noqa: E402
from loaders.generate import generate  # noqa: E402

SALT = "bench-salt"


def talentgraph(connection: Neo4jConnection, *args: str) -> Command:
    """`talentgraph ARGS` against `connection`, as its own process, timed and measured; fails loudly."""
    env = {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
        "TALENTGRAPH_ID_SALT": SALT,
    }
    command = measured_command([sys.executable, "-m", "server.cli", *args], env)
    if command.returncode != 0:
        raise SystemExit(f"talentgraph {' '.join(args)} failed:\n{command.stderr}")
    return command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="talentgraph-backup-bench-") as folder,
        benchmark_database() as source,
    ):
        out = Path(folder)
        seconds, counts = timed(lambda: generate(args.people, args.seed, out / "city"))
        print(f"generated {counts['people']:,} title rows for {args.people:,} people in {seconds:.1f} s")

        async def prepare() -> None:
            db = source.open(timeout=BATCH_TIMEOUT)
            await migrate(db)
            await db.close()

        asyncio.run(prepare())
        load = talentgraph(source, "load-all", str(out / "city"), "--quiet")
        print(f"loaded the city in {load.seconds:.1f} s")

        file = out / "city.jsonl.gz"
        backup = talentgraph(source, "backup", str(file), "--quiet")
        checked = verify(file)
        print(
            f"talentgraph backup: {checked.counts.nodes:,} nodes, {checked.counts.relationships:,} relationships, "
            f"{file.stat().st_size / 1e6:,.1f} MB in {backup.seconds:.1f} s, peak memory {backup.peak_mib} MiB"
        )
        print(f"  it says: {backup.stdout.strip()}")
        # The source's database is stopped only now: the restore's target is a second one, as on a new machine.
        with benchmark_database(heap="2g", pagecache="1g") as target:
            restore = talentgraph(target, "restore", str(file), "--quiet")
        print(
            f"talentgraph restore (checks the file, writes, compares counts, verifies statistics): "
            f"{restore.seconds:.1f} s, peak memory {restore.peak_mib} MiB"
        )
        print(f"  it says: {' '.join(restore.stdout.split())}")
        print(
            f"goals: backup {backup.seconds:.0f} s and restore {restore.seconds:.0f} s (each < 120 s), "
            f"peak {max(backup.peak_mib, restore.peak_mib)} MiB (< 500 MiB)"
        )


if __name__ == "__main__":
    main()
