"""Lowering JSON Schemas (OpenAPI 3.0 and 3.1 dialects) to Python type expressions and definitions.

Part of the `lower` stage; `lower.py` drives it. Two sides:

- `"model"` (response side): pydantic models deriving from the runtime `BaseModel`; enums are
  *open* (`Union[Literal["stop", "length"], str]`) so values the spec does not list still parse;
  discriminated unions carry a fallback variant (see `_discriminated_union`).
- `"param"` (request side): `TypedDict`s named `<Name>Param` (`total=False`, required keys in
  `Required[...]`), closed `Literal`s, `Sequence[...]` for arrays, `FileTypes` for binary strings.

Every named schema (`#/components/schemas/<Name>`) gets one module per side it is used on;
schemas in one reference cycle share a module. Inline object schemas become classes named
`<Parent><Field>` in their parent's module.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import ir
from .errors import Diagnostic, SpecError
from .ir import types as t
from .ir.api import Side
from .naming import (
    RESERVED_CLASS_NAMES,
    Allocator,
    class_name,
    field_identifier,
    pascal,
    singular,
    snake,
)
from .pymodule import order_definitions
from .render.annotations import BUILTIN_TYPES, annotation, names_used
from .spec.pointer import escape_token, unescape_token
from .spec.refs import resolve

__all__ = [
    "ModuleBuilder",
    "Side",
    "TypeLowerer",
]

_SCHEMA_PREFIX = "#/components/schemas/"
# Inline schemas nested deeper than this are an error: each level can add brackets to a type
# expression, and Python's parser gives up at 200 nested brackets.
MAX_NESTING = 50
# More schemas than this lowered in one run is an error: YAML aliases can make a small file
# expand to exponentially many schemas. (The OpenAI spec lowers about 17,000.)
MAX_LOWERED = 200_000
_SHAPE_KEYS = ("type", "$ref", "enum", "const", "oneOf", "anyOf", "allOf", "items", "properties")


@dataclass
class ModuleBuilder:
    """A `types/` module being filled: definitions in creation order and its public names."""

    path: str  # "types/chat/chat_completion" (no ".py")
    definitions: list[ir.Definition] = field(default_factory=list)


@dataclass(frozen=True)
class _Prop:
    wire: str
    schema: Any
    pointer: str


class TypeLowerer:
    """Lowers schemas of one document; owns the `types/` modules and the class-name namespace."""

    def __init__(self, document: Mapping[str, Any], diagnostics: list[Diagnostic]) -> None:
        self.document = document
        self.diagnostics = diagnostics
        components = document.get("components") or {}
        self.schemas: Mapping[str, Any] = components.get("schemas") or {}
        self.names = Allocator(RESERVED_CLASS_NAMES)
        self.homes: dict[str, str] = {}  # generated name -> module path (imported by name)
        self.modules: dict[str, ModuleBuilder] = {}
        self.named: dict[tuple[str, Side], tuple[str, str]] = {}  # -> (class name, module)
        self.uses_discriminator = False
        self._refs: dict[str, frozenset[str]] = {}
        self._resolving: list[str] = []
        self._depth = 0  # how many `lower` calls are running (inline schema nesting)
        self._lowered = 0  # how many schemas were lowered so far

    # ------------------------------------------------------------------------- references

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
            if isinstance(ref, str) and ref.startswith(_SCHEMA_PREFIX):
                name = ref[len(_SCHEMA_PREFIX) :]
                if "/" not in name:
                    return unescape_token(name)
        return None

    def direct_refs(self, name: str) -> frozenset[str]:
        """Named schemas referenced by schema `name` (without crossing into them)."""
        cached = self._refs.get(name)
        if cached is None:
            cached = frozenset(self.refs_in(self.schemas[name], _SCHEMA_PREFIX + name))
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
                        if named not in self.schemas:
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

    # ----------------------------------------------------------------------- schema shapes

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
        if isinstance(parts, list) and len(parts) > 1:
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
    ) -> tuple[str | None, list[_Prop], set[str]]:
        """Merged properties and required names of an object schema.

        With `inherit`, a single `allOf` `$ref` to a class schema is returned as the base
        (its properties are then not merged in).
        """
        parts = schema.get("allOf") if isinstance(schema.get("allOf"), list) else []
        base = self._base(parts) if inherit else None
        # An `allOf` cycle (A inherits B inherits A) cannot be classes: flatten instead.
        ancestor, seen = base, set()
        while ancestor is not None and ancestor not in seen:
            if _SCHEMA_PREFIX + escape_token(ancestor) == pointer:
                base = None
                break
            seen.add(ancestor)
            ancestor_parts = self.schemas[ancestor].get("allOf")
            ancestor = self._base(ancestor_parts if isinstance(ancestor_parts, list) else [])
        props: dict[str, _Prop] = {}
        required: set[str] = set()
        for index, part in enumerate(parts):
            part_pointer = f"{pointer}/allOf/{index}"
            if base is not None and self.named_ref(part) == base:
                continue
            target, target_pointer = self.deref(part, part_pointer)
            if not isinstance(target, Mapping):
                continue
            if target_pointer in self._resolving:
                continue
            self._resolving.append(target_pointer)
            try:
                _, part_props, part_required = self.properties(
                    target, target_pointer, inherit=False
                )
            finally:
                self._resolving.pop()
            for prop in part_props:
                props[prop.wire] = prop
            required |= part_required
        own = schema.get("properties")
        if isinstance(own, Mapping):
            for wire, prop_schema in own.items():
                props[str(wire)] = _Prop(
                    str(wire), prop_schema, f"{pointer}/properties/{escape_token(str(wire))}"
                )
        own_required = schema.get("required")
        if isinstance(own_required, list):
            required |= {str(r) for r in own_required}
        return base, list(props.values()), required

    def _base(self, parts: list[Any]) -> str | None:
        """The one named class schema among `allOf` parts (a model inherits it), if one."""
        class_refs = [
            named
            for named in (self.named_ref(p) for p in parts)
            if named is not None and named in self.schemas and self.is_class(self.schemas[named])
        ]
        return class_refs[0] if len(class_refs) == 1 else None

    # ----------------------------------------------------------------------------- naming

    def module(self, path: str) -> ModuleBuilder:
        """The module builder for `path` (created on first use)."""
        builder = self.modules.get(path)
        if builder is None:
            builder = self.modules[path] = ModuleBuilder(path)
        return builder

    def add(
        self, module: ModuleBuilder, definition: ir.Definition, *, register: bool = True
    ) -> None:
        """Append `definition` to `module` and (unless `register` is false: a name that is only
        unique in its directory and never imported by generated code) record where it lives."""
        module.definitions.append(definition)
        if register:
            previous = self.homes.setdefault(definition.name, module.path)
            if previous != module.path:
                raise ValueError(f"{definition.name} defined in both {previous} and {module.path}")

    def inline_name(self, hint: str, side: Side) -> str:
        """Allocate a class name for an inline schema (`<Parent><Field>[Param]`)."""
        return self.names.allocate(class_name(hint) + ("Param" if side == "param" else ""))

    # --------------------------------------------------------------------------- lowering

    def named_type(self, name: str, side: Side) -> str:
        """The Python name of named schema `name` on `side` (planned by `lower.py`)."""
        planned = self.named.get((name, side))
        if planned is None:
            raise SpecError(_SCHEMA_PREFIX + escape_token(name), f"schema {name!r} was not planned")
        return planned[0]

    def define_named(self, name: str, side: Side) -> None:
        """Write the definition(s) of named schema `name` for `side` into its module."""
        schema = self.schemas[name]
        pointer = _SCHEMA_PREFIX + escape_token(name)
        py_name, module_path = self.named[(name, side)]
        module = self.module(module_path)
        description = schema.get("description") if isinstance(schema, Mapping) else None
        doc = description if isinstance(description, str) else None
        if self.is_class(schema, pointer):
            self.define_class(py_name, class_name(name), schema, side, module, pointer, doc)
            return
        sole = self.sole_class(schema)
        if sole is not None:
            # "An inline object or null": the object takes the schema's own name (no
            # `X: TypeAlias = X2`); `null` is carried by every reference to `X` (`Optional[X]`).
            variant, key, index = sole
            if doc is None and isinstance(variant.get("description"), str):
                doc = variant["description"]
            variant_pointer = f"{pointer}/{key}/{index}"
            self.define_class(
                py_name, class_name(name), variant, side, module, variant_pointer, doc
            )
            return
        lowered = self.lower(schema, side, module, class_name(name), pointer)
        if self.is_nullable(schema):
            lowered = t.strip_null(lowered)
        self.add(module, ir.Alias(py_name, lowered, doc, side))

    def define_class(
        self,
        py_name: str,
        hint: str,
        schema: Mapping[str, Any],
        side: Side,
        module: ModuleBuilder,
        pointer: str,
        doc: str | None,
    ) -> None:
        """Define a model (or TypedDict) class `py_name` for an object schema."""
        # TypedDicts cannot redefine an inherited key, so the request side always flattens.
        base, props, required = self.properties(schema, pointer, inherit=side == "model")
        bases = (self.named_type(base, side),) if base is not None else ()
        fields = self.fields(props, required, side, module, hint)
        if side == "model":
            self.add(module, ir.Model(py_name, bases, tuple(fields), doc))
        else:
            self.add(module, ir.TypedDictDef(py_name, bases, tuple(fields), doc))

    def fields(
        self,
        props: list[_Prop],
        required: set[str],
        side: Side,
        module: ModuleBuilder,
        hint: str,
    ) -> list[ir.Field]:
        """Lower object properties to model fields or TypedDict keys."""
        lowered_props: list[tuple[_Prop, t.Type, str | None]] = []
        for prop in props:
            schema = prop.schema
            if schema is False:
                continue
            if isinstance(schema, Mapping):
                if side == "model" and schema.get("writeOnly") is True:
                    continue
                if side == "param" and schema.get("readOnly") is True:
                    continue
            lowered = self.lower(schema, side, module, hint + pascal(prop.wire), prop.pointer)
            description = schema.get("description") if isinstance(schema, Mapping) else None
            doc = description if isinstance(description, str) else None
            lowered_props.append((prop, lowered, doc))
        if side == "param":
            return [
                ir.Field(prop.wire, prop.wire, lowered, prop.wire in required, doc)
                for prop, lowered, doc in lowered_props
            ]
        # A field named like a name the class's annotations use would shadow it (at runtime
        # when it has a default, for type checkers always). A shadowed builtin (`object` next to
        # `dict[str, object]`) is written `builtins.object` in this class (see `render`), so the
        # field keeps its wire name (`event.object`); any other name (`Optional`, a class name)
        # makes the field get a trailing underscore and an alias.
        used = {name for _, lowered, _ in lowered_props for name in names_used(lowered, "model")}
        used |= {"Optional", "Field"}
        shadowed = used & BUILTIN_TYPES & {field_identifier(p.wire) for p, _, _ in lowered_props}
        if shadowed:
            used = (used - shadowed) | {"builtins"}
        out: list[ir.Field] = []
        taken = Allocator()
        for prop, lowered, doc in lowered_props:
            py = field_identifier(prop.wire)
            if py in used:
                py += "_"
            py = taken.allocate(py, sep="_")
            out.append(ir.Field(py, prop.wire, lowered, prop.wire in required, doc))
        return out

    def lower(
        self, schema: Any, side: Side, module: ModuleBuilder, hint: str, pointer: str
    ) -> t.Type:
        """The type of `schema`; inline classes it needs are defined in `module`."""
        if self._depth >= MAX_NESTING:
            raise SpecError(
                pointer,
                f"schema is nested more than {MAX_NESTING} levels deep "
                "(Python cannot parse the type); make some levels named schemas",
            )
        self._lowered += 1
        if self._lowered > MAX_LOWERED:
            raise SpecError(
                pointer,
                f"the document expands to more than {MAX_LOWERED} schemas "
                "(YAML aliases repeat what they point at)",
            )
        self._depth += 1
        try:
            return self._lower_schema(schema, side, module, hint, pointer)
        finally:
            self._depth -= 1

    def _lower_schema(
        self, schema: Any, side: Side, module: ModuleBuilder, hint: str, pointer: str
    ) -> t.Type:
        if schema is True or schema is None:
            return t.OBJECT
        if not isinstance(schema, Mapping):
            raise SpecError(pointer, f"expected a schema object, got {type(schema).__name__}")
        nullable = self.is_nullable(schema)
        if "$ref" in schema:
            return t.nullable(self._lower_ref(schema, side, module, hint, pointer), nullable)
        if "const" in schema:
            value = schema["const"]
            if value is None:
                return t.NONE
            literal = _literal(value)
            return t.nullable(t.Literal((literal,)) if literal is not None else t.OBJECT, nullable)
        if isinstance(schema.get("enum"), list):
            return t.nullable(self._lower_enum(schema, side), nullable)
        for key in ("oneOf", "anyOf"):
            variants = schema.get(key)
            if isinstance(variants, list) and variants and not schema.get("properties"):
                lowered = self._lower_union(schema, variants, key, side, module, hint, pointer)
                return t.nullable(lowered, nullable)
        if self.is_class(schema, pointer):
            py_name = self.inline_name(hint, side)
            self.define_class(py_name, hint, schema, side, module, pointer, None)
            return t.nullable(t.Ref(py_name), nullable)
        parts = schema.get("allOf")
        if isinstance(parts, list) and parts:
            typed = [i for i, p in enumerate(parts) if isinstance(p, Mapping) and _shaped(p)]
            index = typed[0] if typed else 0
            inner = self.lower(parts[index], side, module, hint, f"{pointer}/allOf/{index}")
            return t.nullable(inner, nullable)
        types = schema.get("type")
        if isinstance(types, list):
            kinds = [k for k in types if k != "null"]
            if not kinds:
                return t.NONE
            if len(kinds) > 1:
                return t.nullable(
                    t.union(
                        self._lower_typed(schema, str(kind), side, module, hint, pointer)
                        for kind in kinds
                    ),
                    nullable,
                )
            types = kinds[0]
        if types is None:
            if "items" in schema:
                types = "array"
            elif "properties" in schema or "additionalProperties" in schema:
                types = "object"
            else:
                return t.OBJECT
        lowered = self._lower_typed(schema, str(types), side, module, hint, pointer)
        return t.nullable(lowered, nullable)

    def _lower_ref(
        self, schema: Mapping[str, Any], side: Side, module: ModuleBuilder, hint: str, pointer: str
    ) -> t.Type:
        named = self.named_ref(schema)
        if named is not None:
            if named not in self.schemas:
                raise SpecError(pointer, f"$ref {schema['$ref']!r} points at nothing")
            ref = t.Ref(self.named_type(named, side))
            return t.nullable(ref, self.is_nullable(self.schemas[named]))
        target, target_pointer = self.resolve(str(schema["$ref"]), pointer)
        if self.named_ref(target) is not None:
            return self._lower_ref(target, side, module, hint, target_pointer)
        if target_pointer in self._resolving:
            return t.OBJECT
        self._resolving.append(target_pointer)
        try:
            return self.lower(target, side, module, hint, target_pointer)
        finally:
            self._resolving.pop()

    def _lower_enum(self, schema: Mapping[str, Any], side: Side) -> t.Type:
        values = [v for v in schema["enum"] if v is not None]
        null = len(values) < len(schema["enum"])
        literals = [lit for lit in (_literal(v) for v in values) if lit is not None]
        if not values or len(literals) < len(values):
            return t.nullable(_base_of(values, schema.get("type")), null)
        found: list[t.Type] = [t.Literal(tuple(_unique(literals)))]
        closed = side == "param" or len(values) == 1 or schema.get("x-stainless-const") is True
        if not closed:
            base = _base_of(values, schema.get("type"))
            if base not in found:
                found.append(base)
        return t.nullable(found[0] if len(found) == 1 else t.Union(tuple(found)), null)

    def _lower_typed(
        self,
        schema: Mapping[str, Any],
        kind: str,
        side: Side,
        module: ModuleBuilder,
        hint: str,
        pointer: str,
    ) -> t.Type:
        if kind == "string":
            binary = schema.get("format") == "binary" or (
                "contentMediaType" in schema and "contentEncoding" not in schema
            )
            return t.File() if binary and side == "param" else t.Primitive("str")
        if kind in ("integer", "number", "boolean"):
            return t.Primitive(_SCALARS[kind])
        if kind == "null":
            return t.NONE
        if kind == "array":
            items = schema.get("items", True)
            return t.List(self.lower(items, side, module, singular(hint), f"{pointer}/items"))
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, Mapping) and extra:
                value = self.lower(
                    extra, side, module, hint + "Value", f"{pointer}/additionalProperties"
                )
                return t.Dict(value)
            return t.Dict(t.OBJECT)
        self.diagnostics.append(
            Diagnostic("warning", pointer, f"unknown type {kind!r}; typed as object")
        )
        return t.OBJECT

    def _lower_union(
        self,
        schema: Mapping[str, Any],
        variants: list[Any],
        key: str,
        side: Side,
        module: ModuleBuilder,
        hint: str,
        pointer: str,
    ) -> t.Type:
        indexed = [(i, v) for i, v in enumerate(variants) if not self.is_null(v)]
        null = len(indexed) < len(variants)
        if not indexed:
            return t.NONE
        if len(indexed) == 1:
            index, only = indexed[0]
            return t.nullable(self.lower(only, side, module, hint, f"{pointer}/{key}/{index}"), null)
        discriminator = schema.get("discriminator")
        if side == "model" and isinstance(discriminator, Mapping):
            tagged = self._tags(indexed, discriminator, pointer, key)
            if tagged is not None:
                prop = str(discriminator["propertyName"])
                lowered = self._discriminated_union(tagged, prop, module, hint, pointer, key)
                return t.nullable(lowered, null)
            self.diagnostics.append(
                Diagnostic(
                    "warning",
                    pointer,
                    "discriminator not usable (a variant is not an object with one literal "
                    "tag); generated as a plain union, which rejects variants it does not know",
                )
            )
        each = [
            self.lower(v, side, module, self._variant_hint(hint, v, i), f"{pointer}/{key}/{i}")
            for i, v in indexed
        ]
        return t.nullable(t.union(each), null)

    def _variant_hint(self, hint: str, variant: Any, index: int) -> str:
        if not isinstance(variant, Mapping) or "$ref" in variant:
            return hint
        title = variant.get("title")
        if isinstance(title, str) and pascal(title):
            return hint + pascal(title)
        props = variant.get("properties")
        if isinstance(props, Mapping):
            tag = props.get("type")
            if isinstance(tag, Mapping):
                value = tag.get("const")
                if value is None and isinstance(tag.get("enum"), list) and len(tag["enum"]) == 1:
                    value = tag["enum"][0]
                if isinstance(value, str) and pascal(value):
                    return hint + pascal(value)
        if variant.get("type") == "array" or "items" in variant:
            return hint
        return f"{hint}Variant{index}"

    def _tags(
        self,
        indexed: list[tuple[int, Any]],
        discriminator: Mapping[str, Any],
        pointer: str,
        key: str,
    ) -> list[tuple[int, Any, list[str]]] | None:
        """`(index, variant, tags)` for each variant when every one has literal tags: one, or
        several (`enum: [web_search, web_search_2025_08_26]`: each maps to that variant).
        Variants may share a tag; `_discriminated_union` then tells them apart by their fields."""
        prop = discriminator.get("propertyName")
        if not isinstance(prop, str):
            return None
        mapping = discriminator.get("mapping")
        inverse: dict[str, list[str]] = {}
        if isinstance(mapping, Mapping):
            for tag, target in mapping.items():
                ref = str(target) if str(target).startswith("#") else _SCHEMA_PREFIX + str(target)
                inverse.setdefault(ref, []).append(str(tag))
        out: list[tuple[int, Any, list[str]]] = []
        for index, variant in indexed:
            target, target_pointer = self.deref(variant, f"{pointer}/{key}/{index}")
            if not self.is_class(target, target_pointer):
                return None
            variant_ref = variant.get("$ref") if isinstance(variant, Mapping) else None
            tags = sorted(inverse.get(str(variant_ref), [])) if variant_ref else []
            if not tags:
                tags = self._literal_tags(target, target_pointer, prop)
            if not tags:
                return None
            out.append((index, variant, tags))
        return out

    def _literal_tags(self, schema: Mapping[str, Any], pointer: str, prop: str) -> list[str]:
        """The values property `prop` of `schema` may take, when it is a `const` or an `enum`
        of strings (empty otherwise)."""
        _, props, _ = self.properties(schema, pointer, inherit=False)
        for item in props:
            if item.wire != prop:
                continue
            target, _ = self.deref(item.schema, item.pointer)
            if not isinstance(target, Mapping):
                return []
            if isinstance(target.get("const"), str):
                return [str(target["const"])]
            enum = target.get("enum")
            if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
                return list(dict.fromkeys(enum))
        return []

    def _discriminated_union(
        self,
        tagged: list[tuple[int, Any, list[str]]],
        prop: str,
        module: ModuleBuilder,
        hint: str,
        pointer: str,
        key: str,
    ) -> t.Type:
        """A `Discriminated` union with a fallback model for unknown tags.

        Each variant is picked by its tag (`Annotated[Variant, Tag("tag")]` when printed); a tag
        the SDK does not know selects a `<Hint>Unknown` model that keeps every field, so a new
        server-side variant never breaks parsing. Variants sharing a tag (OpenAI's input and
        output `message` items) are one member, validated as a plain union of those few (with a
        warning). A variant with several tags is a member once per tag.
        """
        self.uses_discriminator = True
        by_tag: dict[str, list[t.Type]] = {}
        for index, variant, tags in tagged:
            variant_hint = self._variant_hint(hint, variant, index)
            lowered = self.lower(variant, "model", module, variant_hint, f"{pointer}/{key}/{index}")
            for tag in tags:
                group = by_tag.setdefault(tag, [])
                if t.strip_null(lowered) not in group:
                    group.append(t.strip_null(lowered))
        for tag, types in by_tag.items():
            if len(types) > 1:
                names = ", ".join(annotation(member, "model") for member in types)
                self.diagnostics.append(
                    Diagnostic(
                        "warning",
                        pointer,
                        f"variants {names} share the discriminator value {tag!r}; "
                        "they are told apart by their fields",
                    )
                )
        unknown = self.names.allocate(class_name(hint) + "Unknown")
        attr = field_identifier(prop)
        doc = (
            "A variant of this union that this version of the SDK does not know.\n\n"
            "Every field the server sent is kept: read them as attributes or with `to_dict()`."
        )
        field = ir.Field(attr, prop, t.Primitive("str"), False, None)
        self.add(module, ir.Model(unknown, (), (field,), doc))
        variants = tuple(t.Variant(tag, tuple(types)) for tag, types in by_tag.items())
        return t.Discriminated(prop, attr, variants, unknown)

    # ---------------------------------------------------------------------------- output

    def type_modules(self) -> list[ir.TypeModule]:
        """Finish every module: definitions in dependency order."""
        out: list[ir.TypeModule] = []
        for path in sorted(self.modules):
            definitions, rebuild = order_definitions(self.modules[path].definitions)
            out.append(
                ir.TypeModule(
                    path=path + ".py",
                    exports=tuple(sorted(d.name for d in definitions)),
                    definitions=tuple(definitions),
                    rebuild=tuple(rebuild),
                )
            )
        return out


def _shaped(schema: Mapping[str, Any]) -> bool:
    return any(key in schema for key in _SHAPE_KEYS)


def _shaped_besides_union(schema: Mapping[str, Any]) -> bool:
    """Whether `schema` says more about its shape than one `oneOf`/`anyOf` (and `type: null`)."""
    keys = [key for key in _SHAPE_KEYS if key in schema and key not in ("oneOf", "anyOf")]
    if keys == ["type"] and schema["type"] in (["object", "null"], ["null", "object"], "object"):
        return False
    return bool(keys) or ("oneOf" in schema and "anyOf" in schema)


def _literal(value: object) -> t.LiteralValue | None:
    """`value` if a `Literal` can hold it, else None."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        # Type checkers reject integer literals outside 64 bits (mypy 2 says "arbitrary
        # expression"); such a value is typed by its base type instead.
        return value if -(2**63) <= value < 2**63 else None
    return None


def _unique(values: list[t.LiteralValue]) -> list[t.LiteralValue]:
    """`values` without repeats (`1` and `True` are different values)."""
    seen: set[tuple[bool, t.LiteralValue]] = set()
    out = []
    for value in values:
        key = (isinstance(value, bool), value)
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


_SCALARS: dict[str, t.PrimitiveKind] = {"integer": "int", "number": "float", "boolean": "bool"}


def _base_of(values: list[Any], declared: object) -> t.Primitive:
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return t.Primitive("bool")
    if kinds and kinds <= {int}:
        return t.Primitive("int")
    if kinds and kinds <= {int, float}:
        return t.Primitive("float")
    if kinds == {str}:
        return t.Primitive("str")
    declared_kinds: dict[str, t.PrimitiveKind] = {**_SCALARS, "string": "str"}
    return t.Primitive(declared_kinds.get(str(declared), "object"))


def module_name_for(name: str) -> str:
    """Module file name (without `.py`) for class `name` (a keyword gets a trailing `_`)."""
    stem = snake(name) or "model"
    return stem + "_" if keyword.iskeyword(stem) else stem
