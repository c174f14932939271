"""Reference data, enums and the statement files agree with each other."""

from __future__ import annotations

import re

import pytest

from cypher import STATEMENTS, split_statements
from graph.identity import check_credit_code, check_id_number, credit_check_char, hash_id_number, id_check_char
from graph.errors import InvalidInput
from graph.migrations import read_reference
from graph.names import pinyin_initials, pinyin_of
from server.common.enums import InstitutionType, TitleLevel, TitleSeries

pytestmark = pytest.mark.unit


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
    for name in ("钒钛新材料", "新材料", "食用菌", "山楂", "马铃薯", "中药材", "固废资源利用", "数字经济", "文旅康养",
                 "智能制造", "新能源", "清洁能源", "碳达峰碳中和", "区块链", "能源动力", "信息技术",
                 "绿色食品及生物医药", "环境保护", "乡村振兴"):
        assert name in names


def test_identity_numbers_are_checked() -> None:
    first17 = "13080219800101123"
    number = first17 + id_check_char(first17)
    info = check_id_number(number)
    assert info.birth_date.isoformat() == "1980-01-01" and info.gender == "MALE"
    assert check_id_number("11010519491231002X").gender == "FEMALE"
    for bad in ("123", first17 + ("0" if number[-1] != "0" else "1"), "13080219801301123" + "X"):
        with pytest.raises(InvalidInput):
            check_id_number(bad)


def test_identity_hash_is_salted_and_normalised() -> None:
    assert hash_id_number("11010519491231002x", "a") == hash_id_number("11010519491231002X", "a")
    assert hash_id_number("11010519491231002X", "a") != hash_id_number("11010519491231002X", "b")


def test_credit_codes_are_checked() -> None:
    first17 = "91130800MA0A1B2C3"
    code = first17 + credit_check_char(first17)
    assert check_credit_code(code.lower()) == code
    with pytest.raises(InvalidInput):
        check_credit_code(first17 + ("0" if code[-1] != "0" else "1"))
    with pytest.raises(InvalidInput):
        check_credit_code("91130800MA0A1B2CIO")


def test_pinyin_of_names() -> None:
    assert pinyin_of("张伟") == "zhang wei" and pinyin_initials("张伟") == "zw"
