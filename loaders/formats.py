"""The kinds of import file and their columns: keys, English and Chinese headers, parsers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from graph import text as t
from loaders import values as v
from loaders.errors import HeaderError
from loaders.records import (
    CertificationStatus,
    Indicator,
    Level,
    PlatformKind,
    ProjectKind,
    TeamOrigin,
    TeamStatus,
)

Kind = Literal["institutions", "people", "teams", "visits", "projects", "platforms", "certifications", "indicators"]
KINDS: tuple[Kind, ...] = get_args(Kind)

_HINT = re.compile(r"\s*[(（].*[)）]\s*$")


def fold_header(header: str) -> str:
    """Compare headers ignoring case, blanks, _ and -, a required-mark * and a hint in brackets."""
    cleaned = _HINT.sub("", header.replace("\ufeff", "").strip().rstrip("*＊").strip())
    return re.sub(r"[\s_\-]+", "", cleaned).casefold()


@dataclass(frozen=True)
class Column:
    """One column of an import file; `key` is also its English header."""

    key: str
    headers_zh: tuple[str, ...]
    parse: v.Parser
    rule: t.TextRule
    """How long the cell may be and which characters it refuses (graph/text.py), checked before `parse`."""
    required: bool = False
    aliases_en: tuple[str, ...] = ()

    @property
    def header_en(self) -> str:
        """The English header written in generated files."""
        return self.key

    @property
    def header_zh(self) -> str:
        """The Chinese header written in generated files."""
        return self.headers_zh[0]


@dataclass(frozen=True)
class Format:
    """The columns of one kind of import file."""

    kind: Kind
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        """The column with this canonical key."""
        return next(c for c in self.columns if c.key == key)

    def header_lookup(self) -> dict[str, str]:
        """Every accepted (folded) header → canonical key."""
        lookup: dict[str, str] = {}
        for c in self.columns:
            for header in (c.key, *c.aliases_en, *c.headers_zh):
                lookup[fold_header(header)] = c.key
        return lookup

    def match_headers(self, headers: Sequence[str], line: int) -> dict[int, str]:
        """Map cell positions to canonical keys; blank headers are skipped; raise HeaderError."""
        lookup = self.header_lookup()
        positions: dict[int, str] = {}
        seen: set[str] = set()
        unknown: list[str] = []
        duplicated: list[str] = []
        for i, header in enumerate(headers):
            if not header.strip():
                continue
            key = lookup.get(fold_header(header))
            if key is None:
                unknown.append(header.strip())
            elif key in seen:
                duplicated.append(header.strip())
            else:
                seen.add(key)
                positions[i] = key
        missing = tuple(f"{c.key}/{c.header_zh}" for c in self.columns if c.required and c.key not in seen)
        if unknown or missing or duplicated:
            raise HeaderError(line, tuple(unknown), missing, tuple(duplicated))
        return positions


def _c(
    key: str, zh: str, parse: v.Parser, required: bool = False, aliases_en: str = "", rule: t.TextRule = t.CELL
) -> Column:
    """A column; `rule` for its text (CELL: a value its parser reads strictly, such as a date or a code)."""
    return Column(key, tuple(zh.split("|")), parse, rule, required, tuple(aliases_en.split("|")) if aliases_en else ())


FORMATS: dict[Kind, Format] = {
    "institutions": Format(
        "institutions",
        (
            _c("name", "单位名称|名称|单位", v.text, True, "institution_name", rule=t.INSTITUTION_NAME),
            _c("credit_code", "统一社会信用代码|信用代码", v.credit_code),
            _c("type", "单位类型|类型", v.institution_type, True, "institution_type"),
            _c("region", "所在地区|地区", v.region, True),
            _c("high_tech", "是否高新技术企业|高新技术企业", v.boolean),
            _c("tech_sme", "是否科技型中小企业|科技型中小企业", v.boolean),
            _c("fields", "领域|所属领域", v.fields, aliases_en="field"),
        ),
    ),
    "people": Format(
        "people",
        (
            _c("name", "姓名", v.person_name, True, rule=t.PERSON_NAME),
            _c("gender", "性别", v.gender, aliases_en="sex"),
            _c("birth_year", "出生年份|出生年", v.year_between(1920, -16)),
            _c("id_number", "身份证号|身份证号码|公民身份号码", v.id_number, True, rule=t.ID_NUMBER),
            _c("institution", "单位|工作单位|所在单位", v.institution, True, "employer", rule=t.INSTITUTION_NAME),
            _c("region", "地区|所在地区", v.region, True),
            _c("fields", "领域|专业领域", v.fields, aliases_en="field"),
            _c("title_series", "职称系列|系列", v.title_series, True, "series"),
            _c("title_level", "职称级别|级别", v.title_level, True, "level"),
            _c("title_name", "职称名称|职称|资格名称", v.text, aliases_en="title", rule=t.NAME),
            _c("certificate_no", "证书编号|资格证书编号|证书号", v.identifier, True, "certificate"),
            _c("granted_on", "取得时间|授予日期|取得日期|发证日期", v.past_date, True),
            _c("directed", "是否定向|定向|双定向", v.boolean),
            _c("email", "电子邮箱|邮箱", v.email, aliases_en="mail", rule=t.EMAIL),
            _c("phone", "联系电话|电话|手机", v.phone, aliases_en="telephone|mobile", rule=t.PHONE),
            _c("consent", "是否同意联系|同意联系", v.boolean, aliases_en="consent_to_contact"),
        ),
    ),
    "teams": Format(
        "teams",
        (
            _c("team_id", "团队编号", v.identifier, True),
            _c("name", "团队名称", v.text, True, "team_name", rule=t.NAME),
            _c("institution", "依托单位|所在单位|单位", v.institution, True, rule=t.INSTITUTION_NAME),
            _c("fields", "领域|研究领域", v.fields, True, "field"),
            _c("leader", "带头人|团队带头人|负责人", v.person_name, True, "leader_name", rule=t.PERSON_NAME),
            _c("leader_id_number", "带头人身份证号", v.id_number, rule=t.ID_NUMBER),
            _c("members", "团队成员|成员", v.people, rule=t.LIST),
            _c("origin", "来源|团队来源", v.choice(TeamOrigin), True),
            _c("level", "团队级别|级别", v.choice(Level)),
            _c("status", "状态|审核状态", v.choice(TeamStatus)),
            _c("recognized_on", "认定日期|认定时间", v.past_date),
        ),
    ),
    "visits": Format(
        "visits",
        (
            _c("visit_id", "来访编号", v.identifier, True),
            _c("expert_name", "专家姓名|姓名", v.person_name, True, rule=t.PERSON_NAME),
            _c("nationality", "国籍", v.country, True),
            _c("passport_no", "护照号|护照号码|证件号码", v.passport, True, "expert_key|passport"),
            _c("passport_country", "护照签发国|签发国", v.issuing_country, aliases_en="issuing_country"),
            _c("id_number", "身份证号|永久居留身份证号|永居证号", v.foreign_id_number, aliases_en="residence_card_no"),
            _c("gender", "性别", v.gender),
            _c("high_end", "是否高端外国专家|高端外国专家", v.boolean),
            _c("host_institution", "接待单位|邀请单位|单位", v.institution, True, "host", rule=t.INSTITUTION_NAME),
            _c("arrived_on", "来访日期|抵达日期|入境日期", v.past_date, True),
            _c("departed_on", "离开日期|离境日期", v.any_date),
            _c("program", "引智项目|项目|计划", v.text, rule=t.NAME),
            _c("purpose", "来访目的|目的", v.text, rule=t.FREE_TEXT),
            _c("fields", "领域", v.fields, aliases_en="field"),
        ),
    ),
    "projects": Format(
        "projects",
        (
            _c("project_id", "项目编号", v.identifier, True),
            _c("name", "项目名称", v.text, True, "project_name", rule=t.PROJECT_NAME),
            _c("kind", "项目类别|类别", v.choice(ProjectKind), True),
            _c("year", "立项年度|年度", v.year_between(1990, 1), True),
            _c("institution", "承担单位|单位", v.institution, True, rule=t.INSTITUTION_NAME),
            _c("partners", "合作单位", v.institutions, aliases_en="partner_institutions", rule=t.LIST),
            _c("participants", "项目成员|参与人员|成员", v.people, aliases_en="members", rule=t.LIST),
            _c("fields", "领域", v.fields, aliases_en="field"),
        ),
    ),
    "platforms": Format(
        "platforms",
        (
            _c("platform_id", "平台编号", v.identifier, True),
            _c("name", "平台名称", v.text, True, "platform_name", rule=t.NAME),
            _c("kind", "平台类别|类别", v.choice(PlatformKind), True),
            _c("level", "平台级别|级别", v.choice(Level), True),
            _c("institution", "依托单位|单位", v.institution, True, rule=t.INSTITUTION_NAME),
            _c("fields", "领域", v.fields, aliases_en="field"),
            _c("established_on", "认定日期|批准日期|成立日期", v.past_date),
        ),
    ),
    "certifications": Format(
        "certifications",
        (
            _c("institution", "单位名称|单位|企业名称", v.institution, True, rule=t.INSTITUTION_NAME),
            _c("status", "认定类型|类型", v.choice(CertificationStatus), True),
            _c("certified_on", "认定日期|发证日期|登记日期", v.past_date, True),
            _c("valid_until", "有效期至|有效期截止", v.any_date),
            _c("certificate_no", "证书编号|登记编号", v.identifier, aliases_en="certificate"),
        ),
    ),
    "indicators": Format(
        "indicators",
        (
            _c("indicator", "指标|指标名称", v.choice(Indicator), True),
            _c("region", "地区", v.region, True),
            _c("year", "年度|年份", v.year_between(1990, 0), True),
            _c("amount", "金额", v.amount, True),
            _c("source", "数据来源|来源|报送单位", v.text, True, rule=t.NAME),
            _c("reported_on", "报送日期|发布日期", v.past_date, True),
        ),
    ),
}


def format_of(kind: str) -> Format:
    """The format of a kind of file; raise ValueError naming the kinds for an unknown one."""
    if kind not in FORMATS:
        raise ValueError(f"unknown kind of file {kind!r}; expected one of {', '.join(KINDS)}")
    return FORMATS[kind]  # type: ignore[index]
