"""A killed database under load: how fast requests fail while it is down, how soon they succeed after.

`talentgraph serve` runs on an embedded Neo4j of its own (which it did not start, as under a supervisor);
writers (`registerInstitution`) and readers send requests one after another; the database is killed with
SIGKILL, started again, and every outcome is recorded. Printed per round: requests while down, whether
each was a 503 with Retry-After, the seconds they took to fail (median, p95, worst; the goal: well under a
second), /healthz's answer while down, the restart, the seconds from "back" (the restarted database says
it is ready) to the first successful answer, the slowest request sent after, refusals after, and
acknowledged writes missing from the database afterwards; then the same over all rounds.

    .venv/bin/python bench/faults.py [--rounds 3]

tests/test_database_down.py runs one round and checks its outcome.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from neo4j import GraphDatabase

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import BATCH_TIMEOUT, percentile  # noqa: E402
from graph.embedded import EmbeddedNeo4j, RunningNeo4j  # noqa: E402
from graph.keys import create_key  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from graph.runtime import Neo4jConnection  # noqa: E402

REGISTER = """mutation($name: String!) {
  registerInstitution(input: {name: $name, type: OTHER, regionCode: "130802"}) {
    __typename ... on InstitutionRegistered { institution { id } }
  }
}"""
COUNT = "{ institutions(first: 1) { totalCount } }"


@dataclass
class Outcome:
    """One request: its kind (read or write), when it started and ended (monotonic), what came back."""

    kind: str
    started: float
    ended: float
    status: int | None  # None: no HTTP answer at all
    body: Any
    retry_after: str | None

    @property
    def seconds(self) -> float:
        return self.ended - self.started

    @property
    def succeeded(self) -> bool:
        return self.status == 200 and isinstance(self.body, dict) and "errors" not in self.body

    @property
    def registered(self) -> str | None:
        """The id of the institution an acknowledged write registered."""
        if not self.succeeded or self.kind != "write":
            return None
        return str(self.body["data"]["registerInstitution"]["institution"]["id"])


class Stream:
    """Writers and readers that send requests one after another until stopped, recording every outcome."""

    def __init__(self, url: str, key: str, writers: int = 2, readers: int = 2) -> None:
        self.url, self.key = url, key
        self.outcomes: list[Outcome] = []
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        kinds = ["write"] * writers + ["read"] * readers
        self._threads = [threading.Thread(target=self._run, args=(kind,), daemon=True) for kind in kinds]

    def __enter__(self) -> Stream:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        for thread in self._threads:
            thread.join(timeout=300)

    def _run(self, kind: str) -> None:
        headers = {"authorization": f"Bearer {self.key}"}
        with httpx.Client(base_url=self.url, headers=headers, timeout=300) as client:
            while not self._stopped.is_set():
                variables = {"name": f"故障演练 {uuid.uuid4().hex[:12]}"}
                payload = {"query": REGISTER, "variables": variables} if kind == "write" else {"query": COUNT}
                started = time.monotonic()
                try:
                    response = client.post("/graphql", json=payload)
                except httpx.HTTPError as error:
                    outcome = Outcome(kind, started, time.monotonic(), None, repr(error), None)
                else:
                    try:
                        body = response.json()
                    except ValueError:
                        body = response.text
                    retry_after = response.headers.get("retry-after")
                    outcome = Outcome(kind, started, time.monotonic(), response.status_code, body, retry_after)
                with self._lock:
                    self.outcomes.append(outcome)
                self._stopped.wait(0.05)

    def wait_for(self, count: int, since: float, succeeded: bool, timeout: float = 300) -> None:
        """Until `count` requests of each kind that started after `since` have (or have not) succeeded."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                seen = [o.kind for o in self.outcomes if o.started >= since and o.succeeded == succeeded]
            if seen.count("read") >= count and seen.count("write") >= count:
                return
            time.sleep(0.1)
        raise TimeoutError(f"not {count} requests of each kind with succeeded={succeeded} in {timeout:.0f} s")


@dataclass
class FaultRun:
    """One kill and restart: the outcomes and the moments that divide them (monotonic seconds)."""

    killed: float
    restarting: float
    back: float
    before: RunningNeo4j
    after: RunningNeo4j
    health_status: int
    health_seconds: float
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def while_down(self) -> list[Outcome]:
        """Requests that started after the kill and before the restart began."""
        return [o for o in self.outcomes if self.killed <= o.started < self.restarting]

    @property
    def after_back(self) -> list[Outcome]:
        """Requests that started once the database answered again."""
        return [o for o in self.outcomes if o.started >= self.back]

    @property
    def refused_fast(self) -> bool:
        """Every request while down was a 503 that says when to try again."""
        return all(o.status == 503 and o.retry_after and o.retry_after.isdigit() for o in self.while_down)

    @property
    def first_success(self) -> float:
        """Seconds from the database's return to the first answer that is a success (of a request sent
        before or after it)."""
        return min(o.ended for o in self.outcomes if o.succeeded and o.ended >= self.back) - self.back

    @property
    def slowest_after_back(self) -> float:
        """The longest a request sent after the database's return took."""
        return max(o.seconds for o in self.after_back)

    def lost(self) -> set[str]:
        """Institutions whose registration was acknowledged but that the database does not hold."""
        acknowledged = {o.registered for o in self.outcomes if o.registered}
        with GraphDatabase.driver(self.after.uri, auth=(self.after.user, self.after.password)) as driver:
            records, _, _ = driver.execute_query(
                "MATCH (i:Institution) WHERE i.id IN $ids RETURN i.id AS id", ids=sorted(acknowledged)
            )
        return acknowledged - {record["id"] for record in records}


def kill_and_restart(embedded: EmbeddedNeo4j, url: str, key: str, recovered_after: float = 10.0) -> FaultRun:
    """Kill the database under a stream of requests, start it again, and wait until requests succeed again:
    several of each kind that started `recovered_after` seconds after it was back."""
    before = embedded.status()
    assert before is not None, "the database is not running"
    with Stream(url, key) as stream:
        stream.wait_for(3, since=0, succeeded=True)
        killed = time.monotonic()
        os.kill(before.pid, signal.SIGKILL)
        stream.wait_for(5, since=killed, succeeded=False)
        asked = time.monotonic()
        health = httpx.get(f"{url}/healthz", timeout=60)
        health_seconds = time.monotonic() - asked
        restarting = time.monotonic()
        after, _ = embedded.start(quiet=True)
        back = time.monotonic()
        stream.wait_for(3, since=back + recovered_after, succeeded=True)
    return FaultRun(killed, restarting, back, before, after, health.status_code, health_seconds, stream.outcomes)


def prepared(embedded: EmbeddedNeo4j) -> str:
    """Start and migrate the embedded database; return an administrator's key."""
    running, _ = embedded.start(quiet=True)

    async def prepare() -> str:
        db = Neo4jConnection(running.uri, running.user, running.password, "neo4j").open(timeout=BATCH_TIMEOUT)
        try:
            await migrate(db)
            return (await create_key(db, "admin", name="bench/faults.py"))[1]
        finally:
            await db.close()

    return asyncio.run(prepare())


@contextmanager
def serving_embedded(embedded: EmbeddedNeo4j, query_timeout_seconds: float | None = None) -> Iterator[str]:
    """`talentgraph serve` (production mode) on the folder of `embedded`; its base URL until the block ends.

    With the default statement timeout (production's), the first statements after a restart, planned by a
    cold database, may be ended on a busy machine; tests give a longer one."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("NEO4J_")}
    env.update({"TALENTGRAPH_DATA_DIR": str(embedded.data_dir), "TALENTGRAPH_ID_SALT": "bench-faults"})
    if query_timeout_seconds is not None:
        env["TALENTGRAPH_QUERY_TIMEOUT_SECONDS"] = str(query_timeout_seconds)
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--port", "0", "--no-access-log"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    try:
        output, url = "", None
        deadline = time.monotonic() + 300
        while url is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                raise RuntimeError(f"serve exited with status {process.returncode}:\n{output}")
            output += line
            found = re.search(r"(http://127\.0\.0\.1:\d+)/graphql", line)
            url = found[1] if found else None
        if url is None:
            raise RuntimeError(f"serve did not say where it serves:\n{output}")
        threading.Thread(target=process.stdout.read, daemon=True).start()  # keep its pipe from filling
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=120)


def report(round_: int, run: FaultRun) -> str:
    """One round's figures in one line."""
    failing = sorted(o.seconds for o in run.while_down)
    refused_after = sum(1 for o in run.after_back if not o.succeeded)
    return (
        f"round {round_}: {len(failing)} requests while down, all 503 with Retry-After: {run.refused_fast}, "
        f"failed after median {statistics.median(failing):.3f} s, p95 {percentile(failing, 0.95):.3f} s, "
        f"max {failing[-1]:.3f} s; /healthz {run.health_status} in {run.health_seconds:.2f} s; "
        f"restart {run.back - run.restarting:.1f} s (port kept: {run.after.port == run.before.port}); "
        f"first success {run.first_success:.2f} s after it was back, slowest request after "
        f"{run.slowest_after_back:.2f} s, {refused_after} refused; acknowledged writes lost: {len(run.lost())}"
    )


def summary(runs: list[FaultRun]) -> str:
    """The figures of all rounds together."""
    failing = sorted(o.seconds for run in runs for o in run.while_down)
    resumed = sorted(run.first_success for run in runs)
    return (
        f"all {len(runs)} rounds: {len(failing)} requests while down, all 503 with Retry-After: "
        f"{all(run.refused_fast for run in runs)}, failed after median {statistics.median(failing):.3f} s, "
        f"p95 {percentile(failing, 0.95):.3f} s, max {failing[-1]:.3f} s; service resumed "
        f"{resumed[0]:.2f}-{resumed[-1]:.2f} s after the database was back (median "
        f"{statistics.median(resumed):.2f} s); port kept every time: "
        f"{all(run.after.port == run.before.port for run in runs)}; acknowledged writes lost: "
        f"{sum(len(run.lost()) for run in runs)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="talentgraph-faults-"))
    embedded = EmbeddedNeo4j(folder / "neo4j", heap="512m", pagecache="64m")
    runs: list[FaultRun] = []
    try:
        key = prepared(embedded)
        with serving_embedded(embedded) as url:
            for round_ in range(1, args.rounds + 1):
                runs.append(kill_and_restart(embedded, url, key))
                print(report(round_, runs[-1]), flush=True)
        print(summary(runs), flush=True)
    finally:
        embedded.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
