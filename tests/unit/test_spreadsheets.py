"""Spreadsheet cells: formula starts neutralised, control characters made visible, numbers untouched."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from graph.spreadsheets import append_xlsx_row, csv_writer, safe_text

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-5", "-5"),
        ("+86", "+86"),
        ("3.5", "3.5"),
        ("张伟", "张伟"),
        ("a=b", "a=b"),
        ("铃\x07声\x00", "铃␇声␀"),
        ("\x7f", "␡"),
        ("两行\n文字", "两行\n文字"),
    ],
)
def test_safe_text_neutralises_formula_starts_and_controls(text: str, written: str) -> None:
    assert safe_text(text) == written


def test_xlsx_rows_hold_text_as_text_and_numbers_as_numbers() -> None:
    book = Workbook()
    sheet = book.active
    append_xlsx_row(sheet, ['=HYPERLINK("x")', -5, 2.5, None, "\x01"])
    out = io.BytesIO()
    book.save(out)
    cells = list(load_workbook(out).active.iter_rows())[0]
    assert [(c.value, c.data_type) for c in cells[:3]] == [('\'=HYPERLINK("x")', "s"), (-5, "n"), (2.5, "n")]
    assert cells[3].value is None and cells[4].value == "␁"


def test_csv_rows_quote_text_and_leave_numbers_bare() -> None:
    out = io.StringIO()
    csv_writer(out).writerow(["=1", -5, "-5", None, 1.5])
    assert out.getvalue() == '"\'=1",-5,"-5","",1.5\r\n'
