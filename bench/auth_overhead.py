"""The cost of authorization: `people(first: 100)` with an analyst key against authorization switched off.

Two servers on the same generated data: one checks keys and roles (an analyst key, resolved once and
then served from the in-process key cache), the other runs with TALENTGRAPH_AUTH=off. Requests
alternate between them so that both see the same database state. Prints the median and p95 of each
and the ratio of medians (goal ≤ 1.1). Usage: .venv/bin/python bench/auth_overhead.py [--people 5000]
[--requests 300]
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

from bench.api import QUERY, load  # noqa: E402
from bench.common import benchmark_database, describe  # noqa: E402
from bench.serving import serving  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with benchmark_database(heap="1g", pagecache="1g") as connection:
        settings = {
            "TALENTGRAPH_DATA_DIR": tempfile.mkdtemp(),
            "TALENTGRAPH_ID_SALT": "bench",
            "TALENTGRAPH_MODE": "production",
        }
        secret = asyncio.run(load(connection, args.people, "bench"))
        payload = {"query": QUERY, "variables": {"first": 100}}
        with (
            serving(connection, **settings) as checked_base,
            serving(connection, **settings, TALENTGRAPH_AUTH="off") as unchecked_base,
            httpx.Client(base_url=checked_base, timeout=30, headers={"authorization": f"Bearer {secret}"}) as checked,
            httpx.Client(base_url=unchecked_base, timeout=30) as unchecked,
        ):
            samples: dict[str, list[float]] = {"analyst key": [], "authorization off": []}
            clients = {"analyst key": checked, "authorization off": unchecked}
            for name, client in clients.items():
                body = client.post("/graphql", json=payload).json()
                assert len(body["data"]["people"]["edges"]) == 100, (name, body)
            for round_number in range(args.requests + 20):
                for name, client in clients.items():
                    started = time.perf_counter()
                    response = client.post("/graphql", json=payload)
                    elapsed = time.perf_counter() - started
                    assert response.status_code == 200, response.text
                    if round_number >= 20:
                        samples[name].append(elapsed)
        print(f"{args.people:,} people generated and loaded; people(first: 100), {args.requests} requests each")
        for name, figures in samples.items():
            print(f"{name:>18}: {describe(figures)}")
        ratio = statistics.median(samples["analyst key"]) / statistics.median(samples["authorization off"])
        print(f"authorization overhead: ratio of medians {ratio:.3f} (goal ≤ 1.1)")


if __name__ == "__main__":
    main()
