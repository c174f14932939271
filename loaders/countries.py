"""Nationalities of foreign experts: ISO 3166-1 alpha-2 codes with Chinese and English names."""

from __future__ import annotations

import re

_TABLE = """
AR 阿根廷 Argentina | AT 奥地利 Austria | AU 澳大利亚 Australia | BE 比利时 Belgium
BR 巴西 Brazil | BY 白俄罗斯 Belarus | CA 加拿大 Canada | CH 瑞士 Switzerland
CL 智利 Chile | CZ 捷克 Czechia | DE 德国 Germany | DK 丹麦 Denmark
EG 埃及 Egypt | ES 西班牙 Spain | FI 芬兰 Finland | FR 法国 France
GB 英国 United Kingdom | GR 希腊 Greece | HU 匈牙利 Hungary | ID 印度尼西亚 Indonesia
IE 爱尔兰 Ireland | IL 以色列 Israel | IN 印度 India | IR 伊朗 Iran
IT 意大利 Italy | JP 日本 Japan | KG 吉尔吉斯斯坦 Kyrgyzstan | KR 韩国 South Korea
KZ 哈萨克斯坦 Kazakhstan | LA 老挝 Laos | MN 蒙古 Mongolia | MX 墨西哥 Mexico
MY 马来西亚 Malaysia | NL 荷兰 Netherlands | NO 挪威 Norway | NZ 新西兰 New Zealand
PH 菲律宾 Philippines | PK 巴基斯坦 Pakistan | PL 波兰 Poland | PT 葡萄牙 Portugal
RS 塞尔维亚 Serbia | RU 俄罗斯 Russia | SA 沙特阿拉伯 Saudi Arabia | SE 瑞典 Sweden
SG 新加坡 Singapore | TH 泰国 Thailand | TR 土耳其 Turkey | UA 乌克兰 Ukraine
US 美国 United States | UZ 乌兹别克斯坦 Uzbekistan | VN 越南 Vietnam | ZA 南非 South Africa
"""

COUNTRY_NAMES: dict[str, str] = {}
_LOOKUP: dict[str, str] = {}
for _entry in re.split(r"\s*[|\n]\s*", _TABLE.strip()):
    _code, _zh, _en = _entry.split(" ", 2)
    COUNTRY_NAMES[_code] = _zh
    for _text in (_code, _zh, _en):
        _LOOKUP[re.sub(r"\s+", "", _text).casefold()] = _code
_LOOKUP.update({"usa": "US", "uk": "GB", "美利坚合众国": "US", "俄罗斯联邦": "RU", "大韩民国": "KR"})


def find_country(text: str) -> str | None:
    """The alpha-2 code for a nationality written as a code, a Chinese or an English name."""
    return _LOOKUP.get(re.sub(r"\s+", "", text).casefold())
