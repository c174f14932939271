"""National identity numbers (GB 11643-1999), foreigners' permanent-residence cards and passports, and unified
social credit codes (GB 32100-2015)."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

import pycountry

from graph.errors import InvalidValue

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
# Provinces, plus 81/82/83 used by residence permits of Hong Kong, Macao and Taiwan residents.
_PROVINCE_PREFIXES = frozenset(
    str(code)
    for code in (
        11,
        12,
        13,
        14,
        15,
        21,
        22,
        23,
        31,
        32,
        33,
        34,
        35,
        36,
        37,
        41,
        42,
        43,
        44,
        45,
        46,
        50,
        51,
        52,
        53,
        54,
        61,
        62,
        63,
        64,
        65,
        71,
        81,
        82,
        83,
    )
)

_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {c: i for i, c in enumerate(_CREDIT_CHARSET)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_AUTHORITIES = "123456789ANY"
_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True, slots=True)
class IdNumberInfo:
    """What a valid identity number says about its holder; `number` is the normalised form."""

    number: str
    region_code: str
    birth_date: date
    sequence: int

    @property
    def is_male(self) -> bool:
        """An odd sequence number is given to men, an even one to women."""
        return self.sequence % 2 == 1


def id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits of an identity number."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def normalise_id_number(raw: str) -> str:
    """Strip blanks and upper-case the check character."""
    return "".join(raw.split()).upper()


def check_id_number(raw: str, today: date | None = None) -> IdNumberInfo:
    """Validate an 18-character resident identity number; raise InvalidValue with the reason."""
    number = normalise_id_number(raw)
    if len(number) != 18:
        raise InvalidValue(
            f"an identity number has 18 characters, not {len(number)}",
            f"身份证号应为18位，实际为{len(number)}位",
        )
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise InvalidValue(
            "an identity number is 17 digits followed by a digit or X", "身份证号应为17位数字加1位数字或X"
        )
    if number[:2] not in _PROVINCE_PREFIXES:
        raise InvalidValue(
            "the identity number does not start with a province code",
            "身份证号前两位不是有效的省级行政区划代码",
        )
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidValue(
            "the birth date in the identity number is not a real date", "身份证号中的出生日期不是有效日期"
        ) from None
    if birth.year <= 1900 or birth > (today or date.today()):
        raise InvalidValue(
            "the birth date in the identity number is before 1901 or in the future",
            "身份证号中的出生日期早于1901年或晚于今天",
        )
    if id_check_char(number[:17]) != number[17]:
        raise InvalidValue("the check character of the identity number is wrong", "身份证号校验码错误")
    return IdNumberInfo(number=number, region_code=number[:6], birth_date=birth, sequence=int(number[14:17]))


def make_id_number(region_code: str, birth_date: date, sequence: int) -> str:
    """Build a valid identity number; an odd sequence (0-999) makes a man, an even one a woman."""
    if len(region_code) != 6 or not region_code.isdigit() or not 0 <= sequence <= 999:
        raise ValueError("region_code must be 6 digits and sequence within 0..999")
    first17 = f"{region_code}{birth_date:%Y%m%d}{sequence:03d}"
    return first17 + id_check_char(first17)


def hash_id_number(id_number: str, salt: str | bytes) -> str:
    """The salted hash that identifies a person: HMAC-SHA256 hex of the normalised number."""
    return _hmac_hex(salt, normalise_id_number(id_number))


def hash_passport(country: str, passport_no: str, salt: str | bytes) -> str:
    """The salted hash that identifies a foreign expert by passport: issuing country (alpha-2) and number."""
    return _hmac_hex(salt, f"{country.upper()}:{normalise_id_number(passport_no)}")


_PASSPORT = re.compile(r"^[A-Z0-9]{5,20}$")
#: The 2017 permanent-residence card: the holder's country (ISO 3166-1 alpha-3) and 12 digits.
_RESIDENCE_2017 = re.compile(r"^[A-Z]{3}[0-9]{12}$")


def check_passport_number(raw: str) -> str:
    """A passport (or other travel document) number normalised: 5 to 20 letters and digits."""
    number = normalise_id_number(raw)
    if not _PASSPORT.match(number):
        raise InvalidValue("a passport number has 5 to 20 letters and digits", "护照号应为5至20位字母或数字")
    return number


def check_residence_card(raw: str) -> str:
    """Validate a foreigner's permanent-residence card number (外国人永久居留身份证) and return it normalised.

    The 2023 card has 18 characters like a resident identity number, but starts with 9 (no province
    does) and carries the same ISO 7064 MOD 11-2 check character; the 2017 card has the holder's
    country as three letters (ISO 3166-1 alpha-3) followed by 12 digits."""
    number = normalise_id_number(raw)
    if _RESIDENCE_2017.match(number):
        if pycountry.countries.get(alpha_3=number[:3]) is None:
            raise InvalidValue(
                "a 15-character permanent-residence card starts with an ISO 3166-1 alpha-3 country code",
                "15位永久居留身份证号应以ISO 3166-1三位字母国家代码开头",
            )
        return number
    if len(number) != 18 or number[0] != "9":
        raise InvalidValue(
            "a permanent-residence card number has 18 characters starting with 9, or 3 letters and 12 digits",
            "永久居留身份证号应为以9开头的18位,或3位字母加12位数字",
        )
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise InvalidValue(
            "a permanent-residence card number is 17 digits followed by a digit or X",
            "永久居留身份证号应为17位数字加1位数字或X",
        )
    if id_check_char(number[:17]) != number[17]:
        raise InvalidValue(
            "the check character of the permanent-residence card number is wrong", "永久居留身份证号校验码错误"
        )
    return number


def is_residence_card(raw: str) -> bool:
    """Whether a number is written as a permanent-residence card's rather than a resident identity number's."""
    number = normalise_id_number(raw)
    return number[:1] == "9" or number[:1].isalpha()


def _hmac_hex(salt: str | bytes, message: str) -> str:
    key = salt.encode() if isinstance(salt, str) else salt
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def credit_check_char(first17: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters of a credit code."""
    total = sum(_CREDIT_VALUES[c] * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARSET[(31 - total % 31) % 31]


def check_credit_code(raw: str) -> str:
    """Validate a unified social credit code and return it normalised; raise InvalidValue if wrong."""
    code = "".join(raw.split()).upper()
    if len(code) != 18:
        raise InvalidValue(
            f"a unified social credit code has 18 characters, not {len(code)}",
            f"统一社会信用代码应为18位，实际为{len(code)}位",
        )
    bad = sorted({c for c in code if c not in _CREDIT_VALUES})
    if bad:
        raise InvalidValue(
            f"characters not allowed in a credit code: {''.join(bad)} (I, O, Z, S, V are never used)",
            f"统一社会信用代码含有不允许的字符：{''.join(bad)}（不使用I、O、Z、S、V）",
        )
    if code[0] not in _CREDIT_AUTHORITIES or not code[2:8].isdigit():
        raise InvalidValue(
            "a credit code starts with a registration authority and six digits of region code",
            "统一社会信用代码的登记管理部门代码或行政区划码无效",
        )
    if credit_check_char(code[:17]) != code[17]:
        raise InvalidValue("the check character of the credit code is wrong", "统一社会信用代码校验码错误")
    return code


def make_credit_code(region_code: str, serial: int, registration: str = "91") -> str:
    """Build a valid credit code: registration authority and type ("91" enterprise, "12" public body)."""
    digits = f"{serial % 100_000_000:08d}"
    org_check = 11 - sum(int(d) * w for d, w in zip(digits, _ORG_CODE_WEIGHTS, strict=True)) % 11
    org_code = digits + {10: "X", 11: "0"}.get(org_check, str(org_check))
    first17 = f"{registration}{region_code}{org_code}"
    if len(first17) != 17 or any(c not in _CREDIT_VALUES for c in first17):
        raise ValueError("registration must be 2 credit-code characters and region_code 6 digits")
    return first17 + credit_check_char(first17)


def check_foreign_identity(raw: str, today: date | None = None) -> str:
    """A foreign expert's Chinese identity number or permanent-residence card number, validated and normalised.

    Both are hashed as identity numbers are (`hash_id_number`): they never collide, as a card starts with 9
    or letters and no resident identity number does."""
    return check_residence_card(raw) if is_residence_card(raw) else check_id_number(raw, today).number
