"""The HTML pages over HTTP: GraphiQL and the dashboard load nothing from another origin, and say so."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from server.csp import PAGE_POLICY
from server.graphiql import ASSETS


def test_graphiql_is_served_with_its_assets_from_the_app_and_a_policy_forbidding_other_origins(
    client: TestClient,
) -> None:
    page = client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == PAGE_POLICY
    assert "default-src 'self'" in PAGE_POLICY and "script-src 'self';" in PAGE_POLICY
    assert "frame-ancestors 'none'" in PAGE_POLICY
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text), page.text  # nothing from elsewhere
    assets = re.findall(r"(?:src|href)=\"(/[^\"]+)\"", page.text)
    assert {f"{ASSETS}/vendor/graphiql/graphiql.min.js", f"{ASSETS}/vendor/react/react.production.min.js"} <= set(
        assets
    )
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 50, asset
    for package in ("graphiql", "react", "react-dom"):
        assert "MIT License" in client.get(f"{ASSETS}/vendor/{package}/LICENSE").text


def test_graphiql_outside_the_demo_carries_no_key(client: TestClient) -> None:
    page = client.get("/graphql", headers={"accept": "text/html"}).text
    assert "Bearer tg_" not in page and "your key" in page


def test_the_setup_json_cannot_close_its_script_element() -> None:
    from server.graphiql import GraphiQLPage, IdeSetup

    html = GraphiQLPage(IdeSetup(query="# </script><script>alert(1)</script>")).html
    assert html.count("</script>") == 5  # the setup and the four scripts: the query closed nothing
    assert "\\u003c/script\\u003e" in html


def test_the_dashboard_forbids_other_origins(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-security-policy"] == PAGE_POLICY
    assert page.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text)
