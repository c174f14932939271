"""Bulk loads keep the statistics aggregates exact in the same transactions as their batches."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from graph import bulk
from graph.stats.verify import verify_talent_stats
from loaders.cli import LOAD_ORDER
from loaders.generate import generate
from loaders.load import load_file


def test_loading_generated_files_keeps_every_figure_equal_to_a_recount(on_db, cypher, tmp_path: Path) -> None:
    generate(300, 7, tmp_path)

    async def load_and_verify(db) -> list[str]:  # type: ignore[no-untyped-def]
        for kind in LOAD_ORDER:
            summary = await load_file(db, tmp_path / f"{kind}.csv", kind, "test-salt", batch_size=50)
            assert summary.written, summary.errors[:3]
        return [problem for day in (dt.date(2015, 6, 30), dt.date(2022, 12, 31), dt.date.today())
                for region in ("130800", "110000") for problem in await verify_talent_stats(db, day, region)]

    assert on_db(load_and_verify) == []
    assert cypher("MATCH (s:TalentSpan) RETURN count(s) AS n")[0]["n"] > 100


def test_a_load_stopped_after_some_batches_has_counted_and_indexed_exactly_those(
        on_db, cypher, tmp_path: Path, monkeypatch) -> None:
    generate(60, 11, tmp_path)
    assert on_db(lambda db: load_file(db, tmp_path / "institutions.csv", "institutions", "test-salt")).written

    real_upsert = bulk.upsert
    batches = 0

    async def dies_on_the_third_batch(db, kind, rows):  # type: ignore[no-untyped-def]
        nonlocal batches
        batches += 1
        if batches == 3:
            raise KeyboardInterrupt
        return await real_upsert(db, kind, rows)

    with monkeypatch.context() as patch:
        patch.setattr(bulk, "upsert", dies_on_the_third_batch)
        with contextlib.suppress(KeyboardInterrupt):
            on_db(lambda db: load_file(db, tmp_path / "people.csv", "people", "test-salt", batch_size=20))
    # Two batches are in the graph, every one of their people counted and searchable.
    people = cypher("MATCH (p:Person) RETURN count(p) AS n")[0]["n"]
    assert 0 < people <= 40
    assert cypher("MATCH (p:Person) WHERE p.searchRegions IS NULL RETURN count(p) AS n")[0]["n"] == 0
    assert cypher("MATCH (s:TalentSpan) RETURN count(DISTINCT s.person) AS n")[0]["n"] > 0
    assert on_db(lambda db: verify_talent_stats(db, dt.date.today(), "130800")) == []

    assert on_db(lambda db: load_file(db, tmp_path / "people.csv", "people", "test-salt", batch_size=20)).written
    assert cypher("MATCH (p:Person) RETURN count(p) AS n")[0]["n"] > people
    assert cypher("MATCH (p:Person) WHERE p.searchRegions IS NULL RETURN count(p) AS n")[0]["n"] == 0
    assert on_db(lambda db: verify_talent_stats(db, dt.date.today(), "130800")) == []
