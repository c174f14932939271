"""The progress dashboard at `/`: static HTML, JS and CSS that read the GraphQL API and draw SVG charts."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from server.csp import PAGE_HEADERS

STATIC = Path(__file__).resolve().parent / "static"


def dashboard_routes() -> list[BaseRoute]:
    """`/` (the page) and `/static/…` (its script and styles)."""

    async def index(request: Request) -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)

    return [Route("/", index, methods=["GET"]), Mount("/static", StaticFiles(directory=STATIC), name="static")]
