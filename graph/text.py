"""What every kind of string the registry accepts may hold: its length and the characters it refuses.

One rule per kind of string (a person's name, an institution's name, an email address, a code, a
search query…), used by every way in: the API checks every String argument and input field against
the rule named for it (server/common/text_inputs.py; a test walks the schema so that none is
forgotten), and the loaders check every cell against its column's rule (loaders/formats.py).

Refused everywhere: control characters (C0 and C1, NUL, BEL, DEL; tab and line breaks too, except in
free text), Unicode format characters (the bidirectional embeddings, overrides and isolates
U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F/U+061C, zero-width spaces, the byte-order
mark; the zero-width joiner and non-joiner some scripts need are allowed), line and paragraph
separators, unpaired surrogates and noncharacters. Chinese, other scripts, punctuation, symbols,
spaces (the ideographic space too) and private-use characters (which some GB18030 fonts use for rare
characters) are allowed. Lengths count characters (code points), not bytes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from graph.errors import InvalidInput, InvalidValue

#: Format characters some scripts need (Persian, Indic, emoji sequences): not refused.
_JOINERS = frozenset("\u200c\u200d")
#: Line breaks and tabs: allowed in free text only.
_TEXT_BREAKS = frozenset("\t\n\r")


def _refused(char: str, multiline: bool) -> bool:
    category = unicodedata.category(char)
    if category == "Cc":
        return not (multiline and char in _TEXT_BREAKS)
    if category == "Cf":
        return char not in _JOINERS
    if category in ("Cs", "Zl", "Zp"):
        return True
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def refused_character(value: str, multiline: bool = False) -> tuple[int, str] | None:
    """The first character of `value` no text may hold (its position from 1, and itself), or None."""
    if value.isprintable():  # the common case, in C: no control, format, separator or surrogate at all
        return None
    for position, char in enumerate(value, start=1):
        if _refused(char, multiline):
            return position, char
    return None


@dataclass(frozen=True)
class TextRule:
    """How long one kind of string may be, which characters it may hold, and what it is called."""

    name: str
    name_zh: str
    max_length: int
    multiline: bool = False
    #: For codes and identifiers: the only shape allowed (blanks around it aside), and how to describe it.
    pattern: re.Pattern[str] | None = None
    shape: tuple[str, str] = ("", "")

    def problem(self, value: str) -> tuple[str, str] | None:
        """Why `value` breaks this rule, in English and Chinese; None when it does not."""
        article = "an" if self.name[0] in "aeiou" else "a"
        if len(value) > self.max_length:
            return (
                f"{article} {self.name} has at most {self.max_length} characters ({len(value)} given)",
                f"{self.name_zh}不能超过{self.max_length}个字符(现为{len(value)}个)",
            )
        refused = refused_character(value, self.multiline)
        if refused is not None:
            position, char = refused
            code = f"U+{ord(char):04X}"
            return (
                f"character {code} (at {position}) is not allowed in {article} {self.name}",
                f"{self.name_zh}含有不允许的字符 {code}(第{position}个字符)",
            )
        if self.pattern is not None and value.strip() and not self.pattern.fullmatch(value.strip()):
            return (f"{article} {self.name} is {self.shape[0]}", f"{self.name_zh}应为{self.shape[1]}")
        return None

    def check(self, value: str) -> str:
        """`value` when it keeps the rule; else InvalidValue with the reason (for a loader's cell)."""
        problem = self.problem(value)
        if problem is not None:
            raise InvalidValue(*problem)
        return value

    def check_cell(self, value: str) -> str:
        """As `check`, for a spreadsheet cell: its blanks (tabs, line breaks) read as single spaces, as the
        loaders read them, except in free text."""
        if len(value) <= self.max_length and value.isprintable():  # most cells: nothing to fold or refuse
            return value
        return self.check(value if self.multiline else " ".join(value.split()))

    def check_field(self, value: str, field: str) -> str:
        """`value` when it keeps the rule; else InvalidInput naming `field` (for the API)."""
        problem = self.problem(value)
        if problem is not None:
            raise InvalidInput(f"{field}: {problem[0]}.", f"{field}:{problem[1]}", field)
        return value


_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]*")
_CURSOR = re.compile(r"[A-Za-z0-9_=-]+")
_CODE_SHAPE = ("letters and digits, with . _ or - between them", "字母和数字(可含 . _ -)")
_IDENTIFIER_SHAPE = ("letters and digits, with . _ : / or - between them", "字母和数字(可含 . _ : / -)")

PERSON_NAME = TextRule("person's name", "姓名", 50)
INSTITUTION_NAME = TextRule("institution's name", "单位名称", 100)
#: Names of teams, platforms, projects, plans and their targets, titles, programmes.
NAME = TextRule("name", "名称", 100)
PROJECT_NAME = TextRule("project's name", "项目名称", 200)
UNIT = TextRule("unit", "单位名", 20)
JOB_ROLE = TextRule("job title", "职务", 50)
EMAIL = TextRule("email address", "电子邮箱", 254)
PHONE = TextRule("phone number", "联系电话", 32)
KEYWORD = TextRule("keyword", "关键词", 30)
#: A reason, a comment, a purpose, a description: the one kind that may hold line breaks.
FREE_TEXT = TextRule("text", "文字说明", 2000, multiline=True)
#: An identity or passport number as typed (its own check reads it further).
ID_NUMBER = TextRule("identity number", "证件号码", 32)
#: Codes of vocabularies: regions, fields, series, plans, targets, countries, roles, operations.
CODE = TextRule("code", "代码", 64, pattern=_CODE, shape=_CODE_SHAPE)
#: Ids of records, API keys, certificate numbers, credit codes. (An empty id or code is a record that
#: does not exist: the domain answers NotFound.)
IDENTIFIER = TextRule("identifier", "编号", 64, pattern=_IDENTIFIER, shape=_IDENTIFIER_SHAPE)
#: What a person types to find experts: bounded, so that no search holds the database for long.
SEARCH_QUERY = TextRule("search query", "检索词", 100)
#: A name or part of one that a list is filtered by.
NAME_FILTER = TextRule("name filter", "名称筛选条件", 100)
CURSOR = TextRule("cursor", "分页游标", 1024, pattern=_CURSOR, shape=("a cursor from pageInfo", "pageInfo中的游标"))
#: A loader's cell of a column read by its own parser (dates, numbers, yes/no, vocabulary names, ids).
CELL = TextRule("value", "值", 200)
#: A loader's cell listing people or institutions.
LIST = TextRule("list", "列表", 2000)
