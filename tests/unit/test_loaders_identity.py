"""Identity numbers (GB 11643-1999), credit codes (GB 32100-2015) and the salted identity hash."""

from datetime import date

import pytest

from graph.countries import check_country, chinese_name, country_code
from graph.identity import (
    check_credit_code,
    check_foreign_identity,
    check_id_number,
    check_residence_card,
    credit_check_char,
    hash_id_number,
    hash_passport,
    id_check_char,
    is_residence_card,
    make_credit_code,
    make_id_number,
)
from loaders.errors import InvalidValue

TODAY = date(2025, 6, 30)


def test_a_published_identity_number_is_valid_and_tells_birth_date_and_gender() -> None:
    info = check_id_number("11010519491231002X", TODAY)
    assert info.birth_date == date(1949, 12, 31)
    assert info.region_code == "110105"
    assert not info.is_male


def test_a_lowercase_check_x_is_accepted_and_normalised() -> None:
    assert check_id_number("11010519491231002x", TODAY).number == "11010519491231002X"


def test_an_odd_sequence_digit_means_male() -> None:
    assert check_id_number(make_id_number("130802", date(1990, 5, 1), 123), TODAY).is_male


@pytest.mark.parametrize(
    ("number", "english"),
    [
        ("11010519491231002", "18 characters"),
        ("1101051949123100XX", "17 digits"),
        ("99010519491231002X", "province"),
        ("110105194902300021", "not a real date"),
        ("110105189912310021", "before 1901"),
        ("110105203001010021", "future"),
        ("110105194912310021", "check character"),
    ],
)
def test_an_invalid_identity_number_is_refused_with_a_reason_in_both_languages(number: str, english: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        check_id_number(number, TODAY)
    assert english in refused.value.reason_en
    assert "身份证号" in refused.value.reason_zh


def test_the_reason_never_repeats_the_raw_number() -> None:
    with pytest.raises(InvalidValue) as refused:
        check_id_number("110105194912310021", TODAY)
    assert "110105194912310021" not in str(refused.value)


def test_generated_identity_numbers_are_valid_for_every_sequence_parity() -> None:
    for sequence in (0, 1, 998, 999):
        info = check_id_number(make_id_number("130821", date(1975, 2, 28), sequence), TODAY)
        assert info.sequence == sequence
        assert info.is_male == (sequence % 2 == 1)


def test_the_identity_hash_is_a_salted_hmac_of_the_normalised_number() -> None:
    upper = hash_id_number("11010519491231002X", "salt")
    assert upper == hash_id_number(" 11010519491231002x ", "salt")
    assert upper == hash_id_number("11010519491231002X", b"salt")
    assert upper != hash_id_number("11010519491231002X", "pepper")
    assert len(upper) == 64 and "11010519491231002X" not in upper


def test_passport_hash_depends_on_nationality_and_salt() -> None:
    assert hash_passport("us", "e1234567", "s") == hash_passport("US", "E1234567", "s")
    assert hash_passport("US", "E1234567", "s") != hash_passport("GB", "E1234567", "s")
    assert hash_passport("US", "E1234567", "s") != hash_id_number("US:E1234567", "t")


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000802100433B", "91350100m000100y43"])
def test_published_credit_codes_are_valid(code: str) -> None:
    assert check_credit_code(code) == code.upper()


@pytest.mark.parametrize(
    ("code", "english"),
    [
        ("91350100M000100Y4", "18 characters"),
        ("91350100M000100I43", "not allowed"),
        ("91350100M000100O43", "not allowed"),
        ("91350100Z000100Y43", "not allowed"),
        ("91350100S000100Y43", "not allowed"),
        ("91350100V000100Y43", "not allowed"),
        ("B1350100M000100Y43", "registration authority"),
        ("91350100M000100Y44", "check character"),
    ],
)
def test_an_invalid_credit_code_is_refused_with_a_reason(code: str, english: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        check_credit_code(code)
    assert english in refused.value.reason_en
    assert "统一社会信用代码" in refused.value.reason_zh


def test_a_check_value_of_31_is_written_as_zero() -> None:
    found = next(
        make_credit_code("130802", serial) for serial in range(10_000) if make_credit_code("130802", serial)[-1] == "0"
    )
    assert credit_check_char(found[:17]) == "0"
    assert check_credit_code(found) == found


@pytest.mark.parametrize("registration", ["91", "12", "52"])
def test_generated_credit_codes_are_valid(registration: str) -> None:
    for serial in range(0, 5000, 7):
        code = make_credit_code("130802", serial, registration)
        assert check_credit_code(code) == code
        assert code.startswith(registration + "130802")


def test_a_permanent_residence_card_is_checked_by_its_own_rules_and_never_taken_for_a_resident_number() -> None:
    first17 = "91339219800402007"
    card = first17 + id_check_char(first17)
    assert check_residence_card(card.lower()) == card and is_residence_card(card)
    assert check_foreign_identity(card) == card
    assert check_residence_card("deu 330219800402") == "DEU330219800402"
    wrong = first17 + ("0" if card[-1] != "0" else "1")
    for bad in (wrong, "QQQ330219800402", "812345678901234567", "9123"):
        with pytest.raises(InvalidValue):
            check_residence_card(bad)
    resident = make_id_number("130802", date(1980, 4, 2), 11)
    assert not is_residence_card(resident) and check_foreign_identity(resident) == resident


def test_countries_come_from_iso_3166_by_code_or_name_and_unknown_codes_are_refused() -> None:
    assert [country_code(text) for text in ("de", "DEU", "Germany", "德国", "韩国", "South Korea", "usa")] == [
        "DE",
        "DE",
        "DE",
        "DE",
        "KR",
        "KR",
        "US",
    ]
    for unknown in ("XX", "QQ", "Atlantis"):
        assert country_code(unknown) is None
        with pytest.raises(InvalidValue):
            check_country(unknown)
    assert check_country("CN") == "CN"
    with pytest.raises(InvalidValue):
        check_country("中国", foreign=True)
    assert chinese_name("KR") == "韩国" and chinese_name("DE") == "德国"
