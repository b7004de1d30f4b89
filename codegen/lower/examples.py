"""README example calls: a value for every required argument, from the spec where it says one.

A value is the schema's (or the request body's) `example`, else its `default`, `const` or first
enum value, else one made up from its type (`"string"`, `0`, an object of its required
properties, a one-item list, `ir.FileExample()` for a file). Values are JSON data, small enough
to read: a huge or non-JSON example (YAML can write NaN, or expand aliases exponentially) is not
used.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .. import ir
from .naming import RESERVED_PARAM_NAMES, identifier
from .operations import Operation
from .schemas import Schemas

__all__ = ["examples", "usable"]


def examples(
    ops: list[Operation], methods: Mapping[str, ir.Method], schemas: Schemas
) -> ir.Examples:
    """The README's example calls: the first operation, and the first that streams, pages and
    uploads a file."""

    def call(op: Operation | None, *extra: tuple[str, Any]) -> ir.Example | None:
        if op is None:
            return None
        return ir.Example((*op.resource, op.name), (*_example_args(op, schemas), *extra))

    first = ops[0] if ops else None
    stream = next((op for op in ops if methods[op.key].result == "model_or_stream"), None)
    page = next((op for op in ops if methods[op.key].paginator is not None), None)
    upload = next((op for op in ops if op.body is not None and op.body.multipart), None)
    return ir.Examples(
        call=call(first),
        stream=call(stream, ("stream", True)),
        page=call(page),
        upload=call(upload),
    )


def _example_args(op: Operation, schemas: Schemas) -> list[tuple[str, Any]]:
    """`(name, value)` for the required arguments, from the spec's examples where it has
    any."""
    out: list[tuple[str, Any]] = []
    for param in op.params:
        if param.required:
            name = identifier(param.wire, reserved=RESERVED_PARAM_NAMES)
            out.append((name, _example_value(schemas, param.schema, param.pointer, 0)))
    if op.body is not None:
        schema, pointer = schemas.deref(op.body.schema, op.body.pointer)
        given = op.body.example if isinstance(op.body.example, Mapping) else {}
        if schemas.is_class(schema, pointer):
            _, props, required = schemas.properties(schema, pointer, inherit=False)
            for prop in props:
                if prop.wire not in required or prop.wire == "stream":
                    continue
                name = identifier(prop.wire, reserved=RESERVED_PARAM_NAMES)
                if prop.wire in given and usable(given[prop.wire]):
                    out.append((name, given[prop.wire]))
                else:
                    out.append((name, _example_value(schemas, prop.schema, prop.pointer, 0)))
    return out


def _example_value(schemas: Schemas, schema: Any, pointer: str, depth: int) -> Any:
    """A value for `schema`: its example, default, const or first enum value, else one
    made up from its type (JSON data; `ir.FileExample()` for a file)."""
    tl = schemas
    schema, pointer = tl.deref(schema, pointer)
    if not isinstance(schema, Mapping) or depth > 4:
        return {}
    for key in ("example", "default"):
        value = schema.get(key)
        if value is not None and usable(value) and not isinstance(value, (dict, list)):
            return value
    if "const" in schema and usable(schema["const"]):
        return schema["const"]
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and usable(enum[0]):
        return enum[0]
    for key in ("oneOf", "anyOf"):
        variants = schema.get(key)
        if isinstance(variants, list):
            candidates = [(i, v) for i, v in enumerate(variants) if not tl.is_null(v)]
            # Prefer a variant that says what a real value looks like.
            candidates.sort(
                key=lambda item: (
                    not (
                        isinstance(item[1], Mapping)
                        and ({"enum", "const", "examples", "example"} & set(item[1]))
                    )
                )
            )
            for index, variant in candidates[:1]:
                return _example_value(schemas, variant, f"{pointer}/{key}/{index}", depth + 1)
    if tl.is_class(schema, pointer) or schema.get("type") == "object":
        _, props, required = tl.properties(schema, pointer, inherit=False)
        return {
            p.wire: _example_value(schemas, p.schema, p.pointer, depth + 1)
            for p in props
            if p.wire in required
        }
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind == "array" or "items" in schema:
        return [_example_value(schemas, schema.get("items", {}), pointer + "/items", depth + 1)]
    if kind == "string":
        if schema.get("format") == "binary":
            return ir.FileExample()
        return "string"
    return {"integer": 0, "number": 0.0, "boolean": True}.get(str(kind))


def _small(value: object, limit: int = 200) -> bool:
    """Whether `value` (JSON data) has at most `limit` nodes."""
    stack, count = [value], 0
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            return False
        if isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def usable(value: object) -> bool:
    """Whether `value` can be shown as an example: JSON data (no NaN or infinity, which YAML
    can write) small enough to read (YAML aliases can make a small example expand
    exponentially)."""
    if isinstance(value, Mapping | list) and not _small(value):
        return False
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            return False
        if isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif not (item is None or isinstance(item, bool | int | float | str)):
            return False
    return True
