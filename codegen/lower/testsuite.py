"""Arguments for the SDK's generated tests: every method called with its required parameters,
and again with all of them.

A value is the spec's example where it has one that fits its schema (an `example`, the first of
`examples`, the request body's example for a property), else `default`, `const` or the first
enum value, else one derived from the schema: a string in its `format` (`date-time`, `uuid`,
`email`, ...) or matching its `pattern`, of a length within `minLength`/`maxLength`; a number
within `minimum`/`maximum` and a multiple of `multipleOf`; an object of its required properties;
an array of `minItems` (at least one) items; the first variant of a union that is not `null`.
Everything is deterministic: the same spec gives the same values.

Nested objects get their required properties only: "all parameters" are the method's, and a
nested optional property is as likely to need another one beside it as not. An object that
requires none gets its first writable property: an empty object vanishes from a form body
(`a[b]=v` has nothing to write), so the server would not see the argument at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from .. import ir
from .examples import usable
from .operations import Operation
from .schemas import SCHEMA_PREFIX, Schemas, is_binary
from .strings import matching_string

__all__ = ["Values", "suite_calls"]

_MAX_DEPTH = 6
_FORMATS: dict[str, str] = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00",
    "duration": "P1D",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "uri": "https://example.com",
    "uri-reference": "https://example.com",
    "iri": "https://example.com",
    "iri-reference": "https://example.com",
    "url": "https://example.com",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "byte": "aGVsbG8=",
    "json-pointer": "/example",
    "regex": "^example$",
    "int32": "1",
    "int64": "1",
}


def suite_calls(
    ops: list[Operation], methods: Mapping[str, ir.Method], schemas: Schemas
) -> tuple[ir.SuiteCall, ...]:
    """One `SuiteCall` per method, in the order of the spec's operations."""
    values = Values(schemas)
    calls = []
    for op in ops:
        method = methods[op.key]
        where = _param_schemas(op, schemas)
        flag = (
            method.stream.flag_param
            if method.result == "model_or_stream" and method.stream
            else None
        )
        required: list[tuple[str, Any]] = []
        chosen = values.union_required(op.body.schema, op.body.pointer) if op.body else set()
        every: list[tuple[str, Any]] = []
        given = (
            op.body.example if op.body is not None and isinstance(op.body.example, Mapping) else {}
        )
        # Raw bytes are files in a multipart body, text elsewhere (as `lower/methods.py` types them).
        values.files = op.body is not None and op.body.multipart
        for param in method.params:
            if param.name == flag:
                every.append((param.name, False))  # the one-response overload
                continue
            schema, pointer = where.get((param.location, param.wire), ({}, op.pointer))
            example = given.get(param.wire) if param.location == "body" else None
            body = method.body
            if param.location == "whole_body" and body is not None and body.kind == "binary":
                value: Any = ir.FileExample()  # `body=` of a binary body takes a file
            else:
                value = values.value(schema, pointer, example=example)
            if param.required or (param.location == "body" and param.wire in chosen):
                required.append((param.name, value))
            every.append((param.name, value))
        calls.append(ir.SuiteCall(op.resource, method.name, tuple(required), tuple(every)))
    return tuple(calls)


def _param_schemas(op: Operation, schemas: Schemas) -> dict[tuple[str, str], tuple[Any, str]]:
    """`(location, wire) -> (schema, pointer)` of every parameter the method can have."""
    found: dict[tuple[str, str], tuple[Any, str]] = {}
    for param in op.params:
        found[(param.location, param.wire)] = (param.schema, param.pointer)
    if op.body is not None:
        schema, pointer = schemas.deref(op.body.schema, op.body.pointer)
        if schemas.is_class(schema, pointer):
            for prop in schemas.properties(schema, pointer, inherit=False)[1]:
                found[("body", prop.wire)] = (prop.schema, prop.pointer)
        found[("whole_body", "body")] = (op.body.schema, op.body.pointer)
    return found


class Values:
    """Values for schemas of one document."""

    def __init__(self, schemas: Schemas) -> None:
        self.schemas = schemas
        self.files = True  # a binary string is a file (multipart), else text

    def value(self, schema: Any, pointer: str, *, example: Any = None, depth: int = 0) -> Any:
        schemas = self.schemas
        schema, pointer = schemas.deref(schema, pointer)
        if not isinstance(schema, Mapping):
            return "string"
        schema = self.flatten(schema, pointer)
        if self.files and schemas.has_binary(schema, pointer):
            example = None  # an example of a file is a placeholder (`"<binary image file>"`)
        if example is not None and self.fits(example, schema, pointer):
            return example
        for candidate in _examples(schema):
            if self.fits(candidate, schema, pointer):
                return candidate
        if "const" in schema and schema["const"] is not None:
            return schema["const"]
        enum = schema.get("enum")
        if isinstance(enum, list) and any(v is not None for v in enum):
            return next(v for v in enum if v is not None)
        default = schema.get("default")
        if default is not None and self.fits(default, schema, pointer):
            return default
        if depth > _MAX_DEPTH:
            return None if schemas.is_nullable(schema) else {}
        for key in ("oneOf", "anyOf"):
            variants = schema.get(key)
            if isinstance(variants, list) and not schema.get("properties"):
                usable = [(i, v) for i, v in enumerate(variants) if not schemas.is_null(v)]
                if usable:
                    index, variant = usable[0]
                    found = self.value(variant, f"{pointer}/{key}/{index}", depth=depth + 1)
                    return self.tagged(found, variant, schema.get("discriminator"))
        if schemas.is_class(schema, pointer):
            _, props, required = schemas.properties(schema, pointer, inherit=False)
            required = required | self.union_required(schema, pointer)
            writable = [p for p in props if not _read_only(p.schema)]
            chosen = [p for p in writable if p.wire in required] or writable[:1]
            return {p.wire: self.value(p.schema, p.pointer, depth=depth + 1) for p in chosen}
        kind = _kind(schema)
        if kind == "array":
            item = self.value(schema.get("items", {}), pointer + "/items", depth=depth + 1)
            low = schema.get("minItems")
            count = low if isinstance(low, int) and not isinstance(low, bool) and low > 1 else 1
            return [item] * count
        if kind == "object":
            return {}
        if kind == "string" or (kind is None and is_binary(schema)):
            if is_binary(schema):
                return ir.FileExample() if self.files else "string"
            return _string(schema)
        if kind in ("integer", "number"):
            return _number(schema, integer=kind == "integer")
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        return "string"  # a schema that accepts anything

    def tagged(self, value: Any, variant: Any, discriminator: Any) -> Any:
        """`value` of a union's `variant`, with the discriminator's property set to the
        variant's tag when the variant leaves it optional: the property's own `const` or enum
        value, else the variant's `mapping` key, else its schema name. A tag the value has
        (its example, or the first enum value) that the `mapping` does not give this variant
        becomes the first one it does: DigitalOcean's by-tag Droplet actions map only some of
        `droplet_action`'s types to it, and a validating server rejects the others."""
        if not isinstance(discriminator, Mapping) or not isinstance(value, dict):
            return value
        name = discriminator.get("propertyName")
        ref = variant.get("$ref") if isinstance(variant, Mapping) else None
        if not isinstance(name, str) or not isinstance(ref, str):
            return value
        mapping = discriminator.get("mapping")
        if name in value:
            if not isinstance(mapping, Mapping) or not mapping:
                return value
            tags = _mapped(mapping, ref)
            return value if not tags or value[name] in tags else {**value, name: tags[0]}
        target, pointer = self.schemas.deref(variant, "#")
        if self.schemas.is_class(target, pointer):
            props = self.schemas.properties(target, pointer, inherit=False)[1]
            for prop in props:
                own, _ = self.schemas.deref(prop.schema, prop.pointer)
                if prop.wire == name and isinstance(own, Mapping):
                    if "const" in own:
                        return {**value, name: own["const"]}
                    if isinstance(own.get("enum"), list) and own["enum"]:
                        return {**value, name: own["enum"][0]}
        tags = _mapped(mapping, ref) if isinstance(mapping, Mapping) else []
        return {**value, name: tags[0] if tags else ref.rsplit("/", 1)[-1]}

    def union_required(
        self, schema: Any, pointer: str, _seen: frozenset[str] = frozenset()
    ) -> set[str]:
        """Properties an object schema requires through a union of `required` lists (`anyOf:
        [{required: [a]}, {required: [b]}]`, alone or in an `allOf` part): the first one's."""
        schema, pointer = self.schemas.deref(schema, pointer)
        if not isinstance(schema, Mapping) or pointer in _seen:  # an `allOf` cycle ends here
            return set()
        found: set[str] = set()
        for key in ("anyOf", "oneOf"):
            variants = schema.get(key)
            if (
                isinstance(variants, list)
                and variants
                and all(
                    isinstance(v, Mapping) and set(v) <= {"required", "title", "description"}
                    for v in variants
                )
            ):
                first = variants[0].get("required")
                if isinstance(first, list):
                    found.update(name for name in first if isinstance(name, str))
        parts = schema.get("allOf")
        for index, part in enumerate(parts if isinstance(parts, list) else []):
            found |= self.union_required(part, f"{pointer}/allOf/{index}", _seen | {pointer})
        return found

    def flatten(
        self, schema: Mapping[str, Any], pointer: str, _seen: frozenset[str] = frozenset()
    ) -> Mapping[str, Any]:
        """An `allOf` that makes no class, as one schema: its parts' keywords, later ones and
        the schema's own winning (`allOf: [{anyOf: [boolean, null]}, {enum: [false]}]`)."""
        parts = schema.get("allOf")
        if (
            not isinstance(parts, list)
            or pointer in _seen
            or self.schemas.is_class(schema, pointer)
        ):
            return schema
        merged: dict[str, Any] = {}
        for index, part in enumerate(parts):
            part, where = self.schemas.deref(part, f"{pointer}/allOf/{index}")
            if isinstance(part, Mapping):
                merged.update(self.flatten(part, where, _seen | {pointer}))
        merged.update((k, v) for k, v in schema.items() if k != "allOf")
        return merged

    def fits(self, value: Any, schema: Mapping[str, Any], pointer: str) -> bool:
        """Whether `value` is JSON data that obviously satisfies `schema`'s own keywords (a
        scalar of the right type, enum, bounds, length and pattern); objects and arrays are
        trusted when their type fits, and when they are JSON data small enough to read."""
        if not usable(value):
            return False
        enum = schema.get("enum")
        if isinstance(enum, list) and value not in enum:
            return False
        if "const" in schema and value != schema["const"]:
            return False
        kind = _kind(schema)
        checks: dict[str, type | tuple[type, ...]] = {
            "string": str,
            "integer": int,
            "number": (int, float),
            "boolean": bool,
            "array": list,
            "object": dict,
        }
        if kind in checks and not isinstance(value, checks[kind]):
            return False
        if kind in ("integer", "number") and isinstance(value, bool):
            return False
        if isinstance(value, str):
            if schema.get("format") == "binary":
                return False
            low, high = schema.get("minLength"), schema.get("maxLength")
            if isinstance(low, int) and len(value) < low:
                return False
            if isinstance(high, int) and len(value) > high:
                return False
            pattern = schema.get("pattern")
            if isinstance(pattern, str):
                try:
                    if re.search(pattern, value) is None:
                        return False
                except re.error:
                    return False
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _in_range(value, schema)
        if kind is None and isinstance(value, (dict, list)):
            return not schema.get("oneOf") and not schema.get("anyOf")
        return True


def _mapped(mapping: Mapping[str, Any], ref: str) -> list[str]:
    """The tags a discriminator's `mapping` gives the variant `$ref: ref` (a target is a
    reference, or a schema's bare name)."""
    return [
        str(tag)
        for tag, target in mapping.items()
        if target == ref or SCHEMA_PREFIX + str(target) == ref
    ]


def _examples(schema: Mapping[str, Any]) -> list[Any]:
    found = []
    if schema.get("example") is not None:
        found.append(schema["example"])
    examples = schema.get("examples")
    if isinstance(examples, list):
        found.extend(e for e in examples if e is not None)
    return found


def _read_only(schema: Any) -> bool:
    return isinstance(schema, Mapping) and schema.get("readOnly") is True


def _kind(schema: Mapping[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind is None:
        if "items" in schema:
            return "array"
        if "properties" in schema or "additionalProperties" in schema:
            return "object"
        if any(k in schema for k in ("pattern", "format", "minLength", "maxLength")):
            return "string"
        if any(k in schema for k in ("minimum", "maximum", "multipleOf")):
            return "number"
    return kind if isinstance(kind, str) else None


def _string(schema: Mapping[str, Any]) -> str:
    low = schema.get("minLength")
    high = schema.get("maxLength")
    low = low if isinstance(low, int) and not isinstance(low, bool) else 0
    high = high if isinstance(high, int) and not isinstance(high, bool) else None
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        found = matching_string(pattern, low, high)
        if found is not None:
            return found
    format_ = schema.get("format")
    text = _FORMATS.get(format_, "string") if isinstance(format_, str) else "string"
    if len(text) < low:
        text += "x" * (low - len(text))
    if high is not None and len(text) > high:
        text = text[:high]
    return text


def _number(schema: Mapping[str, Any], *, integer: bool) -> int | float:
    """A value inside the bounds: the lower one (stepped past an exclusive one), else 1 when
    allowed, else the upper one; rounded up to a multiple of `multipleOf`."""
    low, low_open = _bound(schema, "minimum", "exclusiveMinimum")
    high, high_open = _bound(schema, "maximum", "exclusiveMaximum")
    step = schema.get("multipleOf")
    step = (
        step if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0 else None
    )
    if low is not None and high is not None:
        value: float = (low + high) / 2 if not integer else math.ceil(low + (1 if low_open else 0))
    elif low is not None:
        value = low + (1 if low_open else 0) if integer or not low_open else low + 1
    elif high is not None:
        value = min(1, high - (1 if high_open else 0)) if integer else min(1.0, high - 1)
    else:
        value = 1
    if step is not None:
        value = math.ceil(value / step) * step
    if integer:
        return math.ceil(value)
    return float(value)


def _bound(schema: Mapping[str, Any], key: str, exclusive: str) -> tuple[float | None, bool]:
    """A bound and whether it is exclusive (3.1: `exclusiveMinimum: 5`; 3.0: a boolean)."""
    value = schema.get(key)
    flag = schema.get(exclusive)
    if isinstance(flag, (int, float)) and not isinstance(flag, bool):
        return float(flag), True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), flag is True
    return None, False


def _in_range(value: float, schema: Mapping[str, Any]) -> bool:
    low, low_open = _bound(schema, "minimum", "exclusiveMinimum")
    high, high_open = _bound(schema, "maximum", "exclusiveMaximum")
    if low is not None and (value < low or (low_open and value == low)):
        return False
    if high is not None and (value > high or (high_open and value == high)):
        return False
    step = schema.get("multipleOf")
    if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0:
        return abs(value / step - round(value / step)) < 1e-9
    return True
