"""Upload jobs: a file sent through the API (server/uploads) and loaded in the background, recorded in the graph.

A job is an `UploadJob` node, so that every API process answers for every job whichever process runs it. It
belongs to the institution whose key sent the file (none for an administrator's upload), and only who may
write that institution's records follows it (`may_follow`): the institution's own keys and administrators.
Anyone else is answered as for a job that does not exist.
"""

from __future__ import annotations

import gzip
import uuid
from dataclasses import dataclass
from typing import Any

import orjson

from graph.access import Caller, access
from graph.database import Database

#: How many of a job's errors its record keeps (the refused-rows file has every refused row).
KEPT_ERRORS = 100

#: What a job's `status` may be, in the order a job goes through them.
STATUSES = ("queued", "running", "succeeded", "refused", "failed")


def may_follow(caller: Caller, institution: str | None) -> bool:
    """Whether `caller` may see an upload job of `institution` (None: an administrator's upload)."""
    return access(caller, (institution,) if institution else ()).write


def new_job_id() -> str:
    """A job's id: random, so that trying ids tells nothing of other institutions' uploads."""
    return str(uuid.uuid4())


def _valid_id(job_id: str) -> bool:
    try:
        return str(uuid.UUID(job_id)) == job_id
    except ValueError:
        return False


async def create_job(
    db: Database, job_id: str, caller: Caller, kind: str, institution: str | None, skip_invalid: bool, size: int
) -> None:
    """Record a queued job for a file of `size` bytes whose rows may name only `institution` (None: any)."""
    await db.write(
        "uploads/create",
        id=job_id,
        kind=kind,
        institution=institution,
        keyId=caller.key_id,
        role=caller.role.value,
        skipInvalid=skip_invalid,
        bytes=size,
    )


async def record_progress(db: Database, job_id: str, phase: str, done: int, total: int | None) -> None:
    """Record that a running job is `phase` ('validating', 'writing'), `done` rows of `total` (None: not known)."""
    await db.write("uploads/progress", id=job_id, status="running", phase=phase, done=done, total=total)


@dataclass(frozen=True)
class Outcome:
    """How a job ended: its status, its summary's counts, its first errors and its refused rows (CSV bytes)."""

    status: str
    summary: dict[str, Any]
    errors: list[dict[str, Any]]
    file_error: str | None = None
    refused_csv: bytes | None = None
    failure: str | None = None


async def finish_job(db: Database, job_id: str, outcome: Outcome) -> None:
    """Record how a job ended; the refused rows are kept gzipped in the job's record."""
    await db.write(
        "uploads/finish",
        id=job_id,
        status=outcome.status,
        summary={**outcome.summary, "failure": outcome.failure},
        errors=orjson.dumps(outcome.errors[:KEPT_ERRORS]).decode(),
        fileError=outcome.file_error,
        refusedFile=gzip.compress(outcome.refused_csv) if outcome.refused_csv is not None else None,
    )


async def abandon_jobs(db: Database, job_ids: list[str], message: str) -> None:
    """Mark queued jobs that will not run (their server stopped first) as failed, with `message`."""
    if job_ids:
        await db.write("uploads/abandon", ids=job_ids, message=message)


async def job_seen_by(db: Database, caller: Caller, job_id: str) -> dict[str, Any] | None:
    """The job's record as `caller` may see it; None for a job that does not exist or is not theirs to follow."""
    if not _valid_id(job_id):
        return None
    rows = await db.read("uploads/get", id=job_id)
    if not rows or not may_follow(caller, rows[0]["job"].get("institution")):
        return None
    job = dict(rows[0]["job"])
    job["errors"] = orjson.loads(job["errors"]) if job.get("errors") else []
    return job


async def refused_rows_seen_by(db: Database, caller: Caller, job_id: str) -> bytes | None:
    """The job's refused rows (CSV bytes) for `caller`; None when there are none or the job is not theirs."""
    if not _valid_id(job_id):
        return None
    rows = await db.read("uploads/refused_file", id=job_id)
    if not rows or rows[0]["file"] is None or not may_follow(caller, rows[0]["institution"]):
        return None
    return gzip.decompress(bytes(rows[0]["file"]))
