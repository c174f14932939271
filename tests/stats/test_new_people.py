"""People new to the graph are created in one go with what derives from them (graph/bulk_people.py):
the graph must come out exactly as merging them and recounting and re-indexing from the graph leaves it."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from graph import bulk, bulk_people
from graph.database import count_statements
from graph.search import rebuild_search_documents
from graph.stats.rebuild import rebuild_talent_stats
from graph.stats.verify import verify_talent_stats
from loaders.generate import generate
from loaders.load import LoadSummary, _batches, _validate, load_file
from loaders.writer import References

SALT = "test-salt"
WIPE = (
    "MATCH (n) WHERE n:Person OR n:Title OR n:TalentSpan OR n:TalentCell OR n:TalentTally OR n:PendingBatch "
    "OR n:AuditEntry DETACH DELETE n"
)


def _graph(cypher: Any) -> dict[str, Any]:
    """People, titles, their relationships, talent spans and cube cells, without timestamps and batch ids."""

    def clean(props: dict[str, Any], *drop: str) -> dict[str, Any]:
        return {key: value for key, value in props.items() if key not in drop}

    people = {
        row["key"]: clean(row["props"], "createdAt", "updatedAt")
        for row in cypher("MATCH (p:Person) RETURN p.idHash AS key, properties(p) AS props")
    }
    titles = {
        row["key"]: clean(row["props"], "createdAt")
        for row in cypher("MATCH (t:Title) RETURN t.certificateNo AS key, properties(t) AS props")
    }
    links = sorted(
        (row["person"], row["type"], sorted(row["props"].items()), row["to"])
        for row in cypher(
            "MATCH (p:Person)-[r]->(x) RETURN p.idHash AS person, type(r) AS type, "
            "properties(r) AS props, coalesce(x.certificateNo, x.id, x.code) AS to"
        )
    )
    spans = sorted(
        sorted(clean(row["props"], "batch").items(), key=lambda item: item[0])
        for row in cypher("MATCH (s:TalentSpan) RETURN properties(s) AS props")
    )
    cells = {
        row["key"]: row["years"]
        for row in cypher("MATCH (c:TalentCell) RETURN c.key AS key, c.atYearStart AS years")
        if any(row["years"])
    }
    tallies = {
        (row["cell"], row["year"]): (row["days"], row["deltas"])
        for row in cypher(
            "MATCH (t:TalentTally) WHERE size(t.days) > 0 "
            "RETURN t.cell AS cell, t.year AS year, t.days AS days, t.deltas AS deltas"
        )
    }
    return {"people": people, "titles": titles, "links": links, "spans": spans, "cells": cells, "tallies": tallies}


def _everything_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send every row the usual way: merged, then recounted and re-indexed from the graph."""

    async def merge_all(tx: Any, rows: Any, reference: Any = None, hints: bool = False) -> bulk_people.NewPeople:
        return bulk_people.NewPeople(rest=list(rows))

    monkeypatch.setattr(bulk_people, "plan", merge_all)


def _load(on_db: Any, folder: Path, people_file: Path, batch_size: int = 40) -> None:
    async def work(db: Any) -> None:
        for kind, path in (("institutions", folder / "institutions.csv"), ("people", people_file)):
            summary = await load_file(db, path, kind, SALT, batch_size=batch_size)
            assert summary.written, summary.errors[:3]

    on_db(work)


def _first_rows(source: Path, target: Path, count: int) -> Path:
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows[: count + 1])
    return target


def test_new_people_are_created_as_merging_and_refreshing_them_would_leave_them(
    on_db, cypher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(250, 5, tmp_path)
    created: list[int] = []
    real_plan = bulk_people.plan

    async def counting(tx: Any, rows: Any, reference: Any = None, hints: bool = False) -> bulk_people.NewPeople:
        new = await real_plan(tx, rows, reference, hints)
        created.append(len(new.people))
        return new

    monkeypatch.setattr(bulk_people, "plan", counting)
    _load(on_db, tmp_path, tmp_path / "people.csv")
    assert sum(created) == cypher("MATCH (p:Person) RETURN count(p) AS n")[0]["n"] > 200
    fast = _graph(cypher)

    # Recomputing everything from the graph changes nothing…
    async def rebuild(db: Any) -> list[str]:
        await rebuild_search_documents(db)
        await rebuild_talent_stats(db)
        return [
            problem
            for region in ("130800", "110000", "120000")
            for problem in await verify_talent_stats(db, dt.date.today(), region)
        ]

    assert on_db(rebuild) == []
    assert _graph(cypher) == fast

    # …and loading the same file the usual way gives the same graph.
    cypher(WIPE)
    monkeypatch.undo()
    _everything_merged(monkeypatch)
    _load(on_db, tmp_path, tmp_path / "people.csv")
    assert _graph(cypher) == fast


def test_batches_mixing_new_and_known_people_end_as_the_usual_way_does(
    on_db, cypher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """People loaded before (some of their titles), then the whole file: known people merge, new ones are created."""
    generate(200, 8, tmp_path)
    part = _first_rows(tmp_path / "people.csv", tmp_path / "part.csv", 90)
    _load(on_db, tmp_path, part, batch_size=30)
    _load(on_db, tmp_path, tmp_path / "people.csv", batch_size=30)
    mixed = _graph(cypher)

    cypher(WIPE)
    _everything_merged(monkeypatch)
    _load(on_db, tmp_path, part, batch_size=30)
    _load(on_db, tmp_path, tmp_path / "people.csv", batch_size=30)
    assert _graph(cypher) == mixed


def test_a_batch_that_finds_its_new_people_created_meanwhile_runs_again_and_merges_them(
    on_db, cypher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(30, 9, tmp_path)
    _load(on_db, tmp_path, tmp_path / "people.csv")
    before = _graph(cypher)
    # Every row is loaded again, as an update.
    cypher("MATCH (t:Title) SET t.importFingerprint = 'stale'")
    real_plan = bulk_people.plan
    fooled: list[int] = []

    async def fooled_once(tx: Any, rows: Any, reference: Any = None, hints: bool = False) -> bulk_people.NewPeople:
        if fooled:
            return await real_plan(tx, rows, reference)
        # As if every person had been created by someone else just after the check.
        new = await _as_if_new(real_plan, tx, rows)
        fooled.append(len(new.people))
        return new

    monkeypatch.setattr(bulk_people, "plan", fooled_once)

    async def reload(db: Any) -> Any:
        return await load_file(db, tmp_path / "people.csv", "people", SALT, batch_size=1000)

    summary = on_db(reload)
    assert fooled and fooled[0] > 20
    assert summary.outcome["updated"] == summary.rows and not summary.outcome["created"]
    assert _graph(cypher) == before


def test_people_marked_new_at_validation_but_created_before_the_write_are_merged(
    on_db, cypher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validation marks rows whose person it did not find `new`, and writing trusts the mark: if someone
    created the person meanwhile, the uniqueness constraints refuse the batch, which runs again unmarked."""
    generate(30, 19, tmp_path)
    _load(on_db, tmp_path, tmp_path / "people.csv")
    # Registered through the API, say: ids of their own, not the ones a load derives from the identity hash.
    cypher(
        "MATCH (p:Person) WITH p, p.id AS derived SET p.id = 'api-' + derived "
        "WITH p, derived MATCH (s:TalentSpan {person: derived}) SET s.person = p.id"
    )
    before = _graph(cypher)
    cypher("MATCH (t:Title) SET t.importFingerprint = 'stale'")

    # As if every person had been created after validation looked for them.
    async def nobody(db: Any, hashes: Any) -> set[str]:
        return set()

    real_plan = bulk_people.plan
    calls: list[tuple[bool, int]] = []

    async def watched(tx: Any, rows: Any, reference: Any = None, hints: bool = False) -> bulk_people.NewPeople:
        new = await real_plan(tx, rows, reference, hints)
        calls.append((hints, len(new.people)))
        return new

    async def no_holders(db: Any, certificates: Any) -> dict[str, str | None]:
        return {}

    monkeypatch.setattr(bulk, "known_people", nobody)
    monkeypatch.setattr(bulk, "title_holders", no_holders)
    monkeypatch.setattr(bulk_people, "plan", watched)

    async def reload(db: Any) -> Any:
        return await load_file(db, tmp_path / "people.csv", "people", SALT, batch_size=1000)

    summary = on_db(reload)
    # Trusted first (every person "new"), refused by the constraints, then run again looking for them.
    assert calls[0][0] and calls[0][1] > 20
    assert calls[1] == (False, 0)
    assert summary.outcome["updated"] == summary.rows and not summary.outcome["created"]
    assert _graph(cypher) == before


def test_rows_are_marked_new_only_when_their_person_is_new_to_the_graph_and_to_earlier_batches(
    on_db, cypher, tmp_path: Path
) -> None:
    generate(400, 21, tmp_path)
    _load(on_db, tmp_path, _first_rows(tmp_path / "people.csv", tmp_path / "part.csv", 40))
    in_graph = {row["idHash"] for row in cypher("MATCH (p:Person) RETURN p.idHash AS idHash")}
    # One title of someone with several moves to the end of the file: far from their first row, in a later batch.
    with (tmp_path / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    column = header.index("id_number")
    numbers = Counter(row[column] for row in rows[60:])
    moved = next(i for i, row in enumerate(rows) if i >= 60 and numbers[row[column]] > 1)
    rows.append(rows.pop(moved))
    with (tmp_path / "moved.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])

    async def spilled(db: Any) -> list[list[dict[str, Any]]]:
        with tempfile.TemporaryFile() as spill:
            summary = LoadSummary(path=tmp_path / "moved.csv", kind="people")
            await _validate(
                db, tmp_path / "moved.csv", "people", SALT, None, summary, References(), lambda *_: None, spill, 25
            )
            spill.seek(0)
            return list(_batches(spill))

    batches = on_db(spilled)
    earlier: set[str] = set()
    for batch in batches:
        for row in batch:
            assert row["new"] == (row["idHash"] not in in_graph and row["idHash"] not in earlier), row["idHash"]
        earlier |= {row["idHash"] for row in batch}
    last = batches[-1][-1]
    assert last["idHash"] not in in_graph and not last["new"]
    assert any(row["new"] for batch in batches for row in batch)


async def _as_if_new(plan: Any, tx: Any, rows: Any) -> bulk_people.NewPeople:
    """What plan() would answer had none of these people, ids and titles existed."""
    real_run = tx.run

    async def run(name: str, text: str | None = None, /, **params: Any) -> Any:
        result = await real_run(name, text, **params)
        if name == "bulk/new_people":
            result[0].update(knownPeople=[], knownIds=[], knownTitles=[])
        return result

    tx.run = run
    try:
        return await plan(tx, rows)
    finally:
        tx.run = real_run


def test_batches_sharing_a_person_are_written_in_file_order(on_db, cypher, tmp_path: Path) -> None:
    """Two batches are written at once only when they share no person or title: later rows still win."""
    generate(40, 12, tmp_path)
    with (tmp_path / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    column = {key: index for index, key in enumerate(header)}
    first, later = rows[:5], []
    for number, row in enumerate(first):
        # Each person of the first batch again, in the next batch: another title and another e-mail.
        copy = list(row)
        copy[column["certificate_no"]] = f"LATER-{number}"
        copy[column["email"]] = f"later{number}@example.cn"
        later.append(copy)
    with (tmp_path / "ordered.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *first, *later, *rows[5:]])
    _load(on_db, tmp_path, tmp_path / "ordered.csv", batch_size=5)
    ids = [row[column["id_number"]] for row in first]
    emails = {
        row["email"]
        for row in cypher(
            "MATCH (p:Person)-[:HOLDS]->(t:Title) WHERE t.certificateNo STARTS WITH 'LATER-' RETURN p.email AS email"
        )
    }
    assert emails == {f"later{number}@example.cn" for number in range(len(ids))}
    assert cypher(
        "MATCH (p:Person)-[:HOLDS]->(t:Title) WHERE t.certificateNo STARTS WITH 'LATER-' RETURN count(DISTINCT p) AS n"
    )[0]["n"] == len({*ids})


def test_a_load_reads_the_reference_trees_once_and_each_batch_checks_its_own_keys(on_db, tmp_path: Path) -> None:
    """Fields, regions and levels change only by migration: read in the first batch, kept for the others."""
    generate(90, 13, tmp_path)

    async def work(db: Any) -> list[str]:
        assert (await load_file(db, tmp_path / "institutions.csv", "institutions", SALT)).written
        counter = count_statements()
        assert (await load_file(db, tmp_path / "people.csv", "people", SALT, batch_size=20)).written
        return counter.names

    names = on_db(work)
    assert names.count("bulk/new_people") >= 5
    assert names.count("derived/reference") == 1


def _edited(source: Path, target: Path, lines: set[int]) -> Path:
    """The file with these data lines' title names changed (their rows' fingerprints with them)."""
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("title_name")
    for line in lines:
        rows[line][column] += "（复评）"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return target


def test_rows_whose_title_is_unchanged_are_not_sent_back_and_a_reload_ends_as_merging_would(
    on_db, cypher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bulk_people.plan leaves out the rows whose stored import fingerprint is theirs, as bulk/people would
    leave them alone: counted unchanged, never sent. The rows that did change are updated as usual."""
    generate(120, 9, tmp_path)
    people = tmp_path / "people.csv"
    edited = _edited(people, tmp_path / "edited.csv", {3, 40, 77})
    sent: list[int] = []
    real_run = bulk_people.Transaction.run

    async def counting(self: Any, name: str, text: str | None = None, /, **params: Any) -> Any:
        if name == "bulk/people":
            sent.append(len(params["rows"]))
        return await real_run(self, name, text, **params)

    def reload(batch_size: int) -> tuple[LoadSummary, LoadSummary]:
        async def work(db: Any) -> tuple[LoadSummary, LoadSummary]:
            assert (await load_file(db, tmp_path / "institutions.csv", "institutions", SALT)).written
            assert (await load_file(db, people, "people", SALT, batch_size=batch_size)).written
            same = await load_file(db, people, "people", SALT, batch_size=batch_size)
            changed = await load_file(db, edited, "people", SALT, batch_size=batch_size)
            return same, changed

        return on_db(work)

    monkeypatch.setattr(bulk_people.Transaction, "run", counting)
    same, changed = reload(25)
    rows = same.rows
    assert same.outcome == Counter(unchanged=rows)
    assert changed.outcome == Counter(updated=3, unchanged=rows - 3)
    # Only the three edited rows went to bulk/people, after the first load (whose people were all new).
    assert sent == [1, 1, 1]
    assert {row["name"] for row in cypher("MATCH (t:Title) WHERE t.name ENDS WITH '（复评）' RETURN t.name AS name")}
    fast = _graph(cypher)

    cypher(WIPE)
    monkeypatch.undo()
    _everything_merged(monkeypatch)
    same, changed = reload(25)
    assert (same.outcome, changed.outcome) == (Counter(unchanged=rows), Counter(updated=3, unchanged=rows - 3))
    assert _graph(cypher) == fast
