"""Large files are validated in worker processes: the outcome must be that of validating in this process."""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.generate import generate
from loaders.validate import PARALLEL_CHUNK, PARALLEL_FROM, validated_records


def test_worker_processes_find_what_one_process_finds_in_the_same_order(tmp_path: Path) -> None:
    generate(PARALLEL_FROM + 700, 3, tmp_path)
    with (tmp_path / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    column = {key: index for index, key in enumerate(header)}
    assert len(rows) > PARALLEL_FROM + 500
    number = rows[10][column["id_number"]]
    rows[10][column["id_number"]] = number[:-1] + ("1" if number[-1] != "1" else "2")  # a wrong check digit
    rows[PARALLEL_CHUNK + 5][column["granted_on"]] = "2021-13-01"                   # no such month
    # The same certificate as a row of the first chunk for someone else, in the second chunk.
    rows[PARALLEL_CHUNK + 9][column["certificate_no"]] = rows[3][column["certificate_no"]]
    rows[PARALLEL_FROM + 300][column["title_level"]] = "特级"                            # no such level
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])

    alone = list(validated_records(path, "people", "salt", workers=0))
    parallel = list(validated_records(path, "people", "salt", workers=2))
    assert parallel == alone
    refused = [checked.line for checked in parallel if checked.errors]
    assert refused == [12, PARALLEL_CHUNK + 7, PARALLEL_CHUNK + 11, PARALLEL_FROM + 302]
    assert all(checked.record.pinyin for checked in parallel if checked.record is not None)
