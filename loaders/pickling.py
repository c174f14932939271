"""Quick pickling for the frozen, slotted dataclasses that validation sends between processes.

`dataclass(frozen=True, slots=True)` pickles each object through `dataclasses.fields()`, which builds its
list of fields again for every object: at 200,000 rows, seconds of the main process's time (it holds
the GIL while the next chunk waits). `fast_pickling` gives a class a state of its field values in order.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def fast_pickling(cls: type[T]) -> type[T]:
    """Pickle `cls` (a frozen, slotted dataclass) as the tuple of its field values; apply above @dataclass."""
    names = tuple(field.name for field in dataclasses.fields(cls))  # type: ignore[arg-type]

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in names])

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    cls.__getstate__ = __getstate__  # type: ignore[method-assign]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls
