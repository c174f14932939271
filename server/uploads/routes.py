"""Uploads through the API (docs/import-formats.md, "Uploading through the API"):

POST /upload/{kind}[?skipInvalid=true]   the file as the body → 202 with the job's id
GET  /upload/jobs/{id}                    the job: status, progress, summary, first errors
GET  /upload/jobs/{id}/refused.csv        the refused rows, each with its line and reasons

An institution key uploads its own staff and titles (`people`), teams, platforms and visits; an
administrator's key those and institutions and projects, for any institution. Sizes and types are checked
before the file is stored, the key and its rate limit as for /graphql.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph.access import WRITERS, Caller, Role
from graph.database import Database
from graph.settings import Settings
from graph.uploads import create_job, job_seen_by, new_job_id, refused_rows_seen_by
from loaders.formats import KINDS
from server.http import HttpError
from server.ratelimit import RateLimited, RateLimits
from server.uploads.body import store_body
from server.uploads.jobs import QueuedUpload, UploadRunner

log = logging.getLogger("talentgraph.uploads")

#: What an institution key may upload: its own records. Institutions and projects (which name partners) are
#: the bureau's to load.
INSTITUTION_KINDS = ("people", "teams", "platforms", "visits")

_TRUE = ("1", "true", "yes", "y")


def _error(error: HttpError) -> JSONResponse:
    return JSONResponse({"error": error.message}, error.status, headers=error.headers)


def _job_body(job: dict[str, Any]) -> dict[str, Any]:
    finished = job["status"] in ("succeeded", "refused", "failed")
    summary_keys = ("rows", "created", "updated", "unchanged", "refused", "written", "errorCount", "seconds")
    return {
        "id": job["id"],
        "kind": job["kind"],
        "institution": job.get("institution"),
        "status": job["status"],
        "phase": job.get("phase"),
        "progress": {"done": job.get("done", 0), "total": job.get("total")},
        "skipInvalid": job.get("skipInvalid", False),
        "bytes": job.get("bytes"),
        "summary": {key: job.get(key) for key in summary_keys} if finished and job["status"] != "failed" else None,
        "errors": job.get("errors", []),
        "fileError": job.get("fileError"),
        "failure": job.get("failure"),
        "refusedRows": f"/upload/jobs/{job['id']}/refused.csv" if job.get("hasRefusedFile") else None,
        "createdAt": str(job["createdAt"]),
        "updatedAt": str(job["updatedAt"]),
        "finishedAt": str(job["finishedAt"]) if job.get("finishedAt") is not None else None,
    }


def upload_routes(
    database: Callable[[], Database],
    runner: Callable[[], UploadRunner],
    caller_of: Callable[[Request], Awaitable[Caller]],
    settings: Settings,
    key_limits: RateLimits,
) -> list[Route]:
    """The upload routes, on the app's database and upload runner (both made in its lifespan); `caller_of`
    raises HttpError for bad credentials; each key's requests count against `key_limits`."""
    limit = settings.upload_max_mb * 1_048_576

    async def writer_of(request: Request) -> Caller:
        caller = await caller_of(request)
        if caller.role is Role.ANONYMOUS:
            raise HttpError(
                401,
                "Uploads need an institution's or administrator's key: `Authorization: Bearer <key>`.",
                {"WWW-Authenticate": "Bearer"},
            )
        if caller.role not in WRITERS:
            raise HttpError(
                403,
                f"A {caller.role.value} key may not upload files: uploads need an institution's or "
                "administrator's key. 该密钥无权上传文件。",
            )
        if caller.key_id is not None:
            try:
                key_limits.hit(caller.key_id)
            except RateLimited as refused:
                raise HttpError(429, str(refused), {"Retry-After": str(refused.retry_after)}) from refused
        return caller

    async def upload(request: Request) -> Response:
        kind = request.path_params["kind"]
        try:
            caller = await writer_of(request)
            allowed = KINDS if caller.role is not Role.INSTITUTION else INSTITUTION_KINDS
            if kind not in KINDS:
                raise HttpError(404, f"Files of kind {kind!r} are not loaded; upload one of: {', '.join(allowed)}.")
            if kind not in allowed:
                raise HttpError(
                    403, f"An institution key uploads {', '.join(allowed)}; {kind} files are loaded by the bureau."
                )
            skip_invalid = request.query_params.get("skipInvalid", "").strip().lower() in _TRUE
            stored = await store_body(request, runner().root, limit, settings.upload_timeout_seconds)
        except HttpError as error:
            log.info("%d POST /upload/%s: %s", error.status, kind, error.message)
            return _error(error)
        except ClientDisconnect:
            return Response(status_code=400)
        job_id = new_job_id()
        institution = caller.institution if caller.role is Role.INSTITUTION else None
        try:
            await create_job(database(), job_id, caller, kind, institution, skip_invalid, stored.size)
            runner().submit(QueuedUpload(job_id, stored, kind, caller, skip_invalid))
        except BaseException:
            stored.discard()
            raise
        location = f"/upload/jobs/{job_id}"
        return JSONResponse(
            {"id": job_id, "status": "queued", "kind": kind, "bytes": stored.size, "job": location},
            202,
            {"Location": location},
        )

    async def job(request: Request) -> Response:
        try:
            caller = await writer_of(request)
        except HttpError as error:
            return _error(error)
        found = await job_seen_by(database(), caller, request.path_params["id"])
        if found is None:
            return JSONResponse({"error": f"No upload job {request.path_params['id']}."}, 404)
        return JSONResponse(_job_body(found))

    async def refused_rows(request: Request) -> Response:
        try:
            caller = await writer_of(request)
        except HttpError as error:
            return _error(error)
        job_id = request.path_params["id"]
        body = await refused_rows_seen_by(database(), caller, job_id)
        if body is None:
            return JSONResponse({"error": f"No refused rows for upload job {job_id}."}, 404)
        return Response(
            body,
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="refused-{job_id}.csv"'},
        )

    return [
        Route("/upload/jobs/{id}", job, methods=["GET"]),
        Route("/upload/jobs/{id}/refused.csv", refused_rows, methods=["GET"]),
        Route("/upload/{kind}", upload, methods=["POST"]),
    ]
