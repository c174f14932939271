"""An upload through the API against the command line: the same staff file (default 20,000 title rows of one
institution) loaded by `talentgraph load people` and by `POST /upload/people` to `talentgraph serve`, into an
emptied graph each time, alternating. The API's time runs from the start of the POST until its job is seen
finished (polled every 0.2 s); the CLI's, the whole command (its start included). One load of the file,
untimed, warms the database first. Goal: API ≤ 1.2 × CLI.
Usage: .venv/bin/python bench/upload.py [--rows 20000] [--seed 1] [--repeat 2] [--key institution|admin]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BATCH_TIMEOUT, benchmark_database  # noqa: E402
from bench.load import SALT, run_loader, wipe_people  # noqa: E402
from bench.serving import serving  # noqa: E402
from graph.keys import create_key  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from loaders.generate import generate  # noqa: E402

GOAL = 1.2


def staff_file(out: Path, rows: int, seed: int, one_institution: bool) -> tuple[Path, str, str]:
    """A people file of `rows` title rows (all at the first generated institution when `one_institution`);
    returns it, the institutions file and that institution's name."""
    generate(max(rows, 100), seed, out)
    with (out / "institutions.csv").open(encoding="utf-8-sig", newline="") as handle:
        first = next(csv.DictReader(handle))
    target = out / "staff.csv"
    with (
        (out / "people.csv").open(encoding="utf-8-sig", newline="") as source,
        target.open("w", encoding="utf-8-sig", newline="") as sink,
    ):
        reader = csv.DictReader(source)
        writer = csv.DictWriter(sink, fieldnames=list(reader.fieldnames or ()))
        writer.writeheader()
        for number, row in enumerate(reader):
            if number == rows:
                break
            if one_institution:
                row["institution"], row["region"] = first["name"], first["region"]
            writer.writerow(row)
    return target, str(out / "institutions.csv"), first["name"]


async def make_key(connection, role: str, institution_name: str) -> str:
    db = connection.open(timeout=BATCH_TIMEOUT)
    try:
        await migrate(db)
        institution = None
        if role == "institution":
            [row] = await db.read("bench/institution_named", name=institution_name)
            institution = row["id"]
        _, secret = await create_key(db, role, institution, "bench/upload.py")
        return secret
    finally:
        await db.close()


def upload(base: str, secret: str, path: Path) -> tuple[float, dict]:
    """Seconds from the POST until the job is seen finished, and the job."""
    headers = {"authorization": f"Bearer {secret}"}
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=600, headers=headers) as client:
        response = client.post("/upload/people", content=path.read_bytes(), headers={"content-type": "text/csv"})
        response.raise_for_status()
        job_url = response.json()["job"]
        while True:
            job = client.get(job_url).json()
            if job["status"] in ("succeeded", "refused", "failed"):
                return time.perf_counter() - started, job
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2, help="CLI and API loads each, alternating")
    parser.add_argument(
        "--key",
        choices=("institution", "admin"),
        default="institution",
        help="upload with an institution's key (every row at that institution) or an administrator's",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="talentgraph-upload-bench-") as folder, benchmark_database() as connection:
        out = Path(folder)
        path, institutions, name = staff_file(out, args.rows, args.seed, args.key == "institution")
        run_loader(connection, "institutions", Path(institutions))
        secret = asyncio.run(make_key(connection, args.key, name))
        print(f"{args.rows:,} title rows ({path.stat().st_size / 1_048_576:.1f} MiB), uploaded with an {args.key} key")
        cli: list[float] = []
        api: list[float] = []
        environment = {
            "TALENTGRAPH_ID_SALT": SALT,
            "TALENTGRAPH_RATE_LIMIT_KEY": "",
            "TALENTGRAPH_RATE_LIMIT_ADDRESS": "",
        }
        with serving(connection, **environment) as base:
            # Untimed: a freshly started database compiles its plans on the first load, whichever it is.
            run_loader(connection, "people", path)
            for attempt in range(1, args.repeat + 1):
                asyncio.run(wipe_people(connection))
                load = run_loader(connection, "people", path)
                cli.append(load.seconds)
                rate = args.rows / load.seconds
                print(f"[{attempt}] talentgraph load people: {load.seconds:.1f} s = {rate:,.0f} rows/s")
                asyncio.run(wipe_people(connection))
                seconds, job = upload(base, secret, path)
                if job["status"] != "succeeded":
                    raise SystemExit(f"the upload did not succeed: {job}")
                api.append(seconds)
                print(
                    f"[{attempt}] POST /upload/people until its job finished: {seconds:.1f} s = "
                    f"{args.rows / seconds:,.0f} rows/s (the load itself {job['summary']['seconds']:.1f} s; "
                    f"created {job['summary']['created']:,}); ratio {seconds / load.seconds:.2f}"
                )
        ratio = statistics.median(api) / statistics.median(cli)
        print(
            f"median of {args.repeat}: CLI {statistics.median(cli):.1f} s, API {statistics.median(api):.1f} s; "
            f"API / CLI = {ratio:.2f} (goal ≤ {GOAL})"
        )


if __name__ == "__main__":
    main()
