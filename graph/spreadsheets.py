"""Cells of the spreadsheets written for people to open (exports, rejected-rows files), safe to open.

A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and
LibreOffice as a formula (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`). Following OWASP's guidance on
CSV injection, such a cell is written with a leading `'` (shown as text, never evaluated), and in CSV
every text cell is quoted. Control characters that XML cannot hold (openpyxl refuses them, and a
CSV reader may stop at them) are written as their visible Unicode pictures (U+0007 as U+2407 ␇).
Numbers stay numbers: only text is changed, and text that is a plain number (`-5`, `+86`, `3.5`)
cannot be a formula, so it is left as it is.

Every writer of such a file goes through `csv_writer` or `append_xlsx_row`, which use `safe_text`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

#: What a cell may begin with to be read as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"
#: C0 controls but tab, line feed and carriage return (what XML 1.0 refuses), and DEL.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")

Cell = str | int | float | None


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def safe_text(text: str) -> str:
    """`text` as a spreadsheet cell: control characters as their pictures, a `'` before a formula start."""
    text = _CONTROLS.sub(_picture, text)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return PREFIX + text
    return text


def safe_cell(value: Any) -> Any:
    """A cell's value as written: text through `safe_text`, anything else (numbers, dates, None) unchanged."""
    return safe_text(value) if isinstance(value, str) else value


class SafeCsvWriter:
    """A csv writer whose text cells are made safe and quoted (numbers are written bare)."""

    def __init__(self, handle: Any) -> None:
        self._writer = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC)

    def writerow(self, row: Iterable[Cell]) -> None:
        self._writer.writerow([safe_cell(value) for value in row])


def csv_writer(handle: Any) -> SafeCsvWriter:
    """A writer of rows to `handle` (a text file opened with newline=''), every text cell made safe."""
    return SafeCsvWriter(handle)


def append_xlsx_row(sheet: Worksheet, row: Iterable[Any]) -> None:
    """Append a row to `sheet`, text cells made safe and stored as text, never as formulas."""
    sheet.append([safe_cell(value) for value in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
