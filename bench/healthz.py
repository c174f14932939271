"""How long /healthz and a small query take while the most expensive allowed requests run.

`talentgraph serve` (production settings, default limits) on a Neo4j of its own with the demo data.
Three phases, each sampling /healthz and `{ titleLevels { code } }` every 20 ms from their own client:

- idle: nothing else runs;
- documents: four clients send, back to back, the costliest documents the limits let through, each
  made new by a comment (never cached): about 5,000 tokens of fields, 100,000 characters, 50 aliased
  pages of people, fragments spread hundreds of times;
- statement: a mutation waits on a lock held by this script until the database ends it at the
  statement timeout (TALENTGRAPH_QUERY_TIMEOUT_SECONDS), while a page of 500 people runs beside it.

It prints the median, p95 and worst latency of each probe in each phase (the goal: /healthz under
100 ms).

    .venv/bin/python bench/healthz.py --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from neo4j import GraphDatabase

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BATCH_TIMEOUT, benchmark_database, percentile  # noqa: E402
from bench.serving import serving  # noqa: E402
from graph.keys import create_key  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from graph.runtime import Neo4jConnection  # noqa: E402
from graph.settings import Settings  # noqa: E402
from loaders.demo import load_demo  # noqa: E402

PERSON = (
    "id name pinyin gender birthYear degree consentToContact foreignExpert nationality highEnd keywords email phone"
)

#: The costliest documents within the default limits (each is answered, or refused only by validation).
DOCUMENTS = {
    "5,000 tokens": "{ titleLevels { " + "code " * 4_900 + "} }",
    "100,000 characters": "#" + "x" * 99_000 + "\n{ titleLevels { code } }",
    "50 pages of people": "{ "
    + " ".join(f"a{n}: people(first: 10) {{ edges {{ node {{ {PERSON} }} }} }}" for n in range(50))
    + " }",
    "300 fragments": "{ people(first: 5) { edges { node { "
    + " ".join(f"...P{n}" for n in range(300))
    + " } } } }\n"
    + "\n".join(f"fragment P{n} on Person {{ id name pinyin email phone }}" for n in range(300)),
}


def probe(base: str, headers: dict[str, str], stop: threading.Event, samples: dict[str, list[float]]) -> None:
    """Sample /healthz and a small query every 20 ms until `stop`."""
    with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
        while not stop.is_set():
            started = time.perf_counter()
            client.get("/healthz").raise_for_status()
            samples["healthz"].append(time.perf_counter() - started)
            started = time.perf_counter()
            client.post("/graphql", json={"query": "{ titleLevels { code } }"}).raise_for_status()
            samples["small query"].append(time.perf_counter() - started)
            time.sleep(0.02)


def costly_documents(base: str, headers: dict[str, str], stop: threading.Event, counter: itertools.count) -> None:
    with httpx.Client(base_url=base, timeout=120, headers=headers) as client:
        for document in itertools.cycle(DOCUMENTS.values()):
            if stop.is_set():
                return
            response = client.post("/graphql", json={"query": f"# {next(counter)}\n{document}"})
            assert response.status_code < 500, response.text


def long_statement(base: str, headers: dict[str, str], connection: Neo4jConnection, stop: threading.Event) -> None:
    """A mutation that waits on a lock this thread holds until the server's statement timeout ends it."""
    driver = GraphDatabase.driver(connection.uri, auth=(connection.user, connection.password))
    with httpx.Client(base_url=base, timeout=120, headers=headers) as client:
        [person] = client.post("/graphql", json={"query": "{ people(first: 1) { nodes { id } } }"}).json()["data"][
            "people"
        ]["nodes"]
        mutation = 'mutation($id: ID!) { updatePerson(id: $id, input: {keywords: ["bench"]}) { __typename } }'
        while not stop.is_set():
            with driver.session(database=connection.database) as session:
                holder = session.begin_transaction()
                holder.run("MATCH (p:Person {id: $id}) SET p.benchLock = true", id=person["id"]).consume()
                page = threading.Thread(
                    target=lambda: client.post(
                        "/graphql", json={"query": f"{{ people(first: 500) {{ edges {{ node {{ {PERSON} }} }} }} }}"}
                    )
                )
                page.start()
                client.post("/graphql", json={"query": mutation, "variables": {"id": person["id"]}})
                page.join()
                holder.rollback()
    driver.close()


def phase(
    name: str, base: str, headers: dict[str, str], seconds: float, load: list[threading.Thread], stop: threading.Event
) -> None:
    samples: dict[str, list[float]] = {"healthz": [], "small query": []}
    sampler = threading.Thread(target=probe, args=(base, headers, stop, samples))
    for thread in load:
        thread.start()
    time.sleep(1)
    sampler.start()
    time.sleep(seconds)
    stop.set()
    sampler.join()
    for thread in load:
        thread.join()
    for probe_name, values in samples.items():
        milliseconds = [value * 1000 for value in values]
        print(
            f"{name:<10} {probe_name:<12} n={len(values):>4}  median {percentile(milliseconds, 0.5):7.1f} ms  "
            f"p95 {percentile(milliseconds, 0.95):7.1f} ms  max {max(milliseconds):7.1f} ms",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20, help="how long each phase samples")
    args = parser.parse_args()
    with benchmark_database(heap="1g", pagecache="512m") as connection:
        data = Path(tempfile.mkdtemp(prefix="talentgraph-healthz-"))

        async def prepare() -> str:
            db = connection.open(timeout=BATCH_TIMEOUT)
            try:
                await migrate(db)
                await load_demo(db, Settings(data_dir=data, id_salt="bench"))
                return (await create_key(db, "admin"))[1]
            finally:
                await db.close()

        secret = asyncio.run(prepare())
        headers = {"authorization": f"Bearer {secret}"}
        environment = {"TALENTGRAPH_ID_SALT": "bench", "TALENTGRAPH_RATE_LIMIT_ADDRESS": ""}
        environment["TALENTGRAPH_RATE_LIMIT_KEY"] = ""
        with serving(connection, **environment) as base:
            timeout = Settings().query_timeout_seconds
            print(f"statement timeout {timeout:g} s; documents: {', '.join(DOCUMENTS)}", flush=True)
            phase("idle", base, headers, args.seconds, [], threading.Event())
            stop, counter = threading.Event(), itertools.count()
            senders = [threading.Thread(target=costly_documents, args=(base, headers, stop, counter)) for _ in range(4)]
            phase("documents", base, headers, args.seconds, senders, stop)
            print(f"           ({next(counter)} costly documents sent)", flush=True)
            stop = threading.Event()
            blocked = threading.Thread(target=long_statement, args=(base, headers, connection, stop))
            phase("statement", base, headers, max(args.seconds, timeout + 2), [blocked], stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
