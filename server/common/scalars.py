"""Scalars of the API's own, given to the schema through `SCALARS` (StrawberryConfig.scalar_map)."""

from __future__ import annotations

import re
from typing import NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

#: The largest integer every JSON client reads exactly (a JavaScript number's safe range).
SAFE_INTEGER = 2**53 - 1
_DIGITS = re.compile(r"^-?[0-9]{1,16}$")
_SHAPE = 'BigInt is a whole number, as a JSON integer or a string of decimal digits ("3000000000").'

#: An exact whole number beyond GraphQL's 32-bit Int.
BigInt = NewType("BigInt", int)


def _serialize(value: int) -> int:
    number = int(value)
    if abs(number) > SAFE_INTEGER:
        raise ValueError(f"{number} lies outside BigInt's range (±{SAFE_INTEGER}).")
    return number


def _parse(value: object) -> BigInt:
    """A JSON integer or a decimal string to an exact integer within ±(2^53 − 1); ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(_SHAPE)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.match(value.strip()):
        number = int(value.strip())
    else:
        raise ValueError(_SHAPE)
    if abs(number) > SAFE_INTEGER:
        raise ValueError(f"BigInt holds whole numbers up to ±{SAFE_INTEGER}.")
    return BigInt(number)


SCALARS: dict[object, ScalarDefinition] = {
    BigInt: strawberry.scalar(
        name="BigInt",
        serialize=_serialize,
        parse_value=_parse,
        description="An exact whole number beyond GraphQL's 32-bit Int (an amount in yuan, a count): up to "
        "±(2^53 − 1), the range every JSON client (JavaScript included) reads without rounding. Written as a "
        'JSON integer; input also accepts a string of decimal digits ("3000000000").',
    )
}
