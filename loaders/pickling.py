"""Quick pickling for the frozen, slotted dataclasses that validation sends between processes.

`dataclass(frozen=True, slots=True)` pickles each object through `dataclasses.fields()`, which builds its
list of fields again for every object: at 200,000 rows, seconds of the main process's time (it holds
the GIL while the next chunk waits). `fast_pickling` pickles an object as a call of its class with its
field values in order: unpickling runs the dataclass's own `__init__`, quicker than setting each field
from a saved state.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def fast_pickling(cls: type[T]) -> type[T]:
    """Pickle `cls` (a frozen, slotted dataclass) as `cls(*field values)`; apply above @dataclass.

    Only for classes whose `__init__` takes every field, in order, and does nothing else.
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    assert all(field.init for field in fields) and not hasattr(cls, "__post_init__"), cls
    names = tuple(field.name for field in fields)

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, tuple([getattr(self, name) for name in names])

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls
