"""Instances to validate: the spec's own examples, generated valid ones, and near-misses.

Everything here reads the OpenAPI document directly (no code of the generator), so it is a
third reading of the schemas next to ours and datamodel-code-generator's. Generation is
deterministic: each schema gets its own `random.Random` seeded from the spec and schema name.

- `examples(document)`: `example`/`examples` of component schemas, and response examples
  whose media type's schema is a `$ref` to a component (attributed to that component).
- `Generator(document).valid(name)`: up to three instances that the JSON Schema reading of
  the schema accepts (all optional properties, only the required ones, a random mix).
- `near_misses(...)`: from a valid object instance, one change each: a required property
  removed, a property of the wrong JSON type, the valid value as a string that pydantic's lax
  mode would coerce (`"7"` for `7`), a value outside its `enum`, `null` where the property is not
  nullable, a property the schema does not declare; at the root, a value of the wrong type and
  an unknown discriminator tag.
- `SpecOracle`: what the spec says about an instance, by `jsonschema` (Draft 4 for OpenAPI
  3.0 with `nullable` translated, Draft 2020-12 for 3.1; `discriminator` and `format` are not
  JSON Schema assertions and are not checked).
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema

__all__ = ["Case", "Generator", "SpecOracle", "examples", "near_misses", "schema_pointer"]

PREFIX = "#/components/schemas/"
MAX_DEPTH = 12  # nesting at which generation gives up (a required recursive property)
OPTIONAL_DEPTH = 3  # below this depth only required properties are generated
MAX_NEAR_MISSES = 10  # per schema, chosen deterministically
_FORMATS = {
    "date-time": "2024-05-06T07:08:09Z",
    "date": "2024-05-06",
    "time": "07:08:09Z",
    "uuid": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
    "email": "user@example.com",
    "uri": "https://example.com/a",
    "url": "https://example.com/a",
    "uri-reference": "https://example.com/a",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "aGVsbG8=",
    "binary": "aGVsbG8=",
    "duration": "P1D",
    "decimal": "1.25",
}


@dataclass(frozen=True)
class Case:
    """One instance for one schema: `case` names it (`example#0`, `valid#1`,
    `missing-required:id`, `wrong-type:id`, `coercible:n`, `out-of-enum:status`, `null:id`,
    `unknown-tag`, ...)."""

    schema: str
    case: str
    value: Any


class GiveUp(Exception):
    """No instance can be generated along this path (too deep, an unmatched pattern, ...)."""


def schema_pointer(name: str) -> str:
    return PREFIX + name.replace("~", "~0").replace("/", "~1")


def _seeded(*parts: str) -> random.Random:
    digest = hashlib.sha256("\0".join(parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


# ------------------------------------------------------------------------------ examples


def examples(document: Mapping[str, Any]) -> Iterator[Case]:
    """The spec's own examples, per component schema."""
    schemas = document.get("components", {}).get("schemas", {})
    for name in sorted(schemas):
        schema = schemas[name]
        if not isinstance(schema, Mapping):
            continue
        found = []
        if "example" in schema:
            found.append(schema["example"])
        if isinstance(schema.get("examples"), list):
            found.extend(schema["examples"])
        for index, value in enumerate(found):
            yield Case(name, f"example#{index}", value)
    counters: dict[str, int] = {}
    for _path, item in sorted(document.get("paths", {}).items()):
        if not isinstance(item, Mapping):
            continue
        for _method, operation in sorted(item.items()):
            if not isinstance(operation, Mapping):
                continue
            for status, response in sorted(operation.get("responses", {}).items()):
                response = _deref(document, response)
                if not isinstance(response, Mapping) or not str(status).startswith("2"):
                    continue
                for media in (response.get("content") or {}).values():
                    if not isinstance(media, Mapping):
                        continue
                    ref = (media.get("schema") or {}).get("$ref")
                    if not isinstance(ref, str) or not ref.startswith(PREFIX):
                        continue
                    name = _unescape(ref[len(PREFIX) :])
                    values = []
                    if "example" in media:
                        values.append(media["example"])
                    for example in (media.get("examples") or {}).values():
                        example = _deref(document, example)
                        if isinstance(example, Mapping) and "value" in example:
                            values.append(example["value"])
                    for value in values:
                        index = counters.get(name, 0)
                        counters[name] = index + 1
                        yield Case(name, f"response-example#{index}", value)


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _deref(document: Mapping[str, Any], node: Any) -> Any:
    seen = 0
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and seen < 50:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return None
        node = document
        for token in ref[2:].split("/"):
            token = _unescape(token)
            if not isinstance(node, Mapping) or token not in node:
                return None
            node = node[token]
        seen += 1
    return node


# ---------------------------------------------------------------------------- generation


class Generator:
    """Valid instances of component schemas, by a walk over the document."""

    def __init__(self, document: Mapping[str, Any], spec_name: str) -> None:
        self.document = document
        self.spec_name = spec_name
        self.openapi30 = str(document.get("openapi", "3.0")).startswith("3.0")

    def resolve(self, schema: Any) -> Any:
        target = _deref(self.document, schema)
        if target is None:
            raise GiveUp("unresolvable $ref")
        return target

    def nullable(self, schema: Any) -> bool:
        """Whether `null` is valid for `schema` by its own keywords (3.0 or 3.1 spelling)."""
        schema = self.resolve(schema)
        if not isinstance(schema, Mapping):
            return schema is True
        if schema.get("nullable") is True:
            return True
        kind = schema.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind):
            return True
        if "enum" in schema and None in (schema.get("enum") or []):
            return True
        for key in ("oneOf", "anyOf"):
            if any(self.nullable(part) for part in schema.get(key) or []):
                return True
        if schema.get("allOf"):
            return all(self.nullable(part) for part in schema["allOf"])
        return False

    def valid(self, name: str) -> list[Any]:
        """Up to three instances (full, minimal, random); fewer where generation gives up."""
        out: list[Any] = []
        for index, mode in enumerate(("full", "minimal", "random")):
            rng = _seeded(self.spec_name, name, str(index))
            try:
                value = self.value({"$ref": schema_pointer(name)}, 0, mode, rng)
            except (GiveUp, RecursionError):
                continue
            if value not in out:
                out.append(value)
        return out

    # The walk. `mode`: "full" includes optional properties (above OPTIONAL_DEPTH), "minimal"
    # only required ones, "random" a coin flip each.
    def value(self, schema: Any, depth: int, mode: str, rng: random.Random) -> Any:
        if depth > MAX_DEPTH:
            raise GiveUp("too deep")
        if schema is True or schema == {}:
            return "anything"
        if not isinstance(schema, Mapping):
            raise GiveUp("false schema")
        if "$ref" in schema:
            target = self.resolve(schema)
            siblings = {k: v for k, v in schema.items() if k in _ASSERTIONS}
            if siblings and not self.openapi30:
                return self.value({"allOf": [target, siblings]}, depth + 1, mode, rng)
            return self.value(target, depth + 1, mode, rng)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            values = [v for v in schema["enum"] or [] if v is not None]
            if not values:
                return None
            return values[rng.randrange(len(values))]
        if schema.get("allOf"):
            return self._all_of(schema, depth, mode, rng)
        for key in ("oneOf", "anyOf"):
            if schema.get(key):
                return self._union(schema, key, depth, mode, rng)
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if kinds else "null"
        if kind is None:
            if "properties" in schema or "additionalProperties" in schema:
                kind = "object"
            elif "items" in schema:
                kind = "array"
            else:
                return "anything"
        return self._typed(kind, schema, depth, mode, rng)

    def _typed(self, kind: str, schema: Mapping[str, Any], depth: int, mode: str, rng: Any) -> Any:
        if kind == "null":
            return None
        if kind == "boolean":
            return True
        if kind in ("integer", "number"):
            return _number(kind, schema)
        if kind == "string":
            return _string(schema)
        if kind == "array":
            low = int(schema.get("minItems", 0))
            high = schema.get("maxItems")
            count = max(low, 0 if mode == "minimal" or depth >= OPTIONAL_DEPTH else 1)
            if high is not None:
                count = min(count, int(high))
            items = [
                self.value(schema.get("items", {}), depth + 1, mode, rng) for _ in range(count)
            ]
            return items
        if kind == "object":
            return self._object(schema, depth, mode, rng)
        raise GiveUp(f"type {kind!r}")

    def _object(self, schema: Mapping[str, Any], depth: int, mode: str, rng: Any) -> Any:
        props = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        out: dict[str, Any] = {}
        for key in props:
            if key not in required:
                if mode == "minimal" or depth >= OPTIONAL_DEPTH:
                    continue
                if mode == "random" and rng.random() < 0.5:
                    continue
                prop = self.resolve(props[key])
                if isinstance(prop, Mapping) and prop.get("writeOnly"):
                    continue
            out[key] = self.value(props[key], depth + 1, mode, rng)
        for key in sorted(required - set(props)):
            extra = schema.get("additionalProperties")
            out[key] = self.value(extra if isinstance(extra, Mapping) else {}, depth + 1, mode, rng)
        extra = schema.get("additionalProperties")
        if not props and isinstance(extra, Mapping) and extra and mode != "minimal":
            out["key"] = self.value(extra, depth + 1, mode, rng)
        low = schema.get("minProperties")
        if isinstance(low, int) and len(out) < low:
            raise GiveUp("minProperties")
        return out

    def _flatten(self, schema: Any, depth: int) -> list[Mapping[str, Any]]:
        """`allOf` parts (and the parts of their `$ref`s and `allOf`s), resolved."""
        if depth > MAX_DEPTH:
            raise GiveUp("allOf too deep")
        schema = self.resolve(schema)
        if not isinstance(schema, Mapping):
            return []
        parts = [schema]
        for part in schema.get("allOf") or []:
            parts.extend(self._flatten(part, depth + 1))
        return parts

    def _all_of(self, schema: Mapping[str, Any], depth: int, mode: str, rng: Any) -> Any:
        parts = self._flatten(schema, depth)
        merged: dict[str, Any] = {}
        props: dict[str, Any] = {}
        required: list[str] = []
        union: Mapping[str, Any] | None = None
        for part in parts:
            for key, value in part.items():
                if key == "properties":
                    for prop, prop_schema in value.items():
                        props.setdefault(prop, prop_schema)
                elif key == "required":
                    required.extend(value)
                elif key in ("oneOf", "anyOf") and union is None:
                    union = part
                elif key not in ("allOf", "$ref", "discriminator"):
                    merged.setdefault(key, value)
        if props or required:
            merged["type"] = "object"
            merged["properties"] = props
            merged["required"] = sorted(set(required))
        base = self.value(merged, depth + 1, mode, rng) if merged.get("type") or props else None
        if union is not None:
            key = "oneOf" if union.get("oneOf") else "anyOf"
            chosen = self._union(union, key, depth, mode, rng)
            if isinstance(base, dict) and isinstance(chosen, dict):
                return {**base, **chosen}
            return chosen
        if base is None:
            raise GiveUp("empty allOf")
        return base

    def _union(self, schema: Mapping[str, Any], key: str, depth: int, mode: str, rng: Any) -> Any:
        variants = list(schema[key])
        prop = (schema.get("discriminator") or {}).get("propertyName")
        mapping = (schema.get("discriminator") or {}).get("mapping") or {}
        order = list(range(len(variants)))
        rng.shuffle(order)
        if depth >= OPTIONAL_DEPTH:  # deep down: prefer variants that are not references
            order.sort(
                key=lambda i: "$ref" in variants[i] if isinstance(variants[i], Mapping) else 0
            )
        last: Exception = GiveUp("no variant")
        for index in order:
            variant = variants[index]
            if isinstance(variant, Mapping) and variant.get("type") == "null":
                continue
            try:
                value = self.value(variant, depth + 1, mode, rng)
            except GiveUp as exc:
                last = exc
                continue
            if prop and isinstance(value, dict):
                tag = self._tag(variant, prop, mapping)
                if tag is not None:
                    value[prop] = tag
            return value
        raise last

    def _tag(self, variant: Any, prop: str, mapping: Mapping[str, str]) -> str | None:
        ref = variant.get("$ref") if isinstance(variant, Mapping) else None
        for tag, target in mapping.items():
            if target == ref or (ref and ref.endswith("/" + target)):
                return tag
        for part in self._flatten(variant, 0):
            prop_schema = self.resolve((part.get("properties") or {}).get(prop, {}))
            if isinstance(prop_schema, Mapping):
                if "const" in prop_schema:
                    return prop_schema["const"]  # type: ignore[no-any-return]
                if prop_schema.get("enum"):
                    return prop_schema["enum"][0]  # type: ignore[no-any-return]
        if ref and ref.startswith(PREFIX):
            return _unescape(ref[len(PREFIX) :])
        return None


_ASSERTIONS = frozenset(
    {
        "type",
        "properties",
        "required",
        "enum",
        "const",
        "items",
        "allOf",
        "oneOf",
        "anyOf",
        "nullable",
        "minimum",
        "maximum",
        "minLength",
        "maxLength",
        "pattern",
        "format",
    }
)


def _num(value: Any) -> Any:
    """A numeric keyword's value, or None when it is not a number (specs write `"0"`)."""
    if isinstance(value, bool):
        return value
    return value if isinstance(value, (int, float)) else None


def _number(kind: str, schema: Mapping[str, Any]) -> Any:
    low, high = _num(schema.get("minimum")), _num(schema.get("maximum"))
    ex_low, ex_high = _num(schema.get("exclusiveMinimum")), _num(schema.get("exclusiveMaximum"))
    step = _num(schema.get("multipleOf"))
    if isinstance(ex_low, (int, float)) and not isinstance(ex_low, bool):
        low = ex_low + (1 if kind == "integer" else 0.5)
    elif ex_low is True and low is not None:
        low = low + (1 if kind == "integer" else 0.5)
    if isinstance(ex_high, (int, float)) and not isinstance(ex_high, bool):
        high = ex_high - (1 if kind == "integer" else 0.5)
    elif ex_high is True and high is not None:
        high = high - (1 if kind == "integer" else 0.5)
    value: Any = low if low is not None else (min(1, high) if high is not None else 1)
    if kind == "integer":
        value = int(-(-value // 1))  # ceil
    elif high is None or value + 0.5 <= high:
        value = value + 0.5 if low is not None else 1.5
    if isinstance(step, (int, float)) and step > 0:
        value = step * -(-value // step)
        value = int(value) if kind == "integer" or float(value).is_integer() else value
    if high is not None and value > high:
        raise GiveUp("empty numeric range")
    return value


def _string(schema: Mapping[str, Any]) -> str:
    low = int(schema.get("minLength", 0))
    high = schema.get("maxLength")
    value = _FORMATS.get(str(schema.get("format")), "text")
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        candidates: list[Any] = [schema.get("example"), schema.get("default")]
        candidates += list(schema.get("examples") or [])
        candidates += [value, "a", "A", "1", "abc", "a1", "2024-05-06"]
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise GiveUp("pattern Python cannot read") from exc
        matching = [c for c in candidates if isinstance(c, str) and compiled.search(c)]
        if not matching:
            raise GiveUp("pattern")
        value = matching[0]
    if len(value) < low:
        value = value + "x" * (low - len(value))
    if high is not None and len(value) > int(high):
        value = value[: int(high)]
        if isinstance(pattern, str) and not re.search(pattern, value):
            raise GiveUp("pattern and maxLength")
    return value


# ---------------------------------------------------------------------------- near misses

_WRONG = {
    "string": 12345,
    "integer": "abc",
    "number": "abc",
    "boolean": "maybe",
    "array": "not-an-array",
    "object": "not-an-object",
}


def near_misses(gen: Generator, name: str, valid: Any, rng_seed: str) -> list[Case]:
    """One change each to `valid` (see the module docstring), at most MAX_NEAR_MISSES."""
    root = gen.resolve({"$ref": schema_pointer(name)})
    cases: list[Case] = []
    kind = _kind_of(gen, root)
    if kind is not None and kind in _WRONG:
        cases.append(Case(name, "wrong-type:<root>", _WRONG[kind]))
    enum = _enum_of(gen, root)
    if enum is not None:
        cases.append(
            Case(name, "out-of-enum:<root>", 987654 if _numeric(enum) else "zz-not-listed")
        )
    prop = _discriminator_of(gen, root)
    if prop is not None and isinstance(valid, dict):
        cases.append(Case(name, "unknown-tag", {**valid, prop: "zz-unknown-tag"}))
    if isinstance(valid, dict):
        props, required = _object_shape(gen, root)
        # A property the schema does not name: fine unless `additionalProperties: false`.
        cases.append(Case(name, "extra-property", {**valid, "zz_undeclared": 1}))
        changes: list[Case] = []
        for key in sorted(required & set(valid)):
            changes.append(
                Case(name, f"missing-required:{key}", {k: v for k, v in valid.items() if k != key})
            )
        for key in sorted(props):
            if key not in valid:
                continue
            schema = props[key]
            prop_kind = _kind_of(gen, schema)
            if prop_kind in _WRONG:
                changes.append(Case(name, f"wrong-type:{key}", {**valid, key: _WRONG[prop_kind]}))
            value = valid[key]
            if prop_kind in ("integer", "number", "boolean") and isinstance(value, (int, float)):
                # The valid value as a string: pydantic's lax mode takes it, the spec does not.
                text = json.dumps(value)
                changes.append(Case(name, f"coercible:{key}", {**valid, key: text}))
            prop_enum = _enum_of(gen, schema)
            if prop_enum is not None:
                bad = 987654 if _numeric(prop_enum) else "zz-not-listed"
                changes.append(Case(name, f"out-of-enum:{key}", {**valid, key: bad}))
            if not gen.nullable(schema):
                changes.append(Case(name, f"null:{key}", {**valid, key: None}))
        rng = _seeded(rng_seed, name, "near-misses")
        if len(changes) > MAX_NEAR_MISSES:
            changes = sorted(rng.sample(changes, MAX_NEAR_MISSES), key=lambda c: c.case)
        cases.extend(changes)
    return cases


def _numeric(values: list[Any]) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def _kind_of(gen: Generator, schema: Any) -> str | None:
    """The one JSON type `schema` allows (besides null), or None when it allows several."""
    try:
        schema = gen.resolve(schema)
    except GiveUp:
        return None
    if not isinstance(schema, Mapping):
        return None
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    if isinstance(kind, str):
        return kind
    if schema.get("allOf"):
        found = {_kind_of(gen, part) for part in schema["allOf"]} - {None}
        return found.pop() if len(found) == 1 else None
    for key in ("oneOf", "anyOf"):
        if schema.get(key):
            found = {_kind_of(gen, part) for part in schema[key] if not gen_is_null(part)}
            return found.pop() if len(found) == 1 and None not in found else None
    if "properties" in schema:
        return "object"
    return None


def gen_is_null(schema: Any) -> bool:
    return isinstance(schema, Mapping) and schema.get("type") == "null"


def _enum_of(gen: Generator, schema: Any) -> list[Any] | None:
    try:
        schema = gen.resolve(schema)
    except GiveUp:
        return None
    if isinstance(schema, Mapping) and isinstance(schema.get("enum"), list):
        return [v for v in schema["enum"] if v is not None] or None
    return None


def _discriminator_of(gen: Generator, schema: Any) -> str | None:
    if not isinstance(schema, Mapping):
        return None
    if (schema.get("oneOf") or schema.get("anyOf")) and isinstance(
        schema.get("discriminator"), Mapping
    ):
        prop = schema["discriminator"].get("propertyName")
        return prop if isinstance(prop, str) else None
    return None


def _object_shape(gen: Generator, schema: Any) -> tuple[dict[str, Any], set[str]]:
    props: dict[str, Any] = {}
    required: set[str] = set()
    try:
        parts = gen._flatten(schema, 0)
    except GiveUp:
        return props, required
    for part in parts:
        for key, value in (part.get("properties") or {}).items():
            props.setdefault(key, value)
        required |= set(part.get("required") or [])
    return props, required


# -------------------------------------------------------------------------------- oracle


class SpecOracle:
    """`accepts(name, value)`: whether the JSON Schema reading of the schema accepts `value`."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        openapi30 = str(document.get("openapi", "3.0")).startswith("3.0")
        components = copy.deepcopy(dict(document.get("components") or {}))
        if openapi30:
            components = _translate_nullable(components)
        self._root = {"components": components}
        self._cls = jsonschema.Draft4Validator if openapi30 else jsonschema.Draft202012Validator
        self._validators: dict[str, Any] = {}

    def accepts(self, name: str, value: Any) -> bool:
        return self.why_not(name, value) is None

    def why_not(self, name: str, value: Any) -> str | None:
        """None when the schema accepts `value`, else jsonschema's best error, briefly."""
        validator = self._validators.get(name)
        if validator is None:
            schema = {**self._root, "allOf": [{"$ref": schema_pointer(name)}]}
            validator = self._validators[name] = self._cls(schema)
        try:
            error = jsonschema.exceptions.best_match(validator.iter_errors(value))
            if error is None:
                return None
            where = ".".join(str(part) for part in error.absolute_path) or "<root>"
            return f"{where}: {error.message}"[:160]
        except (
            jsonschema.exceptions.SchemaError,
            jsonschema.exceptions._WrappedReferencingError,
            RecursionError,
            re.error,
            TypeError,
        ):
            raise GiveUp(f"jsonschema cannot check {name}") from None


def _translate_nullable(node: Any) -> Any:
    """OpenAPI 3.0's `nullable: true` as Draft 4 JSON Schema."""
    if isinstance(node, list):
        return [_translate_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _translate_nullable(value) for key, value in node.items()}
    if out.get("nullable") is True:
        out.pop("nullable")
        kind = out.get("type")
        if isinstance(kind, str) and "$ref" not in out and "allOf" not in out:
            out["type"] = [kind, "null"]
            if isinstance(out.get("enum"), list) and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
        else:
            return {"anyOf": [out, {"type": "null"}]}
    return out
