"""The dashboard at `/`, opened in headless Chromium: its charts show the API's real numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.builders import institution, person
from tests.conftest import graphql
from tests.stats.test_definitions import visit

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is missing: `apt-get install chromium` (.ci/run installs it)"
)


def chromium(url: str, *mode: str) -> str:
    """Run headless Chromium on `url` with `mode` (--dump-dom, --screenshot=…); return what it prints."""
    profile = tempfile.mkdtemp(prefix="talentgraph-chromium-")
    try:
        done = subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=15000",
                "--window-size=1400,1500",
                *mode,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return done.stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def build_city(cypher: Any, rebuild: Any) -> None:
    institution(cypher, "i1", "承德医学院附属医院", "130802", "HOSPITAL")
    institution(cypher, "i2", "围场县农业技术推广站", "130828", "GOVERNMENT")
    levels = ["SENIOR", "DEPUTY_SENIOR", "INTERMEDIATE", "INTERMEDIATE", "ASSISTANT", "JUNIOR"]
    for n in range(12):
        person(
            cypher,
            f"p{n}",
            f"人员{n}",
            f"renyuan{n}",
            "i1" if n % 3 else "i2",
            titles=((f"D{n}", "HEALTH" if n % 2 else "AGRICULTURE", levels[n % 6], f"{2016 + n % 7}-03-01"),),
        )
    cypher("CREATE (:Person:ForeignExpert {id: 'e1', name: 'Anna', highEnd: true})")
    for n, day in enumerate(["2021-05-01", "2022-05-01", "2023-05-01"]):
        visit(cypher, f"v{n}", "e1", "i1", day)
    rebuild()


def test_the_dashboard_draws_every_target_and_the_counties_with_the_apis_numbers(
    served: str, client, cypher, rebuild, tmp_path: Path
) -> None:
    build_city(cypher, rebuild)
    # What the dashboard, an anonymous caller, is given: small counts suppressed (graph/stats/disclosure.py).
    api = graphql(
        client,
        """{ progress(asOf: "2024-06-30") { target { code } value byYear { year value } }
        talentStats(asOf: "2024-06-30", groupBy: [REGION]) { total rows { keys count } } }""",
        key=None,
    )["data"]
    dom = chromium(f"{served}/?asOf=2024-06-30", "--dump-dom")
    assert 'data-ready="true"' in dom, dom[-2000:]
    for target in api["progress"]:
        value = "" if target["value"] is None else str(target["value"])
        assert f'data-code="{target["target"]["code"]}" data-value="{value}"' in dom
    assert api["progress"][0]["value"] == api["talentStats"]["total"] == 12
    for row in api["talentStats"]["rows"]:
        assert f'data-key="{row["keys"][0]}" data-value="{row["count"]}"' in dom
    assert "承德市科技强市目标进展" in dom and "双桥区" in dom and "围场满族蒙古族自治县" in dom
    trend = re.findall(r'data-year="(\d+)" data-value="(\d+)"', dom)
    titled = [(str(y["year"]), str(y["value"])) for y in api["progress"][0]["byYear"] if y["value"] is not None]
    assert titled and all(year in trend for year in titled)  # titled staff, year by year
    # One, two and three visits are counts an anonymous caller is not given: no trend is drawn for them.
    assert api["progress"][2]["value"] is None and 'aria-label="引进外国专家"' not in dom
    assert 'href="/export/progress.xlsx?asOf=2024-06-30&amp;region=130800"' in dom

    english = chromium(f"{served}/?asOf=2024-06-30&lang=en", "--dump-dom")
    assert "People holding a professional title" in english and "Shuangqiao District" in english
    chromium(f"{served}/?asOf=2024-06-30", f"--screenshot={tmp_path / 'dashboard.png'}")
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000
