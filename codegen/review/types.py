"""Types as the diff compares them: flattened unions of atoms, and subtyping between them.

`flatten(t, side)` turns an IR type (`codegen.ir.types`) into a `FlatType`: a sorted, duplicate-
free set of `Atom`s plus a `nullable` flag, so `Nullable(Union((str, int)))` and
`Union((int, str))` + null are the same value; each `Literal` value is an atom of its own (that
is what lets the diff talk about enum values added or removed), and `Literal[True]` with
`Literal[False]` is `bool`. An atom is spelled as the generated code spells it (`list`/`Sequence`
by side, `FileTypes`), so the report reads like the SDK.

`is_subtype` decides whether every value of one type is a value of another (aliases resolved on
each side): the diff calls a changed type widened, narrowed or different from that.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import ir
from ..ir import types as t

__all__ = ["Atom", "FlatType", "Resolver", "flatten", "is_subtype"]

_TOP = frozenset({"object", "Any"})
# Nominal supertypes of builtin and `typing` names (transitively closed).
_SUPERS: dict[str, frozenset[str]] = {
    "bool": frozenset({"int", "float", "complex"}),
    "int": frozenset({"float", "complex"}),
    "float": frozenset({"complex"}),
    "list": frozenset({"Sequence", "MutableSequence", "Collection", "Iterable"}),
    "tuple": frozenset({"Sequence", "Collection", "Iterable"}),
    "MutableSequence": frozenset({"Sequence", "Collection", "Iterable"}),
    "Sequence": frozenset({"Collection", "Iterable"}),
    "Collection": frozenset({"Iterable"}),
    "set": frozenset({"AbstractSet", "MutableSet", "Collection", "Iterable"}),
    "frozenset": frozenset({"AbstractSet", "Collection", "Iterable"}),
    "dict": frozenset({"Mapping", "MutableMapping"}),
    "MutableMapping": frozenset({"Mapping"}),
}
_MAX_EXPANSION = 8


@dataclass(frozen=True, order=True)
class Atom:
    """One member of a union: a (possibly generic) named type, or one `Literal` value.

    For a literal, `head` is `"Literal"` and `literal` the value's Python source (`"'stop'"`,
    `"3"`, `"True"`); `args` are the type arguments of a generic (`list[int]` -> `(int,)`).
    `fallback` marks the member of a discriminated union that takes the tags the SDK does not
    know (its `...Unknown` model): such a union is open, like an open enum.
    """

    head: str
    literal: str | None = None
    args: tuple[FlatType, ...] = ()
    fallback: bool = False

    def __str__(self) -> str:
        if self.literal is not None:
            return f"Literal[{self.literal}]"
        if not self.args:
            return self.head
        return f"{self.head}[{', '.join(str(a) for a in self.args)}]"

    def names(self) -> Iterable[str]:
        """Every type name this atom mentions (its head and those of its arguments)."""
        if self.literal is None:
            yield self.head
        for arg in self.args:
            yield from arg.names()

    @property
    def value_kind(self) -> str | None:
        """For a literal, the builtin type of its value (`str`, `int`, `bool`, ...)."""
        if self.literal is None:
            return None
        try:
            value = ast.literal_eval(self.literal)
        except ValueError:
            return None
        return type(value).__name__


@dataclass(frozen=True, order=True)
class FlatType:
    """A flattened union of `atoms` (sorted, no duplicates), `None` allowed when `nullable`."""

    atoms: tuple[Atom, ...]
    nullable: bool = False

    def __str__(self) -> str:
        literals = [a.literal for a in self.atoms if a.literal is not None]
        parts = [f"Literal[{', '.join(literals)}]"] if literals else []
        parts += [str(a) for a in self.atoms if a.literal is None]
        if self.nullable:
            parts.append("None")
        return " | ".join(parts) if parts else "None"

    @property
    def literals(self) -> tuple[str, ...]:
        """The `Literal` values among the members (Python source of each)."""
        return tuple(a.literal for a in self.atoms if a.literal is not None)

    @property
    def others(self) -> tuple[Atom, ...]:
        """The members that are not `Literal` values."""
        return tuple(a for a in self.atoms if a.literal is None)

    @property
    def is_open_union(self) -> bool:
        """Whether this is a discriminated union with a fallback member for unknown tags."""
        return any(a.fallback for a in self.atoms)

    def names(self) -> Iterable[str]:
        """Every type name mentioned anywhere in this type."""
        for atom in self.atoms:
            yield from atom.names()

    def without(self, heads: Iterable[str]) -> FlatType:
        """This type minus the members whose head is in `heads`."""
        drop = frozenset(heads)
        return FlatType(tuple(a for a in self.atoms if a.head not in drop), self.nullable)


_BOOLS = frozenset({Atom("Literal", "True"), Atom("Literal", "False")})


def _make(atoms: Iterable[Atom], nullable: bool) -> FlatType:
    members = set(atoms)
    if members >= _BOOLS:  # `Literal[False] | Literal[True]` (a `stream` overload) is `bool`
        members = (members - _BOOLS) | {Atom("bool")}
    return FlatType(tuple(sorted(members)), nullable)


def flatten(typ: t.Type, side: ir.Side) -> FlatType:
    """`typ` (an IR type used on `side`) as the diff compares it."""
    return _make(*_atoms(typ, side))


def _atoms(typ: t.Type, side: ir.Side) -> tuple[list[Atom], bool]:
    """The union members of `typ` and whether it admits None."""
    if isinstance(typ, t.Ref):
        return [Atom(typ.name)], False
    if isinstance(typ, t.Primitive):
        return [Atom(typ.kind)], False
    if isinstance(typ, t.NoneType):
        return [], True
    if isinstance(typ, t.Nullable):
        return _atoms(typ.inner, side)[0], True
    if isinstance(typ, t.Union):
        found: list[Atom] = []
        nullable = False
        for member in typ.members:
            atoms, member_null = _atoms(member, side)
            found += atoms
            nullable = nullable or member_null
        return found, nullable
    if isinstance(typ, t.Literal):
        return [Atom("Literal", repr(value)) for value in typ.values], False
    if isinstance(typ, t.List):
        head = "list" if side == "model" else "Sequence"
        return [Atom(head, None, (flatten(typ.item, side),))], False
    if isinstance(typ, t.Dict):
        return [Atom("dict", None, (FlatType((Atom("str"),)), flatten(typ.value, side)))], False
    if isinstance(typ, t.File):
        return [Atom("FileTypes")], False
    assert isinstance(typ, t.Discriminated)
    found, nullable = [], False
    for variant in typ.variants:
        for member in variant.types:
            atoms, member_null = _atoms(member, side)
            found += atoms
            nullable = nullable or member_null
    return [*found, Atom(typ.fallback, fallback=True)], nullable


# ------------------------------------------------------------------------------- subtyping

Resolver = Callable[[str], "FlatType | None"]
"""Looks up a type alias by name (None when the name is not an alias)."""


def _no_aliases(name: str) -> FlatType | None:
    return None


def _expand(t: FlatType, resolve: Resolver, depth: int) -> FlatType:
    """`t` with aliases among its top-level members replaced by what they stand for."""
    if depth >= _MAX_EXPANSION:
        return t
    atoms: list[Atom] = []
    nullable = t.nullable
    changed = False
    for atom in t.atoms:
        target = resolve(atom.head) if atom.literal is None and not atom.args else None
        if target is None:
            atoms.append(atom)
            continue
        changed = True
        inner = _expand(target, resolve, depth + 1)
        atoms += inner.atoms
        nullable = nullable or inner.nullable
    return _make(atoms, nullable) if changed else t


def is_subtype(
    sub: FlatType,
    sup: FlatType,
    resolve_sub: Resolver = _no_aliases,
    resolve_sup: Resolver = _no_aliases,
    depth: int = 0,
) -> bool:
    """Whether every value of `sub` is a value of `sup` (aliases resolved on each side)."""
    if sub == sup:
        return True
    sub = _expand(sub, resolve_sub, depth)
    sup = _expand(sup, resolve_sup, depth)
    if any(a.head in _TOP and a.literal is None for a in sup.atoms):
        return True
    if sub.nullable and not sup.nullable:
        return False
    return all(
        any(_atom_subtype(a, b, resolve_sub, resolve_sup, depth) for b in sup.atoms)
        for a in sub.atoms
    )


def _atom_subtype(
    sub: Atom, sup: Atom, resolve_sub: Resolver, resolve_sup: Resolver, depth: int
) -> bool:
    if sub == sup or sub.head == "Any":
        return True
    if sub.literal is not None:
        if sup.literal is not None:
            return False
        kind = sub.value_kind
        return kind is not None and (sup.head == kind or sup.head in _SUPERS.get(kind, ()))
    if sup.literal is not None:
        return False
    if sub.head != sup.head and sup.head not in _SUPERS.get(sub.head, ()):
        return False
    if not sub.args or not sup.args:
        return True  # a bare generic (`list`) takes any arguments
    if len(sub.args) != len(sup.args):
        return False
    return all(
        is_subtype(a, b, resolve_sub, resolve_sup, depth + 1)
        for a, b in zip(sub.args, sup.args, strict=True)
    )
