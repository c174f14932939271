"""Chinese names in pinyin, for search and sorting: "张伟" → "zhang wei", compact "zhangwei", initials "zw".

pypinyin cuts a text into words (phrases it knows, single characters, runs of other text) and
converts each word on its own; converting is most of its cost. So words are converted once each and
remembered: a load of 200,000 names converts a few thousand words, and the result is exactly
pypinyin's for the whole name (tests/unit/test_names.py compares them).
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.seg.simpleseg import seg


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(word, style=Style.NORMAL))


@lru_cache(maxsize=65536)
def pinyin_of(name: str) -> str:
    """Tone-less pinyin, syllables separated by spaces; non-Chinese text kept, lower-cased."""
    parts = [part for word in seg(name) for part in _word(word)]
    return " ".join(part.strip().lower() for part in parts if part.strip())


def compact(pinyin: str) -> str:
    """Pinyin without blanks, as typed in one go: "zhangwei"."""
    return pinyin.replace(" ", "")


def initials(pinyin: str) -> str:
    """The first letter of each syllable of a pinyin text: "zw" for "zhang wei"."""
    return "".join(syllable[:1] for syllable in pinyin.split(" "))


@lru_cache(maxsize=65536)
def pinyin_initials(name: str) -> str:
    """The first letter of each syllable of a name: "zw" for 张伟."""
    return initials(pinyin_of(name))
