"""The 上传文件 tab of /institution: a staff file sent through POST /upload/people, followed to its end.

What the page shows (the job's state, each refused row's line and reason, the refused rows' download) is
checked against the upload API's own answer, and what it wrote is counted through GraphQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.identity import make_id_number
from tests.pages.conftest import CHROMIUM, Demo
from tests.pages.test_pages import api
from tests.pages.test_portal import home, rows, sign_in

__all__ = ["home"]  # the fixture, shared with the portal's other tests

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is missing: `apt-get install chromium` (.ci/run installs it)"
)

HEADER = "name,id_number,institution,region,title_series,title_level,certificate_no,granted_on,email"
#: Generous: a shared, loaded test machine runs the job in the background.
JOB_MS = 180_000
PEOPLE = "query($i: ID!) { people(where: { institutionId: $i }) { totalCount } }"


def staff_file(folder: Path, employer: str, region: str, granted_on: list[str]) -> Path:
    """A staff file of one row per `granted_on` date, people no demo has (birthdays drawn at random)."""
    base = random.Random().randrange(10_000)
    lines = [HEADER]
    for n, granted in enumerate(granted_on):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=base + n)
        number = make_id_number("130802", born, 100 + n)
        lines.append(
            f"上传{n}号,{number},{employer},{region},工程,中级,UPL-{base}-{n},{granted},u{base}x{n}@example.cn"
        )
    path = folder / "staff.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def job_of(demo: Demo, key: str, job_id: str) -> dict[str, Any]:
    response = httpx.get(f"{demo.url}/upload/jobs/{job_id}", headers={"authorization": f"Bearer {key}"}, timeout=60)
    assert response.status_code == 200, response.text
    return dict(response.json())


def people_count(demo: Demo, home: dict[str, Any]) -> int:
    return int(api(demo, PEOPLE, {"i": home["institution"]["id"]}, home["key"])["people"]["totalCount"])


def send(page: Any, path: Path, status: str) -> None:
    page.set_input_files("#upload-form input[name=file]", str(path))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector(f'#upload-job[data-status="{status}"]', timeout=JOB_MS)


def test_an_institution_uploads_a_staff_file_sees_the_refused_line_then_uploads_it_corrected(
    demo: Demo, visit: Any, home: dict[str, Any], tmp_path: Path
) -> None:
    seen = sign_in(visit, demo, home["key"])
    page = seen.page
    page.click('[data-tab="uploads"]')
    kinds = page.eval_on_selector_all(
        "#upload-form select[name=kind] option", "(os) => os.filter((o) => !o.disabled).map((o) => o.value)"
    )
    assert kinds == ["people", "teams", "platforms", "visits"]  # institutions and projects are the bureau's
    before = people_count(demo, home)
    employer = home["institution"]["name"]
    # The region the loader looks the institution's name up in: the institution's own.
    region = api(
        demo,
        "query($i: ID!) { institution(id: $i) { region { code } } }",
        {"i": home["institution"]["id"]},
        home["key"],
    )["institution"]["region"]["code"]

    # One bad row (a title granted in the future) on the file's line 3: refused, nothing written.
    bad = staff_file(tmp_path, employer, region, ["2015-06-01", "2999-01-01", "2016-06-01"])
    send(page, bad, "refused")
    job = job_of(demo, home["key"], page.get_attribute("#upload-job", "data-job"))
    assert job["status"] == "refused" and job["summary"]["written"] is False
    [error] = job["errors"]
    assert (error["line"], error["column"]) == (3, "granted_on")
    shown = page.eval_on_selector_all(
        "#upload-job .refused-rows tbody tr", "(trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent))"
    )
    assert shown == [["3", "granted_on", error["reasonZh"]]]
    assert "未写入任何记录" in page.text_content("#upload-job .job-state")
    assert page.text_content('#upload-job dd[data-count="sumRefused"]') == "1"
    assert people_count(demo, home) == before
    seen.screenshot("portal-upload-refused-zh")

    # The refused rows come down with the Bearer header, through a Blob URL, the key in no URL.
    with page.expect_download() as download:
        page.click("#upload-job button.download")
    header, *refused = csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig")))
    assert header[0] == "行号 line" and [(row[0], row[1]) for row in refused] == [("3", "上传1号")]
    assert not [url for url in seen.requests if home["key"] in url]

    # In English the same refusal reads in English.
    page.click("#lang")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.text_content("#upload-job .refused-rows tbody td:last-child") == error["reason"]
    assert "nothing was written" in page.text_content("#upload-job .job-state")
    seen.screenshot("portal-upload-refused-en")

    # The corrected file is written, and the people list grows by its rows.
    good = staff_file(tmp_path, employer, region, ["2015-06-01", "2016-01-01", "2016-06-01"])
    send(page, good, "succeeded")
    job = job_of(demo, home["key"], page.get_attribute("#upload-job", "data-job"))
    assert job["summary"]["written"] is True and job["summary"]["created"] == 3 and job["errors"] == []
    assert page.text_content('#upload-job dd[data-count="sumCreated"]') == "3"
    assert page.query_selector_all("#upload-job .refused-rows tr") == []
    assert page.is_hidden("#upload-job button.download")
    assert people_count(demo, home) == before + 3
    page.click('[data-tab="people"]')
    page.wait_for_function(
        "(n) => document.querySelector('#people-list .pager .count').textContent === `${n} in all`", arg=before + 3
    )
    assert rows(page, "people-list")
    page.click('[data-tab="uploads"]')
    seen.screenshot("portal-upload-written-en")
    seen.assert_stayed_on(demo.url)


def test_the_administrator_uploads_from_the_bureau_view_with_institutions_and_projects_offered(
    demo: Demo, visit: Any
) -> None:
    seen = sign_in(visit, demo, demo.admin_key)
    page = seen.page
    assert page.is_visible("#bureau #upload-form input[type=file]")
    kinds = page.eval_on_selector_all(
        "#upload-form select[name=kind] option", "(os) => os.filter((o) => !o.disabled).map((o) => o.value)"
    )
    assert kinds == ["people", "teams", "platforms", "visits", "institutions", "projects"]
    page.click("#upload-form button[type=submit]")  # no file chosen: said beside the file, nothing sent
    assert page.text_content('#upload-form [data-field="file"] .error') == "请选择要上传的文件"
    assert not [url for url in seen.requests if "/upload/" in url]
    seen.assert_stayed_on(demo.url)
