"""GraphiQL, the API explorer a browser gets on GET /graphql, served entirely by the app.

Its scripts and styles (GraphiQL 3.8.3, React 18.2.0 and ReactDOM 18.2.0 from the npm registry, with
their licences; see static/vendor/README.md) ship in the package under static/, so the explorer works
on a machine with no way out to the internet. The page carries what the editor opens with (a query,
request headers) as JSON read by static/start.js: no inline script, so the page's Content-Security-
Policy allows scripts from the app alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from server.csp import PAGE_HEADERS

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
#: Where the page's assets are served from.
ASSETS = "/graphiql"

WELCOME = """\
# Talent Graph API. Send your key in Headers below:
#   {"Authorization": "Bearer <your key>"}
# Without one, only statistics answer, as here.
# Run: Ctrl-Enter or ▶. Every type: the Docs icon.
query Progress {
  progress {
    target { code name nameEn }
    value
    goal
    ratio
    onTrack
  }
}
"""

DEMO_QUERY = """\
# Demo: the analyst key is in Headers below.
# Run: Ctrl-Enter or ▶. Every type: the Docs icon.
query Demo {
  progress {
    target { code name }
    value
    goal
    ratio
    onTrack
  }
  people(first: 5) {
    totalCount
    nodes {
      name
      employer { name }
      titles { name level }
    }
  }
}
"""


@dataclass(frozen=True)
class IdeSetup:
    """What GraphiQL opens with: the query in its editor and the headers it sends."""

    query: str = WELCOME
    headers: dict[str, str] = field(default_factory=dict)


def demo_setup(key: str | None) -> IdeSetup:
    """The demo's GraphiQL: an example query, sent with the demo's analyst key (None: authorization is off)."""
    return IdeSetup(query=DEMO_QUERY, headers={"Authorization": f"Bearer {key}"} if key else {})


def _script_json(value: object) -> str:
    """JSON that cannot end the <script> element it sits in."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class GraphiQLPage:
    """The GraphiQL page for one setup, rendered once."""

    def __init__(self, setup: IdeSetup | None = None) -> None:
        setup = setup or IdeSetup()
        config = {
            "query": setup.query,
            "headers": json.dumps(setup.headers, indent=2) if setup.headers else "",
            "showHeaders": bool(setup.headers),
        }
        template = (HERE / "page.html").read_text(encoding="utf-8")
        self.html = template.replace("{{assets}}", ASSETS).replace("{{setup}}", _script_json(config))

    def __call__(self) -> HTMLResponse:
        return HTMLResponse(self.html, headers={**PAGE_HEADERS, "cache-control": "no-store"})


def graphiql_routes() -> list[BaseRoute]:
    """`/graphiql/…`: the page's scripts, styles and licences."""
    return [Mount(ASSETS, StaticFiles(directory=STATIC), name="graphiql")]
