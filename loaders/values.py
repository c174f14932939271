"""Parsers for single cell values: each returns a normalised value or raises InvalidValue (en + zh)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from graph.countries import check_country
from graph.identity import (
    IdNumberInfo,
    check_credit_code,
    check_foreign_identity,
    check_id_number,
    check_passport_number,
    hash_id_number,
)
from graph.indicators import MAX_AMOUNT
from graph.text import INSTITUTION_NAME, PERSON_NAME
from graph.vocabulary import Gender, Term
from loaders.errors import InvalidValue
from loaders.records import InstitutionRef, PersonRef
from loaders.reference import Reference, Vocabulary, load_reference

E = TypeVar("E", bound=Term)

LIST_SEPARATORS = re.compile(r"[;；,，、]")
_BOOLEANS = {
    "y": True,
    "yes": True,
    "true": True,
    "1": True,
    "是": True,
    "n": False,
    "no": False,
    "false": False,
    "0": False,
    "否": False,
}
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
_LANDLINE = re.compile(r"^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$")
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_IDENTIFIER = re.compile(r"^[A-Z0-9][A-Z0-9\-_/.]{0,39}$")
_PERSON_ENTRY = re.compile(r"^(?P<name>[^(（]+?)\s*(?:[(（]\s*(?P<id>[0-9Xx]+)\s*[)）])?$")
_CJK_ONLY = re.compile(r"^[\u3400-\u9fff·•\s]+$")


@dataclass(frozen=True)
class ParseContext:
    """What parsers need besides the cell: reference data, today's date and the identity salt."""

    salt: str | bytes
    today: date = field(default_factory=date.today)
    reference: Reference = field(default_factory=load_reference)


Parser = Callable[[str, ParseContext], Any]


def text(raw: str, ctx: ParseContext) -> str:
    """Text with runs of blanks collapsed (its column's rule bounds its length: loaders/formats.py)."""
    return " ".join(raw.split())


def person_name(raw: str, ctx: ParseContext) -> str:
    """A person's name; blanks inside a Chinese name are dropped (张 伟 → 张伟)."""
    value = text(raw, ctx)
    if _CJK_ONLY.match(value):
        value = value.replace(" ", "")
    return value


def identifier(raw: str, ctx: ParseContext) -> str:
    """An identifier or certificate number: letters, digits and - _ / . , upper-cased."""
    value = "".join(raw.split()).upper()
    if not _IDENTIFIER.match(value):
        raise InvalidValue(
            f"'{raw}' is not an identifier (letters, digits, - _ / . ; at most 40)",
            f"“{raw}”不是有效编号（字母、数字及 - _ / . ，不超过40位）",
        )
    return value


def gender(raw: str, ctx: ParseContext) -> Gender:
    """男/女, M/F or MALE/FEMALE."""
    return _gender(raw, ctx)


def choice(enum: type[E]) -> Callable[[str, ParseContext], E]:
    """A parser for a vocabulary's member given by its English code or its Chinese name or spellings."""
    lookup: dict[str, E] = {}
    for member in enum:
        for spelling in (member.name, member.value, member.zh, *member.spellings):
            lookup[spelling.casefold()] = member
    accepted = "、".join(f"{m.name}/{m.spellings[0]}" for m in enum)

    def parse(raw: str, ctx: ParseContext) -> E:
        found = lookup.get(re.sub(r"[\s\-]+", "_", raw.strip()).casefold())
        if found is None:
            raise InvalidValue(f"'{raw}' is not one of {accepted}", f"“{raw}”不是可接受的值：{accepted}")
        return found

    return parse


# Built once, not for every row: the lookup holds every spelling of the vocabulary.
_gender = choice(Gender)


def year_between(low: int, high_from_today: int) -> Callable[[str, ParseContext], int]:
    """A parser for a four-digit year between `low` and today's year plus `high_from_today`."""

    def parse(raw: str, ctx: ParseContext) -> int:
        value = raw.strip()
        if value.endswith(".0"):
            value = value[:-2]
        high = ctx.today.year + high_from_today
        if not (value.isdigit() and low <= int(value) <= high):
            raise InvalidValue(f"'{raw}' is not a year from {low} to {high}", f"“{raw}”不是{low}至{high}之间的年份")
        return int(value)

    return parse


_AMOUNT = re.compile(r"^[0-9]{1,16}$")


def amount(raw: str, ctx: ParseContext) -> int:
    """A whole, non-negative number of yuan (元), digits only (thousands separators allowed), exact up to 2^53 - 1."""
    value = raw.strip().replace(",", "").replace("，", "")
    if value.endswith(".0"):
        value = value[:-2]
    if not _AMOUNT.match(value) or int(value) > MAX_AMOUNT:
        raise InvalidValue(
            f"'{raw}' is not a whole, non-negative number of yuan (at most {MAX_AMOUNT})",
            f"“{raw}”不是不小于0的整数金额(元,至多{MAX_AMOUNT})",
        )
    return int(value)


def any_date(raw: str, ctx: ParseContext) -> date:
    """A real date written YYYY-MM-DD (or with / or . between the parts)."""
    match = _DATE.match(raw.strip())
    try:
        if match is None:
            raise ValueError
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise InvalidValue(f"'{raw}' is not a real date YYYY-MM-DD", f"“{raw}”不是有效日期（YYYY-MM-DD）") from None


def past_date(raw: str, ctx: ParseContext) -> date:
    """A real date YYYY-MM-DD that is not in the future."""
    value = any_date(raw, ctx)
    if value > ctx.today:
        raise InvalidValue(f"{value} is in the future", f"{value}晚于今天")
    return value


def boolean(raw: str, ctx: ParseContext) -> bool:
    """Y/N, 是/否 (also yes/no, true/false, 1/0)."""
    found = _BOOLEANS.get(raw.strip().casefold())
    if found is None:
        raise InvalidValue(f"'{raw}' is not Y or N", f"“{raw}”应为“是”或“否”（Y/N）")
    return found


def email(raw: str, ctx: ParseContext) -> str:
    """An e-mail address, lower-cased."""
    value = raw.strip()
    if not _EMAIL.match(value):
        raise InvalidValue("not an e-mail address", "电子邮箱格式不正确")
    return value.lower()


def phone(raw: str, ctx: ParseContext) -> str:
    """A mainland mobile number (11 digits) or a landline with its area code, as 0AREA-NUMBER."""
    value = re.sub(r"[\s()（）]", "", raw)
    if mobile := _MOBILE.match(value):
        return mobile[1]
    if "-" not in value:
        # Without a hyphen the area code is 3 digits for 010 and 02X, else 4.
        cut = 3 if value[:2] in ("01", "02") else 4
        value = f"{value[:cut]}-{value[cut:]}"
    landline = _LANDLINE.match(value)
    if landline is None:
        raise InvalidValue(
            "not a mobile number (1[3-9] and 9 digits) or a landline with area code",
            "联系电话应为11位手机号或带区号的固定电话",
        )
    return f"{landline[1]}-{landline[2]}" + (f"-{landline[3]}" if landline[3] else "")


def _in_vocabulary(pick: Callable[[Reference], Vocabulary], what_en: str, what_zh: str) -> Parser:
    def parse(raw: str, ctx: ParseContext) -> str:
        code = pick(ctx.reference).find(raw)
        if code is None:
            raise InvalidValue(f"unknown {what_en} '{raw}'", f"无法识别的{what_zh}“{raw}”")
        return code

    return parse


region = _in_vocabulary(lambda r: r.region_names, "region", "地区")
title_level = _in_vocabulary(lambda r: r.title_levels, "title level", "职称级别")
title_series = _in_vocabulary(lambda r: r.title_series, "title series", "职称系列")
institution_type = _in_vocabulary(lambda r: r.institution_types, "institution type", "单位类型")
_field = _in_vocabulary(lambda r: r.fields, "field", "领域")


def fields(raw: str, ctx: ParseContext) -> tuple[str, ...]:
    """Field codes or names separated by ; ； , ， or 、, without repeats."""
    codes = [_field(part, ctx) for part in LIST_SEPARATORS.split(raw) if part.strip()]
    return tuple(dict.fromkeys(codes))


def credit_code(raw: str, ctx: ParseContext) -> str:
    """A unified social credit code with a correct check character."""
    return check_credit_code(raw)


def id_number(raw: str, ctx: ParseContext) -> IdNumberInfo:
    """A resident identity number with a correct check character and a real birth date."""
    return check_id_number(raw, ctx.today)


def country(raw: str, ctx: ParseContext) -> str:
    """A foreign expert's nationality as an ISO 3166-1 alpha-2 code, from a code or a Chinese or English name."""
    return check_country(raw, foreign=True)


def issuing_country(raw: str, ctx: ParseContext) -> str:
    """A passport's issuing country as an ISO 3166-1 alpha-2 code, written as `country` accepts."""
    return check_country(raw)


def passport(raw: str, ctx: ParseContext) -> str:
    """A passport or other travel document number: 5 to 20 letters and digits."""
    return check_passport_number(raw)


def foreign_id_number(raw: str, ctx: ParseContext) -> str:
    """A foreign expert's Chinese identity number or permanent-residence card number, normalised."""
    return check_foreign_identity(raw, ctx.today)


def institution(raw: str, ctx: ParseContext) -> InstitutionRef:
    """An institution by name, or by credit code when the cell holds a valid one."""
    value = text(raw, ctx)
    compact = value.replace(" ", "").upper()
    if len(compact) == 18 and compact.isalnum() and compact.isascii():
        try:
            return InstitutionRef(credit_code=check_credit_code(compact))
        except InvalidValue:
            pass
    return InstitutionRef(name=value)


def institutions(raw: str, ctx: ParseContext) -> tuple[InstitutionRef, ...]:
    """Institutions separated by ; ； or 、 (not commas, which some names contain)."""
    parts = re.split(r"[;；、]", raw)
    return tuple(dict.fromkeys(institution(INSTITUTION_NAME.check_cell(p), ctx) for p in parts if p.strip()))


def people(raw: str, ctx: ParseContext) -> tuple[PersonRef, ...]:
    """People separated by ; ， or 、, each a name optionally followed by (ID number)."""
    refs: list[PersonRef] = []
    for part in LIST_SEPARATORS.split(raw):
        if not part.strip():
            continue
        match = _PERSON_ENTRY.match(part.strip())
        if match is None:
            raise InvalidValue(f"'{part}' is not a name or name(ID number)", f"“{part}”应为姓名或姓名(身份证号)")
        name = PERSON_NAME.check(person_name(match["name"], ctx))
        try:
            id_hash = hash_id_number(id_number(match["id"], ctx).number, ctx.salt) if match["id"] else None
        except InvalidValue as bad:
            raise InvalidValue(f"{name}: {bad.reason_en}", f"{name}：{bad.reason_zh}") from None
        refs.append(PersonRef(name, id_hash))
    return tuple(dict.fromkeys(refs))
