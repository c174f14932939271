"""What the demo city is made of: its named institutions, each county's industries, and research topics.

Institutions are written one a line as `name type region fields size`: fields are codes of
graph/reference/fields.csv joined by commas (`-` for none); size is the share of its type's people in
its area it draws. The names the plan itself gives (承德医学院, 河北石油职业技术大学, 承德市农林科学院,
河钢集团承钢公司, 塞罕坝机械林场, 中国科学院, 北京市农林科学院, 中国农科院, 天津市农科院…) are used as the
plan uses them; loaders/generate_demo.py marks every name as the demo's (`（演示）`).
"""

from __future__ import annotations

from typing import NamedTuple

#: What every id the demo writes starts with, and every name of its institutions ends with.
DEMO_PREFIX = "DEMO-"
DEMO_MARK = "（演示）"


class InstitutionSpec(NamedTuple):
    """A named institution of the demo city."""

    name: str
    type: str
    region: str
    fields: tuple[str, ...]
    size: float


def _specs(text: str) -> tuple[InstitutionSpec, ...]:
    specs = []
    for line in text.strip().splitlines():
        name, kind, region, fields, size = line.split()
        specs.append(
            InstitutionSpec(name, kind, region, tuple(fields.split(",")) if fields != "-" else (), float(size))
        )
    return tuple(specs)


# Chengde's own: the plan's universities, institutes and flagship enterprise, the city's hospitals,
# schools and bureaus (in 双桥区 unless said otherwise), the Sustainable Development Institute of item 1.
CHENGDE_NAMED = _specs("""
承德医学院 UNIVERSITY 130802 green-food-biomedicine,chinese-medicinal-herbs 6
河北石油职业技术大学 UNIVERSITY 130802 energy-power,intelligent-manufacturing,carbon-peak-neutrality 5
河北民族师范学院 UNIVERSITY 130802 digital-economy,culture-tourism-wellness,information-technology 5
承德应用技术职业学院 UNIVERSITY 130871 culture-tourism-wellness,intelligent-manufacturing,new-energy 3
承德市农林科学院 INSTITUTE 130802 edible-fungi,hawthorn,potato,chinese-medicinal-herbs 5
承德可持续发展研究院 INSTITUTE 130871 carbon-peak-neutrality,environmental-protection,solid-waste-utilization 3
承德钒钛新材料产业技术研究院 INSTITUTE 130803 vanadium-titanium,new-materials 3
平泉市食用菌研究所 INSTITUTE 130881 edible-fungi 2
承德县中药材研究所 INSTITUTE 130821 chinese-medicinal-herbs 2
河钢集团承钢公司 ENTERPRISE 130803 vanadium-titanium,new-materials,solid-waste-utilization 12
承德医学院附属医院 HOSPITAL 130802 green-food-biomedicine,chinese-medicinal-herbs 10
承德市中心医院 HOSPITAL 130802 green-food-biomedicine 8
承德市中医院 HOSPITAL 130802 chinese-medicinal-herbs 5
承德市妇幼保健院 HOSPITAL 130802 - 3
承德市第一中学 SCHOOL 130802 - 5
承德市第二中学 SCHOOL 130802 - 4
承德市民族中学 SCHOOL 130802 - 3
承德市实验小学 SCHOOL 130802 - 3
承德市工业学校 SCHOOL 130803 intelligent-manufacturing 2
承德市科学技术局 GOVERNMENT 130802 digital-economy 2
承德市人力资源和社会保障局 GOVERNMENT 130802 - 2
承德市农业农村局 GOVERNMENT 130802 rural-revitalization 3
承德市生态环境局 GOVERNMENT 130802 environmental-protection 2
塞罕坝机械林场 GOVERNMENT 130828 environmental-protection,carbon-peak-neutrality 4
承德市生产力促进中心 OTHER 130802 digital-economy,information-technology 2
承德市科学技术协会 OTHER 130802 - 1
""")

# Beijing's and Tianjin's: the partners the plan names (item 18), and universities and firms of the
# fields Chengde's industries need.
PARTNERS_NAMED = _specs("""
中国科学院过程工程研究所 INSTITUTE 110000 vanadium-titanium,new-materials,solid-waste-utilization 6
中国农业科学院蔬菜花卉研究所 INSTITUTE 110000 potato,edible-fungi 4
北京市农林科学院 INSTITUTE 110000 edible-fungi,hawthorn,rural-revitalization 5
中国中医科学院中药研究所 INSTITUTE 110000 chinese-medicinal-herbs 3
北京科技大学 UNIVERSITY 110000 vanadium-titanium,new-materials,intelligent-manufacturing 6
北京中医药大学 UNIVERSITY 110000 chinese-medicinal-herbs,green-food-biomedicine 5
华北电力大学 UNIVERSITY 110000 energy-power,new-energy,clean-energy,carbon-peak-neutrality 5
北京工业大学 UNIVERSITY 110000 information-technology,blockchain,environmental-protection 5
中国农业大学 UNIVERSITY 110000 potato,rural-revitalization,green-food-biomedicine 5
北京林业大学 UNIVERSITY 110000 environmental-protection,carbon-peak-neutrality,culture-tourism-wellness 4
北京中医药大学东直门医院 HOSPITAL 110000 chinese-medicinal-herbs,green-food-biomedicine 4
天津市农业科学院 INSTITUTE 120000 potato,edible-fungi,rural-revitalization 5
天津大学 UNIVERSITY 120000 new-materials,intelligent-manufacturing,information-technology 6
天津科技大学 UNIVERSITY 120000 green-food-biomedicine,hawthorn 4
天津中医药大学 UNIVERSITY 120000 chinese-medicinal-herbs 4
天津中医药大学第一附属医院 HOSPITAL 120000 chinese-medicinal-herbs 4
""")

# The industries of each county's and zone's enterprises (the plan's "1+2" county industries), as
# (what the firm's name says, its field); a firm's name is `<place><brand><industry>有限公司`.
COUNTY_INDUSTRIES: dict[str, tuple[tuple[str, str], ...]] = {
    "130802": (
        ("数字科技", "digital-economy"),
        ("文化旅游", "culture-tourism-wellness"),
        ("信息技术", "information-technology"),
    ),
    "130803": (
        ("钒钛科技", "vanadium-titanium"),
        ("新材料科技", "new-materials"),
        ("资源再生", "solid-waste-utilization"),
    ),
    "130804": (("矿业", "solid-waste-utilization"), ("新型建材", "new-materials")),
    "130821": (("药业", "chinese-medicinal-herbs"), ("生态农业", "rural-revitalization")),
    "130822": (("山楂食品", "hawthorn"), ("山楂饮品", "hawthorn"), ("文化旅游", "culture-tourism-wellness")),
    "130824": (("新能源", "new-energy"), ("食用菌开发", "edible-fungi"), ("农业开发", "rural-revitalization")),
    "130825": (("绿色食品", "green-food-biomedicine"), ("中药材种植", "chinese-medicinal-herbs")),
    "130826": (("马铃薯种业", "potato"), ("风电", "clean-energy"), ("抽水蓄能", "energy-power")),
    "130827": (("钒钛矿业", "vanadium-titanium"), ("板栗食品", "green-food-biomedicine")),
    "130828": (("马铃薯种业", "potato"), ("食用菌开发", "edible-fungi"), ("生态旅游", "culture-tourism-wellness")),
    "130881": (("食用菌开发", "edible-fungi"), ("活性炭", "environmental-protection"), ("菌业", "edible-fungi")),
    "130871": (
        ("智能装备", "intelligent-manufacturing"),
        ("信息技术", "information-technology"),
        ("区块链科技", "blockchain"),
        ("生物科技", "green-food-biomedicine"),
        ("新材料科技", "new-materials"),
        ("节能科技", "carbon-peak-neutrality"),
    ),
    "130872": (("草原旅游", "culture-tourism-wellness"), ("牧业", "rural-revitalization")),
}
PARTNER_INDUSTRIES: dict[str, tuple[tuple[str, str], ...]] = {
    "110000": (
        ("数字科技", "digital-economy"),
        ("区块链技术", "blockchain"),
        ("智能装备", "intelligent-manufacturing"),
        ("环保科技", "environmental-protection"),
        ("新能源科技", "new-energy"),
        ("生物医药", "green-food-biomedicine"),
    ),
    "120000": (
        ("新材料科技", "new-materials"),
        ("智能制造", "intelligent-manufacturing"),
        ("清洁能源", "clean-energy"),
        ("食品科技", "green-food-biomedicine"),
    ),
}
#: How places start the names of their firms: 承德 for the city's districts and 承德县, else the county.
PLACE_SHORT = {
    "130802": "承德",
    "130803": "承德",
    "130804": "营子",
    "130821": "承德",
    "130822": "兴隆",
    "130824": "滦平",
    "130825": "隆化",
    "130826": "丰宁",
    "130827": "宽城",
    "130828": "围场",
    "130881": "平泉",
    "130871": "承德",
    "130872": "御道口",
    "110000": "北京",
    "120000": "天津",
}

# Research topics of each field: names of teams, projects and platforms.
TOPICS: dict[str, tuple[str, ...]] = {
    "vanadium-titanium": (
        "钒钛磁铁矿综合利用",
        "钒电池储能材料",
        "含钒微合金钢",
        "钛白粉清洁生产",
        "钒钛资源高值化利用",
    ),
    "new-materials": ("高性能合金材料", "新型绿色建材", "功能陶瓷材料", "高端耐磨材料"),
    "green-food-biomedicine": (
        "杏仁蛋白饮品工艺",
        "功能性绿色食品",
        "生物医药成果转化",
        "特色农产品精深加工",
        "承德板栗保鲜",
    ),
    "edible-fungi": ("食用菌菌种选育", "香菇工厂化栽培", "菌渣综合利用", "食用菌精深加工"),
    "hawthorn": ("山楂品种改良", "山楂精深加工", "山楂功能食品开发", "山楂标准化种植"),
    "potato": ("马铃薯脱毒种薯繁育", "马铃薯主食化加工", "马铃薯晚疫病绿色防控", "马铃薯全程机械化"),
    "chinese-medicinal-herbs": ("热河黄芩规范化种植", "道地中药材质量追溯", "北苍术种质资源保护", "中药饮片炮制工艺"),
    "energy-power": ("抽水蓄能电站运行", "智能电网调度", "高效节能电机", "分布式能源站"),
    "new-energy": ("风光储一体化", "光伏发电效率提升", "氢能储运应用", "新能源汽车动力电池"),
    "clean-energy": ("清洁供暖", "生物质能利用", "地热能开发", "农村清洁能源"),
    "environmental-protection": (
        "滦河流域水生态保护",
        "京津水源涵养区生态修复",
        "塞罕坝森林生态监测",
        "矿山生态修复",
    ),
    "solid-waste-utilization": ("尾矿综合利用", "冶金固废资源化", "建筑垃圾再生利用", "钢渣微粉制备"),
    "carbon-peak-neutrality": ("森林碳汇计量", "工业园区低碳改造", "碳排放在线监测", "钢铁行业减污降碳"),
    "information-technology": ("工业互联网平台", "智慧医疗信息系统", "政务大数据治理", "5G行业应用"),
    "digital-economy": ("智慧旅游服务", "农产品电子商务", "数字乡村治理", "中小企业数字化转型"),
    "blockchain": ("农产品区块链溯源", "区块链供应链金融", "区块链电子证照"),
    "intelligent-manufacturing": ("钒钛产品智能生产线", "机器人焊接", "智能仓储装备", "数控机床再制造"),
    "culture-tourism-wellness": ("避暑山庄文化旅游", "森林康养", "冰雪旅游", "温泉康养", "满族民俗文化传承"),
    "rural-revitalization": ("乡村特色产业振兴", "特色农产品品牌建设", "京津冀菜篮子工程", "坝上生态农业"),
}
PROJECT_SUFFIXES = (
    "关键技术研究与示范",
    "产业化应用研究",
    "技术集成与推广",
    "中试与产业化",
    "标准体系建设",
    "协同攻关",
    "示范基地建设",
    "成果转化与推广",
)
#: Team names: `<topic><kind>`.
TEAM_KINDS = ("创新团队", "科技创新团队", "创新创业团队")
