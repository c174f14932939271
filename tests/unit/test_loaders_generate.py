"""The synthetic city: reproducible to the byte, valid, realistic; and the samples kept in step."""

import csv
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from loaders.formats import KINDS
from loaders.generate import generate
from loaders.readers import read_rows
from loaders.sample_files import SAMPLES_DIR, write_samples
from loaders.validate import validate_file

PEOPLE = 4000


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("city")
    generate(PEOPLE, 11, out)
    return out


def people_rows(city: Path) -> list[dict[str, str]]:
    with (city / "people.csv").open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_same_seed_writes_the_same_bytes(city: Path, tmp_path: Path) -> None:
    generate(PEOPLE, 11, tmp_path)
    for kind in KINDS:
        assert (tmp_path / f"{kind}.csv").read_bytes() == (city / f"{kind}.csv").read_bytes(), kind


def test_another_seed_writes_another_city(city: Path, tmp_path: Path) -> None:
    generate(PEOPLE, 12, tmp_path)
    assert (tmp_path / "people.csv").read_bytes() != (city / "people.csv").read_bytes()


@pytest.mark.parametrize("kind", KINDS)
def test_every_generated_file_validates_without_errors(city: Path, kind: str) -> None:
    report = validate_file(city / f"{kind}.csv", kind, "salt")
    assert report.errors == [] and report.rows > 0


def test_people_are_distinct_and_two_to_three_percent_hold_two_titles(city: Path) -> None:
    rows = people_rows(city)
    titles_per_person = Counter(r["id_number"] for r in rows)
    assert len(titles_per_person) == PEOPLE
    assert 0.015 < sum(n == 2 for n in titles_per_person.values()) / PEOPLE < 0.035
    assert len({r["certificate_no"] for r in rows}) == len(rows)


def test_levels_series_and_places_follow_realistic_proportions(city: Path) -> None:
    rows = people_rows(city)
    share = {k: v / len(rows) for k, v in Counter(r["title_level"] for r in rows).items()}
    assert 0.02 < share["正高级"] < 0.07 and 0.09 < share["副高级"] < 0.18
    assert 0.35 < share["中级"] < 0.45 and 0.30 < share["助理级"] < 0.40 and 0.05 < share["员级"] < 0.12
    top_series = [s for s, _ in Counter(r["title_series"] for r in rows).most_common(3)]
    assert top_series[:2] == ["中小学教师", "卫生"] and "工程" in top_series
    regions = Counter(r["region"] for r in rows)
    assert 0.11 < (regions["北京市"] + regions["天津市"]) / len(rows) < 0.19
    assert regions.most_common(1)[0][0] == "双桥区"
    in_plan = sum(r["granted_on"] >= "2021" for r in rows) / len(rows)
    assert 0.4 < in_plan < 0.6 and min(r["granted_on"] for r in rows) >= "2010"
    assert max(r["granted_on"] for r in rows) <= "2025-06-30"
    assert 0.55 < sum(r["consent"] == "Y" for r in rows) / len(rows) < 0.65


def test_every_institution_named_anywhere_is_in_the_institutions_file(city: Path) -> None:
    names, codes = set(), set()
    for row in read_rows(city / "institutions.csv", "institutions"):
        names.add(row.values["name"])
        codes.add(row.values["credit_code"])
    assert {t for t in Counter(r.values["type"] for r in read_rows(city / "institutions.csv", "institutions"))} == {
        "高校",
        "科研院所",
        "企业",
        "医院",
        "中小学及职业学校",
        "机关事业单位",
        "其他",
    }
    for kind, column in [
        ("people", "institution"),
        ("teams", "institution"),
        ("projects", "institution"),
        ("platforms", "institution"),
        ("visits", "host_institution"),
    ]:
        for row in read_rows(city / f"{kind}.csv", kind):
            assert row.values[column] in names | codes, (kind, row.values[column])


def test_team_members_and_project_participants_are_generated_people(city: Path) -> None:
    people = {(r["name"], r["id_number"]) for r in people_rows(city)}
    for kind, column in [("teams", "members"), ("projects", "participants")]:
        for row in read_rows(city / f"{kind}.csv", kind):
            for entry in filter(None, row.values[column].split(";")):
                name, id_number = entry.rstrip(")").split("(")
                assert (name, id_number) in people


def test_the_committed_samples_are_what_the_sample_script_writes(tmp_path: Path) -> None:
    write_samples(tmp_path)
    for path in sorted(SAMPLES_DIR.glob("*.csv")):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
    fresh, committed = load_workbook(tmp_path / "people.xlsx"), load_workbook(SAMPLES_DIR / "people.xlsx")
    assert [list(r) for r in fresh.active.values] == [list(r) for r in committed.active.values]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "name",
    [
        "institutions.csv",
        "people.csv",
        "people_zh.csv",
        "people.xlsx",
        "teams.csv",
        "visits.csv",
        "projects.csv",
        "platforms.csv",
        "certifications.csv",
        "indicators.csv",
    ],
)
def test_every_sample_validates_without_errors(name: str) -> None:
    kind = name.split(".")[0].removesuffix("_zh")
    report = validate_file(SAMPLES_DIR / name, kind, "salt")
    # Figures do not scale with the sample's ten people: five indicators' worth for each year of the plan so far.
    assert report.errors == [] and 2 <= report.rows <= (30 if kind == "indicators" else 15)
