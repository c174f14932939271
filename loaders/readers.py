"""Stream the rows of CSV (UTF-8 or GB18030) and XLSX import files, keyed by canonical column keys."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from graph.settings import Settings
from loaders.errors import FileFormatError
from loaders.formats import Format, Kind, format_of
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


_MB = 1 << 20
#: Members (and files) smaller than this once unzipped are not held to the compression ratio.
RATIO_FROM = _MB


@dataclass(frozen=True, slots=True)
class XlsxLimits:
    """How much an XLSX file may hold once unzipped, in bytes, and how much more than it weighs zipped.

    openpyxl holds a workbook's shared strings in memory: a 0.31 MB file whose shared strings unzip to
    300 MB took a loader to 731 MB before any row was refused. The sizes are read from the zip's central
    directory, before anything is unzipped; Python's zipfile never gives more of a member than its
    recorded size, so a directory that lies only makes the file unreadable, not larger.
    """

    max_uncompressed: int = Settings.model_fields["xlsx_max_uncompressed_mb"].default * _MB
    max_ratio: float = Settings.model_fields["xlsx_max_ratio"].default

    @staticmethod
    def of(settings: Settings) -> XlsxLimits:
        """The limits these settings set."""
        return XlsxLimits(settings.xlsx_max_uncompressed_mb * _MB, settings.xlsx_max_ratio)


DEFAULT_XLSX_LIMITS = XlsxLimits()


def check_xlsx_size(path: Path, limits: XlsxLimits) -> None:
    """Raise FileFormatError when the XLSX at `path` would unzip to more than `limits` allow."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as bad:
        raise FileFormatError(f"not a readable .xlsx file: {bad}", f"无法读取的 .xlsx 文件：{bad}") from None
    total = sum(member.file_size for member in members)
    zipped = sum(member.compress_size for member in members)
    if total > limits.max_uncompressed:
        raise FileFormatError(
            f"{path.name} would unzip to {total / _MB:,.0f} MB, more than the {limits.max_uncompressed / _MB:,.0f} MB "
            "an .xlsx file may hold (TALENTGRAPH_XLSX_MAX_UNCOMPRESSED_MB); split it or save it as .csv",
            f"{path.name} 解压后为 {total / _MB:,.0f} MB，超过 .xlsx 文件允许的 {limits.max_uncompressed / _MB:,.0f} MB"
            "（TALENTGRAPH_XLSX_MAX_UNCOMPRESSED_MB），请拆分文件或另存为 .csv",
        )
    for name, size, packed in [("", total, zipped)] + [(m.filename, m.file_size, m.compress_size) for m in members]:
        if size >= RATIO_FROM and size > limits.max_ratio * max(packed, 1):
            where = f" ({name})" if name else ""
            raise FileFormatError(
                f"{path.name}{where} would unzip to {size / max(packed, 1):,.0f} times its zipped size, more than the "
                f"{limits.max_ratio:,.0f} an .xlsx file may (TALENTGRAPH_XLSX_MAX_RATIO): it looks like a zip bomb",
                f"{path.name}{where} 解压后为压缩大小的 {size / max(packed, 1):,.0f} 倍，"
                f"超过允许的 {limits.max_ratio:,.0f} 倍（TALENTGRAPH_XLSX_MAX_RATIO），疑似压缩炸弹",
            )


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


def read_rows(path: Path | str, kind: Kind | str, xlsx_limits: XlsxLimits = DEFAULT_XLSX_LIMITS) -> Iterator[Row]:
    """Stream the data rows of a .csv or .xlsx file of this kind; raise HeaderError or FileFormatError.

    An .xlsx file is first checked against `xlsx_limits`, before any of it is unzipped."""
    path = Path(path)
    fmt = format_of(kind)
    suffix = path.suffix.lower()
    cells: Iterator[tuple[int, list[str]]]
    if suffix in CSV_SUFFIXES:
        cells = _csv_cells(path)
    elif suffix in XLSX_SUFFIXES:
        check_xlsx_size(path, xlsx_limits)
        cells = _xlsx_cells(path)
    else:
        raise FileFormatError(
            f"{path.name}: only .csv and .xlsx files can be imported",
            f"{path.name}：只能导入 .csv 或 .xlsx 文件",
        )
    header_line, header = _find_header(cells)
    layout = _Layout.of(fmt, header, header_line)
    for line, cells_of_line in cells:
        row = layout.row(line, cells_of_line)
        if row is not None:
            yield row


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each column is, from the header row: cell positions → canonical keys, the headers as written,
    and how many cells the header has."""

    positions: dict[int, str]
    headers: dict[str, str]
    width: int

    @staticmethod
    def of(fmt: Format, header: list[str], line: int) -> _Layout:
        """The layout of a header row at `line`; raise HeaderError."""
        positions = fmt.match_headers(header, line)
        return _Layout(positions, {key: header[i].strip() for i, key in positions.items()}, len(header))

    def row(self, line: int, cells: list[str]) -> Row | None:
        """The data row of these cells, None when they are all blank."""
        if not any(cell.strip() for cell in cells):
            return None
        values = {key: cells[i] for i, key in self.positions.items() if i < len(cells)}
        overflow = sum(1 for cell in cells[self.width :] if cell.strip())
        return Row(line, values, self.headers, overflow)


def _undecodable(encoding: str, line: int) -> FileFormatError:
    return FileFormatError(
        f"bytes that are not {encoding} after line {line}; save the file as UTF-8 or GB18030",
        f"第{line}行之后含有非{encoding}编码的字节，请另存为UTF-8或GB18030编码",
        line,
    )


def _broken(bad: csv.Error, line: int) -> FileFormatError:
    return FileFormatError(f"broken CSV: {bad}", f"CSV格式错误：{bad}", line)


@dataclass(frozen=True, slots=True)
class CsvLines:
    """A .csv file in which every line is one row (it holds no quote character, so no cell can hold a line
    break or a comma, and no lone carriage return): it can be cut into blocks of whole lines anywhere, and
    each block turned into rows by itself, in worker processes (loaders/validate.py), exactly as
    `read_rows` would.
    """

    path: Path
    encoding: str
    """The file's encoding as `detect_encoding` names it (for messages)."""
    layout: _Layout
    start: int
    """The byte offset of the line after the header."""
    first_line: int
    """That line's number."""
    lines: int
    """How many lines the file has after the header."""

    def blocks(self, size: int = 1 << 18) -> Iterator[tuple[int, bytes]]:
        """(number of its first line, bytes) of blocks of about `size` bytes of whole lines, after the header."""
        with self.path.open("rb") as f:
            f.seek(self.start)
            line, rest = self.first_line, b""
            while chunk := f.read(size):
                data = rest + chunk
                cut = data.rfind(b"\n") + 1
                block, rest = data[:cut], data[cut:]
                if block:
                    yield line, block
                    line += block.count(b"\n")
            if rest:
                yield line, rest

    def rows(self, line: int, block: bytes) -> tuple[list[Row], FileFormatError | None]:
        """The data rows of a block (from `blocks`) starting at `line`, as `read_rows` gives them; and the
        error that stopped reading, if any, after the rows before it."""
        codec = "gb18030" if self.encoding == "gb18030" else "utf-8"
        failure: FileFormatError | None = None
        try:
            text = block.decode(codec)
        except UnicodeDecodeError as bad:
            good = block.rfind(b"\n", 0, bad.start) + 1
            at = line + block.count(b"\n", 0, good)
            text = block[:good].decode(codec)
            failure = _undecodable(self.encoding, at)
        rows: list[Row] = []
        reader = csv.reader(io.StringIO(text, newline=""))
        at = line
        try:
            for cells in reader:
                row = self.layout.row(at, cells)
                if row is not None:
                    rows.append(row)
                at = line + reader.line_num
        except csv.Error as bad:
            return rows, _broken(bad, at)
        return rows, failure

    @property
    def headers(self) -> dict[str, str]:
        """The headers as written, by canonical key."""
        return self.layout.headers


def csv_lines(path: Path | str, kind: Kind | str) -> CsvLines | None:
    """The file as CsvLines when it is a .csv file whose every line is one row, else None (read_rows reads
    those). Raises HeaderError or FileFormatError as read_rows does."""
    path = Path(path)
    if path.suffix.lower() not in CSV_SUFFIXES:
        return None
    newlines = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            if b'"' in chunk or chunk.count(b"\r") != chunk.count(b"\r\n"):
                return None
            newlines += chunk.count(b"\n")
    cells = _csv_cells(path)
    try:
        header_line, header = _find_header(cells)
    finally:
        cells.close()
    layout = _Layout.of(format_of(kind), header, header_line)
    with path.open("rb") as f:
        for _ in range(header_line):
            f.readline()
        start = f.tell()
    return CsvLines(path, detect_encoding(path), layout, start, header_line + 1, newlines - header_line)


def _find_header(cells: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """The first row with two or more non-empty cells; a title row above it is skipped."""
    for line, row in cells:
        if sum(1 for cell in row if cell.strip()) >= 2:
            return line, row
    raise FileFormatError("the file has no header row", "文件没有表头行")


def _csv_cells(path: Path) -> Generator[tuple[int, list[str]], None, None]:
    encoding = detect_encoding(path)
    with path.open(encoding=encoding, newline="") as f:
        reader = csv.reader(f)
        line = 1
        try:
            for row in reader:
                yield line, row
                line = reader.line_num + 1
        except UnicodeDecodeError:
            raise _undecodable(encoding, line) from None
        except csv.Error as bad:
            raise _broken(bad, line) from None


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
