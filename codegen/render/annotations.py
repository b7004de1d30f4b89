"""The type model as Python annotations: `Nullable(Ref("X"))` -> `Optional[X]` or `X | None`.

`annotation(t, side)` prints in `typing` syntax (`Optional[...]`, `Union[...]`), which is what
models, TypedDicts and aliases use (they are evaluated at runtime on Python 3.9);
`pep604=True` prints `X | None` for signatures (modules with `from __future__ import
annotations`). An array is a `list` on the response side and a `Sequence` on the request side.
`qualify` names builtins that a member of the class being printed shadows: they are written
`builtins.<name>`.

`names_used` says which identifiers an annotation uses, so `lower` can keep a field from
shadowing one of them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from ..ir import types as t
from ..ir.api import Side
from .text import py_str

__all__ = ["BUILTIN_TYPES", "annotation", "literal", "names_used"]

BUILTIN_TYPES = frozenset({"bool", "bytes", "dict", "float", "int", "list", "object", "str"})
"""Builtins that generated annotations use. A field with one of these names would shadow the
builtin inside its class, so there the annotations say `builtins.object` instead."""


def literal(value: t.LiteralValue) -> str:
    """One `Literal[...]` member: `"stop"`, `3`, `True`."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    return py_str(value)


class _Printer:
    """Prints one annotation; `side`, `pep604` and `qualify` as `annotation` describes."""

    def __init__(
        self, side: Side, pep604: bool, qualify: frozenset[str], expression: bool = False
    ) -> None:
        self.side = side
        self.pep604 = pep604
        self.qualify = qualify
        self.expression = expression
        self.container = self.builtin("list") if side == "model" else "Sequence"
        self.dict = f"{self.builtin('dict')}[{self.builtin('str')}, "

    def builtin(self, name: str) -> str:
        return "builtins." + name if name in self.qualify else name

    def print(self, typ: t.Type) -> str:
        return _PRINT[type(typ)](self, typ)

    def nullable(self, typ: t.Nullable) -> str:
        if self.pep604:
            inner = typ.inner
            flat = isinstance(inner, t.Union) and not (inner.open and self.side == "model")
            members = inner.members if isinstance(inner, t.Union) and flat else (inner,)
            return " | ".join([*(self.print(m) for m in members), "None"])
        return f"Optional[{self.print(typ.inner)}]"

    def union(self, typ: t.Union) -> str:
        if typ.open and self.side == "model":
            return self.open_enum(typ)
        if self.pep604:
            return " | ".join(self.print(m) for m in typ.members)
        return f"Union[{', '.join(self.print(m) for m in typ.members)}]"

    def open_enum(self, typ: t.Union) -> str:
        """`OpenEnum[Literal["a", "b"]]`; another base than `str` is spelled out, and so is
        every open enum in an `expression` (mypy takes a generic alias only as a type)."""
        if _is_open_str(typ) and not self.expression:
            return f"OpenEnum[{self.print(typ.members[0])}]"
        members = [self.print(m) for m in typ.members]
        inner = " | ".join(members) if self.pep604 else f"Union[{', '.join(members)}]"
        return f"Annotated[{inner}, OPEN_ENUM]"

    def primitive(self, typ: t.Primitive) -> str:
        return self.builtin(typ.kind) if self.qualify else typ.kind

    def ref(self, typ: t.Ref) -> str:
        return typ.name

    def literal(self, typ: t.Literal) -> str:
        return f"Literal[{', '.join(literal(v) for v in typ.values)}]"

    def list(self, typ: t.List) -> str:
        return f"{self.container}[{self.print(typ.item)}]"

    def mapping(self, typ: t.Dict) -> str:
        return f"{self.dict}{self.print(typ.value)}]"

    def file(self, typ: t.File) -> str:
        return "BinaryContent" if typ.body else "FileTypes"

    def none(self, typ: t.NoneType) -> str:
        return "None"

    def discriminated(self, typ: t.Discriminated) -> str:
        members = []
        for variant in typ.variants:
            inner = [self.print(m) for m in variant.types]
            member = inner[0] if len(inner) == 1 else f"Union[{', '.join(inner)}]"
            members.append(f"Annotated[{member}, Tag({py_str(variant.tag)})]")
        untagged = [self.print(m) for m in typ.untagged_types()]
        if untagged:
            member = untagged[0] if len(untagged) == 1 else f"Union[{', '.join(untagged)}]"
            members.append(f"Annotated[{member}, Tag(UNTAGGED)]")
        members.append(f"Annotated[{typ.fallback}, Tag(UNKNOWN_TAG)]")
        known = ", ".join(py_str(variant.tag) for variant in typ.variants)
        attr = "" if typ.attr == typ.property else f", attr={py_str(typ.attr)}"
        flag = ", untagged=True" if untagged else ""
        return (
            f"Annotated[Union[{', '.join(members)}], "
            f"Discriminator(tag_of({py_str(typ.property)}, {known}{attr}{flag}))]"
        )


_PRINT: dict[type, Callable[[_Printer, Any], str]] = {
    t.Ref: _Printer.ref,
    t.Primitive: _Printer.primitive,
    t.Nullable: _Printer.nullable,
    t.Union: _Printer.union,
    t.Literal: _Printer.literal,
    t.List: _Printer.list,
    t.Dict: _Printer.mapping,
    t.File: _Printer.file,
    t.NoneType: _Printer.none,
    t.Discriminated: _Printer.discriminated,
}


def _is_discriminated(typ: t.Type) -> bool:
    return isinstance(typ, t.Discriminated)


def annotation(
    typ: t.Type,
    side: Side,
    *,
    pep604: bool = False,
    qualify: Iterable[str] = (),
    expression: bool = False,
) -> str:
    """`typ` as an annotation on `side` (see the module docstring); `expression`: for a value
    evaluated at runtime (a `cast_to=` argument), not an annotation.

    With `pep604`, an annotation holding a discriminated union stays in `typing` syntax: its
    `Annotated` metadata is a call, not a type.
    """
    if pep604 and t.contains(typ, _is_discriminated):
        pep604 = False
    return _printer(side, pep604, frozenset(qualify), expression).print(typ)


@functools.lru_cache(maxsize=256)
def _printer(side: Side, pep604: bool, qualify: frozenset[str], expression: bool) -> _Printer:
    return _Printer(side, pep604, qualify, expression)


def _is_open_str(typ: t.Union) -> bool:
    """An open enum of strings (`OpenEnum[...]`: the runtime alias adds `str`)."""
    return len(typ.members) == 2 and typ.members[1] == t.Primitive("str")


def names_used(typ: t.Type, side: Side) -> list[str]:
    """The identifiers `annotation(typ, side)` uses, in order (what `identifiers` finds in the
    printed text, without printing it)."""
    out: list[str] = []
    _names(typ, side, out)
    return out


def _names(typ: t.Type, side: Side, out: list[str]) -> None:
    if isinstance(typ, t.Ref):
        out.append(typ.name)
    elif isinstance(typ, t.Primitive):
        out.append(typ.kind)
    elif isinstance(typ, t.Nullable):
        out.append("Optional")
        _names(typ.inner, side, out)
    elif isinstance(typ, t.Union):
        if typ.open and side == "model":
            if _is_open_str(typ):
                out.append("OpenEnum")
                _names(typ.members[0], side, out)
                return
            out.append("Annotated")
        out.append("Union")
        for member in typ.members:
            _names(member, side, out)
        if typ.open and side == "model":
            out.append("OPEN_ENUM")
    elif isinstance(typ, t.Literal):
        out.append("Literal")
        out.extend(("True" if v else "False") for v in typ.values if isinstance(v, bool))
    elif isinstance(typ, t.List):
        out.append("list" if side == "model" else "Sequence")
        _names(typ.item, side, out)
    elif isinstance(typ, t.Dict):
        out += ("dict", "str")
        _names(typ.value, side, out)
    elif isinstance(typ, t.File):
        out.append("BinaryContent" if typ.body else "FileTypes")
    elif isinstance(typ, t.NoneType):
        out.append("None")
    elif isinstance(typ, t.Discriminated):
        out += ("Annotated", "Union")
        for variant in typ.variants:
            out.append("Annotated")
            if len(variant.types) > 1:
                out.append("Union")
            for member in variant.types:
                _names(member, side, out)
            out.append("Tag")
        untagged = typ.untagged_types()
        if untagged:
            out.append("Annotated")
            if len(untagged) > 1:
                out.append("Union")
            for member in untagged:
                _names(member, side, out)
            out += ("Tag", "UNTAGGED")
        out += ("Annotated", typ.fallback, "Tag", "UNKNOWN_TAG", "Discriminator", "tag_of")
        if typ.attr != typ.property:
            out.append("attr")
        if untagged:
            out += ("untagged", "True")
