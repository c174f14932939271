"""Generated queries and mutations against a served API on the demo data: how many requests, how many failures.

The longer run of tests/api/test_fuzz.py: `talentgraph serve` in production mode (unexpected errors
masked) on a Neo4j of its own loaded with the demo, then hypothesis-graphql documents, valid and
invalid, sent as an administrator, an analyst and an anonymous caller. A failure is a 5xx or an
"Unexpected error."; every one is printed with its document, and the run goes on.

    .venv/bin/python bench/fuzz.py --examples 300
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import graphql  # noqa: E402
from hypothesis_graphql import Mode, mutations, queries  # noqa: E402

from bench.common import BATCH_TIMEOUT, benchmark_database  # noqa: E402
from bench.serving import serving  # noqa: E402
from graph.keys import create_key  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from graph.settings import Settings  # noqa: E402
from loaders.demo import load_demo  # noqa: E402
from server.schema import schema  # noqa: E402

SCALARS = {
    "Date": st.dates().map(lambda day: graphql.StringValueNode(value=day.isoformat())),
    "DateTime": st.datetimes().map(lambda moment: graphql.StringValueNode(value=moment.isoformat())),
    # Amounts in yuan: JSON integers or digit strings, beyond the exact range too.
    "BigInt": st.one_of(
        st.integers(-(10**17), 10**17).map(lambda n: graphql.IntValueNode(value=str(n))),
        st.from_regex(r"-?[0-9]{1,20}", fullmatch=True).map(lambda text: graphql.StringValueNode(value=text)),
    ),
}


def fuzzer(
    client: httpx.Client, headers: dict[str, str], documents: st.SearchStrategy[str], examples: int
) -> Callable[[], tuple[int, list[tuple[str, int, str]]]]:
    """A run of `examples` generated documents: how many were sent, and the failures (document, status, text)."""
    failures: list[tuple[str, int, str]] = []
    sent = 0

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(document=documents)
    def send(document: str) -> None:
        nonlocal sent
        sent += 1
        response = client.post("/graphql", json={"query": document}, headers=headers)
        if response.status_code >= 500 or "Unexpected error." in response.text:
            failures.append((document, response.status_code, response.text[:300]))

    def run() -> tuple[int, list[tuple[str, int, str]]]:
        send()
        return sent, failures

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=300, help="documents per role, kind and mode")
    args = parser.parse_args()
    sdl = schema.as_str()
    with benchmark_database(heap="1g", pagecache="512m") as connection:
        data = Path(tempfile.mkdtemp(prefix="talentgraph-fuzz-"))

        async def prepare() -> dict[str, str]:
            db = connection.open(timeout=BATCH_TIMEOUT)
            try:
                await migrate(db)
                await load_demo(db, Settings(data_dir=data, id_salt="fuzz"))
                return {role: (await create_key(db, role))[1] for role in ("admin", "analyst")}
            finally:
                await db.close()

        secrets = asyncio.run(prepare())
        environment = {"TALENTGRAPH_MODE": "production", "TALENTGRAPH_ID_SALT": "fuzz"}
        environment |= {"TALENTGRAPH_RATE_LIMIT_ADDRESS": "", "TALENTGRAPH_RATE_LIMIT_KEY": ""}
        with serving(connection, **environment) as base, httpx.Client(base_url=base, timeout=120) as client:
            total = 0
            failures: list[tuple[str, str, int, str]] = []
            started = time.monotonic()
            for role in ("admin", "analyst", "anonymous"):
                headers = {"accept": "application/graphql-response+json"}
                if role in secrets:
                    headers["authorization"] = f"Bearer {secrets[role]}"
                for kind, strategy in (("query", queries), ("mutation", mutations)):
                    for mode in (Mode.POSITIVE, Mode.NEGATIVE):
                        send = fuzzer(client, headers, strategy(sdl, custom_scalars=SCALARS, mode=mode), args.examples)
                        requests, found = send()
                        failures += [(role, *failure) for failure in found]
                        total += requests
                        print(
                            f"{role:<9} {kind:<8} {mode.name.lower():<8} requests so far {total:>6}, "
                            f"failures {len(failures)} ({time.monotonic() - started:.0f} s)",
                            flush=True,
                        )
    for role, document, status, text in failures:
        print(f"\n{role} {status}: {document}\n  -> {text}")
    print(f"\n{total} requests, {len(failures)} failures, {time.monotonic() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
