"""Bundling: one self-contained document from a root file and the files its `$ref`s name.

`bundle(root, document)` walks the root document by OpenAPI object kind (`structure.CHILD_KINDS`),
checks each node (`structure.check_node`) and rewrites every `$ref` to a canonical local JSON
pointer (`#/components/schemas/Pet`, percent-decoded, `~0`/`~1`-escaped), relative to the file
that holds it:

- A node of another file (`other.yaml`, `common.yaml#/components/schemas/Error`) whose kind has a
  `components` section (schemas, responses, parameters, request bodies, headers, examples, ...)
  is copied into the root's `components` once, under its own name (the last token of the
  pointer, else the file's name; a clash is told apart by the folder it came from).
- A reference to a kind that has none (a path item, or an operation, as DigitalOcean writes
  `get: {$ref: resources/droplets/list.yml}`) is replaced by a copy of its target, the keywords
  next to the `$ref` taking precedence (so `summary`/`description` siblings win).
- A pointer may pass through a `$ref` (`#/components/schemas/A/properties/b/items/oneOf/0`
  where `b` is a reference): it is rewritten to where the node really is.

Problems do not stop the walk: each is a `Problem` with the place in the bundled document it
spoils (so the loader can tell whether an operation needs that place) and the file and pointer
where the user fixes it. A reference to a missing file or pointer names both ends.
"""

from __future__ import annotations

import copy
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SpecError
from .pointer import Missing, locate, pointer_of, split_pointer
from .read import display_path, read_document
from .refs import MAX_REF_HOPS, resolve
from .structure import CHILD_KINDS, SECTION_KINDS, check_node

__all__ = ["Bundle", "Problem", "bundle"]

_Tokens = tuple[str, ...]
_SECTIONS = {kind: section for section, kind in SECTION_KINDS.items()}
# Kinds copied where they are referenced rather than into `components` (path items too: the
# loader reads operations under `paths` and `webhooks` only).
_INLINE = frozenset({"pathItem", "operation", "paths", "responses", "mediaType", "encoding"})


@dataclass(frozen=True)
class Problem:
    """Something wrong in the spec, found while bundling."""

    at: _Tokens
    """Where in the bundled document the problem is (what it spoils)."""
    file: Path
    tokens: _Tokens
    """The file and pointer where the user fixes it."""
    message: str


@dataclass(frozen=True)
class Bundle:
    """What bundling produced besides the rewritten document."""

    origins: dict[_Tokens, tuple[Path, _Tokens]]
    """Root pointer tokens of each copied node -> (its file, its pointer tokens there)."""
    problems: list[Problem] = field(default_factory=list)


def bundle(root: Path, document: dict[str, Any]) -> Bundle:
    """Bundle `document` (read from `root`) in place; every problem found is in the result."""
    bundler = _Bundler(root.resolve(), document)
    bundler.run()
    bundler.check_references()
    return Bundle(bundler.origins, bundler.problems)


@dataclass
class _RefSite:
    """A rewritten reference, checked (and made canonical) once bundling is done."""

    holder: dict[str, Any]
    key: str
    at: _Tokens  # where the reference is in the bundled document
    file: Path  # where it was written
    tokens: _Tokens
    ref: str  # as written
    target: Path  # the file it names, and the pointer there
    fragment: _Tokens


_FILE_SUFFIXES = (".yaml", ".yml", ".json")


def _looks_like_ref(value: str) -> bool:
    """Discriminator mapping values are schema names or references; tell which."""
    return "#" in value or "/" in value or value.lower().endswith(_FILE_SUFFIXES)


_UNRESOLVED = "#/x-sdkgen-unresolved"  # a reference that could not be bundled (a problem says why)


def _copy_data(node: Any) -> Any:
    """`copy.deepcopy(node)` for parsed YAML/JSON data, three times as fast (DigitalOcean copies
    2,000 nodes): dicts and lists are copied, a dict or list the node holds twice (a YAML
    alias) is copied once and stays shared, scalars are immutable and kept; anything else goes
    to `copy.deepcopy`."""
    memo: dict[int, Any] = {}

    def copied(item: Any) -> Any:
        kind = type(item)
        if kind is dict or kind is list:
            done = memo.get(id(item))
            if done is not None:
                return done
            if kind is dict:
                new_dict: dict[Any, Any] = {}
                memo[id(item)] = new_dict
                for key, value in item.items():
                    new_dict[key] = copied(value)
                return new_dict
            new_list: list[Any] = []
            memo[id(item)] = new_list
            new_list.extend([copied(value) for value in item])
            return new_list
        if kind in _SCALARS:
            return item
        return copy.deepcopy(item, memo)

    return copied(node)


_SCALARS = frozenset({str, int, float, bool, type(None)})


class _Failed(Exception):
    """A reference could not be followed (the problem is recorded already)."""


class _Bundler:
    """Walks the root document by OpenAPI object kind, checking each node and bundling refs."""

    def __init__(self, root: Path, document: dict[str, Any]) -> None:
        self.root = root
        self.document = document
        self.files: dict[Path, Any] = {root: document}
        self.broken_files: dict[Path, str] = {}
        self.placed: dict[tuple[Path, _Tokens], _Tokens] = {}
        self.origins: dict[_Tokens, tuple[Path, _Tokens]] = {}
        self.sites: list[_RefSite] = []
        self.problems: list[Problem] = []
        self.seen_problems: set[Problem] = set()
        # (node, kind, where in the bundled document, file, where in that file)
        self.stack: list[tuple[Any, str, _Tokens, Path, _Tokens]] = []
        self.visited: set[int] = set()
        # (directory, location) -> absolute path: resolving walks every path component with
        # lstat, and DigitalOcean's 2,900 files make 8,000 references to a few hundred paths.
        self.resolved: dict[tuple[Path, str], Path] = {}

    def run(self) -> None:
        self.stack.append((self.document, "root", (), self.root, ()))
        while self.stack:
            node, kind, at, file, tokens = self.stack.pop()
            if isinstance(node, dict | list):
                if id(node) in self.visited:  # a YAML alias seen before
                    continue
                self.visited.add(id(node))
            self._visit(node, kind, at, file, tokens)

    def _problem(self, at: _Tokens, file: Path, tokens: _Tokens, message: str) -> None:
        problem = Problem(at, file, tokens, message)
        if problem not in self.seen_problems:  # a loop is met from every reference into it
            self.seen_problems.add(problem)
            self.problems.append(problem)

    def _source(self, at: _Tokens) -> tuple[Path, _Tokens]:
        """The file and pointer there of the bundled document's node at `at`."""
        for size in range(len(at), 0, -1):
            found = self.origins.get(at[:size])
            if found is not None:
                return found[0], found[1] + at[size:]
        return self.root, at

    def _visit(self, node: Any, kind: str, at: _Tokens, file: Path, tokens: _Tokens) -> None:
        if kind in _INLINE and isinstance(node, dict) and "$ref" in node:
            try:
                file, tokens = self._inline(node, at, file, tokens)
            except _Failed:
                return
        problem = check_node(kind, node)
        if problem is not None:
            sub, message = problem
            self._problem(at + sub, file, tokens + sub, message)
            return
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            self._reference(node, "$ref", kind, at, file, tokens)
            if kind != "schema":  # other reference objects have only summary/description
                return
        if kind == "schema":
            mapping = node.get("discriminator", {}).get("mapping", {})
            for name, value in mapping.items():
                if _looks_like_ref(value):
                    where = ("discriminator", "mapping")
                    self._reference(mapping, name, kind, at + where, file, tokens + where)
        children: list[tuple[Any, str, _Tokens, Path, _Tokens]] = []
        table = CHILD_KINDS.get(kind, {})
        for key, value in node.items():
            child = table.get(key) or (None if key.startswith("x-") else table.get("*"))
            if child is None:
                continue
            child_kind, arity = child
            here, there, source = (*at, key), (*tokens, key), file
            if arity == "one":
                children.append((value, child_kind, here, source, there))
                continue
            if arity == "map" and isinstance(value, dict) and isinstance(value.get("$ref"), str):
                # `properties: {$ref: attributes.yml#/droplet_ids}`: a reference to the whole
                # map (not a property named `$ref`, whose schema would be an object).
                try:
                    source, there = self._inline(value, here, file, there)
                except _Failed:
                    continue
            if arity == "list":
                children.extend(
                    (item, child_kind, (*here, str(i)), source, (*there, str(i)))
                    for i, item in enumerate(value)
                )
            elif isinstance(value, dict):
                children.extend(
                    (item, child_kind, (*here, name), source, (*there, name))
                    for name, item in value.items()
                )
        self.stack.extend(reversed(children))

    def _split_ref(
        self, value: Any, at: _Tokens, file: Path, where: _Tokens
    ) -> tuple[Path, _Tokens]:
        """`"other.yaml#/a/b"` read in `file` -> (absolute path of other.yaml, ("a", "b"))."""
        if not isinstance(value, str):
            self._problem(at, file, where, "$ref must be a string")
            raise _Failed
        location, _, fragment = value.partition("#")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", location):
            message = f"remote $ref {value!r} is not supported (download the file and refer to it)"
            self._problem(at, file, where, message)
            raise _Failed
        target = file
        if location:
            key = (file.parent, location)
            resolved = self.resolved.get(key)
            if resolved is None:
                resolved = (file.parent / urllib.parse.unquote(location)).resolve()
                self.resolved[key] = resolved
            target = resolved
        try:
            tokens = tuple(split_pointer(urllib.parse.unquote(fragment)))
        except ValueError as exc:
            self._problem(at, file, where, f"bad $ref {value!r}: {exc}")
            raise _Failed from None
        return target, tokens

    def _document(self, target: Path, ref: str, at: _Tokens, file: Path, where: _Tokens) -> Any:
        """The parsed file `target`; a missing or unreadable file is a problem at the reference."""
        if target in self.files:
            return self.files[target]
        why = self.broken_files.get(target)
        if why is None:
            if not target.is_file():
                why = f"file {display_path(target)} not found"
            else:
                try:
                    self.files[target] = read_document(target)
                    return self.files[target]
                except Exception as exc:  # SpecError: unreadable or invalid YAML/JSON
                    why = str(exc)
            self.broken_files[target] = why
        self._problem(at, file, where, f"$ref {ref!r}: {why}")
        raise _Failed

    def _target_node(
        self, target: Path, fragment: _Tokens, ref: str, at: _Tokens, file: Path, where: _Tokens
    ) -> Any:
        """The node `ref` names (pointers may pass through references inside its file)."""
        document = self._document(target, ref, at, file, where)
        try:
            return locate(document, fragment)[1]
        except Missing as exc:
            self._problem(at, file, where, _missing(ref, target, fragment, exc.depth))
            raise _Failed from None

    def _reference(
        self, holder: dict[str, Any], key: str, kind: str, at: _Tokens, file: Path, tokens: _Tokens
    ) -> None:
        """Rewrite `holder[key]`, a reference read in `file`, to a local pointer in the root."""
        where = (*tokens, key)
        here = (*at, key)
        value = holder[key]
        try:
            target, fragment = self._split_ref(value, here, file, where)
            if target == self.root:
                holder[key] = pointer_of(fragment)
            else:
                holder[key] = pointer_of(
                    self._import(target, fragment, kind, value, here, file, where)
                )
        except _Failed:
            holder[key] = _UNRESOLVED  # never looked up: the problem spoils `at`
            return
        self.sites.append(_RefSite(holder, key, here, file, where, value, target, fragment))

    def _import(
        self,
        target: Path,
        fragment: _Tokens,
        kind: str,
        ref: str,
        at: _Tokens,
        file: Path,
        where: _Tokens,
    ) -> _Tokens:
        """Copy the node `ref` names into the root's components; return its root pointer."""
        document = self._document(target, ref, at, file, where)
        if len(fragment) >= 3 and fragment[0] == "components" and fragment[1] in SECTION_KINDS:
            section, base, rest = fragment[1], fragment[:3], fragment[3:]
        else:
            section, base, rest = _SECTIONS[kind], fragment, ()
        placed = self.placed.get((target, base))
        if placed is not None:
            return (*placed, *rest)
        try:
            node = locate(document, base)[1]
        except Missing as exc:
            self._problem(at, file, where, _missing(ref, target, base, exc.depth))
            raise _Failed from None
        components = self.document.setdefault("components", {})
        if not isinstance(components, dict):
            self._problem(("components",), self.root, ("components",), "must be an object")
            raise _Failed
        entries = components.setdefault(section, {})
        if not isinstance(entries, dict):
            where_section = ("components", section)
            self._problem(where_section, self.root, where_section, "must be an object")
            raise _Failed
        unique = self._unique_name(entries, target, base)
        placed = ("components", section, unique)
        self.placed[(target, base)] = placed
        self.origins[placed] = (target, base)
        entries[unique] = _copy_data(node)
        self.stack.append((entries[unique], SECTION_KINDS[section], placed, target, base))
        return (*placed, *rest)

    def _unique_name(self, entries: dict[str, Any], target: Path, base: _Tokens) -> str:
        """A name in a `components` section for a node copied from `target`: the pointer's last
        token (the file's name for a whole file); on a clash, the folders it is in tell it apart
        (`apps_error` for `apps/error.yml`), and only then a number."""
        if base:
            name = base[-1]
            if name.isdigit() and len(base) > 1:  # `parameters/0`: `parameters_0`
                name = f"{base[-2]}_{name}"
        else:
            name = target.stem
        if name not in entries:
            return name
        relative = (
            target.relative_to(self.root.parent)
            if target.is_relative_to(self.root.parent)
            else target
        )
        folders = [part for part in reversed(relative.parent.parts) if part not in ("", "..", "/")]
        candidate = name
        for folder in folders:
            candidate = f"{folder}_{candidate}"
            if candidate not in entries:
                return candidate
        unique, n = name, 1
        while unique in entries:
            n += 1
            unique = f"{name}_{n}"
        return unique

    def _inline(
        self, node: dict[str, Any], at: _Tokens, file: Path, tokens: _Tokens
    ) -> tuple[Path, _Tokens]:
        """Replace a reference to a node without a components section (a path item, an
        operation, ...) by a copy of its target, keeping the keywords next to the `$ref`."""
        hops = 0
        while "$ref" in node:
            hops += 1
            where = (*tokens, "$ref")
            value = node.pop("$ref")
            if hops > MAX_REF_HOPS:
                self._problem(at, file, where, f"$ref {value!r}: references loop")
                raise _Failed
            target, fragment = self._split_ref(value, at, file, where)
            found = self._target_node(target, fragment, str(value), at, file, where)
            if not isinstance(found, dict):
                self._problem(at, target, fragment, "must be an object")
                raise _Failed
            for key, item in _copy_data(found).items():
                node.setdefault(key, item)
            self.origins[at] = (target, fragment)
            file, tokens = target, fragment
        return file, tokens

    def check_references(self) -> None:
        """Every reference resolves (through other references, if need be: it is rewritten to
        the place it names) and no chain of references loops."""
        for site in self.sites:
            try:
                real, _ = locate(self.document, split_pointer(site.holder[site.key]))
            except Missing as exc:
                # The depth counts the tokens of the pointer the reference was rewritten to.
                depth = exc.depth - (len(split_pointer(site.holder[site.key])) - len(site.fragment))
                message = _missing(site.ref, site.target, site.fragment, max(depth, 0))
                self._problem(site.at, site.file, site.tokens, message)
                site.holder[site.key] = _UNRESOLVED
                continue
            site.holder[site.key] = pointer_of(real)
        done: set[str] = set()
        for site in self.sites:
            if site.key != "$ref" or site.holder[site.key] in done:
                continue
            if site.holder[site.key] == _UNRESOLVED:
                continue
            try:
                resolve(self.document, site.holder, pointer_of(site.at[:-1]))
            except SpecError as exc:
                if _UNRESOLVED[2:] not in exc.message:  # else reported where it is
                    at = tuple(split_pointer(exc.pointer))  # where the chain loops
                    self._problem(at, *self._source(at), exc.message)
                continue
            done.add(site.holder[site.key])


def _missing(ref: str, target: Path, fragment: _Tokens, depth: int) -> str:
    """Why `ref` (to `fragment` in `target`) names nothing: where the walk stopped."""
    if not fragment:
        return f"$ref {ref!r} does not resolve in {display_path(target)}"
    depth = min(depth, len(fragment) - 1)
    return (
        f"$ref {ref!r} does not resolve: {display_path(target)}"
        f"{pointer_of(fragment[:depth])} has no {fragment[depth]!r}"
    )
