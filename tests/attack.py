"""The attack on suppressed statistics that the disclosure tests make: bounds by linear programming.

The attacker knows a set of published figures, each the number of people in some set of cells, and
that no cell counts fewer than nobody. For a cell they bound what it can count, from below and above,
with every published figure holding.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from scipy.optimize import linprog


def bounds(
    unknown: Sequence[Hashable], figures: Iterable[tuple[set[Hashable], float]], cell: Hashable
) -> tuple[float, float]:
    """The least and most people `cell` (one of `unknown`) can count, every figure (cells, people) holding."""
    rows, right = [], []
    for cells, people in figures:
        rows.append([1.0 if keys in cells else 0.0 for keys in unknown])
        right.append(people)
    index = list(unknown).index(cell)
    found = []
    for sign in (1.0, -1.0):
        objective = [0.0] * len(unknown)
        objective[index] = sign
        result = linprog(objective, A_eq=rows or None, b_eq=right or None, bounds=(0, None), method="highs")
        assert result.status == 0, result.message
        found.append(sign * result.fun)
    return found[0], found[1]
