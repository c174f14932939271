"""The operators of list filters, typed per field: `…In` lists of codes and ids, ranges, and the `AND`, `OR`
and `not` combinators every `*Where` input has. Each turns into a graph/listing.py value (a tuple, a Range,
a Filter tree); an impossible one (bounds that cross, an empty OR) is an InvalidInput naming its argument.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import Any, TypeVar

import strawberry

from graph.countries import country_input
from graph.errors import InvalidInput
from graph.listing import Filter, Order, Range
from graph.vocabulary import TitleLevel
from server.common.enums import Direction

F = TypeVar("F", bound=Filter)
#: How deep AND, OR and not may nest: deeper filters say nothing a shallower one cannot.
MAX_NESTING = 8


@strawberry.input(description="Inclusive bounds of a year; either may be left out.")
class YearRange:
    gte: int | None = None
    lte: int | None = None


@strawberry.input(description="Inclusive bounds of a date; either may be left out.")
class DateRange:
    gte: dt.date | None = None
    lte: dt.date | None = None


@strawberry.input(description="Inclusive bounds of a title level (INTERMEDIATE … SENIOR); either may be left out.")
class TitleLevelRange:
    gte: TitleLevel | None = None
    lte: TitleLevel | None = None


def one_of(equal: Any, among: Iterable[Any] | None) -> tuple[str, ...] | None:
    """The codes or ids a field may take: `equal` and the `…In` list, both holding where both are given
    (an empty list matches nothing); None when neither is."""
    values: set[str] | None = None
    if among is not None:
        values = {_code(value) for value in among}
    if equal is not None:
        values = {_code(equal)} if values is None else values & {_code(equal)}
    return tuple(sorted(values)) if values is not None else None


def _code(value: Any) -> str:
    return str(value.value) if isinstance(value, Enum) else str(value)


def nationalities(equal: str | None, among: Iterable[str] | None, path: str) -> tuple[str, ...] | None:
    """Nationalities as ISO 3166-1 alpha-2 codes (a name is understood too); an unknown one names `path`."""
    return one_of(
        country_input(equal, path) if equal is not None else None,
        [country_input(value, f"{path}In") for value in among] if among is not None else None,
    )


def bounded(bounds: YearRange | DateRange | None, path: str) -> Range | None:
    """A range of years or dates, refused when its bounds cross."""
    if bounds is None or (bounds.gte is None and bounds.lte is None):
        return None
    if bounds.gte is not None and bounds.lte is not None and bounds.gte > bounds.lte:  # type: ignore[operator]
        raise InvalidInput(
            f"{path}: gte ({bounds.gte}) is after lte ({bounds.lte}).",
            f"{path}:下限 gte({bounds.gte})大于上限 lte({bounds.lte})",
            path,
        )
    return Range(bounds.gte, bounds.lte)


def title_levels(
    equal: TitleLevel | None, among: Iterable[TitleLevel] | None, bounds: TitleLevelRange | None, path: str
) -> tuple[str, ...] | None:
    """The title levels a filter admits: `equal`, the `…In` list and the range (by rank) all holding."""
    ranged: list[TitleLevel] | None = None
    if bounds is not None and (bounds.gte is not None or bounds.lte is not None):
        low = bounds.gte.rank if bounds.gte is not None else min(level.rank for level in TitleLevel)
        high = bounds.lte.rank if bounds.lte is not None else max(level.rank for level in TitleLevel)
        if low > high:
            raise InvalidInput(
                f"{path}Range: gte ({bounds.gte.value}) is above lte ({bounds.lte.value}).",  # type: ignore[union-attr]
                f"{path}Range:下限 gte 高于上限 lte",
                f"{path}Range",
            )
        ranged = [level for level in TitleLevel if low <= level.rank <= high]
    codes = one_of(equal, among)
    if ranged is None:
        return codes
    allowed = {level.value for level in ranged}
    return tuple(sorted(allowed if codes is None else allowed & set(codes)))


def tree(where: Any, convert: Callable[[Any, str], F], path: str = "where", depth: int = 0) -> F:
    """The Filter tree of a `*Where` input: `convert` makes each node from its own fields (`path` names it
    in errors); `AND`, `OR` and `not` become the node's all_of, any_of and negated."""
    if depth > MAX_NESTING:
        raise InvalidInput(
            f"Filters nest at most {MAX_NESTING} levels deep (AND, OR, not).",
            f"筛选条件最多嵌套{MAX_NESTING}层(AND、OR、not)",
            path,
        )
    node = convert(where, path)
    if where.OR is not None and not where.OR:
        raise InvalidInput(f"{path}.OR needs at least one filter.", f"{path}.OR 至少需要一个条件", f"{path}.OR")
    return dataclasses.replace(
        node,
        all_of=tuple(tree(part, convert, f"{path}.AND[{n}]", depth + 1) for n, part in enumerate(where.AND or ())),
        any_of=tuple(tree(part, convert, f"{path}.OR[{n}]", depth + 1) for n, part in enumerate(where.OR or ())),
        negated=tree(where.not_, convert, f"{path}.not", depth + 1) if where.not_ is not None else None,
    )


def orders(given: Sequence[Any] | None, default: Any) -> list[Order]:
    """The sort keys of an `orderBy` list (`by`, `direction`), `default` when none is given."""
    return [Order(order.by.value, order.direction == Direction.DESC) for order in (given or [default])]
