"""Bulk loads keep the statistics aggregates exact in the same transactions as their batches."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
