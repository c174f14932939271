"""Write the small, mutually consistent files in loaders/samples: `python -m loaders.sample_files`."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

from loaders.formats import format_of
from loaders.generate import generate

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
SAMPLE_SEED = 2036
SAMPLE_PEOPLE = 10
XLSX_TITLE = "承德市专业技术人才名单（样例）"


def write_samples(directory: Path = SAMPLES_DIR) -> list[Path]:
    """Generate the samples: every kind in CSV, people also with Chinese headers (GB18030) and as XLSX."""
    generate(SAMPLE_PEOPLE, SAMPLE_SEED, directory, institutions=10)
    people = format_of("people")
    with (directory / "people.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    chinese_header = [c.header_zh for c in people.columns]
    with (directory / "people_zh.csv").open("w", encoding="gb18030", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows([chinese_header, *rows])
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "人员"
    sheet.append([XLSX_TITLE])
    sheet.append(chinese_header)
    year_column = [c.key for c in people.columns].index("birth_year")
    for row in rows:
        sheet.append([int(cell) if i == year_column else cell for i, cell in enumerate(row)])
    workbook.save(directory / "people.xlsx")
    return sorted(directory.iterdir())


if __name__ == "__main__":
    for path in write_samples():
        print(path)
