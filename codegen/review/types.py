"""Types as the diff compares them: flattened unions of atoms, and subtyping between them.

`flatten(t, side)` turns an IR type (`codegen.ir.types`) into a `FlatType`: a sorted, duplicate-
free set of `Atom`s plus a `nullable` flag, so `Nullable(Union((str, int)))` and
`Union((int, str))` + null are the same value; each `Literal` value is an atom of its own (that
is what lets the diff talk about enum values added or removed), and `Literal[True]` with
`Literal[False]` is `bool`. An atom is spelled as the generated code spells it (`list`/`Sequence`
by side, `FileTypes`), so the report reads like the SDK.

`is_subtype` decides whether every value of one type is a value of another, each read in its
`Scope` (aliases expanded; TypedDicts compared by their keys, models by name): the diff calls a
changed type widened, narrowed or different from that, and `unknown` only when it raises
`Undecidable`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .. import ir
from ..ir import types as t

__all__ = [
    "NO_SCOPE",
    "Atom",
    "FlatType",
    "Keys",
    "Resolver",
    "Scope",
    "Undecidable",
    "flatten",
    "is_subtype",
]

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
Keys = Callable[[str], "Mapping[str, tuple[FlatType, bool]] | None"]
"""Looks up the keys of a TypedDict by name: key -> (type, required); None when not one."""


class Undecidable(Exception):
    """Subtyping could not be decided (aliases nested past `_MAX_EXPANSION`)."""


def _no_aliases(name: str) -> FlatType | None:
    return None


def _no_keys(name: str) -> Mapping[str, tuple[FlatType, bool]] | None:
    return None


@dataclass(frozen=True)
class Scope:
    """What the names in a type mean on one side of a comparison: `aliases` are expanded;
    TypedDicts (`keys`) are compared by their keys, as type checkers do (structurally); every
    other class by name (a model is only its own class)."""

    aliases: Resolver = _no_aliases
    keys: Keys = _no_keys


NO_SCOPE = Scope()


def _expand(t: FlatType, resolve: Resolver, depth: int) -> FlatType:
    """`t` with aliases among its top-level members replaced by what they stand for."""
    atoms: list[Atom] = []
    nullable = t.nullable
    changed = False
    for atom in t.atoms:
        target = resolve(atom.head) if atom.literal is None and not atom.args else None
        if target is None:
            atoms.append(atom)
            continue
        if depth >= _MAX_EXPANSION:
            raise Undecidable(f"aliases nest more than {_MAX_EXPANSION} deep at `{atom.head}`")
        changed = True
        inner = _expand(target, resolve, depth + 1)
        atoms += inner.atoms
        nullable = nullable or inner.nullable
    return _make(atoms, nullable) if changed else t


def is_subtype(
    sub: FlatType,
    sup: FlatType,
    sub_scope: Scope = NO_SCOPE,
    sup_scope: Scope = NO_SCOPE,
    depth: int = 0,
    assumed: frozenset[tuple[str, str]] = frozenset(),
) -> bool:
    """Whether every value of `sub` is a value of `sup`, each read in its scope.

    Raises `Undecidable` when aliases nest too deep to tell. `assumed` holds the pairs of
    TypedDicts being compared further up (recursive types): they are taken as compatible.
    """
    if sub == sup:
        return True
    sub = _expand(sub, sub_scope.aliases, depth)
    sup = _expand(sup, sup_scope.aliases, depth)
    if any(a.head in _TOP and a.literal is None for a in sup.atoms):
        return True
    if sub.nullable and not sup.nullable:
        return False
    return all(
        any(_atom_subtype(a, b, sub_scope, sup_scope, depth, assumed) for b in sup.atoms)
        for a in sub.atoms
    )


def _atom_subtype(
    sub: Atom,
    sup: Atom,
    sub_scope: Scope,
    sup_scope: Scope,
    depth: int,
    assumed: frozenset[tuple[str, str]],
) -> bool:
    if sub == sup or (sub.head == "Any" and sub.literal is None):
        return True  # one name on both sides: its own changes are reported on its definition
    if sub.literal is not None:
        if sup.literal is not None:
            return sub.literal == sup.literal
        kind = sub.value_kind
        return kind is not None and (sup.head == kind or sup.head in _SUPERS.get(kind, ()))
    if sup.literal is not None:
        return False
    if not sub.args and not sup.args:
        sub_keys, sup_keys = sub_scope.keys(sub.head), sup_scope.keys(sup.head)
        if sub_keys is not None and sup_keys is not None:
            pair = (sub.head, sup.head)
            if pair in assumed:
                return True
            return _keys_subtype(
                sub_keys, sup_keys, sub_scope, sup_scope, depth + 1, assumed | {pair}
            )
    if sub.head != sup.head and sup.head not in _SUPERS.get(sub.head, ()):
        return False
    if not sub.args or not sup.args:
        return True  # a bare generic (`list`) takes any arguments
    if len(sub.args) != len(sup.args):
        return False
    return all(
        is_subtype(a, b, sub_scope, sup_scope, depth + 1, assumed)
        for a, b in zip(sub.args, sup.args, strict=True)
    )


def _keys_subtype(
    sub: Mapping[str, tuple[FlatType, bool]],
    sup: Mapping[str, tuple[FlatType, bool]],
    sub_scope: Scope,
    sup_scope: Scope,
    depth: int,
    assumed: frozenset[tuple[str, str]],
) -> bool:
    """Whether every dict valid for TypedDict `sub` is valid for TypedDict `sup`: no key `sup`
    lacks, each key `sup` requires always there, and each value's type fits."""
    if set(sub) - set(sup):
        return False
    for key, (sup_type, sup_required) in sup.items():
        if key not in sub:
            if sup_required:
                return False
            continue
        sub_type, sub_required = sub[key]
        if sup_required and not sub_required:
            return False
        if not is_subtype(sub_type, sup_type, sub_scope, sup_scope, depth, assumed):
            return False
    return True
