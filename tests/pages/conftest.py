"""The pages on the demo, in Debian's headless Chromium driven by Playwright, with the network closed.

Chromium resolves no host but 127.0.0.1 (`--host-resolver-rules`), and every visit records each request
the page made, each that failed, each Content-Security-Policy violation and each script error, so a
test can tell that nothing left the machine and nothing broke. Screenshots go to var/screenshots/.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from graph.runtime import Neo4jConnection
from graph.settings import REPOSITORY, Settings
from tests.conftest import remove_test_data
from tests.serving import serving

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPOSITORY / "var" / "screenshots"
#: The flags Chromium needs on a machine with no network (no background connections), and a resolver
#: that fails every name but the server's address.
CHROMIUM_FLAGS = (
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
#: Collects the page's Content-Security-Policy violations before any of its scripts run.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


@dataclass(frozen=True)
class Demo:
    url: str
    analyst_key: str
    admin_key: str


@pytest.fixture(scope="module")
def demo(
    neo4j_connection: Neo4jConnection, graph_driver: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Demo]:
    """The demo data set loaded as `serve --demo` loads it, served with the demo's GraphiQL; removed after."""
    from graph.keys import create_key
    from loaders.demo import demo_key, load_demo
    from server.app import create_app
    from server.graphiql import demo_setup

    settings = Settings(data_dir=tmp_path_factory.mktemp("demo"), id_salt="pages-test", neo4j_uri=None)

    async def prepare() -> tuple[str, str]:
        db = neo4j_connection.open(timeout=settings.batch_timeout_seconds)
        try:
            await load_demo(db, settings)
            _, admin = await create_key(db, "admin", name="pages test")
            return await demo_key(db, settings), admin
        finally:
            await db.close()

    remove_test_data(graph_driver, neo4j_connection.database)
    analyst, admin = asyncio.run(prepare())
    try:
        with serving(create_app(settings, neo4j_connection, demo_setup(analyst))) as url:
            yield Demo(url=url, analyst_key=analyst, admin_key=admin)
    finally:
        remove_test_data(graph_driver, neo4j_connection.database)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright (which downloads no browser of its own)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS))
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A page opened in a fresh browser context, and everything it did."""

    page: Any
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        return list(self.page.evaluate("window.__violations"))

    def screenshot(self, name: str) -> Path:
        """A full-page PNG under var/screenshots/, its path printed."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        return path

    def assert_stayed_on(self, origin: str) -> None:
        """Every request went to `origin` (or was a data: URL), none failed, no policy was violated, no error."""
        elsewhere = [url for url in self.requests if not (url.startswith(origin + "/") or url.startswith("data:"))]
        assert not elsewhere, elsewhere
        assert not self.failed, self.failed
        assert not self.violations(), self.violations()
        assert not self.errors, self.errors


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """`visit(url)` opens `url` in a new context (empty storage) at 1400×1000 and returns the Visit."""
    contexts: list[Any] = []

    def open_page(url: str, width: int = 1400, height: int = 1000) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        contexts.append(context)
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.set_default_timeout(60_000)
        seen = Visit(page)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("requestfailed", lambda request: seen.failed.append(f"{request.url} {request.failure}"))
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
        page.goto(url)
        return seen

    yield open_page
    for context in contexts:
        context.close()
