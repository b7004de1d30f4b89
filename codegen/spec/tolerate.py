"""Tolerance with a paper trail: a problem only stops generation where an operation needs it.

Bundling reports every problem it finds (`bundle.Problem`) with the place in the bundled document
it spoils. `tolerate` sorts them:

- in an operation (under `paths`), in a component some operation references (directly or
  through other components), or anywhere else the SDK as a whole depends on (`servers`, ...):
  an error, `SpecError` with the file and JSON pointer to fix, and which operation needs it;
- in a component no operation reaches (a schema only other unused schemas use, an unused
  response) or in a webhook: a `warning`, and that component or webhook is removed from the
  document, with every other unreached one that references it (each with its own warning).

So one invalid schema nobody uses (an empty `oneOf`, a dangling discriminator mapping) costs
that schema, not the whole SDK, and the report says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import Diagnostic, SpecError
from .bundle import Problem
from .pointer import Missing, pointer_of, split_pointer
from .read import display_path
from .refs import node_at
from .structure import HTTP_METHODS

__all__ = ["UNREACHED", "reached_components", "tolerate"]

UNREACHED = "unreached-problem"
"""The kind of the warning for a problem in a part of the spec no operation uses."""

_Entry = tuple[str, ...]  # ("components", section, name) or ("webhooks", name)


def _entry_of(tokens: tuple[str, ...] | list[str]) -> _Entry | None:
    if len(tokens) >= 3 and tokens[0] == "components":
        return tuple(tokens[:3])
    if len(tokens) >= 2 and tokens[0] == "webhooks":
        return tuple(tokens[:2])
    return None


def _operation_of(tokens: tuple[str, ...]) -> str:
    if len(tokens) >= 3 and tokens[2] in HTTP_METHODS:
        return f"{tokens[2].upper()} {tokens[1]}"
    if len(tokens) >= 2:
        return f"the operations of {tokens[1]}"
    return "every operation"


class _References:
    """What each part of a (bundled) document references, found by walking it once."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._walked: dict[int, set[_Entry]] = {}

    def of(self, node: Any) -> set[_Entry]:
        """Components (and webhooks) that `node` references, following references that lead
        elsewhere (into `paths`, an `x-` extension) to what those reference."""
        found: set[_Entry] = set()
        stack = [node]
        seen: set[int] = set()
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                if id(item) not in seen:
                    seen.add(id(item))
                    stack.extend(item)
                continue
            if not isinstance(item, dict) or id(item) in seen:
                continue
            seen.add(id(item))
            ref = item.get("$ref")
            targets = [ref] if isinstance(ref, str) else []
            discriminator = item.get("discriminator")
            if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
                for value in discriminator["mapping"].values():
                    if isinstance(value, str):
                        targets.append(value if "/" in value else f"#/components/schemas/{value}")
            for target in targets:
                if not target.startswith("#"):
                    continue  # not bundled: the problem that left it is reported already
                try:
                    tokens = split_pointer(target)
                except ValueError:
                    continue
                entry = _entry_of(tokens)
                if entry is not None:
                    found.add(entry)
                else:
                    try:
                        stack.append(node_at(self.document, target))
                    except (SpecError, Missing):
                        continue
            stack.extend(item.values())
        return found

    def entry(self, entry: _Entry) -> set[_Entry]:
        node = self.node(entry)
        if node is None:
            return set()
        cached = self._walked.get(id(node))
        if cached is None:
            cached = self._walked[id(node)] = self.of(node)
        return cached

    def node(self, entry: _Entry) -> Any:
        node: Any = self.document
        for token in entry:
            if not isinstance(node, dict) or token not in node:
                return None
            node = node[token]
        return node


def _operations(document: dict[str, Any]) -> Iterable[tuple[str, Any]]:
    """(`"GET /path"`, what it consists of) for every operation under `paths`."""
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict) or str(path).startswith("x-"):
            continue
        shared = item.get("parameters")
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield f"{method.upper()} {path}", [item[method], shared]


def reached_components(document: dict[str, Any]) -> dict[_Entry, str]:
    """Every component an operation needs -> the first operation (in document order) needing it."""
    refs = _References(document)
    reached: dict[_Entry, str] = {}
    for key, parts in _operations(document):
        stack = sorted(refs.of(parts) - reached.keys())
        while stack:
            entry = stack.pop()
            if entry in reached:
                continue
            reached[entry] = key
            stack.extend(sorted(refs.entry(entry) - reached.keys()))
    return reached


def tolerate(document: dict[str, Any], problems: list[Problem]) -> list[Diagnostic]:
    """Raise `SpecError` for the first problem an operation needs; remove the unreached parts
    the others are in and return a warning for each (see the module docstring)."""
    if not problems:
        return []
    reached = reached_components(document)
    errors: list[tuple[Problem, str]] = []
    broken: dict[_Entry, list[Problem]] = {}
    for problem in problems:
        entry = _entry_of(problem.at)
        if entry is None:
            needed_by = _operation_of(problem.at) if problem.at[:1] == ("paths",) else ""
            errors.append((problem, needed_by))
        elif entry in reached:
            errors.append((problem, reached[entry]))
        else:
            broken.setdefault(entry, []).append(problem)
    if errors:
        first, needed_by = errors[0]
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        needed = f" (needed by {needed_by})" if needed_by else ""
        message = f"{first.message}{needed}{more}"
        raise SpecError(pointer_of(first.tokens), message, display_path(first.file))
    warnings: list[Diagnostic] = []
    removed: dict[_Entry, None] = {}
    for entry, found in broken.items():
        removed[entry] = None
        for problem in found:
            where = f"{display_path(problem.file)}{pointer_of(problem.tokens)}"
            message = (
                f"{problem.message} (at {where}); no operation uses {pointer_of(entry)}, so it "
                "is skipped"
            )
            warnings.append(Diagnostic("warning", pointer_of(problem.at), message, UNREACHED))
    refs = _References(document)
    entries = [
        (section_key, name)
        for section_key in ("components", "webhooks")
        for name in _names(document, section_key)
    ]
    changed = True
    while changed:
        changed = False
        for key, name in entries:
            entry = (key, *name)
            if entry in removed or entry in reached:
                continue
            uses = sorted(refs.entry(entry) & removed.keys())
            if uses:
                removed[entry] = None
                changed = True
                message = f"uses {pointer_of(uses[0])}, which is skipped; skipped too"
                warnings.append(Diagnostic("warning", pointer_of(entry), message, UNREACHED))
    for entry in removed:
        parent = refs.node(entry[:-1])
        if isinstance(parent, dict):
            parent.pop(entry[-1], None)
    return warnings


def _names(document: dict[str, Any], key: str) -> list[tuple[str, ...]]:
    """(section, name) of every component, or (name,) of every webhook."""
    node = document.get(key)
    if not isinstance(node, dict):
        return []
    if key == "webhooks":
        return [(name,) for name in node]
    return [
        (section, name)
        for section, entries in node.items()
        if isinstance(entries, dict)
        for name in entries
    ]
