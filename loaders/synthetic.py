"""Word lists and proportions behind the synthetic city written by `loaders.generate`."""

from __future__ import annotations

from graph.vocabulary import TitleLevel


def _shares(text: str) -> tuple[tuple[str, float], ...]:
    """Pairs of (name, share) from text written as "name share name share ..."."""
    words = text.split()
    return tuple((name, float(share)) for name, share in zip(words[::2], words[1::2], strict=True))


# Surnames with their approximate share of the population (percent), most common first.
SURNAMES = _shares("""
王 7.10 李 7.00 张 6.70 刘 5.40 陈 4.60 杨 3.10 黄 2.50 赵 2.20 吴 2.00 周 1.90 徐 1.50 孙 1.50
马 1.40 朱 1.30 胡 1.30 郭 1.20 何 1.20 林 1.10 高 1.10 罗 0.90 郑 0.90 梁 0.90 谢 0.80 宋 0.70
唐 0.70 许 0.70 韩 0.60 邓 0.60 冯 0.60 曹 0.60 彭 0.50 曾 0.50 肖 0.50 田 0.50 董 0.50 潘 0.50
袁 0.50 蔡 0.40 蒋 0.40 余 0.40 于 0.40 杜 0.40 叶 0.40 程 0.40 魏 0.40 苏 0.40 吕 0.40 丁 0.40
任 0.40 卢 0.30 姚 0.30 沈 0.30 钟 0.30 姜 0.30 崔 0.30 谭 0.30 陆 0.30 范 0.30 汪 0.30 廖 0.30
石 0.30 金 0.30 韦 0.30 贾 0.30 夏 0.20 付 0.20 方 0.20 邹 0.20 熊 0.20 白 0.20 孟 0.20 秦 0.20
邱 0.20 侯 0.20 江 0.20 尹 0.20 薛 0.20 闫 0.20 段 0.20 雷 0.20 龙 0.20 史 0.20 陶 0.20 贺 0.20
毛 0.20 郝 0.20 顾 0.20 龚 0.20 邵 0.20 万 0.20 武 0.20 钱 0.20 戴 0.10 严 0.10 孔 0.10 常 0.10
汤 0.10 康 0.10 乔 0.10 佟 0.05 关 0.05 那 0.02 欧阳 0.03 上官 0.01
""")
GIVEN_MALE = (
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳洋峰建国志海东亮成文博晨睿然轩泽宏振兴彬锋毅永春德"
)
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲燕萍红梅婷雪琳晶颖慧莉倩洁蕾璐欣怡佳悦彤涵雯琪月英兰凤薇茜晓丹瑶思梦雨"
EMAIL_DOMAINS = ("163.com", "126.com", "qq.com", "sina.com", "139.com", "foxmail.com")

# Title levels, highest first, and their share among Chengde's titled staff and among partner experts.
LEVELS = tuple(level.value for level in TitleLevel)
LEVEL_SHARE_CHENGDE = (3, 12, 40, 35, 10)
LEVEL_SHARE_PARTNERS = (12, 28, 40, 17, 3)
# Age at which each level is typically granted (inclusive range).
AGE_AT_GRANT = {
    "SENIOR": (40, 57),
    "DEPUTY_SENIOR": (33, 52),
    "INTERMEDIATE": (27, 45),
    "ASSISTANT": (22, 35),
    "JUNIOR": (20, 30),
}
GRANT_YEARS = tuple(range(2010, 2026))
GRANT_YEAR_WEIGHTS = tuple(1.0 if y < 2021 else 1.1 if y == 2025 else 2.2 for y in GRANT_YEARS)

# Share of people working in each type of institution, in Chengde and at Beijing/Tianjin partners.
PEOPLE_BY_TYPE_CHENGDE = {
    "SCHOOL": 38,
    "HOSPITAL": 22,
    "ENTERPRISE": 18,
    "GOVERNMENT": 15,
    "UNIVERSITY": 4,
    "INSTITUTE": 1.5,
    "OTHER": 1.5,
}
PEOPLE_BY_TYPE_PARTNERS = {"UNIVERSITY": 35, "INSTITUTE": 25, "ENTERPRISE": 25, "HOSPITAL": 15}
# Share of institutions of each type (enterprises are many and small, schools many and larger).
INSTITUTIONS_BY_TYPE_CHENGDE = {
    "ENTERPRISE": 55,
    "SCHOOL": 24,
    "GOVERNMENT": 10,
    "HOSPITAL": 6,
    "OTHER": 3,
    "INSTITUTE": 1.5,
    "UNIVERSITY": 0.15,
}
INSTITUTIONS_BY_TYPE_PARTNERS = {"UNIVERSITY": 15, "ENTERPRISE": 50, "INSTITUTE": 20, "HOSPITAL": 15}
# Where Chengde's institutions are: weighted toward the city centre, 双桥区.
CHENGDE_REGION_WEIGHTS = {
    "130802": 30,
    "130803": 8,
    "130804": 3,
    "130821": 7,
    "130822": 7,
    "130824": 7,
    "130825": 7,
    "130826": 7,
    "130827": 6,
    "130828": 7,
    "130881": 7,
    "130871": 3,
    "130872": 1,
}
PARTNER_REGIONS = {"110000": 2, "120000": 1}
PARTNER_SHARE = 0.15
# Birthplace codes used in identity numbers of people from outside Chengde.
BIRTHPLACES_BEIJING = ("110101", "110102", "110105", "110106", "110108", "110114")
BIRTHPLACES_TIANJIN = ("120101", "120102", "120103", "120104", "120116")
BIRTHPLACES_ELSEWHERE = ("130102", "130203", "130602", "150102", "210102", "220102", "370102", "410102")

SERIES_BY_TYPE: dict[str, dict[str, float]] = {
    "SCHOOL": {
        "SCHOOL_TEACHING": 88,
        "TECHNICAL_SCHOOL_TEACHING": 4,
        "ACCOUNTING": 3,
        "LABORATORY": 2,
        "LIBRARY": 2,
        "SPORTS": 1,
    },
    "HOSPITAL": {"HEALTH": 92, "ACCOUNTING": 3, "ENGINEERING": 2, "ECONOMICS": 2, "ARCHIVES": 1},
    "ENTERPRISE": {
        "ENGINEERING": 60,
        "ECONOMICS": 15,
        "ACCOUNTING": 15,
        "AGRICULTURE": 4,
        "STATISTICS": 2,
        "ARTS_AND_CRAFTS": 2,
        "TRANSLATION": 1,
        "LABORATORY": 1,
    },
    "GOVERNMENT": {
        "AGRICULTURE": 30,
        "ENGINEERING": 15,
        "ECONOMICS": 10,
        "ACCOUNTING": 8,
        "STATISTICS": 6,
        "AUDITING": 5,
        "ARCHIVES": 5,
        "JOURNALISM": 5,
        "MASS_CULTURE": 6,
        "LIBRARY": 4,
        "ARTS": 3,
        "PUBLISHING": 1,
        "HEALTH": 2,
    },
    "UNIVERSITY": {
        "HIGHER_EDUCATION": 75,
        "LABORATORY": 10,
        "RESEARCH": 5,
        "LIBRARY": 4,
        "ACCOUNTING": 3,
        "ARCHIVES": 1,
        "ENGINEERING": 2,
    },
    "INSTITUTE": {"RESEARCH": 45, "AGRICULTURE": 25, "ENGINEERING": 20, "LABORATORY": 10},
    "OTHER": {
        "AGRICULTURE": 30,
        "ECONOMICS": 20,
        "ENGINEERING": 20,
        "ARTS": 10,
        "ACCOUNTING": 10,
        "TRANSLATION": 5,
        "SPORTS": 5,
    },
}

# Title names by series, highest level first; "" where a series has no title at that level.
TITLE_NAMES: dict[str, tuple[str, ...]] = {
    "ENGINEERING": ("正高级工程师", "高级工程师", "工程师", "助理工程师", "技术员"),
    "HEALTH": ("主任医师", "副主任医师", "主治医师", "医师", "医士"),
    "SCHOOL_TEACHING": ("正高级教师", "高级教师", "一级教师", "二级教师", "三级教师"),
    "HIGHER_EDUCATION": ("教授", "副教授", "讲师", "助教", ""),
    "AGRICULTURE": ("正高级农艺师", "高级农艺师", "农艺师", "助理农艺师", "农业技术员"),
    "ECONOMICS": ("正高级经济师", "高级经济师", "经济师", "助理经济师", ""),
    "ACCOUNTING": ("正高级会计师", "高级会计师", "会计师", "助理会计师", ""),
    "STATISTICS": ("正高级统计师", "高级统计师", "统计师", "助理统计师", ""),
    "AUDITING": ("正高级审计师", "高级审计师", "审计师", "助理审计师", ""),
    "ARCHIVES": ("研究馆员", "副研究馆员", "馆员", "助理馆员", "管理员"),
    "RESEARCH": ("研究员", "副研究员", "助理研究员", "研究实习员", ""),
    "LABORATORY": ("正高级实验师", "高级实验师", "实验师", "助理实验师", "实验员"),
    "JOURNALISM": ("高级记者", "主任记者", "记者", "助理记者", ""),
    "PUBLISHING": ("编审", "副编审", "编辑", "助理编辑", ""),
    "TRANSLATION": ("译审", "副译审", "翻译", "助理翻译", ""),
    "ARTS": ("一级演员", "二级演员", "三级演员", "四级演员", ""),
    "LIBRARY": ("研究馆员", "副研究馆员", "馆员", "助理馆员", "管理员"),
    "MASS_CULTURE": ("研究馆员", "副研究馆员", "馆员", "助理馆员", "管理员"),
    "ARTS_AND_CRAFTS": ("正高级工艺美术师", "高级工艺美术师", "工艺美术师", "助理工艺美术师", "工艺美术员"),
    "SPORTS": ("国家级教练", "高级教练", "中级教练", "初级教练", ""),
    "TECHNICAL_SCHOOL_TEACHING": ("正高级讲师", "高级讲师", "讲师", "助理讲师", ""),
}

# Fields a person of each series is likely to work in (codes of graph/reference/fields.csv).
FIELDS_BY_SERIES: dict[str, tuple[str, ...]] = {
    "ENGINEERING": (
        "vanadium-titanium",
        "new-materials",
        "intelligent-manufacturing",
        "new-energy",
        "clean-energy",
        "solid-waste-utilization",
        "energy-power",
        "information-technology",
        "environmental-protection",
        "carbon-peak-neutrality",
    ),
    "HEALTH": ("green-food-biomedicine", "chinese-medicinal-herbs", "culture-tourism-wellness"),
    "AGRICULTURE": (
        "edible-fungi",
        "hawthorn",
        "potato",
        "chinese-medicinal-herbs",
        "rural-revitalization",
        "green-food-biomedicine",
    ),
    "RESEARCH": (
        "vanadium-titanium",
        "new-materials",
        "edible-fungi",
        "chinese-medicinal-herbs",
        "carbon-peak-neutrality",
        "information-technology",
    ),
    "HIGHER_EDUCATION": (
        "information-technology",
        "digital-economy",
        "new-materials",
        "green-food-biomedicine",
        "culture-tourism-wellness",
        "intelligent-manufacturing",
        "blockchain",
    ),
    "ECONOMICS": ("digital-economy", "culture-tourism-wellness", "rural-revitalization"),
}
FIELDS_ANY = (
    "digital-economy",
    "information-technology",
    "culture-tourism-wellness",
    "rural-revitalization",
    "environmental-protection",
)
