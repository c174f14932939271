"""An XLSX that would unzip to far more than it weighs is refused as a whole, before any of it is unzipped."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from graph.settings import Settings
from loaders import readers
from loaders.readers import XlsxLimits, read_rows
from loaders.validate import validate_file

SAMPLE = Path(__file__).resolve().parents[2] / "loaders" / "samples" / "people.xlsx"
MB = 1 << 20


HEADER = ("name", "credit_code", "type", "region")
ROW = ("承德钒钛新材料有限公司", "", "企业", "双桥区")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    ),
}


def bomb(path: Path, padding_mb: int) -> Path:
    """A real workbook of one institution, every cell a shared string, and one more shared string of
    `padding_mb` MB of the same letter (a few KB zipped) that openpyxl reads in full when it opens the file."""
    strings = [*HEADER, *ROW]
    cells = "".join(
        f'<row r="{r + 1}">'
        + "".join(f'<c r="{"ABCD"[c]}{r + 1}" t="s"><v>{r * 4 + c}</v></c>' for c in range(4))
        + "</row>"
        for r in range(2)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        archive.writestr(
            "xl/worksheets/sheet1.xml", f'<worksheet xmlns="{MAIN}"><sheetData>{cells}</sheetData></worksheet>'
        )
        with archive.open("xl/sharedStrings.xml", "w") as shared:
            shared.write(f'<sst xmlns="{MAIN}">'.encode())
            shared.write("".join(f"<si><t>{text}</t></si>" for text in strings).encode())
            shared.write(b"<si><t>")
            block = b"A" * MB
            for _ in range(padding_mb):
                shared.write(block)
            shared.write(b"</t></si></sst>")
    return path


def test_the_bomb_is_a_workbook_openpyxl_reads(tmp_path: Path) -> None:
    rows = list(read_rows(bomb(tmp_path / "institutions.xlsx", 0), "institutions"))
    assert [row.values for row in rows] == [dict(zip(HEADER, ROW, strict=True))]


@pytest.fixture
def never_unzipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if openpyxl is asked to open the workbook."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(readers, "load_workbook", refuse)


def test_a_zip_bomb_is_refused_by_its_ratio_before_it_is_opened(tmp_path: Path, never_unzipped: None) -> None:
    path = bomb(tmp_path / "institutions.xlsx", 40)
    assert path.stat().st_size < 200_000
    report = validate_file(path, "institutions", "salt")
    [error] = report.errors
    assert error.line == 0 and not report.ok
    assert "zip bomb" in error.reason_en and "TALENTGRAPH_XLSX_MAX_RATIO" in error.reason_en
    assert "压缩炸弹" in error.reason_zh


def test_an_xlsx_larger_unzipped_than_the_setting_allows_is_refused(tmp_path: Path, never_unzipped: None) -> None:
    limits = XlsxLimits.of(Settings(xlsx_max_uncompressed_mb=1))
    assert limits == XlsxLimits(max_uncompressed=MB, max_ratio=100.0)
    path = bomb(tmp_path / "institutions.xlsx", 2)
    report = validate_file(path, "institutions", "salt", xlsx_limits=XlsxLimits(max_uncompressed=MB, max_ratio=10_000))
    [error] = report.errors
    assert "would unzip to 2 MB, more than the 1 MB" in error.reason_en
    assert "TALENTGRAPH_XLSX_MAX_UNCOMPRESSED_MB" in error.reason_en


def test_ordinary_workbooks_pass_the_default_limits_and_tight_ones_refuse_them(tmp_path: Path) -> None:
    assert len(list(read_rows(SAMPLE, "people"))) == 11
    with zipfile.ZipFile(SAMPLE) as archive:
        unzipped = sum(item.file_size for item in archive.infolist())
    with pytest.raises(readers.FileFormatError, match="would unzip to"):
        list(read_rows(SAMPLE, "people", XlsxLimits(max_uncompressed=unzipped - 1, max_ratio=100)))
    assert len(list(read_rows(SAMPLE, "people", XlsxLimits(max_uncompressed=unzipped, max_ratio=100)))) == 11


def test_a_file_named_xlsx_that_is_not_a_zip_is_a_file_error(tmp_path: Path) -> None:
    path = tmp_path / "people.xlsx"
    path.write_text("name,id\n")
    with pytest.raises(readers.FileFormatError, match="not a readable .xlsx"):
        list(read_rows(path, "people"))
