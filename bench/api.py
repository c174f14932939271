"""The GraphQL API against the driver: `people(first: N)` with titles, employer and region.

Prints Cypher statements per request and the median latency of the GraphQL request (HTTP, through
uvicorn, served by a process of its own) divided by the median latency of the same answer fetched
with the driver directly, at page sizes 20 and 100, in blocks ordered API, driver, driver, API.
Usage: .venv/bin/python bench/api.py [--people 20000] [--requests 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
from neo4j import GraphDatabase  # noqa: E402

from bench.common import BATCH_TIMEOUT, benchmark_database, describe  # noqa: E402
from bench.serving import serving  # noqa: E402
from graph.keys import create_key  # noqa: E402
from graph.listing import Order  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from graph.people import PEOPLE, PeopleFilter  # noqa: E402
from loaders.cli import LOAD_ORDER  # noqa: E402
from loaders.generate import generate  # noqa: E402
from loaders.load import load_file  # noqa: E402

QUERY = """query($first: Int) { people(first: $first) { totalCount edges { cursor node {
  id name pinyin titles { certificateNo series level name grantedOn } employer { id name type }
  region { code name } } } pageInfo { hasNextPage endCursor } } }"""


async def load(connection, people: int, salt: str) -> str:
    """Migrate, generate and load `people`; return the secret of an analyst key to read them with."""
    db = connection.open(timeout=BATCH_TIMEOUT)
    try:
        await migrate(db)
        with tempfile.TemporaryDirectory() as folder:
            generate(people, 3, Path(folder))
            for kind in LOAD_ORDER:
                await load_file(db, Path(folder) / f"{kind}.csv", kind, salt)
        _, secret = await create_key(db, "analyst", name="benchmark")
        return secret
    finally:
        await db.close()


def driver_answer(driver, first: int) -> tuple[list, int]:
    """The same page and total through the driver directly: the statements the API sends."""
    text, params = PEOPLE.page_statement(PeopleFilter(), [Order("PINYIN")], first)
    count, count_params = PEOPLE.count_statement(PeopleFilter())
    records, _, _ = driver.execute_query(text, params, routing_="r")
    total, _, _ = driver.execute_query(count, count_params, routing_="r")
    return [record.data() for record in records], total[0]["total"]


def measure(api, direct, requests: int) -> tuple[list[float], list[float]]:
    """Seconds per call of `api` and of `direct`, back to back in blocks ordered API, driver, driver, API.

    Each block is half of `requests` calls. Measured in one block each, the second would profit from
    the JVM compiling the database's code while the first ran; the mirrored order cancels that out.
    Calls within a block follow each other without pause, so neither waits on the other's leftovers.
    """
    for work in (api, direct):
        for _ in range(10):
            work()
    samples: dict[object, list[float]] = {api: [], direct: []}
    for work in (api, direct, direct, api):
        for _ in range(requests // 2):
            started = time.perf_counter()
            work()
            samples[work].append(time.perf_counter() - started)
    return samples[api], samples[direct]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with benchmark_database(heap="1g", pagecache="1g") as connection:
        secret = asyncio.run(load(connection, args.people, "bench"))
        driver = GraphDatabase.driver(
            connection.uri, auth=(connection.user, connection.password), notifications_min_severity="OFF"
        )
        with (
            serving(
                connection,
                TALENTGRAPH_DATA_DIR=tempfile.mkdtemp(),
                TALENTGRAPH_ID_SALT="bench",
                TALENTGRAPH_MODE="development",
            ) as base,
            httpx.Client(base_url=base, timeout=30, headers={"authorization": f"Bearer {secret}"}) as client,
        ):
            print(f"{args.people:,} people generated and loaded; {args.requests} requests per figure")
            for first in (20, 100):

                def api(first: int = first) -> dict:
                    response = client.post("/graphql", json={"query": QUERY, "variables": {"first": first}})
                    return response.json()

                body = api()
                assert len(body["data"]["people"]["edges"]) == first, body
                api_samples, direct_samples = measure(
                    api, lambda first=first: driver_answer(driver, first), args.requests
                )
                ratio = statistics.median(api_samples) / statistics.median(direct_samples)
                print(
                    f"people(first: {first:3}): {body['extensions']['cypherStatements']} Cypher statements; "
                    f"GraphQL {describe(api_samples)}; driver {describe(direct_samples)}; "
                    f"ratio of medians {ratio:.2f} (goal ≤ 2.0)"
                )
        driver.close()


if __name__ == "__main__":
    main()
