"""Uploads through the API: a file sent by an institution's key, loaded as a job with the CLI's validation."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph.identity import hash_id_number, make_id_number
from graph.settings import Settings
from tests.builders import institution
from tests.conftest import bearer

HEADER = "name,id_number,institution,region,title_series,title_level,certificate_no,granted_on,email"
#: Generous: a shared, loaded test machine.
JOB_SECONDS = 180.0


def id_number(n: int) -> str:
    return make_id_number("130802", dt.date(1980, 1, 1) + dt.timedelta(days=n), 10 + n % 900)


def staff_row(n: int, employer: str = "承德钒钛研究院", granted_on: str = "2015-06-01") -> str:
    return f"张{n}伟,{id_number(n)},{employer},双桥区,工程,中级,UP-{n:05d},{granted_on},w{n}@example.cn"


def staff_file(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode()


@pytest.fixture
def world(cypher: Any) -> Any:
    institution(cypher, "cd", "承德钒钛研究院", "130802", "INSTITUTE")
    institution(cypher, "other", "承德医学院", "130802", "UNIVERSITY")
    return cypher


def upload(
    client: TestClient, key: str | None, body: bytes, kind: str = "people", content_type: str = "text/csv", **query: str
) -> Any:
    return client.post(
        f"/upload/{kind}",
        content=body,
        params=query,
        headers={**bearer(key), "content-type": content_type},
    )


def finished(client: TestClient, key: str | None, job_id: str) -> dict[str, Any]:
    """The job once it has ended (polled: it runs in the background)."""
    deadline = time.monotonic() + JOB_SECONDS
    while True:
        response = client.get(f"/upload/jobs/{job_id}", headers=bearer(key))
        assert response.status_code == 200, response.text
        job = response.json()
        if job["status"] in ("succeeded", "refused", "failed"):
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.2)


def people_at(cypher: Any, institution_id: str) -> list[str]:
    rows = cypher(
        "MATCH (p:Person)-[w:WORKS_AT]->(:Institution {id: $id}) WHERE w.until IS NULL RETURN p.name AS name",
        id=institution_id,
    )
    return sorted(row["name"] for row in rows)


def refused_rows(client: TestClient, key: str | None, job: dict[str, Any]) -> list[list[str]]:
    response = client.get(job["refusedRows"], headers=bearer(key))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_institution_uploads_its_staff_file_and_the_job_counts_what_it_wrote(client, world, keys) -> None:
    key = keys("institution", "cd")
    response = upload(client, key, staff_file(staff_row(1), staff_row(2), staff_row(3)))
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert response.headers["location"] == f"/upload/jobs/{accepted['id']}" and accepted["status"] == "queued"
    job = finished(client, key, accepted["id"])
    assert job["status"] == "succeeded" and job["institution"] == "cd" and job["refusedRows"] is None
    assert job["summary"] | {"seconds": None} == {
        "rows": 3,
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "refused": 0,
        "written": True,
        "errorCount": 0,
        "seconds": None,
    }
    assert people_at(world, "cd") == ["张1伟", "张2伟", "张3伟"]
    [audit] = world("MATCH (a:AuditEntry {operation: 'load:people'}) RETURN a.role AS role, a.keyId AS keyId")
    assert audit["role"] == "institution" and audit["keyId"] is not None
    # The same file again changes nothing, and says so.
    again = finished(
        client, key, upload(client, key, staff_file(staff_row(1), staff_row(2), staff_row(3))).json()["id"]
    )
    assert (again["summary"]["unchanged"], again["summary"]["created"]) == (3, 0)


def test_an_xlsx_staff_file_is_loaded_like_a_csv(client, world, keys) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in staff_file(staff_row(1), staff_row(2)).decode().splitlines():
        sheet.append(line.split(","))
    out = io.BytesIO()
    book.save(out)
    key = keys("institution", "cd")
    response = upload(client, key, out.getvalue(), content_type="application/octet-stream")
    assert response.status_code == 202, response.text
    assert finished(client, key, response.json()["id"])["summary"]["created"] == 2
    assert people_at(world, "cd") == ["张1伟", "张2伟"]


def test_a_file_with_one_bad_row_writes_nothing_and_its_refused_rows_name_the_line_and_reason(
    client, world, keys
) -> None:
    key = keys("institution", "cd")
    body = staff_file(staff_row(1), staff_row(2, granted_on="2999-01-01"), staff_row(3))
    job = finished(client, key, upload(client, key, body).json()["id"])
    assert job["status"] == "refused" and job["summary"]["written"] is False and job["summary"]["refused"] == 1
    assert [(error["line"], error["column"]) for error in job["errors"]] == [(3, "granted_on")]
    assert world("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 0}]
    header, *rows = refused_rows(client, key, job)
    assert header[0] == "行号 line" and header[-1] == "原因 reasons"
    [row] = rows
    assert row[0] == "3" and row[1] == "张2伟" and row[-1].startswith("granted_on:")


def test_skip_invalid_writes_the_good_rows_and_keeps_the_refused_ones_for_download(client, world, keys) -> None:
    key = keys("institution", "cd")
    body = staff_file(staff_row(1), staff_row(2, granted_on="2999-01-01"), staff_row(3))
    job = finished(client, key, upload(client, key, body, skipInvalid="true").json()["id"])
    assert job["status"] == "succeeded" and (job["summary"]["created"], job["summary"]["refused"]) == (2, 1)
    assert people_at(world, "cd") == ["张1伟", "张3伟"]
    assert [row[0] for row in refused_rows(client, key, job)[1:]] == ["3"]


def test_a_row_about_another_institution_is_refused_with_its_line_and_nothing_is_written(client, world, keys) -> None:
    key = keys("institution", "cd")
    body = staff_file(staff_row(1), staff_row(2), staff_row(3, employer="承德医学院"))
    job = finished(client, key, upload(client, key, body).json()["id"])
    assert job["status"] == "refused"
    [error] = job["errors"]
    assert (error["line"], error["column"]) == (4, "institution")
    assert "承德医学院" in error["reason"] and "cd" in error["reason"]
    assert world("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 0}]


def test_a_person_employed_by_another_institution_is_refused(client, world, keys, settings: Settings) -> None:
    assert settings.id_salt is not None
    world(
        """MATCH (i:Institution {id: 'other'})
           CREATE (:Person {id: 'p-other', name: '张1伟', idHash: $hash})-[:WORKS_AT {since: date('2015-01-01')}]->(i)""",
        hash=hash_id_number(id_number(1), settings.id_salt),
    )
    key = keys("institution", "cd")
    job = finished(client, key, upload(client, key, staff_file(staff_row(1), staff_row(2))).json()["id"])
    assert job["status"] == "refused"
    assert [(error["line"], error["column"]) for error in job["errors"]] == [(2, "id_number")]
    assert world("MATCH (p:Person {id: 'p-other'}) RETURN p.email AS email, COUNT { (p)-[:HOLDS]->() } AS titles") == [
        {"email": None, "titles": 0}
    ]


def test_a_team_of_another_institution_is_not_taken_over_by_an_upload(client, world, keys) -> None:
    world("""MATCH (i:Institution {id: 'other'}) CREATE (:Team {id: 'T-1', name: '原团队'})-[:BASED_AT]->(i)""")
    world("""MATCH (i:Institution {id: 'cd'}) CREATE (:Person {id: 'lead', name: '李娜'})-[:WORKS_AT]->(i)""")
    key = keys("institution", "cd")
    body = "team_id,name,institution,fields,leader,origin\nT-1,新团队,承德钒钛研究院,新材料,李娜,培育\n".encode()
    job = finished(client, key, upload(client, key, body, kind="teams").json()["id"])
    assert job["status"] == "refused" and [(e["line"], e["column"]) for e in job["errors"]] == [(2, "team_id")]
    assert world("MATCH (t:Team {id: 'T-1'})-[:BASED_AT]->(i) RETURN t.name AS name, i.id AS at") == [
        {"name": "原团队", "at": "other"}
    ]


def test_another_institution_cannot_read_the_job_nor_its_refused_rows(client, world, keys) -> None:
    key = keys("institution", "cd")
    body = staff_file(staff_row(1), staff_row(2, granted_on="2999-01-01"))
    job = finished(client, key, upload(client, key, body).json()["id"])
    stranger = keys("institution", "other")
    for path in (f"/upload/jobs/{job['id']}", job["refusedRows"]):
        response = client.get(path, headers=bearer(stranger))
        assert response.status_code == 404 and "承德" not in response.text
        assert client.get(path, headers=bearer(keys("admin"))).status_code == 200
    assert client.get("/upload/jobs/not-a-uuid", headers=bearer(key)).status_code == 404


def test_an_administrator_uploads_rows_of_any_institution(client, world, keys) -> None:
    admin = keys("admin")
    body = staff_file(staff_row(1), staff_row(2, employer="承德医学院"))
    job = finished(client, admin, upload(client, admin, body).json()["id"])
    assert job["status"] == "succeeded" and job["institution"] is None
    assert (people_at(world, "cd"), people_at(world, "other")) == (["张1伟"], ["张2伟"])


@pytest.mark.parametrize(
    ("role", "institution_id", "status"),
    [(None, None, 401), ("recruiter", None, 403), ("analyst", None, 403)],
)
def test_callers_who_may_not_write_cannot_upload_nor_follow_jobs(
    client, world, keys, role, institution_id, status
) -> None:
    key = keys(role, institution_id) if role else None
    assert upload(client, key, staff_file(staff_row(1))).status_code == status
    job = finished(
        client, keys("institution", "cd"), upload(client, keys("institution", "cd"), staff_file()).json()["id"]
    )
    assert client.get(f"/upload/jobs/{job['id']}", headers=bearer(key)).status_code == status
    assert world("MATCH (j:UploadJob) RETURN count(j) AS n") == [{"n": 1}]


def test_an_institution_key_cannot_upload_institutions_or_projects(client, world, keys) -> None:
    key = keys("institution", "cd")
    body = "name,type,region\n新单位,企业,双桥区\n".encode()
    for kind in ("institutions", "projects"):
        assert upload(client, key, body, kind=kind).status_code == 403
    assert upload(client, key, body, kind="nonsense").status_code == 404
    assert world("MATCH (j:UploadJob) RETURN count(j) AS n") == [{"n": 0}]


@pytest.fixture
def small_uploads(settings: Settings, neo4j_connection: Any, tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    """The app accepting files of at most 1 MiB, its uploads waiting in a folder the test looks into."""
    from server.app import create_app

    folder = tmp_path / "uploads"
    limited = settings.model_copy(update={"upload_max_mb": 1, "upload_dir": folder})
    with TestClient(create_app(limited, neo4j_connection)) as client:
        yield client, folder


def test_an_oversized_file_is_refused_with_413_before_any_job(small_uploads, world, keys) -> None:
    client, folder = small_uploads
    key = keys("institution", "cd")
    big = staff_file(*[staff_row(1)] * 12_000)
    assert len(big) > 1_048_576
    declared = upload(client, key, big)
    assert declared.status_code == 413 and "1,048,576" in declared.json()["error"]

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(big), 65536):
            yield big[start : start + 65536]

    streamed = client.post("/upload/people", content=chunks(), headers={**bearer(key), "content-type": "text/csv"})
    assert streamed.status_code == 413
    assert world("MATCH (j:UploadJob) RETURN count(j) AS n") == [{"n": 0}]
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"rows": []}', "application/json"),
        (HEADER.encode(), "multipart/form-data; boundary=x"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "application/vnd.ms-excel"),
        (b"PK\x03\x04" + bytes(600), "text/csv"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "application/octet-stream"),
    ],
)
def test_a_file_that_is_not_csv_or_xlsx_is_refused_with_415_before_any_job(
    small_uploads, world, keys, body, content_type
) -> None:
    client, folder = small_uploads
    response = upload(client, keys("institution", "cd"), body, content_type=content_type)
    assert response.status_code == 415 and response.json()["error"]
    assert world("MATCH (j:UploadJob) RETURN count(j) AS n") == [{"n": 0}]
    assert list(folder.iterdir()) == []


def test_the_uploaded_file_is_removed_once_its_job_has_run(small_uploads, world, keys) -> None:
    client, folder = small_uploads
    key = keys("institution", "cd")
    body = staff_file(staff_row(1), staff_row(2, granted_on="2999-01-01"))
    assert finished(client, key, upload(client, key, body).json()["id"])["status"] == "refused"
    deadline = time.monotonic() + JOB_SECONDS
    while list(folder.iterdir()):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert folder.stat().st_mode & 0o077 == 0


def test_uploads_count_against_the_keys_rate_limit(settings: Settings, neo4j_connection: Any, world, keys) -> None:
    from server.app import create_app

    limited = settings.model_copy(update={"rate_limit_key": "2/minute"})
    key = keys("institution", "cd")
    with TestClient(create_app(limited, neo4j_connection)) as client:
        unknown = "/upload/jobs/00000000-0000-4000-8000-000000000000"
        assert [client.get(unknown, headers=bearer(key)).status_code for _ in range(2)] == [404, 404]
        refused = upload(client, key, staff_file(staff_row(1)))
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert world("MATCH (j:UploadJob) RETURN count(j) AS n") == [{"n": 0}]
