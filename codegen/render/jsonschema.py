"""The type model as JSON Schema (2020-12), for the front-ends' table of operations.

`SchemaPrinter(api).schema(t)` prints a type, naming generated classes and aliases as
`{"$ref": "#/$defs/<Name>"}`; `.defs(names)` prints those definitions and every one they need,
so a parameter's schema and the `$defs` it uses are complete. Descriptions of definitions and
their fields are cut to their first paragraph (`brief`): the MCP server hands them to a model,
and the table stays small; a parameter's own description is kept whole (the command line's
`--help` shows it).

`cli_value(t)` says how the command line reads a value of `t` from one argument: which JSON
kinds it accepts, whether the option repeats (a list) and its choices (a closed enum).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .. import ir

__all__ = [
    "BRIEF",
    "CliValue",
    "SchemaPrinter",
    "brief",
    "cli_value",
    "contains_file",
    "file_place",
]

BRIEF = 300
"""Longest description, in characters, of a definition or a field in `$defs`."""

_SPACE = re.compile(r"\s+")


def brief(text: str | None, limit: int = BRIEF) -> str | None:
    """The first paragraph of `text` on one line, cut at a word before `limit` characters."""
    if not text or not text.strip():
        return None
    first = _SPACE.sub(" ", text.strip().split("\n\n", 1)[0]).strip()
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    if not first[limit - 1].isspace():  # inside a word: drop it
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


_PRIMITIVE: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "object": {},
}


def _json_type(value: ir.types.LiteralValue) -> str:
    if isinstance(value, bool):
        return "boolean"
    return "integer" if isinstance(value, int) else "string"


class SchemaPrinter:
    """Prints types of one API as JSON Schema, with `$ref`s into its `$defs`."""

    def __init__(self, api: ir.Api) -> None:
        self._definitions: dict[str, ir.Definition] = {
            d.name: d for module in api.type_modules for d in module.definitions
        }

    def definition(self, name: str) -> ir.Definition | None:
        """The generated class or alias `name`."""
        return self._definitions.get(name)

    def schema(self, t: ir.Type) -> dict[str, Any]:
        """The JSON Schema of `t`."""
        if isinstance(t, ir.Primitive):
            return dict(_PRIMITIVE[t.kind])
        if isinstance(t, ir.File):
            return {"type": "string", "format": "binary"}
        if isinstance(t, ir.Literal):
            kinds = {_json_type(v) for v in t.values}
            found: dict[str, Any] = {"enum": list(t.values)}
            return {"type": kinds.pop(), **found} if len(kinds) == 1 else found
        if isinstance(t, ir.Ref):
            return {"$ref": f"#/$defs/{t.name}"}
        if isinstance(t, ir.List):
            return {"type": "array", "items": self.schema(t.item)}
        if isinstance(t, ir.Dict):
            value = self.schema(t.value)
            return (
                {"type": "object", "additionalProperties": value} if value else {"type": "object"}
            )
        if isinstance(t, ir.Union):
            return {"anyOf": [self.schema(m) for m in t.members]}
        if isinstance(t, ir.Nullable):
            inner = self.schema(t.inner)
            if isinstance(inner.get("type"), str) and "enum" not in inner:
                return {**inner, "type": [inner["type"], "null"]}
            return {"anyOf": [inner, {"type": "null"}]}
        if isinstance(t, ir.NoneType):
            return {"type": "null"}
        if isinstance(t, ir.Discriminated):
            return {"anyOf": [self.schema(m) for v in t.variants for m in v.types]}
        raise TypeError(f"not a type: {t!r}")

    def _fields(self, definition: ir.Model | ir.TypedDictDef) -> dict[str, ir.Field]:
        fields: dict[str, ir.Field] = {}
        for base in definition.bases:
            found = self._definitions.get(base)
            if isinstance(found, ir.Model | ir.TypedDictDef):
                fields.update(self._fields(found))
        for field in definition.fields:
            fields[field.wire] = field
        return fields

    def _definition_schema(self, definition: ir.Definition) -> dict[str, Any]:
        if isinstance(definition, ir.Alias):
            found = self.schema(definition.type)
        else:
            properties: dict[str, Any] = {}
            for wire, field in self._fields(definition).items():
                prop = self.schema(field.type)
                doc = brief(field.doc)
                properties[wire] = {**prop, "description": doc} if doc else prop
            required = [w for w, f in self._fields(definition).items() if f.required]
            found = {"type": "object", "properties": properties}
            if required:
                found["required"] = required
        doc = brief(definition.doc)
        return {**found, "description": doc} if doc else found

    def defs(self, roots: Iterable[ir.Type]) -> dict[str, Any]:
        """`$defs` for every generated name that `roots` need, sorted by name."""
        found: dict[str, Any] = {}
        todo = [name for t in roots for name in ir.types.refs(t)]
        while todo:
            name = todo.pop()
            definition = self._definitions.get(name)
            if name in found or definition is None:
                continue
            found[name] = self._definition_schema(definition)
            if isinstance(definition, ir.Alias):
                todo.extend(ir.types.refs(definition.type))
            else:
                todo.extend(
                    n for f in self._fields(definition).values() for n in ir.types.refs(f.type)
                )
        return dict(sorted(found.items()))

    def resolve(self, t: ir.Type, depth: int = 0) -> ir.Type:
        """`t` with aliases followed (a class stays a `Ref`)."""
        if isinstance(t, ir.Ref) and depth < 32:
            definition = self._definitions.get(t.name)
            if isinstance(definition, ir.Alias):
                return self.resolve(definition.type, depth + 1)
        return t


@dataclass(frozen=True)
class CliValue:
    """How command-line arguments become a parameter's value.

    `one`: the kinds one argument may be read as, when the value need not be a list
    (`string`, `integer`, `number`, `boolean`, `null`, `file`, and `json` for objects, arrays
    and anything else); `items`: the kinds of each item when the option may repeat, one item per
    use (a list of scalars or files); `choices`: a closed set of values, `suggestions` an open
    one's known values (for completion).
    """

    one: tuple[str, ...]
    items: tuple[str, ...]
    choices: tuple[ir.types.LiteralValue, ...] | None
    suggestions: tuple[str, ...]


_KIND_ORDER = ("string", "integer", "number", "boolean", "null", "file", "json")
_PRIMITIVE_KIND = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}


def _scalar_kinds(
    printer: SchemaPrinter, t: ir.Type, values: list[ir.types.LiteralValue], depth: int = 0
) -> set[str] | None:
    """The kinds of a type made of scalars (literal values are collected into `values`; a
    plain scalar adds `open`), or None when it holds objects or arrays."""
    t = printer.resolve(t)
    if isinstance(t, ir.Primitive):
        return None if t.kind == "object" else {_PRIMITIVE_KIND[t.kind], "open"}
    if isinstance(t, ir.Literal):
        values.extend(v for v in t.values if v not in values)
        return {_json_type(v) for v in t.values}
    if isinstance(t, ir.File):
        return {"file", "open"}
    if isinstance(t, ir.NoneType):
        return {"null"}
    if isinstance(t, ir.Nullable | ir.Union) and depth < 32:
        found: set[str] = {"null"} if isinstance(t, ir.Nullable) else set()
        for member in ir.types.children(t):
            kinds = _scalar_kinds(printer, member, values, depth + 1)
            if kinds is None:
                return None
            found |= kinds
        return found
    return None


def _ordered(kinds: set[str]) -> tuple[str, ...]:
    return tuple(k for k in _KIND_ORDER if k in kinds)


def _flat(printer: SchemaPrinter, t: ir.Type, depth: int = 0) -> tuple[list[ir.Type], bool]:
    """The members of `t` with aliases followed and unions flattened, and whether null is one."""
    t = printer.resolve(t)
    if depth > 32:
        return [t], False
    if isinstance(t, ir.NoneType):
        return [], True
    if isinstance(t, ir.Nullable | ir.Union):
        found: list[ir.Type] = []
        null = isinstance(t, ir.Nullable)
        for child in ir.types.children(t):
            members, child_null = _flat(printer, child, depth + 1)
            found.extend(m for m in members if m not in found)
            null = null or child_null
        return found, null
    return [t], False


def cli_value(printer: SchemaPrinter, t: ir.Type) -> CliValue:
    """How the command line reads arguments for a parameter of type `t`."""
    values: list[ir.types.LiteralValue] = []
    one: set[str] = set()
    items: set[str] = set()
    other = False
    members, null = _flat(printer, t)
    if null:
        one.add("null")
    for core in members:
        if isinstance(core, ir.List):
            kinds = _scalar_kinds(printer, core.item, values)
            if kinds is None or "null" in kinds:
                other = True
            else:
                items |= kinds
        else:
            kinds = _scalar_kinds(printer, core, values)
            if kinds is None:
                other = True
            else:
                one |= kinds
    open_ = "open" in one | items
    if other:
        one.add("json")
        items = set()
    closed = bool(values) and not open_ and not other
    return CliValue(
        one=_ordered(one),
        items=_ordered(items),
        choices=tuple(values) if closed else None,
        suggestions=() if closed else tuple(v for v in values if isinstance(v, str)),
    )


def contains_file(t: ir.Type, printer: SchemaPrinter, seen: frozenset[str] = frozenset()) -> bool:
    """Whether a value of `t` can hold a file, anywhere inside it."""
    if isinstance(t, ir.File):
        return True
    if isinstance(t, ir.Ref):
        if t.name in seen:
            return False
        definition = printer.definition(t.name)
        if isinstance(definition, ir.Alias):
            return contains_file(definition.type, printer, seen | {t.name})
        if isinstance(definition, ir.Model | ir.TypedDictDef):
            return any(contains_file(f.type, printer, seen | {t.name}) for f in definition.fields)
        return False
    return any(contains_file(child, printer, seen) for child in ir.types.children(t))


def file_place(printer: SchemaPrinter, t: ir.Type) -> str | None:
    """Where a parameter of type `t` takes files: `direct` (the value is a file, or a list of
    files, possibly among other choices), `nested` (inside an object), or None (nowhere)."""
    if not contains_file(t, printer):
        return None
    members, _ = _flat(printer, t)
    for member in members:
        inner = printer.resolve(member.item) if isinstance(member, ir.List) else member
        if not isinstance(inner, ir.File) and contains_file(member, printer):
            return "nested"
    return "direct"
