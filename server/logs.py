"""Logs: one line per event, text or JSON (TALENTGRAPH_LOG_FORMAT), each with the request's id, never a secret.

Every record goes through `Redact` on its way out: an API key, a bearer credential or anything shaped
like an identity number (18 digits, or 17 and an X; the old 15 digits), also percent-encoded, is replaced
by `[redacted]`, whoever logged it (our code, uvicorn, the driver) and in tracebacks too.
"""

from __future__ import annotations

import contextvars
import logging
import re
import sys
import uuid
from dataclasses import dataclass, field
from typing import Any

from pythonjsonlogger.json import JsonFormatter

from graph.settings import Settings

#: What is never written to a log: API keys (tg_…), bearer credentials, identity numbers.
SECRETS = re.compile(
    r"tg_[A-Za-z0-9_\-]{16,}"
    r"|(?i:bearer)\s+[^\s\"',;]+"
    # An identity number alone, or percent-encoded in a URL (%22130802…%22).
    r"|(?:(?<=%[0-9A-Fa-f]{2})|(?<![0-9A-Za-z]))(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])"
)
REDACTED = "[redacted]"
#: A request id taken from the client's X-Request-ID; anything else gets a new one.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,127}")


def redact(text: str) -> str:
    """`text` with every key, bearer credential and identity number replaced."""
    return SECRETS.sub(REDACTED, text)


@dataclass
class RequestRecord:
    """What one HTTP request did, filled in as it is answered (server/metrics.py reads it)."""

    id: str
    operation: str | None = None
    operation_type: str | None = None
    root_fields: list[str] = field(default_factory=list)
    error_kinds: list[str] = field(default_factory=list)
    statements: int | None = None
    executed: bool = False


_current: contextvars.ContextVar[RequestRecord | None] = contextvars.ContextVar("request_record", default=None)


def current_request() -> RequestRecord | None:
    """The record of the request being answered in this context, if any."""
    return _current.get()


def begin_request(incoming: str | None) -> tuple[RequestRecord, contextvars.Token[RequestRecord | None]]:
    """Start a request's record, with the client's X-Request-ID if it is sane, else a new id."""
    request_id = incoming if incoming and SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
    record = RequestRecord(request_id)
    return record, _current.set(record)


def end_request(token: contextvars.Token[RequestRecord | None]) -> None:
    _current.reset(token)


class RequestId(logging.Filter):
    """Adds the current request's id (or "-") to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = _current.get()
        record.request_id = current.id if current is not None else "-"
        return True


class Redact(logging.Filter):
    """Replaces keys and identity numbers in a record's message, arguments and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
            record.exc_text = None
        if record.stack_info:
            message += "\n" + record.stack_info
            record.stack_info = None
        record.msg = redact(message)
        record.args = None
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, redact(value))
        return True


_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


class _OneLine(logging.Formatter):
    """Text lines; a multi-line message (a traceback) keeps to one line, its line breaks escaped."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", "\\n")


def configure_logging(settings: Settings) -> None:
    """Send every log record to stderr, one line each, as settings say (format, level), redacted."""
    handler = logging.StreamHandler(sys.stderr)
    if settings.log_format == "json":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
                timestamp=False,
            )
        )
    else:
        handler.setFormatter(_OneLine("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"))
    handler.addFilter(RequestId())
    handler.addFilter(Redact())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    # The driver's own debug lines carry statements' parameters: never below warnings.
    logging.getLogger("neo4j").setLevel(max(logging.WARNING, root.level))


def access_line(method: str, path: str, status: int, seconds: float, record: RequestRecord) -> dict[str, Any]:
    """The fields of a request's access-log line (the path without its query string, which may hold values)."""
    return {
        "method": method,
        "path": path,
        "status": status,
        "duration_ms": round(seconds * 1000, 1),
        "operation": record.operation,
        "statements": record.statements,
    }
