"""The type model: what a field, a parameter or a response holds, as data.

A type is one of a few frozen dataclasses; `render` prints them as Python annotations, `review`
compares them, and a front-end can turn them into JSON Schema. Nothing here is Python source.

    Primitive("str")         a JSON scalar (`str`, `int`, `float`, `bool`) or any value (`object`)
    File()                   a file to upload (request side only)
    Literal(("a", "b"))      one of these JSON values (an enum, a `const`)
    Ref("ChatCompletion")    a generated class or alias, by name (names are unique in a package)
    List(item)               a JSON array
    Dict(value)              a JSON object with arbitrary keys
    Union((a, b, ...))       any of two or more types (none of them nullable); `open=True`:
                             an open enum, `Union((Literal(...), str), open=True)`
    Nullable(inner)          `inner` or null
    NONE                     only null
    Discriminated(...)       an object union told apart by a tag property, open to unknown tags

`union`, `nullable` and `strip_null` build types the way JSON Schema's `anyOf` and `null`
combine: unions are flat, without duplicates, and null is one flag on the outside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal as _Literal
from typing import TypeAlias

__all__ = [
    "NONE",
    "OBJECT",
    "Dict",
    "Discriminated",
    "File",
    "List",
    "Literal",
    "LiteralValue",
    "NoneType",
    "Nullable",
    "Primitive",
    "PrimitiveKind",
    "Ref",
    "Type",
    "Union",
    "Variant",
    "children",
    "contains",
    "is_nullable",
    "members",
    "nullable",
    "refs",
    "replace_refs",
    "strip_null",
    "union",
]

PrimitiveKind = _Literal["str", "int", "float", "bool", "object"]
LiteralValue: TypeAlias = "str | int | bool"


@dataclass(frozen=True, slots=True)
class Primitive:
    """A JSON scalar, or `object`: any JSON value."""

    kind: PrimitiveKind


@dataclass(frozen=True, slots=True)
class File:
    """A file the request uploads (bytes, a file object, a path, a `(name, content)` tuple);
    `body`: the whole binary request body, which also takes an iterable of chunks."""

    body: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class Literal:
    """Exactly one of `values` (no duplicates; `1` and `True` are different values)."""

    values: tuple[LiteralValue, ...]

    def _key(self) -> tuple[tuple[bool, LiteralValue], ...]:
        return tuple((isinstance(v, bool), v) for v in self.values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Literal) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


@dataclass(frozen=True, slots=True)
class Ref:
    """A generated class or alias, by its (package-unique) name."""

    name: str


@dataclass(frozen=True, slots=True)
class List:
    """A JSON array of `item`."""

    item: Type


@dataclass(frozen=True, slots=True)
class Dict:
    """A JSON object with string keys and `value` values."""

    value: Type


@dataclass(frozen=True, slots=True)
class Union:
    """Any of `members` (two or more, none of them `Union`, `Nullable` or `NONE`).

    `open`: an open enum (response side): a `Literal` of the values the spec lists, then their
    base type for values a newer server sends. Type checkers and the default validation see
    both members; strict response validation takes only the `Literal`. Flattening it into
    another union (`union`) drops the flag: there the base type is a member in its own right.
    """

    members: tuple[Type, ...]
    open: bool = False


@dataclass(frozen=True, slots=True)
class Nullable:
    """`inner` or null (`inner` is never `Nullable` or `NONE`)."""

    inner: Type


@dataclass(frozen=True, slots=True)
class NoneType:
    """Only null."""


@dataclass(frozen=True, slots=True)
class Variant:
    """The types (one, or several that share the tag) a discriminated union takes for `tag`."""

    tag: str
    types: tuple[Type, ...]


@dataclass(frozen=True, slots=True)
class Discriminated:
    """A union of objects told apart by the value of their `property` (wire name; `attr` is
    the Python attribute); a tag the SDK does not know selects the `fallback` model.

    `untagged` are the tags of the variants that may leave the property out (it is optional
    in them): a value without it is validated as a plain union of those variants, not taken
    for an unknown one."""

    property: str
    attr: str
    variants: tuple[Variant, ...]
    fallback: str
    untagged: tuple[str, ...] = ()

    def untagged_types(self) -> tuple[Type, ...]:
        """The types of the variants in `untagged`, each once, in variant order."""
        found: list[Type] = []
        for variant in self.variants:
            if variant.tag in self.untagged:
                found.extend(m for m in variant.types if m not in found)
        return tuple(found)


Type: TypeAlias = (
    "Primitive | File | Literal | Ref | List | Dict | Union | Nullable | NoneType | Discriminated"
)

OBJECT = Primitive("object")
NONE = NoneType()


def _split(t: Type) -> tuple[tuple[Type, ...], bool]:
    """The union members of `t` (without null) and whether it admits null."""
    if isinstance(t, NoneType):
        return (), True
    if isinstance(t, Nullable):
        return _split(t.inner)[0], True
    if isinstance(t, Union):
        return t.members, False
    return (t,), False


def members(t: Type) -> tuple[Type, ...]:
    """The members of `t` without null (`NONE` has the member `NONE`)."""
    found, _ = _split(t)
    return found or (NONE,)


def is_nullable(t: Type) -> bool:
    """Whether `t` admits null."""
    return isinstance(t, Nullable | NoneType)


def strip_null(t: Type) -> Type:
    """`t` without null (`NONE` stays `NONE`)."""
    return t.inner if isinstance(t, Nullable) else t


def nullable(t: Type, flag: bool = True) -> Type:
    """`t`, admitting null if it did or `flag` is true."""
    if not flag or isinstance(t, Nullable | NoneType):
        return t
    return Nullable(t)


def _of(found: list[Type], null: bool) -> Type:
    if not found:
        return NONE
    core = found[0] if len(found) == 1 else Union(tuple(found))
    return Nullable(core) if null else core


def union(types: Iterable[Type]) -> Type:
    """One flat union of `types`, without duplicate members; `object` absorbs the others."""
    found: list[Type] = []
    null = False
    for item in types:
        parts, item_null = _split(item)
        null = null or item_null
        for part in parts:
            if part not in found:
                found.append(part)
    if OBJECT in found:
        found = [OBJECT]
    return _of(found, null)


def children(t: Type) -> Iterator[Type]:
    """The types directly inside `t`, in printing order."""
    if isinstance(t, List):
        yield t.item
    elif isinstance(t, Dict):
        yield t.value
    elif isinstance(t, Union):
        yield from t.members
    elif isinstance(t, Nullable):
        yield t.inner
    elif isinstance(t, Discriminated):
        for variant in t.variants:
            yield from variant.types
        yield Ref(t.fallback)


def refs(t: Type) -> Iterator[str]:
    """Names of the generated types `t` mentions, in printing order (repeats included)."""
    if isinstance(t, Ref):
        yield t.name
        return
    for child in children(t):
        yield from refs(child)


def contains(t: Type, test: Callable[[Type], bool]) -> bool:
    """Whether `t` or a type inside it passes `test`."""
    return test(t) or any(contains(child, test) for child in children(t))


def replace_refs(t: Type, replace: Callable[[str], Type | None]) -> Type:
    """`t` with each `Ref` for which `replace(name)` gives a type replaced by that type (the
    shape around it is kept as it is, not re-flattened)."""
    if isinstance(t, Ref):
        found = replace(t.name)
        return t if found is None else found
    if isinstance(t, List):
        return List(replace_refs(t.item, replace))
    if isinstance(t, Dict):
        return Dict(replace_refs(t.value, replace))
    if isinstance(t, Union):
        return Union(tuple(replace_refs(m, replace) for m in t.members), t.open)
    if isinstance(t, Nullable):
        return Nullable(replace_refs(t.inner, replace))
    if isinstance(t, Discriminated):
        variants = tuple(
            Variant(v.tag, tuple(replace_refs(m, replace) for m in v.types)) for v in t.variants
        )
        return Discriminated(t.property, t.attr, variants, t.fallback, t.untagged)
    return t
