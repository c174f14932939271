"""Reference data, enums and the statement files agree with each other."""

from __future__ import annotations

import re

from cypher import STATEMENTS, split_statements
from graph.migrations import read_reference
from graph.names import pinyin_initials, pinyin_of
from server.common.enums import InstitutionType, TitleLevel, TitleSeries


def test_every_statement_file_says_what_it_answers() -> None:
    for name, text in STATEMENTS.items():
        assert text.lstrip().startswith("//"), f"cypher/{name}.cypher should open with a comment"


def test_statements_take_parameters_never_formatted_values() -> None:
    for name, text in STATEMENTS.items():
        assert not re.search(r"\{[a-z_]+\}(?!\s*\})", text.replace("{}", "")) or "CALL" in text, name
        assert "%s" not in text and "format(" not in text, name


def test_migrations_split_into_single_statements() -> None:
    parts = split_statements(STATEMENTS["migrations/0001_constraints"])
    assert all(part.startswith("CREATE CONSTRAINT") for part in parts) and len(parts) >= 15


def test_enums_match_the_reference_data() -> None:
    assert [m.value for m in TitleLevel] == [r["code"] for r in read_reference("title_levels")]
    assert [m.value for m in TitleSeries] == [r["code"] for r in read_reference("title_series")]
    assert [m.value for m in InstitutionType] == [r["code"] for r in read_reference("institution_types")]


def test_reference_regions_are_chengde_and_its_counties() -> None:
    regions = {r["code"]: r for r in read_reference("regions")}
    under_chengde = [code for code, r in regions.items() if r["parent"] == "130800"]
    assert len(under_chengde) == 13  # 3 districts, 8 counties and county-level cities, 2 zones
    assert regions["130881"]["name"] == "平泉市" and regions["130802"]["name"] == "双桥区"


def test_fields_named_by_the_plan_are_all_there() -> None:
    names = {r["name"] for r in read_reference("fields")}
    for name in (
        "钒钛新材料",
        "新材料",
        "食用菌",
        "山楂",
        "马铃薯",
        "中药材",
        "固废资源利用",
        "数字经济",
        "文旅康养",
        "智能制造",
        "新能源",
        "清洁能源",
        "碳达峰碳中和",
        "区块链",
        "能源动力",
        "信息技术",
        "绿色食品及生物医药",
        "环境保护",
        "乡村振兴",
    ):
        assert name in names


def test_pinyin_of_names() -> None:
    assert pinyin_of("张伟") == "zhang wei" and pinyin_initials("张伟") == "zw"


def test_every_statement_the_code_names_exists() -> None:
    """A statement named in code but missing from cypher/ fails only when that code path runs."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folders = {name.split("/")[0] for name in STATEMENTS}
    alternatives = "|".join(sorted(folders))
    pattern = re.compile(rf"""["']((?:{alternatives})/[a-z0-9_/]+)["']""")
    missing = []
    for package in ("graph", "server", "loaders", "bench"):
        for source in sorted((root / package).rglob("*.py")):
            for match in pattern.finditer(source.read_text(encoding="utf-8")):
                name = match.group(1)
                if name not in STATEMENTS and not any(key.startswith(name) for key in STATEMENTS):
                    missing.append(f"{source.relative_to(root)}: {name}")
    assert not missing, missing
