"""The backup file: gzip'd JSON Lines with a header, one record per node and relationship, and a trailer.

    {"format": "talentgraph-backup", "version": 1, "created": …, "neo4j": {…}, "counts": {…}, "idSalt": {…}}
    {"node": "<id>", "labels": [...], "properties": {...}}                 every node, then
    {"rel": "<type>", "start": "<id>", "end": "<id>", "properties": {...}}  every relationship
    {"end": true, "records": N, "counts": {…}, "sha256": "<hex>"}

`sha256` is the digest of every byte before the trailer's line (uncompressed, newlines included). A
reader checks the whole file (`verify`) before anything uses it: a truncated or altered file fails
there. Values are encoded by graph/backup/values.py.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from graph.backup.errors import BadBackup

FORMAT = "talentgraph-backup"
VERSION = 1
#: gzip level: 3 compresses a backup about as well as 6 (within a few percent) at about twice the speed.
COMPRESSION = 3


@dataclass
class Counts:
    """Nodes by label and relationships by type (a node with two labels counts under both)."""

    nodes: int = 0
    relationships: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)

    def as_json(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "relationships": self.relationships,
            "labels": dict(sorted(self.labels.items())),
            "types": dict(sorted(self.types.items())),
        }

    @classmethod
    def from_json(cls, value: Any) -> Counts:
        try:
            return cls(
                int(value["nodes"]),
                int(value["relationships"]),
                Counter({str(k): int(v) for k, v in value["labels"].items()}),
                Counter({str(k): int(v) for k, v in value["types"].items()}),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise BadBackup(f"the counts {value!r} are malformed ({error})") from error

    def differences(self, other: Counts) -> list[str]:
        """What differs between these counts and `other`, one line each; empty when equal."""
        lines = []
        if self.nodes != other.nodes:
            lines.append(f"nodes: {self.nodes:,} against {other.nodes:,}")
        if self.relationships != other.relationships:
            lines.append(f"relationships: {self.relationships:,} against {other.relationships:,}")
        for kind, mine, theirs in (("label", self.labels, other.labels), ("type", self.types, other.types)):
            for name in sorted(set(mine) | set(theirs)):
                if mine.get(name, 0) != theirs.get(name, 0):
                    lines.append(f"{kind} {name}: {mine.get(name, 0):,} against {theirs.get(name, 0):,}")
        return lines


class BackupWriter:
    """Writes a backup file: `header`, then `node`s, then `relationship`s, then `finish`.

    The file is written as `<path>.partial` and renamed when finished, so that no failed backup is
    left under the name asked for.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self._raw: IO[bytes] = open(self.partial, "wb")  # noqa: SIM115 - closed in finish/abort
        self._gzip = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=COMPRESSION)
        self._digest = hashlib.sha256()
        self.records = 0
        self.counts = Counts()

    def _line(self, record: dict[str, Any]) -> None:
        line = orjson.dumps(record) + b"\n"
        self._digest.update(line)
        self._gzip.write(line)

    def header(self, header: dict[str, Any]) -> None:
        self._line({"format": FORMAT, "version": VERSION, **header})

    def node(self, node_id: str, labels: list[str], properties: dict[str, Any]) -> None:
        self._line({"node": node_id, "labels": labels, "properties": properties})
        self.records += 1
        self.counts.nodes += 1
        self.counts.labels.update(labels)

    def relationship(self, rel_type: str, start: str, end: str, properties: dict[str, Any]) -> None:
        self._line({"rel": rel_type, "start": start, "end": end, "properties": properties})
        self.records += 1
        self.counts.relationships += 1
        self.counts.types[rel_type] += 1

    def finish(self) -> Path:
        """Write the trailer, flush to disk and move the file to its name; return it."""
        trailer = {"end": True, "records": self.records, "counts": self.counts.as_json()}
        self._gzip.write(orjson.dumps({**trailer, "sha256": self._digest.hexdigest()}) + b"\n")
        self._gzip.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self.partial, self.path)
        return self.path

    def abort(self) -> None:
        """Close and remove the partial file."""
        self._gzip.close()
        self._raw.close()
        self.partial.unlink(missing_ok=True)


@dataclass(frozen=True)
class Verified:
    """A backup file checked whole: its header and its counts."""

    header: dict[str, Any]
    counts: Counts
    records: int
    compressed_bytes: int


def _lines(path: Path) -> Iterator[bytes]:
    try:
        with gzip.open(path, "rb") as handle:
            yield from handle
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as error:
        raise BadBackup(f"{path} is not a whole gzip file ({error}): it is truncated or damaged") from error


def _record(line: bytes, number: int) -> dict[str, Any]:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise BadBackup(f"line {number} is not JSON ({error})") from error
    if not isinstance(record, dict):
        raise BadBackup(f"line {number} is not a JSON object")
    return record


def check_header(record: dict[str, Any]) -> dict[str, Any]:
    """The header, if this version of Talent Graph reads its format; else BadBackup."""
    if record.get("format") != FORMAT:
        raise BadBackup(f"this is not a Talent Graph backup (its first line has format {record.get('format')!r})")
    if record.get("version") != VERSION:
        raise BadBackup(
            f"the backup's format version is {record.get('version')!r}; this version of Talent Graph reads {VERSION}"
        )
    return record


def verify(path: Path, tick: Any = None) -> Verified:
    """Read the whole file once: gzip intact, every line a record, counts and SHA-256 as the trailer says."""
    path = Path(path)
    digest = hashlib.sha256()
    header: dict[str, Any] | None = None
    trailer: dict[str, Any] | None = None
    counts = Counts()
    records = 0
    for number, line in enumerate(_lines(path), start=1):
        if trailer is not None:
            raise BadBackup(f"line {number} follows the trailer: the file was altered")
        record = _record(line, number)
        if header is None:
            header = check_header(record)
        elif record.get("end") is True:
            trailer = record
            continue
        elif "node" in record:
            labels = record.get("labels")
            if not isinstance(record["node"], str) or not isinstance(labels, list):
                raise BadBackup(f"line {number}: a node needs an id and a list of labels")
            counts.nodes += 1
            counts.labels.update(labels)
            records += 1
        elif "rel" in record:
            if not all(isinstance(record.get(key), str) for key in ("rel", "start", "end")):
                raise BadBackup(f"line {number}: a relationship needs a type, a start and an end")
            counts.relationships += 1
            counts.types[record["rel"]] += 1
            records += 1
        else:
            raise BadBackup(f"line {number} is neither a node nor a relationship")
        digest.update(line)
        if tick is not None and records % 10000 == 0:
            tick(records)
    if header is None:
        raise BadBackup(f"{path} is empty")
    if trailer is None:
        raise BadBackup(f"{path} has no trailer: it is truncated (the backup did not finish, or the copy is partial)")
    if trailer.get("sha256") != digest.hexdigest():
        raise BadBackup(f"{path}: the SHA-256 of its content differs from its trailer's: the file was altered")
    declared = Counts.from_json(header.get("counts"))
    problems = counts.differences(Counts.from_json(trailer.get("counts"))) + counts.differences(declared)
    if problems or trailer.get("records") != records:
        raise BadBackup(f"{path}: the records differ from the counts declared: " + "; ".join(problems))
    return Verified(header=header, counts=counts, records=records, compressed_bytes=path.stat().st_size)


def records(path: Path) -> Iterator[dict[str, Any]]:
    """The node and relationship records of a verified file, in order (header and trailer left out)."""
    for number, line in enumerate(_lines(Path(path)), start=1):
        record = _record(line, number)
        if number == 1 or record.get("end") is True:
            continue
        yield record
