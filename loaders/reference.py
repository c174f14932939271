"""The reference data (graph/reference_data.py, graph/vocabulary.py) as lookups from codes and names
to codes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from graph.reference_data import read_reference
from graph.vocabulary import InstitutionType, Term, TitleLevel, TitleSeries

_REGION_SUFFIX = re.compile(r"(满族蒙古族自治县|满族自治县|自治县|管理区|矿区|市|省|区|县)$")
_REGION_SUFFIX_EN = re.compile(r"\s+(district|county|mining district|autonomous county)$", re.IGNORECASE)
# Names people write that the suffix rule cannot derive.
_REGION_ALIASES = {"承德高新区": "130871", "高新区": "130871", "御道口": "130872"}
# Where a short name is ambiguous (承德: the city or the county), the earlier kind wins.
_REGION_KIND_ORDER = ("PROVINCE_LEVEL_CITY", "PROVINCE", "PREFECTURE_CITY", "DISTRICT", "COUNTY", "ZONE")


@dataclass(frozen=True, slots=True)
class Region:
    """A region of the reference tree."""

    code: str
    name: str
    name_en: str
    kind: str
    parent: str | None


@dataclass(frozen=True)
class Vocabulary:
    """A set of codes and the names (Chinese, English, code, alias) that stand for them."""

    codes: tuple[str, ...]
    lookup: Mapping[str, str]
    names: Mapping[str, str]

    def find(self, text: str) -> str | None:
        """The code a written value stands for, or None; case, blanks and - or _ do not matter."""
        return self.lookup.get(_fold(text))


@dataclass(frozen=True)
class Reference:
    """All reference vocabularies a loader needs to recognise codes and names."""

    regions: Mapping[str, Region]
    region_names: Vocabulary
    fields: Vocabulary
    title_levels: Vocabulary
    title_series: Vocabulary
    institution_types: Vocabulary

    def chengde_regions(self) -> tuple[Region, ...]:
        """The districts, counties and zones of Chengde, in reference order."""
        return tuple(r for r in self.regions.values() if r.parent == "130800")


_FOLDED_AWAY = re.compile(r"[\s_\-]+")


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    # Cached: a file repeats the same few hundred levels, series, regions and fields on every row.
    return _FOLDED_AWAY.sub("", text).casefold()


def _vocabulary(rows: Iterable[dict[str, str]], spellings: Iterable[tuple[str, str]] = ()) -> Vocabulary:
    """Codes found by code, Chinese or English name, then by the other (spelling, code) pairs."""
    rows = list(rows)
    lookup: dict[str, str] = {}
    for row in rows:
        for text in (row["code"], row["name"], row["nameEn"]):
            lookup.setdefault(_fold(text), row["code"])
    for spelling, code in spellings:
        lookup.setdefault(_fold(spelling), code)
    return Vocabulary(codes=tuple(r["code"] for r in rows), lookup=lookup, names={r["code"]: r["name"] for r in rows})


def _terms(vocabulary: type[Term]) -> Vocabulary:
    return _vocabulary(
        ({"code": m.value, "name": m.zh, "nameEn": m.en} for m in vocabulary),
        ((spelling, m.value) for m in vocabulary for spelling in m.spellings),
    )


def _region_vocabulary(regions: Mapping[str, Region]) -> Vocabulary:
    lookup: dict[str, str] = {}
    for region in regions.values():
        for text in (region.code, region.name, region.name_en):
            lookup[_fold(text)] = region.code
    ranked = sorted(regions.values(), key=lambda r: _REGION_KIND_ORDER.index(r.kind))
    for region in ranked:
        for short in (_REGION_SUFFIX.sub("", region.name), _REGION_SUFFIX_EN.sub("", region.name_en)):
            if short:
                lookup.setdefault(_fold(short), region.code)
    for alias, code in _REGION_ALIASES.items():
        lookup.setdefault(_fold(alias), code)
    return Vocabulary(codes=tuple(regions), lookup=lookup, names={r.code: r.name for r in regions.values()})


@cache
def load_reference() -> Reference:
    """Read the reference data once; later calls return the same object."""
    regions = {
        row["code"]: Region(row["code"], row["name"], row["nameEn"], row["kind"], row["parent"])
        for row in read_reference("regions")
    }
    return Reference(
        regions=regions,
        region_names=_region_vocabulary(regions),
        fields=_vocabulary(read_reference("fields")),
        title_levels=_terms(TitleLevel),
        title_series=_terms(TitleSeries),
        institution_types=_terms(InstitutionType),
    )
