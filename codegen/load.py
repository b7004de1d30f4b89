"""Stage 1, load: read an OpenAPI document, bundle external `$ref`s, check its structure.

`load_spec(path)` returns a `Spec` whose `.document` is self-contained: every `$ref` in it is a
canonical local JSON pointer (`#/components/schemas/Pet`, percent-decoded, `~0`/`~1`-escaped)
that resolves, and no chain of references loops. External references (`other.yaml`,
`common.yaml#/components/schemas/Error`) are copied into the root's `components` section under
a unique name and rewritten; path items referenced from `paths` are inlined. Every problem is a
`SpecError` naming the file and JSON pointer where it is, never a traceback.

Reading is the expensive part on big specs (libyaml's `CSafeLoader` reads the 3 MB OpenAI spec
in under a second; the pure-Python loader takes five times longer). Full validation against the
OpenAPI schema (`codegen.validate`, openapi-spec-validator) takes several seconds on such a
spec, so it only runs when asked (`validate=True`, `python -m codegen validate`); the
structural checks in `codegen.structure` always run.
"""

from __future__ import annotations

import copy
import json
import os
import re
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostic, SpecError, normalize_pointer
from .structure import (
    CHILD_KINDS,
    SECTION_KINDS,
    check_document,
    check_node,
    kind_section,
)

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

__all__ = [
    "Spec",
    "display_path",
    "escape_token",
    "join_pointer",
    "load_spec",
    "read_document",
    "split_pointer",
]

MAX_REF_HOPS = 64
_Tokens = tuple[str, ...]


# --- JSON pointers ---------------------------------------------------------------------------


def escape_token(token: str | int) -> str:
    """Escape one reference token (`~` -> `~0`, `/` -> `~1`)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    """`join_pointer("#/paths", "/files", "get")` -> `"#/paths/~1files/get"`."""
    return normalize_pointer(pointer) + "".join("/" + escape_token(t) for t in tokens)


def split_pointer(pointer: str) -> list[str]:
    """`"#/paths/~1files/get"` -> `["paths", "/files", "get"]`; raises `ValueError` if malformed."""
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body:
        return []
    if not body.startswith("/"):
        raise ValueError(f"JSON pointer {pointer!r} must start with '/'")
    return [t.replace("~1", "/").replace("~0", "~") for t in body[1:].split("/")]


def _pointer(tokens: _Tokens | list[str]) -> str:
    return join_pointer("#", *tokens)


class _Missing(Exception):
    """`_lookup` failed at `tokens[:depth]`: that node has no child `tokens[depth]`."""

    def __init__(self, depth: int) -> None:
        self.depth = depth


def _lookup(document: Any, tokens: _Tokens | list[str]) -> Any:
    node = document
    for depth, token in enumerate(tokens):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif (
            isinstance(node, list)
            and token.isdigit()
            and (token == "0" or not token.startswith("0"))
            and int(token) < len(node)
        ):
            node = node[int(token)]
        else:
            raise _Missing(depth)
    return node


def _missing_message(ref: str, tokens: _Tokens | list[str], depth: int) -> str:
    return f"$ref {ref!r} does not resolve: {_pointer(tokens[:depth])} has no {tokens[depth]!r}"


def display_path(path: Path) -> str:
    """How to show `path` to the user: relative to the working directory unless it is outside."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return path.as_posix()
    if relative.startswith("..") and path.is_absolute():
        return path.as_posix()
    return Path(relative).as_posix()


# --- reading YAML and JSON -------------------------------------------------------------------


class _Loader(_SafeLoader):
    """libyaml-backed safe loader with YAML 1.2 core-schema scalars and string keys.

    Unlike PyYAML's YAML 1.1 defaults, `on`/`yes`/`no` stay strings, dates stay strings (specs
    are JSON data), response codes written as `200:` become the key `"200"`, and a key given
    twice in one mapping is an error instead of silently losing the first value.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be scalars", key_node.start_mark
                )
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                )
            seen.add(key_node.value)
        self.flatten_mapping(node)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be scalars", key_node.start_mark
                )
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: yaml.Node) -> int:
        text = str(self.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
        try:
            if text.lstrip("+-").startswith("0x"):
                sign = -1 if text.startswith("-") else 1
                return sign * int(text.lstrip("+-")[2:], 16)
            return int(text, 10)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid integer {text!r}", node.start_mark
            ) from None


_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("int", r"[-+]?[0-9]+|0x[0-9a-fA-F]+", "-+0123456789"),
    (
        "float",
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+0123456789.",
    ),
    ("merge", r"<<", "<"),
):
    _Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$"), list(_first)
    )
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise ValueError(f"duplicate key {key!r}")
        mapping[key] = value
    return mapping


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _reject_lone_surrogates(document: Any, shown: str) -> None:
    """Raise `SpecError` at the first key or string holding a lone surrogate (JSON can write
    one as `"\\ud800"`): it is not text, and no later stage could print or validate it."""
    stack: list[tuple[Any, _Tokens]] = [(document, ())]
    while stack:
        node, tokens = stack.pop()
        if isinstance(node, str) and _SURROGATE.search(node):
            raise SpecError(_pointer(tokens), "string is not valid Unicode (lone surrogate)", shown)
        if isinstance(node, dict):
            items: Iterable[tuple[Any, Any]] = node.items()
        elif isinstance(node, list):
            items = enumerate(node)
        else:
            continue
        children = []
        for key, value in items:
            if isinstance(key, str) and _SURROGATE.search(key):
                message = f"key {key!r} is not valid Unicode (lone surrogate)"
                raise SpecError(_pointer(tokens), message, shown)
            children.append((value, (*tokens, str(key))))
        stack.extend(reversed(children))  # report the first one in document order


def read_document(path: Path) -> Any:
    """Parse a YAML or JSON file (JSON when the name ends in `.json`).

    Raises `SpecError` (pointer `#`) for a file that cannot be read or parsed; the message
    carries the line and column of a syntax error.
    """
    shown = display_path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise SpecError("#", "file not found", shown) from None
    except UnicodeDecodeError as exc:
        raise SpecError("#", f"not UTF-8 text (byte {exc.start})", shown) from None
    except OSError as exc:
        raise SpecError("#", f"cannot read file: {exc.strerror}", shown) from None
    try:
        if path.suffix.lower() == ".json":
            document = json.loads(text, object_pairs_hook=_reject_duplicates)
            if _SURROGATE_ESCAPE.search(text):  # YAML rejects these escapes itself
                _reject_lone_surrogates(document, shown)
            return document
        return yaml.load(text, Loader=_Loader)
    except json.JSONDecodeError as exc:
        raise SpecError(
            "#", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", shown
        ) from None
    except ValueError as exc:  # duplicate JSON key
        raise SpecError("#", f"invalid JSON: {exc}", shown) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise SpecError("#", f"invalid YAML{where}: {problem}", shown) from None
    except yaml.YAMLError as exc:
        raise SpecError("#", f"invalid YAML: {exc}", shown) from None
    except RecursionError:
        raise SpecError("#", "document is nested too deeply", shown) from None


# --- the loaded spec -------------------------------------------------------------------------


@dataclass
class Spec:
    """A loaded, bundled and checked OpenAPI document."""

    document: dict[str, Any]
    path: Path
    openapi_version: str
    origins: dict[_Tokens, tuple[Path, _Tokens]] = field(default_factory=dict, repr=False)
    """Where bundled nodes came from: root pointer tokens -> (file, pointer tokens there)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Warnings found while loading (e.g. an operation skipped because it cannot be called)."""

    def node(self, pointer: str) -> Any:
        """The node at `pointer` (`#/components/schemas/Pet`); `SpecError` if there is none."""
        try:
            tokens = split_pointer(pointer)
            return _lookup(self.document, tokens)
        except ValueError as exc:
            raise SpecError(pointer, str(exc)) from None
        except _Missing as exc:
            raise SpecError(
                pointer, f"{_pointer(tokens[: exc.depth])} has no {tokens[exc.depth]!r}"
            ) from None

    def resolve(self, node: Any, pointer: str = "#") -> tuple[str, Any]:
        """Follow `node`'s `$ref` chain; return the final node and its pointer.

        A node that is not a reference is returned as is, with `pointer` (where the caller found
        it). Loops (`A -> B -> A`) and chains longer than `MAX_REF_HOPS` raise `SpecError`.
        """
        seen = [normalize_pointer(pointer)]
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            target = node["$ref"]
            if target in seen:
                chain = " -> ".join([*seen[1:], target])
                raise SpecError(join_pointer(seen[-1], "$ref"), f"$ref chain loops: {chain}")
            if len(seen) > MAX_REF_HOPS:
                message = f"$ref chain from {seen[1]} is longer than {MAX_REF_HOPS} hops"
                raise SpecError(join_pointer(seen[-1], "$ref"), message)
            seen.append(target)
            node = self.node(target)
        return seen[-1], node

    def origin(self, pointer: str) -> tuple[Path, str]:
        """The file and pointer a node of the bundled document was read from."""
        tokens = tuple(split_pointer(pointer))
        for size in range(len(tokens), 0, -1):
            found = self.origins.get(tokens[:size])
            if found is not None:
                file, base = found
                return file, _pointer(base + tokens[size:])
        return self.path, normalize_pointer(pointer)


# --- bundling and checking -------------------------------------------------------------------


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
        return SpecError(_pointer(tokens), message, display_path(file))

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
            holder[key] = _pointer(fragment)
            self.local_refs.append(_RefSite(holder, key, where))
        else:
            holder[key] = _pointer(self._import(target, fragment, kind, value, file, where))

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
                node = _lookup(document, base)
                _lookup(node, rest)
            except _Missing as exc:
                message = _missing_message(ref, (*base, *rest), exc.depth)
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
                _lookup(self.files[target], (*base, *rest))
            except _Missing as exc:
                message = _missing_message(ref, (*base, *rest), exc.depth)
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
                found = _lookup(self._document(target, value, file, where), fragment)
            except _Missing as exc:
                raise self._error(
                    file, where, _missing_message(value, fragment, exc.depth)
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
                _lookup(self.document, tokens)
            except _Missing as exc:
                message = _missing_message(site.holder[site.key], tokens, exc.depth)
                raise SpecError(_pointer(site.tokens), message, shown) from None
        spec = Spec(self.document, self.root, "")
        done: set[str] = set()
        for site in self.local_refs:
            if site.key == "$ref" and site.holder[site.key] not in done:
                try:
                    spec.resolve(site.holder, _pointer(site.tokens[:-1]))
                except SpecError as exc:
                    exc.file = shown
                    raise
                done.add(site.holder[site.key])


def load_spec(path: Path, *, validate: bool = False) -> Spec:
    """Read, bundle and check the OpenAPI document at `path`.

    With `validate=True` the document is also validated against the OpenAPI schema with
    `openapi-spec-validator` (slow on big specs); the first problem raises `SpecError`.
    """
    shown = display_path(path)
    document = read_document(path)
    if not isinstance(document, dict):
        raise SpecError("#", "an OpenAPI document must be an object", shown)
    version = document.get("openapi")
    if not isinstance(version, str) or not re.fullmatch(r"3\.[01]\.\d+(?:-[\w.]+)?", version):
        raise SpecError(
            "#/openapi",
            f"expected an OpenAPI version string 3.0.x or 3.1.x, got {version!r}",
            shown,
        )
    bundler = _Bundler(path.resolve(), document)
    try:
        bundler.run()
        bundler.check_references()
        spec = Spec(document, path, version, bundler.origins)
        spec.diagnostics = check_document(spec)
    except RecursionError:
        raise SpecError("#", "document is nested too deeply", shown) from None
    for problem in spec.diagnostics:
        if problem.level == "error":
            raise SpecError(problem.pointer, problem.message, shown)
    if validate:
        from .validate import validate_spec

        problems = validate_spec(spec)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise SpecError(problems[0].pointer, problems[0].message + more, shown)
    return spec
