"""Statistics at scale: a city of 200,000 titled people in Chengde (plus experts in Beijing and Tianjin),
loaded with the real loader, then `progress` and `talentStats(groupBy: [REGION, TITLE_LEVEL])` through
HTTP against `talentgraph serve` in its own process. Prints median and p95 latency, the load and
rebuild times, and checks every answer against a brute-force recount of the raw graph.
Usage: .venv/bin/python bench/stats.py [--chengde 200000] [--requests 300] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BATCH_TIMEOUT, benchmark_database, describe, timed  # noqa: E402
from bench.serving import serving  # noqa: E402
from graph.keys import create_key  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from graph.runtime import Neo4jConnection  # noqa: E402
from graph.stats.rebuild import rebuild_talent_stats  # noqa: E402
from graph.stats.verify import recount, verify_talent_stats  # noqa: E402
from loaders import synthetic  # noqa: E402
from loaders.generate import generate  # noqa: E402

CHENGDE = "130800"
SALT = "bench-salt"
DAYS = [dt.date(2025, 6, 30), dt.date(2024, 12, 31), dt.date(2023, 3, 15), dt.date(2021, 6, 30), dt.date(2016, 1, 1)]
PROGRESS = """query($asOf: Date) { progress(asOf: $asOf) { target { code } kind value valueYear rate ratio remaining
  projection onTrack byYear { year value rate } } }"""
STATS = """query($asOf: Date) { talentStats(asOf: $asOf, groupBy: [REGION, TITLE_LEVEL]) {
  total rows { keys count } } }"""


def environment(connection: Neo4jConnection) -> dict[str, str]:
    return {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "TALENTGRAPH_ID_SALT": SALT,
    }


def talentgraph(connection: Neo4jConnection, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "server.cli", *args], env=environment(connection), check=True, stdout=subprocess.DEVNULL
    )


def run(connection: Neo4jConnection, work) -> object:  # type: ignore[no-untyped-def]
    async def main() -> object:
        db = connection.open(timeout=BATCH_TIMEOUT)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(main())


def measure(client: httpx.Client, query: str, requests: int) -> tuple[list[float], dict[str, dict]]:
    """Latencies of `requests` POSTs cycling through DAYS, and the last answer per day."""
    samples, answers = [], {}
    for n in range(requests):
        day = DAYS[n % len(DAYS)].isoformat()
        started = time.perf_counter()
        response = client.post("/graphql", json={"query": query, "variables": {"asOf": day}})
        samples.append(time.perf_counter() - started)
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        answers[day] = body["data"]
    return samples, answers


def check(connection: Neo4jConnection, progress: dict[str, dict], stats: dict[str, dict]) -> list[str]:
    """Differences between the HTTP answers and a brute-force recount (empty when all agree)."""

    async def work(db) -> list[str]:  # type: ignore[no-untyped-def]
        problems = await verify_talent_stats(db, DAYS[0], CHENGDE)
        for day in DAYS:
            counted = +await recount(db, day, CHENGDE, ["REGION", "TITLE_LEVEL"])
            table = stats[day.isoformat()]["talentStats"]
            answered = Counter({tuple(row["keys"]): row["count"] for row in table["rows"]})
            titled = [p for p in progress[day.isoformat()]["progress"] if p["target"]["code"] == "titled-staff"]
            if answered != counted or table["total"] != sum(counted.values()) != titled[0]["value"]:
                problems.append(f"{day}: HTTP {table['total']} / {titled[0]['value']}, recount {sum(counted.values())}")
        return problems

    return run(connection, work)  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chengde", type=int, default=200_000, help="titled people in Chengde")
    parser.add_argument("--requests", type=int, default=300, help="requests per query")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    people = math.ceil(args.chengde / (1 - synthetic.PARTNER_SHARE))
    with benchmark_database() as connection, tempfile.TemporaryDirectory(prefix="talentgraph-stats-") as folder:
        run(connection, migrate)
        seconds, rows = timed(lambda: generate(people, args.seed, Path(folder)))
        print(f"generated {people:,} people ({rows['people']:,} title rows) in {seconds:.0f} s", flush=True)
        seconds, _ = timed(lambda: talentgraph(connection, "load-all", folder, "--quiet"))
        print(f"loaded with `talentgraph load-all` (aggregates kept per batch) in {seconds:.0f} s", flush=True)
        seconds, read = timed(lambda: run(connection, rebuild_talent_stats))
        print(f"`talentgraph stats rebuild` over {read:,} people: {seconds:.1f} s", flush=True)
        # An administrator's answers are exact (anonymous ones suppress small cells: docs/security.md), so they are
        # the ones checked against the recount; the anonymous answer's latency is printed beside them.
        created: tuple[object, str] = run(connection, lambda db: create_key(db, "admin"))  # type: ignore[assignment]
        secret = created[1]
        accept = {"accept": "application/graphql-response+json"}
        with (
            serving(
                connection, TALENTGRAPH_ID_SALT=SALT, TALENTGRAPH_RATE_LIMIT_ADDRESS="", TALENTGRAPH_RATE_LIMIT_KEY=""
            ) as base,
            httpx.Client(base_url=base, timeout=30, headers={**accept, "authorization": f"Bearer {secret}"}) as client,
            httpx.Client(base_url=base, timeout=30, headers=accept) as anonymous,
        ):
            measure(client, PROGRESS, 20)
            measure(client, STATS, 20)
            progress_times, progress = measure(client, PROGRESS, args.requests)
            stats_times, stats = measure(client, STATS, args.requests)
            anonymous_times, _ = measure(anonymous, STATS, args.requests)
        titled = stats[DAYS[0].isoformat()]["talentStats"]["total"]
        print(f"titled staff in Chengde as of {DAYS[0]}: {titled:,}")
        targets = len(progress[DAYS[0].isoformat()]["progress"])
        print(
            f"progress ({targets} targets, by year, projection), {args.requests} requests over {len(DAYS)} dates: "
            f"{describe(progress_times)}"
        )
        print(f"talentStats(groupBy: [REGION, TITLE_LEVEL]), {args.requests} requests:        {describe(stats_times)}")
        print(f"the same, anonymous (small cells suppressed), {args.requests} requests: {describe(anonymous_times)}")
        problems = check(connection, progress, stats)
        print("answers equal a brute-force recount: " + ("yes" if not problems else "NO\n" + "\n".join(problems)))
        if problems:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
