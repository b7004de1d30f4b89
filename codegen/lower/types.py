"""JSON Schemas (OpenAPI 3.0 and 3.1 dialects) -> the type model, and the `types/` definitions.

Two sides (`ir.Side`):

- `"model"` (response side): pydantic models; enums are *open* (a `Literal` plus its base type)
  so values the spec does not list still parse; discriminated unions carry a fallback variant
  (`unions`).
- `"param"` (request side): `TypedDict`s named `<Name>Param` (keys that are not `required` may
  be left out), closed `Literal`s, files for binary strings.

Every named schema (`#/components/schemas/<Name>`) gets a definition per side it is used on, in
the module `placement` chose; inline object schemas become classes named `<Parent><Field>` in
their parent's module. `TypeLowerer` owns the class-name namespace and the modules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import ir
from ..errors import Diagnostic, SpecError
from ..ir import types as t
from ..ir.api import Side
from ..render.annotations import BUILTIN_TYPES, names_used
from ..spec.pointer import escape_token, unescape_token
from .constraints import Constraint, field_constraints
from .modules import ModuleBuilder, order_definitions
from .naming import RESERVED_CLASS_NAMES, Allocator, class_name, field_identifier, pascal, singular
from .schemas import SCHEMA_PREFIX, Prop, Schemas, is_binary, shaped
from .unions import UnionLowering

__all__ = ["MAX_LOWERED", "MAX_NESTING", "TypeLowerer", "intersect"]

# Inline schemas nested deeper than this are an error: each level can add brackets to a type
# expression, and Python's parser gives up at 200 nested brackets.
MAX_NESTING = 50
# More schemas than this lowered in one run is an error: YAML aliases can make a small file
# expand to exponentially many schemas. (The OpenAI spec lowers about 17,000.)
MAX_LOWERED = 200_000


class TypeLowerer(UnionLowering):
    """Lowers the schemas of one document; owns the `types/` modules and the class names.

    `planned` maps (component schema, side) to the class name and module `placement` chose;
    `homes` maps every name generated code imports to its module.
    """

    def __init__(self, schemas: Schemas, diagnostics: list[Diagnostic]) -> None:
        self.schemas = schemas
        self.diagnostics = diagnostics
        self.names = Allocator(escaped=RESERVED_CLASS_NAMES)
        self.homes: dict[str, str] = {}
        self.modules: dict[str, ModuleBuilder] = {}
        self.planned: dict[tuple[str, Side], tuple[str, str]] = {}  # -> (class name, module)
        self.uses_discriminator = False
        self.sending_files = False  # lowering what a multipart body sends: binary is a file
        self.file_schemas: frozenset[str] = frozenset()  # named schemas multipart bodies send
        self._depth = 0  # how many `lower` calls are running (inline schema nesting)
        self._lowered = 0  # how many schemas were lowered so far

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

    def named_type(self, name: str, side: Side) -> str:
        """The Python name of named schema `name` on `side` (planned by `placement`)."""
        planned = self.planned.get((name, side))
        if planned is None:
            raise SpecError(SCHEMA_PREFIX + escape_token(name), f"schema {name!r} was not planned")
        return planned[0]

    def define_named(self, name: str, side: Side) -> None:
        """Write the definition(s) of named schema `name` for `side` into its module."""
        self.sending_files = side == "param" and name in self.file_schemas
        try:
            self._define_named(name, side)
        finally:
            self.sending_files = False

    def _define_named(self, name: str, side: Side) -> None:
        schema = self.schemas.named[name]
        pointer = SCHEMA_PREFIX + escape_token(name)
        py_name, module_path = self.planned[(name, side)]
        module = self.module(module_path)
        description = schema.get("description") if isinstance(schema, Mapping) else None
        doc = description if isinstance(description, str) else None
        if self.schemas.is_class(schema, pointer):
            self.define_class(py_name, class_name(name), schema, side, module, pointer, doc)
            return
        sole = self.schemas.sole_class(schema)
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
        if self.schemas.is_nullable(schema):
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
        base, props, required = self.schemas.properties(schema, pointer, inherit=side == "model")
        bases = (self.named_type(base, side),) if base is not None else ()
        fields = self.fields(props, required, side, module, hint)
        if side == "model":
            closed = any(schema.get(k) is False for k in _CLOSING)
            self.add(module, ir.Model(py_name, bases, tuple(fields), doc, closed))
        else:
            self.add(module, ir.TypedDictDef(py_name, bases, tuple(fields), doc))

    def fields(
        self,
        props: list[Prop],
        required: set[str],
        side: Side,
        module: ModuleBuilder,
        hint: str,
    ) -> list[ir.Field]:
        """Lower object properties to model fields or TypedDict keys."""
        lowered_props: list[tuple[Prop, t.Type, str | None]] = []
        constraints: dict[str, tuple[Constraint, ...]] = {}
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
            if side == "model":
                found = field_constraints(schema, lowered, prop.pointer, self.diagnostics)
                if found:
                    constraints[prop.wire] = found
            description = _description(schema)
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
        used |= {"Optional", "Field", "Omittable", "Annotated", "StrictConstraints"}
        shadowed = used & BUILTIN_TYPES & {field_identifier(p.wire) for p, _, _ in lowered_props}
        if shadowed:
            used = (used - shadowed) | {"builtins"}
        out: list[ir.Field] = []
        taken = Allocator()
        for prop, lowered, doc in lowered_props:
            py = field_identifier(prop.wire)
            while py in used:  # `Field` -> `Field_`, unless `Field_` is a name used too
                py += "_"
            py = taken.allocate(py, sep="_")
            rules = constraints.get(prop.wire, ())
            out.append(ir.Field(py, prop.wire, lowered, prop.wire in required, doc, rules))
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
        nullable = self.schemas.is_nullable(schema)
        if "$ref" in schema:
            return t.nullable(self._lower_ref(schema, side, module, hint, pointer), nullable)
        if "$recursiveRef" in schema or "$dynamicRef" in schema:
            # JSON Schema 2019-09 / 2020-12 recursion (`$recursiveRef: "#"`): the schema this
            # one is part of. Inside a component, that component; elsewhere, any value.
            component = _component_of(pointer)
            if component is not None and component in self.schemas.named:
                ref = {"$ref": SCHEMA_PREFIX + escape_token(component)}
                return t.nullable(self._lower_ref(ref, side, module, hint, pointer), nullable)
            return t.OBJECT
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
                lowered = self.lower_union(schema, variants, key, side, module, hint, pointer)
                return t.nullable(lowered, nullable)
        if self.schemas.is_class(schema, pointer):
            py_name = self.inline_name(hint, side)
            self.define_class(py_name, hint, schema, side, module, pointer, None)
            return t.nullable(t.Ref(py_name), nullable)
        parts = schema.get("allOf")
        if isinstance(parts, list) and parts:
            # Not a class: the value satisfies every part, so its type is their intersection.
            typed = [i for i, p in enumerate(parts) if isinstance(p, Mapping) and shaped(p)]
            each = [
                self.lower(parts[i], side, module, hint, f"{pointer}/allOf/{i}")
                for i in typed or [0]
            ]
            inner = each[0]
            for more in each[1:]:
                inner = intersect(inner, more)
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
        named = self.schemas.named_ref(schema)
        if named is not None:
            if named not in self.schemas.named:
                raise SpecError(pointer, f"$ref {schema['$ref']!r} points at nothing")
            ref = t.Ref(self.named_type(named, side))
            return t.nullable(ref, self.schemas.is_nullable(self.schemas.named[named]))
        target, target_pointer = self.schemas.resolve(str(schema["$ref"]), pointer)
        if self.schemas.named_ref(target) is not None:
            return self._lower_ref(target, side, module, hint, target_pointer)
        if target_pointer in self.schemas.resolving:
            return t.OBJECT
        self.schemas.resolving.append(target_pointer)
        try:
            return self.lower(target, side, module, hint, target_pointer)
        finally:
            self.schemas.resolving.pop()

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
        # Open (`OpenEnum[...]`): the base type only outside strict response validation.
        return t.nullable(found[0] if len(found) == 1 else t.Union(tuple(found), open=True), null)

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
            # Raw bytes are a file where one is sent (a multipart body); JSON carries text.
            binary = side == "param" and self.sending_files and is_binary(schema)
            return t.File() if binary else t.Primitive("str")
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
            Diagnostic("warning", pointer, f"unknown type {kind!r}; typed as object", "schema")
        )
        return t.OBJECT

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


def _description(schema: Any) -> str | None:
    """A property's description: its own, else that of an `allOf` part that only documents
    (`allOf: [{$ref: X}, {description: ...}]`)."""
    if not isinstance(schema, Mapping):
        return None
    found = schema.get("description")
    parts = schema.get("allOf")
    if found is None and isinstance(parts, list):
        found = next(
            (
                p["description"]
                for p in parts
                if isinstance(p, Mapping) and not shaped(p) and "description" in p
            ),
            None,
        )
    return found if isinstance(found, str) else None


def _component_of(pointer: str) -> str | None:
    """The component schema `pointer` is inside of (`#/components/schemas/A/properties/b` -> A)."""
    if not pointer.startswith(SCHEMA_PREFIX):
        return None
    return unescape_token(pointer[len(SCHEMA_PREFIX) :].split("/", 1)[0])


def intersect(first: t.Type, second: t.Type) -> t.Type:
    """The type of a value that both `first` and `second` describe, as far as the type model
    can say it: `null` only if both allow it; a literal within the other's type; the common
    members of two unions; otherwise the later (more specific) declaration."""
    null = t.is_nullable(first) and t.is_nullable(second)
    a, b = t.strip_null(first), t.strip_null(second)
    if a == t.NONE or b == t.NONE:
        return t.NONE if null else (b if a == t.NONE else a)
    return t.nullable(_intersect_core(a, b), null)


def _intersect_core(a: t.Type, b: t.Type) -> t.Type:
    if a == b or b == t.OBJECT:
        return a
    if a == t.OBJECT:
        return b
    if isinstance(a, t.Literal) and isinstance(b, t.Literal):
        common = tuple(v for v in a.values if _has(b, v))
        return t.Literal(common) if common else b
    a_members, b_members = t.members(a), t.members(b)
    if all(any(_narrower(m, n) for n in a_members) for m in b_members):
        return b
    if all(any(_narrower(m, n) for n in b_members) for m in a_members):
        return a
    common_members = [m for m in b_members if m in a_members]
    if common_members:
        return t.union(common_members)
    return b


def _narrower(narrow: t.Type, wide: t.Type) -> bool:
    """Whether every value of `narrow` is one of `wide` (as far as it is easy to tell)."""
    if narrow == wide or wide == t.OBJECT:
        return True
    if isinstance(narrow, t.Literal):
        return all(_admits(wide, v) for v in narrow.values)
    return narrow == t.Primitive("int") and wide == t.Primitive("float")


def _has(literal: t.Literal, value: t.LiteralValue) -> bool:
    return t.Literal((value,)) in {t.Literal((v,)) for v in literal.values}


def _admits(wide: t.Type, value: t.LiteralValue) -> bool:
    """Whether one of `wide`'s members takes the literal `value`."""
    for member in t.members(wide):
        if isinstance(member, t.Literal) and _has(member, value):
            return True
        if isinstance(member, t.Primitive):
            if isinstance(value, bool):
                if member.kind == "bool":
                    return True
            elif isinstance(value, int):
                if member.kind in ("int", "float"):
                    return True
            elif member.kind == "str":
                return True
    return False


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


# Keywords that, `false`, forbid properties a schema does not declare.
_CLOSING = ("additionalProperties", "unevaluatedProperties")

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
