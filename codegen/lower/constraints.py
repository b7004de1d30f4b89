"""A property's JSON Schema constraints -> the `StrictConstraints` keywords of its model field.

Responses are validated leniently by default; `strict_response_validation=True` checks the
constraints too (`templates/runtime/_constraints.py`). Which keywords apply depends on the
field's type: `minLength`/`maxLength`/`pattern` on a string, `minimum`/`maximum`/
`exclusiveMinimum`/`exclusiveMaximum` (OpenAPI 3.0's booleans and 3.1's numbers)/`multipleOf`
on a number, `minItems`/`maxItems`/`uniqueItems` on an array, `minProperties`/`maxProperties` on
a map. Constraints of a nullable property written `anyOf: [{type: string, minLength: 1},
{type: "null"}]` are read from its one non-null variant.

Not covered (the field reads as before, unchecked): constraints of array items or map values,
of a `$ref`'d schema (an alias of a constrained string), and of one member of a union. A
`pattern` Python's `re` cannot compile is left out with a warning naming it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeGuard

from ..errors import Diagnostic
from ..ir import types as t

__all__ = ["Constraint", "field_constraints"]

Constraint = tuple[str, int | float | str | bool]

_SIZES = {
    "str": ("minLength", "maxLength"),
    "list": ("minItems", "maxItems"),
    "dict": ("minProperties", "maxProperties"),
}


def field_constraints(
    schema: object, lowered: t.Type, pointer: str, diagnostics: list[Diagnostic]
) -> tuple[Constraint, ...]:
    """The `StrictConstraints` keywords of a property whose schema is `schema`, typed
    `lowered`, in a fixed order; empty when it has none the field's type can carry."""
    schema = _own_schema(schema)
    if schema is None:
        return ()
    core = t.strip_null(lowered)
    if isinstance(core, t.Primitive) and core.kind == "str":
        kind = "str"
    elif isinstance(core, t.Primitive) and core.kind in ("int", "float"):
        kind = "number"
    elif isinstance(core, t.List):
        kind = "list"
    elif isinstance(core, t.Dict):
        kind = "dict"
    else:
        return ()
    out: list[Constraint] = []
    if kind in _SIZES:
        low, high = _SIZES[kind]
        for key, name in ((low, "min_length"), (high, "max_length")):
            value = schema.get(key)
            if _is_count(value) and not (name == "min_length" and value == 0):
                out.append((name, value))
    if kind == "str":
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            try:
                re.compile(pattern)
            except re.error as exc:
                diagnostics.append(
                    Diagnostic(
                        "warning",
                        f"{pointer}/pattern",
                        f"pattern {pattern!r} is not a Python regular expression ({exc}); "
                        "strict response validation does not check it",
                        "schema",
                    )
                )
            else:
                out.append(("pattern", pattern))
    if kind == "number":
        out += _bounds(schema)
        step = schema.get("multipleOf")
        if _is_number(step) and step > 0:
            out.append(("multiple_of", step))
    if kind == "list" and schema.get("uniqueItems") is True:
        out.append(("unique_items", True))
    return tuple(out)


def _own_schema(schema: object) -> Mapping[str, Any] | None:
    """The schema whose keywords constrain the value: `schema`, or the one non-null variant of
    a `anyOf`/`oneOf` that only adds null."""
    if not isinstance(schema, Mapping) or "$ref" in schema:
        return None
    for key in ("anyOf", "oneOf"):
        variants = schema.get(key)
        if isinstance(variants, list):
            rest = [v for v in variants if not _is_null(v)]
            if len(rest) != 1 or not isinstance(rest[0], Mapping) or "$ref" in rest[0]:
                return None
            return rest[0]
    return schema


def _is_null(schema: object) -> bool:
    return isinstance(schema, Mapping) and (
        schema.get("type") == "null" or ("enum" in schema and schema.get("enum") == [None])
    )


def _bounds(schema: Mapping[str, Any]) -> list[Constraint]:
    out: list[Constraint] = []
    for key, inclusive, exclusive in (("minimum", "ge", "gt"), ("maximum", "le", "lt")):
        flag = schema.get("exclusive" + key.capitalize())
        value = schema.get(key)
        if _is_number(flag):  # 3.1: the exclusive bound is a number of its own
            out.append((exclusive, flag))
            if _is_number(value):
                out.append((inclusive, value))
        elif _is_number(value):  # 3.0: a flag on `minimum` / `maximum`
            out.append((exclusive if flag is True else inclusive, value))
    return out


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
