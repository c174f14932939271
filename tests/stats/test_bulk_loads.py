"""Bulk loads keep the statistics aggregates exact in the same transactions as their batches."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest

from graph import bulk
from graph.access import OPERATOR
from graph.stats.fold import PendingSpans
from graph.stats.plans import list_plans
from graph.stats.progress import progress
from graph.stats.verify import recount, verify_talent_stats
from graph.titles import revoke_title
from loaders.cli import LOAD_ORDER
from loaders.generate import generate
from loaders.load import IN_FLIGHT, load_file


def test_loading_generated_files_keeps_every_figure_equal_to_a_recount(on_db, cypher, tmp_path: Path) -> None:
    generate(300, 7, tmp_path)

    async def load_and_verify(db) -> list[str]:  # type: ignore[no-untyped-def]
        for kind in LOAD_ORDER:
            summary = await load_file(db, tmp_path / f"{kind}.csv", kind, "test-salt", batch_size=50)
            assert summary.written, summary.errors[:3]
        return [
            problem
            for day in (dt.date(2015, 6, 30), dt.date(2022, 12, 31), dt.date.today())
            for region in ("130800", "110000")
            for problem in await verify_talent_stats(db, day, region)
        ]

    assert on_db(load_and_verify) == []
    assert cypher("MATCH (s:TalentSpan) RETURN count(s) AS n")[0]["n"] > 100


async def _titled_staff_agrees(db, day: dt.date, region: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Progress's titled staff (cubes plus pending spans, another statement) against the raw recount."""
    plan = (await list_plans(db))[0]
    [titled] = [p for p in await progress(db, plan, region, day) if p.target.code == "titled-staff"]
    counted = sum((await recount(db, day, region, [])).values())
    return [] if titled.value == counted else [f"progress {titled.value}, recount {counted}"]


async def _exact(db) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        problem
        for day in (dt.date(2018, 3, 1), dt.date.today())
        for region in ("130800", "110000")
        for check in (verify_talent_stats, _titled_staff_agrees)
        for problem in await check(db, day, region)
    ]


class _UpsertFailing:
    """bulk.upsert, but raising `error` when asked for the `nth` batch; counts the batches that committed."""

    def __init__(self, nth: int, error: BaseException) -> None:
        self.real, self.nth, self.error = bulk.upsert, nth, error
        self.batches = self.committed = 0

    async def __call__(self, db, kind, rows, pending=None, reference=None, caller=OPERATOR):  # type: ignore[no-untyped-def]
        self.batches += 1
        if self.batches == self.nth:
            raise self.error
        outcome = await self.real(db, kind, rows, pending, reference, caller)
        self.committed += 1
        return outcome


def test_a_load_stopped_after_some_batches_has_counted_and_indexed_exactly_those(
    on_db, cypher, tmp_path: Path, monkeypatch
) -> None:
    generate(140, 11, tmp_path)
    assert on_db(lambda db: load_file(db, tmp_path / "institutions.csv", "institutions", "test-salt")).written

    # A kill stops every batch in flight at once (KeyboardInterrupt leaves the event loop): it comes on the
    # batch after the first IN_FLIGHT + 1, so that some have committed before it.
    dies_mid_load = _UpsertFailing(IN_FLIGHT + 2, KeyboardInterrupt())

    async def killed_before_folding(self, db) -> int:  # type: ignore[no-untyped-def]
        return 0

    with monkeypatch.context() as patch:
        patch.setattr(bulk, "upsert", dies_mid_load)
        # A killed process folds nothing: its batches' spans stay pending.
        patch.setattr(PendingSpans, "fold", killed_before_folding)
        with contextlib.suppress(KeyboardInterrupt):
            on_db(lambda db: load_file(db, tmp_path / "people.csv", "people", "test-salt", batch_size=20))
    # The batches that committed before the kill (IN_FLIGHT are written at once) are in the graph, every
    # one of their people counted (pending) and searchable.
    # Counted in the graph: a batch may commit while the kill stops this process before it hears so.
    people = cypher("MATCH (p:Person) RETURN count(p) AS n")[0]["n"]
    committed = cypher("MATCH (b:PendingBatch) RETURN count(b) AS n")[0]["n"]
    assert dies_mid_load.committed <= committed <= IN_FLIGHT + 1
    assert committed >= 1 and 0 < people <= 20 * committed
    assert cypher("MATCH (p:Person) WHERE p.searchRegions IS NULL RETURN count(p) AS n")[0]["n"] == 0
    assert cypher("MATCH (s:TalentSpan) RETURN count(DISTINCT s.person) AS n")[0]["n"] > 0
    assert on_db(_exact) == []

    # The re-run folds what the stopped load left, then loads and folds the rest.
    assert on_db(lambda db: load_file(db, tmp_path / "people.csv", "people", "test-salt", batch_size=20)).written
    assert cypher("MATCH (p:Person) RETURN count(p) AS n")[0]["n"] > people
    assert cypher("MATCH (b:PendingBatch) RETURN count(b) AS n")[0]["n"] == 0
    assert cypher("MATCH (p:Person) WHERE p.searchRegions IS NULL RETURN count(p) AS n")[0]["n"] == 0
    assert on_db(_exact) == []


def test_a_pending_span_replaced_before_its_batch_is_folded_is_counted_once(
    on_db, cypher, tmp_path: Path, monkeypatch
) -> None:
    generate(40, 5, tmp_path)
    assert on_db(lambda db: load_file(db, tmp_path / "institutions.csv", "institutions", "test-salt")).written
    kept: list[PendingSpans] = []

    async def keep_for_later(self, db) -> int:  # type: ignore[no-untyped-def]
        kept.append(PendingSpans(dict(self.batches)))
        self.batches.clear()
        return 0

    with monkeypatch.context() as patch:
        patch.setattr(PendingSpans, "fold", keep_for_later)
        assert on_db(lambda db: load_file(db, tmp_path / "people.csv", "people", "test-salt", batch_size=15)).written
    batches = {batch for pending in kept for batch in pending.batches}
    assert len(batches) >= 2
    # Someone of a pending batch loses a title through the API: their pending spans are replaced at once.
    [victim] = cypher(
        "MATCH (p:Person)-[:HOLDS]->(t:Title), (s:TalentSpan {person: p.id}) WHERE s.batch IN $batches "
        "RETURN t.certificateNo AS certificate, t.grantedOn AS granted LIMIT 1",
        batches=list(batches),
    )
    revoked_on = victim["granted"].to_native() + dt.timedelta(days=30)
    on_db(lambda db: revoke_title(db, victim["certificate"], min(revoked_on, dt.date.today()), "test", OPERATOR))
    assert on_db(_exact) == []

    # Folding from memory notices the batch lost a span and reads it back instead.
    async def fold_all(db) -> int:  # type: ignore[no-untyped-def]
        return sum([await pending.fold(db) for pending in kept])

    assert on_db(fold_all) == len(batches)
    assert cypher("MATCH (b:PendingBatch) RETURN count(b) AS n")[0]["n"] == 0
    assert on_db(_exact) == []


def test_a_load_whose_batch_fails_stops_with_the_error_and_folds_what_committed(
    on_db, cypher, tmp_path: Path, monkeypatch
) -> None:
    generate(80, 13, tmp_path)
    assert on_db(lambda db: load_file(db, tmp_path / "institutions.csv", "institutions", "test-salt")).written
    fails_on_the_fourth_batch = _UpsertFailing(4, RuntimeError("the database went away"))
    with monkeypatch.context() as patch:
        patch.setattr(bulk, "upsert", fails_on_the_fourth_batch)
        with pytest.raises(RuntimeError, match="went away"):
            on_db(lambda db: load_file(db, tmp_path / "people.csv", "people", "test-salt", batch_size=15))
    # What committed before the failure (the batch beside it included) is in the graph and folded.
    assert 0 < cypher("MATCH (p:Person) RETURN count(p) AS n")[0]["n"] <= 15 * fails_on_the_fourth_batch.committed
    assert cypher("MATCH (b:PendingBatch) RETURN count(b) AS n")[0]["n"] == 0
    assert on_db(_exact) == []
    assert on_db(lambda db: load_file(db, tmp_path / "people.csv", "people", "test-salt", batch_size=15)).written
    assert on_db(_exact) == []


def test_folds_beside_the_writing_keep_every_figure_exact(on_db, cypher, tmp_path: Path, monkeypatch) -> None:
    """A load folds every FOLD_EVERY batches while the next batches are written, people new and known alike
    (known people's changes write the cubes at once, beside the fold): every figure stays a recount's."""
    generate(120, 17, tmp_path)
    assert on_db(lambda db: load_file(db, tmp_path / "institutions.csv", "institutions", "test-salt")).written
    lines = (tmp_path / "people.csv").read_text(encoding="utf-8-sig").splitlines()
    header, rows = lines[0], lines[1:]
    first = tmp_path / "first.csv"
    first.write_text("\n".join([header, *rows[:60]]) + "\n", encoding="utf-8")
    # The second file changes the fields of the first file's people (a new FIELD cell) and adds the others.
    column = header.split(",").index("fields")
    changed = []
    for row in rows[:60]:
        cells = row.split(",")
        cells[column] = "中药材" if cells[column] != "中药材" else "马铃薯"
        changed.append(",".join(cells))
    second = tmp_path / "second.csv"
    second.write_text("\n".join([header, *changed, *rows[60:]]) + "\n", encoding="utf-8")

    folds: list[int] = []
    real_fold = PendingSpans.fold

    def counted_fold(self, db):  # type: ignore[no-untyped-def]
        folds.append(len(self))
        return real_fold(self, db)

    with monkeypatch.context() as patch:
        patch.setattr("loaders.load.FOLD_EVERY", 2)
        patch.setattr(PendingSpans, "fold", counted_fold)
        for path in (first, second):
            summary = on_db(lambda db, path=path: load_file(db, path, "people", "test-salt", batch_size=8))
            assert summary.written, summary.errors[:3]
            assert cypher("MATCH (b:PendingBatch) RETURN count(b) AS n")[0]["n"] == 0
            assert on_db(_exact) == []
    assert summary.outcome["updated"] > 0 and summary.outcome["created"] > 0, summary.outcome
    # Folds of 2 or more ran during the loads (23 batches: a fold takes what committed, 2 to 4 batches), and
    # one at each end.
    assert sum(1 for size in folds if size >= 2) >= 5, folds
