"""What can go wrong while reading and validating import files, in English and Chinese."""

from __future__ import annotations

from typing import NamedTuple

from graph.errors import InvalidValue

__all__ = ["InvalidValue", "FileFormatError", "HeaderError", "RowError"]


class FileFormatError(Exception):
    """A file that cannot be read as a table of the expected kind."""

    def __init__(self, reason_en: str, reason_zh: str, line: int = 0, column: str = "") -> None:
        super().__init__(f"{reason_en} / {reason_zh}")
        self.reason_en = reason_en
        self.reason_zh = reason_zh
        self.line = line
        self.column = column


class HeaderError(FileFormatError):
    """The header row names columns this kind does not have, or lacks required ones."""

    def __init__(
        self, line: int, unknown: tuple[str, ...], missing: tuple[str, ...], duplicated: tuple[str, ...]
    ) -> None:
        parts_en, parts_zh = [], []
        if unknown:
            parts_en.append("unknown columns: " + ", ".join(unknown))
            parts_zh.append("无法识别的列：" + "、".join(unknown))
        if missing:
            parts_en.append("missing required columns: " + ", ".join(missing))
            parts_zh.append("缺少必填列：" + "、".join(missing))
        if duplicated:
            parts_en.append("columns given twice: " + ", ".join(duplicated))
            parts_zh.append("重复的列：" + "、".join(duplicated))
        super().__init__("; ".join(parts_en), "；".join(parts_zh), line, ", ".join(unknown + duplicated))
        self.unknown = unknown
        self.missing = missing
        self.duplicated = duplicated


class RowError(NamedTuple):
    """One problem in one row: the line, the column header as written in the file, and why."""

    line: int
    column: str
    reason_en: str
    reason_zh: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason_en} / {self.reason_zh}"
