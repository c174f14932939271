"""Reading CSV (UTF-8 with or without BOM, GB18030) and XLSX files into rows keyed by canonical columns."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from loaders.errors import FileFormatError, HeaderError
from loaders.readers import detect_encoding, read_rows

INSTITUTION_HEADER = "name,credit_code,type,region"
ROW = "承德钒钛新材料有限公司,91350100M000100Y43,企业,双桥区"


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "file.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_accepted_encoding_reads_the_same(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, f"{INSTITUTION_HEADER}\n{ROW}\n", encoding)
    [row] = read_rows(path, "institutions")
    assert row.values == {
        "name": "承德钒钛新材料有限公司",
        "credit_code": "91350100M000100Y43",
        "type": "企业",
        "region": "双桥区",
    }
    assert row.line == 2


def test_encoding_is_detected_from_bytes() -> None:
    sample = Path(__file__).resolve().parents[2] / "loaders" / "samples"
    assert detect_encoding(sample / "people.csv") == "utf-8-sig"
    assert detect_encoding(sample / "people_zh.csv") == "gb18030"


def test_gb18030_after_a_long_ascii_start_is_still_detected(tmp_path: Path) -> None:
    filler = "".join(f"Institute {i},,OTHER,130802\n" for i in range(10_000))
    path = write(tmp_path, f"{INSTITUTION_HEADER}\n{filler}{ROW}\n", "gb18030")
    assert path.stat().st_size > 1 << 17
    assert detect_encoding(path) == "gb18030"
    assert list(read_rows(path, "institutions"))[-1].values["name"] == "承德钒钛新材料有限公司"


@pytest.mark.parametrize(
    "header",
    ["name,Credit Code,TYPE,region", "Name,credit-code,Type,Region", "name , credit_code ,type, region"],
)
def test_english_headers_ignore_case_spaces_and_underscores(tmp_path: Path, header: str) -> None:
    [row] = read_rows(write(tmp_path, f"{header}\n{ROW}\n"), "institutions")
    assert set(row.values) == {"name", "credit_code", "type", "region"}


def test_chinese_headers_map_to_canonical_keys_and_are_kept_as_written(tmp_path: Path) -> None:
    path = write(tmp_path, f"单位名称,统一社会信用代码*,单位类型,所在地区（县区）\n{ROW}\n", "gb18030")
    [row] = read_rows(path, "institutions")
    assert row.values["credit_code"] == "91350100M000100Y43"
    assert row.headers["credit_code"] == "统一社会信用代码*"


def test_an_unknown_header_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(HeaderError) as refused:
        list(read_rows(write(tmp_path, f"{INSTITUTION_HEADER},备注\n{ROW},x\n"), "institutions"))
    assert refused.value.unknown == ("备注",)
    assert "备注" in refused.value.reason_en and "备注" in refused.value.reason_zh


def test_missing_required_headers_are_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(HeaderError) as refused:
        list(read_rows(write(tmp_path, "name,credit_code\nA,\n"), "institutions"))
    assert refused.value.missing == ("type/单位类型", "region/所在地区")


def test_a_column_given_twice_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(HeaderError) as refused:
        list(read_rows(write(tmp_path, f"{INSTITUTION_HEADER},单位名称\n{ROW},x\n"), "institutions"))
    assert refused.value.duplicated == ("单位名称",)


def test_blank_rows_are_skipped_and_line_numbers_follow_the_file(tmp_path: Path) -> None:
    text = f'{INSTITUTION_HEADER}\n{ROW}\n,,,\n\n"多行\n名称",,企业,双桥区\n'
    rows = list(read_rows(write(tmp_path, text), "institutions"))
    assert [r.line for r in rows] == [2, 5]
    assert rows[1].values["name"] == "多行\n名称"


def test_cells_beyond_the_header_are_counted(tmp_path: Path) -> None:
    [row] = read_rows(write(tmp_path, f"{INSTITUTION_HEADER}\n{ROW},stray,\n"), "institutions")
    assert row.overflow == 1


def test_a_title_row_above_the_header_is_skipped(tmp_path: Path) -> None:
    [row] = read_rows(write(tmp_path, f"承德市单位名录,,,\n{INSTITUTION_HEADER}\n{ROW}\n"), "institutions")
    assert row.line == 3


def test_rows_are_streamed_and_bytes_in_another_encoding_far_down_are_reported_with_a_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.csv"
    body = f"{INSTITUTION_HEADER}\n" + f"{ROW}\n" * 20_000
    path.write_bytes(body.encode() + "坏".encode("gb18030") + b",,,\n")
    rows = read_rows(path, "institutions")
    assert next(rows).line == 2
    with pytest.raises(FileFormatError) as refused:
        list(rows)
    assert refused.value.line > 10_000


def test_an_unsupported_file_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError):
        list(read_rows(write(tmp_path, "x", name="people.json"), "people"))


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        list(read_rows(write(tmp_path, f"{INSTITUTION_HEADER}\n"), "animals"))


def test_xlsx_cells_become_the_text_a_person_would_type(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["团队编号", "团队名称", "依托单位", "领域", "带头人", "来源", "认定日期", "状态", "级别"])
    sheet.append(["T1", "团队", "单位", "新材料", "张伟", "引进", dt.datetime(2023, 5, 6), None, 3.0])
    sheet.append([None] * 9)
    sheet.append([True, 1.5, 12, None, None, None, dt.date(2024, 1, 2), None, None])
    path = tmp_path / "teams.xlsx"
    workbook.save(path)
    first, second = read_rows(path, "teams")
    assert first.values["recognized_on"] == "2023-05-06"
    assert first.values["level"] == "3"
    assert first.values["status"] == ""
    assert (second.line, second.values["team_id"], second.values["name"]) == (4, "Y", "1.5")
    assert second.values["institution"] == "12" and second.values["recognized_on"] == "2024-01-02"


def test_the_xlsx_sample_with_chinese_headers_and_a_title_row_reads_like_the_csv() -> None:
    samples = Path(__file__).resolve().parents[2] / "loaders" / "samples"
    from_csv = [r.values for r in read_rows(samples / "people.csv", "people")]
    from_xlsx = [r.values for r in read_rows(samples / "people.xlsx", "people")]
    from_gb18030 = [r.values for r in read_rows(samples / "people_zh.csv", "people")]
    assert from_csv == from_xlsx == from_gb18030
