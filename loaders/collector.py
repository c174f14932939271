"""How a load runs Python's cyclic garbage collector.

A load allocates millions of short-lived rows, records and statement parameters, nearly none of them in
reference cycles: reference counting frees them. Python's collector still runs every 700 allocations,
and each full pass walks every object alive, the pinyin dictionaries and the driver included: over a
large load, a good share of the loader's and of validation's CPU.

So during a load, what existed before it is frozen (`gc.freeze`: never walked again until the load ends)
and the youngest generation is collected every YOUNG_THRESHOLD allocations instead of 700. Cycles are
still collected, less often: the few the driver makes per statement are freed a batch or two later.
Validation workers, which do nothing else, keep that setting for their life.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between two collections of the youngest generation during a load (Python's default: 700).
YOUNG_THRESHOLD = 50_000
#: Collections of a generation between two of the next one (Python's defaults: 10 and 10).
OLDER_THRESHOLDS = (20, 100)

_loads = 0
_previous: tuple[int, int, int] | None = None


@contextmanager
def bulk_collection() -> Iterator[None]:
    """Run the collector as a load should within this block; restore it after (nested blocks share one)."""
    global _loads, _previous
    if _loads == 0:
        _previous = gc.get_threshold()
        _settle()
    _loads += 1
    try:
        yield
    finally:
        _loads -= 1
        if _loads == 0:
            assert _previous is not None
            gc.set_threshold(*_previous)
            gc.unfreeze()


def for_worker() -> None:
    """Set the collector of a validation worker once it has imported what it uses: for its whole life."""
    _settle()


def _settle() -> None:
    """Freeze what exists now (after collecting what is garbage already) and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
