"""The demo data set: a few hundred people across Chengde, Beijing and Tianjin, generated and loaded."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from graph.database import Database
from graph.keys import active_key, create_key, hash_secret
from graph.secrets import id_salt
from graph.settings import Settings
from loaders.cli import LOAD_ORDER
from loaders.generate import generate
from loaders.load import LoadSummary, load_file

DEMO_PEOPLE = 400
DEMO_SEED = 2021


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


async def load_demo(db: Database, settings: Settings, people: int = DEMO_PEOPLE) -> list[LoadSummary]:
    """Generate the demo files (always the same) and load them; a second run changes nothing."""
    salt = id_salt(settings)
    summaries = []
    with tempfile.TemporaryDirectory(prefix="talentgraph-demo-") as folder:
        generate(people, DEMO_SEED, Path(folder))
        for kind in LOAD_ORDER:
            summary = await load_file(db, Path(folder) / f"{kind}.csv", kind, salt)
            if not summary.written:
                raise RuntimeError(f"the demo {kind} file did not load: {summary.errors[:3]}")
            summaries.append(summary)
    created = sum(summary.outcome["created"] for summary in summaries)
    print(
        f"Demo data: {summaries[1].rows} title rows, {created} records created "
        f"({'first load' if created else 'already loaded'}).",
        flush=True,
    )
    return summaries
