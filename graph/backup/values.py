"""Property values in a backup file, exactly: the value encoding of the backup format (docs/backup.md).

A property value is a scalar or a list of scalars, never a map, so a JSON object can only be a tagged
value. Temporal and spatial values are written as Neo4j itself writes and reads them back, so that
they return exactly (a zone name, an offset, nanoseconds):

    {"date": "2021-11-01"}   {"datetime": "2021-11-01T08:00:00+08:00[Asia/Shanghai]"}   {"localdatetime": …}
    {"time": "08:00:00+08:00"}   {"localtime": …}   {"duration": "P1Y2M3DT4H"}   {"point": [srid, x, y(, z)]}

and a list of them with `[]` after the tag: `{"date[]": ["2021-11-01", "2022-11-01"]}`. The floats JSON
cannot write are `{"float": "NaN" | "Infinity" | "-Infinity"}`, a byte array `{"bytes": "<base64>"}`.
Everything else (strings, integers, finite floats, booleans, lists of them) is plain JSON.

The database hands temporal and spatial values over already as text (cypher/backup/nodes.cypher), and
a restore has them parsed there again (cypher/backup/create_nodes.cypher): the driver's own types never
carry them, which is both exact and about three times cheaper.
"""

from __future__ import annotations

import base64
import math
from typing import Any

from graph.backup.errors import BadBackup

#: The kind of each typed value, by Neo4j's `valueType()`: the tags of the format. Lists have `[]` after it.
KINDS = {
    "DATE": "date",
    "ZONED DATETIME": "datetime",
    "LOCAL DATETIME": "localdatetime",
    "ZONED TIME": "time",
    "LOCAL TIME": "localtime",
    "DURATION": "duration",
    "POINT": "point",
}
#: `valueType()` answers for KINDS' values and lists of them, for the backup's statements.
VALUE_TYPES = {
    **{f"{name} NOT NULL": kind for name, kind in KINDS.items()},
    **{f"LIST<{name} NOT NULL> NOT NULL": kind for name, kind in KINDS.items()},
}
_TYPED = frozenset(KINDS.values())
_FLOATS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _float(value: float) -> Any:
    if math.isfinite(value):
        return value
    return {"float": "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")}


def encode_properties(items: list[list[Any]]) -> dict[str, Any]:
    """Properties as the backup statements answer them ([key, value] or [key, kind, text, is list]) for the file."""
    properties: dict[str, Any] = {}
    for item in items:
        if len(item) == 2:
            key, value = item
            kind = type(value)
            if kind is float:
                value = _float(value)
            elif kind is list and value and type(value[0]) is float:
                value = [_float(number) for number in value]
            elif kind is bytes or kind is bytearray:
                value = {"bytes": base64.b64encode(value).decode("ascii")}
            properties[key] = value
        else:
            key, tag, text, is_list = item
            properties[key] = {f"{tag}[]" if is_list else tag: text}
    return properties


def decode_properties(properties: Any) -> tuple[dict[str, Any], list[list[Any]]]:
    """A file's properties as a restore writes them: plain values, and typed ones as [key, kind, text, is list]."""
    if not isinstance(properties, dict):
        raise BadBackup(f"properties {properties!r} are not a JSON object")
    plain: dict[str, Any] = {}
    typed: list[list[Any]] = []
    for key, value in properties.items():
        kind = type(value)
        if kind is dict:
            tag, body = _tagged(value)
            if tag in ("float", "bytes"):
                plain[key] = _special(tag, body)
            else:
                is_list = tag.endswith("[]")
                typed.append([key, tag.removesuffix("[]"), body, is_list])
        elif kind is list:
            plain[key] = [_special(*_tagged(item)) if type(item) is dict else item for item in value]
        else:
            plain[key] = value
    return plain, typed


def _tagged(value: dict[str, Any]) -> tuple[str, Any]:
    if len(value) != 1:
        raise BadBackup(f"{value!r} is not a tagged value (one tag, one body)")
    tag, body = next(iter(value.items()))
    if tag not in _TYPED and tag.removesuffix("[]") not in _TYPED and tag not in ("float", "bytes"):
        raise BadBackup(f"unknown value tag {tag!r}")
    return tag, body


def _special(tag: str, body: Any) -> Any:
    try:
        if tag == "float":
            return _FLOATS[body]
        if tag == "bytes":
            return base64.b64decode(body, validate=True)
    except (KeyError, TypeError, ValueError) as error:
        raise BadBackup(f"{body!r} is not a valid {tag} value") from error
    raise BadBackup(f"a list cannot hold {tag} values")
