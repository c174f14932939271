"""Pieces of names for generated institutions, projects, platforms and foreign experts."""

from __future__ import annotations

# Pieces of institution names.
TOWN_HEADS = "大小三双张王李石红青下上北南东西黄白马杨"
TOWN_TAILS = ("营", "沟", "庄", "台子", "湾", "店", "峪", "岭", "河", "家营", "甸子", "窝铺")
BRANDS = "鑫泰华宇恒达嘉盛瑞祥丰源宏远天成金鼎隆兴昌润安福中科博通新创永利德信凯旋广汇盛世"
INDUSTRIES = (
    ("钒钛科技", "vanadium-titanium"),
    ("新材料科技", "new-materials"),
    ("食品", "green-food-biomedicine"),
    ("生物科技", "green-food-biomedicine"),
    ("药业", "chinese-medicinal-herbs"),
    ("食用菌开发", "edible-fungi"),
    ("山楂饮品", "hawthorn"),
    ("马铃薯种业", "potato"),
    ("新能源", "new-energy"),
    ("清洁能源", "clean-energy"),
    ("信息技术", "information-technology"),
    ("数字科技", "digital-economy"),
    ("智能装备", "intelligent-manufacturing"),
    ("环保科技", "environmental-protection"),
    ("资源再生", "solid-waste-utilization"),
    ("文化旅游", "culture-tourism-wellness"),
    ("电力工程", "energy-power"),
    ("农业开发", "rural-revitalization"),
)
SCHOOL_KINDS = ("小学", "中学", "实验小学", "初级中学", "高级中学", "中心小学")
HOSPITAL_KINDS = ("人民医院", "中医院", "妇幼保健院", "中心卫生院", "第二医院", "医院")
GOVERNMENT_UNITS = (
    "农业农村局",
    "自然资源和规划局",
    "统计局",
    "审计局",
    "档案馆",
    "文化馆",
    "图书馆",
    "融媒体中心",
    "疾病预防控制中心",
    "林业和草原局",
    "水务局",
    "住房和城乡建设局",
    "农业技术推广中心",
    "畜牧工作站",
    "财政局",
    "科学技术局",
    "气象局",
)
TOWNSHIP_UNITS = ("农业综合服务站", "文化站", "财政所", "林业站", "畜牧兽医站", "水利站")
UNIVERSITY_SUBJECTS = (
    "医学",
    "师范",
    "石油",
    "应用技术",
    "护理",
    "旅游",
    "工业",
    "农林",
    "化工",
    "信息科技",
    "中医药",
    "材料",
    "能源",
    "科技",
    "财经",
    "体育",
)
INSTITUTE_SUBJECTS = (
    "农业科学",
    "林业科学",
    "钒钛材料",
    "中药材",
    "食用菌",
    "畜牧兽医",
    "水利",
    "环境科学",
    "智能制造",
    "能源",
    "数字经济",
    "生物技术",
)
OTHER_UNITS = ("山楂种植专业合作社", "食用菌专业合作社", "科学技术协会", "技术服务中心", "职业技能培训学校")

FOREIGN_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "US": (("John", "Michael", "David", "Sarah", "Emily", "Robert"), ("Smith", "Johnson", "Brown", "Miller")),
    "GB": (("James", "Oliver", "Charlotte", "William"), ("Taylor", "Evans", "Wilson", "Wright")),
    "DE": (("Hans", "Klaus", "Anna", "Stefan", "Julia"), ("Müller", "Schmidt", "Schneider", "Fischer")),
    "JP": (("Hiroshi", "Takeshi", "Yuki", "Kenji"), ("Tanaka", "Suzuki", "Sato", "Watanabe")),
    "KR": (("Min-jun", "Seo-yeon", "Ji-ho", "Hyun-woo"), ("Kim", "Lee", "Park", "Choi")),
    "RU": (("Ivan", "Dmitry", "Olga", "Sergei", "Natalia"), ("Petrov", "Ivanov", "Smirnov", "Volkov")),
    "FR": (("Pierre", "Marie", "Louis", "Camille"), ("Martin", "Bernard", "Dubois", "Laurent")),
    "IT": (("Marco", "Giulia", "Luca", "Francesca"), ("Rossi", "Russo", "Ferrari", "Bianchi")),
    "IL": (("David", "Noa", "Yosef", "Tamar"), ("Cohen", "Levi", "Mizrahi", "Peretz")),
    "NL": (("Daan", "Sanne", "Jan", "Eva"), ("de Jong", "Jansen", "de Vries", "Bakker")),
    "UA": (("Oleksandr", "Iryna", "Andriy", "Olena"), ("Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko")),
    "AU": (("Jack", "Chloe", "Liam", "Mia"), ("Williams", "Jones", "Walker", "White")),
    "CA": (("Ethan", "Olivia", "Noah", "Emma"), ("Tremblay", "Roy", "Gagnon", "Campbell")),
    "MN": (("Bat-Erdene", "Oyunchimeg", "Ganbold", "Sarnai"), ("Batbayar", "Enkhbold", "Dorj", "Bold")),
}
FEMALE_FOREIGN = frozenset(
    {
        "Sarah",
        "Emily",
        "Charlotte",
        "Anna",
        "Julia",
        "Yuki",
        "Seo-yeon",
        "Olga",
        "Natalia",
        "Marie",
        "Camille",
        "Giulia",
        "Francesca",
        "Noa",
        "Tamar",
        "Sanne",
        "Eva",
        "Iryna",
        "Olena",
        "Chloe",
        "Mia",
        "Olivia",
        "Emma",
        "Oyunchimeg",
        "Sarnai",
    }
)
VISIT_PROGRAMS = (
    "京津冀协同发展引智计划",
    "河北省高端外国专家引进计划",
    "国家外国专家项目",
    "承德市引智项目",
)
VISIT_PURPOSES = ("技术指导", "学术交流", "联合研发", "讲学培训", "项目合作洽谈")
PROJECT_SUFFIXES = (
    "关键技术研究与示范",
    "产业化应用研究",
    "高效栽培技术集成与推广",
    "绿色加工技术研发",
    "智能化改造与应用",
    "综合利用技术研究",
    "标准化体系建设",
)
