"""Running upload jobs: the CLI's load (loaders/load.py `load_file`) of a stored upload, in the background.

Jobs run one at a time per API process, in a thread of their own with its own event loop and driver, so
that validating a file (CPU work, in Python) never stalls the event loop that answers requests, and a long
load is held to the batch timeout, not the API's query timeout. Their progress and outcome go to the
job's record in the graph (graph/uploads.py), which every process reads. A server that stops finishes the
job it is running; the queued ones are marked failed, to be sent again.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from graph.access import Caller
from graph.database import Database
from graph.errors import DomainError
from graph.runtime import Neo4jConnection
from graph.settings import Settings
from graph.uploads import Outcome, abandon_jobs, finish_job, record_progress
from loaders.load import LoadSummary, load_file
from loaders.readers import XlsxLimits
from server.uploads.body import StoredUpload, private_root

log = logging.getLogger("talentgraph.uploads")

#: Progress is recorded at most this often (seconds): a write per batch would cost the load time.
PROGRESS_EVERY = 1.0


@dataclass(frozen=True)
class QueuedUpload:
    """A job to run: its id, the stored file, its kind, who sent it, and whether refused rows are skipped."""

    job_id: str
    upload: StoredUpload
    kind: str
    caller: Caller
    skip_invalid: bool


class _Progress:
    """The load's progress callback: records the latest progress, one write at a time, at most every second."""

    def __init__(self, db: Database, job_id: str) -> None:
        self.db = db
        self.job_id = job_id
        self.last = 0.0
        self.writing: asyncio.Future[None] | None = None

    def tick(self, phase: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if (self.writing is not None and not self.writing.done()) or now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        self.writing = asyncio.ensure_future(record_progress(self.db, self.job_id, phase, done, total))

    async def settle(self) -> None:
        if self.writing is not None:
            # Progress is advice: a write that failed leaves the previous figures, the outcome follows anyway.
            await asyncio.gather(self.writing, return_exceptions=True)


def outcome_of(summary: LoadSummary) -> Outcome:
    """What a finished load tells its job."""
    counts = {
        "rows": summary.rows,
        "created": summary.outcome["created"],
        "updated": summary.outcome["updated"],
        "unchanged": summary.outcome["unchanged"],
        "refused": summary.rejected,
        "written": summary.written,
        "errorCount": summary.error_count,
        "seconds": round(summary.seconds, 3),
    }
    errors = [
        {"line": error.line, "column": error.column, "reason": error.reason_en, "reasonZh": error.reason_zh}
        for error in summary.errors
    ]
    refused = summary.rejected_file.read_bytes() if summary.rejected_file is not None else None
    file_error = (
        f"{summary.file_error.reason_en} / {summary.file_error.reason_zh}" if summary.file_error is not None else None
    )
    return Outcome("succeeded" if summary.written else "refused", counts, errors, file_error, refused)


class UploadRunner:
    """Runs the uploads of one API process, one at a time, each on a driver of its own."""

    def __init__(self, settings: Settings, neo4j: Neo4jConnection, salt: str) -> None:
        self.settings = settings
        self.neo4j = neo4j
        self.salt = salt
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="talentgraph-upload")
        self.jobs: dict[str, Future[None]] = {}
        #: Where uploads wait for their job: only this user reads it; a temporary one is removed on close.
        self.root = private_root(settings.upload_dir)

    def submit(self, job: QueuedUpload) -> None:
        """Queue a recorded job; its file is removed once it has run (or will not run)."""
        future = self.executor.submit(self._run, job)
        self.jobs[job.job_id] = future

        def done(_: Future[None]) -> None:
            job.upload.discard()
            # Cancelled ones stay listed for `close`, which marks them failed.
            if not future.cancelled():
                self.jobs.pop(job.job_id, None)

        future.add_done_callback(done)

    async def close(self, db: Database) -> None:
        """Finish the running job, and mark the queued ones failed (their files removed)."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        cancelled = [job_id for job_id, future in self.jobs.items() if future.cancelled()]
        await abandon_jobs(db, cancelled, "The server stopped before this upload was loaded: send it again.")
        await asyncio.get_running_loop().run_in_executor(None, self.executor.shutdown, True)
        if self.settings.upload_dir is None:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, job: QueuedUpload) -> None:
        asyncio.run(self._load(job))

    async def _load(self, job: QueuedUpload) -> None:
        db = self.neo4j.open(timeout=self.settings.batch_timeout_seconds)
        progress = _Progress(db, job.job_id)
        try:
            await record_progress(db, job.job_id, "validating", 0, None)
            summary = await load_file(
                db,
                job.upload.path,
                job.kind,
                self.salt,
                skip_invalid=job.skip_invalid,
                tick=progress.tick,
                xlsx_limits=XlsxLimits.of(self.settings),
                caller=job.caller,
                keep_rejected=True,
            )
            await progress.settle()
            await finish_job(db, job.job_id, outcome_of(summary))
        except Exception as error:
            await progress.settle()
            log.exception("upload job %s (%s) failed", job.job_id, job.kind)
            await finish_job(db, job.job_id, _failure(error))
        finally:
            await db.close()


def _failure(error: Exception) -> Outcome:
    """A job stopped by an error: what the sender may be told (a domain error's words; else no detail)."""
    said: Any = error.message if isinstance(error, DomainError) else None
    return Outcome(
        "failed",
        {"written": False},
        [],
        failure=(
            f"The load stopped{': ' + said if said else ' on an unexpected error'}. Batches written before it stay "
            "written (each is whole); send the file again to finish: rows already written are left unchanged."
        ),
    )
