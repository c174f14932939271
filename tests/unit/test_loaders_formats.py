"""The column specifications and their documentation stay in step."""

from pathlib import Path

import pytest

from loaders.formats import KINDS, fold_header, format_of
from loaders.validate import validate_file

DOC = (Path(__file__).resolve().parents[2] / "docs" / "import-formats.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_every_column_and_header_of_every_kind_is_documented(kind: str) -> None:
    assert f"## {kind} " in DOC
    for column in format_of(kind).columns:
        assert f"`{column.key}`" in DOC
        for header in column.headers_zh:
            assert header in DOC, header


@pytest.mark.parametrize("kind", KINDS)
def test_no_two_columns_of_a_kind_share_a_header(kind: str) -> None:
    headers = [fold_header(h) for c in format_of(kind).columns for h in (c.key, *c.aliases_en, *c.headers_zh)]
    assert len(headers) == len(set(headers))


def test_headers_fold_case_blanks_marks_and_hints() -> None:
    assert fold_header("Birth Year") == fold_header("birth_year") == fold_header("BIRTH-YEAR") == "birthyear"
    assert fold_header("\ufeff身份证号（18位）*") == fold_header(" 身份证号 ") == "身份证号"


def test_every_example_in_the_documentation_validates(tmp_path: Path) -> None:
    sections = DOC.split("\n## ")
    examples = 0
    for section in sections:
        kind = section.split(" ", 1)[0]
        if kind not in KINDS or "```csv" not in section:
            continue
        example = section.split("```csv\n", 1)[1].split("```", 1)[0]
        path = tmp_path / f"{kind}.csv"
        path.write_text(example, encoding="utf-8")
        report = validate_file(path, kind, "salt")
        assert report.errors == [] and report.rows >= 1, kind
        examples += 1
    assert examples == len(KINDS)
