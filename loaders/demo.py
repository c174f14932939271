"""The demo data set (`serve --demo`, `./scripts/run`): the demo city of loaders/generate_demo.py, loaded.

It goes into whatever database the settings name, beside anything else there, and never touches
anything else: every id it writes starts with `DEMO-` and every institution's name ends with `（演示）`
(loaders/generate_demo.py says how its identity numbers, credit codes and contacts are kept apart).
A load that completes is recorded (`(:DemoData)`, graph/demo.py) with a digest of the demo's files:
the next start finds it and loads nothing, so a second `./scripts/run` starts at once; a start that
finds another version's demo removes it (and only it) before loading this one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from graph.access import OPERATOR
from graph.database import Database
from graph.demo import loaded_demo_version, mark_demo_loaded, remove_demo
from graph.errors import SetupError
from graph.identity import hash_id_number
from graph.keys import active_key, create_key, hash_secret
from graph.people import Move, move_people
from graph.secrets import id_salt
from graph.settings import Settings
from loaders.cli import LOAD_ORDER
from loaders.generate_demo import DEMO_PEOPLE, DEMO_PREFIX, generate_demo
from loaders.load import LoadSummary, load_file
from loaders.writer import stable_id


@dataclass(frozen=True)
class DemoLoad:
    """What loading the demo did: the rows of each file, and whether anything was written."""

    rows: dict[str, int]
    loaded: bool
    seconds: float


async def demo_key(db: Database, settings: Settings) -> str:
    """The demo's analyst key: kept in the data folder (mode 0600) and reused while it is valid."""
    path = settings.data_dir / "demo-key"
    if path.exists():
        secret = path.read_text().strip()
        if await active_key(db, hash_secret(secret)) is not None:
            return secret
    _, secret = await create_key(db, "analyst", name="demo (serve --demo)")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secret + "\n")
    return secret


def demo_institution_id(credit_code: str) -> str:
    """The id the loader gives a demo institution (loaders/writer.py), from its credit code."""
    return stable_id(f"{DEMO_PREFIX}inst", credit_code)


async def load_demo(db: Database, settings: Settings, people: int = DEMO_PEOPLE, quiet: bool = False) -> DemoLoad:
    """Generate the demo files (always the same) and load them, unless this version is loaded already."""
    started = time.perf_counter()
    salt = id_salt(settings)
    with tempfile.TemporaryDirectory(prefix="talentgraph-demo-") as folder:
        city = generate_demo(Path(folder), people)
        digest = hashlib.sha256(repr(city.moves).encode())
        rows: dict[str, int] = {}
        for kind in LOAD_ORDER:
            data = (Path(folder) / f"{kind}.csv").read_bytes()
            digest.update(data)
            rows[kind] = data.count(b"\n") - 1
        version = digest.hexdigest()[:16]
        loaded = await loaded_demo_version(db)
        if loaded == version:
            return DemoLoad(rows, loaded=False, seconds=time.perf_counter() - started)
        if loaded is not None:
            # Another version of the demo (an older release's): its records would not match this one's.
            if not quiet:
                print("Removing the demo data of an earlier version first…", flush=True)
            await remove_demo(db, DEMO_PREFIX)
        if not quiet:
            print(
                f"Loading the demo data ({rows['people']:,} title rows, {rows['institutions']} institutions, "
                f"{rows['teams']} teams, {rows['platforms']} platforms, {rows['projects']} projects, "
                f"{rows['visits']} visits); this takes about a minute the first time…",
                flush=True,
            )
        for kind in LOAD_ORDER:
            summary = await load_file(db, Path(folder) / f"{kind}.csv", kind, salt, id_prefix=DEMO_PREFIX)
            _check(summary)
    moves = [
        Move(
            person=stable_id(f"{DEMO_PREFIX}person", hash_id_number(id_number, salt)),
            institution=demo_institution_id(credit_code),
            since=since,
        )
        for id_number, credit_code, since in city.moves
    ]
    await move_people(db, moves, OPERATOR)
    await mark_demo_loaded(db, version, rows)
    return DemoLoad(rows, loaded=True, seconds=time.perf_counter() - started)


def _check(summary: LoadSummary) -> None:
    if summary.written:
        return
    first = "; ".join(f"line {e.line}, {e.column}: {e.reason_en}" for e in summary.errors[:3])
    raise SetupError(
        f"the demo's {summary.kind} file did not load ({summary.error_count} errors: {first}). "
        "Start without the demo (talentgraph serve), or reset the data folder (see README.md)."
    )
