"""Names of statistics keys (region, level, series…) in Chinese and English, for rows, charts and exports."""

from __future__ import annotations

from graph.stats.spans import AGE_BANDS
from graph.taxonomy import Tree
from server.common.enums import Gender, InstitutionType, Label, StatsDimension, TitleLevel, TitleSeries, label_of

DIMENSION_LABELS = {dimension.value: label_of(dimension) for dimension in StatsDimension}

NOT_RECORDED = Label(zh="未填写", en="Not recorded")

_FIXED: dict[str, dict[str, Label]] = {
    "TITLE_LEVEL": {member.value: label_of(member) for member in TitleLevel},
    "TITLE_SERIES": {member.value: label_of(member) for member in TitleSeries},
    "INSTITUTION_TYPE": {member.value: label_of(member) for member in InstitutionType},
    "GENDER": {member.value: label_of(member) for member in Gender},
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
