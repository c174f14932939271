"""National identity numbers (GB 11643): checked, then kept only as a salted hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from graph.errors import InvalidInput

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


@dataclass(frozen=True)
class IdNumberInfo:
    """What an identity number says: birth date and gender."""

    birth_date: dt.date
    gender: str


def id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def check_id_number(number: str, field: str = "idNumber") -> IdNumberInfo:
    """Validate an 18-character identity number; InvalidInput names what is wrong."""
    value = number.strip().upper()
    if len(value) != 18 or not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise InvalidInput("An identity number has 17 digits and a check digit or X.",
                           "身份证号码应为17位数字加1位校验码(数字或X)", field)
    try:
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise InvalidInput("The identity number's birth date is not a real date.",
                           "身份证号码中的出生日期无效", field) from None
    if not dt.date(1900, 1, 1) <= birth <= dt.date.today():
        raise InvalidInput("The identity number's birth date is out of range.", "身份证号码中的出生日期超出范围", field)
    if id_check_char(value[:17]) != value[17]:
        raise InvalidInput("The identity number's check digit is wrong.", "身份证号码校验码错误", field)
    return IdNumberInfo(birth_date=birth, gender="MALE" if int(value[16]) % 2 else "FEMALE")


def hash_id_number(number: str, salt: str) -> str:
    """The salted hash under which a person's identity number is recognised; never the number."""
    return hmac.new(salt.encode(), number.strip().upper().encode(), hashlib.sha256).hexdigest()


_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check_char(first17: str) -> str:
    """The GB 32100 check character of a credit code's first 17 characters."""
    total = sum(_CREDIT_CHARSET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARSET[(31 - total % 31) % 31]


def check_credit_code(code: str, field: str = "creditCode") -> str:
    """Validate a unified social credit code (GB 32100); return it normalised, or InvalidInput."""
    value = code.strip().upper()
    if len(value) != 18 or any(c not in _CREDIT_CHARSET for c in value):
        raise InvalidInput("A credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z.",
                           "统一社会信用代码应为18位,由数字和除I、O、S、V、Z外的大写字母组成", field)
    if credit_check_char(value[:17]) != value[17]:
        raise InvalidInput("The credit code's check character is wrong.", "统一社会信用代码校验位错误", field)
    return value
