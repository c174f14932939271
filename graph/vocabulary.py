"""Every closed vocabulary of the registry, defined once: stable English codes with Chinese and English names.

Everything else derives from these enums: the GraphQL enums and their labels (server/common/enums.py),
what files may write for them (loaders/values.py `choice`, loaders/reference.py), the API's validation,
and the reference nodes migrations seed (title levels, series, institution types: graph/migrations.py).
A member's value is its code as stored in the graph; `zh` and `en` are its names; `spellings` are the
Chinese spellings import files use for it, the first the one written out (its Chinese name by default),
the others accepted too, as is the Chinese name.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self, TypeVar


def codes(vocabulary: type[StrEnum]) -> frozenset[str]:
    """The codes of a vocabulary, for checking a code given as text."""
    return frozenset(member.value for member in vocabulary)


class Term(StrEnum):
    """A member of a vocabulary: its stored code, its names, the spellings files use for it."""

    zh: str
    en: str
    spellings: tuple[str, ...]

    # The defaults only let a type checker accept `Vocabulary(code)`, which looks a member up by its code.
    def __new__(cls, code: str, zh: str = "", en: str = "", *spellings: str) -> Self:
        return _member(cls, code, zh, en, spellings)


T = TypeVar("T", bound=Term)


def _member(cls: type[T], code: str, zh: str, en: str, spellings: tuple[str, ...]) -> T:
    member = str.__new__(cls, code)
    member._value_ = code
    member.zh, member.en, member.spellings = zh, en, spellings or (zh,)
    return member


class Gender(Term):
    """Gender as recorded (性别)."""

    MALE = "MALE", "男", "Male", "男", "M"
    FEMALE = "FEMALE", "女", "Female", "女", "F"


class Degree(StrEnum):
    """Highest degree (学历学位)."""

    NONE = "NONE"
    ASSOCIATE = "ASSOCIATE"
    BACHELOR = "BACHELOR"
    MASTER = "MASTER"
    DOCTORATE = "DOCTORATE"


class TitleLevel(Term):
    """Title level (职称级别), highest first; `rank` orders them (5 = 正高级)."""

    rank: int

    def __new__(cls, code: str, zh: str = "", en: str = "", rank: int = 0, *spellings: str) -> Self:
        member = _member(cls, code, zh, en, spellings)
        member.rank = rank
        return member

    SENIOR = "SENIOR", "正高级", "Senior", 5, "正高级", "正高"
    DEPUTY_SENIOR = "DEPUTY_SENIOR", "副高级", "Deputy senior", 4, "副高级", "副高"
    INTERMEDIATE = "INTERMEDIATE", "中级", "Intermediate", 3
    ASSISTANT = "ASSISTANT", "助理级", "Assistant", 2
    JUNIOR = "JUNIOR", "员级", "Junior", 1


class TitleSeries(Term):
    """Title series (职称系列)."""

    ENGINEERING = "ENGINEERING", "工程", "Engineering"
    HEALTH = "HEALTH", "卫生", "Health"
    HIGHER_EDUCATION = "HIGHER_EDUCATION", "高校教师", "Higher education teaching"
    SCHOOL_TEACHING = "SCHOOL_TEACHING", "中小学教师", "Primary and secondary school teaching"
    AGRICULTURE = "AGRICULTURE", "农业", "Agriculture"
    ECONOMICS = "ECONOMICS", "经济", "Economics"
    ACCOUNTING = "ACCOUNTING", "会计", "Accounting"
    STATISTICS = "STATISTICS", "统计", "Statistics"
    AUDITING = "AUDITING", "审计", "Auditing"
    ARCHIVES = "ARCHIVES", "档案", "Archives"
    RESEARCH = "RESEARCH", "科学研究", "Scientific research"
    LABORATORY = "LABORATORY", "实验技术", "Laboratory technology"
    JOURNALISM = "JOURNALISM", "新闻", "Journalism"
    PUBLISHING = "PUBLISHING", "出版", "Publishing"
    TRANSLATION = "TRANSLATION", "翻译", "Translation"
    ARTS = "ARTS", "艺术", "Arts"
    LIBRARY = "LIBRARY", "图书资料", "Library and information"
    MASS_CULTURE = "MASS_CULTURE", "群众文化", "Mass culture"
    ARTS_AND_CRAFTS = "ARTS_AND_CRAFTS", "工艺美术", "Arts and crafts"
    SPORTS = "SPORTS", "体育", "Sports"
    TECHNICAL_SCHOOL_TEACHING = "TECHNICAL_SCHOOL_TEACHING", "技工院校教师", "Technical school teaching"


class InstitutionType(Term):
    """Kind of institution (单位类型)."""

    UNIVERSITY = "UNIVERSITY", "高校", "University", "高校", "大学", "学院"
    INSTITUTE = "INSTITUTE", "科研院所", "Research institute", "科研院所", "研究院"
    ENTERPRISE = "ENTERPRISE", "企业", "Enterprise"
    HOSPITAL = "HOSPITAL", "医院", "Hospital"
    SCHOOL = "SCHOOL", "中小学及职业学校", "School", "中小学及职业学校", "学校"
    GOVERNMENT = "GOVERNMENT", "机关事业单位", "Government or public institution"
    OTHER = "OTHER", "其他", "Other"


class Level(Term):
    """The level that recognised a team, platform or project."""

    NATIONAL = "NATIONAL", "国家级", "national"
    PROVINCIAL = "PROVINCIAL", "省级", "provincial"
    MUNICIPAL = "MUNICIPAL", "市级", "municipal"


class TeamOrigin(Term):
    """How a team came to the city: 引进 introduced from outside, 培育 cultivated locally."""

    INTRODUCED = "INTRODUCED", "引进", "introduced"
    CULTIVATED = "CULTIVATED", "培育", "cultivated"


class TeamStatus(Term):
    """Where a team registration stands: submitted → approved → recognized, or rejected (stored lower-case)."""

    SUBMITTED = "submitted", "已提交", "submitted", "已提交", "待审核"
    APPROVED = "approved", "审核通过", "approved", "已审核", "审核通过"
    RECOGNIZED = "recognized", "已认定", "recognized"
    REJECTED = "rejected", "未通过", "rejected", "未通过", "已驳回"


class TeamRole(Term):
    """A person's part in a team (stored lower-case)."""

    LEADER = "leader", "带头人", "leader"
    CORE = "core", "核心成员", "core member"
    MEMBER = "member", "成员", "member"


class ProjectKind(Term):
    """Kind of science and technology project (科技项目类别)."""

    CHALLENGE = "CHALLENGE", "揭榜挂帅", "Open competition for key projects"
    HORSE_RACE = "HORSE_RACE", "赛马制", "Parallel competing teams"
    NATIONAL = "NATIONAL", "国家级项目", "National project", "国家级"
    PROVINCIAL = "PROVINCIAL", "省级项目", "Provincial project", "省级"
    MUNICIPAL = "MUNICIPAL", "市级项目", "Municipal project", "市级"


class PlatformRole(Term):
    """A person's role at an R&D platform, as stored on ROLE_AT.role."""

    DIRECTOR = "director", "主任", "director"
    DEPUTY_DIRECTOR = "deputy_director", "副主任", "deputy director"
    CHIEF_SCIENTIST = "chief_scientist", "首席科学家", "chief scientist"
    RESEARCHER = "researcher", "研究人员", "researcher"
    ENGINEER = "engineer", "工程技术人员", "engineer"
    COMMITTEE_MEMBER = "committee_member", "学术委员会委员", "academic committee member"


class PlatformKind(Term):
    """Kind of innovation R&D platform (创新研发平台类别)."""

    TECH_INNOVATION_CENTER = "TECH_INNOVATION_CENTER", "技术创新中心", "technology innovation centre"
    INDUSTRIAL_TECH_INSTITUTE = "INDUSTRIAL_TECH_INSTITUTE", "产业技术研究院", "industrial technology institute"
    KEY_LAB = "KEY_LAB", "重点实验室", "key laboratory"
    ENGINEERING_CENTER = (
        "ENGINEERING_CENTER",
        "工程技术研究中心",
        "engineering research centre",
        "工程研究中心",
        "工程技术研究中心",
        "工程实验室",
    )
    ENTERPRISE_RD_CENTER = (
        "ENTERPRISE_RD_CENTER",
        "企业技术中心",
        "enterprise R&D centre",
        "企业技术中心",
        "企业研发中心",
    )


class ProjectParticipantRole(StrEnum):
    """How a person took part in a project."""

    LEADER = "LEADER"
    MEMBER = "MEMBER"


class Dimension(Term):
    """A dimension talent statistics can be grouped by (graph/stats/cubes.py)."""

    REGION = "REGION", "地区", "Region"
    TITLE_LEVEL = "TITLE_LEVEL", "职称级别", "Title level"
    TITLE_SERIES = "TITLE_SERIES", "职称系列", "Title series"
    GRANT_YEAR = "GRANT_YEAR", "取得年份", "Year granted"
    FIELD = "FIELD", "专业领域", "Field"
    INSTITUTION_TYPE = "INSTITUTION_TYPE", "单位类型", "Institution type"
    GENDER = "GENDER", "性别", "Gender"
    AGE_BAND = "AGE_BAND", "年龄段", "Age band"


class RegionKind(StrEnum):
    """Kind of region (graph/reference/regions.csv `kind`)."""

    PROVINCE = "PROVINCE"
    PROVINCE_LEVEL_CITY = "PROVINCE_LEVEL_CITY"
    PREFECTURE_CITY = "PREFECTURE_CITY"
    DISTRICT = "DISTRICT"
    COUNTY = "COUNTY"
    ZONE = "ZONE"


class CertificationStatus(Term):
    """A status an institution is certified with (认定), whose certificate runs for a term from its date."""

    HIGH_TECH = "HIGH_TECH", "高新技术企业", "High-tech enterprise"
    TECH_SME = "TECH_SME", "科技型中小企业", "Technology-based SME"
    PROVINCIAL_LEADER = "PROVINCIAL_LEADER", "省级科技领军企业", "Provincial technology leader enterprise"


class Indicator(Term):
    """A figure other offices report per year and region: in whole yuan (元), R&D intensity in basis points."""

    RD_EXPENDITURE = "RD_EXPENDITURE", "全社会研究与试验发展经费", "R&D expenditure"
    TECH_CONTRACT_VALUE = "TECH_CONTRACT_VALUE", "技术合同交易额", "Technology contract value"
    RD_INTENSITY = "RD_INTENSITY", "研发投入强度", "R&D intensity (R&D expenditure per GDP, in basis points)"


class MeasureKind(Term):
    """What a target's value is (graph/stats/progress.py)."""

    RUNNING_TOTAL = "RUNNING_TOTAL", "累计总数", "Running total"
    PER_YEAR = "PER_YEAR", "每年数量", "Count per year"
    GROWTH_RATE = "GROWTH_RATE", "年均增长率", "Average annual growth against the base year"
    AMOUNT = "AMOUNT", "年度金额", "Amount of money a year, in yuan"
    CERTIFIED = "CERTIFIED", "有效认定数", "Institutions holding a status valid on the day"
    REACH_PROVINCE = "REACH_PROVINCE", "达到全省平均水平", "A figure against the province's figure of the same year"
