"""Pinyin of names word by word (graph/names.py) must equal pypinyin's for the whole name."""

from __future__ import annotations

import random

from pypinyin import Style, lazy_pinyin

from graph.names import pinyin_initials, pinyin_of
from loaders import synthetic

#: Names pypinyin reads with phrases or several readings, and mixed or foreign ones.
TRICKY = [
    "单雄信",
    "曾国藩",
    "解缙",
    "区志强",
    "仇英",
    "朴槿惠",
    "查良镛",
    "乐嘉",
    "长孙无忌",
    "欧阳修",
    "重庆",
    "司马光",
    "尉迟恭",
    "万俟卨",
    "Anna 李",
    "李 Anna",
    "Müller",
    "王　小明",
    "张-伟",
    "  赵钱孙  ",
    "银行行长",
    "朝阳",
    "行者",
    "了了",
    "还珠格格",
    "阿里巴巴",
    "大长今",
    "李银河",
    "黄河长江",
    "中国银行行长张长弓",
]


def _whole(name: str) -> str:
    return " ".join(part.strip().lower() for part in lazy_pinyin(name, style=Style.NORMAL) if part.strip())


def test_word_by_word_pinyin_equals_pypinyin_for_the_whole_name() -> None:
    rng = random.Random(5)
    surnames = [surname for surname, _ in synthetic.SURNAMES]
    given = synthetic.GIVEN_MALE + synthetic.GIVEN_FEMALE
    # Names as the generator makes them, and with any character of the names in phrases above.
    pool = given + "".join(TRICKY)
    names = TRICKY + [
        "".join([rng.choice(surnames), *rng.choices(pool, k=rng.choice((1, 2, 3)))]) for _ in range(20000)
    ]
    for name in names:
        assert pinyin_of(name) == _whole(name), name
    assert pinyin_of("单雄信") == _whole("单雄信")
    assert pinyin_of("张伟") == "zhang wei" and pinyin_initials("张伟") == "zw"
