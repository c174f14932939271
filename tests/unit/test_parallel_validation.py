"""Large files are validated in worker processes: the outcome must be that of validating in this process."""

from __future__ import annotations

import csv
import dataclasses
import pickle
from pathlib import Path

import pytest

from loaders import records, validate
from loaders.errors import FileFormatError
from loaders.generate import generate
from loaders.readers import Row, csv_lines, read_rows
from loaders.validate import PARALLEL_CHUNK, PARALLEL_FROM, validate_row, validated_records


def test_worker_processes_find_what_one_process_finds_in_the_same_order(tmp_path: Path) -> None:
    generate(PARALLEL_FROM + 700, 3, tmp_path)
    with (tmp_path / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    column = {key: index for index, key in enumerate(header)}
    assert len(rows) > PARALLEL_FROM + 500
    number = rows[10][column["id_number"]]
    rows[10][column["id_number"]] = number[:-1] + ("1" if number[-1] != "1" else "2")  # a wrong check digit
    rows[PARALLEL_CHUNK + 5][column["granted_on"]] = "2021-13-01"  # no such month
    # The same certificate as a row of the first chunk for someone else, in the second chunk.
    rows[PARALLEL_CHUNK + 9][column["certificate_no"]] = rows[3][column["certificate_no"]]
    rows[PARALLEL_FROM + 300][column["title_level"]] = "特级"  # no such level
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])

    alone = list(validated_records(path, "people", "salt", workers=0))
    parallel = list(validated_records(path, "people", "salt", workers=2))
    assert parallel == alone
    refused = [checked.line for checked in parallel if checked.errors]
    assert refused == [12, PARALLEL_CHUNK + 7, PARALLEL_CHUNK + 11, PARALLEL_FROM + 302]
    assert all(checked.record.pinyin for checked in parallel if checked.record is not None)


def test_what_crosses_to_and_from_workers_pickles_quickly_and_whole() -> None:
    """Rows and records travel between processes: each class pickles as a call with its values (loaders/pickling.py),
    not through dataclasses' per-object field lookup, and comes back equal."""
    classes = [
        Row,
        *(
            member
            for member in vars(records).values()
            if dataclasses.is_dataclass(member) and hasattr(member, "__slots__")
        ),
    ]
    assert len(classes) > 5
    for cls in classes:
        assert cls.__reduce__.__module__ == "loaders.pickling", cls
    samples = Path(__file__).resolve().parents[2] / "loaders" / "samples"
    for kind in ("people", "institutions", "teams", "visits", "projects", "platforms"):
        rows = list(read_rows(samples / f"{kind}.csv", kind))
        checked = [validate_row(row, kind, "salt") for row in rows]
        assert any(record is not None for record, _ in checked), kind
        assert pickle.loads(pickle.dumps(rows)) == rows
        assert pickle.loads(pickle.dumps(checked)) == checked


def test_rows_contradicting_earlier_ones_are_found_when_the_keys_have_moved_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past IN_MEMORY_KEYS keys the conflict check keeps them on disk (memory bounded however long the file):
    what it finds must not change."""
    generate(300, 4, tmp_path)
    with (tmp_path / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    column = {key: index for index, key in enumerate(header)}
    rows[250][column["certificate_no"]] = rows[3][column["certificate_no"]]  # another person's certificate
    for key in ("id_number", "gender", "birth_year"):  # same person, another name
        rows[260][column[key]] = rows[5][column[key]]
    rows[260][column["name"]] = rows[5][column["name"]] + "某"
    path = tmp_path / "conflicts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])

    in_memory = [(row.line, row.errors) for row in validated_records(path, "people", "salt", workers=0)]
    monkeypatch.setattr(validate, "IN_MEMORY_KEYS", 40)
    on_disk = [(row.line, row.errors) for row in validated_records(path, "people", "salt", workers=0)]
    assert on_disk == in_memory
    found = {line: [error.column for error in errors] for line, errors in on_disk if errors}
    assert found == {252: ["certificate_no"], 262: ["id_number"]}


def test_the_conflict_check_answers_the_same_from_memory_and_from_disk() -> None:
    tracker = validate.ConflictTracker(in_memory=2)
    keys = [bytes([n]) * 16 for n in range(5)]
    assert [tracker._first(key, 100 + n) for n, key in enumerate(keys)] == [100, 101, 102, 103, 104]
    assert tracker._disk is not None
    # First values win, wherever they are kept; values need more than 64 bits.
    assert [tracker._first(key, 7) for key in keys] == [100, 101, 102, 103, 104]
    big = ((1 << 63) - 1) << 32 | 123_456
    assert tracker._first(b"x" * 16, big) == big and tracker._first(b"y" * 16, 1) == 1
    assert tracker._first(b"x" * 16, 0) == big
    tracker.close()


def _tricky(tmp_path: Path, encoding: str, newline: str) -> Path:
    """A generated people file with a title row, blank lines, a cell beyond the header and no final newline."""
    generate(600, 5, tmp_path)
    with (tmp_path / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    lines = ["承德市职称评审通过人员名单,,", ",".join(header)]
    for number, row in enumerate(rows):
        lines.append(",".join(row + (["多余"] if number == 7 else [])))
        if number % 97 == 0:
            lines.append("" if number % 2 else ",,,")
    path = tmp_path / f"tricky-{encoding}.csv"
    path.write_bytes(newline.join(lines).encode(encoding))
    return path


@pytest.mark.parametrize(("encoding", "newline"), [("utf-8-sig", "\n"), ("utf-8", "\r\n"), ("gb18030", "\r\n")])
def test_blocks_of_lines_read_as_the_whole_file(tmp_path: Path, encoding: str, newline: str) -> None:
    """Workers read a file of one row per line in blocks (loaders/readers.py CsvLines): whatever the cuts,
    the rows are read_rows's, line numbers, blank lines and cells beyond the header included."""
    path = _tricky(tmp_path, encoding, newline)
    whole = list(read_rows(path, "people"))
    lines = csv_lines(path, "people")
    assert lines is not None and lines.first_line == 3
    for size in (97, 4096, 1 << 18):
        blocks = list(lines.blocks(size))
        assert len(blocks) > 1 or size == 1 << 18
        read: list[Row] = []
        for line, block in blocks:
            rows, failure = lines.rows(line, block)
            assert failure is None
            read.extend(rows)
        assert read == whole
    assert whole[7].overflow == 1 and whole[0].line == 3


def test_files_whose_cells_may_span_lines_are_not_cut(tmp_path: Path) -> None:
    quoted = tmp_path / "quoted.csv"
    quoted.write_text('name,credit_code,type,region\n"某某,公司",,企业,双桥区\n', encoding="utf-8")
    lone_return = tmp_path / "mac.csv"
    lone_return.write_text("name,credit_code,type,region\r某某公司,,企业,双桥区\r", encoding="utf-8")
    assert csv_lines(quoted, "institutions") is None and csv_lines(lone_return, "institutions") is None


def test_a_block_with_bytes_of_another_encoding_reports_the_rows_before_them(tmp_path: Path) -> None:
    path = _tricky(tmp_path, "utf-8", "\n")
    data = path.read_bytes().split(b"\n")
    # Not UTF-8, on the first line past the 64 KiB that decided the file's encoding.
    bad = next(index for index in range(len(data)) if sum(len(line) + 1 for line in data[:index]) > 70_000)
    data[bad] = data[bad].replace(b",", b",\xff", 1)
    path.write_bytes(b"\n".join(data))
    lines = csv_lines(path, "people")
    assert lines is not None
    read: list[Row] = []
    for line, block in lines.blocks(4096):
        rows, failure = lines.rows(line, block)
        read.extend(rows)
        if failure is not None:
            break
    assert failure is not None and failure.line == bad + 1 and "utf-8-sig" in failure.reason_en
    assert read and read[-1].line < bad + 1
    before = []
    with pytest.raises(FileFormatError):
        for row in read_rows(path, "people"):
            before.append(row)
    # read_rows decodes ahead, so it stops some lines before the bad one; blocks stop right at it.
    assert before == read[: len(before)] and read[-1].line == max(row.line for row in read)


def test_large_files_of_one_row_per_line_are_checked_from_blocks(tmp_path: Path) -> None:
    """validated_records takes the blocks path for such a file: same outcome as checking in this process."""
    path = _tricky(tmp_path, "utf-8-sig", "\r\n")
    generate(PARALLEL_FROM + 50, 6, tmp_path / "big")
    big = tmp_path / "big" / "people.csv"
    lines = csv_lines(big, "people")
    assert lines is not None and lines.lines >= PARALLEL_FROM
    for file in (path, big):
        alone = list(validated_records(file, "people", "salt", workers=0))
        parallel = list(validated_records(file, "people", "salt", workers=1))
        assert parallel == alone
