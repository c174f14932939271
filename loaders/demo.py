"""The demo data set: a few hundred people across Chengde, Beijing and Tianjin, generated and loaded."""

from __future__ import annotations

import tempfile
from pathlib import Path

from graph.database import Database
from graph.secrets import id_salt
from graph.settings import Settings
from loaders.cli import LOAD_ORDER
from loaders.generate import generate
from loaders.load import LoadSummary, load_file

DEMO_PEOPLE = 400
DEMO_SEED = 2021


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
    print(f"Demo data: {summaries[1].rows} title rows, {created} records created "
          f"({'first load' if created else 'already loaded'}).", flush=True)
    return summaries
