"""Text rules: lengths and refused characters for every kind of string, and the schema's use of them."""

from __future__ import annotations

import pytest
from graphql import GraphQLInputObjectType, GraphQLNonNull, GraphQLObjectType, GraphQLUnionType, get_named_type

from graph import text as t
from graph.errors import InvalidInput, InvalidValue
from server.common.text_inputs import RULES
from server.schema import schema

REFUSED = {
    "NUL": "\x00",
    "BEL": "\x07",
    "escape": "\x1b",
    "DEL": "\x7f",
    "C1 control": "\x85",
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "first-strong isolate": "\u2068",
    "pop directional isolate": "\u2069",
    "right-to-left mark": "\u200f",
    "zero-width space": "\u200b",
    "byte-order mark": "\ufeff",
    "line separator": "\u2028",
    "unpaired surrogate": "\ud800",
    "noncharacter": "\uffff",
    "tab": "\t",
    "line feed": "\n",
}


@pytest.mark.parametrize("char", REFUSED.values(), ids=REFUSED.keys())
def test_names_refuse_controls_format_characters_and_surrogates(char: str) -> None:
    problem = t.PERSON_NAME.problem(f"张{char}伟")
    assert problem is not None and f"U+{ord(char):04X}" in problem[0] and "第2个字符" in problem[1]


@pytest.mark.parametrize(
    "name", ["张伟", "欧阳 娜娜", "买买提·艾力", "O'Brien-Smith", "José Müller", "김민준", "田中　太郎", "\ue000字"]
)
def test_names_keep_chinese_other_scripts_punctuation_and_ideographic_spaces(name: str) -> None:
    assert t.PERSON_NAME.check(name) == name


def test_joiners_that_scripts_need_are_allowed() -> None:
    assert t.NAME.problem("می\u200cخواهم") is None and t.NAME.problem("👩\u200d🔬") is None


def test_free_text_alone_keeps_line_breaks_and_tabs() -> None:
    assert t.FREE_TEXT.problem("第一行\n第二行\r\n\t缩进") is None
    assert t.FREE_TEXT.problem("铃\x07") is not None
    assert t.NAME.problem("第一行\n第二行") is not None


def test_every_kind_has_a_length_limit_counted_in_characters() -> None:
    assert t.PERSON_NAME.problem("张" * 50) is None
    en, zh = t.PERSON_NAME.problem("张" * 51) or ("", "")
    assert "at most 50 characters (51 given)" in en and "不能超过50个字符" in zh
    assert t.SEARCH_QUERY.problem("x" * 300_000) is not None
    kinds = [rule for rule in vars(t).values() if isinstance(rule, t.TextRule)]
    assert all(0 < rule.max_length <= 2000 for rule in kinds)


def test_codes_and_identifiers_have_a_shape() -> None:
    assert t.CODE.problem("new-materials") is None and t.CODE.problem(" 130800 ") is None
    assert t.CODE.problem("a b") == (
        "a code is letters and digits, with . _ or - between them",
        "代码应为字母和数字(可含 . _ -)",
    )
    assert t.IDENTIFIER.problem("HB-2023/001") is None and t.IDENTIFIER.problem("HB 2023") is not None
    assert t.IDENTIFIER.problem("") is None  # an empty id names no record: the domain says NotFound
    assert t.CURSOR.problem("WyJ6aGFuZyIsICJwMSJd") is None and t.CURSOR.problem("x' OR 1=1") is not None


def test_check_raises_the_loaders_error_and_check_field_the_apis_naming_the_field() -> None:
    with pytest.raises(InvalidValue):
        t.EMAIL.check("a" * 300)
    with pytest.raises(InvalidInput) as raised:
        t.EMAIL.check_field("a" * 300, "members[1].email")
    assert raised.value.field == "members[1].email" and raised.value.message.startswith("members[1].email: ")


def test_a_cell_reads_its_blanks_as_spaces_but_still_refuses_controls() -> None:
    assert t.PERSON_NAME.check_cell("张\t伟\n") == "张 伟"
    with pytest.raises(InvalidValue):
        t.PERSON_NAME.check_cell("张\x00伟")


def _string_coordinates() -> tuple[set[str], set[str]]:
    """Every String or ID argument and input field of the schema, and the fields with such arguments that
    are not on Query or Mutation."""
    coordinates: set[str] = set()
    nested: set[str] = set()

    def takes_text(type_: object) -> bool:
        return getattr(get_named_type(type_), "name", "") in ("String", "ID")

    for name, type_ in schema._schema.type_map.items():
        if name.startswith("__"):
            continue
        if isinstance(type_, GraphQLInputObjectType):
            coordinates |= {f"{name}.{field}" for field, d in type_.fields.items() if takes_text(d.type)}
        if isinstance(type_, GraphQLObjectType):
            for field, definition in type_.fields.items():
                for argument, d in definition.args.items():
                    if takes_text(d.type):
                        coordinates.add(f"{name}.{field}({argument}:)")
                        if name not in ("Query", "Mutation"):
                            nested.add(f"{name}.{field}")
                    elif isinstance(get_named_type(d.type), GraphQLInputObjectType) and name not in (
                        "Query",
                        "Mutation",
                    ):
                        nested.add(f"{name}.{field}")
    return coordinates, nested


def test_every_string_argument_and_input_field_of_the_schema_has_a_rule() -> None:
    coordinates, nested = _string_coordinates()
    assert sorted(coordinates - RULES.keys()) == [], "add a rule to server/common/text_inputs.py RULES"
    assert sorted(RULES.keys() - coordinates) == [], "RULES names a coordinate the schema no longer has"
    # The rules are checked by an extension on the root fields: a nested field taking text would escape it.
    assert nested == set()


def test_every_mutation_that_takes_text_can_answer_with_an_invalid_input_error() -> None:
    mutation = schema._schema.mutation_type
    assert mutation is not None
    coordinates, _ = _string_coordinates()
    for name, field in mutation.fields.items():
        result = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
        assert isinstance(result, GraphQLUnionType), name
        assert "InvalidInputError" in {member.name for member in result.types}, name
    assert any(c.startswith("Mutation.") for c in coordinates)
