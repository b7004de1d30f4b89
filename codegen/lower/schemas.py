"""What a JSON Schema is, read from the document: references, nullability, classes, properties.

`Schemas` answers questions about schemas without deciding anything about Python: where a
`$ref` leads (through `codegen.spec.refs`), which named schemas a schema references, whether it
admits null, whether it is an object with properties (a class), what properties an `allOf`
merges, where an object's `data` array is, whether it holds a binary string. Every other part of
`lower` asks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import SpecError
from ..spec.pointer import escape_token, unescape_token
from ..spec.refs import resolve

__all__ = ["SCHEMA_PREFIX", "Prop", "Schemas", "is_binary", "merge_schemas", "schema_is", "shaped"]

SCHEMA_PREFIX = "#/components/schemas/"
_SHAPE_KEYS = ("type", "$ref", "enum", "const", "oneOf", "anyOf", "allOf", "items", "properties")


@dataclass(frozen=True)
class Prop:
    """One property of an object schema: its wire name, its schema and where that is."""

    wire: str
    schema: Any
    pointer: str


class Schemas:
    """The schemas of one (bundled) document.

    `named` are the component schemas by name. `resolving` holds the pointers being expanded
    right now (`allOf` parts, inline references being lowered): a schema met again while it is
    being expanded is a cycle, and the expansion stops there.
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        components = document.get("components") or {}
        self.named: Mapping[str, Any] = components.get("schemas") or {}
        self.resolving: list[str] = []
        self._refs: dict[str, frozenset[str]] = {}

    def resolve(self, ref: str, pointer: str) -> tuple[Any, str]:
        """Follow a local `$ref` (chains of bare references included); `SpecError` when it
        dangles. Returns the target and its pointer."""
        target, node = resolve(self.document, {"$ref": ref}, None, keep_siblings=True)
        return node, target

    def deref(self, schema: Any, pointer: str) -> tuple[Any, str]:
        """`schema` with a top-level `$ref` followed (named or not)."""
        if isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
            return self.resolve(schema["$ref"], pointer)
        return schema, pointer

    @staticmethod
    def named_ref(schema: Any) -> str | None:
        """The component name if `schema` is a `$ref` to `#/components/schemas/<Name>`."""
        if isinstance(schema, Mapping):
            ref = schema.get("$ref")
            if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
                name = ref[len(SCHEMA_PREFIX) :]
                if "/" not in name:
                    return unescape_token(name)
        return None

    def direct_refs(self, name: str) -> frozenset[str]:
        """Named schemas referenced by schema `name` (without crossing into them)."""
        cached = self._refs.get(name)
        if cached is None:
            cached = frozenset(self.refs_in(self.named[name], SCHEMA_PREFIX + name))
            self._refs[name] = cached
        return cached

    def refs_in(self, node: Any, pointer: str) -> set[str]:
        """Named schemas referenced anywhere inside `node` (inline `$ref`s are followed)."""
        found: set[str] = set()
        seen: set[str] = set()
        walked: set[int] = set()  # YAML aliases share nodes: walk each once, not once per use
        stack: list[Any] = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, Mapping | list):
                if id(item) in walked:
                    continue
                walked.add(id(item))
            if isinstance(item, Mapping):
                ref = item.get("$ref")
                if isinstance(ref, str):
                    named = self.named_ref(item)
                    if named is not None:
                        if named not in self.named:
                            raise SpecError(pointer, f"$ref {ref!r} points at nothing")
                        found.add(named)
                    elif ref not in seen:
                        seen.add(ref)
                        stack.append(self.resolve(ref, pointer)[0])
                stack.extend(v for k, v in item.items() if k not in ("example", "examples"))
            elif isinstance(item, list):
                stack.extend(item)
        return found

    def closure(self, roots: Iterable[str]) -> set[str]:
        """`roots` plus every named schema they reach."""
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            stack.extend(self.direct_refs(name) - seen)
        return seen

    def is_nullable(self, schema: Any) -> bool:
        """Whether the top level of `schema` admits `null` (3.0 `nullable` or 3.1 style)."""
        if not isinstance(schema, Mapping):
            return False
        if schema.get("nullable") is True:
            return True
        types = schema.get("type")
        if isinstance(types, list) and "null" in types:
            return True
        if "enum" in schema and isinstance(schema["enum"], list) and None in schema["enum"]:
            return True
        for key in ("oneOf", "anyOf"):
            variants = schema.get(key)
            if isinstance(variants, list) and any(self.is_null(v) for v in variants):
                return True
        return False

    def is_null(self, schema: Any) -> bool:
        """Whether `schema` is exactly `null`."""
        if not isinstance(schema, Mapping):
            return False
        if schema.get("type") == "null" or schema.get("type") == ["null"]:
            return True
        if "const" in schema and schema["const"] is None:
            return True
        return schema.get("enum") == [None]

    def is_class(
        self, schema: Any, pointer: str = "#", _seen: frozenset[int] = frozenset()
    ) -> bool:
        """Whether `schema` (not a `$ref`) becomes a class: it has properties, or merges some.

        (`_seen`: the `allOf` schemas being looked through, so an `allOf` cycle ends.)"""
        if not isinstance(schema, Mapping) or "$ref" in schema or id(schema) in _seen:
            return False
        if schema.get("properties"):
            return True
        parts = schema.get("allOf")
        if not isinstance(parts, list):
            return False
        # `allOf: [{$ref: X}, {description: ...}]` only documents X: it is X, not a new class;
        # `allOf: [{$ref: X}], required: [...]` requires more than X does: a class of its own.
        meaningful = sum(1 for p in parts if not _documents_only(p))
        if meaningful > 1 or (meaningful and schema.get("required")):
            seen = _seen | {id(schema)}
            return any(self.is_class(self.deref(p, pointer)[0], pointer, seen) for p in parts)
        return False

    def sole_class(self, schema: Any) -> tuple[Mapping[str, Any], str, int] | None:
        """`(variant, "oneOf"|"anyOf", index)` when `schema` is a union of one inline class
        schema and, optionally, `null` (`anyOf: [{type: object, properties: ...}, {type: null}]`)."""
        if not isinstance(schema, Mapping) or _shaped_besides_union(schema):
            return None
        for key in ("oneOf", "anyOf"):
            variants = schema.get(key)
            if not isinstance(variants, list):
                continue
            indexed = [(i, v) for i, v in enumerate(variants) if not self.is_null(v)]
            if len(indexed) == 1 and self.is_class(indexed[0][1]):
                return indexed[0][1], key, indexed[0][0]
            return None
        return None

    def properties(
        self, schema: Any, pointer: str, *, inherit: bool
    ) -> tuple[str | None, list[Prop], set[str]]:
        """Merged properties and required names of an object schema, as the spec means them.

        Every `allOf` part counts: `required` names from each part, and a property declared by
        several parts is the intersection of those declarations (`merge_schemas`). A name that
        is required but declared by no part is a property of any type (JSON Schema requires
        the key, whatever its value). With `inherit`, a single `allOf` `$ref` to a class schema
        is returned as the base, whose properties are then not repeated, unless the other
        parts tighten one of them (redeclare it, or require what the base leaves optional):
        a subclass cannot narrow an inherited field soundly, so such a schema is flattened.
        """
        parts = schema.get("allOf") if isinstance(schema.get("allOf"), list) else []
        base = self._base(parts) if inherit else None
        # An `allOf` cycle (A inherits B inherits A) cannot be classes: flatten instead.
        ancestor, seen = base, set()
        while ancestor is not None and ancestor not in seen:
            if SCHEMA_PREFIX + escape_token(ancestor) == pointer:
                base = None
                break
            seen.add(ancestor)
            ancestor_parts = self.named[ancestor].get("allOf")
            ancestor = self._base(ancestor_parts if isinstance(ancestor_parts, list) else [])
        props, required = self._merged(schema, pointer, parts, base)
        inherited: dict[str, Prop] = {}
        if base is not None:
            base_pointer = SCHEMA_PREFIX + escape_token(base)
            _, base_props, base_required = self.properties(
                self.named[base], base_pointer, inherit=False
            )
            inherited = {prop.wire: prop for prop in base_props}
            tightened = any(
                prop.wire in inherited and prop.schema != inherited[prop.wire].schema
                for prop in props.values()
            ) or any(name in inherited and name not in base_required for name in required)
            if tightened:
                base, inherited = None, {}
                props, required = self._merged(schema, pointer, parts, None)
            else:  # the same declaration again: the base has it
                props = {wire: prop for wire, prop in props.items() if wire not in inherited}
        for name in sorted(required - props.keys() - inherited.keys()):
            props[name] = Prop(name, {}, f"{pointer}/required")
        return base, list(props.values()), required

    def _merged(
        self, schema: Mapping[str, Any], pointer: str, parts: list[Any], base: str | None
    ) -> tuple[dict[str, Prop], set[str]]:
        """The properties and required names of `schema`'s `allOf` parts (except `base`) and
        its own, a property declared more than once merged (`merge_schemas`)."""
        props: dict[str, Prop] = {}
        required: set[str] = set()

        def add(prop: Prop) -> None:
            previous = props.get(prop.wire)
            if previous is None:
                props[prop.wire] = prop
            else:
                merged = merge_schemas(previous.schema, prop.schema)
                where = prop.pointer if merged is prop.schema else previous.pointer
                props[prop.wire] = Prop(prop.wire, merged, where)

        for index, part in enumerate(parts):
            part_pointer = f"{pointer}/allOf/{index}"
            if base is not None and self.named_ref(part) == base:
                continue
            target, target_pointer = self.deref(part, part_pointer)
            if not isinstance(target, Mapping):
                continue
            if target_pointer in self.resolving:
                continue
            self.resolving.append(target_pointer)
            try:
                _, part_props, part_required = self.properties(
                    target, target_pointer, inherit=False
                )
            finally:
                self.resolving.pop()
            for prop in part_props:
                if not prop.pointer.endswith("/required"):  # required-only: added at the end
                    add(prop)
            required |= part_required
        own = schema.get("properties")
        if isinstance(own, Mapping):
            for wire, prop_schema in own.items():
                add(Prop(str(wire), prop_schema, f"{pointer}/properties/{escape_token(str(wire))}"))
        own_required = schema.get("required")
        if isinstance(own_required, list):
            required |= {str(r) for r in own_required}
        return props, required

    def _base(self, parts: list[Any]) -> str | None:
        """The one named class schema among `allOf` parts (a model inherits it), if one."""
        class_refs = [
            named
            for named in (self.named_ref(p) for p in parts)
            if named is not None and named in self.named and self.is_class(self.named[named])
        ]
        return class_refs[0] if len(class_refs) == 1 else None

    def data_items(self, schema: Mapping[str, Any], pointer: str) -> tuple[Any, str] | None:
        """The `items` schema of an object's `data` array property, if it has one."""
        _, props, _ = self.properties(schema, pointer, inherit=False)
        for prop in props:
            if prop.wire != "data":
                continue
            data, data_pointer = self.deref(prop.schema, prop.pointer)
            if isinstance(data, Mapping) and (data.get("type") == "array" or "items" in data):
                return data.get("items", {}), data_pointer + "/items"
        return None

    def has_binary(self, schema: Any, pointer: str) -> bool:
        """Whether `schema` (references followed) contains a binary string anywhere."""
        seen: set[str] = set()
        stack = [schema]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
                continue
            if not isinstance(item, Mapping):
                continue
            ref = item.get("$ref")
            if isinstance(ref, str):
                if ref not in seen:
                    seen.add(ref)
                    stack.append(self.resolve(ref, pointer)[0])
                continue
            if is_binary(item) and (schema_is(item, "string") or "type" not in item):
                return True
            stack.extend(v for k, v in item.items() if k not in ("example", "examples", "default"))
        return False


def merge_schemas(first: Any, second: Any) -> Any:
    """One schema for a property two `allOf` parts declare: the value must satisfy both.

    A declaration that says nothing about the shape (`{description: ...}`) keeps the other one
    (with its description, if that one has none); equal ones are one; otherwise both, as an
    `allOf` the type lowerer intersects (`types`).
    """
    if first == second:
        return first
    if not isinstance(first, Mapping) or not isinstance(second, Mapping):
        return second if first is True or first is None else first
    if not shaped(second) and not second.get("nullable"):
        return _with_doc(first, second)
    if not shaped(first) and not first.get("nullable"):
        return _with_doc(second, first)
    return {"allOf": [first, second]}


def _with_doc(schema: Mapping[str, Any], other: Mapping[str, Any]) -> Any:
    description = other.get("description")
    if "description" in schema or not isinstance(description, str):
        return schema
    return {**schema, "description": description}


def is_binary(schema: Mapping[str, Any]) -> bool:
    """Whether a string schema holds raw bytes: `format: binary` (3.0), or 3.1's
    `contentEncoding: binary` / a `contentMediaType` without an encoding. (`format: byte` and
    `contentEncoding: base64` are text: base64.)"""
    if schema.get("format") == "binary":
        return True
    encoding = schema.get("contentEncoding")
    if isinstance(encoding, str):
        return encoding.lower() in ("binary", "8bit")
    return "contentMediaType" in schema


def _documents_only(schema: Any) -> bool:
    """Whether an `allOf` part only documents (a description, an example): it adds nothing."""
    return (
        isinstance(schema, Mapping)
        and not shaped(schema)
        and not any(
            key in schema for key in ("required", "nullable", "additionalProperties", "not")
        )
    )


def shaped(schema: Mapping[str, Any]) -> bool:
    """Whether `schema` says anything about the shape of a value."""
    return any(key in schema for key in _SHAPE_KEYS)


def _shaped_besides_union(schema: Mapping[str, Any]) -> bool:
    """Whether `schema` says more about its shape than one `oneOf`/`anyOf` (and `type: null`)."""
    keys = [key for key in _SHAPE_KEYS if key in schema and key not in ("oneOf", "anyOf")]
    if keys == ["type"] and schema["type"] in (["object", "null"], ["null", "object"], "object"):
        return False
    return bool(keys) or ("oneOf" in schema and "anyOf" in schema)


def schema_is(schema: Any, kind: str) -> bool:
    """Whether `schema` (dereferenced) has JSON type `kind` (alone or next to `null`)."""
    if not isinstance(schema, Mapping):
        return False
    declared = schema.get("type")
    return declared == kind or (isinstance(declared, list) and kind in declared)
