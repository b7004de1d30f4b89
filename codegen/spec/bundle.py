"""Bundling: one self-contained document from a root file and the files its `$ref`s name.

`bundle(root, document)` walks the root document by OpenAPI object kind (`structure.CHILD_KINDS`),
checks each node (`structure.check_node`) and rewrites every `$ref` to a canonical local JSON
pointer (`#/components/schemas/Pet`, percent-decoded, `~0`/`~1`-escaped). A node of another file
(`other.yaml`, `common.yaml#/components/schemas/Error`) is copied into the root's `components`
section under a unique name; path items referenced from `paths` are inlined. Every problem is a
`SpecError` naming the file and JSON pointer where it is.
"""

from __future__ import annotations

import copy
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SpecError
from .pointer import Missing, lookup, missing_message, pointer_of, split_pointer
from .read import display_path, read_document
from .refs import MAX_REF_HOPS, resolve
from .structure import CHILD_KINDS, SECTION_KINDS, check_node, kind_section

__all__ = ["Bundle", "bundle"]

_Tokens = tuple[str, ...]


@dataclass(frozen=True)
class Bundle:
    """What bundling produced besides the rewritten document: where copied nodes came from."""

    origins: dict[_Tokens, tuple[Path, _Tokens]]
    """Root pointer tokens of each copied node -> (its file, its pointer tokens there)."""


def bundle(root: Path, document: dict[str, Any]) -> Bundle:
    """Bundle `document` (read from `root`) in place; raise `SpecError` on the first problem."""
    bundler = _Bundler(root.resolve(), document)
    bundler.run()
    bundler.check_references()
    return Bundle(bundler.origins)


@dataclass
class _RefSite:
    """A reference found in the root document, checked once bundling is done."""

    holder: dict[str, Any]
    key: str
    tokens: _Tokens


_FILE_SUFFIXES = (".yaml", ".yml", ".json")


def _looks_like_ref(value: str) -> bool:
    """Discriminator mapping values are schema names or references; tell which."""
    return "#" in value or "/" in value or value.lower().endswith(_FILE_SUFFIXES)


class _Bundler:
    """Walks the root document by OpenAPI object kind, checking each node and bundling refs."""

    def __init__(self, root: Path, document: dict[str, Any]) -> None:
        self.root = root
        self.document = document
        self.files: dict[Path, Any] = {root: document}
        self.placed: dict[tuple[Path, _Tokens], _Tokens] = {}
        self.origins: dict[_Tokens, tuple[Path, _Tokens]] = {}
        self.local_refs: list[_RefSite] = []
        self.stack: list[tuple[Any, str, _Tokens, Path]] = []
        self.visited: set[int] = set()

    def run(self) -> None:
        self.stack.append((self.document, "root", (), self.root))
        while self.stack:
            node, kind, tokens, file = self.stack.pop()
            if isinstance(node, dict | list):
                if id(node) in self.visited:  # a YAML alias seen before
                    continue
                self.visited.add(id(node))
            self._visit(node, kind, tokens, file)

    def _error(self, file: Path, tokens: _Tokens, message: str) -> SpecError:
        return SpecError(pointer_of(tokens), message, display_path(file))

    def _visit(self, node: Any, kind: str, tokens: _Tokens, file: Path) -> None:
        if kind == "pathItem" and isinstance(node, dict) and "$ref" in node:
            node, tokens, file = self._inline_path_item(node, tokens, file)
        problem = check_node(kind, node)
        if problem is not None:
            sub, message = problem
            raise self._error(file, tokens + sub, message)
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            self._reference(node, "$ref", kind, tokens, file)
            if kind != "schema":  # other reference objects have only summary/description
                return
        if kind == "schema":
            mapping = node.get("discriminator", {}).get("mapping", {})
            for name, value in mapping.items():
                if _looks_like_ref(value):
                    where = (*tokens, "discriminator", "mapping")
                    self._reference(mapping, name, kind, where, file)
        children: list[tuple[Any, str, _Tokens]] = []
        table = CHILD_KINDS.get(kind, {})
        for key, value in node.items():
            child = table.get(key) or (None if key.startswith("x-") else table.get("*"))
            if child is None:
                continue
            child_kind, arity = child
            if arity == "one":
                children.append((value, child_kind, (*tokens, key)))
            elif arity == "list":
                children.extend(
                    (item, child_kind, (*tokens, key, str(i))) for i, item in enumerate(value)
                )
            else:
                children.extend(
                    (item, child_kind, (*tokens, key, name)) for name, item in value.items()
                )
        self.stack.extend((v, k, t, file) for v, k, t in reversed(children))

    def _split_ref(self, value: str, file: Path, where: _Tokens) -> tuple[Path, _Tokens]:
        """`"other.yaml#/a/b"` read in `file` -> (absolute path of other.yaml, ("a", "b"))."""
        location, _, fragment = value.partition("#")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", location):
            raise self._error(file, where, f"remote $ref {value!r} is not supported")
        target = file
        if location:
            target = (file.parent / urllib.parse.unquote(location)).resolve()
        try:
            tokens = tuple(split_pointer(urllib.parse.unquote(fragment)))
        except ValueError as exc:
            raise self._error(file, where, f"bad $ref {value!r}: {exc}") from None
        return target, tokens

    def _reference(
        self, holder: dict[str, Any], key: str, kind: str, tokens: _Tokens, file: Path
    ) -> None:
        """Rewrite `holder[key]`, a reference read in `file`, to a local pointer in the root."""
        where = (*tokens, key)
        value = holder[key]
        if not isinstance(value, str):
            raise self._error(file, where, "$ref must be a string")
        target, fragment = self._split_ref(value, file, where)
        if target == self.root:
            holder[key] = pointer_of(fragment)
            self.local_refs.append(_RefSite(holder, key, where))
        else:
            holder[key] = pointer_of(self._import(target, fragment, kind, value, file, where))

    def _document(self, target: Path, ref: str, file: Path, where: _Tokens) -> Any:
        if target not in self.files:
            if not target.is_file():
                shown = display_path(target)
                raise self._error(file, where, f"$ref {ref!r}: file {shown} not found")
            self.files[target] = read_document(target)
        return self.files[target]

    def _import(
        self, target: Path, fragment: _Tokens, kind: str, ref: str, file: Path, where: _Tokens
    ) -> _Tokens:
        """Copy the node `ref` names into the root's components; return its root pointer."""
        document = self._document(target, ref, file, where)
        if len(fragment) >= 3 and fragment[0] == "components" and fragment[1] in SECTION_KINDS:
            section, base, rest = fragment[1], fragment[:3], fragment[3:]
            name = fragment[2]
        else:
            section, base, rest = kind_section(kind), fragment, ()
            name = fragment[-1] if fragment else target.stem
        placed = self.placed.get((target, base))
        if placed is None:
            try:
                node = lookup(document, base)
                lookup(node, rest)
            except Missing as exc:
                message = missing_message(ref, (*base, *rest), exc.depth)
                raise self._error(file, where, message) from None
            components = self.document.setdefault("components", {})
            if not isinstance(components, dict):
                raise self._error(self.root, ("components",), "must be an object")
            entries = components.setdefault(section, {})
            if not isinstance(entries, dict):
                raise self._error(self.root, ("components", section), "must be an object")
            unique, n = name, 1
            while unique in entries:
                n += 1
                unique = f"{name}_{n}"
            placed = ("components", section, unique)
            self.placed[(target, base)] = placed
            self.origins[placed] = (target, base)
            entries[unique] = copy.deepcopy(node)
            self.stack.append((entries[unique], SECTION_KINDS[section], base, target))
        else:
            try:
                lookup(self.files[target], (*base, *rest))
            except Missing as exc:
                message = missing_message(ref, (*base, *rest), exc.depth)
                raise self._error(file, where, message) from None
        return (*placed, *rest)

    def _inline_path_item(
        self, node: dict[str, Any], tokens: _Tokens, file: Path
    ) -> tuple[dict[str, Any], _Tokens, Path]:
        """Replace a referenced path item by (a copy of) its target, keeping the ref's place."""
        hops = 0
        while "$ref" in node:
            hops += 1
            where = (*tokens, "$ref")
            value = node.pop("$ref")
            if not isinstance(value, str):
                raise self._error(file, where, "$ref must be a string")
            if hops > MAX_REF_HOPS:
                raise self._error(file, where, f"$ref {value!r}: path item references loop")
            target, fragment = self._split_ref(value, file, where)
            try:
                found = lookup(self._document(target, value, file, where), fragment)
            except Missing as exc:
                raise self._error(
                    file, where, missing_message(value, fragment, exc.depth)
                ) from None
            if not isinstance(found, dict):
                raise self._error(target, fragment, "a path item must be an object")
            for key, item in copy.deepcopy(found).items():
                node.setdefault(key, item)
            tokens, file = fragment, target
        return node, tokens, file

    def check_references(self) -> None:
        """Every local reference resolves and no chain of references loops."""
        shown = display_path(self.root)
        for site in self.local_refs:
            tokens = split_pointer(site.holder[site.key])
            try:
                lookup(self.document, tokens)
            except Missing as exc:
                message = missing_message(site.holder[site.key], tokens, exc.depth)
                raise SpecError(pointer_of(site.tokens), message, shown) from None
        done: set[str] = set()
        for site in self.local_refs:
            if site.key == "$ref" and site.holder[site.key] not in done:
                try:
                    resolve(self.document, site.holder, pointer_of(site.tokens[:-1]))
                except SpecError as exc:
                    exc.file = shown
                    raise
                done.add(site.holder[site.key])
