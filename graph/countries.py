"""Countries (ISO 3166-1), as foreign experts' nationalities and passports' issuing countries name them.

Which codes exist comes from `pycountry`, which follows the ISO 3166 Maintenance Agency and ships the
Chinese names of the Debian iso-codes translations: a code withdrawn or added by ISO changes with the
package, not with a list kept here. Only the short Chinese names in everyday use that differ from
those translations (韩国 for 大韩民国) are written down, as further names of a country.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry

from graph.errors import InvalidInput, InvalidValue

#: China: a foreign expert's nationality is never it (a Chinese national is registered as a person).
CHINA = "CN"

#: Short Chinese names in everyday use where ISO's Chinese name (Debian iso-codes, zh_CN) is longer.
_SHORT_ZH = {
    "KR": "韩国",
    "KP": "朝鲜",
    "IR": "伊朗",
    "LA": "老挝",
    "SY": "叙利亚",
    "VE": "委内瑞拉",
    "BO": "玻利维亚",
    "TZ": "坦桑尼亚",
    "MD": "摩尔多瓦",
    "KG": "吉尔吉斯斯坦",
}
#: Further names met in files, beside the codes, ISO's names and the short names above.
_ALIASES = {
    "usa": "US",
    "uk": "GB",
    "美利坚合众国": "US",
    "俄罗斯联邦": "RU",
    "捷克共和国": "CZ",
    "大不列颠及北爱尔兰联合王国": "GB",
    "turkey": "TR",
    "russia": "RU",
}


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


@cache
def _chinese() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


@cache
def _lookup() -> dict[str, str]:
    """Every name of every country (codes, English and Chinese names) to its alpha-2 code."""
    zh = _chinese()
    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        english = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        for text in (code, country.alpha_3, *english, *(zh.gettext(name) for name in english if name)):
            if text:
                names.setdefault(_key(text), code)
    for code, text in _SHORT_ZH.items():
        names.setdefault(_key(text), code)
    for text, code in _ALIASES.items():
        names.setdefault(_key(text), code)
    return names


def country_code(text: str) -> str | None:
    """The alpha-2 code of a country written as its alpha-2 or alpha-3 code, or an English or Chinese name."""
    return _lookup().get(_key(text))


def chinese_name(code: str) -> str:
    """The Chinese name of a country by its alpha-2 code, the short one in everyday use where there is one."""
    if code in _SHORT_ZH:
        return _SHORT_ZH[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise KeyError(code)
    return _chinese().gettext(getattr(country, "common_name", None) or country.name)


def check_country(text: str, foreign: bool = False) -> str:
    """The alpha-2 code of an ISO 3166-1 country named by `text`; InvalidValue for anything else.

    `foreign`: a foreign expert's nationality, which cannot be China."""
    code = country_code(text)
    if code is None:
        raise InvalidValue(
            f"{text.strip()!r} is not an ISO 3166-1 country (a code such as DE or JP, or its name)",
            f"“{text.strip()}”不是ISO 3166-1国家或地区(如 DE、JP 或其名称)",
        )
    if foreign and code == CHINA:
        raise InvalidValue("a foreign expert's nationality is not China (CN)", "外国专家的国籍不能是中国(CN)")
    return code


def country_input(text: str, field: str, foreign: bool = False) -> str:
    """`check_country` for an API input: InvalidInput naming `field`."""
    try:
        return check_country(text, foreign)
    except InvalidValue as bad:
        raise InvalidInput(bad.reason_en[0].upper() + bad.reason_en[1:] + ".", bad.reason_zh, field) from None
