"""Python type expressions as data: parse the annotations `lower` prints, compare them.

Used by `codegen.surface` and `codegen.diff` to decide whether a changed annotation accepts more
values (widened), fewer (narrowed), or different ones. A `PyType` is a flattened union: `atoms`
plus a `nullable` flag, so `Optional[Union[str, int]]`, `str | int | None` and
`Union[int, str, None]` are the same value. `Literal["a", "b"]` becomes one atom per value, which
is what lets the diff talk about enum values added or removed.

Markers that say how a value is passed rather than what it is are stripped: `Required[...]` /
`NotRequired[...]` (reported by `parse_marked`), `Annotated[X, ...]` metadata, and the
`NotGiven` / `Omit` sentinels of optional method arguments.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Atom", "PyType", "Resolver", "is_subtype", "parse", "parse_marked"]

_WRAPPERS = frozenset({"Annotated", "ClassVar", "Final", "ReadOnly"})
_MARKERS = {"Required": True, "NotRequired": False}
_SENTINELS = frozenset({"NotGiven", "Omit", "NoneType"})
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

    For a literal, `head` is `"Literal"` and `literal` the value's Python source (`'"stop"'`,
    `"3"`, `"True"`); `args` are the type arguments of a generic (`list[int]` -> `("int",)`).
    `fallback` marks the member of a discriminated union that takes the tags the SDK does not
    know (`Annotated[XUnknown, Tag(UNKNOWN_TAG)]`): such a union is open, like an open enum.
    """

    head: str
    literal: str | None = None
    args: tuple[PyType, ...] = ()
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
class PyType:
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

    def without(self, heads: Iterable[str]) -> PyType:
        """This type minus the members whose head is in `heads`."""
        drop = frozenset(heads)
        return PyType(tuple(a for a in self.atoms if a.head not in drop), self.nullable)


_BOOLS = frozenset({Atom("Literal", "True"), Atom("Literal", "False")})


def _make(atoms: Iterable[Atom], nullable: bool) -> PyType:
    members = set(atoms)
    if members >= _BOOLS:  # `Literal[False] | Literal[True]` (a `stream` overload) is `bool`
        members = (members - _BOOLS) | {Atom("bool")}
    return PyType(tuple(sorted(members)), nullable)


@lru_cache(maxsize=65536)
def parse_marked(annotation: str) -> tuple[PyType, bool | None]:
    """Parse `annotation`; also say whether it was `Required[...]` (True), `NotRequired` (False)."""
    try:
        node = ast.parse(annotation.strip(), mode="eval").body
    except SyntaxError:
        return PyType((Atom(annotation.strip()),)), None
    marker: bool | None = None
    while isinstance(node, ast.Subscript) and _head(node.value) in (*_MARKERS, *_WRAPPERS):
        head = _head(node.value)
        if head in _MARKERS and marker is None:
            marker = _MARKERS[head]
        node = _elements(node.slice)[0]
    atoms, nullable = _convert(node)
    return _make(atoms, nullable), marker


def parse(annotation: str) -> PyType:
    """Parse a printed annotation (`Optional[Union[Literal["a"], str]]`, `X | NotGiven`, ...)."""
    return parse_marked(annotation)[0]


def _head(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        name = node.id
    elif isinstance(node, ast.Attribute):
        name = node.attr  # `typing.Optional`, `shared.Foo`: the last component names it
    else:
        name = ast.unparse(node)
    # Generated code spells builtins (`list`, `type`); a name like `List` or `Type` is a class
    # the spec defines, never `typing`'s alias.
    return name


def _elements(node: ast.expr) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, ast.Tuple) else [node]


def _convert(node: ast.expr) -> tuple[list[Atom], bool]:
    """The union members of `node` and whether it admits None."""
    if isinstance(node, ast.Constant):
        if node.value is None:
            return [], True
        if isinstance(node.value, str):  # a forward reference: "Foo"
            parsed = parse(node.value)
            return list(parsed.atoms), parsed.nullable
        return [Atom(ast.unparse(node))], False
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, left_null = _convert(node.left)
        right, right_null = _convert(node.right)
        return left + right, left_null or right_null
    if isinstance(node, (ast.Name, ast.Attribute)):
        head = _head(node)
        if head in _SENTINELS:
            return [], head == "NoneType"
        return [Atom(head)], False
    if isinstance(node, ast.Subscript):
        return _convert_subscript(_head(node.value), _elements(node.slice))
    return [Atom(ast.unparse(node))], False


def _convert_subscript(head: str, elements: list[ast.expr]) -> tuple[list[Atom], bool]:
    if head in ("Union", "Optional"):
        atoms: list[Atom] = []
        nullable = head == "Optional"
        for element in elements:
            more, more_null = _convert(element)
            atoms += more
            nullable = nullable or more_null
        return atoms, nullable
    if head == "Literal":
        atoms, nullable = [], False
        for element in elements:
            if isinstance(element, ast.Constant) and element.value is None:
                nullable = True
            elif isinstance(element, ast.Subscript) and _head(element.value) == "Literal":
                more, more_null = _convert(element)
                atoms += more
                nullable = nullable or more_null
            else:
                atoms.append(Atom("Literal", ast.unparse(element)))
        return atoms, nullable
    if head in _WRAPPERS or head in _MARKERS:
        atoms, nullable = _convert(elements[0])
        if head == "Annotated" and any(_is_fallback_tag(e) for e in elements[1:]):
            atoms = [Atom(a.head, a.literal, a.args, fallback=True) for a in atoms]
        return atoms, nullable
    args = tuple(_make(*_convert(e)) for e in elements)
    return [Atom(head, None, args)], False


def _is_fallback_tag(node: ast.expr) -> bool:
    """`Tag(UNKNOWN_TAG)`: the metadata `lower` puts on a discriminated union's fallback."""
    return (
        isinstance(node, ast.Call)
        and _head(node.func) == "Tag"
        and len(node.args) == 1
        and _head(node.args[0]) == "UNKNOWN_TAG"
    )


# ------------------------------------------------------------------------------- subtyping

Resolver = Callable[[str], "PyType | None"]
"""Looks up a type alias by name (None when the name is not an alias)."""


def _no_aliases(name: str) -> PyType | None:
    return None


def _expand(t: PyType, resolve: Resolver, depth: int) -> PyType:
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
    sub: PyType,
    sup: PyType,
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
