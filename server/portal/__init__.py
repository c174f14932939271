"""The page for institutions and the bureau at `/institution`: static HTML, JS and CSS over the GraphQL API.

It writes nothing itself: every list and every change is a GraphQL request with the key the person
signed in with (kept in the tab's sessionStorage, sent as `Authorization: Bearer`), so the API's
authorization, validation and audit trail are the page's too (docs/portal.md).
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from server.csp import PAGE_HEADERS

STATIC = Path(__file__).resolve().parent / "static"


def portal_routes() -> list[BaseRoute]:
    """`/institution` (the page) and `/portal/static/…` (its script and styles)."""

    async def index(request: Request) -> FileResponse:
        return FileResponse(STATIC / "portal.html", media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)

    return [
        Route("/institution", index, methods=["GET"]),
        Mount("/portal/static", StaticFiles(directory=STATIC), name="portal-static"),
    ]
