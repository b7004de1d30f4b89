"""Reading one YAML or JSON file of a spec into data, with errors that name the line.

libyaml's `CSafeLoader` reads the 3 MB OpenAI spec in under a second (the pure-Python loader
takes five times longer). Scalars follow YAML 1.2's core schema (specs are JSON data), keys are
strings, and a key given twice is an error instead of silently losing the first value.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from ..errors import SpecError
from . import cache
from .pointer import pointer_of

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

__all__ = ["display_path", "read_document"]

_Tokens = tuple[str, ...]


def display_path(path: Path) -> str:
    """How to show `path` to the user: relative to the working directory unless it is outside."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return path.as_posix()
    if relative.startswith("..") and path.is_absolute():
        return path.as_posix()
    return Path(relative).as_posix()


class _Loader(_SafeLoader):
    """libyaml-backed safe loader with YAML 1.2 core-schema scalars and string keys.

    Unlike PyYAML's YAML 1.1 defaults, `on`/`yes`/`no` stay strings, dates stay strings (specs
    are JSON data), response codes written as `200:` become the key `"200"`, and a key given
    twice in one mapping is an error instead of silently losing the first value.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[str, Any] = {}
        for key, value_node in self._checked_pairs(node):
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def _checked_pairs(self, node: yaml.MappingNode) -> list[tuple[str, yaml.Node]]:
        """`node`'s (key, value node) pairs, merge keys (`<<`) applied; raises on a key given
        twice or a key that is not a scalar."""
        seen: set[str] = set()
        flatten = False
        for key_node, _ in node.value:
            if key_node.tag in _MERGE_OR_VALUE:
                flatten = True
                if key_node.tag == _MERGE:
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
        if flatten:
            self.flatten_mapping(node)
        pairs = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be scalars", key_node.start_mark
                )
            pairs.append((key_node.value, value_node))
        return pairs

    def construct_document(self, node: yaml.Node) -> Any:
        """The same data as PyYAML's `construct_document`, built in about a third of the time.

        PyYAML builds each mapping and sequence through a generator and a generic dispatch per
        node. Here the plain tags (map, seq, str, null, bool, int, float) are built directly,
        level by level in document order as PyYAML does (so the first error found is the
        same one); a node with any other tag goes through PyYAML's own constructors. Nodes
        an alias shares are built once (`constructed_objects`, shared with those
        constructors), and a collection exists before its items, so recursive aliases work.
        """
        built = self.constructed_objects
        level: list[tuple[Any, Any]] = []  # (collection node, its empty container)
        scalars = self._scalar_constructors

        def build(item: yaml.Node) -> Any:
            if item in built:
                return built[item]
            kind = type(item)
            if kind is yaml.ScalarNode:
                construct = scalars.get(item.tag)
                if construct is not None:
                    return construct(item)
            elif kind is yaml.MappingNode and item.tag == _MAP:
                mapping: dict[str, Any] = {}
                built[item] = mapping
                level.append((item, mapping))
                return mapping
            elif kind is yaml.SequenceNode and item.tag == _SEQ:
                sequence: list[Any] = []
                built[item] = sequence
                level.append((item, sequence))
                return sequence
            return self.construct_object(item, deep=True)

        try:
            data = build(node)
            while level:
                current, level[:] = list(level), []
                for item, container in current:
                    if type(container) is list:
                        container.extend([build(child) for child in item.value])
                    else:
                        for key, value_node in self._checked_pairs(item):
                            container[key] = build(value_node)
            return data
        finally:
            self.constructed_objects = {}
            self.recursive_objects = {}
            self.deep_construct = False

    @functools.cached_property
    def _scalar_constructors(self) -> dict[str, Callable[[Any], Any]]:
        bools = self.bool_values
        return {
            "tag:yaml.org,2002:str": lambda node: node.value,
            "tag:yaml.org,2002:null": lambda node: None,
            "tag:yaml.org,2002:bool": lambda node: bools[node.value.lower()],
            "tag:yaml.org,2002:int": self.construct_yaml_int,
            "tag:yaml.org,2002:float": self.construct_yaml_float,
        }

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


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_MERGE_OR_VALUE = (_MERGE, "tag:yaml.org,2002:value")

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
            raise SpecError(
                pointer_of(tokens), "string is not valid Unicode (lone surrogate)", shown
            )
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
                raise SpecError(pointer_of(tokens), message, shown)
            children.append((value, (*tokens, str(key))))
        stack.extend(reversed(children))  # report the first one in document order


def read_document(path: Path) -> Any:
    """Parse a YAML or JSON file (JSON when the name ends in `.json`).

    Raises `SpecError` (pointer `#`) for a file that cannot be read or parsed; the message
    carries the line and column of a syntax error. With a cache in force (`cache.use`), a file
    parsed before is not parsed again.
    """
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SpecError("#", "file not found", shown) from None
    except OSError as exc:
        raise SpecError("#", f"cannot read file: {exc.strerror}", shown) from None
    is_json = path.suffix.lower() == ".json"
    return cache.parsed(data, "json" if is_json else "yaml", lambda: _parse(data, is_json, shown))


def _parse(data: bytes, is_json: bool, shown: str) -> Any:
    """The document in `data` (the bytes of the file shown to the user as `shown`)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError("#", f"not UTF-8 text (byte {exc.start})", shown) from None
    try:
        if is_json:
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
