"""The demo city: reproducible, valid, marked as the demo's everywhere, and showing every capability."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from loaders.formats import KINDS
from loaders.generate import generate
from loaders.generate_demo import DEMO_MARK, DEMO_PEOPLE, DEMO_PLACE, DEMO_PREFIX, generate_demo
from loaders.reference import load_reference
from loaders.validate import validate_file

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    generate_demo(out)
    return out


def rows(folder: Path, kind: str) -> list[dict[str, str]]:
    with (folder / f"{kind}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_demo_is_the_same_bytes_every_time(demo: Path, tmp_path: Path) -> None:
    generate_demo(tmp_path)
    for kind in KINDS:
        assert (tmp_path / f"{kind}.csv").read_bytes() == (demo / f"{kind}.csv").read_bytes(), kind


@pytest.mark.parametrize("kind", KINDS)
def test_every_demo_file_validates_without_errors(demo: Path, kind: str) -> None:
    report = validate_file(demo / f"{kind}.csv", kind, "salt")
    assert report.errors == [] and report.rows > 0


def test_everything_the_demo_names_is_marked_as_the_demos(demo: Path) -> None:
    institutions = rows(demo, "institutions")
    assert all(row["name"].endswith(DEMO_MARK) for row in institutions)
    assert all(row["credit_code"][2:8] == DEMO_PLACE for row in institutions)
    people = rows(demo, "people")
    assert all(row["id_number"].startswith(DEMO_PLACE) for row in people)
    assert all(row["certificate_no"].startswith(DEMO_PREFIX) for row in people)
    assert all(row["email"].endswith("@example.com") for row in people if row["email"])
    assert all(row["phone"].split("-")[1].startswith("0") for row in people if row["phone"])
    for kind, column in (("teams", "team_id"), ("projects", "project_id"), ("platforms", "platform_id")):
        assert all(row[column].startswith(DEMO_PREFIX) for row in rows(demo, kind)), kind
    visits = rows(demo, "visits")
    assert all(row["visit_id"].startswith(DEMO_PREFIX) and row["passport_no"].startswith("DEMO") for row in visits)


def test_the_demo_spans_every_county_and_zone_and_both_partner_cities(demo: Path) -> None:
    reference = load_reference()
    places = Counter(row["region"] for row in rows(demo, "people"))
    expected = {region.name for region in reference.chengde_regions()} | {"北京市", "天津市"}
    assert set(places) == expected and min(places.values()) >= 50
    assert len({row["id_number"] for row in rows(demo, "people")}) == DEMO_PEOPLE


def test_the_demo_has_teams_platforms_and_projects_of_every_kind_and_joint_work(demo: Path) -> None:
    partners = {row["credit_code"] for row in rows(demo, "institutions") if row["region"] in ("北京市", "天津市")}
    teams = rows(demo, "teams")
    assert {row["status"] for row in teams} == {"SUBMITTED", "APPROVED", "RECOGNIZED", "REJECTED"}
    assert {row["level"] for row in teams} == {"国家级", "省级", "市级"} and {row["origin"] for row in teams} == {
        "引进",
        "培育",
    }
    platforms = rows(demo, "platforms")
    assert len({row["kind"] for row in platforms}) == 5 and {row["level"] for row in platforms} == {
        "国家级",
        "省级",
        "市级",
    }
    projects = rows(demo, "projects")
    assert {row["kind"] for row in projects} == {"揭榜挂帅", "赛马制", "国家级", "省级", "市级"}
    joint = [row for row in projects if set(row["partners"].split(";")) & partners]
    assert len(joint) > len(projects) / 3
    assert all(int(n) >= 55 for year, n in Counter(row["year"] for row in projects).items() if "2021" <= year <= "2024")
    visits = rows(demo, "visits")
    assert sum(row["high_end"] == "Y" and row["arrived_on"] >= "2021" for row in visits) >= 5


def test_generated_ids_carry_their_seed_so_that_two_cities_share_none(tmp_path: Path) -> None:
    generate(300, 1, tmp_path / "one")
    generate(300, 2, tmp_path / "two")
    for kind, column in (
        ("people", "certificate_no"),
        ("teams", "team_id"),
        ("projects", "project_id"),
        ("platforms", "platform_id"),
        ("visits", "visit_id"),
    ):
        one = {row[column] for row in rows(tmp_path / "one", kind)}
        two = {row[column] for row in rows(tmp_path / "two", kind)}
        assert one and two and not one & two, kind
        assert all(key.startswith("G1-") for key in one) and all(key.startswith("G2-") for key in two)
