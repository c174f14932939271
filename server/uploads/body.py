"""An uploaded file's body: its type checked from its header and first bytes, its size while it arrives,
stored where only this server's user can read it.

The file is the request's body itself (`curl --data-binary @staff.csv -H 'Content-Type: text/csv'`, a
browser's `fetch(url, {method: 'POST', body: input.files[0]})`): nothing to parse around it, and it goes to
disk as it arrives. Its kind, CSV or XLSX, is what its first bytes say: an XLSX is a zip, a CSV is text.
The declared Content-Type must agree with them, and must be one a CSV or XLSX is sent with (browsers on
Windows send `application/vnd.ms-excel` for a .csv).
"""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import ClientDisconnect, Request

from server.http import HttpError

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Content types by what they declare: a CSV, an XLSX, or either (then the bytes decide).
CSV_TYPES = frozenset({"text/csv", "text/plain", "application/csv"})
XLSX_TYPES = frozenset({XLSX_TYPE})
EITHER_TYPES = frozenset({"application/octet-stream", "application/vnd.ms-excel"})

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0"
#: Bytes looked at before anything is stored.
_SNIFF = 4096


@dataclass(frozen=True)
class StoredUpload:
    """An uploaded file on disk, in a folder of its own that `discard` removes."""

    path: Path
    size: int

    def discard(self) -> None:
        """Remove the file and its folder (the rejected-rows file a load writes beside it too)."""
        shutil.rmtree(self.path.parent, ignore_errors=True)


def private_root(configured: Path | None) -> Path:
    """The folder uploads wait in: `configured` (created, readable by this user only), else a new temporary one."""
    if configured is None:
        return Path(tempfile.mkdtemp(prefix="talentgraph-uploads-"))
    configured.mkdir(parents=True, exist_ok=True)
    configured.chmod(0o700)
    return configured


def check_declared_type(request: Request) -> str:
    """The body's declared media type if a CSV or XLSX may be sent with it; 415 otherwise, before any byte is read."""
    declared = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if declared not in CSV_TYPES | XLSX_TYPES | EITHER_TYPES:
        raise HttpError(
            415,
            f"Send the file itself as the request body, with Content-Type: text/csv for a CSV or {XLSX_TYPE} "
            f"for an XLSX (this request has {declared or 'none'}). 请以CSV或XLSX文件本身作为请求体上传。",
        )
    return declared


def suffix_of(first: bytes, declared: str) -> str:
    """`.csv` or `.xlsx`, from the file's first bytes; 415 when they are neither or contradict `declared`."""
    if first.startswith(_OLE2):
        raise HttpError(415, "This is an old Excel .xls file: save it as .xlsx or CSV. 请另存为 .xlsx 或 CSV 格式。")
    if first.startswith(_ZIP):
        suffix = ".xlsx"
    elif b"\x00" in first:
        raise HttpError(415, "The file is neither CSV text nor an XLSX workbook. 文件既不是CSV也不是XLSX。")
    else:
        suffix = ".csv"
    if (suffix == ".xlsx" and declared in CSV_TYPES) or (suffix == ".csv" and declared in XLSX_TYPES):
        raise HttpError(
            415,
            f"The body was declared {declared} but its bytes are {'an XLSX' if suffix == '.xlsx' else 'CSV text'}. "
            "文件内容与声明的类型不符。",
        )
    return suffix


async def store_body(request: Request, root: Path, limit: int, seconds: float) -> StoredUpload:
    """Stream the body into a new private folder under `root`: 413 beyond `limit` bytes (checked against
    Content-Length before reading), 415 for what is not a CSV or XLSX, 408 after `seconds`, 400 when empty.
    Nothing is left on disk when it is refused."""
    declared = check_declared_type(request)
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise HttpError(413, _too_large(limit, int(length)))
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=root))
    size = 0
    head = b""
    handle: io.BufferedWriter | None = None
    path = folder / "upload"
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HttpError(413, _too_large(limit, None))
                if handle is None:
                    head += chunk
                    if len(head) < _SNIFF:
                        continue
                    path = folder / f"upload{suffix_of(head[:_SNIFF], declared)}"
                    handle = _open_private(path)
                    handle.write(head)
                else:
                    handle.write(chunk)
        if handle is None:
            if not head:
                raise HttpError(400, "The request body is empty: send the file as the body. 请求体为空。")
            path = folder / f"upload{suffix_of(head, declared)}"
            handle = _open_private(path)
            handle.write(head)
        handle.close()
        return StoredUpload(path, size)
    except TimeoutError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise HttpError(408, f"The file did not arrive within {seconds:g} s.", {"Connection": "close"}) from error
    except (HttpError, ClientDisconnect, OSError):
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        if handle is not None and not handle.closed:
            handle.close()


def _open_private(path: Path) -> io.BufferedWriter:
    """A new file only this user may read or write."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def _too_large(limit: int, declared: int | None) -> str:
    size = f"is {declared:,} bytes" if declared is not None else "is longer than that"
    return (
        f"This server accepts files of at most {limit:,} bytes (TALENTGRAPH_UPLOAD_MAX_MB); this one {size}. "
        f"Split it, or ask the operator to load it with `talentgraph load`. 文件超过大小上限。"
    )
