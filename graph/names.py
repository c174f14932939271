"""Chinese names in pinyin, for search and sorting ("张伟" → "zhang wei", initials "zw")."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=65536)
def pinyin_of(name: str) -> str:
    """Tone-less pinyin, syllables separated by spaces; non-Chinese text kept, lower-cased."""
    return " ".join(part.strip().lower() for part in lazy_pinyin(name, style=Style.NORMAL) if part.strip())


@lru_cache(maxsize=65536)
def pinyin_initials(name: str) -> str:
    """The first letter of each syllable: "zw" for 张伟."""
    return "".join(part[0] for part in pinyin_of(name).split())
