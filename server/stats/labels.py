"""Names of statistics keys (region, level, series…) in Chinese and English, for rows, charts and exports."""

from __future__ import annotations

from graph.stats.spans import AGE_BANDS
from graph.taxonomy import Tree
from server.common.enums import InstitutionType, Label, TitleLevel, TitleSeries, label_of

DIMENSION_LABELS = {
    "REGION": Label(zh="地区", en="Region"),
    "TITLE_LEVEL": Label(zh="职称级别", en="Title level"),
    "TITLE_SERIES": Label(zh="职称系列", en="Title series"),
    "GRANT_YEAR": Label(zh="取得年份", en="Year granted"),
    "FIELD": Label(zh="专业领域", en="Field"),
    "INSTITUTION_TYPE": Label(zh="单位类型", en="Institution type"),
    "GENDER": Label(zh="性别", en="Gender"),
    "AGE_BAND": Label(zh="年龄段", en="Age band"),
}

NOT_RECORDED = Label(zh="未填写", en="Not recorded")

_FIXED: dict[str, dict[str, Label]] = {
    "TITLE_LEVEL": {member.value: label_of(member) for member in TitleLevel},
    "TITLE_SERIES": {member.value: label_of(member) for member in TitleSeries},
    "INSTITUTION_TYPE": {member.value: label_of(member) for member in InstitutionType},
    "GENDER": {"MALE": Label(zh="男", en="Male"), "FEMALE": Label(zh="女", en="Female")},
    "AGE_BAND": {code: Label(zh=zh, en=en) for code, zh, en, _ in AGE_BANDS},
}


def key_label(dimension: str, key: str, regions: Tree, fields: Tree | None) -> Label:
    """The names of one key of a dimension ('' is "not recorded"); `fields` is needed for FIELD only."""
    if key == "":
        return NOT_RECORDED
    if dimension in ("REGION", "FIELD"):
        tree = regions if dimension == "REGION" else fields
        assert tree is not None, "grouping by FIELD needs the field tree"
        node = tree.nodes.get(key)
        return Label(zh=node["name"], en=node.get("nameEn") or node["name"]) if node else Label(zh=key, en=key)
    if dimension == "GRANT_YEAR":
        return Label(zh=f"{key}年", en=key)
    return _FIXED[dimension].get(key, Label(zh=key, en=key))
