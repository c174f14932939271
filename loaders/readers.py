"""Stream the rows of CSV (UTF-8 or GB18030) and XLSX import files, keyed by canonical column keys."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from loaders.errors import FileFormatError
from loaders.formats import Kind, format_of
from loaders.pickling import fast_pickling

_CHUNK = 1 << 16
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@fast_pickling
@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its line in the file, canonical key → raw text, and the headers as written."""

    line: int
    values: dict[str, str]
    headers: Mapping[str, str]
    overflow: int = 0
    """How many non-empty cells stand beyond the last header (a sign of an unquoted comma)."""


def detect_encoding(path: Path) -> str:
    """'utf-8-sig' when the bytes decode as UTF-8 (BOM or not), else 'gb18030'; reads until non-ASCII."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return "gb18030"
            if not chunk.isascii():
                return "utf-8-sig"
    return "utf-8-sig"


def read_rows(path: Path | str, kind: Kind | str) -> Iterator[Row]:
    """Stream the data rows of a .csv or .xlsx file of this kind; raise HeaderError or FileFormatError."""
    path = Path(path)
    fmt = format_of(kind)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        cells = _csv_cells(path)
    elif suffix in XLSX_SUFFIXES:
        cells = _xlsx_cells(path)
    else:
        raise FileFormatError(
            f"{path.name}: only .csv and .xlsx files can be imported",
            f"{path.name}：只能导入 .csv 或 .xlsx 文件",
        )
    header_line, header = _find_header(cells)
    positions = fmt.match_headers(header, header_line)
    headers = {key: header[i].strip() for i, key in positions.items()}
    width = len(header)
    for line, row in cells:
        if not any(cell.strip() for cell in row):
            continue
        values = {key: row[i] for i, key in positions.items() if i < len(row)}
        overflow = sum(1 for cell in row[width:] if cell.strip())
        yield Row(line, values, headers, overflow)


def _find_header(cells: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """The first row with two or more non-empty cells; a title row above it is skipped."""
    for line, row in cells:
        if sum(1 for cell in row if cell.strip()) >= 2:
            return line, row
    raise FileFormatError("the file has no header row", "文件没有表头行")


def _csv_cells(path: Path) -> Iterator[tuple[int, list[str]]]:
    encoding = detect_encoding(path)
    with path.open(encoding=encoding, newline="") as f:
        reader = csv.reader(f)
        line = 1
        try:
            for row in reader:
                yield line, row
                line = reader.line_num + 1
        except UnicodeDecodeError:
            raise FileFormatError(
                f"bytes that are not {encoding} after line {line}; save the file as UTF-8 or GB18030",
                f"第{line}行之后含有非{encoding}编码的字节，请另存为UTF-8或GB18030编码",
                line,
            ) from None
        except csv.Error as bad:
            raise FileFormatError(f"broken CSV: {bad}", f"CSV格式错误：{bad}", line) from None


def _xlsx_cells(path: Path) -> Iterator[tuple[int, list[str]]]:
    # openpyxl's read-only mode parses the sheet XML as it goes; calamine would load the whole sheet.
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as bad:  # openpyxl raises zipfile, KeyError and XML errors alike for a bad file
        raise FileFormatError(f"not a readable .xlsx file: {bad}", f"无法读取的 .xlsx 文件：{bad}") from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # trust the rows, not a <dimension> some writers get wrong
        for line, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, [_cell_text(value) for value in row]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """The text a spreadsheet cell stands for, as a person reading it would type it."""
    match value:
        case None:
            return ""
        case bool():
            return "Y" if value else "N"
        case dt.datetime():
            return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
        case dt.date():
            return value.isoformat()
        case float() if value.is_integer():
            return str(int(value))
        case _:
            return str(value)
